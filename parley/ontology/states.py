"""State numbers analysts join on: a country's Correlates of War (COW) and Gleditsch–Ward (G–W)
numbers on a given day, from ``data/states.tsv`` (built by scripts/build_states.py from the
countrycode package). The date matters: Serbia is G–W 345 (Yugoslavia) until 4 June 2006 and 340
after; South Sudan is Sudan's 625 until its independence on 9 July 2011; Yemen is 678 before its
unification on 22 May 1990 and COW 679 after.
"""
from __future__ import annotations

import csv
from datetime import date
from functools import lru_cache
from importlib import resources

__all__ = ["ISO3", "state_numbers", "periods"]

Period = tuple[date | None, date | None, int | None, int | None]  # first day, last day, COW, G-W


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[Period, ...]]:
    text = resources.files("parley.ontology").joinpath("data/states.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    table: dict[str, list[Period]] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table.setdefault(row["iso3"], []).append((
            date.fromisoformat(row["from"]) if row["from"] else None,
            date.fromisoformat(row["until"]) if row["until"] else None,
            int(row["cow"]) if row["cow"] else None, int(row["gw"]) if row["gw"] else None))
    return {code: tuple(periods) for code, periods in table.items()}


# every ISO 3166-1 alpha-3 code parley's actors and places use (and XKX, Kosovo)
ISO3 = frozenset(_table())


def state_numbers(iso3: str | None, when: date | None) -> tuple[int | None, int | None]:
    """(COW, G–W) of the state ``iso3`` was on ``when`` (undated: today's); (None, None) for a
    code that is no state in those lists (a territory, an organisation)."""
    periods = _table().get(iso3 or "", ())
    for first, last, cow, gw in periods:
        if when is None and last is None:
            return cow, gw
        if when is not None and (first is None or first <= when) and (last is None or when <= last):
            return cow, gw
    return None, None


def periods() -> list[dict[str, object]]:
    """Every row of the table (iso3, first, last, cow, gw), for a query to join on."""
    return [{"iso3": code, "first": first, "last": last, "cow": cow, "gw": gw}
            for code, rows in _table().items() for first, last, cow, gw in rows]
