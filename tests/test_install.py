"""parley installs beside other software: into an environment that already holds its own pandas,
pyarrow and FastAPI (other versions than CI's constraints.txt, within pyproject's ranges), `pip
install .` resolves without replacing them, and the installed command runs.

Slow (a fresh venv, a real resolution from the package index: about two minutes with a warm pip
cache); skipped when no package index answers.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from conftest import ROOT

# What a user's environment might already hold: not CI's versions (constraints.txt), but inside
# the ranges parley declares (checked below). pandas is no dependency of parley: any version.
THEIRS = {"pandas": "2.3.3", "pyarrow": "25.0.1", "fastapi": "0.165.0"}


def run(*args: str | Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout)


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {r.name.lower(): r for r in map(Requirement, project["dependencies"])}


def pinned() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return dict(ln.split("==") for ln in lines if "==" in ln and not ln.startswith("#"))


def test_their_versions_are_in_our_ranges_and_not_ours():
    ranges, pins = declared(), pinned()
    for name, version in THEIRS.items():
        assert pins.get(name) != version
        if name in ranges:
            assert ranges[name].specifier.contains(version), (name, version, ranges[name])


def test_pip_install_beside_their_pandas_pyarrow_and_fastapi(tmp_path):
    pip_index = run(sys.executable, "-m", "pip", "index", "versions", "fastapi", timeout=120)
    if pip_index.returncode != 0:
        pytest.skip(f"no package index reachable (pip index versions: {pip_index.stderr.strip()[-200:]})")
    venv = tmp_path / "venv"
    made = run(sys.executable, "-m", "venv", venv)
    assert made.returncode == 0, made.stderr
    pip, bin_ = venv / "bin" / "pip", venv / "bin"
    theirs = run(pip, "install", "-q", *(f"{n}=={v}" for n, v in THEIRS.items()), timeout=600)
    assert theirs.returncode == 0, theirs.stderr[-2000:]
    # a copy of the sources, so building the wheel leaves nothing in the repository
    src = tmp_path / "src"
    shutil.copytree(ROOT / "parley", src / "parley", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ours = run(pip, "install", "-q", src, timeout=900)
    assert ours.returncode == 0, ours.stderr[-2000:]
    frozen = dict(ln.split("==") for ln in run(pip, "freeze").stdout.splitlines() if "==" in ln)
    assert {n: frozen.get(n) for n in THEIRS} == THEIRS  # theirs stayed as they were
    version = run(bin_ / "parley", "--version")
    assert version.returncode == 0 and version.stdout.startswith("parley "), version.stderr
    # and parley works with their pyarrow: code the example and export Parquet
    db, out = tmp_path / "x.duckdb", tmp_path / "pq"
    coded = run(bin_ / "parley", "code", ROOT / "examples" / "article.jsonl", "--db", db, "--format", "jsonl")
    assert coded.returncode == 0 and coded.stdout.count("\n") >= 1, coded.stderr[-2000:]
    exported = run(bin_ / "parley", "export", "--db", db, "--format", "parquet", "--output", out)
    assert exported.returncode == 0 and list((out / "events").rglob("*.parquet")), exported.stderr[-2000:]
