"""Web archives (.warc, .warc.gz): one document for each HTML page the crawl fetched.

Only ``response`` records with a 2xx HTTP status and an HTML content type are documents;
requests, metadata, redirects, images and the like are not, and are passed over silently. A
page's id is its WARC-Record-ID, its url the WARC-Target-URI, its date the page's own, else the
crawl's WARC-Date. Damage stops the file with a RecordError saying how many records came before.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any, IO

from warcio.archiveiterator import WARCIterator

from ..errors import RecordError
from ..model import Document
from ..time.parse import parse_date
from .html import html_document
from .options import ReadOptions
from .source import Source, gzip_stream

__all__ = ["read_warc"]

Item = Document | RecordError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_REQUIRED = ("WARC-Type", "WARC-Record-ID", "Content-Length")  # every WARC record has them


def _open(source: Source) -> IO[bytes]:
    """The archive's WARC bytes. A .warc.gz is decompressed here, not by warcio: warcio takes a
    gzip member cut short for a short record and says nothing, Python's gzip raises."""
    raw = source.open()
    return gzip_stream(raw) if source.name.lower().endswith(".gz") else raw


class _Counted:
    """The archive's bytes, counted: warcio stops without a word when the input ends inside a
    record's headers, so the count read is compared with where the last whole record ended."""

    def __init__(self, stream: IO[bytes]):
        self._stream, self.count = stream, 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        return data

    def tell(self) -> int:
        return self.count


def read_warc(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    read = 0
    stream = _open(source)  # a file that cannot be opened is "cannot read", not a corrupt WARC
    try:
        with stream:
            counted = _Counted(stream)
            records = WARCIterator(counted)
            for record in records:
                item = _document(record, source.label)
                _check_complete(record)
                read += 1
                if item is not None:
                    yield item
            if counted.count == 0:
                yield RecordError("empty input", source.label)
            elif records.offset < counted.count:
                after = counted.count - records.offset
                raise ValueError(f"it ends inside a record, {after} bytes after the last whole one")
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input; report and stop
        why = " ".join(str(exc).split())[:300] or type(exc).__name__
        yield RecordError(f"truncated or corrupt WARC after {read} record{'' if read == 1 else 's'}: {why}",
                          source.label)


def _document(record: Any, source: str) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if not status.startswith("2") or content_type not in _HTML_TYPES:
        return None
    headers = record.rec_headers
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>") or None
    url = headers.get_header("WARC-Target-URI") or None
    body = record.content_stream().read()
    return html_document(body, doc_id=record_id or url or "warc-record", source=source, record_id=record_id,
                         url=url, fallback_date=parse_date(headers.get_header("WARC-Date")))


def _check_complete(record: Any) -> None:
    """Read the record to its end and fail if the archive ended first: inside the headers (a
    header every WARC record has is missing) or inside the content (Content-Length unmet)."""
    headers = record.rec_headers
    missing_headers = [h for h in _REQUIRED if not headers.get_header(h)]
    if missing_headers:
        raise ValueError(f"a record without {', '.join(missing_headers)} (headers cut short?)")
    stream = record.raw_stream
    while stream.read(65536):
        pass
    missing = getattr(stream, "limit", 0)
    if missing:
        raise ValueError(f"record {headers.get_header('WARC-Record-ID')} cut short by {missing} bytes")
