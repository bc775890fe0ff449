"""JSON Lines: one document a line, ``{"id", "text", "pub_date"?, "title"?, "url"?, "publisher"?}``.

Unknown fields are ignored (gold files carry their events along). A line without an id gets
``<file stem>-<line number>``. Files are read line by line, never whole.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import RecordError
from ..model import Document
from ..time.parse import pub_date_of
from .options import ReadOptions
from .source import Source, read_all, read_head
from .text import binary_problem, decode_bytes, detect_encoding, open_text

__all__ = ["record_to_document", "read_jsonl_lines", "read_jsonl", "read_json"]


def record_to_document(obj: object, source: str, line_no: int,
                       stem: str | None = None) -> Document | RecordError:
    if not isinstance(obj, dict):
        return RecordError("not a JSON object", source, f"line {line_no}")
    rid = obj.get("id")
    rid = str(rid) if rid not in (None, "") else f"{stem or Path(source).stem}-{line_no}"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return RecordError("no text", source, rid)
    opt = {k: str(obj[k]) for k in ("title", "url", "publisher") if isinstance(obj.get(k), (str, int, float))}
    pub = pub_date_of(obj.get("pub_date"), source, rid)
    if isinstance(pub, RecordError):
        return pub
    return Document(id=rid, text=text, pub_date=pub, **opt)


def read_jsonl_lines(lines: Iterable[str], source: str,
                     stem: str | None = None) -> Iterator[Document | RecordError]:
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
        yield record_to_document(obj, source, n, stem)
    if not seen_any:
        yield RecordError("empty input", source)


def read_jsonl(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Document | RecordError]:
    head, complete = read_head(source)
    problem = binary_problem(head, source.label)
    if problem is not None:
        yield problem
        return
    with open_text(source, detect_encoding(head, complete)) as lines:
        yield from read_jsonl_lines(lines, source.label, source.stem)


def read_json(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Document | RecordError]:
    """A ``.json`` file: one record ``{"id", "text", ...}`` or an array of them (read whole: JSON
    has no lines to stream by)."""
    raw = read_all(source)
    if (problem := binary_problem(raw, source.label)) is not None:
        yield problem
        return
    try:
        data = json.loads(decode_bytes(raw))
    except json.JSONDecodeError as exc:
        yield RecordError(f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", source.label)
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield RecordError("empty input", source.label)
    for n, obj in enumerate(records, start=1):
        yield record_to_document(obj, source.label, n, source.stem)
