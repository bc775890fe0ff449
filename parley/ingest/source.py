"""What a reader reads: a named, re-openable byte stream, so a file, a gzip's inner file and a
zip member are read by the same code.

Readers may open a source twice (once to sniff its head, once to stream it), which is why a
source holds how to open its bytes rather than an open stream.
"""
from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import IO

__all__ = ["Source", "ContainerError", "file_source", "guarded", "gzip_stream", "read_all", "read_head",
           "HEAD_BYTES"]

HEAD_BYTES = 65536  # enough to sniff an encoding, a delimiter or a feed's root element
_CHUNK = 65536

# What damaged compressed data raises, from gzip, zlib and zipfile.
_DAMAGE = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)


class ContainerError(Exception):
    """A container (gzip, zip) cannot give the rest of an input's bytes: truncated, corrupt,
    encrypted. Not an OSError, so a reader's "cannot read" handling does not mistake it."""


@dataclass(frozen=True)
class Source:
    """``label`` names it in messages; ``name`` is the file name whose suffix picks the reader."""

    label: str
    name: str
    opener: Callable[[], IO[bytes]]

    def open(self) -> IO[bytes]:
        return self.opener()

    @property
    def stem(self) -> str:
        """The default document id: the file name without its (last) suffix."""
        return PurePosixPath(self.name).stem


def file_source(path: Path) -> Source:
    return Source(label=str(path), name=path.name, opener=partial(open, path, "rb"))


class _Guarded(io.BufferedIOBase):
    """A decompressing stream whose damage surfaces as ContainerError, whatever library raised it.

    Data decompressed before the damage is handed out first and the error raised on the next
    read, so every record before a truncation is read (a buffered reader would drop it).
    """

    def __init__(self, inner: IO[bytes], what: str, underlying: IO[bytes] | None = None):
        super().__init__()
        self._inner, self._what, self._underlying = inner, what, underlying
        self._error: ContainerError | None = None

    def readable(self) -> bool:
        return True

    def _chunk(self, size: int) -> bytes:
        if self._error is not None:
            raise self._error
        try:
            read1 = getattr(self._inner, "read1", None)
            return read1(size) if read1 is not None else self._inner.read(size)
        except _DAMAGE as exc:
            raise ContainerError(f"corrupt {self._what}: {exc}") from exc

    def read1(self, size: int | None = -1) -> bytes:
        return self._chunk(size if size and size > 0 else _CHUNK)

    def read(self, size: int | None = -1) -> bytes:
        parts: list[bytes] = []
        got = 0
        while size is None or size < 0 or got < size:
            try:
                chunk = self._chunk(_CHUNK if size is None or size < 0 else min(_CHUNK, size - got))
            except ContainerError as exc:
                if not parts:
                    raise
                self._error = exc
                break
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
        return b"".join(parts)

    def readinto(self, buffer) -> int:  # type: ignore[override]
        data = self.read1(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if self.closed:
            return
        try:
            self._inner.close()
            if self._underlying is not None:
                self._underlying.close()
        finally:
            super().close()


def guarded(inner: IO[bytes], what: str, underlying: IO[bytes] | None = None) -> IO[bytes]:
    """``inner`` with decompression errors turned into ContainerError("corrupt <what>: ...").

    ``underlying``: the stream ``inner`` decompresses, closed with it (GzipFile leaves it open).
    """
    return _Guarded(inner, what, underlying)


def read_all(source: Source) -> bytes:
    """The whole input, read to its true end: a truncated container raises here, rather than
    handing back the part before the damage as if it were all."""
    parts: list[bytes] = []
    with source.open() as stream:
        while chunk := stream.read(_CHUNK):
            parts.append(chunk)
    return b"".join(parts)


def gzip_stream(raw: IO[bytes]) -> IO[bytes]:
    """The decompressed bytes of a gzip stream, its damage a ContainerError("corrupt gzip: ...")."""
    return guarded(gzip.GzipFile(fileobj=raw, mode="rb"), "gzip", underlying=raw)


def read_head(source: Source, size: int = HEAD_BYTES) -> tuple[bytes, bool]:
    """The first ``size`` bytes and whether they are the whole input.

    Damage inside the head is not raised here: the head is only for sniffing, and the streaming
    pass meets the same damage after the records before it, where it is reported.
    """
    chunks: list[bytes] = []
    got = 0
    with source.open() as stream:
        while got < size:
            try:
                chunk = stream.read(min(8192, size - got))
            except ContainerError:
                return b"".join(chunks), True
            if not chunk:
                return b"".join(chunks), True
            chunks.append(chunk)
            got += len(chunk)
        try:
            complete = not stream.read(1)
        except ContainerError:
            complete = True
    return b"".join(chunks), complete
