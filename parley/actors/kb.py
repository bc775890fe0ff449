"""The actor knowledge base: countries, organisations, agent terms and titles, dated people.

Loaded from the tab-separated files in ``data/`` (format: docs/actors.md) plus any user files
given with ``--actors``. Every name is put into a :class:`PhraseIndex` keyed by its tokens, so
finding all known names in a document is one dictionary lookup per token.
"""
from __future__ import annotations

import csv
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources
from functools import lru_cache
from pathlib import Path

import spacy

from ..errors import ModelError
from . import compiled
from .entries import (INTERNATIONAL, Agent, Country, KnowledgeBase, Organisation, Person, PhraseIndex, Tenure, Term,
                      parse_sectors, role_rank)

# The entry types are re-exported: other stages import KnowledgeBase and Term from here.
__all__ = ["INTERNATIONAL", "Term", "Tenure", "Person", "Country", "Organisation", "Agent", "KnowledgeBase",
           "PhraseIndex", "role_rank", "Tokenize", "build_kb", "load_kb", "name_tokenizer", "shipped_kb", "data_table",
           "plurals", "read_table", "source_hash"]

BUILD_VERSION = "kb-builder-9"  # bump when the builder changes what it makes of the same tables
OFFICES = "people_offices.tsv"  # every UN member's office holders: full names, no bare surnames of their own


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


Tokenize = Callable[[str], list[str]]


class _Builder:
    def __init__(self, tokenize: Tokenize):
        self.kb = KnowledgeBase()
        self.tokenize = tokenize
        self.family_first: set[str] = set()  # countries whose names put the family name first
        self.person_words: set[str] = set()  # every word of a person's name, as written ("Amit", "Shah")

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
            sector, also = parse_sectors(r.get("sector"))
            self.kb.organisations[oid] = Organisation(
                oid, r["name"], sector, r.get("country") or None, r.get("parent") or None, also)
            for n in [r["name"], *_split(r.get("names"))]:
                toks = self.tokenize(n)
                if not override and (self.kb.names.get(toks) or self._person_word(toks)):
                    continue
                self.name(n, Term("org", oid))

    def _person_word(self, toks: list[str]) -> bool:
        """A one-word name from the old dictionaries that is a word of a person's name in ordinary
        capitals ("Amit", which PETRARCH2 made of the acronym AMIT): in running text it is the
        person's ("Amit Shah"); the acronym still matches in capitals."""
        return len(toks) == 1 and not toks[0].isupper() and toks[0] in self.person_words

    def agents(self, rows: Iterable[dict[str, str]]) -> None:
        for r in rows:
            term = r["term"].lower()
            self.kb.agents[term] = Agent(term, *_sector_and_role(r))
            forms = [term, *(_split(r.get("plural")) or plurals(term))]
            for f in forms:
                self.kb.terms.add(self.tokenize(f), Term("agent", term))

    def _merge_history(self, rows: list[dict[str, str]]) -> bool:
        """A PETRARCH person who is a curated person (same name, same country) lends the curated
        one the tenures that end before its first (the years before 2015: "Putin in 2010") and
        the spellings it knows."""
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
            for other in names:  # the old dictionaries' spellings ("Atambaev") name the same person
                if not any(t.kind == "person" for t in self.kb.names.get(self.tokenize(other))):
                    self.name(other, Term("person", person.id))
            return True
        return False

    def people(self, rows: Iterable[dict[str, str]], curated: bool, surnames: bool = True) -> None:
        grouped: dict[str, list[dict[str, str]]] = {}
        for r in rows:
            grouped.setdefault(r["id"], []).append(r)
        for pid, rs in grouped.items():
            if pid in self.kb.people and not curated:
                continue
            if not curated and self._merge_history(rs):
                continue
            tenures = _history_of(rs)
            name = rs[0]["name"]
            known = self.kb.people.get(pid) if curated else None
            if known is not None:  # the same person in two curated files: pool the tenures
                tenures = known.tenures + tuple(t for t in tenures if t not in known.tenures)
                name = known.name
            self.kb.people[pid] = Person(pid, name, tenures, curated)
            names = {name, rs[0]["name"], *(a for r in rs for a in _split(r.get("aliases")))}
            family_first = any(t.country in self.family_first for t in tenures)
            for n in sorted(names):
                self.name(n, Term("person", pid))
                self.person_words.update(self.tokenize(n))
                if curated:
                    index = self.kb.surnames if surnames or known else self.kb.namesakes
                    self.surnames(pid, self.tokenize(n), family_first, index)

    def surnames(self, pid: str, toks: list[str], family_first: bool, index: dict[str, list[str]]) -> None:
        """Index a name's surname: its last word, and its first where names put the family first."""
        words = toks[-1:] + (toks[:1] if family_first and len(toks) > 1 and toks[0].isalpha() else [])
        for w in words:
            ids = index.setdefault(w, [])
            if pid not in ids:
                ids.append(pid)

    def partial_states(self, rows: Iterable[dict[str, str]]) -> None:
        """Partially recognised states ("Abkhazia"): a place of the country they lie in that,
        acting, speaks for its own authority (sector PRE). After the regions, which may name them."""
        for r in rows:
            for n in [r["name"], *_split(r.get("names"))]:
                self.name(n, Term("place", r["country"]))
                self.name(n, Term("seat", "PRE"))

    def seats(self, rows: Iterable[dict[str, str]]) -> None:
        """Seats of government and institutions that stand for them ("the Kremlin", "the
        Pentagon"): a capital of their country that also says which sector speaks."""
        for r in rows:
            for n in [r["name"], *_split(r.get("names"))]:
                self.name(n, Term("capital", r["country"]))
                self.name(n, Term("seat", r["sector"]))


