"""Crash consistency: a writer killed with SIGKILL at 50 random points. After every kill the
store opens and holds only whole documents (each with all its events, mentions, actors and
dedup links); rerunning the writer, which resumes as `parley code` does, ends with the store an
uninterrupted run makes."""
from __future__ import annotations

import multiprocessing
import os
import pickle
import random
import signal
import time

import pytest

from test_scale import corpus

KILLS = 50

def writer(pickled: str, db: str) -> None:
    """The store's writer as `parley code` drives it: skip what is stored, write batches."""
    from parley.store import Store

    with open(pickled, "rb") as fh:
        pairs = pickle.load(fh)
    with Store(db) as store:
        done = store.coded([d for d, _ in pairs], "parley.rules.v1")
        todo = [(d, evs) for d, evs in pairs if d.id not in done]
        for i in range(0, len(todo), 4):
            store.write(todo[i:i + 4])


@pytest.fixture(scope="module")
def coded(pipeline, tmp_path_factory):
    from parley.ingest.jsonl import read_jsonl_lines

    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    corpus(path, 120)
    docs = list(read_jsonl_lines(path.read_text(encoding="utf-8").splitlines(), str(path)))
    pairs = list(pipeline.code_many(docs))
    pickled = path.with_suffix(".pickle")
    pickled.write_bytes(pickle.dumps(pairs))
    return pickled


def write(pickled, db, kill_after: float | None = None) -> bool:
    """Run the writer in a forked process (parley already imported: the kill lands in the
    writes, not in start-up); with ``kill_after``, SIGKILL it then. True when it was killed."""
    proc = multiprocessing.get_context("fork").Process(target=writer, args=(str(pickled), str(db)))
    proc.start()
    proc.join(timeout=300 if kill_after is None else kill_after)
    if proc.is_alive():
        if kill_after is None:
            proc.kill()
            pytest.fail("the writer did not finish")
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        return True
    assert proc.exitcode == 0
    return False


def snapshot(db) -> dict[str, list]:
    from parley.store import Store

    store = Store(db)  # opens as parley does: replays DuckDB's write-ahead log, completes the schema
    con = store.con
    try:
        out = {t: sorted(con.execute(f"SELECT * EXCLUDE (coded_at) FROM {t}" if t == "documents" else
                                     f"SELECT * FROM {t}").fetchall(), key=repr)
               for t in ("documents", "events", "mentions", "actors", "attributions", "real_events", "sources")}
        whole = con.execute("""
            SELECT count(*) FROM documents d
            WHERE d.n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)""").fetchall()[0][0]
        orphans = con.execute("""
            SELECT (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents))
                 + (SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT event_id FROM events))
                 + (SELECT count(*) FROM actors WHERE event_id NOT IN (SELECT event_id FROM events))
                 + (SELECT count(*) FROM events WHERE real_event_id IS NULL
                    OR real_event_id NOT IN (SELECT real_event_id FROM real_events))
                 + (SELECT count(*) FROM sources WHERE event_id NOT IN (SELECT event_id FROM events))""").fetchall()[0][0]
        sources = con.execute("SELECT (SELECT count(*) FROM sources) = (SELECT count(*) FROM events)").fetchall()[0][0]
    finally:
        store.close()
    assert whole == 0, "a document without all its events"
    assert orphans == 0, "rows of a half-written document or dedup link"
    assert sources, "every event is the source of its real event"
    return out


def test_fifty_sigkills_never_break_the_store(coded, tmp_path):
    reference = tmp_path / "reference.duckdb"
    started = time.monotonic()
    write(coded, reference)
    full = time.monotonic() - started
    expected = snapshot(reference)
    rnd = random.Random(20261129)
    kills = epoch = 0
    while kills < KILLS:
        epoch += 1
        db = tmp_path / f"killed-{epoch}.duckdb"
        for _ in range(200):  # kill this run again and again until it gets to the end
            killed = write(coded, db, kill_after=rnd.uniform(0.05, full))
            if db.exists():
                snapshot(db)  # opens, and holds only whole documents
            if not killed:
                break
            kills += 1
        write(coded, db)  # the rerun completes it
        assert snapshot(db) == expected, f"epoch {epoch}: the rerun did not end as the uninterrupted run"
    assert kills >= KILLS

