"""RSS and Atom feeds, from files or http(s) URLs: one document an entry.

An entry's id is its id (guid), else its link, else a hash of its title and text; its text the
content, else the summary, stripped of markup; its date the published, else the updated date.
The feed's title is the publisher.
"""
from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import feedparser

from ..errors import RecordError
from ..model import Document
from .fetch import FetchError, fetch
from ..time.parse import parse_date
from .markup import html_to_text
from .options import ReadOptions
from .source import Source, read_all, read_head

__all__ = ["read_feed", "read_feed_url", "read_xml", "feed_documents", "is_feed"]

Item = Document | RecordError

_FEED_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]", re.IGNORECASE)


def is_feed(head: bytes) -> bool:
    """Whether an XML file's root element is a feed's (``rss``, Atom ``feed``, RSS 1.0 ``rdf:RDF``)."""
    return _FEED_ROOT.search(head[:8192].replace(b"\x00", b"")) is not None


def read_feed(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    yield from feed_documents(read_all(source), source.label)


def read_xml(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """An .xml file is read when it is a feed; any other XML is reported, not coded as text."""
    head, _ = read_head(source, 8192)
    if not head.strip():
        yield RecordError("empty input", source.label)
    elif not is_feed(head):
        yield RecordError("XML but not an RSS or Atom feed", source.label)
    else:
        yield from read_feed(source, options)


def read_feed_url(url: str, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    """A feed fetched over the network (20 s, public addresses only); a failure is a RecordError."""
    try:
        raw, headers = fetch(url)
    except FetchError as exc:
        yield RecordError(f"cannot fetch feed: {exc}", url)
        return
    yield from feed_documents(raw, url, headers)


def feed_documents(raw: bytes, source: str, headers: dict[str, str] | None = None) -> Iterator[Item]:
    """The entries of a feed's bytes. Always bytes in a stream: feedparser would take a str for a
    URL to fetch or a path to open."""
    parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers or {})
    if not parsed.entries:
        if parsed.get("bozo"):
            yield RecordError(f"invalid feed XML: {parsed.get('bozo_exception')}", source)
        else:
            yield RecordError("no entries in feed", source)
        return
    publisher = _plain(parsed.feed.get("title_detail")) or None
    for entry in parsed.entries:
        yield entry_document(entry, source, publisher)


def entry_document(entry: Any, source: str, publisher: str | None = None) -> Item:
    title = _plain(entry.get("title_detail")) or None
    text = _entry_text(entry)
    link = entry.get("link") or None
    rid = entry.get("id") or link or _hash_id(title, text)
    if not text:
        return RecordError("no text", source, rid)
    return Document(id=rid, text=text, pub_date=_entry_date(entry), title=title, url=link,
                    publisher=publisher)


def _entry_text(entry: Any) -> str:
    """The content when the entry has one, else its summary."""
    for content in entry.get("content") or ():
        if text := _plain(content):
            return text
    return _plain(entry.get("summary_detail"))


def _plain(detail: Any) -> str:
    """A feedparser text construct (``{"type", "value"}``) as plain text."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if detail.get("type", "text/html") in ("text/plain", "text"):
        return value.strip()
    return html_to_text(value)


def _entry_date(entry: Any) -> date | None:
    """The date as the feed wrote it (its own time zone: "Monday" in the text is the writer's
    Monday), else feedparser's reading of it, which is in UTC."""
    for key in ("published", "updated", "created"):
        if found := parse_date(entry.get(key)):
            return found
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _hash_id(title: str | None, text: str) -> str:
    return "entry-" + hashlib.sha1(f"{title or ''}\x1f{text}".encode("utf-8")).hexdigest()[:16]
