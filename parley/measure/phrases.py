"""``parley eval --phrases``: actor phrases resolved at their date and scored field by field.

Reads a phrase set (tests/actors/data/phrases.tsv, phrases_2026.tsv: phrase, date, country,
sector, org, name, role, note) and compares the first actor ``Pipeline.resolve`` gives with the
row. The conventions are the annotators' (docs/actors.md, section "Accuracy"):

- ``|`` separates conjuncts of a coordination ("Putin and Xi"): each field is compared conjunct by
  conjunct, in order, with the actors found. ``;`` separates several sectors of one actor, the first
  the primary: ``sector`` scores parley's primary sector against the row's first, ``sector_any``
  gives credit when any of the actor's sectors (``Actor.sectors``, primary and others) is any of
  the row's.
- Every field is compared on every row, an empty cell meaning "none" (an ambiguous surname must not
  get a name); ``filled`` counts only the rows whose cell is filled (the old test's role figure).
- ``name`` is a person's (an organisation's name is not compared with it): accents, case and
  punctuation folded, initials and Jr./Sr. dropped, one name's words inside the other's (two at
  least) accepted ("Karim A. A. Khan" is "Karim Khan"), and a spelling variant ("Sergey"/"Sergei")
  only where the country is right too, the corroboration asked of the resolver itself.
- ``org``: in a set that gives one to IGOs, NGOs, MNCs and IMGs only, a national body's org is
  not compared (it is "none" there). Parley's organisation matches when the row's plain acronym
  is its id, one of its names, the initials of one, or the same of an organisation it is part of
  ("UN" for the Security Council).
- Vocabularies: a set that writes media ``JRN`` uses PLOVER's names (``MED`` health); parley's
  agents table says which pair it uses (``HLH`` present: CAMEO's, ``MED`` media), and its codes are
  renamed into the set's before comparing. Roles in a set written with the five role classes
  ("head of state" ...) are compared by class; parley's titles are put into their class first.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from datetime import date
from pathlib import Path
from typing import Any

from ..actors.kb import data_table, read_table
from ..errors import InputError
from ..model import Actor
from ..pipeline.pipeline import Pipeline

__all__ = ["Conventions", "conventions", "evaluate_phrases", "load_phrases", "phrase_items", "score_phrases",
           "format_phrases", "FIELDS"]

FIELDS = ("country", "sector", "sector_any", "org", "name", "role")
COLUMNS = ("phrase", "date", "country", "sector", "org", "name", "role", "note")

# CAMEO's media and health codes in PLOVER's names (PLOVER manual, sector note 4)
CAMEO_TO_PLOVER = {"MED": "JRN", "HLH": "MED"}
ROLE_CLASSES = ("head of state", "head of government", "foreign minister", "defence minister", "interior minister")
# parley's role titles (parley/actors/data/people_*.tsv) by class; other titles are no class
ROLE_CLASS_OF = {
    **dict.fromkeys(("President", "King", "Queen", "Emperor", "Supreme Leader", "Emir", "Sultan", "Pope"),
                    "head of state"),
    **dict.fromkeys(("Prime Minister", "Premier", "Chancellor"), "head of government"),
    **dict.fromkeys(("Minister of Foreign Affairs", "Foreign Secretary", "Secretary of State"), "foreign minister"),
    **dict.fromkeys(("Minister of Defence", "Secretary of Defense", "Secretary of War"), "defence minister"),
    **dict.fromkeys(("Minister of the Interior", "Home Secretary"), "interior minister"),
}
NAME_SUFFIXES = {"jr", "sr"}
# honorifics a name may carry or not ("King Abdullah II" / "Abdullah II of Jordan")
HONORIFICS = {"king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "pope", "patriarch"}
INTERNATIONAL = {"IGO", "NGO", "MNC", "IMG"}
SPELLING = 0.85  # SequenceMatcher ratio of two folded names taken as one name's spelling variants


@dataclass(frozen=True)
class Conventions:
    """How parley's codes are read in a set's vocabulary (see the module's docstring)."""

    rename: dict[str, str] = field(default_factory=dict)  # parley sector code -> the set's
    role_classes: bool = False  # the set writes roles as the five classes
    org_names: dict[str, frozenset[str]] = field(default_factory=dict)  # parley org id -> acceptable ids
    international_orgs: bool = False  # the set gives an org to IGOs, NGOs, MNCs and IMGs only


def load_phrases(path: Path) -> list[dict[str, str]]:
    """The rows of a phrase set (comment lines skipped); a bad file is an InputError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    rows = read_table(text)
    missing = [c for c in COLUMNS if rows and c not in rows[0]]
    if not rows or missing:
        raise InputError(f"{path}: not a phrase set (need the columns {', '.join(COLUMNS)}; missing {missing})")
    for n, row in enumerate(rows, 1):
        try:
            date.fromisoformat(row["date"]) if row["date"] else None
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}: row {n} has a bad date {row['date']!r}") from exc
    return rows


def phrase_items(rows: Sequence[dict[str, str]]) -> list[tuple[str, str, date | None]]:
    """What ``Pipeline.resolve`` takes: (row number, phrase, date)."""
    return [(str(i), r["phrase"], date.fromisoformat(r["date"]) if r["date"] else None) for i, r in enumerate(rows)]


def fold(text: str) -> str:
    """Lower case without accents, hyphens or punctuation, spaces collapsed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain.replace("ı", "i")).lower().split())


