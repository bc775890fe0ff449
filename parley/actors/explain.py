"""Why an actor resolved as it did (``parley resolve --explain``): which knowledge-base entry and
which rule gave each of its fields.

Read back from what the actor stage left on the ``Doc`` (``doc._.name_matches``, each with the
rule that found it) and the actor itself, so the resolver's hot path carries no bookkeeping: the
entry is the one whose identity the actor carries (its person, organisation, seat, country word,
agent term), the rule the one that matched that entry's words.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

from ..model import Actor
from . import phrase_actors
from .entries import PLACE_KINDS, KnowledgeBase, Term
from .resolver import NAME, NameMatch

__all__ = ["Reason", "explain", "phrase_record"]

# what a term of each kind is, said in the words of --explain
KIND_RULES = {"capital": "metonym (capital)", "country": "country name", "adjective": "country adjective",
              "people": "country's people", "place": "place name", "agent": "sector word",
              "org": "organisation name"}


@dataclass(frozen=True)
class Reason:
    """One field's provenance: the words, the rule that read them, the entry they matched."""

    field: str  # name, org, country, sector
    text: str
    rule: str
    entry: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "text": self.text, "rule": self.rule, "entry": self.entry}


def explain(doc: Doc, actor: Actor, kb: KnowledgeBase) -> list[Reason]:
    """The reasons for ``actor``, one of the actors the stage resolved in ``doc``."""
    inside = [m for m in doc._.name_matches or () if actor.start <= doc[m.start].idx < actor.end]
    when: date | None = doc._.pub_date
    out: list[Reason] = []
    if actor.name and actor.kind == "person":
        out += _person(doc, inside, actor, kb, when)
    elif actor.org:
        out += _first(doc, inside, "org", "org", lambda t: t.ref == actor.org, kb)
    if not out or out[0].field != "name":
        org = kb.organisations.get(actor.org or "")
        if actor.country and not (org and org.country == actor.country):
            out += _country(doc, inside, actor, kb)
        if actor.sector and not actor.org:
            out += _sector(doc, inside, actor, kb)
    org = kb.organisations.get(actor.org or "")
    primary_said = (any(r.field in {"name", "sector"} for r in out)
                    or (org is not None and org.sector == actor.sector))
    out += _other_sectors(doc, inside, actor, kb, out, actor.sectors[1:] if primary_said else actor.sectors)
    if not out:
        out.append(Reason("actor", actor.text, "coreference", "an earlier mention in the document"))
    return out


