"""Whose country a party is: every rule that lends or infers a party's country, in one place.

The text often says what a party is ("police", "rebels", "a journalist") but not where it is
from; PLOVER and ICEWS code such domestic events within their country. The country comes from
what the text says around the party, and that is known at four moments of the pipeline, so
there is one entry point for each (and nothing else here is public):

- :func:`coordinated` and :func:`conjunct`, in the actor stage, while a mention is resolved:
  "Israeli and Egyptian officials" are one actor per country, and "Turkish police and soldiers"
  are both Turkish. Only there are the name matches of the coordinated words known.
- :func:`at_clause_place`, in the recipient search (roles.py): "killed 23 people in Tel Aviv",
  the victims are where it happened. Only the search knows which objects name the place.
- :func:`between_sides`, in the coder, once an event's actor and recipient are chosen: a party
  takes the other side's one country, or the one country of its sentence; a protest at home
  addresses its own government, a concession its own people (or those of the country where
  it is made); a mobilisation's own country is no recipient.
- :class:`PartyTagger` (``parley_parties``), after the place stage has found where the event
  happened: unplaced parties take the place's country, force by no one named is an
  "unidentified" attacker there, and a meeting's host is the party at home (CAMEO 042). The
  parties of force are lent nothing before (see FORCE).

This module imports only the data model and the ontology, so the actor stage may call it.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Event
from ..ontology import load_ontology

__all__ = ["GROUP_FORMS", "GROUP_NOUNS", "STAND_INS", "at_home", "coordinated", "conjunct", "at_clause_place",
           "between_sides", "identified", "PartyTagger"]

Parties = tuple[Actor, ...]
# parties the other side lends its country to; a place lends it also to a person known only by role
# The kind of a party the parse shows acting or acted on whom the actor stage could not identify
# ("the Hungarian Civil Liberties Union", "37 prisoners"): kept with its span and no code, so the
# event is recorded and its dyad stays honest (no country is guessed for it).
UNRESOLVED = "unresolved"
# Heads of definite descriptions that refer back to a pair or group of parties named before ("the
# two officials", "The leaders met for four hours", "trade between the two countries"): the actor
# stage resolves them by coreference; the coder takes them for the actors themselves, not for whom
# the actors act on. Their plural forms (all regular) name no known party, so the actor stage
# looks for them by form.
GROUP_NOUNS = frozenset({"official", "side", "leader", "minister", "country", "nation", "government", "party",
                         "diplomat", "counterpart", "delegation", "state", "president", "ally", "neighbour",
                         "neighbor", "rival"})
GROUP_FORMS = frozenset(n[:-1] + "ies" if n.endswith("y") and n[-2] not in "aeiou" else n + "s" for n in GROUP_NOUNS)
# Kinds of parties that stand in for no one named: a place as the recipient (``_territory``), an
# unidentified attacker where it happened (``_local``); they never tell two events apart.
STAND_INS = frozenset({"place", "unidentified"})
SIDE_LENDS = frozenset({"sector", "group"})
PLACE_LENDS = frozenset({"sector", "group", "person"})
# Force is often used abroad ("an Israeli strike in southern Lebanon killed three people", "Russian
# drones hit Kharkiv, wounding five"): who uses it says nothing of where those it is used on are
# from. Its parties are lent a country only after the place stage (PartyTagger): the place's, and
# failing a place, an attacker the victims' ("gunmen killed five Nigerian soldiers"), the victims
# the attacker's only when it is an authority that acts at home (DOMESTIC). Coercion (arrests,
# bans, deportations, curfews) is an authority acting within its own jurisdiction, so its parties
# are lent between sides as other events' are.
FORCE = frozenset({"ASSAULT"})
# Sectors whose force is used within their own state: police and courts ("Chinese police detained
# more than 100 lawyers": Chinese lawyers).
DOMESTIC = frozenset({"COP", "JUD"})
# Sectors that are the state: a concession by one of them is made to its people, not to itself.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
WHERE_PREPS = frozenset({"in", "at", "across", "throughout", "inside"})


def _unplaced(actor: Actor, kinds: frozenset[str]) -> bool:
    """A party the text says what it is of but not where from ("police", "rebels"): it may take
    the country of its event's other side or place. International bodies (IGO, NGO, MNC, IMG:
    their sector is their code) are never placed."""
    return actor.country is None and actor.sector is not None and actor.code() is None and actor.kind in kinds


# -- the actor stage ------------------------------------------------------------------------

def coordinated(actor: Actor, countries: Iterable[str | None] = (), spans: Iterable[Span | None] = ()) -> list[Actor]:
    """"Israeli and Egyptian officials", "the foreign ministers of Armenia and Azerbaijan": the
    mention's actor once more for each other country coordinated with its own (in order); with
    the coordinated word's span where it is given ("a number of Syrians, Iraqis and Afghans")."""
    out = []
    for c, span in itertools.zip_longest(countries, spans):
        if c and c != actor.country:
            where = {} if span is None else {"text": span.text, "start": span.start_char, "end": span.end_char}
            out.append(replace(actor, country=c, **where))
    return out


