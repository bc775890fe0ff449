"""The bounded load test against a real `parley serve`: every request answered, none failed."""
from __future__ import annotations

import json

from conftest import DEDUP_CORPUS
from loadtest import percentile, run_load, serve


def test_percentile_is_a_latency_that_happened():
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(values, 50) == 3.0 and percentile(values, 95) == 5.0 and percentile(values, 0) == 1.0
    assert percentile([], 50) == 0.0


def test_concurrent_mixed_requests_have_no_errors():
    texts = [json.loads(line)["text"] for line in DEDUP_CORPUS.read_text(encoding="utf-8").splitlines()]
    with serve() as base:
        result = run_load(base, texts, requests=160, concurrency=8, warmup=10)
    assert result.requests == 160 and result.errors == 0, result.error_examples
    assert set(result.by_kind) >= {"events", "post_document", "dyads", "event"}
