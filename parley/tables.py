"""Users' tables: the CSV and TSV files of ``--actors`` and ``--places``, read one way.

Both stages take a user's rows the same way, so a file that works for one works for the other:
UTF-8 with or without a byte-order mark; tab-separated for ``.tsv``/``.tab``, else the
delimiter the header row uses (``sniff_delimiter``, also what the document reader uses); blank
lines and lines starting with ``#`` skipped; names and cells stripped; a column the table does
not know, a missing required column or a row longer than the header is an error. Every error
is one ``InputError`` line naming the file and the line of the file it is on.

This module imports only the exception tree, so every stage may use it.
"""
from __future__ import annotations

import csv
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Row", "read_user_table", "sniff_delimiter"]

DELIMITERS = (",", "\t", ";", "|")
TAB_SUFFIXES = frozenset({".tsv", ".tab"})


def sniff_delimiter(header_line: str) -> str:
    """The delimiter the header row uses most; a comma when it has none (one column).

    Only the header is looked at: header names rarely hold punctuation, while article texts
    hold every delimiter there is, which is what misleads ``csv.Sniffer`` on news files.
    """
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass(frozen=True)
class Row:
    """One row of a user's table: its cells by column, and where it is, for errors."""

    path: Path
    where: str  # "line 3" (a CSV/TSV line) or "item 2" (a YAML list item)
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The cell, stripped; empty when the row has no such column."""
        return self.cells.get(column, "")

    def error(self, reason: str) -> InputError:
        """The one-line error for a problem with this row."""
        return InputError(f"{self.path}, {self.where}: {reason}")


def read_text(path: Path, what: str) -> str:
    """A user's file as text (UTF-8, a byte-order mark dropped); unreadable is one InputError."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read {what} file ({exc})") from exc


def read_user_table(path: Path, what: str, columns: Collection[str], required: Collection[str]) -> list[Row]:
    """The rows of a user's CSV or TSV ``what`` file (``"actors"``, ``"places"``), checked against
    its known ``columns`` and ``required`` ones; a bad file is one InputError."""
    lines = [(n, line) for n, line in enumerate(read_text(path, what).splitlines(), 1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise InputError(f"{path}: a {what} file needs a header row ({', '.join(required)}) and at least one row")
    delimiter = "\t" if path.suffix.lower() in TAB_SUFFIXES else sniff_delimiter(lines[0][1])
    numbers = [n for n, _ in lines]
    reader = csv.reader((line for _, line in lines), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
        unknown = sorted(set(header) - set(columns))
        if unknown:
            raise InputError(f"{path}, line {numbers[0]}: unknown column(s) {', '.join(unknown)} "
                             f"(known: {', '.join(columns)})")
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(f"{path}: a {what} file needs the columns {', '.join(required)} "
                             f"(missing: {', '.join(missing)})")
        rows = []
        for cells in reader:
            line = numbers[reader.line_num - 1]  # the file's line: comments and blank lines count
            if len(cells) > len(header):
                raise InputError(f"{path}, line {line}: {len(cells)} cells, but the header names "
                                 f"{len(header)} columns")
            rows.append(Row(path, f"line {line}", {name: cell.strip() for name, cell in zip(header, cells)}))
    except csv.Error as exc:
        raise InputError(f"{path}, line {numbers[min(reader.line_num, len(numbers)) - 1]}: {exc}") from None
    if not rows:
        raise InputError(f"{path}: a {what} file needs at least one row after its header")
    return rows

