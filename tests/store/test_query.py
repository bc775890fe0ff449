"""Queries over the coded dedup corpus (tests/data/dedup_corpus.jsonl): filters, real events, and
dyad series checked against values worked out by hand from the articles and CAMEO's weights."""
from __future__ import annotations

from datetime import date

import pytest

from parley.store import Store

from conftest import jsonl, run_parley


@pytest.fixture(scope="module")
def store(dedup_db):
    with Store(dedup_db) as s:
        yield s


def docs(rel) -> set[str]:
    return {r[0] for r in rel.select("doc_id").fetchall()}


KENYA_TANZANIA = {f"a0{i}" for i in range(1, 9)}
CHILE = {f"b0{i}" for i in range(1, 7)}
IRAN = {f"c0{i}" for i in range(1, 7)}


@pytest.mark.parametrize("filters,expected", [
    ({"actor": "KEN"}, KENYA_TANZANIA),
    ({"actor": "kEn,irn"}, KENYA_TANZANIA | IRAN),
    ({"recipient": "ISR"}, IRAN),
    ({"category": "COERCE"}, CHILE),
    ({"cameo": "17"}, CHILE),  # 173: arrest
    ({"cameo": ["05", "11"]}, KENYA_TANZANIA | IRAN | {"u04"}),
    ({"sector": "COP"}, CHILE),
    ({"country": "CHL"}, CHILE),
    ({"place": "Santiago"}, CHILE),  # "Police in Chile arrested ... in Santiago": the arrest's town
    ({"place": "IRN"}, {"c02", "c04"}),
    ({"text": "power station"}, IRAN - {"c03"}),  # c03 says "power plant"
    ({"since": date(2025, 4, 17), "until": date(2025, 4, 17)}, IRAN - {"c06"}),
    ({"actor": "IRN", "since": date(2025, 4, 18)}, {"c06"}),
])
def test_filters_select_reports(store, filters, expected):
    assert docs(store.select(**filters)) == expected


def test_filters_are_parameters_not_sql(store):
    assert docs(store.select(actor="KEN' OR '1'='1")) == set()
    assert docs(store.select(text="%'; DROP TABLE events; --")) == set()
    assert store.count("events") == 25


def test_real_events_carry_their_counts(store):
    rows = store.real_events(category="ACCUSE").fetchall()
    assert len(rows) == 1
    real = dict(zip(store.real_events(category="ACCUSE").columns, rows[0]))
    assert (real["n_reports"], real["n_documents"], real["n_sources"]) == (6, 6, 6)
    assert real["first_seen"] == date(2025, 4, 17)
    # any matching report selects its real event: c06 alone is dated the 18th
    assert len(store.real_events(since=date(2025, 4, 18), actor="IRN").fetchall()) == 1


def test_relations_give_arrow_tables(store):
    table = store.select(actor="KEN").arrow()
    table = table.read_all() if hasattr(table, "read_all") else table
    assert table.num_rows == 8 and "real_event_id" in table.column_names


# Worked out by hand from the articles and the CAMEO codebook: the signing is on 14 April (057,
# Goldstein 8.0, verbal cooperation: quad 1), the arrest on 16 April (173, -5.0, material conflict:
# quad 4), the accusation on 17 April (112, -2.0, verbal conflict: quad 3); each is one event
# however many outlets reported it.
HAND = [
    (date(2025, 4, 14), "KEN", "TZA", 1, 1, 8.0, 8),
    (date(2025, 4, 16), "CHL", "CHL", 4, 1, -5.0, 6),
    (date(2025, 4, 17), "IRN", "ISR", 3, 1, -2.0, 6),
]


def test_daily_dyads_match_hand_computed_values(store):
    rows = store.dyads("day").fetchall()
    for row in HAND:
        assert row in rows
    assert len(rows) == 8 and sum(r[4] for r in rows) == 8  # five unrelated events, one each


def test_weekly_and_monthly_dyads_sum_the_days(store):
    days: dict[tuple, list[float]] = {}
    for _, actor, recipient, quad, n, goldstein, reports in store.dyads("day").fetchall():
        acc = days.setdefault((actor, recipient, quad), [0, 0.0, 0])
        acc[0], acc[1], acc[2] = acc[0] + n, acc[1] + goldstein, acc[2] + reports
    for by, start in (("week", date(2025, 4, 14)), ("month", date(2025, 4, 1))):  # 14 April is a Monday
        rows = store.dyads(by).fetchall()
        assert {r[0] for r in rows} == {start}
        assert {r[1:4]: [r[4], r[5], r[6]] for r in rows} == days


