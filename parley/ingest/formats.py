"""Which reader reads a file: chosen by its suffix, containers opened on the way.

A file whose suffix no reader claims is read as plain text when it was named on its own, and
passed over when it was found in a directory or an archive (those hold other things too).
"""
from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from types import MappingProxyType

from ..errors import RecordError
from ..model import Document
from .archives import gunzipped, zip_members
from .csv import read_csv
from .feed import read_feed, read_xml
from .html import read_html
from .jsonl import read_json, read_jsonl
from .options import ReadOptions
from .source import ContainerError, Source
from .text import read_text
from .warc import read_warc

__all__ = ["read_source", "is_known", "reader_for"]

Item = Document | RecordError
Reader = Callable[[Source, ReadOptions], Iterator[Item]]

_READERS: MappingProxyType[str, Reader] = MappingProxyType({
    ".txt": read_text, ".text": read_text,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json,
    ".csv": read_csv, ".tsv": read_csv,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_xml,
    ".warc": read_warc,
})


def reader_for(name: str) -> Reader | str | None:
    """The reader of a file name; "gzip" and "zip" for containers; None when no reader claims it."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return read_warc
    if lower.endswith(".gz"):
        return "gzip"
    suffix = PurePosixPath(lower).suffix
    return "zip" if suffix == ".zip" else _READERS.get(suffix)


def is_known(name: str) -> bool:
    """Whether a file found in a directory or archive is read: a .gz only if its inner file is."""
    kind = reader_for(name)
    if kind == "gzip":
        return is_known(name[:-3])
    return kind is not None


def read_source(source: Source, options: ReadOptions = ReadOptions(), named: bool = True) -> Iterator[Item]:
    """Documents and RecordErrors of one source; never raises for what is in the file.

    ``named``: the user named this file (an unknown suffix means plain text), rather than it
    being found inside a directory or archive.
    """
    kind = reader_for(source.name)
    try:
        if kind == "gzip":
            inner = gunzipped(source)
            if named or is_known(inner.name):
                yield from read_source(inner, options, named)
        elif kind == "zip":
            yield from _read_zip(source, options)
        else:
            yield from (kind or read_text)(source, options)
    except ContainerError as exc:
        yield RecordError(str(exc), source.label)
    except OSError as exc:
        yield RecordError(f"cannot read: {exc.strerror or exc}", source.label)


def _read_zip(source: Source, options: ReadOptions) -> Iterator[Item]:
    try:
        stream = source.open()
    except ContainerError as exc:
        yield RecordError(str(exc), source.label)
        return
    with stream:
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            yield RecordError(f"not a zip archive, or a damaged one ({exc})", source.label)
            return
        with archive:
            members = [m for m in zip_members(archive, source) if is_known(m.name)]
            if not members:
                yield RecordError("no readable files in zip archive", source.label)
            for member in members:
                yield from read_source(member, options, named=False)
