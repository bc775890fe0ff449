"""Resolve noun phrases in a parsed sentence to actors: country, sector, organisation, person.

The phrase is read off the dependency parse around its head token: names and terms of the
knowledge base inside it (persons, organisations, countries, adjectives, agent terms, titles)
are combined by fixed precedence — a known person's tenure, else an organisation, else a
country with the nearest agent term's sector. Prepositional attachments ("of", "from", "in")
only lend a country when the phrase itself names none ("demonstrators in Baghdad").
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from ..model import Actor
from .entries import INTERNATIONAL, PLACE_KINDS, KnowledgeBase, Person, Tenure, Term

__all__ = ["NameMatch", "Resolver", "find_names", "NAME", "CAPITALS", "FUZZY", "SURNAME_DOC", "SURNAME_DATE",
           "SURNAME_COUNTRY"]

# How a name was found (NameMatch.rule).
NAME, CAPITALS, FUZZY = "name", "name in capitals", "near spelling"
SURNAME_DOC, SURNAME_DATE = "surname via document", "surname via date"
SURNAME_COUNTRY = "surname that only people of one country bear"

# Dependencies that keep a token inside its head's noun phrase.
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "punct",
                         "flat", "predet", "advmod", "npadvmod", "prep", "pobj", "appos"})
# Modifiers that belong to the phrase only before its head ("recently appointed minister").
LEFT_ONLY = frozenset({"advmod", "npadvmod", "punct"})
# "ethnic Albanians", "the Albanian population": an ethnic group, not the state's people.
ETHNIC_HEADS = frozenset({"population", "community", "minority", "majority", "diaspora", "descent", "origin"})
# Prepositions whose object lends a country (and membership) to the phrase head.
LENDING_PREPS = frozenset({"of", "from", "in", "at", "within", "inside", "throughout", "across", "near", "for"})
AGENT_ONLY_PREPS = frozenset({"for"})  # lend only to an agent the phrase already names ("a spokesman for X")
# "Tens of thousands of students", "One third of the guerrillas": the "of" phrase is the actor.
PARTITIVES = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
                        "dozen", "dozens", "score", "scores", "number", "group", "some", "many", "most", "all",
                        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "third", "half",
                        "quarter", "majority", "minority", "crowd", "band", "handful", "rest", "several", "part"})
FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed", "exiled", "toppled", "outgoing", "late", "retired"})
# Heads that mean "a member or representative of" the organisation or country they attach to.
# nouns for people that the knowledge base has no sector for: they take a place's country
PERSON_HEADS = frozenset({
    "people", "person", "man", "men", "crowd", "family", "child", "youth", "group", "gunman", "assailant",
    "attacker", "mob", "individual", "crew", "passenger",
})

MEMBER_HEADS = frozenset({
    "member", "head", "chief", "leader", "representative", "delegate", "delegation", "spokesman",
    "spokeswoman", "spokesperson", "official", "envoy", "staff", "personnel", "team", "body", "mission",
    "inspector", "expert", "observer", "monitor", "force", "troop", "soldier", "unit", "part", "branch",
    "director", "president", "secretary", "chairman", "chair", "chairperson", "commissioner", "ambassador",
})


@dataclass(frozen=True)
class NameMatch:
    """A knowledge-base name found in the text, over tokens ``start``..``end`` (exclusive), and
    the rule that found it (``parley resolve --explain`` says it): a name as the knowledge base
    writes it, in capitals, a near spelling, a bare surname through the document or the date."""

    start: int
    end: int
    terms: tuple[Term, ...]
    rule: str = NAME


def _nearest_first(head: Token, found: Iterable[NameMatch]) -> list[NameMatch]:
    """The phrase's names in the order they speak for it: an organisation's abbreviation in
    brackets, which restates the whole name ("the United Nations Educational, Scientific and
    Cultural Organisation (UNESCO)" is UNESCO, not the UN its first words name); then the name
    holding the head, the nearer, the longer, the earlier. A fixed order: the answer must not
    depend on how a set happens to iterate."""
    doc = head.doc

    def key(m: NameMatch) -> tuple[int, int, int, int]:
        bracketed = m.start > 0 and doc[m.start - 1].text == "(" and any(t.kind == "org" for t in m.terms)
        distance = 0 if m.start <= head.i < m.end else min(abs(head.i - m.start), abs(head.i - (m.end - 1)))
        return (0 if bracketed else 1), distance, -(m.end - m.start), m.start
    return sorted(found, key=key)


def find_names(kb: KnowledgeBase, doc: Doc) -> list[NameMatch]:
    """All knowledge-base names and terms in ``doc``; proper names win over overlapping terms."""
    strings = doc.vocab.strings
    words = [strings[o] for o in doc.to_array(ORTH).tolist()]  # no Token objects: this runs on every word
    names = _in_capitals(kb, words, [NameMatch(s, e, tuple(ts)) for s, e, ts in kb.names.find(words)])
    taken = set()
    for m in names:
        taken.update(range(m.start, m.end))
    terms = [NameMatch(s, e, tuple(ts)) for s, e, ts in kb.terms.find(words)
             if not taken.intersection(range(s, e))]
    return sorted(names + terms, key=lambda m: m.start)


def _in_capitals(kb: KnowledgeBase, words: list[str], names: list[NameMatch]) -> list[NameMatch]:
    """``names`` with the names written in capitals ("TEHRAN", "THE KREMLIN", "AMIT SHAH"), which
    the case-sensitive index misses or takes for an acronym: looked up as the capitalised words they
    spell, where no name was found as written, or where the words in capitals read together as one
    longer name (Amit Shah, not the organisation AMIT)."""
    upper = [i for i, w in enumerate(words) if len(w) > 1 and w.isupper()]
    if not upper:
        return names
    taken = {i for m in names for i in range(m.start, m.end)}
    out = list(names)
    free = [i for i in upper if i not in taken]
    if free:  # most documents have none: their capitals are acronyms the index knows ("US", "NATO")
        title = list(words)
        for i in free:
            title[i] = words[i].capitalize()
        for s, e, ts in kb.names.find(title):
            if title[s:e] != words[s:e] and not taken.intersection(range(s, e)):
                out.append(NameMatch(s, e, tuple(ts), CAPITALS))
                taken.update(range(s, e))
    runs: list[list[int]] = []
    for i in upper:  # runs of two or more words in capitals, each read on its own
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in (r for r in runs if len(r) > 1 and taken.intersection(r)):
        first = run[0]
        for s, e, ts in kb.names.find([words[i].capitalize() for i in run]):
            s, e = s + first, e + first
            inside = [m for m in out if s <= m.start and m.end <= e]
            if e - s > 1 and all(m.end - m.start < e - s for m in inside) \
                    and not any(m.start < e and s < m.end and m not in inside for m in out):
                out = [m for m in out if m not in inside] + [NameMatch(s, e, tuple(ts), CAPITALS)]
    return out


def _any_between(matches: dict[int, "NameMatch"], lo: int, hi: int) -> bool:
    if hi - lo < 8:
        return any(i in matches for i in range(lo, hi + 1))
    return any(lo <= i <= hi for i in matches)


def _negated_by_prefix(doc: Doc, start: int) -> bool:
    """"anti-Syria", "pro-Russian": the name is what the phrase is for or against, not who it is."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"anti", "pro", "non", "ex"}:
        return True
    return start >= 1 and doc[start - 1].lower_ in {"anti-", "pro-"}


def holders_by_office(kb: KnowledgeBase) -> dict[tuple[str, str], tuple[str, ...]]:
    """(country, role) -> the people who ever held that office, from every person's tenures."""
    out: dict[tuple[str, str], list[str]] = {}
    for pid, person in kb.people.items():
        for t in person.tenures:
            if t.country and t.role and pid not in out.get((t.country, t.role), ()):
                out.setdefault((t.country, t.role), []).append(pid)
    return {k: tuple(v) for k, v in out.items()}


def _names_party(head: Token) -> bool:
    """A political party by its name: "Party" in capitals ("the Workers' Party"), or "party" after
    a name ("the ODM party", "the ruling Morena party"); not "a party to the conflict"."""
    if head.lemma_.lower() != "party":
        return False
    return head.text == "Party" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children)


