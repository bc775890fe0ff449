"""Users' own actors (``--actors FILE``): CSV, TSV or YAML rows that extend or override the
knowledge base. Format in docs/actors.md, section "Your own actors"; CSV and TSV are read as
every user table is (parley/tables.py)."""
from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..tables import Row, read_text, read_user_table
from .entries import INTERNATIONAL, KnowledgeBase, Organisation, Person, PhraseIndex, Tenure, Term, parse_sectors
from .kb import Tokenize

__all__ = ["read_user_actors", "with_user_actors"]

COLUMNS = ("name", "aliases", "country", "sector", "org", "role", "start", "end", "kind")


def read_user_actors(path: Path) -> list[dict[str, str]]:
    """Rows of a user's actor file, checked; a bad file is one clear InputError."""
    if path.suffix.lower() in {".yaml", ".yml"}:
        rows = _yaml_rows(path)
    else:
        rows = read_user_table(path, "actors", COLUMNS, ("name",))
    for row in rows:
        _check(row)
    return [row.cells for row in rows]


def _yaml_rows(path: Path) -> list[Row]:
    """A YAML list of mappings as rows (lists joined by ``|``), each known by its item number."""
    try:
        data = yaml.safe_load(read_text(path, "actors")) or []
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise InputError(f"{path}: expected a list of actors, each a mapping")
    return [Row(path, f"item {n}", {str(k).strip(): "|".join(map(str, v)) if isinstance(v, list)
                                    else ("" if v is None else str(v).strip()) for k, v in r.items()})
            for n, r in enumerate(data, 1)]


def _check(row: Row) -> None:
    """One row's problem as an InputError naming the row, if it has one."""
    unknown = set(row.cells) - set(COLUMNS)
    if unknown:
        raise row.error(f"unknown column(s) {', '.join(sorted(unknown))}")
    if not row.get("name"):
        raise row.error("no name")
    for k in ("start", "end"):
        if row.get(k):
            try:
                date.fromisoformat(row.get(k))
            except ValueError:
                raise row.error(f"{k} {row.get(k)!r} is not YYYY-MM-DD") from None
    if row.get("country") and len(row.get("country")) != 3:
        raise row.error("country must be an ISO 3166-1 alpha-3 code")


def with_user_actors(kb: KnowledgeBase, rows: Iterable[dict[str, Any]], tokenize: Tokenize) -> KnowledgeBase:
    """A copy of ``kb`` in which the user's names mean the user's actors (theirs win)."""
    names = PhraseIndex.from_items(False, ((k, list(v)) for k, v in kb.names.items()))
    user_people: dict[str, Person] = {}
    people = ChainMap(user_people, kb.people)
    orgs = dict(kb.organisations)
    surnames = {k: list(v) for k, v in kb.surnames.items()}
    for n, r in enumerate(rows, 1):
        kind = (r.get("kind") or ("person" if r.get("role") or r.get("start") else "organisation")).lower()
        sector, also = parse_sectors(r.get("sector"))  # "REB|GOV" (a list in YAML): the first is primary
        country = (r.get("country") or "").upper() or None
        if kind == "person":
            ref = f"user-{n}"
            tenure = Tenure(country, sector, r.get("role") or None,
                            date.fromisoformat(r["start"]) if r.get("start") else None,
                            date.fromisoformat(r["end"]) if r.get("end") else None, r.get("org") or None, also)
            user_people[ref] = Person(ref, r["name"], (tenure,), curated=True)
            term = Term("person", ref)
        else:
            ref = r.get("org") or f"USER-{n}"
            orgs[ref] = Organisation(ref, r["name"], sector, None if sector in INTERNATIONAL else country, also=also)
            term = Term("org", ref)
        for alias in [r["name"], *[a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]]:
            toks = tokenize(alias)
            names.replace(toks, [term])
            if kind == "person":
                surnames.setdefault(toks[-1], [])
                surnames[toks[-1]] = [ref] + [p for p in surnames[toks[-1]] if p != ref]
    return replace(kb, names=names, people=people, organisations=orgs, surnames=surnames)


def load_user_actors(kb: KnowledgeBase, paths: Sequence[Path], tokenize: Tokenize) -> KnowledgeBase:
    rows = [r for p in paths for r in read_user_actors(p)]
    return with_user_actors(kb, rows, tokenize) if rows else kb
