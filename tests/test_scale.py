"""Corpus-scale behaviour of `parley code`: resuming, surviving SIGKILL, jobs, the summary line."""
import json
import signal
import subprocess
import sys
import time

import duckdb

from conftest import ROOT, jsonl, run_parley

COUNTRIES = ["France", "Germany", "Kenya", "Brazil", "India", "Japan", "Egypt", "Mexico", "Turkey", "Chile",
             "Poland", "Nigeria"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire on Tuesday, officials said.",
    "{a} and {b} signed a trade agreement in their capitals.",
    "Police in {a} arrested dozens of protesters demanding reforms.",
    "{a} sent humanitarian aid to {b} after the floods.",
    "The foreign minister of {a} met his counterpart from {b} to discuss security.",
    "{a} threatened to impose sanctions on {b} unless it releases the detained sailors.",
]


def corpus(path, n: int) -> None:
    """n short articles written for this test, each with two or three events."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            a, b = COUNTRIES[i % len(COUNTRIES)], COUNTRIES[(i * 5 + 3) % len(COUNTRIES)]
            text = " ".join(TEMPLATES[(i + k) % len(TEMPLATES)].format(a=a, b=b) for k in range(3))
            fh.write(json.dumps({"id": f"doc-{i:04d}", "text": text, "pub_date": "2025-06-13"}) + "\n")


def stored_events(db) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall()
    docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    return [(eid, json.loads(rec)) for eid, rec in rows], docs


def test_rerun_resumes_and_leaves_the_store_unchanged(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 40)
    db = tmp_path / "s.duckdb"
    first = run_parley("code", str(src), "--db", str(db), "--format", "jsonl")
    assert first.returncode == 0, first.stderr
    before = stored_events(db)
    second = run_parley("code", str(src), "--db", str(db), "--format", "jsonl")
    assert b"40 already in the store" in second.stderr and second.stdout == b""
    assert stored_events(db) == before
    third = run_parley("code", str(src), "--db", str(db), "--recode")
    assert b"coded 40 documents" in third.stderr
    assert stored_events(db) == before


def test_sigkill_midway_then_rerun_gives_the_uninterrupted_store(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 400)
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "parley", "code", str(src), "--db", str(killed)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    seen = 0
    deadline = time.monotonic() + 240
    while seen < 150 and time.monotonic() < deadline:  # events of a few batches are out: kill mid-run
        if not proc.stdout.readline():
            break
        seen += 1
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert seen >= 150, "the run ended before it could be killed mid-way"
    _, docs_after_kill = stored_events(killed)
    assert docs_after_kill < 400
    rerun = run_parley("code", str(src), "--db", str(killed))
    assert rerun.returncode == 0, rerun.stderr
    assert run_parley("code", str(src), "--db", str(clean)).returncode == 0
    assert stored_events(killed) == stored_events(clean)


def test_jobs_give_the_same_events_in_the_same_order(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 60)
    one = run_parley("code", str(src), "--no-store", "--jobs", "1")
    two = run_parley("code", str(src), "--no-store", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert jsonl(one.stdout) == jsonl(two.stdout) and len(jsonl(one.stdout)) > 60


def test_summary_line_counts_documents_events_and_skips(tmp_path):
    src = tmp_path / "c.jsonl"
    corpus(src, 5)
    with src.open("a", encoding="utf-8") as fh:
        fh.write("not json\n" + json.dumps({"id": "empty", "text": ""}) + "\n")
    r = run_parley("code", str(src), "--no-store")
    last = r.stderr.decode().strip().splitlines()[-1]
    assert last.startswith("parley: coded 5 documents") and "skipped 2" in last
