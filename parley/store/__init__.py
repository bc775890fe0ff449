"""The embedded event store: one DuckDB file (default ``parley.duckdb``).

Coding a document again replaces its events (the event ids are stable), so reruns are
idempotent. Each document is written in one transaction: a reader never sees half of it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Document, Event
from .migrations import SCHEMA_VERSION, STEPS

__all__ = ["Store", "SCHEMA_VERSION", "DEFAULT_DB"]

DEFAULT_DB = "parley.duckdb"


class Store:
    """A DuckDB file of documents, events and mentions."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        try:
            if not read_only and self.path != ":memory:":
                parent = Path(self.path).resolve().parent
                if not parent.is_dir():
                    raise StoreError(f"{self.path}: directory {parent} does not exist")
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self._create()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({_first_line(exc)})") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc.strerror or exc})") from exc

    def _create(self) -> None:
        ddl = resources.files("parley.store").joinpath("schema.sql").read_text(encoding="utf-8")
        self.con.execute(ddl)
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            return
        version = int(row[0])
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer parley (schema {version}; this parley knows up to "
                             f"{SCHEMA_VERSION}): upgrade parley to use it")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for sql in STEPS.get(target, ()):
                self.con.execute(sql)
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
            self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Sequence[tuple[Document, Sequence[Event]]], coder: str = "parley.rules.v1") -> None:
        """Replace the events of each document in ``batch``, all in one transaction."""
        if not batch:
            return
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        ids = [d.id for d, _ in batch]
        docs = [(d.id, d.pub_date, d.title, d.url, d.publisher, d.text, len(evs), coder, now, text_sha(d))
                for d, evs in batch]
        events = [_event_row(e) for _, evs in batch for e in evs]
        mentions = [(e.event_id, e.doc_id, m.sentence, m.trigger, m.start, m.end, m.trigger_start, m.trigger_end)
                    for _, evs in batch for e in evs for m in e.mentions]
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table in ("mentions", "events", "documents"):
                self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("documents", docs)
            self._insert("events", events)
            self._insert("mentions", mentions)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({_first_line(exc)})") from exc

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Insert many rows at once through Arrow (DuckDB's executemany goes row by row)."""
        if not rows:
            return
        import pyarrow as pa

        cols = self._columns(table)
        arrays = [pa.array([r[i] for r in rows], type=t) for i, (_, t) in enumerate(cols)]
        batch = pa.table(arrays, names=[name for name, _ in cols])  # noqa: F841 - read by DuckDB below
        self.con.execute(f"INSERT INTO {table} SELECT * FROM batch")

    def _columns(self, table: str) -> list[tuple[str, Any]]:
        import pyarrow as pa

        types = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                 "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string()),
                 "JSON": pa.string()}
        rows = self.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()
        return [(name, types.get(dtype, pa.string())) for name, dtype in rows]

    # -- reading ---------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "mentions"}:
            raise ValueError(table)
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

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


def _event_row(e: Event) -> tuple[Any, ...]:
    loc = e.location
    return (
        e.event_id, e.doc_id, e.sentence, e.event, e.mode, e.cameo, e.goldstein, e.quad_class,
        e.codes("actor"), e.codes("recipient"), e.reciprocal, date.fromisoformat(e.date) if e.date else None,
        e.date_precision,
        loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
        e.factuality, e.confidence, json.dumps(e.to_dict(), ensure_ascii=False),
    )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
