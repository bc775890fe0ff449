"""One record schema: every form of the event record (Arrow and Parquet, the store's SQL tables, the
API's models, the CSV columns) holds every field of ``model.Event``'s record. A field added to
Event and not to one of them fails here, rather than silently going missing from that output."""
import csv
import json
from dataclasses import MISSING, fields
from datetime import date

import pyarrow.dataset as ds
import pytest

from parley.api import models as api
from parley.model import CODER, RECORD_FIELDS, Actor, Attribution, Document, Event, Mention, Place, event_id
from parley.store import Store
from parley.store.arrow import EVENT_SCHEMA, PART_STRUCTS
from parley.store.records import CSV_COLUMNS_OF, CSV_FIELDS

# Where the store keeps each field of the record (table.column), besides the whole record in
# events.record; a field only that column holds names it.
SQL_HOME: dict[str, tuple[str, ...]] = {
    "event_id": ("events.event_id",), "doc_id": ("events.doc_id",), "sentence": ("events.sentence",),
    "event": ("events.event",), "mode": ("events.mode",), "context": ("events.record",),
    "cameo": ("events.cameo",), "goldstein": ("events.goldstein",), "quad_class": ("events.quad_class",),
    "actor": ("events.actor_codes", "actors.side", "actors.sectors"),
    "recipient": ("events.recipient_codes", "actors.side", "actors.sectors"),
    "reciprocal": ("events.reciprocal",), "date": ("events.date",), "date_text": ("events.record",),
    "date_precision": ("events.date_precision",),
    "location": ("events.location_name", "events.location_country", "events.lat", "events.lon"),
    "factuality": ("events.factuality",), "attribution": ("attributions.text",),
    "mentions": ("mentions.trigger",),
    "confidence": ("events.confidence",), "coder": ("documents.coder",),
}
# the events table's columns that are not a field of the record: dedup's (store/dedup.py)
SQL_DERIVED = {"block", "real_event_id", "d_lo", "d_hi"}
PARTS = {Actor: api.ActorOut, Place: api.PlaceOut, Attribution: api.AttributionOut, Mention: api.MentionOut}


def full_event() -> Event:
    """An event with every field set to something other than its default."""
    return Event(
        event_id=event_id("s1", 1, 4, "ACCUSE"), doc_id="s1", sentence=1, event="ACCUSE", mode="allege",
        context=("legal",), cameo="112", goldstein=-2.0, quad_class=3,
        actor=(Actor("Iran", 0, 4, "IRN", "GOV", org="x", name="Iran", role="r", kind="state", cow=630, gw=630,
                     sectors=("GOV", "PTY")),),
        recipient=(Actor("Israel", 14, 20, "ISR", "GOV", cow=666, gw=666),), reciprocal=True, date=date(2025, 1, 2),
        date_text="January 2", date_precision="day",
        location=Place("Tehran", "Tehran", "IRN", 35.7, 51.4, 112931, "Tehran", "city", 30, 36, cow=630, gw=630),
        factuality="reported", attribution=(Attribution("IRNA", "media", 40, 44, "IRN"),),
        mentions=(Mention(1, "accused", 0, 50, 5, 12),), confidence=0.8, coder="test.coder",
        explain=(("date", "test"),),
    )


# the event record of DESIGN.md, written out here so that the derived forms are checked against the
# contract and not against what they are derived from
CONTRACT = ["event_id", "doc_id", "sentence", "event", "mode", "context", "cameo", "goldstein", "quad_class", "actor",
            "recipient", "reciprocal", "date", "date_text", "date_precision", "location", "factuality",
            "attribution", "mentions", "confidence", "coder"]


def record_keys() -> list[str]:
    return list(full_event().to_dict())


def test_the_record_is_the_events_fields():
    record_fields = [f.name for f in fields(Event) if f.name != "explain"]
    assert record_keys() == record_fields == [name for name, _ in RECORD_FIELDS] == CONTRACT


def test_every_field_survives_the_json_record():
    ev = full_event()
    for f in fields(Event):  # so that a field from_dict forgets is seen
        default = f.default if f.default is not MISSING else None
        assert getattr(ev, f.name) != default, f"full_event() leaves {f.name} at its default"
    back = Event.from_dict(json.loads(json.dumps(ev.to_dict(explain=True))))
    assert back == ev and back.explain == ev.explain


def test_arrow_schema_has_every_field_and_part():
    assert EVENT_SCHEMA.names == CONTRACT
    for cls, struct in PART_STRUCTS.items():
        assert {struct.field(i).name for i in range(struct.num_fields)} == {f.name for f in fields(cls)}, cls


def test_api_models_have_every_field_and_part():
    assert list(api.EventOut.model_fields) == [*record_keys(), "explain"]
    for cls, model in PARTS.items():
        assert set(model.model_fields) == {f.name for f in fields(cls)}, cls


