"""How a place mention hangs from an event's clause, read off the dependency parse: the
prepositions that place, the clauses that tell the same occurrence, what force is aimed at, and
the words around a mention that say it is a place (the place stage's grammar; component.py
chooses among the mentions these find)."""
from __future__ import annotations

import calendar

from spacy.tokens import Span, Token

from .gazetteer import ADMIN_NOUNS, AROUND, Cue

__all__ = ["CALENDAR", "DESTINATION_PREPS", "DIRECT_PREPS", "GATHERINGS", "PLACE_NOUNS", "PLACE_PREPS",
           "SAME_TIME_MARKS", "acted_on", "after_place_noun", "aimed_at", "cue_of", "described_by_where",
           "destination", "hyphenated", "names_camp", "names_gathering", "names_more_exact", "names_place",
           "names_settlement", "over", "same_occurrence", "with_kind"]

PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "to", "across", "around", "throughout",
                         "within", "through", "along", "off", "onto", "beyond", "above", "below", "opposite",
                         "on", "from", "of"})
# The prepositions a place hangs from directly ("in Hyderabad"); "on"/"from"/"of" only inside a place phrase.
DIRECT_PREPS = PLACE_PREPS - {"on", "from", "of"}
# Names of months and weekdays: dates, whatever town bears the name ("in March").
CALENDAR = frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.day_name))
# Gatherings named after where they meet ("the Antalya Diplomacy Forum").
GATHERINGS = frozenset({"forum", "summit", "conference", "talks", "dialogue", "meeting", "congress", "convention",
                        "games", "festival", "expo"})
# Where the action was aimed, not where it happened ("sent troops to the border").
DESTINATION_PREPS = frozenset({"to", "into", "onto", "toward", "towards"})
# Nouns of places: "the city of Basra", "Russia's Kursk region", "at the Grasberg mine".
PLACE_NOUNS = frozenset({"city", "town", "capital", "province", "region", "village", "area", "district",
                         "state", "port", "border", "outskirts", "outskirt", "suburb", "county", "island", "camp",
                         "edge", "coast", "shore", "bank", "street", "road", "highway", "frontier", "side", "fringe",
                         "centre", "center", "heart", "part", "township", "neighbourhood", "neighborhood", "slum",
                         "quarter", "enclave", "suburbs", "mine", "base", "valley", "sideline", "sidelines", "venue"})
# subordinate clauses that happen with the main clause's event, not before or after it
SAME_TIME_MARKS = frozenset({"when", "as", "while"})


def same_occurrence(clause: Token) -> bool:
    """An adverbial clause that tells the main event's circumstances: a participle with no subject
    of its own ("Speaking in Caracas, ...") or a when/as/while clause."""
    if any(c.dep_ in {"mark", "advmod"} and c.lower_ in SAME_TIME_MARKS and c.i < clause.i for c in clause.children):
        return True  # the parser makes "when" a marker or an adverb
    if any(c.dep_ == "mark" for c in clause.children):
        return False  # "after", "before", "because": another occurrence
    return clause.tag_ in {"VBG", "VBN"} and not any(c.dep_.startswith("nsubj") for c in clause.children)


def described_by_where(verb: Token) -> Token | None:
    """The noun a relative clause opened by "where" describes ("the Kursk region, where troops
    launched an offensive"): the clause happened there."""
    if verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
        return None
    return verb.head


def destination(root: Token, own: set[int]) -> bool:
    """The place phrase reaches the event's words through "to", "into", "towards": where the
    action was aimed, which counts after where it happened."""
    return _prep_at_event(root, own) in DESTINATION_PREPS


def origin(root: Token, own: set[int]) -> bool:
    """The place phrase reaches the event's words through "from" and they also say what was aimed
    "at": where fire was launched from ("fired from areas of Yemen at a ship in the Gulf of Aden"),
    which counts after where it landed ("abducted girls from a school in Chibok" happened there)."""
    doc = root.doc
    return _prep_at_event(root, own) == "from" and any(
        c.dep_ == "prep" and c.lower_ in {"at", "toward", "towards"} for v in own for c in doc[v].children)


def _prep_at_event(root: Token, own: set[int]) -> str:
    """The preposition by which a place phrase hangs from the event's words."""
    t, prep = root, ""
    for _ in range(14):
        if t.i in own or t.head.i == t.i:
            break
        if t.dep_ == "prep":
            prep = t.lower_
        t = t.head
    return prep


def acted_on(root: Token, own: set[int]) -> bool:
    """The place is the object of the event's verb, or one of a list of them ("shelled Kyiv and
    Kharkiv"), or what the event's noun is aimed at ("missile strikes on Ukraine", "an attack against Homs")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in {"on", "against"}:
        noun = root.head.head
        return noun.i in own and noun.pos_ in {"NOUN", "PROPN"}
    return root.dep_ == "dobj" and root.head.i in own


def aimed_at(noun: Token) -> bool:
    """What force is aimed at ("a barrage at Ukraine's energy infrastructure", "struck Iran's
    nuclear sites"): its owner is where the force landed, unlike the owner of who used it."""
    return noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in {"at", "on", "against"})