def conjunct(actors: Parties, first: Parties) -> Parties:
    """"Turkish police and soldiers": a bare sector coordinated after a placed sector shares
    its country (``first``: the actors of the coordination's first word)."""
    if len(actors) == 1 and actors[0].country is None and actors[0].kind == "sector" \
            and first and first[0].country and first[0].kind == "sector":
        return (replace(actors[0], country=first[0].country),)
    return actors


# -- the recipient search -------------------------------------------------------------------

def at_clause_place(side: Parties, place: Parties) -> Parties | None:
    """"killed 23 people ... in Tel Aviv": parties found beside a place the clause names take
    its country; None when the place names no country."""
    country = next((a.country for a in place if a.country), None)
    if not country:
        return None
    return tuple(replace(a, country=a.country or country) for a in side)


# -- the coder: both sides known ------------------------------------------------------------

def between_sides(category: str, actor: Parties, recipient: Parties, anchor: Token, heads: dict[int, Parties],
                  verbal: bool, explain: dict[str, str]) -> tuple[Parties, Parties]:
    """An event's parties once its category, actor and recipient are read off the clause (notes
    go into ``explain``): lending from the other side, then from the sentence (never for force,
    see FORCE); a mobilisation addresses no one at home; a protest or concession without
    recipient addresses home."""
    force = category in FORCE
    if not force:
        actor, recipient = _from_other_side(actor, recipient)
    if not any(a.code() for a in actor) and verbal:
        lent = _sentence_country(anchor.sent, heads, actor, recipient, force)  # "ethnic Albanians ... Macedonia's border"
        if lent and actor and not all(a.kind == UNRESOLVED for a in actor):
            actor = tuple(replace(a, country=lent) for a in actor)
            explain["actor"] = explain.get("actor", "") + f"; country {lent} from the sentence"
    if category == "MOBILIZE":
        own = {a.country for a in actor if a.country}
        recipient = tuple(r for r in recipient if r.country not in own)  # "mobilised its armed forces"
    if category in {"PROTEST", "CONCEDE"} and not recipient and len({a.country for a in actor if a.country}) == 1:
        recipient = _home(category, actor, anchor, heads, explain)
    return actor, recipient


def _from_other_side(actor: Parties, recipient: Parties) -> tuple[Parties, Parties]:
    """Sector-only parties ("rebels", "police") take the country of the other side when that
    side has exactly one: domestic events are coded within their country, as PLOVER does."""
    return _lend(actor, recipient), _lend(recipient, actor)


def at_home(side: Parties, actor: Parties) -> Parties:
    """Parties of no country a concession is made to are the conceding party's own people (the coca
    growers a government gives in to, the opposition leader it lets travel), as a concession with
    no one named is; international bodies keep their own code."""
    return _given_country(side, {a.country for a in actor if a.country}, lambda a: not a.code())


def _lend(side: Parties, other: Parties) -> Parties:
    """``side`` with its unplaced parties given the one country of its own placed parties, else
    the one country of ``other``, if there is one."""
    own = {a.country for a in side if a.country}
    # parties listed with placed ones are theirs when they are one country ("Barzani and top Kurdish
    # officials"), no one's when several ("the United States, Israel and other governments")
    countries = own or {a.country for a in other if a.country}
    return _given_country(side, countries, lambda a: _unplaced(a, SIDE_LENDS))


