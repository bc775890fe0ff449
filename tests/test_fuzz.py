"""Property-based tests: whatever the input, every reader, the resolver, the coder and the API
answer (documents or reported skips; actors and events inside the text; 2xx or JSON 4xx) and
never crash or hang.

Seeded (``derandomize``), with a budget that fits CI: ``PARLEY_FUZZ_EXAMPLES`` examples per
target (default 60). The long run recorded in docs/security.md sets it to 10000.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from parley.errors import RecordError
from parley.ingest import read_inputs
from parley.model import Document
from parley.pipeline import MAX_CHARS
from parley.ontology import CATEGORIES

EXAMPLES = int(os.environ.get("PARLEY_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))

# text a news reader meets on a bad day: every plane of Unicode, controls, right-to-left marks,
# combining characters, surrogate-free but otherwise arbitrary
TEXT = st.text(st.characters(codec="utf-8"), max_size=2000)
NEWSY = st.lists(st.sampled_from([
    "Iran accused Israel", "of sabotage", "on Monday", "in Arusha", "Kenya and Tanzania signed", "an agreement",
    "\u202eevil\u202c", "\u0627\u0644\u0639\u0631\u0627\u0642", "\x00", "\x1b[31m", "\ufeff", "e\u0301", "!!!",
    "police arrested", "protesters", "the minister", "said", ".", ",", "\n", "\t", "👍🏽", "NATO", "Rubio",
    "<b>", "&amp;", "'", '"', "UN Security Council", "yesterday", "2025-07-31", "killed", "10,000",
]), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(TEXT, NEWSY)

VALID = {
    "a.jsonl": (json.dumps({"id": "x", "text": "Iran accused Israel of sabotage on Monday."}) + "\n").encode(),
    "a.csv": b"id,text\nx,Iran accused Israel of sabotage on Monday.\n",
    "a.html": b"<html><head><title>T</title></head><body><article><p>Iran accused Israel of sabotage on "
              b"Monday, officials said in a statement.</p></article></body></html>",
    "a.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><item><title>T</title>'
             b"<description>Iran accused Israel of sabotage on Monday.</description></item></channel></rss>",
    "a.txt": "Iran accused Israel of sabotage on Monday.".encode(),
}


def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://e.example/1", "response",
                                                  payload=io.BytesIO(VALID["a.html"]), http_headers=http))
    return buf.getvalue()


def _containers() -> dict[str, bytes]:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("inner.jsonl", VALID["a.jsonl"])
    return {"a.warc.gz": _warc(), "a.jsonl.gz": gzip.compress(VALID["a.jsonl"]), "a.zip": zipped.getvalue()}


ALL_VALID = {**VALID, **_containers()}


def read_all(tmp_path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    assert items, "a file gives documents or reported skips, never nothing"
    for item in items:
        assert isinstance(item, (Document, RecordError))
        if isinstance(item, Document):
            assert item.text.strip() and isinstance(item.id, str)
    return items


# -- readers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ALL_VALID))
def test_readers_survive_any_bytes(tmp_path_factory, name):
    @FUZZ
    @given(data=st.binary(max_size=4000))
    def run(data: bytes) -> None:
        read_all(tmp_path_factory.mktemp("b"), name, data)

    run()


@pytest.mark.parametrize("name", sorted(ALL_VALID))
def test_readers_survive_cuts_and_corruption(tmp_path_factory, name):
    valid = ALL_VALID[name]

    @FUZZ
    @given(cut=st.integers(0, len(valid)), at=st.integers(0, len(valid)), junk=st.binary(max_size=64))
    def run(cut: int, at: int, junk: bytes) -> None:
        damaged = (valid[:at] + junk + valid[at:])[:cut + len(junk)]
        read_all(tmp_path_factory.mktemp("c"), name, damaged)

    run()


@pytest.mark.parametrize("name", ["a.jsonl", "a.csv", "a.html", "a.rss", "a.txt"])
def test_readers_survive_any_text_inside_a_valid_shape(tmp_path_factory, name):
    @FUZZ
    @given(text=ANY_TEXT)
    def run(text: str) -> None:
        if name == "a.jsonl":
            data = json.dumps({"id": text[:20], "text": text, "pub_date": text[:10]}).encode()
        elif name == "a.csv":
            data = ('id,text\n1,"' + text.replace('"', '""') + '"\n').encode("utf-8", "surrogatepass")
        elif name == "a.html":
            data = f"<html><body><article><p>{text}</p></article></body></html>".encode("utf-8", "surrogatepass")
        elif name == "a.rss":
            data = (f'<?xml version="1.0"?><rss version="2.0"><channel><item><title>{text}</title>'
                    f"<description>{text}</description></item></channel></rss>").encode("utf-8", "surrogatepass")
        else:
            data = text.encode("utf-8", "surrogatepass")
        read_all(tmp_path_factory.mktemp("t"), name, data)

    run()


def test_deeply_nested_html_is_read_or_skipped(tmp_path):
    nested = "<div>" * 100_000 + "<p>Iran accused Israel of sabotage on Monday, officials said.</p>" + "</div>" * 100_000
    read_all(tmp_path, "deep.html", nested.encode())


# -- resolver and coder ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def check_events():
    def check(text: str, events) -> None:
        for e in events:
            assert e.event in CATEGORIES
            rec = e.to_dict()
            json.dumps(rec)  # the record is always JSON
            for a in (*e.actor, *e.recipient):
                assert 0 <= a.start < a.end <= len(text) and text[a.start:a.end] == a.text
            for m in e.mentions:
                assert 0 <= m.start <= m.trigger_start < m.trigger_end <= m.end <= len(text)
    return check


def test_the_coder_survives_any_text(pipeline, check_events):
    @FUZZ
    @given(text=ANY_TEXT, pub=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31))))
    # found by the 10,000-example run: an actor over the line break that joins two kept sentences
    # in the prefilter's reduced text kept the reduced text's words, not the original's
    @example(text="0:ACCUSE\n Iran aCCuse?\r0", pub=None)
    def run(text: str, pub: date | None) -> None:
        check_events(text, pipeline.code(Document("fuzz", text, pub)))

    run()


def test_the_resolver_survives_any_text(pipeline):
    @FUZZ
    @given(text=ANY_TEXT, when=st.one_of(st.none(), st.dates()))
    def run(text: str, when: date | None) -> None:
        (_, _, found), = list(pipeline.resolve([("1", text, when)]))
        for a in found:
            assert 0 <= a.start <= a.end <= len(text)

    run()


def test_a_10_mb_document_is_coded_within_bounds(pipeline, tmp_path, check_events):
    import resource

    paragraph = ("Iran accused Israel of sabotage at a power station on Monday, officials said. "
                 "Kenya and Tanzania signed a border agreement in Arusha. ")
    path = tmp_path / "big.txt"
    path.write_text(paragraph * (10_000_000 // len(paragraph) + 1), encoding="utf-8")
    (doc,) = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    assert len(doc.text) >= 10_000_000
    events = pipeline.code(doc)
    check_events(doc.text, events)
    assert events and max(m.end for e in events for m in e.mentions) <= MAX_CHARS  # coded up to the cap
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 4 * 1024 * 1024  # KB: under 4 GB


# -- the API -----------------------------------------------------------------------------------

def test_the_api_answers_any_document_with_2xx_or_json_4xx(pipeline, tmp_path):
    from fastapi.testclient import TestClient

    from parley.api import create_app
    from parley.api.app import Limit

    with TestClient(create_app(tmp_path / "f.duckdb", pipeline=pipeline, api_key="",
                               writes=Limit(0, 0), reads=Limit(0, 0))) as client:
        @FUZZ
        @given(text=ANY_TEXT, kind=st.sampled_from(["json", "plain", "raw"]), raw=st.binary(max_size=300))
        def run(text: str, kind: str, raw: bytes) -> None:
            if kind == "json":
                r = client.post("/v1/documents?store=false", json={"text": text, "id": text[:30]})
            elif kind == "plain":
                r = client.post("/v1/documents?store=false", content=text.encode("utf-8", "surrogatepass"),
                                headers={"content-type": "text/plain"})
            else:
                r = client.post("/v1/documents?store=false", content=raw, headers={"content-type": "application/json"})
            assert r.status_code < 500
            assert r.headers["content-type"].startswith("application/json")
            if r.status_code >= 400:
                assert r.json()["error"]
            r = client.get("/v1/events", params={"actor": text[:200], "text": text[:200]})
            assert r.status_code in {200, 422}

        run()
