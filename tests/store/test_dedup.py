"""Cross-document dedup: 20 reports of 3 events plus 5 unrelated articles (tests/data/dedup_corpus.jsonl,
written for these tests) give 8 real events whatever the order and batching of the writes."""
from __future__ import annotations

import itertools
import random
from datetime import date
from pathlib import Path

import pytest

from parley.store import Store
from parley.store.dedup import Report, cluster, interval


def store_of(tmp_path: Path, pairs, batch: int, name: str) -> Store:
    store = Store(tmp_path / f"{name}.duckdb")
    for i in range(0, len(pairs), batch):
        store.write(pairs[i:i + batch])
    return store


def groups(store: Store) -> set[tuple[int, frozenset[str]]]:
    """Each real event as (distinct publishers, the documents reporting it)."""
    rows = store.con.execute(
        "SELECT r.n_sources, list(DISTINCT s.doc_id) FROM real_events r JOIN sources s USING (real_event_id) "
        "GROUP BY r.real_event_id, r.n_sources").fetchall()
    return {(n, frozenset(docs)) for n, docs in rows}


def test_twenty_reports_of_three_events_and_five_others_give_eight_events(dedup_coded, tmp_path):
    with store_of(tmp_path, dedup_coded, batch=len(dedup_coded), name="all") as store:
        found = groups(store)
        assert store.count("events") == 25 and store.count("sources") == 25
    by_story = {frozenset(d.id for d, _ in dedup_coded if d.id.startswith(p)) for p in "abc"}
    multi = {docs for n, docs in found if len(docs) > 1}
    assert multi == by_story
    assert sorted(n for n, _ in found) == [1, 1, 1, 1, 1, 6, 6, 8]
    assert {docs for n, docs in found if n == 1} == {frozenset({f"u0{i}"}) for i in range(1, 6)}


@pytest.mark.parametrize("seed,batch", [(1, 1), (2, 4), (3, 7), (4, 25)])
def test_same_events_in_any_order_and_batching(dedup_coded, tmp_path, seed, batch):
    with store_of(tmp_path, dedup_coded, batch=len(dedup_coded), name="ref") as ref:
        expected = ref.con.execute("SELECT * FROM real_events ORDER BY real_event_id").fetchall()
        links = ref.con.execute("SELECT event_id, real_event_id FROM events ORDER BY event_id").fetchall()
    shuffled = dedup_coded[:]
    random.Random(seed).shuffle(shuffled)
    with store_of(tmp_path, shuffled, batch=batch, name=f"s{seed}") as store:
        assert store.con.execute("SELECT * FROM real_events ORDER BY real_event_id").fetchall() == expected
        assert store.con.execute("SELECT event_id, real_event_id FROM events ORDER BY event_id").fetchall() == links


def test_recoding_a_report_away_updates_its_event(dedup_coded, tmp_path):
    with store_of(tmp_path, dedup_coded, batch=5, name="recode") as store:
        a01 = next(d for d, _ in dedup_coded if d.id == "a01")
        store.write([(a01, [])])  # coded again, now without events
        assert sorted(n for n, _ in groups(store)) == [1, 1, 1, 1, 1, 6, 6, 7]
        store.write([(a01, next(evs for d, evs in dedup_coded if d.id == "a01"))])
        assert sorted(n for n, _ in groups(store)) == [1, 1, 1, 1, 1, 6, 6, 8]
        assert store.count("sources") == 25 and store.count("real_events") == 8


def test_rebuild_gives_the_same_events(dedup_coded, tmp_path):
    with store_of(tmp_path, dedup_coded, batch=3, name="rebuild") as store:
        before = store.con.execute("SELECT * FROM real_events ORDER BY real_event_id").fetchall()
        store.rebuild()
        assert store.con.execute("SELECT * FROM real_events ORDER BY real_event_id").fetchall() == before


def test_real_event_takes_the_best_date_and_most_specific_place(dedup_coded, tmp_path):
    with store_of(tmp_path, dedup_coded, batch=25, name="best") as store:
        rows = store.con.execute("SELECT event, date, date_precision, location_name FROM real_events "
                                 "WHERE n_reports > 1 ORDER BY date").fetchall()
    # every report of each event names its town, whatever country its actors are from
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("SUPPORT", date(2025, 4, 14), "day", "Arusha"),
        ("COERCE", date(2025, 4, 16), "day", "Santiago"),
        ("ACCUSE", date(2025, 4, 17), "day", "Isfahan"),
    ]


# -- the clustering rules, on reports made by hand ---------------------------------------------

def rep(eid: str, day: int | None, precision: str = "day", block: str | None = "ASSAULT|RUS>UKR",
        place: str | None = None, feature: str | None = None, country: str | None = None,
        admin1: str | None = None) -> Report:
    span = interval(date(2025, 3, day), precision) if day else None
    return Report(eid, block, *(span or (None, None)), country, place, feature, admin1)


def test_dates_must_allow_the_same_day():
    a, b, c = rep("a", 10), rep("b", 11), rep("c", 14)
    assert cluster([a, b, c]) == {"a": "a", "b": "a", "c": "c"}  # one day of slack, not four
    month = rep("m", 1, "month")  # "in March": any day of it
    assert set(cluster([a, c, month]).values()) == {"a"}


def test_chains_link_whatever_the_order():
    reports = [rep("e1", 10), rep("e2", 11), rep("e3", 12), rep("e4", 20)]
    for perm in itertools.permutations(reports):
        assert cluster(perm) == {"e1": "e1", "e2": "e1", "e3": "e1", "e4": "e4"}


def test_places_that_contradict_split_and_nesting_places_do_not():
    kyiv = rep("k", 10, place="Kyiv", feature="city", country="UKR", admin1="12")
    kharkiv = rep("h", 10, place="Kharkiv", feature="city", country="UKR", admin1="07")
    ukraine = rep("u", 10, place="Ukraine", feature="country", country="UKR")
    oblast = rep("o", 10, place="Kharkiv Oblast", feature="admin1", country="UKR", admin1="07")
    elsewhere = rep("p", 10, place="Warsaw", feature="city", country="POL")
    assert cluster([kyiv, kharkiv])["h"] != cluster([kyiv, kharkiv])["k"]
    assert cluster([kharkiv, oblast])["o"] == "h"
    assert cluster([kyiv, oblast])["o"] == "o"
    assert cluster([kyiv, ukraine])["u"] == "k"
    assert cluster([kyiv, elsewhere])["p"] == "p"


def test_undated_and_unblocked_reports_stand_alone():
    out = cluster([rep("a", None), rep("b", None), rep("c", 10, block=None), rep("d", 10, block=None)])
    assert out == {"a": "a", "b": "b", "c": "c", "d": "d"}


def test_different_blocks_never_merge():
    assert cluster([rep("a", 10), rep("b", 10, block="ASSAULT|UKR>RUS")]) == {"a": "a", "b": "b"}


def test_reciprocal_blocks_ignore_who_is_named_first():
    from parley.store.dedup import block_key

    assert block_key("SUPPORT", ["KEN"], ["TZA"], True) == block_key("SUPPORT", ["TZA"], ["KEN"], True)
    assert block_key("ACCUSE", ["IRN"], ["ISR"], False) != block_key("ACCUSE", ["ISR"], ["IRN"], False)
