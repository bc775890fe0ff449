"""Shared fixtures: one Pipeline per test session (the model and knowledge base load once),
and the ../shared folder, which tests skip without (a user's clone does not have it)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PARLEY = [sys.executable, "-m", "parley"]


@pytest.fixture(scope="session")
def pipeline():
    from parley.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (gold files, referee) is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def kb():
    from parley.nlp import knowledge_base

    return knowledge_base()


def run_parley(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess: exit codes and streams as a user sees them."""
    return subprocess.run([*PARLEY, *args], input=stdin, capture_output=True, cwd=cwd or ROOT, timeout=300)


def jsonl(text: str | bytes) -> list[dict]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text (published 2025-08-01 unless said otherwise) and return its events."""
    from datetime import date

    from parley.model import Document

    def run(text: str, pub: str | None = "2025-08-01", doc_id: str = "t"):
        return pipeline.code(Document(doc_id, text, date.fromisoformat(pub) if pub else None))

    return run