def _given_country(side: Parties, countries: set[str | None], placeable: Callable[[Actor], bool]) -> Parties:
    """``side`` with the ``placeable`` parties given the country, when ``countries`` is exactly one."""
    if len(countries) != 1:
        return side
    (country,) = countries
    return tuple(replace(a, country=country) if placeable(a) else a for a in side)


def _sentence_country(sent: Span, heads: dict[int, Parties], actor: Parties, recipient: Parties,
                      force: bool = False) -> str | None:
    """The one country a sentence names, for a party it does not place ("ethnic Albanians"); for
    force, other than its victims' ("gunmen killed three Israeli soldiers" are not Israeli)."""
    if not actor:
        return None
    countries = {a.country for acts in heads.values() for a in acts if sent.start <= _token_of(a, sent) < sent.end
                 and a.country}
    countries -= {r.country for r in recipient if r.country} if force or len(countries) > 1 else set()
    return next(iter(countries)) if len(countries) == 1 else None


def _token_of(actor: Actor, sent: Span) -> int:
    """The token index of an actor mention (by its start offset), for sentence membership."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.start if span is not None else -1


def _home(category: str, actor: Parties, anchor: Token, heads: dict[int, Parties], explain: dict[str, str]) -> Parties:
    """A protest at home addresses its government, by the words that name it when the sentence
    does ("called off the strike after a deal with the Chilean government"); a concession at home
    is made to its people, one made in another country ("eased the curfew in Kosovo") to that
    country's people."""
    home = next(a for a in actor if a.country)
    if category == "PROTEST" or not any(a.kind == "state" or a.sector in STATE_SECTORS for a in actor):
        named = _government_named(home.country, actor, anchor.sent, heads)
        if named is not None:  # "called off the strike after the agreement with the Indian government"
            explain["recipient"] = f"{home.country} at home: its government, named in the sentence"
            return (named,)
    if category == "PROTEST":
        return _addressed_home(actor, explain)
    where = _country_in(anchor, heads)
    if where is not None and where.country != home.country:
        explain["recipient"] = f"{where.country}: the people where the concession is made"
        return (replace(where, sector=None, kind="people"),)
    explain["recipient"] = f"{home.country} at home (its people)"
    return (_at_home_party(home, government=False),)


def _government_named(country: str | None, actor: Parties, sent: Span, heads: dict[int, Parties]) -> Actor | None:
    """The first mention in the sentence of ``country``'s government that is not the actor's own
    words: protesters and strikers at home address it, and the record points at its words rather
    than at theirs."""
    for i in range(sent.start, sent.end):
        if sent.doc[i].dep_ == "pobj" and sent.doc[i].head.lower_ in WHERE_PREPS:
            continue  # "workers in Chile": where they are, not whom they address
        for a in heads.get(i, ()):
            if a.country == country and a.sector == "GOV" and not any(a.start < b.end and b.start < a.end
                                                                       for b in actor):
                return a
    return None


def _addressed_home(actor: Parties, explain: dict[str, str]) -> Parties:
    """A protest at home addresses its government."""
    home = next(a for a in actor if a.country)
    explain["recipient"] = f"{home.country} at home (its government)"
    return (_at_home_party(home, government=True),)


def _at_home_party(home: Actor, government: bool) -> Actor:
    """The home country's government or people, by the words of the party at home (the record needs
    a mention; the sentence names neither)."""
    return Actor(text=home.text, start=home.start, end=home.end, country=home.country,
                 sector="GOV" if government else None, kind="state" if government else "people")


def _country_in(anchor: Token, heads: dict[int, Parties]) -> Actor | None:
    """The one country named by an "in X" attached to the verb ("eased the curfew in Kosovo")."""
    found = {a.country: a for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ == "in"
             for obj in prep.children if obj.dep_ == "pobj"
             for t in obj.subtree for a in heads.get(t.i, ()) if a.country}
    return next(iter(found.values())) if len(found) == 1 else None


# -- after the place stage ------------------------------------------------------------------

