"""The knowledge base's entries: what a name refers to (countries, organisations, agent terms,
dated people) and the phrase index that finds names in text.

Their own module so that building the knowledge base (kb) and its compiled form (compiled)
both use them without importing each other.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

__all__ = ["INTERNATIONAL", "PLACE_KINDS", "Term", "SectorsMixin", "parse_sectors",
           "Tenure", "Person", "Country", "Organisation", "Agent", "PhraseIndex",
           "KnowledgeBase", "role_rank", "is_head"]

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG"})
# The kinds of term that say where (a country by its name, capital, adjective or people, or a place
# in it), in the order --explain looks for the one that gave an actor its country.
PLACE_KINDS = ("capital", "country", "adjective", "people", "place")


def parse_sectors(value: str | None) -> tuple[str | None, tuple[str, ...]]:
    """A table's sector cell ("REB|PTY|GOV") as the primary sector (the first) and the others."""
    codes = tuple(dict.fromkeys(s.strip().upper() for s in (value or "").split("|") if s.strip()))
    return (codes[0], codes[1:]) if codes else (None, ())


class SectorsMixin:
    """``sectors`` of an entry with a primary ``sector`` and secondary ones (``also``)."""

    sector: str | None
    also: tuple[str, ...]

    @property
    def sectors(self) -> tuple[str, ...]:
        """Every sector, the primary first; empty when the entry has none."""
        return (self.sector, *self.also) if self.sector else ()

    def sector_cell(self) -> str:
        """The sectors as a table writes them: ``REB|PTY|GOV``."""
        return "|".join(self.sectors)


class Term(NamedTuple):
    """What a matched name refers to: ``kind`` says which table, ``ref`` which row.
    (A named tuple, not a dataclass: the knowledge base makes tens of thousands of them.)"""

    kind: str  # country, capital, adjective, people, place, org, agent, person
    ref: str


@dataclass(frozen=True)
class Tenure(SectorsMixin):
    country: str | None
    sector: str | None  # the office's primary sector
    role: str | None
    start: date | None
    end: date | None
    org: str | None = None  # the organisation the office belongs to (an IGO leader's IGO)
    also: tuple[str, ...] = ()  # the office's other sectors (a minister who leads the ruling party: PTY)

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


SENIOR_ROLES = ("President", "King", "Queen", "Emperor", "Supreme Leader", "Emir", "Prime Minister", "Chancellor",
                "Premier", "Vice President", "Minister of Foreign Affairs", "Minister of Defence", "Secretary-General")


# The offices of a head of state or of government (the first of SENIOR_ROLES, up to the vice president).
HEAD_ROLES = frozenset(SENIOR_ROLES[:SENIOR_ROLES.index("Vice President")])


def is_head(role: str | None) -> bool:
    """Whether ``role`` is a head of state's or of government's."""
    return role in HEAD_ROLES


def role_rank(role: str | None) -> int:
    """Higher for the offices news names people by (a president before a party post)."""
    if not role:
        return 0
    return len(SENIOR_ROLES) - SENIOR_ROLES.index(role) if role in SENIOR_ROLES else 1


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    tenures: tuple[Tenure, ...]
    curated: bool = True

    def at(self, when: date | None, role: str | None = None) -> tuple[Tenure, bool]:
        """The tenure that applies on ``when`` and whether it is held then (False: former/future).
        Of several offices held at once, the one the text names (``role``), else the senior one.
        Without a date, a person the text names by an office (``role``) holds it, or their last one."""
        ts = sorted(self.tenures, key=lambda t: (t.start or date.min))
        held = [t for t in ts if t.end is None] if when is None else [t for t in ts if t.holds(when)]
        if when is None and role and not held:  # an undated text names them by an office: the one they held
            held = [t for t in ts if t.role == role] or ts[-1:]
        if held:
            named = [t for t in held if role and t.role == role]
            return max(named or held, key=lambda t: (t.sector == "GOV", role_rank(t.role), t.start or date.min)), True
        if when is None:
            return ts[-1], False
        before = [t for t in ts if t.end is not None and t.end < when]
        return (before[-1] if before else ts[0]), False


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Organisation(SectorsMixin):
    id: str
    name: str
    sector: str | None  # the primary sector
    country: str | None
    parent: str | None = None
    also: tuple[str, ...] = ()  # other sectors: an armed group that governs (REB, then GOV)


