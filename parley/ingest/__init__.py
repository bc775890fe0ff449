"""Readers: each turns one input (a file, standard input) into Documents.

A reader yields ``Document`` for every good record and ``RecordError`` for every bad one, so a
batch goes on past a bad record and the caller reports it (never a silent loss). Problems with
a whole input (missing, empty, binary) are a ``RecordError`` too, without a record id.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError, RecordError
from ..model import Document
from .jsonl import read_jsonl_lines
from .text import decode_bytes, load_bytes, read_text_file

__all__ = ["read_inputs", "read_path", "read_stream"]

Item = Document | RecordError


def read_path(path: Path) -> Iterator[Item]:
    """Documents of one file, chosen by its suffix."""
    name = path.name.lower()
    if name.endswith(".jsonl") or name.endswith(".ndjson"):
        raw = load_bytes(path)
        if isinstance(raw, RecordError):
            yield raw
            return
        yield from read_jsonl_lines(decode_bytes(raw).splitlines(), source=str(path))
    else:
        yield read_text_file(path)


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


def read_inputs(inputs: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """All documents of the command line's inputs, in order. Missing paths fail up front."""
    inputs = list(inputs)
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise InputError(f"{name}: no such file")
    for name in inputs:
        if name == "-":
            if stdin is None:
                raise InputError("-: standard input is not available")
            yield from read_stream(stdin)
        else:
            path = Path(name)
            if path.is_dir():
                raise InputError(f"{name}: is a directory (directories arrive with the corpus readers)")
            yield from read_path(path)
