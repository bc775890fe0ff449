"""CSV and TSV: one document a row, the columns named by a header row.

The text, id, date, title, url and publisher columns are found by name (see ReadOptions); a
row without an id gets ``<file stem>-<row number>``, rows counted from 1 after the header.
Files are streamed row by row; a field of any size is read (news articles exceed the csv
module's default 128 KiB field limit).
"""
from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence

from ..errors import RecordError
from ..model import Document
from ..tables import sniff_delimiter  # one rule for documents' and users' tables
from ..time.parse import pub_date_of
from .options import (DATE_COLUMNS, ID_COLUMNS, PUBLISHER_COLUMNS, TEXT_COLUMNS, TITLE_COLUMNS, URL_COLUMNS,
                      ReadOptions)
from .source import Source, read_head
from .text import binary_problem, detect_encoding, open_text

__all__ = ["read_csv", "sniff_delimiter"]

# Large enough for any text and still a C long on every platform (csv's limit is one).
_FIELD_LIMIT = 2**31 - 1

Item = Document | RecordError


def _column(header: dict[str, int], named: str | None, defaults: Sequence[str]) -> int | str | None:
    """The index of the named column, else of the first default present; a str is an error."""
    if named is not None:
        index = header.get(named.strip().lower())
        return index if index is not None else f"no column {named!r}"
    return next((header[d] for d in defaults if d in header), None)


def read_csv(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    head, complete = read_head(source)
    problem = binary_problem(head, source.label)
    if problem is not None:
        yield problem
        return
    encoding = detect_encoding(head, complete)
    delimiter = options.delimiter
    if delimiter is None:
        if source.name.lower().endswith(".tsv"):
            delimiter = "\t"
        else:
            text = head.decode(encoding, errors="replace").lstrip("\ufeff")
            delimiter = sniff_delimiter(next((line for line in text.splitlines() if line.strip()), ""))
    csv.field_size_limit(_FIELD_LIMIT)  # process-wide, as the csv module has it
    with open_text(source, encoding) as lines:
        yield from _rows(csv.reader(lines, delimiter=delimiter), source, options)


def _rows(reader: Iterator[list[str]], source: Source, options: ReadOptions) -> Iterator[Item]:
    label = source.label
    try:
        names = next((row for row in reader if any(cell.strip() for cell in row)), None)
    except csv.Error as exc:
        yield RecordError(f"bad CSV header: {exc}", label)
        return
    if names is None:
        yield RecordError("empty input", label)
        return
    header: dict[str, int] = {}
    for i, name in enumerate(names):
        header.setdefault(name.strip().lstrip("\ufeff").lower(), i)
    columns = {
        "text": _column(header, options.text_column, TEXT_COLUMNS),
        "id": _column(header, options.id_column, ID_COLUMNS),
        "date": _column(header, options.date_column, DATE_COLUMNS),
        "title": _column(header, options.title_column, TITLE_COLUMNS),
        "url": _column(header, options.url_column, URL_COLUMNS),
        "publisher": _column(header, options.publisher_column, PUBLISHER_COLUMNS),
    }
    for value in columns.values():
        if isinstance(value, str):
            yield RecordError(f"{value} (columns: {', '.join(names)})", label)
            return
    if columns["text"] is None:
        looked = ", ".join(TEXT_COLUMNS)
        yield RecordError(f"no text column (looked for {looked}; columns: {', '.join(names)})", label)
        return
    n = rows = 0
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            yield RecordError(f"bad CSV: {exc}", label, f"row {n + 1}")
            return
        if row is None:
            if not rows:
                yield RecordError("no rows under the header", label)
            return
        n += 1
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        yield _row_document(row, n, columns, source)


def _row_document(row: list[str], n: int, columns: dict[str, int | str | None], source: Source) -> Item:
    def cell(key: str) -> str:
        i = columns[key]
        return row[i].strip() if isinstance(i, int) and i < len(row) else ""

    rid = cell("id") or f"{source.stem}-{n}"
    text_i = columns["text"]
    text = row[text_i] if isinstance(text_i, int) and text_i < len(row) else ""
    if not text.strip():
        return RecordError("no text", source.label, rid)
    pub = pub_date_of(cell("date"), source.label, rid)
    if isinstance(pub, RecordError):
        return pub
    return Document(id=rid, text=text, pub_date=pub, title=cell("title") or None,
                    url=cell("url") or None, publisher=cell("publisher") or None)
