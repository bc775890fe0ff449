"""Proper-noun stretches: the spans a statistical NER would label, found from the tagger's PROPN
tags alone. parley identifies what they are from its knowledge base and gazetteer, so it does not
run the NER model (the costliest part of the spaCy pipeline)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["proper_spans"]

# Words that may join two proper nouns into one name ("Bank of England", "Abu Bakr al-Baghdadi").
CONNECTORS = frozenset({"of", "de", "del", "della", "di", "da", "dos", "das", "du", "des", "la", "le", "el", "al",
                        "al-", "bin", "ibn", "van", "von", "der", "den", "-", "&", "and"})


def proper_spans(doc: Doc | Span) -> list[Span]:
    """Maximal runs of proper nouns, joined by name connectors when a proper noun follows."""
    toks = list(doc)
    base = toks[0].doc if toks else None
    out: list[Span] = []
    i = 0
    while i < len(toks):
        if toks[i].pos_ != "PROPN":
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if toks[j].pos_ == "PROPN":
                j += 1
            elif toks[j].lower_ in CONNECTORS and toks[j].lower_ != "and" and j + 1 < len(toks) \
                    and toks[j + 1].pos_ == "PROPN":
                j += 2
            else:
                break
        out.append(base[toks[i].i:toks[j - 1].i + 1])
        i = j
    return out
