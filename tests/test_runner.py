"""The runner's per-document time limit: a document that takes too long is skipped and reported,
the rest of its batch is coded, and nothing hangs."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from parley.errors import UsageError
from parley.model import Document
from parley.pipeline.pipeline import doc_seconds_from_env
from parley.pipeline.runner import DocumentTimeout, code_batch, code_stream, time_limit

TEXT = "Japan's foreign minister met South Korea's president in Seoul on Monday."


class Stuck:
    """The real pipeline, except that documents whose text says STUCK never finish (as a
    pathological parse would): the runner's limit is what must end them."""

    def __init__(self, pipeline, seconds: float):
        self.real = pipeline
        self.config = replace(pipeline.config, doc_seconds=seconds)

    def _wait(self, doc: Document) -> None:
        if "STUCK" in doc.text:
            time.sleep(3600)

    def code(self, doc: Document):
        self._wait(doc)
        return self.real.code(doc)

    def code_many(self, docs):
        for doc in docs:
            self._wait(doc)
        return self.real.code_many(docs)


def docs(*texts: str) -> list[Document]:
    return [Document(id=f"d{i}", text=t, pub_date=date(2026, 3, 2)) for i, t in enumerate(texts)]


def test_a_stuck_document_is_skipped_with_a_reason_and_its_batch_goes_on(pipeline):
    pipeline.code(docs(TEXT)[0])  # warm: lazy loads must not count against the limit
    started = time.monotonic()
    out = code_batch(Stuck(pipeline, 2), docs(TEXT, "STUCK " + TEXT, TEXT))
    assert time.monotonic() - started < 30
    assert [c.document.id for c in out] == ["d0", "d1", "d2"]
    assert out[1].error.startswith("took over 2 s: skipped") and out[1].events == ()
    assert out[0].error is None and out[0].events and out[2].events


def test_the_stream_reports_the_skip_and_codes_the_rest(pipeline):
    stuck = Stuck(pipeline, 2)
    out = list(code_stream(docs(TEXT, "STUCK", TEXT, TEXT), stuck.config, pipeline=stuck, batch=2))  # type: ignore[arg-type]
    assert [c.error is not None for c in out] == [False, True, False, False]


def test_time_limit_raises_in_the_block_and_then_disarms():
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            time.sleep(5)
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # the timer was cancelled: no stray alarm after the block


@pytest.mark.parametrize("text, seconds", [("60", 60.0), ("0", 0.0), ("2.5", 2.5)])
def test_doc_seconds_from_the_environment(text, seconds):
    assert doc_seconds_from_env({"PARLEY_DOC_SECONDS": text}) == seconds


@pytest.mark.parametrize("text", ["soon", "-1", "nan", ""])
def test_a_bad_doc_seconds_is_a_one_line_usage_error(text):
    with pytest.raises(UsageError, match="PARLEY_DOC_SECONDS"):
        doc_seconds_from_env({"PARLEY_DOC_SECONDS": text})