def test_csv_columns_place_every_field():
    assert set(CSV_COLUMNS_OF) == set(record_keys())


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "t.duckdb")
    ev = full_event()
    s.write([(Document("s1", "Iran accused Israel of ...", date(2025, 1, 3)), [ev])], coder=ev.coder)
    yield s
    s.close()


def test_sql_tables_keep_every_field(store):
    assert set(SQL_HOME) == set(record_keys())
    columns = {f"{t}.{c}" for t, c in store.con.execute(
        "SELECT table_name, column_name FROM information_schema.columns").fetchall()}
    for field, homes in SQL_HOME.items():
        assert set(homes) <= columns, f"{field}: no column {set(homes) - columns}"
    homes = {h for hs in SQL_HOME.values() for h in hs}
    events = {c for c in columns if c.startswith("events.")}
    assert events == {h for h in homes if h.startswith("events.")} | {f"events.{c}" for c in SQL_DERIVED}
    assert store.events() == [full_event()]
    assert store.con.execute("SELECT coder FROM documents").fetchall() == [("test.coder",)]


def test_exports_have_every_column(store, tmp_path):
    store.export("csv", tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header[:len(CSV_FIELDS)] == CSV_FIELDS
    store.export("parquet", tmp_path / "pq")
    names = ds.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").schema.names
    assert names[:len(EVENT_SCHEMA)] == record_keys()


def test_state_numbers_reach_every_output(store, tmp_path):
    """COW and G-W numbers of every country of an event: in the CSV columns, Parquet and the API."""
    store.export("csv", tmp_path / "n.csv")
    with open(tmp_path / "n.csv", encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    assert [row[f"{side}_{code}"] for side in ("actor", "recipient", "location") for code in ("cow", "gw")] == [
        "630", "630", "666", "666", "630", "630"]
    store.export("parquet", tmp_path / "pq")
    (rec,) = ds.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    assert [(p["cow"], p["gw"]) for p in (rec["actor"][0], rec["recipient"][0], rec["location"])] == [
        (630, 630), (666, 666), (630, 630)]
    out = api.EventOut.model_validate(next(store.records())).model_dump()
    assert [(p["cow"], p["gw"]) for p in (out["actor"][0], out["recipient"][0], out["location"])] == [
        (630, 630), (666, 666), (630, 630)]


def test_coded_countries_carry_the_state_numbers_of_the_events_date(code_text):
    from parley.ontology.states import state_numbers

    text = "Serbian police arrested dozens of protesters in Belgrade on Tuesday."
    gw = {}
    for pub in ("2005-03-01", "2010-03-01"):
        events = code_text(text, pub)
        parts = [p for e in events for p in (*e.actor, *e.recipient, e.location) if p is not None and p.country]
        assert parts and all((p.cow, p.gw) == state_numbers(p.country, e.date) for e in events
                             for p in (*e.actor, *e.recipient, e.location) if p is not None and p.country)
        gw[pub] = {p.gw for p in parts if p.country == "SRB"}
    assert gw == {"2005-03-01": {345}, "2010-03-01": {340}}  # Yugoslavia's number until June 2006


def test_the_coder_is_one_constant(tmp_path):
    with Store(tmp_path / "c.duckdb") as s:
        s.write([(Document("c", "Text."), [])])
        assert s.con.execute("SELECT coder FROM documents").fetchall() == [(CODER,)]
    bare = {"event_id": "e", "doc_id": "d", "event": "ACCUSE", "cameo": "112", "goldstein": -2.0,
            "quad_class": 3}
    assert Event(**bare, sentence=0, actor=()).coder == CODER
    assert Event.from_dict(bare).coder == CODER


def test_every_sector_of_an_actor_reaches_every_output(store, tmp_path):
    """An actor's several sectors: in the SQL actors table, the CSV, Parquet and the API; one sector
    stays ``sector`` alone in the record (no ``sectors`` key), as before."""
    assert store.con.execute("SELECT side, sector, sectors FROM actors ORDER BY side").fetchall() == [
        ("actor", "GOV", ["GOV", "PTY"]), ("recipient", "GOV", ["GOV"])]
    rec = next(store.records())
    assert rec["actor"][0]["sectors"] == ["GOV", "PTY"] and "sectors" not in rec["recipient"][0]
    store.export("csv", tmp_path / "s.csv")
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as fh:
        (row,) = csv.DictReader(fh)
    assert (row["actor_sectors"], row["recipient_sectors"]) == ("GOV|PTY", "GOV")
    store.export("parquet", tmp_path / "pq")
    (pq,) = ds.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").to_table().to_pylist()
    assert pq["actor"][0]["sectors"] == ["GOV", "PTY"] and pq["actor"][0]["sector"] == "GOV"
    out = api.EventOut.model_validate(rec).model_dump(exclude_unset=True)
    assert out["actor"][0]["sectors"] == ["GOV", "PTY"] and "sectors" not in out["recipient"][0]
