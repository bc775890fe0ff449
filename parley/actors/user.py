"""Users' own actors (``--actors FILE``): CSV, TSV or YAML rows that extend or override the
knowledge base. Format in docs/actors.md, section "Your own actors"."""
from __future__ import annotations

import csv
import io
from collections import ChainMap
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from .entries import INTERNATIONAL, KnowledgeBase, Organisation, Person, PhraseIndex, Tenure, Term
from .kb import Tokenize

__all__ = ["read_user_actors", "with_user_actors"]

COLUMNS = ("name", "aliases", "country", "sector", "org", "role", "start", "end", "kind")


def read_user_actors(path: Path) -> list[dict[str, str]]:
    """Rows of a user's actor file, checked; a bad file is one clear InputError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read actors file ({exc})") from exc
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise InputError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputError(f"{path}: expected a list of actors, each a mapping")
        rows = [{k: "|".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
                 for k, v in r.items()} for r in data]
    else:
        delimiter = "\t" if suffix in {".tsv", ".tab"} else ","
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        rows = [{(k or "").strip(): (v or "").strip() for k, v in r.items()}
                for r in csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
    for n, r in enumerate(rows, 1):
        unknown = set(r) - set(COLUMNS)
        if unknown:
            raise InputError(f"{path}: row {n}: unknown column(s) {', '.join(sorted(unknown))}")
        if not r.get("name"):
            raise InputError(f"{path}: row {n}: no name")
        for k in ("start", "end"):
            if r.get(k):
                try:
                    date.fromisoformat(r[k])
                except ValueError as exc:
                    raise InputError(f"{path}: row {n}: {k} {r[k]!r} is not YYYY-MM-DD") from exc
        if r.get("country") and len(r["country"]) != 3:
            raise InputError(f"{path}: row {n}: country must be an ISO 3166-1 alpha-3 code")
    return rows


def with_user_actors(kb: KnowledgeBase, rows: Iterable[dict[str, Any]], tokenize: Tokenize) -> KnowledgeBase:
    """A copy of ``kb`` in which the user's names mean the user's actors (theirs win)."""
    names = PhraseIndex.from_items(False, ((k, list(v)) for k, v in kb.names.items()))
    user_people: dict[str, Person] = {}
    people = ChainMap(user_people, kb.people)
    orgs = dict(kb.organisations)
    surnames = {k: list(v) for k, v in kb.surnames.items()}
    for n, r in enumerate(rows, 1):
        kind = (r.get("kind") or ("person" if r.get("role") or r.get("start") else "organisation")).lower()
        sector = (r.get("sector") or "").upper() or None
        country = (r.get("country") or "").upper() or None
        if kind == "person":
            ref = f"user-{n}"
            tenure = Tenure(country, sector, r.get("role") or None,
                            date.fromisoformat(r["start"]) if r.get("start") else None,
                            date.fromisoformat(r["end"]) if r.get("end") else None, r.get("org") or None)
            user_people[ref] = Person(ref, r["name"], (tenure,), curated=True)
            term = Term("person", ref)
        else:
            ref = r.get("org") or f"USER-{n}"
            orgs[ref] = Organisation(ref, r["name"], sector, None if sector in INTERNATIONAL else country)
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
