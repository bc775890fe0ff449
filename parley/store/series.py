"""Panels for analysts: counts per unit (country, actor or directed dyad) and period, with every
unit × period of the range present, zeros included (``parley series``, ``GET /v1/series``).

The panel is one DuckDB query: a calendar (``generate_series`` over the range) crossed with the
units that have events, left-joined to the counts. Columns (docs/series.md):
``period`` (the first day of the period), the unit (``country`` with its ``cow`` and ``gw``
numbers on that day; ``actor``; ``actor, recipient``),
``counting`` (``events``: real events, the reports of one event counted once; ``reports``: every
report, as GDELT counts), ``count``, ``reports``, ``sources`` (distinct publishers, a document
without one counting as its own), ``goldstein_sum``, ``goldstein_mean`` (empty where ``count`` is
0), ``quad1`` … ``quad4``, then one count per PLOVER category (``agree`` … ``assault``) or per
CAMEO root (``cameo01`` … ``cameo20``). Undated events are in no period.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO, Literal

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import UsageError
from ..ontology import CATEGORIES, QUAD_CLASSES
from ..ontology.states import periods
from .query import Filters, where

__all__ = ["UNITS", "PERIODS", "COUNTING", "CATEGORY_SETS", "FORMATS", "series", "write"]

UNITS: dict[str, tuple[str, ...]] = {"country": ("country",), "actor": ("actor",), "dyad": ("actor", "recipient")}
PERIODS = ("day", "week", "month", "quarter", "year")
COUNTING = ("events", "reports")
CATEGORY_SETS = ("plover", "cameo")
FORMATS = ("csv", "jsonl", "parquet")
STEP = {"day": "1 day", "week": "1 week", "month": "1 month", "quarter": "3 months", "year": "1 year"}
INTERNATIONAL = "('IGO', 'NGO', 'MNC', 'IMG')"  # actor codes that are no country

_BASE = {
    # a real event is dated, placed and coded as its best-dated report (store.REAL_EVENTS_SQL)
    "events": """SELECT real_event_id AS id, date, event, cameo, goldstein, quad_class, reciprocal, n_reports,
                        coalesce(actor_codes, []) AS actor_codes, coalesce(recipient_codes, []) AS recipient_codes,
                        location_country
                 FROM real_events WHERE date IS NOT NULL AND real_event_id IN
                      (SELECT real_event_id FROM events e WHERE {where})""",
    "reports": """SELECT event_id AS id, date, event, cameo, goldstein, quad_class, reciprocal, 1 AS n_reports,
                         coalesce(actor_codes, []) AS actor_codes, coalesce(recipient_codes, []) AS recipient_codes,
                         location_country
                  FROM events e WHERE date IS NOT NULL AND {where}""",
}
_SOURCES = {
    "events": "SELECT real_event_id AS id, coalesce(publisher, 'doc:' || doc_id) AS source FROM sources",
    "reports": "SELECT e.event_id AS id, coalesce(d.publisher, 'doc:' || d.doc_id) AS source "
               "FROM events e JOIN documents d USING (doc_id)",
}
_UNIT_ROWS = {
    # every country the event involves: on either side or where it happened, once per event
    "country": f"""SELECT DISTINCT id, code AS country FROM (
                       SELECT id, unnest(list_concat(actor_codes, recipient_codes, [location_country])) AS code
                       FROM in_range) WHERE code IS NOT NULL AND code NOT IN {INTERNATIONAL}""",
    # who acted (in a reciprocal event both sides did)
    "actor": """SELECT DISTINCT id, code AS actor FROM (
                    SELECT id, unnest(CASE WHEN reciprocal THEN list_concat(actor_codes, recipient_codes)
                                      ELSE actor_codes END) AS code FROM in_range) WHERE code IS NOT NULL""",
    # actor -> recipient; a reciprocal event once, under its dyad in alphabetical order (as query.dyads)
    "dyad": """SELECT DISTINCT id, CASE WHEN reciprocal THEN least(a, r) ELSE a END AS actor,
                                   CASE WHEN reciprocal THEN greatest(a, r) ELSE r END AS recipient
               FROM (SELECT id, reciprocal, unnest(recipient_codes) AS r, a FROM
                     (SELECT id, reciprocal, recipient_codes, unnest(actor_codes) AS a FROM in_range))""",
}


def measures(categories: str) -> list[tuple[str, str]]:
    """The counted columns past the totals: (name, SQL condition on a cell's event)."""
    quads = [(f"quad{q}", f"quad_class = {q}") for q in QUAD_CLASSES]
    if categories == "plover":
        return quads + [(c.lower(), f"event = '{c}'") for c in CATEGORIES]
    return quads + [(f"cameo{r:02d}", f"starts_with(cameo, '{r:02d}')") for r in range(1, 21)]


def series(con: duckdb.DuckDBPyConnection, unit: str = "country", period: str = "month", f: Filters = Filters(),
           counting: Literal["events", "reports"] = "events", categories: str = "plover",
           max_rows: int | None = None) -> duckdb.DuckDBPyRelation:
    """The zero-filled panel of events matching ``f`` per ``unit`` and ``period``.

    The range is ``f.since`` to ``f.until``, or the first to the last matching event's date;
    weeks start on Monday, quarters in January, April, July and October. A panel of more than
    ``max_rows`` rows is refused (a UsageError) before it is built.
    """
    for name, value, known in (("unit", unit, tuple(UNITS)), ("period", period, PERIODS),
                               ("counting", counting, COUNTING), ("categories", categories, CATEGORY_SETS)):
        if value not in known:
            raise UsageError(f"{name} {value!r}: choose from {', '.join(known)}")
    sql, params = where(f)
    params = [*params, f.since, f.until]
    keys = ", ".join(UNITS[unit])
    cells = _cells(sql, unit, period, counting)
    if max_rows is not None:
        ((rows,),) = con.cursor().sql(cells + f"""SELECT (SELECT count(*) FROM calendar)
                                     * (SELECT count(*) FROM (SELECT DISTINCT {keys} FROM cells))""",
                                   params=params).fetchall()
        if rows > max_rows:
            raise UsageError(f"the panel would have {rows} rows (at most {max_rows}): narrow since/until, "
                             "the period or the filters")
    # a country's COW and G-W numbers on the period's first day (ontology/states.py)
    states, numbers, numbered = "", "", ""
    if unit == "country":
        states = (", states AS (SELECT unnest(?::STRUCT(iso3 VARCHAR, first DATE, last DATE, cow INTEGER, "
                  "gw INTEGER)[], recursive := true))")
        numbers = " states.cow, states.gw,"
        numbered = ("LEFT JOIN states ON states.iso3 = country AND coalesce(states.first <= period, TRUE) "
                    "AND coalesce(period <= states.last, TRUE)")
        params.append(periods())
    counted = measures(categories)
    zeros = ",\n           ".join(f"coalesce({name}, 0) AS {name}" for name, _ in counted)
    counts = ",\n               ".join(f"count(*) FILTER (WHERE {cond}) AS {name}" for name, cond in counted)
    return con.cursor().sql(cells + states + f"""
    , counts AS (SELECT period, {keys}, count(*) AS count, CAST(sum(n_reports) AS BIGINT) AS reports,
               round(sum(goldstein), 2) AS goldstein_sum, round(avg(goldstein), 3) AS goldstein_mean,
               {counts}
               FROM cells GROUP BY period, {keys}),
    sourced AS (SELECT period, {keys}, count(DISTINCT source) AS sources
                FROM cells JOIN ({_SOURCES[counting]}) USING (id) GROUP BY period, {keys})
    SELECT period, {keys},{numbers} '{counting}' AS counting, coalesce(count, 0) AS count,
           coalesce(reports, 0) AS reports, coalesce(sources, 0) AS sources, coalesce(goldstein_sum, 0) AS goldstein_sum, goldstein_mean,
           {zeros}
    FROM calendar CROSS JOIN (SELECT DISTINCT {keys} FROM cells)
    LEFT JOIN counts USING (period, {keys}) LEFT JOIN sourced USING (period, {keys}) {numbered}
    ORDER BY {keys}, period
    """, params=params)


def _cells(where_sql: str, unit: str, period: str, counting: str) -> str:
    """The panel's first CTEs: ``calendar`` (every period of the range) and ``cells`` (one row per
    event and unit, with its period); parameters: the filters', then since and until."""
    return f"""
    WITH base AS ({_BASE[counting].format(where=where_sql)}),
    bounds AS (SELECT CAST(date_trunc('{period}', coalesce(?::DATE, min(date))) AS DATE) AS lo,
                      coalesce(?::DATE, max(date)) AS hi FROM base),
    calendar AS (SELECT CAST(unnest(generate_series(CAST(lo AS TIMESTAMP), CAST(hi AS TIMESTAMP),
                                                    INTERVAL '{STEP[period]}')) AS DATE) AS period
                 FROM bounds WHERE lo <= hi),
    in_range AS (SELECT base.* FROM base, bounds WHERE date BETWEEN lo AND hi),
    units AS ({_UNIT_ROWS[unit]}),
    cells AS (SELECT in_range.*, {", ".join(UNITS[unit])}, CAST(date_trunc('{period}', date) AS DATE) AS period
              FROM in_range JOIN units USING (id))
    """


def write(rel: duckdb.DuckDBPyRelation, fmt: str, out: BinaryIO) -> int:
    """Write a panel as CSV, JSON lines or Parquet (which keeps the column types); returns its rows."""
    if fmt not in FORMATS:
        raise UsageError(f"format {fmt!r}: choose from {', '.join(FORMATS)}")
    table = rel.arrow()
    table = table.read_all() if isinstance(table, pa.RecordBatchReader) else table
    if fmt == "parquet":
        pq.write_table(table, out)
        return table.num_rows
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    rows = table.to_pylist()
    if fmt == "csv":
        w = csv.writer(text, lineterminator="\n")
        w.writerow(table.column_names)
        w.writerows([_plain(v) for v in row.values()] for row in rows)
    else:
        text.writelines(json.dumps({k: _plain(v) for k, v in row.items()}) + "\n" for row in rows)
    text.flush()
    text.detach()
    return len(rows)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value
