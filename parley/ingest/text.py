"""Plain-text files: one document per file, its id the file name without suffix."""
from __future__ import annotations

from pathlib import Path

from ..errors import RecordError
from ..model import Document


def decode_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252, which never fails."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def load_bytes(path: Path) -> bytes | RecordError:
    """The file's bytes, or why it cannot be coded: unreadable, empty or binary."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return RecordError(f"cannot read: {exc.strerror or exc}", str(path))
    if not raw.strip():
        return RecordError("empty input", str(path))
    if b"\x00" in raw[:8192]:
        return RecordError("binary input, not text", str(path))
    return raw


def read_text_file(path: Path) -> Document | RecordError:
    raw = load_bytes(path)
    if isinstance(raw, RecordError):
        return raw
    return Document(id=path.stem, text=decode_bytes(raw))
