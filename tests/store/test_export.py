"""Exports of the coded dedup corpus, read back the way their users read them."""
from __future__ import annotations

import csv
import json
import shutil

import duckdb
import pyarrow.dataset as ds
import pytest

from parley.store import Store

from conftest import run_parley

@pytest.fixture()
def store(dedup_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(dedup_db, db)
    with Store(db) as s:
        yield s


def stored_records(store: Store) -> dict[str, dict]:
    return {r["event_id"]: r for r in store.records()}


def test_parquet_reads_back_the_same_in_duckdb_and_pyarrow(store, tmp_path):
    out = tmp_path / "pq"
    result = store.export("parquet", out)
    assert result.rows == 25
    assert sorted(p.name for p in (out / "events").iterdir()) == ["month=2025-04"]
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_parquet('{out}/events/**/*.parquet', hive_partitioning = true) "
                  "ORDER BY event_id")
    by_duckdb = [dict(zip(rel.columns, row)) for row in rel.fetchall()]
    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    by_arrow = sorted(table.to_pylist(), key=lambda r: r["event_id"])
    assert len(by_duckdb) == len(by_arrow) == 25
    for a, b in zip(by_duckdb, by_arrow):
        assert {k: v for k, v in a.items() if k != "month"} == {k: v for k, v in b.items() if k != "month"}
        assert str(a["month"]) == str(b["month"]) == "2025-04"
    # and they are the stored records, with dates typed
    records = stored_records(store)
    for row in by_arrow:
        rec = records[row["event_id"]]
        assert row["date"].isoformat() == rec["date"] and row["event"] == rec["event"]
        assert [a["country"] for a in row["actor"]] == [a.get("country") for a in rec["actor"]]
        assert row["mentions"][0]["trigger"] == rec["mentions"][0]["trigger"]
    real = ds.dataset(out / "real_events", format="parquet", partitioning="hive").to_table()
    assert sorted(real.column("n_sources").to_pylist()) == [1, 1, 1, 1, 1, 6, 6, 8]


def test_plover_records_link_the_reports_of_one_event(store, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    store.export("plover", out, category="ACCUSE")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 6 and len({r["link"] for r in records}) == 1
    for r in records:
        assert r["event"] == ["ACCUSE"] and r["actor"][0]["code"] == "IRN" and r["recipient"][0]["code"] == "ISR"
        assert r["quad_code"] == 3 and r["num_sources"] == 6 and "Israel" in r["event_text"][0]
        assert r["cite_info"]["publication"]


def test_csv_and_jsonl_exports(store, tmp_path):
    store.export("csv", tmp_path / "e.csv", country="KEN")
    with (tmp_path / "e.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 8 and {r["n_sources"] for r in rows} == {"8"} and {r["real_event_id"] for r in rows} != {""}
    store.export("jsonl", tmp_path / "e.jsonl")
    exported = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"]: r for r in exported} == stored_records(store)


def test_cli_export_and_its_errors(dedup_db, tmp_path):
    db = tmp_path / "c.duckdb"
    shutil.copy(dedup_db, db)
    out = run_parley("export", "--db", str(db), "--format", "gdelt", "--output", str(tmp_path / "g.tsv"))
    assert out.returncode == 0 and "wrote 8 rows" in out.stderr.decode()
    again = run_parley("export", "--db", str(db), "--format", "gdelt", "--output", str(tmp_path / "g.tsv"))
    assert again.returncode == 2 and "--force" in again.stderr.decode()
    forced = run_parley("export", "--db", str(db), "--format", "gdelt", "--output", str(tmp_path / "g.tsv"), "--force")
    assert forced.returncode == 0
    bad = run_parley("export", "--db", str(db), "--format", "xml", "--output", str(tmp_path / "x"))
    assert bad.returncode == 2 and "choose from parquet" in bad.stderr.decode()
    nowhere = run_parley("export", "--db", str(db), "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"))
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr.decode()
