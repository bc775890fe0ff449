"""HTML pages: trafilatura finds the main text (not menus, footers, comments) and the metadata.

One document a page; its id the file name without suffix, its title, date, canonical url and
site name from the page's metadata. Nothing is ever fetched: trafilatura is given a parsed
tree, never a string that htmldate could take for a URL to download.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import trafilatura
from trafilatura.utils import load_html

from ..errors import RecordError
from ..model import Document
from ..time.parse import parse_date
from .options import ReadOptions
from .source import Source, read_all

__all__ = ["read_html", "html_document"]

Item = Document | RecordError


def html_document(raw: bytes, doc_id: str, source: str, record_id: str | None = None, url: str | None = None,
                  fallback_date: date | None = None) -> Item:
    """The document in one HTML page, or why there is none.

    ``url`` (a crawl's target URI) wins over the page's canonical link; ``fallback_date`` (a crawl
    date) is used only when the page states no date. Only dates the page's markup or URL state
    are taken (no guessing from the running text: a wrong anchor is worse than none).
    """
    if not raw.strip():
        return RecordError("empty input", source, record_id)
    try:
        tree = load_html(raw)
        extracted = None if tree is None else trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": False, "url": url},
        )
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary bytes: report, go on
        return RecordError(f"cannot parse HTML: {exc}", source, record_id)
    text = (getattr(extracted, "text", None) or "").strip()
    if not text:
        return RecordError("no text in HTML", source, record_id)
    return Document(
        id=doc_id,
        text=text,
        pub_date=parse_date(extracted.date) or fallback_date,
        title=(extracted.title or "").strip() or None,
        url=url or extracted.url or None,
        publisher=(extracted.sitename or "").strip() or None,
    )


def read_html(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Item]:
    yield html_document(read_all(source), doc_id=source.stem, source=source.label)