"""Exports that other tools load unchanged: Parquet, CSV, JSONL, GDELT 2.0 events, PLOVER JSON.

Every format streams from DuckDB in batches, so an export's memory does not grow with the
store. Reports (one row per event record) go to parquet, csv, jsonl and plover; the GDELT
format, like GDELT's own events table, has one row per real event with its mention counts.
"""
from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds

from ..errors import UsageError
from ..filters import EXPORT_FORMATS
from .arrow import EVENT_SCHEMA, to_arrow
from .gdelt import GDELT_COLUMNS, write_gdelt
from .query import Filters, where
from .records import CSV_FIELDS, flat_row

__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "ExportResult"]

FORMATS = EXPORT_FORMATS
BATCH = 5000

# extra columns of the Parquet and CSV exports: which real event a report is of, and its reach
LINK_SCHEMA = pa.schema([("real_event_id", pa.string()), ("n_sources", pa.int32()), ("month", pa.string())])


@dataclass(frozen=True)
class ExportResult:
    format: str
    output: str
    rows: int
    skipped: int = 0  # GDELT rows need a date: real events with none are left out and counted


def export(con: duckdb.DuckDBPyConnection, fmt: str, output: Path, f: Filters = Filters(),
           force: bool = False, header: bool = False) -> ExportResult:
    """Write the events matching ``f`` to ``output`` in ``fmt`` (``header``: GDELT's column names
    as a first line, which GDELT's own files do not have)."""
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
            rows, skipped = write_gdelt(con, fh, f, header=header)
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
