"""What the command line's inputs name: files, directories, globs, URLs, standard input.

All of it is worked out before anything is read, so a missing file or an empty glob fails
at once rather than after an hour of coding the inputs before it.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .archives import hidden
from .formats import is_known

__all__ = ["Planned", "plan_inputs", "directory_files", "is_url", "is_glob"]


@dataclass(frozen=True)
class Planned:
    """One thing to read. ``kind``: "stdin", "url", "file" (``named``: the user named it, so an
    unknown suffix is plain text) or "empty-dir" (a directory with nothing to read)."""

    kind: str
    value: str
    named: bool = True


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def is_glob(name: str) -> bool:
    """A pattern, unless a file by that very name exists ("report[1].txt")."""
    return any(c in name for c in "*?[") and not os.path.lexists(name)


def directory_files(root: Path) -> list[Path]:
    """Every readable file under ``root``, sorted by path; hidden files and folders, and files
    no reader claims, are left out. Symbolic links to folders are not followed (no cycles)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not hidden((d,))]
        found.extend(Path(folder, f) for f in files if not hidden((f,)) and is_known(f))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _glob_files(pattern: str) -> list[Path]:
    matches = sorted(Path(m) for m in glob.glob(pattern, recursive=True) if os.path.isfile(m))
    if not matches:
        raise InputError(f"{pattern}: no files match")
    return matches


def plan_inputs(inputs: Iterable[str], stdin_available: bool) -> list[Planned]:
    plan: list[Planned] = []
    for name in inputs:
        if name == "-":
            if not stdin_available:
                raise InputError("-: standard input is not available")
            plan.append(Planned("stdin", name))
        elif is_url(name):
            plan.append(Planned("url", name))
        elif is_glob(name):
            plan.extend(Planned("file", str(p)) for p in _glob_files(name))
        elif not Path(name).exists():
            raise InputError(f"{name}: no such file")
        elif Path(name).is_dir():
            files = directory_files(Path(name))
            plan.extend(Planned("file", str(p), named=False) for p in files)
            if not files:
                plan.append(Planned("empty-dir", name))
        else:
            plan.append(Planned("file", name))
    return plan
