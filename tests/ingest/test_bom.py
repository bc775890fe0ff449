"""A byte-order mark is trusted only when the rest of the file is text in its encoding: a file
that starts with a mark's bytes and then garbage loses its first line, not its good records."""
import codecs

import pytest

from parley.ingest import read_path
from parley.model import Document

GOOD = '{"id": "good-1", "text": "Kenya and Uganda agreed on Monday to reopen the border."}\n'
BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


@pytest.mark.parametrize("bom", BOMS, ids=lambda b: b.hex())
def test_a_mark_then_garbage_then_a_good_record(tmp_path, bom):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(bom + b"\x93\x11garbage{not json\n" + GOOD.encode("utf-8"))
    items = list(read_path(path))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["good-1"] and "Kenya" in docs[0].text
    assert len(items) == 2  # the damaged first line is reported, not dropped silently


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_real_wide_file_is_still_read_in_its_encoding(tmp_path, encoding):
    path = tmp_path / "wide.jsonl"
    path.write_bytes((GOOD + GOOD.replace("good-1", "good-2")).encode(encoding))
    assert [d.id for d in read_path(path) if isinstance(d, Document)] == ["good-1", "good-2"]
