from datetime import date

import duckdb
import pytest

from parley.errors import StoreError
from parley.model import Actor, Document, Event, Mention, event_id
from parley.store import SCHEMA_VERSION, Store


def ev(doc_id: str, n: int, category: str = "ACCUSE") -> Event:
    return Event(event_id=event_id(doc_id, n, 0, category), doc_id=doc_id, sentence=n, event=category,
                 cameo="112", goldstein=-2.0, quad_class=3, actor=(Actor("Iran", 0, 4, "IRN", "GOV"),),
                 recipient=(Actor("Israel", 14, 20, "ISR", "GOV"),), date="2025-01-02", date_precision="day",
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
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)