def test_report_dyads_count_every_report(store):
    rows = store.dyads("day", unit="reports", actor="KEN,IRN").fetchall()
    # all eight signing reports date it to the 14th; c06 ("has accused", published the 18th) has no
    # date of its own, so it counts on its publication day
    assert (date(2025, 4, 14), "KEN", "TZA", 1, 8, 64.0, 8) in rows
    assert (date(2025, 4, 17), "IRN", "ISR", 3, 5, -10.0, 5) in rows
    assert (date(2025, 4, 18), "IRN", "ISR", 3, 1, -2.0, 1) in rows


def test_cli_events_and_dyads(dedup_db, tmp_path):
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(dedup_db, db)
    out = run_parley("events", "--db", str(db), "--actor", "IRN", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    records = jsonl(out.stdout)
    assert {r["doc_id"] for r in records} == IRAN and all(r["event"] == "ACCUSE" for r in records)
    out = run_parley("events", "--db", str(db), "--real", "--format", "csv", "--category", "COERCE")
    lines = out.stdout.decode().splitlines()
    assert out.returncode == 0 and len(lines) == 2 and "n_sources" in lines[0]
    out = run_parley("dyads", "--db", str(db), "--by", "month", "--format", "jsonl")
    rows = jsonl(out.stdout)
    assert {"period": "2025-04-01", "actor": "KEN", "recipient": "TZA", "quad_class": 1, "events": 1,
            "goldstein": 8.0, "reports": 8} in rows


@pytest.mark.parametrize("args,code,message", [
    (["events", "--db", "missing.duckdb"], 4, "no such store"),
    (["dyads", "--by", "year"], 2, "--by 'year'"),
    (["events", "--since", "April"], 2, "--since 'April' is not YYYY-MM-DD"),
])
def test_cli_query_errors_are_one_line(tmp_path, args, code, message):
    out = run_parley(*args, cwd=tmp_path)
    err = out.stderr.decode()
    assert out.returncode == code and message in err and "Traceback" not in err and len(err.splitlines()) == 1


# Each filter added for analysts, over hand-made reports (conftest.panel_events): p1 and p2 report one
# accusation in Korea (Reuters, AP; confidence 0.9, 0.8; p2 "reported"), p3 a US military assault in the
# US (no publisher, 0.4), p4 a US-Korea meeting (AP, 0.7). Every expected set leaves some report out, so a
# filter that were ignored would fail here.
@pytest.mark.parametrize("filters,expected", [
    ({"quad": "4"}, {"p3"}),
    ({"quad": ["1", "3"]}, {"p1", "p2", "p4"}),
    ({"factuality": "reported"}, {"p2"}),
    ({"factuality": "ASSERTED"}, {"p1", "p3", "p4"}),
    ({"min_confidence": 0.75}, {"p1", "p2"}),
    ({"min_reports": 2}, {"p1", "p2"}),
    ({"publisher": "ap"}, {"p2", "p4"}),
    ({"publisher": ["Reuters", "AP"]}, {"p1", "p2", "p4"}),
    ({"actor_sector": "MIL"}, {"p3"}),
    ({"recipient_sector": "GOV"}, {"p3", "p4"}),
    ({"sector": "OPP"}, {"p1", "p2"}),
    ({"sector": "LEG"}, {"p1", "p2"}),  # a second sector is found as the primary is
    ({"recipient_sector": "leg"}, {"p1", "p2"}),
    ({"actor_sector": "LEG"}, set()),
    ({"place_country": "USA"}, {"p3", "p4"}),
    ({"country": "kor"}, {"p1", "p2", "p4"}),
])
def test_analysts_filters_select_reports(panel_db, filters, expected):
    with Store(panel_db, read_only=True) as s:
        assert docs(s.select(**filters)) == expected


@pytest.mark.parametrize("filters,message", [
    ({"category": "ASSULT"}, "did you mean ASSAULT"),
    ({"factuality": "asertd"}, "did you mean asserted"),
    ({"quad": "5"}, "choose from 1, 2, 3, 4"),
    ({"actor_sector": "GOVT"}, "did you mean GOV"),
    ({"place_country": "KORR"}, "did you mean KOR"),
    ({"min_confidence": "high"}, "is not a number"),
    ({"min_confidence": 1.5}, "between 0 and 1"),
    ({"min_reports": 0}, "1 or more"),
])
def test_a_value_no_event_can_have_is_refused(filters, message):
    from parley.errors import UsageError
    from parley.filters import Filters

    with pytest.raises(UsageError, match=message):
        Filters.of(**filters)