@dataclass(frozen=True)
class Agent(SectorsMixin):
    term: str
    sector: str | None  # the primary sector
    role: str | None
    also: tuple[str, ...] = ()  # other sectors: "opposition lawmaker" is LEG, and OPP


class PhraseIndex:
    """Token sequences → terms; greedy longest match, left to right, no overlaps."""

    def __init__(self, lower: bool):
        self.lower = lower
        self._terms: dict[tuple[str, ...], list[Term]] = {}
        self._longest: dict[str, int] = {}

    def add(self, tokens: Sequence[str], term: Term) -> None:
        key = tuple(t.lower() for t in tokens) if self.lower else tuple(tokens)
        if not key:
            return
        bucket = self._terms.setdefault(key, [])
        if term not in bucket:
            bucket.append(term)
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def replace(self, tokens: Sequence[str], terms: list[Term]) -> None:
        """Make ``tokens`` mean exactly ``terms`` (users' actors override the shipped ones)."""
        key = tuple(t.lower() for t in tokens) if self.lower else tuple(tokens)
        if key:
            self._terms[key] = list(terms)
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    def __contains__(self, tokens: Sequence[str]) -> bool:
        key = tuple(t.lower() for t in tokens) if self.lower else tuple(tokens)
        return key in self._terms

    @classmethod
    def from_items(cls, lower: bool, items: Iterable[tuple[tuple[str, ...], list[Term]]]) -> "PhraseIndex":
        """An index from keys already normalised (the compiled knowledge base)."""
        index = cls(lower)
        terms, longest = index._terms, index._longest
        for key, bucket in items:
            terms[key] = bucket
            if longest.get(key[0], 0) < len(key):
                longest[key[0]] = len(key)
        return index

    def items(self) -> Iterable[tuple[tuple[str, ...], list[Term]]]:
        return self._terms.items()

    def get(self, tokens: Sequence[str]) -> list[Term]:
        key = tuple(t.lower() for t in tokens) if self.lower else tuple(tokens)
        return self._terms.get(key, [])

    def find(self, words: Sequence[str]) -> list[tuple[int, int, list[Term]]]:
        words = [w.lower() for w in words] if self.lower else list(words)
        out, i, n = [], 0, len(words)
        while i < n:
            longest = self._longest.get(words[i], 0)
            hit = None
            for length in range(min(longest, n - i), 0, -1):
                terms = self._terms.get(tuple(words[i:i + length]))
                if terms:
                    hit = (i, i + length, terms)
                    break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


@dataclass
class KnowledgeBase:
    """Everything the resolver knows. Build it with :func:`load_kb`; read-only afterwards."""

    countries: dict[str, Country] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    agents: dict[str, Agent] = field(default_factory=dict)
    people: Mapping[str, Person] = field(default_factory=dict)
    names: PhraseIndex = field(default_factory=lambda: PhraseIndex(lower=False))
    terms: PhraseIndex = field(default_factory=lambda: PhraseIndex(lower=True))
    # canonical person names by their last token, for "Rubio" after "Marco Rubio"
    surnames: dict[str, list[str]] = field(default_factory=dict)
    # other office holders by surname: never chosen by a bare surname, they only make it ambiguous
    namesakes: dict[str, list[str]] = field(default_factory=dict)

    def lookup(self, words: Sequence[str]) -> list[Term]:
        return self.names.get(words) or self.terms.get(words)