def same_name(want: str, have: str, corroborated: bool = False) -> bool:
    if not want or not have:
        return want == have
    a, b = fold(want), fold(have)
    if a == b or (corroborated and SequenceMatcher(None, a, b).ratio() >= SPELLING):
        return True
    wa, wb = _name_words(a), _name_words(b)
    short, long_ = sorted((wa, wb), key=len)
    return wa == wb or (len(short) >= 2 and set(short) <= set(long_))


def _name_words(folded: str) -> list[str]:
    """A folded name's words without initials, Jr./Sr., honorifics or an "of <country>" tail."""
    words = folded.split(" of ", 1)[0].split()
    return [w for w in words if len(w) > 1 and w not in NAME_SUFFIXES and w not in HONORIFICS]


def _squash(text: str) -> str:
    return fold(text).replace(" ", "")


def org_names(tables: Iterable[dict[str, str]]) -> dict[str, frozenset[str]]:
    """Each organisation id with what a plain id of it may be: its id, names and their initials,
    and those of the organisations it is part of."""
    rows = {r["id"]: r for r in tables if r.get("id")}

    def own(r: dict[str, str]) -> set[str]:
        names = [r["id"], r.get("name") or "", *(r.get("names") or "").split("|")]
        initials = ["".join(w[0] for w in n.split() if w[0].isupper()) for n in names if n]
        return {_squash(n) for n in names + initials if n}

    out = {}
    for oid, r in rows.items():
        names, seen, parent = own(r), {oid}, r.get("parent")
        while parent in rows and parent not in seen:
            seen.add(parent)
            names |= own(rows[parent])
            parent = rows[parent].get("parent")
        out[oid] = frozenset(names)
    return out


def _sectors(value: str | None, rename: dict[str, str]) -> list[str]:
    return [rename.get(s, s) for s in re.split(r"[;,]", value or "") if s]


def _role(value: str | None, classes: bool) -> str:
    if not classes or not value or value in ROLE_CLASSES:
        return value or ""
    return ROLE_CLASS_OF.get(value, "")


def _conjunct_ok(name: str, want: str, actor: Actor | None, conv: Conventions, country_ok: bool) -> bool:
    if name == "country":
        return want == ((actor.country if actor else None) or "")
    if name in ("sector", "sector_any"):
        have = [code for s in (actor.sectors if actor else ()) for code in _sectors(s, conv.rename)]
        wanted = [s for s in want.split(";") if s]
        if name == "sector":
            return (have[:1] or [""]) == (wanted[:1] or [""])
        return bool(set(have) & set(wanted)) or not (have or wanted)
    if name == "org":
        org = actor.org if actor and (actor.sector in INTERNATIONAL or not conv.international_orgs) else None
        if not want or not org:
            return not want and not org
        return _squash(want) in conv.org_names.get(org, frozenset({_squash(org)}))
    if name == "name":
        person = actor.name if actor and actor.kind == "person" else None
        return same_name(want, person or "", corroborated=country_ok)
    return want == _role(actor.role if actor else None, conv.role_classes)


def row_ok(row: dict[str, str], actors: Sequence[Actor], conv: Conventions) -> dict[str, bool]:
    """Each field right or not: conjunct by conjunct against the actors in order."""
    out: dict[str, bool] = {}
    for name in FIELDS:
        wants = row["sector" if name == "sector_any" else name].split("|")
        got: list[Actor | None] = list(actors[:len(wants)]) + [None] * (len(wants) - len(actors))
        out[name] = all(_conjunct_ok(name, w, a, conv, out.get("country", False)) for w, a in zip(wants, got))
    return out


