"""What the dashboard draws (store/overview.py), checked against the queries it must agree with:
a country's count is what the country filter selects, the time axis keeps empty periods."""
from __future__ import annotations

from datetime import date

import pytest

from parley.errors import UsageError
from parley.model import Document
from parley.store import Store, overview, query
from parley.store.query import Filters


@pytest.fixture(scope="module")
def store(dedup_db):
    with Store(dedup_db) as s:
        yield s


@pytest.mark.parametrize("unit", ["events", "reports"])
def test_a_countrys_count_is_what_its_filter_selects(store, unit):
    counts = dict(overview.countries(store.con, unit=unit).fetchall())
    assert {"KEN", "TZA", "CHL", "IRN", "ISR"} <= set(counts)
    for country, n in counts.items():
        f = Filters.of(country=country)
        selected = query.real_events(store.con, f) if unit == "events" else query.events(store.con, f)
        assert len(selected.fetchall()) == n, country


def test_the_time_axis_counts_every_dated_event_once_in_its_quad_class(store):
    rows = overview.timeline(store.con, "week", unit="reports").fetchall()
    total, undated = overview.undated(store.con, unit="reports")
    assert sum(n for _, _, n in rows) == total - undated
    assert {q for _, q, _ in rows} == {1, 2, 3, 4}
    by_quad = {}
    for _, q, n in rows:
        by_quad[q] = by_quad.get(q, 0) + n
    dated = store.con.sql("SELECT quad_class, count(*) FROM events WHERE date IS NOT NULL GROUP BY ALL").fetchall()
    assert {q: n for q, n in dated} == {q: n for q, n in by_quad.items() if n}


def test_empty_months_stay_on_the_time_axis(pipeline, tmp_path):
    docs = [Document("jan", "Iran accused Israel of sabotage on Monday.", date(2025, 1, 8)),
            Document("apr", "Kenya and Tanzania signed a border agreement on Monday.", date(2025, 4, 16))]
    with Store(tmp_path / "gap.duckdb") as s:
        s.write([(d, pipeline.code(d)) for d in docs])
        rows = overview.timeline(s.con, "month").fetchall()
    periods = sorted({p for p, _, _ in rows})
    assert periods == [date(2025, m, 1) for m in (1, 2, 3, 4)]
    assert [sum(n for p, _, n in rows if p == month) for month in periods] == [1, 0, 0, 1]


def test_places_have_coordinates_and_counts(store):
    places = {name: (country, n) for name, country, lat, lon, n in overview.places(store.con, unit="reports").fetchall()}
    arusha = store.con.sql("SELECT count(*) FROM events WHERE location_name = 'Arusha' AND lat IS NOT NULL").fetchall()[0][0]
    assert places["Arusha"] == ("TZA", arusha) and arusha > 0


def test_a_span_too_long_to_draw_is_refused(store, monkeypatch):
    monkeypatch.setattr(overview, "MAX_PERIODS", 0)
    with pytest.raises(UsageError, match="narrow the dates"):
        overview.timeline(store.con, "week")


def test_country_names_carry_the_numeric_code_world_maps_use():
    names = overview.country_names()
    assert names["IRN"] == ("Iran", "364") and names["USA"][1] == "840" and names["AFG"][1] == "004"
