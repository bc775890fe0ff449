"""The ``parley_merge`` pipeline component: one record per distinct event per document.

Mentions of one event are merged: a later noun that refers back ("the talks between Cho and
Rubio", "this meeting") joins the earlier event of the same category between the same
parties; so does a repeated report with the same trigger word, and any second CONSULT of the
same parties on the same day; a definite noun that names no party ("the strike took place in
Doha") joins the latest earlier event of its category and may give it its place. Distinct statements stay distinct even when the parties and
category match ("reiterated their commitment ..." and "agreed to sustain ..." are two AGREEs).
Unrealised events (negated, hypothetical) are dropped here unless asked for.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Event
from .clauses import DEFINITE, family
from .parties import STAND_INS, identified

__all__ = ["Merger", "merge_events"]

PRECISION_RANK = {"day": 6, "week": 5, "month": 4, "year": 3, "before": 2, "publication": 1, None: 0}
UNREALISED = frozenset({"negated", "hypothetical"})


def _codes(ev: Event, side: str = "both") -> set[str]:
    """The parties' codes that tell events apart: the named actors' (``side`` "actor"), or both
    sides' named parties', else (no one is named) the stand-ins' (parties.STAND_INS tell no two
    events apart: "an air strike on the consulate in Damascus" is one event)."""
    parties = ev.actor if side == "actor" else ev.actor + ev.recipient
    named = {c for a in parties if (c := a.code()) and a.kind not in STAND_INS}
    return named if side == "actor" else named or {c for a in parties if (c := a.code())}


def _compatible(a: Event, b: Event) -> bool:
    ca, cb = _codes(a), _codes(b)
    if not ca or not cb:
        return False
    if not (ca <= cb or cb <= ca):
        return False
    if not (a.reciprocal or b.reciprocal):
        aa, ba = _codes(a, "actor"), _codes(b, "actor")
        if aa and ba and not (aa & ba):
            return False
    if a.date_precision == "day" and b.date_precision == "day" and a.date != b.date:
        return False
    return True


def _absorb(base: Event, other: Event) -> Event:
    have = set(base.mentions)
    mentions = base.mentions + tuple(m for m in other.mentions if m not in have)
    attribution = base.attribution + tuple(x for x in other.attribution if x.text not in {y.text for y in base.attribution})
    better_date = PRECISION_RANK.get(other.date_precision, 0) > PRECISION_RANK.get(base.date_precision, 0)
    # more parties named (places standing in for parties name no one)
    wider = len(_codes(other)) > len(_codes(base)) and not base.reciprocal and any(
        a.kind not in STAND_INS for a in other.actor + other.recipient)
    explain = base.explain
    if base.location is None and other.location is not None:
        said = dict(other.explain).get("location", "")
        explain = tuple(dict(base.explain, location=f"{said}, a later mention of this event").items())
    return replace(
        base, mentions=mentions, attribution=attribution,
        date=other.date if better_date else base.date,
        date_text=other.date_text if better_date else base.date_text,
        date_precision=other.date_precision if better_date else base.date_precision,
        location=base.location or other.location,
        actor=other.actor if wider else base.actor, recipient=other.recipient if wider else base.recipient,
        confidence=max(base.confidence, other.confidence), explain=explain,
    )


def _antecedent(ev: Event, earlier: list[Event]) -> int | None:
    """"... carried out an air strike on Tuesday. ... the strike took place in Doha": a definite
    noun naming no party of its own is the latest earlier event of its category, not a new one."""
    if any(a.kind not in STAND_INS for a in ev.actor + ev.recipient):
        return None
    kin = family(ev.event)
    return next((i for i in range(len(earlier) - 1, -1, -1) if earlier[i].event in kin), None)


def merge_events(events: list[Event], nominal: list[bool], lemmas: list[str],
                 definite: list[bool] | None = None) -> tuple[list[Event], list[int]]:
    """Merge mentions of the same event. ``nominal``, ``lemmas`` and ``definite`` are aligned
    with ``events``: whether each is named by a noun alone, its trigger's lemma, and whether that
    noun is definite ("the strike"). Returns the merged events and, for each, the index of the
    event it grew from (the first mention)."""
    merged: list[Event] = []
    bases: list[int] = []  # the index in ``events`` of each merged event's first mention
    sentences: list[set[int]] = []  # the sentences of each merged event's mentions
    for k, ev in enumerate(events):
        own = {y.sentence for y in ev.mentions}
        target = _antecedent(ev, merged) if nominal[k] and definite and definite[k] else None
        for i, m in enumerate(merged if target is None else ()):
            if m.event != ev.event or not _compatible(m, ev):
                continue
            same_word = lemmas[bases[i]] == lemmas[k]
            if nominal[k] or same_word or not own.isdisjoint(sentences[i]) or ev.event == "CONSULT":
                target = i
                break
        if target is None:
            merged.append(ev)
            bases.append(k)
            sentences.append(own)
        else:
            merged[target] = _absorb(merged[target], ev)
            sentences[target] |= own
    return merged, bases


@Language.factory("parley_merge", default_config={"include_unrealised": False},
                  assigns=["doc._.events", "doc._.event_anchors", "doc._.nominal_events"],
                  requires=["doc._.events", "doc._.event_anchors", "doc._.nominal_events", "doc._.doc_attributions",
                            "token.lemma"])
def make_merge(nlp: Language, name: str, include_unrealised: bool) -> "Merger":
    return Merger(include_unrealised)


class Merger:
    """spaCy component: merges ``Doc._.events`` and drops unrealised events unless kept, and force
    that names no party at all and has no place (the place stage lends an unnamed attacker its country)."""

    def __init__(self, include_unrealised: bool = False):
        self.include_unrealised = include_unrealised

    def __call__(self, doc: Doc) -> Doc:
        kept = [k for k, e in enumerate(doc._.events) if (self.include_unrealised or e.factuality not in UNREALISED)
                and (e.actor or identified(e.recipient))]  # force by no one named, at no known place, on no one known
        anchors = [doc._.event_anchors[k] for k in kept]  # aligned with the events (parley_coder)
        nominal = [doc._.nominal_events[k] for k in kept]
        definite = [any(c.dep_ == "det" and c.lower_ in DEFINITE for c in doc[i].children) for i in anchors]
        merged, bases = merge_events([doc._.events[k] for k in kept], nominal,
                                     [doc[i].lemma_.lower() for i in anchors], definite)
        doc_attr = tuple(doc._.doc_attributions or ())
        doc._.events = [replace(e, attribution=e.attribution or doc_attr) for e in merged]
        doc._.event_anchors = [anchors[b] for b in bases]  # still aligned: each merged event's first mention
        doc._.nominal_events = [nominal[b] for b in bases]
        return doc

