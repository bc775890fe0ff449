"""The zero-filled panel (store/series.py) over hand-made reports in two countries in 2024."""
from __future__ import annotations

import io
import json
from datetime import date

import pyarrow.parquet as pq
import pytest

from parley.errors import UsageError
from parley.filters import Filters
from parley.store import Store
from parley.store.series import series, write

YEAR = Filters.of(since="2024-01-01", until="2024-12-31")


@pytest.fixture()
def store(panel_db):
    with Store(panel_db) as s:
        yield s


def rows(rel) -> list[dict]:
    return [dict(zip(rel.columns, r)) for r in rel.fetchall()]


def test_every_country_month_is_there_with_zeros(store):
    panel = rows(series(store.con, "country", "month", YEAR))
    assert len(panel) == 24
    assert [(r["country"], r["period"]) for r in panel] == [
        (c, date(2024, m, 1)) for c in ("KOR", "USA") for m in range(1, 13)]
    empty = next(r for r in panel if r["country"] == "KOR" and r["period"] == date(2024, 1, 1))
    assert (empty["count"], empty["reports"], empty["sources"], empty["goldstein_sum"], empty["accuse"]) == (0, 0, 0, 0, 0)
    assert empty["goldstein_mean"] is None and empty["counting"] == "events"


def test_events_count_once_and_reports_each_time(store):
    def march_kor(counting):
        panel = rows(series(store.con, "country", "month", YEAR, counting=counting))
        return next(r for r in panel if r["country"] == "KOR" and r["period"] == date(2024, 3, 1))

    event, reports = march_kor("events"), march_kor("reports")
    # the accusation: one real event of two reports by two publishers
    assert (event["count"], event["reports"], event["sources"], event["goldstein_sum"]) == (1, 2, 2, -2.0)
    assert (reports["count"], reports["reports"], reports["goldstein_sum"], reports["quad3"]) == (2, 2, -4.0, 2)
    assert event["counting"] == "events" and reports["counting"] == "reports"


def test_units_periods_and_cameo_roots(store):
    dyads = rows(series(store.con, "dyad", "quarter", YEAR, categories="cameo"))
    assert {(r["actor"], r["recipient"]) for r in dyads} == {("KOR", "KOR"), ("USA", "USA"), ("USA", "KOR")}
    assert len(dyads) == 3 * 4
    fight = next(r for r in dyads if r["actor"] == "USA" and r["recipient"] == "USA" and r["count"])
    assert fight["period"] == date(2024, 7, 1) and fight["cameo19"] == 1 and fight["quad4"] == 1
    actors = rows(series(store.con, "actor", "year", Filters()))
    assert {(r["actor"], r["count"]) for r in actors} == {("KOR", 1), ("USA", 2)}
    weeks = rows(series(store.con, "country", "week", Filters.of(since="2024-03-01", until="2024-03-14")))
    assert {r["period"] for r in weeks} == {date(2024, 2, 26), date(2024, 3, 4), date(2024, 3, 11)}  # Mondays


def test_filters_narrow_the_panel(store):
    panel = rows(series(store.con, "country", "year", Filters.of(quad="4")))
    assert [(r["country"], r["count"]) for r in panel] == [("USA", 1)]


def test_a_panel_too_large_is_refused_before_it_is_built(store):
    with pytest.raises(UsageError, match="at most 100"):
        series(store.con, "country", "day", YEAR, max_rows=100)
    with pytest.raises(UsageError, match="choose from"):
        series(store.con, "country", "decade", YEAR)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_written_panels_keep_rows_and_columns(store, fmt):
    rel = series(store.con, "country", "month", YEAR)
    out = io.BytesIO()
    assert write(rel, fmt, out) == 24
    data = out.getvalue()
    if fmt == "parquet":
        table = pq.read_table(io.BytesIO(data))
        assert table.column_names == rel.columns and table.num_rows == 24
    elif fmt == "csv":
        lines = data.decode().splitlines()
        assert lines[0].split(",") == rel.columns and len(lines) == 25
    else:
        first = json.loads(data.decode().splitlines()[0])
        assert list(first) == rel.columns and first["period"] == "2024-01-01"


def test_country_rows_carry_the_state_numbers_of_their_period():
    from parley.model import Actor, Document, Event, event_id

    def arrest(doc: str, day: date) -> tuple:
        police = Actor("Serbian police", 0, 14, "SRB", "COP")
        return (Document(doc, "x", day), [Event(event_id=event_id(doc, 0, 0, "COERCE"), doc_id=doc, sentence=0,
                                                event="COERCE", cameo="173", goldstein=-5.0, quad_class=4,
                                                actor=(police,), recipient=(police,), date=day)])

    with Store(":memory:") as s:
        s.write([arrest("s1", date(2006, 5, 10)), arrest("s2", date(2006, 7, 10))])
        panel = rows(series(s.con, "country", "month", Filters()))
    # G&W number Serbia 340 from 5 June 2006; Serbia and Montenegro was Yugoslavia's 345 before
    assert [(r["period"].month, r["cow"], r["gw"], r["count"]) for r in panel] == [
        (5, 345, 345, 1), (6, 345, 345, 0), (7, 345, 340, 1)]