def _definite(head: Token) -> bool:
    """"the French president", "Iran's foreign minister": one office holder, not "a minister"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) for c in head.children)


def _served(person: Person, tenure: Tenure, country: str) -> bool:
    """Whether ``person`` can be the one a phrase naming ``country`` speaks of: a curated person
    who served that country at any time, one from the old dictionaries who served it then
    (``tenure``); else a namesake."""
    if person.curated:
        return any(t.country == country for t in person.tenures)
    return tenure.country == country


def _office_sectors(kb: KnowledgeBase, person: Person, tenure: Tenure, when: date | None) -> tuple[str, ...]:
    """Every sector of a person in office: the office's (the primary first), its organisation's others
    (a Hamas leader's PTY and GOV), then those of the other offices held on the same day (a president
    who leads the ruling party: PTY). A former holder's ELI keeps none of them (Actor drops them)."""
    held = [t for t in person.tenures if t != tenure and (t.end is None if when is None else t.holds(when))]
    out: list[str] = []
    for t in (tenure, *held):
        out += t.sectors
        org = kb.organisations.get(t.org or "")
        if org is not None and org.sector == t.sector:
            out += org.also
    return tuple(out)


@dataclass(frozen=True)
class _Clue:
    match: NameMatch
    term: Term
    token: Token  # the match's last token, its head in the phrase