@Language.factory("parley_parties", assigns=["doc._.events"], requires=["doc._.events", "doc._.event_anchors"])
def make_parties(nlp: Language, name: str) -> "PartyTagger":
    return PartyTagger()


def identified(parties: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The parties the actor stage identified (not the named phrases it could not resolve)."""
    return tuple(a for a in parties if a.kind != UNRESOLVED)


class PartyTagger:
    """spaCy component (``parley_parties``): the parties of ``Doc._.events`` given the place
    the place stage found for each event."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.events:
            anchors = [doc[i] for i in doc._.event_anchors or ()]
            events = [_territory(ev) for ev in doc._.events]  # before a place is carried: only its own
            events = _story_placed(events, anchors) if len(anchors) == len(events) else events
            doc._.events = [_visit(_local(ev)) for ev in events]
        return doc


# how many sentences back the place of a story's earlier event still holds for an unplaced one
CARRY_SENTENCES = 2


def _story_placed(events: list[Event], anchors: list[Token]) -> list[Event]:
    """An event whose clause names no place and none of whose parties has a country takes the
    place the text named for the event just before it in an earlier sentence (within
    ``CARRY_SENTENCES`` sentences; in its own sentence the place stage has looked already): a
    report names the town once ("Riot police in Tbilisi fired tear gas ... Protesters threw
    stones at the police"), and its unnamed crowds and police are that country's (``_local``).
    Only places read from an event's own clause carry, never a carried one. So does the place of
    the same parties' event before it ("... talks between their delegations in Istanbul. The two
    sides met on Monday")."""
    starts = sorted({a.sent.start for a in anchors})
    number = {start: n for n, start in enumerate(starts)}
    out: list[Event] = []
    last: int | None = None  # the latest event whose own clause named its place
    for k, (ev, anchor) in enumerate(zip(events, anchors, strict=True)):
        if ev.location is not None:
            last = k
        elif last is not None and (not any(a.country for a in ev.actor + ev.recipient) or _same_parties(
                ev, events[last])) and (
                0 < number[anchor.sent.start] - number[anchors[last].sent.start] <= CARRY_SENTENCES):
            where = events[last].location
            explain = dict(ev.explain, location=f"'{where.text}' of the event before it (its clause names no place)")
            ev = replace(ev, location=where, explain=tuple(explain.items()))
        out.append(ev)
    return out


# Events whose place is no party of theirs: a meeting's place is its host (``_visit``), a protest's
# addressee its government (``_addressed_home``)
NOT_TERRITORIAL = frozenset({"CONSULT", "PROTEST"})


def _territory(ev: Event) -> Event:
    """An act on no one the clause names is done to the place where it is done: "declared a
    ceasefire in Somalia", "imposed a curfew in Dhaka", "deployed troops across Kampala" (as the
    unidentified attacker is the place's, ``_local``). Only a place read from the event's own
    clause (not one carried from the story), only when there is an actor, never for a meeting or
    between two sides."""
    loc = ev.location
    if ev.recipient or not ev.actor or ev.reciprocal or loc is None or ev.event in NOT_TERRITORIAL:
        return ev
    if any(a.start == loc.start and a.end == loc.end for a in ev.actor):
        return ev  # "Authorities in Amman ...": the place is the actor's own word
    place = Actor(text=loc.text, start=loc.start or 0, end=loc.end or 0, country=loc.country, kind="place")
    explain = dict(ev.explain, recipient=f"the place where it was done ({loc.name}): the clause names no one")
    return replace(ev, recipient=(place,), explain=tuple(explain.items()))


def _same_parties(ev: Event, other: Event) -> bool:
    """The same two or more parties, by code, on either side (places standing in for a party
    left out)."""
    def codes(e: Event) -> set[str]:
        return {c for a in e.actor + e.recipient if (c := a.code()) and a.kind not in STAND_INS}
    return len(codes(ev)) > 1 and codes(ev) == codes(other)


def _local(ev: Event) -> Event:
    """Parties the text does not place take the country where the event happened, as ICEWS and
    PLOVER code domestic events: "gunmen" and "a journalist" killed in Beirut are Lebanese; force
    by no one named ("killed by a roadside bomb outside Basra") is an unidentified attacker there."""
    loc = ev.location
    if loc is not None and not loc.country and not ev.actor and ev.event in {"ASSAULT", "COERCE"}:
        # "a vessel was attacked in the Gulf of Aden": an unidentified attacker, of no country, at sea
        actor = (Actor(text=loc.text, start=loc.start or 0, end=loc.end or 0, sector="UNK", kind="unidentified"),)
        explain = dict(ev.explain, actor=f"unidentified: no one is named; it happened at {loc.name}")
        return replace(ev, actor=actor, explain=tuple(explain.items()))
    if loc is None or not loc.country:
        return _force_at_home(ev) if ev.event in FORCE else ev
    where = loc.country
    explain = dict(ev.explain)

    def placed(side: Parties, name: str) -> Parties:
        out = tuple(replace(a, country=where) if _unplaced(a, PLACE_LENDS) else a for a in side)
        if out != side:
            explain[name] = (explain.get(name) or "") + f"; country {where} from the place of the event"
        return out

    actor, recipient = placed(ev.actor, "actor"), placed(ev.recipient, "recipient")
    countries = {a.country for a in actor}
    if ev.event == "PROTEST" and not recipient and actor != ev.actor and len(countries) == 1 and None not in countries:
        recipient = _addressed_home(actor, explain)  # the protesters are now known to be at home
    if not actor and ev.event in {"ASSAULT", "COERCE"}:
        actor = (Actor(text=loc.text, start=loc.start or 0, end=loc.end or 0, country=where, sector="UNK",
                       kind="unidentified"),)  # PLOVER's UNK: the generic unidentified actor
        explain["actor"] = f"unidentified: no one is named; the country where it happened ({loc.name})"
    if (actor, recipient) == (ev.actor, ev.recipient):
        return ev
    return replace(ev, actor=actor, recipient=recipient, explain=tuple(explain.items()))


def _force_at_home(ev: Event) -> Event:
    """Force with no place: attackers the text does not place take their victims' one country
    (soldiers arresting a Bolivian opposition leader are Bolivian); victims take the attackers'
    only from police or courts (people killed by Russian missiles are not Russian)."""
    actor = _lend(ev.actor, ev.recipient)
    at_home = ev.actor and all(a.sector in DOMESTIC for a in ev.actor)
    recipient = _lend(ev.recipient, ev.actor) if at_home else ev.recipient
    if (actor, recipient) == (ev.actor, ev.recipient):
        return ev
    explain = dict(ev.explain)
    if actor != ev.actor:
        explain["actor"] = (explain.get("actor") or "") + "; country of those it is used on"
    if recipient != ev.recipient:
        explain["recipient"] = (explain.get("recipient") or "") + "; country of the police or court acting"
    return replace(ev, actor=actor, recipient=recipient, explain=tuple(explain.items()))


def _visit(ev: Event) -> Event:
    """CONSULT at a place: the host is the party at home there; the others visit (CAMEO 042),
    and a lone visitor's host is the country visited."""
    if ev.event != "CONSULT" or ev.location is None or not ev.location.country:
        return ev
    where = ev.location.country
    parties = list(ev.actor) + list(ev.recipient)
    hosts = [a for a in parties if a.country == where]
    guests = [a for a in parties if a.country and a.country != where]
    code = load_ontology().cameo("042")
    explain = dict(ev.explain)
    if guests and hosts:
        explain["mode"] = f"visit: the meeting is in {where}, home of the host"
        return replace(ev, actor=tuple(guests), recipient=tuple(hosts), mode="visit", cameo=code.code,
                       goldstein=code.goldstein, quad_class=code.quad_class, explain=tuple(explain.items()))
    if guests and not hosts and not ev.recipient:
        host = Actor(text=ev.location.text, start=ev.location.start or 0, end=ev.location.end or 0,
                     country=where, sector="GOV", kind="state")
        explain["recipient"] = f"host country of the visit ({ev.location.name})"
        return replace(ev, recipient=(host,), mode="visit", cameo=code.code, goldstein=code.goldstein,
                       quad_class=code.quad_class, explain=tuple(explain.items()))
    return ev
