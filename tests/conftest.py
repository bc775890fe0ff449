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
# developers' tools (the load tester) live in scripts/, apart from the package
sys.path.insert(0, str(ROOT / "scripts"))


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
    from parley.pipeline.nlp import knowledge_base

    return knowledge_base()


def run_parley(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess: exit codes and streams as a user sees them."""
    return subprocess.run([*PARLEY, *args], input=stdin, capture_output=True, cwd=cwd or ROOT, timeout=300)


def jsonl(text: str | bytes) -> list[dict]:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def resolve_dated(tmp_path: Path, phrases: list[tuple[str, str]]) -> list[dict]:
    """``parley resolve`` of (phrase, event date) pairs, one output per phrase in order."""
    p = tmp_path / "phrases.jsonl"
    p.write_text("".join(json.dumps({"id": str(i), "text": t, "date": d}) + "\n" for i, (t, d) in enumerate(phrases)),
                 encoding="utf-8")
    r = run_parley("resolve", "--input", str(p))
    assert r.returncode == 0, r.stderr
    got = {o["id"]: o for o in jsonl(r.stdout)}
    return [got[str(i)] for i in range(len(phrases))]


@pytest.fixture(scope="session")
def code_text(pipeline):
    """Code one text (published 2025-08-01 unless said otherwise) and return its events."""
    from datetime import date

    from parley.model import Document

    def run(text: str, pub: str | None = "2025-08-01", doc_id: str = "t"):
        return pipeline.code(Document(doc_id, text, date.fromisoformat(pub) if pub else None))

    return run


DEDUP_CORPUS = ROOT / "tests" / "data" / "dedup_corpus.jsonl"


@pytest.fixture(scope="session")
def dedup_coded(pipeline):
    """tests/data/dedup_corpus.jsonl (written for parley: 20 reports of 3 events, 5 others), coded."""
    from parley.ingest.jsonl import read_jsonl_lines
    from parley.model import Document

    docs = [d for d in read_jsonl_lines(DEDUP_CORPUS.read_text(encoding="utf-8").splitlines(), str(DEDUP_CORPUS))
            if isinstance(d, Document)]
    assert len(docs) == 25
    return list(pipeline.code_many(docs))


@pytest.fixture(scope="session")
def dedup_db(dedup_coded, tmp_path_factory) -> Path:
    """A store file holding the coded dedup corpus (tests open it read-only or copy it)."""
    from parley.store import Store

    path = tmp_path_factory.mktemp("dedup") / "dedup.duckdb"
    with Store(path) as store:
        store.write(dedup_coded)
    return path


class Failing:
    """A pipeline that raises on documents whose text says BOOM (as a bug would) and codes the
    rest with the real one: what a front end does with a document that cannot be coded."""

    def __init__(self, pipeline):
        self.real, self.config = pipeline, pipeline.config

    def code(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return self.real.code(doc)

    def code_many(self, docs):
        for doc in docs:
            yield doc, self.code(doc)


def panel_events():
    """Hand-made reports in two countries in 2024 (no pipeline: fast), each filter's values on
    some and not on others: (document, events) pairs for ``Store.write``."""
    from datetime import date

    from parley.model import Actor, Document, Event, Place, event_id

    def party(text: str, start: int, country: str, *sectors: str) -> Actor:  # (country, primary, other sectors)
        return Actor(text, start, start + 1, country, sectors[0], sectors=sectors)

    def report(doc: str, category: str, cameo: str, goldstein: float, quad: int, actor: tuple[str, ...],
               recipient: tuple[str, ...], day: date, place: str, **rest) -> Event:
        return Event(event_id=event_id(doc, 0, 0, category), doc_id=doc, sentence=0, event=category, cameo=cameo,
                     goldstein=goldstein, quad_class=quad, actor=(party("a", 0, *actor),),
                     recipient=(party("r", 2, *recipient),), date=day, date_precision="day",
                     location=Place(place, place, place), **rest)

    # the accused is an opposition lawmaker: OPP, and LEG as a second sector (filters find either)
    accuse = dict(category="ACCUSE", cameo="112", goldstein=-2.0, quad=3, actor=("KOR", "GOV"),
                  recipient=("KOR", "OPP", "LEG"), day=date(2024, 3, 1), place="KOR")
    return [
        # one accusation reported twice (one real event, two sources)
        (Document("p1", "x", date(2024, 3, 2), publisher="Reuters"), [report("p1", **accuse, confidence=0.9)]),
        (Document("p2", "x", date(2024, 3, 2), publisher="AP"),
         [report("p2", **accuse, confidence=0.8, factuality="reported")]),
        (Document("p3", "x", date(2024, 7, 9)),
         [report("p3", "ASSAULT", "190", -10.0, 4, ("USA", "MIL"), ("USA", "GOV"), date(2024, 7, 9), "USA",
                 confidence=0.4)]),
        (Document("p4", "x", date(2024, 11, 20), publisher="AP"),
         [report("p4", "CONSULT", "040", 1.0, 1, ("USA", "GOV"), ("KOR", "GOV"), date(2024, 11, 20), "USA",
                 confidence=0.7)]),
    ]


@pytest.fixture()
def panel_db(tmp_path) -> Path:
    """A store file of ``panel_events()``."""
    from parley.store import Store

    path = tmp_path / "panel.duckdb"
    with Store(path) as store:
        store.write(panel_events())
    return path
