"""The actor knowledge base: countries, organisations, agent terms and titles, dated people.

Loaded from the tab-separated files in ``data/`` (format: docs/actors.md) plus any user files
given with ``--actors``. Every name is put into a :class:`PhraseIndex` keyed by its tokens, so
finding all known names in a document is one dictionary lookup per token.
"""
from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from ..errors import ModelError

__all__ = ["Term", "Tenure", "Person", "Country", "Organisation", "Agent", "KnowledgeBase", "PhraseIndex",
           "load_kb", "plurals"]

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG"})
BUILD_VERSION = "kb-builder-2"  # bump when the builder changes what it makes of the same tables


class Term(NamedTuple):
    """What a matched name refers to: ``kind`` says which table, ``ref`` which row.
    (A named tuple, not a dataclass: the knowledge base makes tens of thousands of them.)"""

    kind: str  # country, capital, adjective, people, place, org, agent, person
    ref: str


@dataclass(frozen=True)
class Tenure:
    country: str | None
    sector: str | None
    role: str | None
    start: date | None
    end: date | None

    def holds(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


SENIOR_ROLES = ("President", "King", "Queen", "Emperor", "Supreme Leader", "Emir", "Prime Minister", "Chancellor",
                "Premier", "Vice President", "Minister of Foreign Affairs", "Minister of Defence", "Secretary-General")


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
        Of several offices held at once, the one the text names (``role``), else the senior one."""
        ts = sorted(self.tenures, key=lambda t: (t.start or date.min))
        held = [t for t in ts if t.end is None] if when is None else [t for t in ts if t.holds(when)]
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
class Organisation:
    id: str
    name: str
    sector: str | None
    country: str | None
    parent: str | None = None


@dataclass(frozen=True)
class Agent:
    term: str
    sector: str | None
    role: str | None


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


def plurals(term: str) -> list[str]:
    """Regular English plurals of the last word of ``term`` (PETRARCH's rule, plus -man → -men)."""
    head, _, last = term.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [prefix + f for f in forms]


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(value: str | None) -> date | None:
    value = (value or "").strip()
    return date.fromisoformat(value) if value else None


def read_table(text: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file, comments and blank lines skipped."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


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

    def lookup(self, words: Sequence[str]) -> list[Term]:
        return self.names.get(words) or self.terms.get(words)


Tokenize = Callable[[str], list[str]]


class _Builder:
    def __init__(self, tokenize: Tokenize):
        self.kb = KnowledgeBase()
        self.tokenize = tokenize

    def name(self, text: str, term: Term) -> None:
        toks = self.tokenize(text)
        if toks and toks[0].lower() == "the" and len(toks) > 1:
            toks = toks[1:]
        # a curated name wins over a PETRARCH one for the same words
        existing = self.kb.names.get(toks)
        if existing and term.kind == "person" and any(t.kind == "person" for t in existing):
            if not self.kb.people.get(term.ref, Person("", "", (), True)).curated:
                return
        self.kb.names.add(toks, term)

    def countries(self, rows: Iterable[dict[str, str]]) -> None:
        for r in rows:
            code = r["code"]
            self.kb.countries[code] = Country(code, r["name"])
            for n in [r["name"], *_split(r.get("names"))]:
                self.name(n, Term("country", code))
            for n in _split(r.get("adjectives")):
                self.name(n, Term("adjective", code))
            for n in _split(r.get("people")):
                self.name(n, Term("people", code))
            for n in _split(r.get("capitals")):
                self.name(n, Term("capital", code))

    def regions(self, rows: Iterable[dict[str, str]]) -> None:
        """Regions and first-level divisions: places that lend their country ("police in Sindh")."""
        for r in rows:
            if not self.kb.names.get(self.tokenize(r["name"])):
                self.name(r["name"], Term("place", r["country"]))

    def organisations(self, rows: Iterable[dict[str, str]], override: bool) -> None:
        for r in rows:
            oid = r["id"]
            if oid in self.kb.organisations and not override:
                continue
            self.kb.organisations[oid] = Organisation(
                oid, r["name"], r.get("sector") or None, r.get("country") or None, r.get("parent") or None)
            for n in [r["name"], *_split(r.get("names"))]:
                if not override and self.kb.names.get(self.tokenize(n)):
                    continue
                self.name(n, Term("org", oid))

    def agents(self, rows: Iterable[dict[str, str]]) -> None:
        for r in rows:
            term = r["term"].lower()
            self.kb.agents[term] = Agent(term, r.get("sector") or None, r.get("role") or None)
            forms = [term, *(_split(r.get("plural")) or plurals(term))]
            for f in forms:
                self.kb.terms.add(self.tokenize(f), Term("agent", term))

    def _merge_history(self, rows: list[dict[str, str]]) -> bool:
        """A PETRARCH person who is a curated person (same name, same country) lends the curated
        one the tenures that end before its first: the years before 2015 ("Putin in 2010")."""
        names = [rows[0]["name"], *(a for r in rows for a in _split(r.get("aliases")))]
        for n in names:
            known = [t for t in self.kb.names.get(self.tokenize(n)) if t.kind == "person"]
            if len(known) != 1 or not self.kb.people[known[0].ref].curated:
                continue
            person = self.kb.people[known[0].ref]
            countries = {t.country for t in person.tenures}
            old = [t for t in _history_of(rows) if t.country in countries]
            first = min((t.start for t in person.tenures if t.start), default=None)
            if not old or first is None:
                return False
            earlier = tuple(replace(t, end=min(t.end or first, first - timedelta(days=1)))
                            for t in old if (t.start or date.min) < first)
            self.kb.people[person.id] = replace(person, tenures=earlier + person.tenures)
            return True
        return False

    def people(self, rows: Iterable[dict[str, str]], curated: bool) -> None:
        grouped: dict[str, list[dict[str, str]]] = {}
        for r in rows:
            grouped.setdefault(r["id"], []).append(r)
        for pid, rs in grouped.items():
            if pid in self.kb.people and not curated:
                continue
            if not curated and self._merge_history(rs):
                continue
            tenures = tuple(
                Tenure(r.get("country") or None, r.get("sector") or None, r.get("role") or None,
                       _date(r.get("start")), _date(r.get("end")))
                for r in rs)
            name = rs[0]["name"]
            if pid in self.kb.people:  # the same person in two curated files: pool the tenures
                known = self.kb.people[pid]
                tenures = known.tenures + tuple(t for t in tenures if t not in known.tenures)
                name = known.name
            self.kb.people[pid] = Person(pid, name, tenures, curated)
            names = {name, *(a for r in rs for a in _split(r.get("aliases")))}
            for n in sorted(names):
                self.name(n, Term("person", pid))
                last = self.tokenize(n)[-1:]
                if last and curated:
                    ids = self.kb.surnames.setdefault(last[0], [])
                    if pid not in ids:
                        ids.append(pid)


def _history_of(rows: list[dict[str, str]]) -> tuple[Tenure, ...]:
    return tuple(Tenure(r.get("country") or None, r.get("sector") or None, r.get("role") or None,
                        _date(r.get("start")), _date(r.get("end"))) for r in rows)


def _data_dir():  # noqa: ANN202 - an importlib Traversable
    return resources.files("parley.actors").joinpath("data")


def _data_text(name: str) -> str:
    return _data_dir().joinpath(name).read_text(encoding="utf-8")


def _data_files(prefix: str) -> list[str]:
    return sorted(p.name for p in _data_dir().iterdir() if p.name.startswith(prefix) and p.name.endswith(".tsv"))


def source_hash() -> str:
    """A hash of every table the knowledge base is built from (and of the builder's version)."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for name in sorted(p.name for p in _data_dir().iterdir() if p.name.endswith(".tsv")):
        h.update(name.encode())
        h.update(_data_dir().joinpath(name).read_bytes())
    return h.hexdigest()[:32]


def build_kb(tokenize: Tokenize) -> KnowledgeBase:
    """Build the knowledge base from the package data tables (slow: use :func:`load_kb`)."""
    b = _Builder(tokenize)
    try:
        b.countries(read_table(_data_text("countries.tsv")))
        curated = [f for f in _data_files("people") if "petrarch" not in f]
        for f in curated:
            b.people(read_table(_data_text(f)), curated=True)
        if "people_petrarch.tsv" in _data_files("people"):
            b.people(read_table(_data_text("people_petrarch.tsv")), curated=False)
        for f in _data_files("organisations"):
            b.organisations(read_table(_data_text(f)), override="petrarch" not in f)
        b.agents(read_table(_data_text("agents.tsv")))
        b.regions(read_table(_data_text("regions.tsv")))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"actor knowledge base is damaged: {exc}") from exc
    return b.kb


def cache_dir() -> Path:
    """Where the compiled knowledge base is kept: $PARLEY_CACHE_DIR, else the user's cache."""
    if os.environ.get("PARLEY_CACHE_DIR"):
        return Path(os.environ["PARLEY_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "parley"


def load_kb(tokenize: Tokenize) -> KnowledgeBase:
    """The knowledge base: from the compiled cache when it matches the tables, else built and
    cached (the first run builds, later runs load in a fraction of a second)."""
    from . import compiled

    digest = source_hash()
    path = cache_dir() / f"kb-{digest}.txt"
    try:
        text = path.read_text(encoding="utf-8")
        if compiled.header_hash(text) == digest:
            return compiled.load(text)
    except (OSError, ValueError, IndexError):
        pass
    kb = build_kb(tokenize)
    try:  # best effort: an unwritable cache only costs time
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(compiled.dump(kb, digest), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    return kb
