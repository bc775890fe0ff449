"""What a text names, for the place stage: the countries and US states a document or a single
place mention names (the context that settles ambiguous place names), and lookups of the
knowledge base's name matches by token, indexed once per document."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from ..actors.entries import PLACE_KINDS
from .gazetteer import load_gazetteer

__all__ = ["capital_of", "document_countries", "document_states", "known_place", "mention_countries", "seat_of",
           "starting_in"]


def seat_of(span: Span) -> str | None:
    """The country whose seat of government the span names ("the Kremlin"), if the knowledge base says so."""
    for m in _matches_exactly(span):
        return next((t.ref for t in m.terms if t.kind == "capital"), None)
    return None


def capital_of(span: Span) -> str | None:
    """The country whose capital "the Chinese capital" or "Qatar's capital" names."""
    owner = span[:-2] if len(span) > 2 and span[-2].lower_ in {"'s", "’s"} else span[:-1]
    for m in _matches_exactly(owner):
        return next((t.ref for t in m.terms if t.kind in {"country", "adjective"}), None)
    return None


def known_place(span: Span) -> bool:
    """The knowledge base itself calls the span a place: then other names of places count too."""
    return any({t.kind for t in m.terms} & {"country", "capital", "place"} for m in _matches_exactly(span))


def _matches_exactly(span: Span) -> list[Any]:
    """The knowledge base's name matches of exactly this span."""
    index = _token_index(span.doc, "matches from", span.doc._.name_matches or (), starts_only=True)
    return [m for m in index.get(span.start, ()) if m.end == span.end]


def mention_countries(span: Span) -> Counter[str]:
    """What a place mention itself adds to its document's countries (see document_countries)."""
    doc = span.doc
    found: Counter[str] = Counter()
    own = doc._.own_heads or set()
    for i in range(span.start, span.end):
        for a in (doc._.actor_heads or {}).get(i, ()) if i in own else ():
            if a.country:
                found[a.country] += 1
    for m in _matches_over(doc, span.start, span.end):
        for t in m.terms:
            if t.kind in PLACE_KINDS:
                found[t.ref] += 1
    return found


def _token_index(doc: Doc, key: str, items: Iterable[Any], starts_only: bool) -> dict[int, list[Any]]:
    """Token → the items (spans, name matches) that start at it, or cover it; built once per
    document, so that looking up a sentence's or a mention's items does not scan the document."""
    memo = doc.user_data.setdefault(("parley", "token_index"), {})
    if key not in memo:
        index: dict[int, list[Any]] = {}
        for item in items:
            for i in (range(item.start, item.start + 1) if starts_only else range(item.start, item.end)):
                index.setdefault(i, []).append(item)
        memo[key] = index
    return memo[key]


def _matches_over(doc: Doc, start: int, end: int) -> list[Any]:
    """The knowledge base's name matches overlapping tokens [start, end), each once."""
    index = _token_index(doc, "matches over", doc._.name_matches or (), starts_only=False)
    seen: dict[int, Any] = {}
    for i in range(start, end):
        for m in index.get(i, ()):
            seen.setdefault(id(m), m)
    return list(seen.values())


def starting_in(doc: Doc, key: str, items: Iterable[Any], span: Span) -> list[Any]:
    """Items (name matches, proper-noun spans) that start inside ``span``, in document order."""
    index = _token_index(doc, key, items, starts_only=True)
    return [item for i in range(span.start, span.end) for item in index.get(i, ())]


def document_states(doc: Doc) -> Counter[str]:
    """US states the document names ("Maine lawmakers ... in Portland"): GeoNames admin1 codes
    (worked out once per document)."""
    memo = doc.user_data.setdefault(("parley", "document_states"), {})
    if "states" not in memo:
        memo["states"] = _document_states(doc)
    return Counter(memo["states"])


def _document_states(doc: Doc) -> Counter[str]:
    found: Counter[str] = Counter()
    for m in doc._.name_matches or ():
        if any(t.kind == "place" and t.ref == "USA" for t in m.terms) or _state_named(doc, m):
            text = doc[m.start:m.end].text
            for e in load_gazetteer().candidates(text):
                if e.feature == "admin1" and e.country == "USA" and e.admin1:
                    found[e.admin1.replace("US-", "")] += 1
    return found


def document_countries(doc: Doc) -> Counter[str]:
    """Countries a document names anywhere (names, adjectives, capitals, regions, actors): the
    context that tells Tripoli in Lebanon from Tripoli in Libya."""
    found: Counter[str] = Counter()
    own = doc._.own_heads or set()
    for i, acts in (doc._.actor_heads or {}).items():
        if i in own:  # what the words themselves say ("Khalifa Haftar"), not what a place lent them
            for a in acts:
                if a.country:
                    found[a.country] += 1
    for m in doc._.name_matches or ():
        if _state_named(doc, m):
            found["USA"] += 1  # "Georgia state troopers"
            continue
        for t in m.terms:
            if t.kind in PLACE_KINDS:
                found[t.ref] += 1
    return found


def _state_named(doc: Doc, m) -> bool:  # noqa: ANN001 - a NameMatch
    """"Georgia state", "New York State": a US state, not the country or city of that name."""
    if m.end >= len(doc) or doc[m.end].lower_ != "state":
        return False
    return any(e.feature == "admin1" and e.country == "USA" for e in load_gazetteer().candidates(doc[m.start:m.end].text))
