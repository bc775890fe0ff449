"""The embedded event store: one DuckDB file (default ``parley.duckdb``).

Coding a document again replaces its events (the event ids are stable), so reruns are
idempotent. Each document is written in one transaction: a reader never sees half of it.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import CODER, Document, Event
from . import query, series
from .dedup import Report, block_key, cluster, interval
from .export import ExportResult, export
from .migrations import REBUILD_AFTER, SCHEMA_VERSION, STEPS
from .query import Filters


__all__ = ["Store", "SCHEMA_VERSION", "DEFAULT_DB", "Filters"]

DEFAULT_DB = "parley.duckdb"


class Store:
    """A DuckDB file of documents, events and mentions."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if self.path != ":memory:":
            _check_store_path(Path(self.path))
        try:
            if not read_only and self.path != ":memory:":
                parent = Path(self.path).resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"{self.path}: directory {parent} does not exist")
            # a bounded buffer pool and one thread: the coding workers need the cores and the memory
            config = {"memory_limit": os.environ.get("PARLEY_DUCKDB_MEMORY", "256MB"),
                      "threads": int(os.environ.get("PARLEY_DUCKDB_THREADS", "1"))}
            self.con = duckdb.connect(self.path, read_only=read_only, config=config)
            if not read_only:
                self._create()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({_first_line(exc)})") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc.strerror or exc})") from exc

    def _create(self) -> None:
        # one transaction: a writer killed while creating a store leaves all its tables or none
        ddl = resources.files("parley.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(ddl)
        rows = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        self.con.execute("COMMIT")
        if row is None:
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer parley (schema {version}; this parley knows up to "
                             f"{SCHEMA_VERSION}): upgrade parley to use it")
        rebuild = False
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for sql in STEPS.get(target, ()):
                self.con.execute(sql)
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
            self.con.execute("COMMIT")
            rebuild = rebuild or target in REBUILD_AFTER
        if rebuild:
            self.rebuild()

    def rebuild(self) -> None:
        """Fill the derived tables (actors, attributions, date intervals, real events) from the
        stored records: after an upgrade, or to re-run dedup after its rules change."""
        rows = self.con.execute("SELECT e.record, d.pub_date FROM events e JOIN documents d USING (doc_id)").fetchall()
        events = [Event.from_dict(json.loads(r[0])) for r in rows]
        self.con.execute("BEGIN TRANSACTION")
        for table in ("actors", "attributions", "sources", "real_events"):
            self.con.execute(f"DELETE FROM {table}")
        self._insert("actors", [row for e in events for row in _actor_rows(e)])
        self._insert("attributions", [row for e in events for row in _attribution_rows(e)])

        derived = pa.table({"event_id": [e.event_id for e in events], "block": [_block(e) for e in events],  # noqa: F841
                            "d_lo": [i[0] if (i := _interval(e)) else None for e in events],
                            "d_hi": [i[1] if (i := _interval(e)) else None for e in events]})
        self.con.execute("UPDATE events SET block = derived.block, d_lo = derived.d_lo, d_hi = derived.d_hi "
                         "FROM derived WHERE events.event_id = derived.event_id")
        self._link([r[0] for r in self.con.execute("SELECT DISTINCT doc_id FROM events").fetchall()], [])
        self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Sequence[tuple[Document, Sequence[Event]]], coder: str = CODER) -> None:
        """Replace the events of each document in ``batch``, all in one transaction."""
        if not batch:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        ids = [d.id for d, _ in batch]
        docs = [(d.id, d.pub_date, d.title, d.url, d.publisher, d.text, len(evs), coder, now, text_sha(d))
                for d, evs in batch]
        all_events = [e for _, evs in batch for e in evs]
        events = [_event_row(e) for e in all_events]
        mentions = [(e.event_id, e.doc_id, m.sentence, m.trigger, m.start, m.end, m.trigger_start, m.trigger_end)
                    for e in all_events for m in e.mentions]
        try:
            self.con.execute("BEGIN TRANSACTION")
            before = [r[0] for r in self.con.execute(
                "SELECT DISTINCT real_event_id FROM events WHERE real_event_id IS NOT NULL "
                "AND doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]).fetchall()]
            for table in ("mentions", "actors", "attributions", "sources", "events", "documents"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("documents", docs)
            self._insert("events", events)
            self._insert("mentions", mentions)
            self._insert("actors", [row for e in all_events for row in _actor_rows(e)])
            self._insert("attributions", [row for e in all_events for row in _attribution_rows(e)])
            self._link(ids, before)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({_first_line(exc)})") from exc

    def _link(self, ids: Sequence[str], before: Sequence[str]) -> None:
        """Link the reports of documents ``ids`` (just written) into real events (store/dedup.py).

        Only what they can touch is clustered again: the new reports, the real events they may
        join (same block, overlapping dates) and the real events that lost a report because its
        document was coded again. A real event's id is its smallest report id, so linking in
        batches gives the same events as linking all at once, in any order.
        """
        if not ids:
            return
        touched = [r[0] for r in self.con.execute(
            "SELECT DISTINCT o.real_event_id FROM events n JOIN events o ON o.block = n.block "
            "AND o.d_lo <= n.d_hi + 1 AND n.d_lo <= o.d_hi + 1 "
            "WHERE n.doc_id IN (SELECT unnest(?::VARCHAR[])) AND o.doc_id NOT IN (SELECT unnest(?::VARCHAR[])) "
            "AND o.real_event_id IS NOT NULL", [ids, ids]).fetchall()]
        real = sorted(set(touched) | set(before))
        rows = self.con.execute(
            "SELECT event_id, block, d_lo, d_hi, location_country, location_name, "
            "json_extract_string(record, '$.location.feature'), json_extract_string(record, '$.location.admin1') "
            "FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) OR real_event_id IN (SELECT unnest(?::VARCHAR[]))",
            [list(ids), real]).fetchall()
        mapping = cluster(Report(*r) for r in rows)
        self.con.execute("DELETE FROM real_events WHERE real_event_id IN (SELECT unnest(?::VARCHAR[]))", [real])
        self.con.execute("DELETE FROM sources WHERE real_event_id IN (SELECT unnest(?::VARCHAR[]))", [real])

        links = pa.table({"event_id": list(mapping), "real_event_id": list(mapping.values())})  # noqa: F841
        self.con.execute("UPDATE events SET real_event_id = links.real_event_id FROM links "
                         "WHERE events.event_id = links.event_id")
        new_ids = sorted(set(mapping.values()))
        self.con.execute(REAL_EVENTS_SQL, [new_ids])
        self.con.execute(SOURCES_SQL, [new_ids])

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows at once through Arrow (DuckDB's executemany goes row by row)."""
        if not rows:
            return

        cols = self._columns(table)
        arrays = [pa.array([r[i] for r in rows], type=t) for i, (_, t) in enumerate(cols)]
        batch = pa.table(arrays, names=[name for name, _ in cols])  # noqa: F841 - read by DuckDB below
        self.con.execute(f"INSERT INTO {table} SELECT * FROM batch")

    def _columns(self, table: str) -> list[tuple[str, Any]]:
        types = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                 "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
                 "JSON": pa.string()}
        rows = self.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()
        return [(name, types.get(dtype, pa.string())) for name, dtype in rows]

    # -- reading ---------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "mentions", "actors", "attributions", "real_events", "sources"}:
            raise ValueError(table)
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def records(self, where: str = "TRUE", params: Sequence[Any] = (), order: str = "date, event_id",
                limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Event records (the JSON form) matching a parameterised WHERE clause."""
        sql = f"SELECT record FROM events WHERE {where} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for (rec,) in self.con.execute(sql, list(params)).fetchall():
            yield json.loads(rec)

    def events(self, doc_id: str | None = None) -> list[Event]:
        where, params = ("doc_id = ?", [doc_id]) if doc_id else ("TRUE", [])
        return [Event.from_dict(r) for r in self.records(where, params)]

    # -- queries (store/query.py): DuckDB relations; .arrow(), .df() or .fetchall() them ------------

    def select(self, filters: Filters | None = None, **values: Any) -> duckdb.DuckDBPyRelation:
        """Reports matching the filters (``Filters`` or its fields as keywords: ``actor="KOR"``)."""
        return query.events(self.con, filters or Filters.of(**values))

    def real_events(self, filters: Filters | None = None, **values: Any) -> duckdb.DuckDBPyRelation:
        """Real-world events (reports linked by dedup) any of whose reports match the filters."""
        return query.real_events(self.con, filters or Filters.of(**values))

    def dyads(self, by: str = "day", unit: str = "events", filters: Filters | None = None,
              **values: Any) -> duckdb.DuckDBPyRelation:
        """Counts and Goldstein sums per period, dyad and quad class (see query.dyads)."""
        return query.dyads(self.con, by, filters or Filters.of(**values), unit=unit)  # type: ignore[arg-type]

    def series(self, unit: str = "country", period: str = "month", counting: str = "events",
               filters: Filters | None = None, **values: Any) -> duckdb.DuckDBPyRelation:
        """The zero-filled panel per unit and period (see store/series.py, docs/series.md)."""
        return series.series(self.con, unit, period, filters or Filters.of(**values),
                             counting=counting)  # type: ignore[arg-type]

    def export(self, fmt: str, output: str | Path, filters: Filters | None = None, force: bool = False,
               header: bool = False, **values: Any) -> ExportResult:
        """Write matching events as parquet, csv, jsonl, gdelt or plover (see store/export.py)."""
        return export(self.con, fmt, Path(output), filters or Filters.of(**values), force=force, header=header)

    def document_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()}

    def coded(self, documents: Sequence[Document], coder: str) -> set[str]:
        """Ids of ``documents`` the store already holds, coded from the same text by the same coder."""
        if not documents:
            return set()
        rows = self.con.execute(
            "SELECT doc_id, text_sha FROM documents WHERE coder = ? AND doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [coder, [d.id for d in documents]]).fetchall()
        known = dict(rows)
        return {d.id for d in documents if known.get(d.id) == text_sha(d)}


def text_sha(d: Document) -> str:
    """What a document's coding depends on: its text and publication date."""
    key = f"{d.pub_date.isoformat() if d.pub_date else ''}\x1f{d.text}"
    return hashlib.sha1(key.encode("utf-8", errors="surrogatepass")).hexdigest()


# A real event takes its fields from its most precisely dated report (then the smallest id), its
# place from the report with the most specific one.
REAL_EVENTS_SQL = """
INSERT INTO real_events
WITH e AS (
    SELECT *, CASE date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3
                                  WHEN 'before' THEN 4 WHEN 'publication' THEN 5 ELSE 6 END AS rank,
           -- the most specific place: a city over a province over a country over none
           CASE json_extract_string(record, '$.location.feature') WHEN 'city' THEN 0 WHEN 'admin1' THEN 1
                WHEN 'country' THEN 3 ELSE CASE WHEN location_name IS NULL THEN 4 ELSE 2 END END AS place
    FROM events WHERE real_event_id IN (SELECT unnest(?::VARCHAR[]))
)
SELECT e.real_event_id, any_value(e.block),
       arg_min(e.event, (e.rank, e.event_id)), arg_min(e.cameo, (e.rank, e.event_id)),
       arg_min(e.goldstein, (e.rank, e.event_id)), arg_min(e.quad_class, (e.rank, e.event_id)),
       arg_min(e.actor_codes, (e.rank, e.event_id)), arg_min(e.recipient_codes, (e.rank, e.event_id)),
       arg_min(e.reciprocal, (e.rank, e.event_id)), arg_min(e.date, (e.rank, e.event_id)),
       arg_min(e.date_precision, (e.rank, e.event_id)),
       arg_min(e.location_name, (e.place, e.rank, e.event_id)),
       arg_min(e.location_country, (e.place, e.rank, e.event_id)),
       arg_min(e.lat, (e.place, e.rank, e.event_id)),
       arg_min(e.lon, (e.place, e.rank, e.event_id)),
       count(*), count(DISTINCT e.doc_id), count(DISTINCT coalesce(d.publisher, 'doc:' || d.doc_id)), min(d.pub_date),
       arg_min(e.event_id, (e.rank, e.event_id)),
       arg_min(json_extract(e.record, '$.location'), (e.place, e.rank, e.event_id))
FROM e JOIN documents d USING (doc_id)
GROUP BY e.real_event_id
"""
SOURCES_SQL = """
INSERT INTO sources
SELECT e.real_event_id, e.block, e.event_id, e.doc_id, d.publisher, d.url, d.pub_date, e.sentence, e.confidence
FROM events e JOIN documents d USING (doc_id)
WHERE e.real_event_id IN (SELECT unnest(?::VARCHAR[]))
"""


def _block(e: Event) -> str | None:
    """Organisations count by name here ("UN" and "NATO" are both IGO, but not one dyad)."""
    def keys(side: str) -> list[str]:
        return [k for a in getattr(e, side) if (k := a.country or (a.org if a.code() else None) or a.code())]
    return block_key(e.event, keys("actor"), keys("recipient"), e.reciprocal)


def _interval(e: Event) -> tuple[date, date] | None:
    return interval(e.date, e.date_precision)


def _actor_rows(e: Event) -> list[tuple[Any, ...]]:
    return [(e.event_id, e.doc_id, side, i, a.text, a.start, a.end, a.code(), a.country, a.sector, a.org, a.name,
             a.role, a.kind, list(a.sectors))
            for side in ("actor", "recipient") for i, a in enumerate(getattr(e, side))]


def _attribution_rows(e: Event) -> list[tuple[Any, ...]]:
    return [(e.event_id, e.doc_id, a.text, a.kind, a.start, a.end, a.country) for a in e.attribution]


def _event_row(e: Event) -> tuple[Any, ...]:
    loc = e.location
    return (
        e.event_id, e.doc_id, e.sentence, e.event, e.mode, e.cameo, e.goldstein, e.quad_class,
        e.codes("actor"), e.codes("recipient"), e.reciprocal, e.date, e.date_precision,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        e.factuality, e.confidence, json.dumps(e.to_dict(), ensure_ascii=False), _block(e), None,
        *(_interval(e) or (None, None)),
    )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# what a user may mean to code, not to store into: `--db results.jsonl` is a slip for `> results.jsonl`
DATA_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".parquet", ".html", ".htm", ".xml",
                           ".gz", ".zip", ".warc"})


def _check_store_path(path: Path) -> None:
    """Refuse a file that is not a DuckDB store, and a new store named like a data file, before
    DuckDB writes into it (it would overwrite nothing, but leave a store the user never wanted)."""
    if path.is_file():
        with path.open("rb") as fh:
            head = fh.read(16)
        if head[8:12] != b"DUCK":  # DuckDB's file header: a checksum, then the magic bytes
            raise StoreError(f"{path}: not a DuckDB store (give --db a .duckdb file; events go to standard output)")
    elif path.suffix.lower() in DATA_SUFFIXES:
        raise StoreError(f"{path}: a {path.suffix} file is not a store (give --db a .duckdb file)")