def conventions(rows: Iterable[dict[str, str]], parley_sectors: Iterable[str],
                organisations: Iterable[dict[str, str]] = ()) -> Conventions:
    """How to read parley's codes in the set's vocabulary: sector names, role classes, org ids."""
    rows = list(rows)
    set_codes = {s for r in rows for s in re.split(r"[;|]", r["sector"]) if s}
    rename = CAMEO_TO_PLOVER if "JRN" in set_codes and "HLH" in set(parley_sectors) else {}
    roles = {x for r in rows for x in r["role"].split("|") if x}
    org_sectors = {r["sector"].split(";")[0] for r in rows if r["org"] and "|" not in r["org"]}
    return Conventions(rename, bool(roles) and roles <= set(ROLE_CLASSES), org_names(organisations),
                       bool(org_sectors) and org_sectors <= INTERNATIONAL)


def kind_of(note: str) -> str:
    """The case kind a row counts under: its note up to a colon ("office holder: title alone")."""
    return note.split(":", 1)[0].strip() or "(none)"


def score_phrases(rows: Sequence[dict[str, str]], resolved: dict[str, Sequence[Actor]],
                  conv: Conventions) -> dict[str, Any]:
    """Accuracy per field over every row and per kind; ``filled``: over the rows whose cell is filled."""
    right = dict.fromkeys(FIELDS, 0)
    filled = {f: [0, 0] for f in ("org", "name", "role")}
    kinds: dict[str, dict[str, int]] = {}
    misses = []
    for i, row in enumerate(rows):
        actors = resolved.get(str(i), ())
        ok = row_ok(row, actors, conv)
        k = kinds.setdefault(kind_of(row["note"]), {"rows": 0, **dict.fromkeys(FIELDS, 0)})
        k["rows"] += 1
        for f in FIELDS:
            right[f] += ok[f]
            k[f] += ok[f]
        for f, pair in filled.items():
            if row[f].strip("|"):
                pair[0] += ok[f]
                pair[1] += 1
        if not all(ok.values()):
            a = actors[0] if actors else None
            misses.append({"phrase": row["phrase"], "date": row["date"], "wrong": [f for f in FIELDS if not ok[f]],
                           "want": {f: row[f] for f in ("country", "sector", "org", "name", "role")},
                           "got": {f: getattr(a, f) if a else None for f in ("country", "sector", "org", "name", "role")}
                           | {"sectors": list(a.sectors) if a else []}})
    n = len(rows)
    return {
        "rows": n, "sector_names": "PLOVER (parley's MED/HLH renamed JRN/MED)" if conv.rename else "as written",
        "roles": "by class" if conv.role_classes else "as written",
        "accuracy": {f: round(right[f] / n, 4) if n else None for f in FIELDS},
        "filled": {f: {"right": r, "rows": t, "accuracy": round(r / t, 4) if t else None} for f, (r, t) in filled.items()},
        "by_kind": dict(sorted(kinds.items())),
        "misses": misses,
    }


def evaluate_phrases(path: Path, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Resolve every phrase of the set at its date, as ``parley resolve`` does, and score it."""
    rows = load_phrases(path)
    pipeline = pipeline or Pipeline()
    resolved = {i: actors for i, _, actors in pipeline.resolve(phrase_items(rows))}
    orgs = data_table("organisations_petrarch.tsv") + data_table("organisations.tsv")  # the curated file wins
    conv = conventions(rows, {r.get("sector") or "" for r in data_table("agents.tsv")}, orgs)
    return score_phrases(rows, resolved, conv)


def format_phrases(result: dict[str, Any], misses: bool = False) -> str:
    lines = [f"{'kind':<26}{'rows':>5}" + "".join(f"{f:>11}" for f in FIELDS)]
    for kind, k in result["by_kind"].items():
        lines.append(f"{kind:<26}{k['rows']:>5}" + "".join(f"{k[f] / k['rows']:>11.3f}" for f in FIELDS))
    acc = result["accuracy"]
    lines.append(f"{'all':<26}{result['rows']:>5}" + "".join(f"{acc[f]:>11.3f}" for f in FIELDS))
    lines.append("where the row names one: " + ", ".join(
        f"{f} {v['right']}/{v['rows']}" for f, v in result["filled"].items()))
    lines.append(f"sector codes {result['sector_names']}; roles {result['roles']}")
    if misses:
        lines.append("")
        for m in result["misses"]:
            lines.append(f"{m['phrase']!r} {m['date']}: {','.join(m['wrong'])} want {m['want']} got {m['got']}")
    return "\n".join(lines)
