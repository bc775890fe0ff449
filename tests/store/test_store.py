from datetime import date

import duckdb
import pytest

from parley.errors import StoreError
from parley.model import Actor, Document, Event, Mention, event_id
from parley.store import SCHEMA_VERSION, Store


def ev(doc_id: str, n: int, category: str = "ACCUSE") -> Event:
    return Event(event_id=event_id(doc_id, n, 0, category), doc_id=doc_id, sentence=n, event=category,
                 cameo="112", goldstein=-2.0, quad_class=3, actor=(Actor("Iran", 0, 4, "IRN", "GOV"),),
                 recipient=(Actor("Israel", 14, 20, "ISR", "GOV"),), date=date(2025, 1, 2),
                 date_precision="day",
                 mentions=(Mention(n, "accused", 0, 30, 5, 12),))


def test_writes_documents_events_mentions(tmp_path):
    with Store(tmp_path / "a.duckdb") as store:
        store.write([(Document("d1", "Iran accused Israel.", date(2025, 1, 2)), [ev("d1", 0), ev("d1", 1)])])
        assert (store.count("documents"), store.count("events"), store.count("mentions")) == (1, 2, 2)
        rec = next(store.records("doc_id = ?", ["d1"]))
        assert rec["actor"][0]["country"] == "IRN" and rec["event"] == "ACCUSE"
        assert sorted(store.events("d1"), key=lambda e: e.sentence) == [ev("d1", 0), ev("d1", 1)]


def test_coding_a_document_again_replaces_its_events(tmp_path):
    path = tmp_path / "b.duckdb"
    doc = Document("d1", "Iran accused Israel.")
    for _ in range(3):
        with Store(path) as store:
            store.write([(doc, [ev("d1", 0)]), (Document("d2", "x"), [ev("d2", 0)])])
    with Store(path) as store:
        assert store.count("events") == 2 and store.count("mentions") == 2 and store.count("documents") == 2
        store.write([(doc, [])])  # recoded with no events: its old events go
        assert store.count("events") == 1


def test_schema_version_is_recorded(tmp_path):
    path = tmp_path / "c.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    con.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer parley"):
        Store(path)


def test_unwritable_locations_are_store_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "dir.duckdb")
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match="not a DuckDB store"):
        Store(bad)


# the schema of parley 0.1's first files (version 1): documents, events and mentions only
V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, pub_date DATE, title VARCHAR, url VARCHAR, publisher VARCHAR,
    text VARCHAR, n_events INTEGER, coder VARCHAR, coded_at TIMESTAMP);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, sentence INTEGER, event VARCHAR NOT NULL,
    mode VARCHAR, cameo VARCHAR, goldstein DOUBLE, quad_class INTEGER, actor_codes VARCHAR[], recipient_codes VARCHAR[],
    reciprocal BOOLEAN, date DATE, date_precision VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE,
    lon DOUBLE, factuality VARCHAR, confidence DOUBLE, record JSON NOT NULL);
CREATE TABLE mentions (event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, sentence INTEGER, trigger VARCHAR,
    start_char INTEGER, end_char INTEGER, trigger_start INTEGER, trigger_end INTEGER);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def test_a_version_1_file_is_upgraded_and_its_events_indexed(tmp_path):
    import json

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(V1_SCHEMA)
    for doc in ("d1", "d2"):  # the same accusation reported by two documents
        e = ev(doc, 0)
        con.execute("INSERT INTO documents VALUES (?, DATE '2025-01-02', NULL, NULL, ?, 'Iran accused Israel.', 1, "
                    "'parley.rules.v1', NULL)", [doc, f"outlet {doc}"])
        con.execute("INSERT INTO events VALUES (?, ?, 0, 'ACCUSE', NULL, '112', -2.0, 3, ['IRN'], ['ISR'], false, "
                    "DATE '2025-01-02', 'day', NULL, NULL, NULL, NULL, 'asserted', 0.9, ?)",
                    [e.event_id, doc, json.dumps(e.to_dict())])
    con.close()
    with Store(path) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert store.count("actors") == 4 and store.count("real_events") == 1
        assert store.con.execute("SELECT n_sources FROM real_events").fetchone()[0] == 2
        store.write([(Document("d3", "Iran accused Israel.", date(2025, 1, 2)), [ev("d3", 0)])])  # writes still work
        assert store.con.execute("SELECT n_reports FROM real_events").fetchone()[0] == 3


def test_a_version_3_file_gets_the_sectors_column_and_keeps_its_rows(tmp_path):
    """A store written before actors kept several sectors (schema 3: actors without ``sectors``) is
    upgraded in place: its rows and real events stay, and the column is filled from the stored records."""
    path = tmp_path / "v3.duckdb"
    hamas = Event(event_id=event_id("d1", 0, 0, "ASSAULT"), doc_id="d1", sentence=0, event="ASSAULT", cameo="190",
                  goldstein=-10.0, quad_class=4,
                  actor=(Actor("Hamas", 0, 5, "PSE", "REB", sectors=("REB", "PTY", "GOV")),),
                  recipient=(Actor("Israel", 15, 21, "ISR", "GOV"),), date=date(2025, 1, 2), date_precision="day")
    with Store(path) as store:
        store.write([(Document("d1", "Hamas attacked Israel.", date(2025, 1, 2)), [hamas]),
                     (Document("d2", "x"), [ev("d2", 0)])])
    con = duckdb.connect(str(path))
    con.execute("DROP INDEX actors_doc")  # an index stands in the way of dropping a column
    con.execute("ALTER TABLE actors DROP COLUMN sectors")
    con.execute("CREATE INDEX actors_doc ON actors (doc_id)")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.execute("UPDATE events SET real_event_id = 'kept-' || event_id")  # an upgrade does not link again
    con.close()
    with Store(path) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert (store.count("documents"), store.count("events"), store.count("actors")) == (2, 2, 4)
        assert store.con.execute("SELECT doc_id, side, sectors FROM actors ORDER BY doc_id, side").fetchall() == [
            ("d1", "actor", ["REB", "PTY", "GOV"]), ("d1", "recipient", ["GOV"]),
            ("d2", "actor", ["GOV"]), ("d2", "recipient", ["GOV"])]
        assert {r[0] for r in store.select(sector="PTY").fetchall()} == {hamas.event_id}
        assert store.events("d1") == [hamas]
        assert store.con.execute("SELECT count(*) FROM events WHERE real_event_id LIKE 'kept-%'").fetchone()[0] == 2
