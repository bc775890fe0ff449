"""The one job loop: what it yields, what it stores, what it counts (real pipeline, in-memory store)."""
from __future__ import annotations

from datetime import date

import pytest

from parley.errors import RecordError
from parley.model import CODER, Document
from parley.pipeline import MAX_CHARS
from parley.pipeline.job import Counts, Job, Skip
from parley.pipeline.runner import Coded
from parley.store import Store

from conftest import Failing

SIGNING = "Kenya and Tanzania signed a border agreement in Arusha on Monday."
ACCUSING = "Egypt accused Ethiopia of violating the Nile deal."


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, text, date(2025, 4, 16))


@pytest.fixture()
def store():
    with Store(":memory:") as s:
        yield s


def test_codes_stores_and_reports_a_bad_record_ahead_of_the_documents(pipeline, store):
    job = Job(pipeline=pipeline, store=store)
    bad = RecordError("not JSON", "in.jsonl", "line 2")
    out = list(job.run([doc("a", SIGNING), bad, doc("b", ACCUSING)]))
    assert [type(o) for o in out] == [Skip, Coded, Coded]
    assert str(out[0]) == "in.jsonl record line 2: not JSON" and out[0].stage == "read"
    assert [o.document.id for o in out[1:]] == ["a", "b"]
    assert (job.counts.documents, job.counts.skipped, job.counts.reasons) == (2, 1, {"not JSON": 1})
    assert job.counts.events == sum(len(o.events) for o in out[1:]) == store.count("events") > 0
    assert job.counts.words == len(SIGNING.split()) + len(ACCUSING.split())
    assert store.coded([doc("a", SIGNING)], CODER) == {"a"}


def test_a_rerun_skips_what_the_store_holds_unless_recoding(pipeline, store):
    docs = [doc("a", SIGNING), doc("b", ACCUSING)]
    list(Job(pipeline=pipeline, store=store).run(docs))
    again = Job(pipeline=pipeline, store=store)
    assert list(again.run(docs + [doc("c", ACCUSING)])) and again.counts.already == 2
    assert again.counts.documents == 1
    changed = Job(pipeline=pipeline, store=store)
    assert len(list(changed.run([doc("a", SIGNING + " Talks go on.")]))) == 1  # new text: coded again
    recode = Job(pipeline=pipeline, store=store, recode=True)
    assert len(list(recode.run(docs))) == 2 and recode.counts.already == 0


def test_without_a_store_it_codes_and_a_failing_document_is_a_skip(pipeline):
    job = Job(pipeline=Failing(pipeline))
    out = list(job.run([doc("a", SIGNING), doc("x", "BOOM " + SIGNING)]))
    assert isinstance(out[0], Coded) and out[0].events
    skip = out[1]
    assert isinstance(skip, Skip) and (skip.stage, skip.source, skip.record_id) == ("code", "coding", "x")
    assert str(skip) == "x: could not be coded (RuntimeError: boom)"
    assert job.counts.reasons == {"could not be coded": 1} and not job.counts.nothing_coded


def test_only_skips_is_nothing_coded(pipeline, store):
    job = Job(pipeline=pipeline, store=store)
    assert [o.kind for o in job.run([RecordError("no text", "in.jsonl", "x")])] == ["no text"]
    assert job.counts.nothing_coded and store.count("documents") == 0


def test_counts_documents_coded_in_part():
    counts = Counts()
    counts.add(Coded(Document("long", "a " * MAX_CHARS)))
    counts.add(Coded(Document("short", "a b c")))
    assert (counts.documents, counts.partial, counts.words) == (2, 1, MAX_CHARS + 3)
