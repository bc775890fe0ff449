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
from ..time.parse import parse_date
from .options import ReadOptions
from .source import Source, read_head
from .text import binary_problem, detect_encoding, open_text

__all__ = ["parse_date", "record_to_document", "read_jsonl_lines", "read_jsonl"]


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
    return Document(id=rid, text=text, pub_date=parse_date(obj.get("pub_date")), **opt)


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
