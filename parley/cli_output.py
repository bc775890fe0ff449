"""How the command line prints: event records (JSONL, CSV or a table) and query rows.

Apart from cli.py so that the commands stay short; it loads no store (DuckDB) and no pipeline.
"""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from .model import Event

__all__ = ["Format", "Output", "print_table", "print_relation"]


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Output:
    """Writes event records to standard output in the chosen format, streaming where it can."""

    def __init__(self, fmt: Format, explain: bool = False):
        from .store.records import CSV_FIELDS, flat_row

        self.fmt, self.explain = fmt, explain
        self.fields, self.flat_row = CSV_FIELDS, flat_row
        self.rows: list[dict[str, Any]] = []
        self._csv: csv.DictWriter | None = None

    def write(self, events: list[Event] | list[dict[str, Any]]) -> None:
        for ev in events:
            rec = ev.to_dict(explain=self.explain) if isinstance(ev, Event) else ev
            if self.fmt is Format.jsonl:
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif self.fmt is Format.csv:
                if self._csv is None:
                    self._csv = csv.DictWriter(sys.stdout, fieldnames=self.fields, lineterminator="\n")
                    self._csv.writeheader()
                self._csv.writerow(self.flat_row(rec))
            else:
                self.rows.append(rec)
        sys.stdout.flush()

    def close(self) -> None:
        if self.fmt is Format.table:
            print_table(self.rows)


def print_table(rows: list[dict[str, Any]]) -> None:
    table = Table(show_lines=False)
    for col in ("doc", "event", "cameo", "actor", "recipient", "date", "place", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        who = lambda side: ", ".join(  # noqa: E731
            f"{a.get('name') or a['text']} ({a.get('country') or a.get('org') or a.get('sector') or '?'})"
            for a in r.get(side) or [])
        loc = r.get("location") or {}
        table.add_row(str(r["doc_id"]), r["event"] + (f"/{r['mode']}" if r.get("mode") else ""), r["cameo"],
                      who("actor"), who("recipient"), f"{r.get('date') or ''} {r.get('date_precision') or ''}".strip(),
                      f"{loc.get('name')} ({loc.get('country')})" if loc else "",
                      "; ".join(m["trigger"] for m in r.get("mentions") or []))
    Console(width=160).print(table)
    if not rows:
        typer.echo("(no events)")


def print_relation(rel: Any, fmt: Format) -> None:
    """Rows of a query as a table, JSON lines or CSV (dates ISO, lists joined by ';' in CSV)."""
    cols = rel.columns
    rows = rel.fetchall()

    def plain(v: Any, joined: bool) -> Any:
        if hasattr(v, "isoformat"):
            return v.isoformat()
        if isinstance(v, list) and joined:
            return ";".join(map(str, v))
        return v

    if fmt is Format.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps({c: plain(v, False) for c, v in zip(cols, r)}, ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(cols)
        w.writerows([plain(v, True) for v in r] for r in rows)
    else:
        table = Table()
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*("" if v is None else str(plain(v, True)) for v in r))
        Console(width=200).print(table)
        if not rows:
            typer.echo("(no rows)")
