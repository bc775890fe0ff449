import io
from datetime import date

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, paragraph: str, head: str = "") -> bytes:
    return (f"<html><head><title>{title}</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1><p>{paragraph}</p></article></body></html>").encode("utf-8")


PAGES = [
    ("https://daily.example.org/news/1", "Ceasefire holds",
     "A ceasefire between the two militias held for a third day on Friday, local officials in the "
     "province said, as aid convoys reached the besieged town.", "", "2024-06-07T12:00:00Z"),
    ("https://daily.example.org/news/2", "Minister resigns",
     "The transport minister resigned on Wednesday after weeks of protests over rail fares, the "
     "prime minister's office announced in a brief statement.",
     '<meta name="date" content="2024-06-05">', "2024-06-08T09:30:00Z"),
]


def write_warc(path, gz=True, extra=()):
    """2 HTML responses, a request, a non-HTML response, a redirect, and ``extra`` responses;
    returns the record ids of the HTML pages, in order."""
    ids = []
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gz)

        def response(url, payload, content_type="text/html; charset=utf-8", status="200 OK",
                     when="2024-06-07T12:00:00Z"):
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict={"WARC-Date": when})
            writer.write_record(record)
            return record.rec_headers.get_header("WARC-Record-ID").strip("<>")

        url, title, text, head, when = PAGES[0]
        ids.append(response(url, page(title, text, head), when=when))
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b"GET /news/1 HTTP/1.1\r\nHost: daily.example.org\r\n\r\n"),
            warc_content_type="application/http; msgtype=request"))
        response("https://daily.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", content_type="image/png")
        url, title, text, head, when = PAGES[1]
        ids.append(response(url, page(title, text, head), when=when))
        response("https://daily.example.org/old", page("Moved", "This page has moved."),
                 status="301 Moved Permanently")
        for url, payload in extra:
            ids.append(response(url, payload))
    return ids


@pytest.mark.parametrize("name, gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_documents_and_other_records_are_skipped(tmp_path, read, name, gz):
    p = tmp_path / name
    ids = write_warc(p, gz=gz)
    docs, errors = read(p)
    assert not errors
    assert [d.id for d in docs] == ids and all(i.startswith("urn:uuid:") for i in ids)
    assert [d.url for d in docs] == [PAGES[0][0], PAGES[1][0]]
    assert [d.title for d in docs] == ["Ceasefire holds", "Minister resigns"]
    assert "aid convoys reached the besieged town" in docs[0].text and "Home" not in docs[0].text
    # the crawl date when the page has none; the page's own date when it has one
    assert [d.pub_date for d in docs] == [date(2024, 6, 7), date(2024, 6, 5)]


def test_an_html_response_without_text_is_a_record_error_with_its_record_id(tmp_path, read):
    p = tmp_path / "crawl.warc.gz"
    ids = write_warc(p, extra=[("https://daily.example.org/blank", b"<html><body><img src='x.jpg'></body></html>")])
    docs, errors = read(p)
    assert len(docs) == 2
    assert [(e.record_id, e.reason) for e in errors] == [(ids[2], "no text in HTML")]


@pytest.mark.parametrize("name, gz", [("cut.warc.gz", True), ("cut.warc", False)])
def test_a_truncated_archive_gives_the_records_before_and_a_record_error(tmp_path, read, name, gz):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    ids = write_warc(whole, gz=gz)
    data = whole.read_bytes()
    cut = tmp_path / name
    cut.write_bytes(data[: len(data) * 2 // 3])  # inside the second page's record
    docs, errors = read(cut)
    assert [d.id for d in docs] == ids[:1]
    assert len(errors) == 1 and errors[0].record_id is None
    assert errors[0].reason.startswith("truncated or corrupt WARC after 3 records")


@pytest.mark.parametrize("fraction", [0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.98])
def test_no_cut_is_ever_silent_or_a_crash(tmp_path, read, fraction):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * fraction)])
    docs, errors = read(cut)
    assert errors and errors[-1].reason.startswith("truncated or corrupt WARC after")


@pytest.mark.parametrize("content", [b"\x8b\x1f not a gzip stream \x00\x01" * 20,
                                     b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"])
def test_garbage_named_warc_gz_is_a_record_error(tmp_path, read, content):
    p = tmp_path / "garbage.warc.gz"
    p.write_bytes(content)
    docs, errors = read(p)
    assert not docs and len(errors) == 1
    assert errors[0].reason.startswith("truncated or corrupt WARC after 0 records")


def test_gzipped_text_that_is_not_a_warc(tmp_path, read):
    import gzip
    p = tmp_path / "text.warc.gz"
    p.write_bytes(gzip.compress(b"Just some text, not an archive.\n" * 5))
    docs, errors = read(p)
    assert not docs and errors[0].reason.startswith("truncated or corrupt WARC after 0 records: Invalid WARC")


def test_an_empty_warc(tmp_path, read):
    p = tmp_path / "empty.warc"
    p.write_bytes(b"")
    docs, errors = read(p)
    assert not docs and [e.reason for e in errors] == ["empty input"]
