"""Large inputs are streamed: memory stays flat however long the file is."""
import gzip
import json
import tracemalloc

import pytest

from parley.ingest import read_inputs
from parley.model import Document

LINES = 100_000


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory):
    p = tmp_path_factory.mktemp("big") / "big.jsonl"
    with p.open("w", encoding="utf-8") as f:
        for i in range(LINES):
            f.write(json.dumps({"id": f"d{i}", "text": f"Officials in district {i} met their counterparts."}) + "\n")
    return p


def peak_while_reading(path):
    """Documents read and the peak memory allocated meanwhile; nothing is kept."""
    count = 0
    tracemalloc.start()
    try:
        for item in read_inputs([str(path)]):
            count += isinstance(item, Document)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_100000_line_jsonl_is_not_read_at_once(big_jsonl):
    size = big_jsonl.stat().st_size
    count, peak = peak_while_reading(big_jsonl)
    assert count == LINES
    assert peak < size / 10, f"peak {peak} bytes for a {size}-byte file"


def test_a_gzipped_jsonl_is_streamed_too(big_jsonl, tmp_path):
    p = tmp_path / "big.jsonl.gz"
    p.write_bytes(gzip.compress(big_jsonl.read_bytes(), compresslevel=1))
    count, peak = peak_while_reading(p)
    assert count == LINES and peak < big_jsonl.stat().st_size / 10


def test_a_large_csv_is_streamed(tmp_path):
    p = tmp_path / "big.csv"
    with p.open("w", encoding="utf-8") as f:
        f.write("id,text\n")
        for i in range(30_000):
            f.write(f'r{i},"Row {i}: the delegations met, and met again."\n')
    count, peak = peak_while_reading(p)
    assert count == 30_000 and peak < p.stat().st_size / 5
