"""Actor phrases to resolve (``parley resolve --input``): JSON Lines of ``{"id", "text", "date"?}``.

A line without an id gets its line number; a line without a date takes the default. A bad line
is a ``RecordError`` naming the file and line, for the caller to report and skip.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError, RecordError
from ..time.parse import parse_date

__all__ = ["read_phrases"]

Phrase = tuple[str, str, date | None]  # (id, text, as-of date), as Pipeline.resolve takes them


def read_phrases(path: Path, default_date: date | None = None) -> Iterator[Phrase | RecordError]:
    """The phrases of ``path`` in order; blank lines are passed over."""
    for n, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            yield RecordError("not JSON", f"{path} line {n}")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield RecordError("no text", f"{path} line {n}")
            continue
        yield str(obj.get("id", n)), obj["text"], parse_date(obj.get("date")) or default_date


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