def phrase_record(doc: Doc, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """What ``parley resolve`` prints for a phrase: its first actor's fields, every party of a
    coordination ("Russia and China"), and, given the knowledge base, why (``--explain``)."""
    found = phrase_actors(doc)
    actor = found[0] if found else None
    out: dict[str, Any] = {k: getattr(actor, k) if actor is not None else None
                           for k in ("country", "sector", "org", "name", "role", "kind")}
    out["sectors"] = list(actor.sectors) if actor is not None else []  # every sector, the primary first
    if actor is not None:
        out["mention"] = actor.text
    if len(found) > 1:
        out["actors"] = [a.to_dict() for a in found]
    if kb is not None:
        out["explain"] = [[r.to_dict() for r in explain(doc, a, kb)] for a in found]
    return out


def _words(doc: Doc, m: NameMatch) -> str:
    return doc[m.start:m.end].text


def _person(doc: Doc, inside: list[NameMatch], actor: Actor, kb: KnowledgeBase, when: date | None) -> list[Reason]:
    for m in inside:
        for t in m.terms:
            person = kb.people[t.ref] if t.kind == "person" else None
            if person is None or person.name != actor.name:
                continue
            rule = m.rule
            if rule == NAME:
                same = _words(doc, m).replace(" ", "") == person.name.replace(" ", "")
                rule = "name match" if same else "variant"
            tenure, held = person.at(when, actor.role)
            span = f"{tenure.start or '…'} to {tenure.end or 'now'}"
            office = f"{tenure.role or tenure.sector}, {tenure.country or tenure.sector}, {span}"
            if len(tenure.sectors) > 1:
                office += f", sectors {tenure.sector_cell()}"
            entry = f"person {person.id} ({person.name}): {office}" + ("" if held else " (not held then)")
            return [Reason("name", _words(doc, m), rule, entry)]
    if actor.role and actor.country and when is not None:  # "the French president": who held it that day
        held = next((p for p in kb.people.values() if p.name == actor.name and any(
            t.country == actor.country and t.role == actor.role and t.holds(when) for t in p.tenures)), None)
        if held is not None:
            return [Reason("name", actor.text, "office holder on the date",
                           f"person {held.id} ({held.name}): {actor.role}, {actor.country}, on {when}")]
    return [Reason("name", actor.text, "coreference", f"{actor.name}, named earlier in the document")]


def _first(doc: Doc, inside: list[NameMatch], field: str, kind: str, want, kb: KnowledgeBase) -> list[Reason]:  # noqa: ANN001
    for m in inside:
        for t in m.terms:
            if t.kind == kind and want(t):
                rule = KIND_RULES[kind] if m.rule == NAME else f"{KIND_RULES[kind]}, {m.rule}"
                return [Reason(field, _words(doc, m), rule, _entry(t, m, kb))]
    return []


def _country(doc: Doc, inside: list[NameMatch], actor: Actor, kb: KnowledgeBase) -> list[Reason]:
    for kind in PLACE_KINDS:
        found = _first(doc, inside, "country", kind, lambda t: t.ref == actor.country, kb)
        if found:
            seat = next((t for m in inside for t in m.terms if t.kind == "seat" and _words(doc, m) == found[0].text),
                        None)
            if seat is not None:
                return [Reason("country", found[0].text, "metonym (seat of government)",
                               f"seats.tsv: {found[0].text} stands for {actor.country} {seat.ref}")]
            return found
    outside = [m for m in doc._.name_matches or () if m not in inside]
    for kind in PLACE_KINDS:  # "police in Lagos": the place the actor's phrase attaches
        found = _first(doc, outside, "country", kind, lambda t: t.ref == actor.country, kb)
        if found:
            return [Reason("country", found[0].text, "lent by a place the phrase names", found[0].entry)]
    return [Reason("country", actor.text, "lent by a place the phrase names", actor.country or "")]


def _sector(doc: Doc, inside: list[NameMatch], actor: Actor, kb: KnowledgeBase) -> list[Reason]:
    found = _first(doc, inside, "sector", "agent", lambda t: kb.agents[t.ref].sector == actor.sector, kb)
    if found:
        return found
    if actor.kind == "state" and actor.sector == "GOV":
        return [Reason("sector", actor.text, "a state or its capital acts through its government", "GOV")]
    return []


def _other_sectors(doc: Doc, inside: list[NameMatch], actor: Actor, kb: KnowledgeBase,
                   given: list[Reason], sectors: tuple[str, ...]) -> list[Reason]:
    """Where each of ``sectors`` (those the reasons before did not explain) came from: the person's
    offices, else the first part of the phrase (an agent term, an organisation) whose entry holds it
    ("Likud lawmaker": LEG from "lawmaker", PTY from Likud)."""
    out = []
    offices = _offices(inside, actor, kb, doc._.pub_date) if given and given[0].field == "name" else {}
    for sector in sectors:
        if given and given[0].field == "name":
            rule, entry = offices.get(sector, ("one of the office's sectors", given[0].entry))
            out.append(Reason("sector", given[0].text, f"{sector}: {rule}", entry))
            continue
        for kind in ("agent", "org"):
            entries = kb.organisations if kind == "org" else kb.agents
            found = _first(doc, inside, "sector", kind, lambda t: sector in entries[t.ref].sectors, kb)
            if found:
                r = found[0]
                out.append(Reason("sector", r.text, f"{sector}: {r.rule}", r.entry))
                break
        else:
            out.append(Reason("sector", actor.text, f"{sector}: coreference or a lending place",
                              "an earlier mention or a place the phrase names"))
    return out


def _offices(inside: list[NameMatch], actor: Actor, kb: KnowledgeBase,
             when: date | None) -> dict[str, tuple[str, str]]:
    """Sector -> (rule, entry) for a named person's sectors: the office itself, the organisation
    whose office it is, another office held the same day (as the resolver pools them)."""
    person = next((kb.people[t.ref] for m in inside for t in m.terms
                   if t.kind == "person" and kb.people[t.ref].name == actor.name), None)
    if person is None:
        return {}
    tenure, _ = person.at(when, actor.role)
    held = [t for t in person.tenures if t != tenure and (t.end is None if when is None else t.holds(when))]
    out: dict[str, tuple[str, str]] = {}
    for t in (tenure, *held):
        span = f"{t.start or '…'} to {t.end or 'now'}"
        rule = "the office's sectors" if t == tenure else "another office held then"
        for s in t.sectors:
            out.setdefault(s, (rule, f"person {person.id}: {t.role or t.sector}, {t.sector_cell()}, {span}"))
        org = kb.organisations.get(t.org or "")
        if org is not None and org.sector == t.sector:
            for s in org.also:
                out.setdefault(s, ("the sectors of the office's organisation",
                                   f"organisation {org.id} ({org.name}): {org.sector_cell()}"))
    return out


def _entry(t: Term, m: NameMatch, kb: KnowledgeBase) -> str:
    if t.kind == "org":
        o = kb.organisations[t.ref]
        return f"organisation {o.id} ({o.name}): {o.sector_cell() or '-'}, {o.country or 'international'}"
    if t.kind == "agent":
        a = kb.agents[t.ref]
        return f"agents.tsv: {a.term!r} {a.sector_cell() or '-'}" + (f", {a.role}" if a.role else "")
    country = kb.countries.get(t.ref)
    where = "regions.tsv or the gazetteer: a place" if t.kind == "place" else f"countries.tsv: {t.kind}"
    return f"{where} of {t.ref}" + (f" ({country.name})" if country else "")
