"""The clause helpers (coding/clauses.py) on parses built by hand, as the model makes them."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parley.coding.clauses import arrival_of, governing_verb, happened, purpose_clauses


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower().rstrip("d") if w.endswith("ed") else w.lower() for w in words])


def test_a_gift_arrives_through_its_consignment():
    # "a consignment of doses donated by China arrived in Harare"
    doc = parse(["consignment", "of", "doses", "donated", "by", "China", "arrive", "in", "Harare"],
                [6, 0, 1, 2, 3, 4, 6, 6, 7],
                ["nsubj", "prep", "pobj", "acl", "agent", "pobj", "ROOT", "prep", "pobj"],
                ["NOUN", "ADP", "NOUN", "VERB", "ADP", "PROPN", "VERB", "ADP", "PROPN"])
    assert arrival_of(doc[3]).i == 6
    assert arrival_of(doc[6]) is None  # the arrival itself describes no gift


def test_the_verb_a_noun_belongs_to_and_a_verbs_purpose():
    # "Japan sent aid to help flood victims"
    doc = parse(["Japan", "sent", "aid", "to", "help", "victims"], [1, 1, 1, 4, 1, 4],
                ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj"], ["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN"])
    assert governing_verb(doc[2]).i == 1
    assert [t.text for t in purpose_clauses(doc[1])] == ["help"]



def test_an_event_noun_said_to_have_happened():
    # "fighting took place in Jableh", "clashes broke out", but not "talks took a turn"
    took = parse(["fighting", "take", "place", "in", "Jableh"], [1, 1, 1, 1, 3],
                 ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["NOUN", "VERB", "NOUN", "ADP", "PROPN"])
    broke = parse(["clashes", "break", "out"], [1, 1, 1], ["nsubj", "ROOT", "prt"], ["NOUN", "VERB", "ADP"])
    turn = parse(["talks", "take", "a", "turn"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
                 ["NOUN", "VERB", "DET", "NOUN"])
    assert happened(took[0]) and happened(broke[0])
    assert not happened(turn[0]) and not happened(took[4])
