"""Plain text: one document a file, its id the file name without suffix; and the decoding every
text-like reader shares (UTF-8, else the detected encoding, else Windows-1252)."""
from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import TextIO

import charset_normalizer

from ..errors import RecordError
from ..model import Document
from .options import ReadOptions
from .source import Source, read_all, read_head

__all__ = ["decode_bytes", "detect_encoding", "binary_problem", "open_text", "read_text"]

_BINARY_PROBE = 8192
# (mark, codec of what follows it, encoding to read the whole with); UTF-32 LE starts like UTF-16 LE
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))
_UTF16_32_BOMS = tuple(bom for bom, _, _ in _WIDE_BOMS)


def detect_encoding(head: bytes, complete: bool = True) -> str:
    """The encoding of bytes that begin with ``head``: a BOM's, UTF-8 when it decodes, else
    charset-normalizer's guess, else Windows-1252 (which decodes anything, with replacement).

    ``complete`` says ``head`` is the whole input; when it is not, a multi-byte character cut at
    the end of the head does not count against UTF-8.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, codec, name in _WIDE_BOMS:
        if head.startswith(bom):
            if _bom_holds(head[len(bom):], codec, complete):
                return name
            # bytes that merely start like a byte-order mark: read the rest as UTF-8, line by
            # line, so a damaged first line is one bad record and the good ones after it survive
            return "utf-8"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return _guess_encoding(head)


def _bom_holds(body: bytes, codec: str, complete: bool) -> bool:
    """Whether the bytes after a UTF-16/32 byte-order mark are text in that encoding: they decode,
    and where they hold a line-break byte, some line break decodes as one (UTF-8 text after a
    stray mark decodes as UTF-16 too, but its newlines turn into other characters)."""
    try:
        decoded = codecs.getincrementaldecoder(codec)().decode(body, final=complete)
    except UnicodeDecodeError:
        return False
    return b"\n" not in body or "\n" in decoded


def _guess_encoding(raw: bytes) -> str:
    """charset-normalizer's best guess, except that Windows-1252 wins a tie.

    On short texts it often ranks an exotic code page (cp775, cp1250) first among guesses that are
    all equally clean; when Windows-1252 is one of them, or reads the bytes the same, it is the
    likelier source of a news text.
    """
    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return "cp1252"
    cleanest = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == cleanest]
    western = raw.decode("cp1252", errors="replace")
    for m in tied:
        if m.encoding == "cp1252" or _decodes_as(raw, m.encoding) == western:
            return "cp1252"
    return tied[0].encoding


def _decodes_as(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(raw: bytes) -> str:
    """A whole input's text; never fails (undecodable bytes become U+FFFD)."""
    return raw.decode(detect_encoding(raw), errors="replace").removeprefix("\ufeff")


def binary_problem(head: bytes, source: str) -> RecordError | None:
    """A RecordError when the input is binary (NUL bytes, and not UTF-16/32), else None.

    Emptiness is not judged from a head: a damaged gzip's head can be empty while the input is
    not, and the damage is the thing to report.
    """
    if b"\x00" in head[:_BINARY_PROBE] and not head.startswith(_UTF16_32_BOMS):
        return RecordError("binary input, not text", source)
    return None


def open_text(source: Source, encoding: str) -> TextIO:
    """The source as text lines, streamed (never read whole); ``encoding`` from its head.

    Bytes the encoding cannot decode become U+FFFD. ``newline=""`` keeps line endings as they
    are (the csv module needs them) while still splitting on ``\\r``, ``\\n`` and ``\\r\\n``.
    """
    return io.TextIOWrapper(source.open(), encoding=encoding, errors="replace", newline="")


def read_text(source: Source, options: ReadOptions = ReadOptions()) -> Iterator[Document | RecordError]:
    """The whole file is one document (a text cannot be coded in pieces)."""
    head, _ = read_head(source, _BINARY_PROBE)
    problem = binary_problem(head, source.label)
    if problem is not None:
        yield problem
        return
    raw = read_all(source)
    if (problem := binary_problem(raw, source.label)) is not None:
        yield problem
        return
    text = decode_bytes(raw)
    if not text.replace("\ufeff", "").strip():  # nothing, or only byte-order marks and spaces
        yield RecordError("empty input", source.label)
    else:
        yield Document(id=source.stem, text=text)
