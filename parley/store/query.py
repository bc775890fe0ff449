"""Queries over a store: filtered events, real (deduplicated) events and dyad time series.

Every function takes a DuckDB connection and returns a DuckDB relation, so callers choose
what to do with the rows (``.arrow()``, ``.df()``, ``.fetchall()``, ``.write_parquet()``); the
CLI, the API and ``Store`` all go through here. Filters are parameters, never pasted into SQL.
Relations run on their own cursor, so a result the caller left unread on the connection does
not stand in their way.
"""
from __future__ import annotations

from typing import Any, Literal

import duckdb

from ..filters import FILTERS, PERIODS, Filters, FilterSpec

__all__ = ["Filters", "FilterSpec", "FILTERS", "where", "events", "real_events", "dyads", "network", "PERIODS"]



def _side(side: str, values: tuple[str, ...], params: list[Any]) -> str:
    ors = []
    for v in values:
        ors.append("(upper(a.code) = upper(?) OR upper(a.country) = upper(?) OR upper(a.org) = upper(?) "
                   "OR a.name ILIKE ?)")
        params.extend([v, v, v, f"%{v}%"])
    return _on_side(side, " OR ".join(ors))


def _on_side(side: str | None, condition: str) -> str:
    """Events with an actor row meeting ``condition`` on ``side`` (None: either side)."""
    if side is None:
        return f"e.event_id IN (SELECT a.event_id FROM actors a WHERE {condition})"
    # in a reciprocal event ("A and B signed") both are actors and both recipients
    return (f"e.event_id IN (SELECT a.event_id FROM actors a WHERE ({condition}) AND (a.side = '{side}' "
            "OR a.event_id IN (SELECT event_id FROM events WHERE reciprocal)))")