def _sector_and_role(r: dict[str, str]) -> tuple[str | None, str | None, tuple[str, ...]]:
    sector, also = parse_sectors(r.get("sector"))
    return sector, r.get("role") or None, also


def _history_of(rows: list[dict[str, str]]) -> tuple[Tenure, ...]:
    def tenure(r: dict[str, str]) -> Tenure:
        sector, also = parse_sectors(r.get("sector"))
        return Tenure(r.get("country") or None, sector, r.get("role") or None, _date(r.get("start")),
                      _date(r.get("end")), r.get("org") or None, also)
    return tuple(tenure(r) for r in rows)


def _data_dir():  # noqa: ANN202 - an importlib Traversable
    return resources.files("parley.actors").joinpath("data")


def _data_text(name: str) -> str:
    return _data_dir().joinpath(name).read_text(encoding="utf-8")


def data_table(name: str) -> list[dict[str, str]]:
    """Rows of one of the shipped actor tables (``countries.tsv``, ``regions.tsv``, ...)."""
    return read_table(_data_text(name))


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
        b.countries(data_table("countries.tsv"))
        b.seats(data_table("seats.tsv"))
        b.family_first = {r["country"] for r in data_table("name_order.tsv") if r["order"] == "family-first"}
        curated = [f for f in _data_files("people") if "petrarch" not in f]
        # the news lists first: the office holders' file pools into their people and names its own
        # people in full only, since many small states' holders' surnames are ordinary words ("Friday");
        # their surnames are namesakes, which make a bare surname ambiguous but never name them
        for f in sorted(curated, key=lambda f: f == OFFICES):
            b.people(data_table(f), curated=True, surnames=f != OFFICES)
        if "people_petrarch.tsv" in _data_files("people"):
            b.people(data_table("people_petrarch.tsv"), curated=False)
        for f in _data_files("organisations"):
            b.organisations(data_table(f), override="petrarch" not in f)
        b.agents(data_table("agents.tsv"))
        b.regions(data_table("regions.tsv"))
        b.partial_states(data_table("partial_states.tsv"))
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


@lru_cache(maxsize=1)
def name_tokenizer() -> Tokenize:
    """Tokenises knowledge-base names exactly as documents are tokenised (one per process)."""
    tokenizer = spacy.blank("en").tokenizer

    def tokenize(text: str) -> list[str]:
        # plain words split on spaces exactly as spaCy splits them; only the rest needs the tokenizer
        if text.replace(" ", "").isalpha():
            return text.split()
        return [t.text for t in tokenizer(text)]

    return tokenize


@lru_cache(maxsize=1)
def shipped_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once per process and shared by every stage that needs it."""
    return load_kb(name_tokenizer())
