"""JSON Lines: one document a line, ``{"id", "text", "pub_date"?, "title"?, "url"?, "publisher"?}``.

Unknown fields are ignored (gold files carry their events along). A line without an id gets
``<file stem>-<line number>``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from ..errors import RecordError
from ..model import Document


def parse_date(value: object) -> date | None:
    """``YYYY-MM-DD`` or an ISO timestamp; anything else is None (the text still codes)."""
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        try:
            return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
        except ValueError:
            return None


def record_to_document(obj: object, source: str, line_no: int) -> Document | RecordError:
    if not isinstance(obj, dict):
        return RecordError("not a JSON object", source, f"line {line_no}")
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else f"{Path(source).stem}-{line_no}"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return RecordError("no text", source, rid)
    opt = {k: str(obj[k]) for k in ("title", "url", "publisher") if isinstance(obj.get(k), (str, int, float))}
    return Document(id=rid, text=text, pub_date=parse_date(obj.get("pub_date")), **opt)


def read_jsonl_lines(lines: Iterable[str], source: str) -> Iterator[Document | RecordError]:
    seen_any = False
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"not JSON ({exc.msg} at column {exc.colno})", source, f"line {n}")
            continue
        yield record_to_document(obj, source, n)
    if not seen_any:
        yield RecordError("empty input", source)