def where(f: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause over the ``events`` table (aliased ``e``) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    _parties(f, clauses, params)
    for column, values in (("e.event", f.category), ("e.quad_class", tuple(map(int, f.quad))),
                           ("e.factuality", f.factuality), ("e.location_country", f.place_country)):
        if values:
            clauses.append(f"{column} IN (SELECT unnest(?))")
            params.append(list(values))
    if f.cameo:
        clauses.append("(" + " OR ".join("starts_with(e.cameo, ?)" for _ in f.cameo) + ")")
        params.extend(f.cameo)
    for condition, bound in (("e.confidence >= ?", f.min_confidence), ("e.date >= ?", f.since),
                             ("e.date <= ?", f.until),
                             ("e.real_event_id IN (SELECT real_event_id FROM real_events WHERE n_reports >= ?)",
                              f.min_reports)):
        if bound is not None:
            clauses.append(condition)
            params.append(bound)
    if f.publisher:
        clauses.append("e.doc_id IN (SELECT doc_id FROM documents WHERE lower(publisher) IN "
                       "(SELECT lower(unnest(?::VARCHAR[]))))")
        params.append(list(f.publisher))
    if f.place:
        clauses.append("(e.location_name ILIKE ? OR upper(e.location_country) = upper(?))")
        params.extend([f"%{f.place}%", f.place])
    if f.text:
        # the evidence: the sentence span of each mention, cut from the stored document text
        clauses.append("e.event_id IN (SELECT m.event_id FROM mentions m JOIN documents d USING (doc_id) "
                       "WHERE substring(d.text, m.start_char + 1, m.end_char - m.start_char) ILIKE ?)")
        params.append(f"%{f.text}%")
    if f.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(f.doc_id)
    return " AND ".join(clauses) or "TRUE", params


def _parties(f: Filters, clauses: list[str], params: list[Any]) -> None:
    """The clauses of the filters on who took part: actor, recipient, country and sectors."""
    if f.actor:
        clauses.append(_side("actor", f.actor, params))
    if f.recipient:
        clauses.append(_side("recipient", f.recipient, params))
    if f.country:
        codes = [c.upper() for c in f.country]
        clauses.append("(e.location_country IN (SELECT unnest(?::VARCHAR[])) OR e.event_id IN "
                       "(SELECT event_id FROM actors WHERE upper(country) IN (SELECT unnest(?::VARCHAR[]))))")
        params.extend([codes, codes])
    for side, sectors in ((None, f.sector), ("actor", f.actor_sector), ("recipient", f.recipient_sector)):
        if sectors:
            # any of the actor's sectors, not only the primary: --sector GOV finds Hamas (REB, PTY, GOV)
            clauses.append(_on_side(side, "(upper(a.sector) IN (SELECT unnest(?::VARCHAR[])) "
                                          "OR list_has_any(a.sectors, ?::VARCHAR[]))"))
            params.extend([[s.upper() for s in sectors]] * 2)


EVENT_COLUMNS = ("e.event_id, e.doc_id, e.sentence, e.event, e.mode, e.cameo, e.goldstein, e.quad_class, "
                 "e.actor_codes, e.recipient_codes, e.reciprocal, e.date, e.date_precision, e.location_name, "
                 "e.location_country, e.lat, e.lon, e.factuality, e.confidence, e.real_event_id, "
                 "r.n_reports, r.n_sources")


def events(con: duckdb.DuckDBPyConnection, f: Filters = Filters(), *, records: bool = False,
           limit: int | None = None, after: str | None = None) -> duckdb.DuckDBPyRelation:
    """Reports matching ``f``, ordered by date then id. ``records`` adds the JSON record column;
    ``after`` (an event id) and ``limit`` page through them in that order."""
    sql, params = where(f)
    cols = EVENT_COLUMNS + (", e.record" if records else "")
    if after is not None:
        sql += (" AND (coalesce(e.date, DATE '9999-12-31'), e.event_id) > "
                "(SELECT (coalesce(date, DATE '9999-12-31'), event_id) FROM events WHERE event_id = ?)")
        params.append(after)
    query = (f"SELECT {cols} FROM events e LEFT JOIN real_events r USING (real_event_id) WHERE {sql} "
             "ORDER BY coalesce(e.date, DATE '9999-12-31'), e.event_id")
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    return con.cursor().sql(query, params=params)


def real_events(con: duckdb.DuckDBPyConnection, f: Filters = Filters()) -> duckdb.DuckDBPyRelation:
    """Real-world events any of whose reports match ``f``, with their source counts."""
    sql, params = where(f)
    return con.cursor().sql("SELECT * FROM real_events WHERE real_event_id IN "
                   f"(SELECT real_event_id FROM events e WHERE {sql}) ORDER BY date, real_event_id", params=params)


def _pairs(f: Filters, unit: str) -> tuple[str, list[Any]]:
    """SQL of one row per (dated event, actor code, recipient code), reciprocal pairs in
    alphabetical order; ``unit`` "events" takes real events, "reports" every report."""
    sql, params = where(f)
    if unit == "events":
        base = ("SELECT date, goldstein, quad_class, actor_codes, recipient_codes, reciprocal, n_reports "
                "FROM real_events WHERE date IS NOT NULL AND real_event_id IN "
                f"(SELECT real_event_id FROM events e WHERE {sql})")
    elif unit == "reports":
        base = ("SELECT date, goldstein, quad_class, actor_codes, recipient_codes, reciprocal, 1 AS n_reports "
                f"FROM events e WHERE date IS NOT NULL AND {sql}")
    else:
        raise ValueError("unit must be events or reports")
    return f"""
    WITH base AS ({base}),
    a AS (SELECT *, unnest(actor_codes) AS a_code FROM base),
    p AS (SELECT *, unnest(recipient_codes) AS r_code FROM a),
    pairs AS (SELECT date, goldstein, quad_class, n_reports,
                     CASE WHEN reciprocal THEN least(a_code, r_code) ELSE a_code END AS actor,
                     CASE WHEN reciprocal THEN greatest(a_code, r_code) ELSE r_code END AS recipient FROM p)
    """, params


def dyads(con: duckdb.DuckDBPyConnection, by: Literal["day", "week", "month"] = "day", f: Filters = Filters(),
          unit: Literal["events", "reports"] = "events") -> duckdb.DuckDBPyRelation:
    """Counts and Goldstein sums per period, dyad and quad class.

    One row per (period, actor, recipient, quad class): an event with two actors counts once
    for each dyad. ``unit="events"`` counts real events (reports of one event once, dated by
    the best-dated report); ``"reports"`` counts every report, as GDELT does. Events without a
    date or without a recipient are not in any dyad. A reciprocal event ("A and B signed") is
    counted once, under its dyad in alphabetical order. Weeks start on Monday.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}")
    pairs, params = _pairs(f, unit)
    period = "date" if by == "day" else f"CAST(date_trunc('{by}', date) AS DATE)"
    return con.cursor().sql(pairs + f"""
    SELECT {period} AS period, actor, recipient, quad_class, count(*) AS events,
           round(sum(goldstein), 2) AS goldstein, CAST(sum(n_reports) AS BIGINT) AS reports
    FROM pairs GROUP BY ALL ORDER BY period, actor, recipient, quad_class
    """, params=params)


def network(con: duckdb.DuckDBPyConnection, f: Filters = Filters(), min_events: int = 1,
            unit: Literal["events", "reports"] = "events") -> tuple[duckdb.DuckDBPyRelation, duckdb.DuckDBPyRelation]:
    """The actor network: edges (actor → recipient, events, mean Goldstein) with at least
    ``min_events`` events, and their nodes (actor codes, events they take part in)."""
    pairs, params = _pairs(f, unit)
    edges = con.cursor().sql(pairs + """
    SELECT actor AS source, recipient AS target, count(*) AS events, round(avg(goldstein), 2) AS goldstein
    FROM pairs WHERE actor <> recipient GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target
    """, params=[*params, int(min_events)])
    nodes = con.cursor().sql(pairs + """
    , edges AS (SELECT actor, recipient FROM pairs WHERE actor <> recipient
                GROUP BY ALL HAVING count(*) >= ?)
    SELECT code AS id, count(*) AS events FROM (
        SELECT p.actor AS code FROM pairs p JOIN edges USING (actor, recipient)
        UNION ALL SELECT p.recipient FROM pairs p JOIN edges USING (actor, recipient))
    GROUP BY code ORDER BY events DESC, id
    """, params=[*params, int(min_events)])
    return nodes, edges