def over(root: Token, own: set[int]) -> bool:
    """The place hangs from the event's words or its object by "over": where it happened for a sea or a gulf,
    what it was about for anything else ("a dispute over Crimea")."""
    return root.dep_ == "pobj" and root.head.lower_ == "over" and root.head.head.i in own


def names_gathering(root: Token, anchor: Token) -> bool:
    """The place names the gathering that is the event: "the Hague summit"."""
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i == anchor.i \
        and anchor.lemma_.lower() in GATHERINGS


def names_place(token: Token, ents: list[Span]) -> bool:
    """The token is a place noun ("region", "capital") or within a place mention ("Khost")."""
    return token.lemma_.lower() in PLACE_NOUNS or any(e.start <= token.i < e.end for e in ents)


def hyphenated(span: Span) -> Span:
    """The span with the hyphenated words that continue its name: "Bois" in "Clichy-sous-Bois"."""
    doc, start, end = span.doc, span.start, span.end
    while end + 1 < span.sent.end and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    while start - 2 >= span.sent.start and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return doc[start:end] if (start, end) != (span.start, span.end) else span


def with_kind(span: Span, cue: Cue) -> str:
    """The name with the kind word after it, when there is one: "Kurdistan region", "Kursk oblast"."""
    return f"{span.text} {span.doc[span.end].text}" if cue.admin else span.text


def names_more_exact(ent: Span, ents: list[Span]) -> bool:
    """The mention qualifies a place noun that another mention names more exactly: "Russia's
    Kursk region", "the West Bank city of Hebron", "the Paris suburb of Clichy-sous-Bois"."""
    root = ent.root
    if root.dep_ not in {"poss", "compound", "amod", "nmod"} or root.head.lemma_.lower() not in PLACE_NOUNS:
        return False
    noun = root.head
    inner = [c for c in noun.children if c.i != root.i and c.dep_ in {"compound", "amod", "nmod"}]
    inner += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(e.start <= t.i < e.end and e is not ent for t in inner for e in ents)


# what may stand between a town's name and the camp named after it
CAMP_WORDS = frozenset({"refugee", "refugees", "displacement", "displaced", "idp", "migrant", "transit"})


def cue_of(span: Span) -> Cue:
    """What the words around a place mention say of it: "in X", "near the town of X" (locative),
    "the X" (an article, as a common noun used as a name has), "X region" (a division)."""
    doc = span.doc
    before = span.start - 1
    article = span[0].lower_ == "the" or (before >= 0 and doc[before].lower_ == "the")
    while before >= 0 and (doc[before].lower_ == "the" or AROUND.match(doc[before].text + " ")):
        before -= 1  # "in the", "in northern"
    locative = (before >= 0 and doc[before].lower_ in DIRECT_PREPS) or after_place_noun(span) or (
        span.end < len(doc) and doc[span.end].lemma_ in PLACE_NOUNS)
    admin = span.end < len(doc) and doc[span.end].lower_ in ADMIN_NOUNS
    camp = names_camp(span)  # "the Nuseirat refugee camp": the article is the camp's
    return Cue(locative=locative or camp, article=article and not admin and not camp, admin=admin)


def names_camp(span: Span) -> bool:
    """"the Jabalia camp", "the Nuseirat refugee camp": a camp named after its town."""
    doc, i = span.doc, span.end
    while i < len(doc) and i < span.end + 2 and doc[i].lower_ in CAMP_WORDS:
        i += 1
    return i < len(doc) and doc[i].lemma_.lower() == "camp"



# nouns after which "of X" names a settlement: "the village of Hroza", "the town of Tinzaouaten"
SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "hamlet", "settlement", "camp"})


def names_settlement(span: Span) -> bool:
    """"the village of Hroza", "the Zamzam displacement camp", "Metula, a border town", "another
    village, Zhelanne Druge": the words around a name, or its apposition, say it is a settlement,
    whether or not the gazetteer knows it."""
    doc, root = span.doc, span.root
    if (span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lemma_.lower() in SETTLEMENT_NOUNS) or names_camp(span):
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower() in SETTLEMENT_NOUNS and root.head.i < root.i:
        return True
    if _within_named_place(root):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENT_NOUNS and c.i > root.i for c in root.children)


def _within_named_place(root: Token) -> bool:
    """"in Inadjatafane in the Timbuktu region", "in Khiam in southern Lebanon": a name placed by
    "in" inside a named place or a region is a place inside it."""
    if root.dep_ != "pobj" or root.head.lower_ not in {"in", "near"} or root.tag_ not in {"NNP", "NNPS"}:
        return False
    # the next phrase, whichever word the parse hangs it on
    nxt = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    if nxt is None or nxt.dep_ != "prep" or nxt.lower_ not in {"in", "near"}:
        return False
    return any(obj.dep_ == "pobj" and (obj.tag_ in {"NNP", "NNPS"} or obj.lemma_.lower() in ADMIN_NOUNS | {
        "district", "county"}) for obj in nxt.children)


def after_place_noun(span: Span) -> bool:
    """"the Iraqi city of Basra", "the state capital Wad Madani": the words before say it is a
    place, so its other spellings count."""
    doc, root = span.doc, span.root
    return (span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_ in PLACE_NOUNS) or (
        root.dep_ == "appos" and root.head.i == span.start - 1 and root.head.lemma_ in PLACE_NOUNS)
