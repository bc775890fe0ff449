"""Containers: a .gz holds one file, a .zip many; each inner file becomes a Source, read by its
own suffix like any other file. Damage inside shows as ContainerError where it is met, after
the records before it."""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import IO

from .source import ContainerError, Source, guarded, gzip_stream

__all__ = ["gunzipped", "zip_members", "hidden"]


def gunzipped(source: Source) -> Source:
    """The file inside a .gz: same label (it is the file the user named), the name without .gz."""
    return Source(label=source.label, name=source.name[:-3],
                  opener=lambda: gzip_stream(source.open()))


def hidden(parts: tuple[str, ...]) -> bool:
    """Dot files and folders, and the resource forks macOS puts into zips."""
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def zip_members(archive: zipfile.ZipFile, source: Source) -> Iterator[Source]:
    """The archive's files in name order (folders and hidden files left out), each labelled
    ``<archive>:<member>`` so that its errors say where they are."""
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir() or hidden(PurePosixPath(info.filename).parts):
            continue
        yield Source(label=f"{source.label}:{info.filename}", name=PurePosixPath(info.filename).name,
                     opener=lambda info=info: _open_member(archive, info))


def _open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    try:
        return guarded(archive.open(info), "zip member")
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile, ValueError) as exc:
        # encrypted, an unsupported compression method, a damaged local header
        raise ContainerError(f"cannot open zip member: {exc}") from exc
