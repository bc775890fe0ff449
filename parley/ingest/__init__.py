"""Readers: each turns one input (a file, a directory, a glob, a feed URL, standard input) into
Documents.

A reader yields ``Document`` for every good record and ``RecordError`` for every bad one, so a
batch goes on past a bad record and the caller reports it (never a silent loss). Problems with
a whole input (empty, binary, corrupt) are a ``RecordError`` too, without a record id. Only
what makes the command line itself wrong (a missing file, a glob matching nothing) raises an
``InputError``, and before anything is read.

Formats, by suffix: .txt, .jsonl/.ndjson, .csv/.tsv, .html/.htm, .rss/.atom/.xml (feeds),
.warc/.warc.gz, any of them gzipped (.gz), and .zip archives of them.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from ..errors import RecordError
from ..model import Document
from .feed import read_feed_url
from .formats import read_source
from .jsonl import read_jsonl_lines
from .options import ReadOptions
from .paths import plan_inputs
from .source import file_source
from .text import decode_bytes

__all__ = ["ReadOptions", "read_inputs", "read_path", "read_stream", "expected_documents"]

ONE_DOCUMENT = (".txt", ".text", ".html", ".htm", ".xhtml")  # a file of these is one document
LINE_DOCUMENTS = (".jsonl", ".ndjson")  # one document a non-blank line

Item = Document | RecordError


def read_path(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """Documents of one file, chosen by its suffix (an unknown one is plain text)."""
    yield from read_source(file_source(path), options)


def read_stream(stream: IO[bytes], source: str = "<stdin>") -> Iterator[Item]:
    """Standard input: JSON Lines when it starts with ``{``, else one plain-text document."""
    raw = stream.read()
    text = decode_bytes(raw)
    if not text.strip():
        yield RecordError("empty input", source)
    elif text.lstrip().startswith("{"):
        yield from read_jsonl_lines(text.splitlines(), source=source)
    elif "\x00" in text:
        yield RecordError("binary input, not text", source)
    else:
        yield Document(id="stdin", text=text)


def read_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None,
                options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """All documents of the command line's inputs, in order. Missing paths and globs that match
    nothing fail up front; directories are read recursively, in sorted order. A document that
    carries no publication date takes ``options.pub_date`` (``--pub-date``), when given."""
    for item in _planned(inputs, stdin, options):
        if options.pub_date is not None and isinstance(item, Document) and item.pub_date is None:
            item = replace(item, pub_date=options.pub_date)
        yield item


def _planned(inputs: Iterable[str], stdin: IO[bytes] | None, options: ReadOptions) -> Iterator[Item]:
    for item in plan_inputs(list(inputs), stdin_available=stdin is not None):
        if item.kind == "stdin":
            assert stdin is not None
            yield from read_stream(stdin)
        elif item.kind == "url":
            yield from read_feed_url(item.value, options)
        elif item.kind == "empty-dir":
            yield RecordError("no readable files in directory", item.value)
        else:
            yield from read_source(file_source(Path(item.value)), options, named=item.named)


def expected_documents(inputs: Iterable[str]) -> int | None:
    """How many records the inputs hold, when that is cheap to know: every input a plain (not
    compressed) JSONL file, counted by its lines, or a text or HTML file, one each. None otherwise
    (standard input, feeds, tables, archives): the progress line then shows no total."""
    total = 0
    for item in plan_inputs(list(inputs), stdin_available=True):
        suffix = Path(item.value).suffix.lower()
        if item.kind != "file" or suffix not in ONE_DOCUMENT + LINE_DOCUMENTS:
            return None
        if suffix in ONE_DOCUMENT:
            total += 1
            continue
        with open(item.value, "rb") as fh:
            total += sum(1 for line in fh if line.strip())
    return total