class Resolver:
    """Turns phrase heads into actors, given the names found in the document."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.holders = holders_by_office(kb)  # built once: "the French president" on a date

    # -- the phrase -------------------------------------------------------------------------

    def phrase(self, head: Token) -> tuple[list[Token], list[Token]]:
        """Tokens of ``head``'s noun phrase, and the heads of its lending attachments."""
        inside, lenders = [head], []
        gov = head.head.i if head.head.i != head.i else None
        stack = list(head.children)
        while stack:
            t = stack.pop()
            if t.dep_ in {"conj", "cc", "relcl", "acl", "advcl", "ccomp", "xcomp"}:
                continue
            if gov is not None and min(head.i, t.i) < gov < max(head.i, t.i):
                continue  # an arc across the phrase's own verb is a parse error ("X eased ..., the scene")
            if t.dep_ == "prep":
                if t.lower_ == "of":
                    objs = [c for c in t.children if c.dep_ == "pobj"]
                    # "Secretary of State", "Ministry of Foreign Affairs": part of the name
                    if objs and self._agent_tail(t.head, objs[0]):
                        inside.append(t)
                        stack.extend(t.children)
                        continue
                if t.lower_ in LENDING_PREPS:
                    lenders.extend(c for c in t.children if c.dep_ == "pobj")
                continue
            if t.dep_ not in PHRASE_DEPS or t.dep_ == "pobj" or (t.dep_ in LEFT_ONLY and t.i > head.i):
                continue
            inside.append(t)
            stack.extend(t.children)
        cut = self.coordination_inside(head)
        if cut is not None:  # the second of two parties the parse made one phrase of
            inside = [t for t in inside if t.i > cut.i] + [t for t in head.doc[cut.i + 1:head.i]
                                                           if t.i not in {u.i for u in inside}]
        return sorted(inside, key=lambda t: t.i), lenders

    @staticmethod
    def coordination_inside(head: Token) -> Token | None:
        """The "and" of two named parties that the parse made one phrase, headed by the second
        ("Turkish Foreign Minister Hakan Fidan and British Foreign Secretary David Cameron held
        talks": "and" hangs on "Fidan" inside the phrase of "Cameron"), or None. Coordinated
        modifiers ("Israeli and Egyptian officials", "US and British forces") are no such case:
        both sides must be proper names of two words or more."""
        for t in head.doc[head.left_edge.i:head.i]:
            if t.dep_ != "cc" or t.head.i == head.i or t.head.i > t.i or t.head.tag_ not in {"NNP", "NNPS"}:
                continue
            conj = next((c for c in t.head.children if c.dep_ == "conj" and t.i < c.i < head.i), None)
            if conj is not None and conj.tag_ in {"NNP", "NNPS"} and t.i - head.left_edge.i >= 2 and head.i - t.i >= 2:
                return t
        return None

    def _agent_tail(self, title: Token, obj: Token) -> bool:
        """True when ``title of obj`` is itself an agent term ("Secretary of State")."""
        left = title.left_edge.i
        words = [t.text for t in title.doc[left:obj.i + 1]]
        return any(words[k:] in self.kb.terms for k in range(len(words)))

    # -- resolution --------------------------------------------------------------------------

    def resolve(self, head: Token, matches: dict[int, NameMatch], when: date | None,
                lend: bool = True) -> Actor | None:
        """The actor that the noun phrase headed by ``head`` denotes, or None. With ``lend``
        false, only the phrase's own words count (no "in Baghdad" attachments)."""
        if not _any_between(matches, head.left_edge.i, head.right_edge.i):
            return None  # nothing the knowledge base knows anywhere in the phrase's reach
        if head.lower_ in PARTITIVES or head.lemma_.lower() in PARTITIVES:
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                found = self.resolve(obj, matches, when, lend)
                if found is not None:
                    span = head.doc[head.left_edge.i:obj.i + 1]
                    return replace(found, text=span.text, start=span.start_char, end=span.end_char)
        inside, lenders = self.phrase(head)
        if not lend:
            lenders = []
        ids = {t.i for t in inside}
        clues = [
            _Clue(m, term, head.doc[m.end - 1])
            for m in _nearest_first(head, {id(matches[i]): matches[i] for i in ids if i in matches}.values())
            for term in m.terms
            if not _negated_by_prefix(head.doc, m.start)
        ]
        former = any(t.lower_ in FORMER for t in inside if t.i < head.i or t.i == head.i)
        span = head.doc[min(ids):max(ids) + 1]
        actor = self._combine(head, span, clues, when, former)
        if actor is None or actor.country is None and actor.sector not in INTERNATIONAL:
            if actor is None:  # "a spokesman for the Houthis" is theirs; "an aid program for Bosnia" no actor
                lenders = [t for t in lenders if t.head.lower_ not in AGENT_ONLY_PREPS]
            lent = self._lent(head, lenders, matches, when)
            if lent is not None:
                if actor is None:
                    member = head.lemma_.lower() in MEMBER_HEADS or any(c.term.kind == "agent" for c in clues)
                    person = bool(clues) or head.lemma_.lower() in PERSON_HEADS
                    if not member and (lent.kind in {"organisation", "state"} or not person):
                        return None  # "an agreement in Arusha" is no actor; "people in Arusha" are
                    sector = lent.sector if lent.sector in INTERNATIONAL else None
                    return Actor(text=span.text, start=span.start_char, end=span.end_char, country=lent.country,
                                 sector=sector, org=lent.org, kind="group", sectors=lent.sectors)
                own = actor.sector is not None
                return Actor(text=actor.text, start=actor.start, end=actor.end, country=lent.country,
                             sector=actor.sector if own else lent.sector, org=actor.org or lent.org,
                             name=actor.name, role=actor.role, kind=actor.kind,
                             sectors=actor.sectors if own else lent.sectors)
        return actor

    def _lent(self, head: Token, lenders: Sequence[Token], matches: dict[int, NameMatch],
              when: date | None) -> Actor | None:
        for obj in lenders:
            found = self.resolve(obj, matches, when)
            if found is not None and (found.country or found.sector in INTERNATIONAL):
                return found
        return None

    def _of_country(self, orgs: list[_Clue], places: list[_Clue], doc: Doc) -> list[_Clue]:
        """The organisations a phrase can mean, given the country it names for them ("Pakistan's
        PTI", "Indian PTI"): those of that country first; none when every one belongs to another
        country (the phrase then speaks of an organisation of its own country that the knowledge
        base does not know by that name). A country word hyphened to another ("Iranian-backed") says
        who backs, not whose; an international organisation has no country to contradict."""
        own = next((c.term.ref for c in places if c.match.end < len(doc) and doc[c.match.end].text != "-"
                    and orgs and c.match.end <= orgs[0].match.start), None) if orgs else None
        if own is None:
            return orgs
        kb = self.kb
        ours = [c for c in orgs if kb.organisations[c.term.ref].country in {own, None}]
        return sorted(ours, key=lambda c: kb.organisations[c.term.ref].country != own)

    def _towards(self, org: _Clue, place: _Clue, head: Token) -> bool:
        """A country word before an intergovernmental body's name that modifies the phrase's head
        ("Russia's UN ambassador", "the Iranian UN mission", "Sweden's NATO accession"): the
        phrase is the country's, towards that body, not the body's."""
        doc = head.doc
        return self.kb.organisations[org.term.ref].sector == "IGO" and place.term.kind in {
            "country", "adjective"} and place.match.end <= org.match.start and doc[place.match.end].text != "-" \
            and head.i >= org.match.end and not any(t.dep_ == "cc" for t in doc[place.match.end:org.match.start])

    def _combine(self, head: Token, span: Span, clues: list[_Clue], when: date | None,
                 former: bool) -> Actor | None:
        if not clues:
            return None
        kb = self.kb
        base = dict(text=span.text, start=span.start_char, end=span.end_char)
        persons = [c for c in clues if c.term.kind == "person"]
        orgs = [c for c in clues if c.term.kind == "org"]
        ethnic = head.lemma_.lower() in ETHNIC_HEADS or any(t.lower_ == "ethnic" for t in span)
        places = [c for c in clues if c.term.kind in PLACE_KINDS
                  and not (ethnic and c.term.kind in {"adjective", "people"})]
        agents = sorted((c for c in clues if c.term.kind == "agent"), key=lambda c: abs(head.i - c.token.i))
        agent = kb.agents[agents[0].term.ref] if agents else None
        title = next((kb.agents[c.term.ref] for c in agents if kb.agents[c.term.ref].role), None)
        # the country word nearest the head speaks for the phrase
        place = min(places, key=lambda c: abs(head.i - c.token.i)) if places else None
        place_country = place.term.ref if place else None

        if persons:
            person = kb.people[persons[0].term.ref]
            tenure, held = person.at(when, title.role if title else None)
            if place_country and tenure.country and not _served(person, tenure, place_country):
                persons = []  # a namesake: the text names another country, trust the text
            else:
                sector = tenure.sector if tenure.sector in INTERNATIONAL else (
                    "ELI" if (former or not held) else tenure.sector)
                role = None if (former or not held) else (tenure.role or (title.role if title else None))
                return Actor(**base, country=tenure.country or place_country, sector=sector,
                             org=tenure.org if sector == tenure.sector else None, name=person.name, role=role,
                             kind="person", sectors=_office_sectors(kb, person, tenure, when))
        if orgs and place is not None and self._towards(orgs[0], place, head):
            orgs = []  # "Russia's UN ambassador", "Ukraine's EU bid": the country's, towards the body
        orgs = self._of_country(orgs, places, head.doc)
        if orgs:
            org = kb.organisations[orgs[0].term.ref]
            country = org.country or (place_country if org.sector not in INTERNATIONAL else None)
            sector, sectors = org.sector, org.sectors
            if agent and org.sector not in INTERNATIONAL and agent.sector:
                # "Labour MP": the nearer word's sector is primary, and both parts' sectors are kept
                nearer = abs(head.i - agents[0].token.i) < abs(head.i - orgs[0].token.i)
                sector = agent.sector if nearer else sector
                parts = (*agent.sectors, *org.sectors) if nearer else (*org.sectors, *agent.sectors)
                sectors = (sector, *parts) if sector else ()
            return Actor(**base, country=country, sector=sector, org=org.id, name=org.name,
                         role=title.role if title else None, kind="organisation", sectors=sectors)
        if _names_party(head):  # "Brazil's Workers' Party", "Kenya's ODM party": a party the tables lack
            return Actor(**base, country=place_country, sector="PTY", kind="organisation", sectors=("PTY",))
        if place is None and agent is None:
            if ethnic and any(c.term.kind in {"adjective", "people"} for c in clues):
                return Actor(**base, kind="group")  # "ethnic Albanians": who, but no state
            return None
        head_is_place = place is not None and place.match.start <= head.i < place.match.end
        # a seat of government speaks for its sector ("the Pentagon"), a partially recognised state for
        # itself ("Abkhazia", PRE), a country or its capital for its government
        seat = next((t.ref for t in place.match.terms if t.kind == "seat"), None) if head_is_place else None
        if head_is_place and (place.term.kind in {"country", "capital"} or seat):
            return Actor(**base, country=place_country, sector=seat or "GOV", kind="state")
        if head_is_place and place.term.kind in {"people", "adjective"}:
            return Actor(**base, country=place_country, sector=None, kind="people")
        if head_is_place and place.term.kind == "place":
            return Actor(**base, country=place_country, sector=None, kind="place")
        titled_person = title is not None and head.pos_ == "PROPN"
        if place is None and not titled_person and not (agents and agents[0].match.start <= head.i < agents[0].match.end):
            return None  # "military aid": an agent word modifying a thing is not an actor
        sector = agent.sector if agent else None
        # every agent word's sectors, the nearest's first ("government troops": MIL, then GOV)
        sectors = tuple(s for c in agents for s in kb.agents[c.term.ref].sectors)
        if former and sector in {"GOV", "MIL", "LEG", "JUD", "COP"}:
            sector, sectors = "ELI", ("ELI",)  # a former office holder holds none of the office's sectors
        role = None if former else (title.role if title else None)
        kind = "person" if (head.pos_ == "PROPN" and title is not None) or (title and head.lemma_.lower() in title.term.split()
                                                           and head.tag_ in {"NN", "NNP"}) else "sector"
        if kind == "person" and role and place_country and when and head.tag_ == "NN" and _definite(head):
            held = self.holder(place_country, role, when)  # "the French president", "Iran's foreign minister"
            if held is not None:
                person, tenure = held
                return Actor(**base, country=place_country, sector=tenure.sector, org=tenure.org, name=person.name,
                             role=role, kind="person", sectors=_office_sectors(kb, person, tenure, when))
        return Actor(**base, country=place_country, sector=sector, role=role, kind=kind, sectors=sectors)

    def holder(self, country: str, role: str, when: date) -> tuple[Person, Tenure] | None:
        """The one person who held ``role`` in ``country`` on ``when``; None when the knowledge
        base has none or several (an acting and a sworn-in holder on the same day)."""
        found = [(person, t) for pid in self.holders.get((country, role), ())
                 for person in (self.kb.people[pid],) for t in person.tenures
                 if t.country == country and t.role == role and t.holds(when)]
        return found[0] if len({p.id for p, _ in found}) == 1 else None
