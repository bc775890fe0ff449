import socket
from datetime import date

import pytest

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ministers agree on river commission | Lakeside Courier</title>
<meta property="og:title" content="Ministers agree on river commission">
<meta property="og:site_name" content="Lakeside Courier">
<meta property="article:published_time" content="2023-09-14T08:30:00Z">
<link rel="canonical" href="https://courier.example.org/2023/09/river-commission">
<script>var tracking = "ignore me";</script>
</head><body>
<nav><ul><li><a href="/">Front page</a></li><li><a href="/region">Region</a></li></ul></nav>
<article>
<h1>Ministers agree on river commission</h1>
<p>The water ministers of Laos and Cambodia agreed on Thursday to set up a joint commission to manage
fishing along their shared stretch of the Mekong, a government spokesman said.</p>
<p>The commission will meet twice a year and report to both cabinets, according to a statement
released after the talks in Vientiane.</p>
</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer>
</body></html>
"""


def test_main_text_title_date_url_and_site_name(tmp_path, read):
    p = tmp_path / "river-commission.html"
    p.write_text(ARTICLE, encoding="utf-8")
    docs, errors = read(p)
    assert not errors and len(docs) == 1
    doc = docs[0]
    assert doc.id == "river-commission"
    assert "joint commission to manage" in doc.text and "talks in Vientiane" in doc.text
    assert "Front page" not in doc.text and "newsletter" not in doc.text and "tracking" not in doc.text
    assert doc.title == "Ministers agree on river commission"
    assert doc.pub_date == date(2023, 9, 14)
    assert doc.url == "https://courier.example.org/2023/09/river-commission"
    assert doc.publisher == "Lakeside Courier"


def test_htm_suffix_and_a_page_without_metadata(tmp_path, read):
    p = tmp_path / "bare.htm"
    p.write_text("<html><body><div><p>Delegates from Ghana and Togo discussed border trade on Monday, "
                 "the two foreign ministries said in a joint statement issued in Lome.</p></div></body></html>",
                 encoding="utf-8")
    docs, errors = read(p)
    assert not errors and docs[0].id == "bare"
    assert docs[0].text.startswith("Delegates from Ghana and Togo")
    assert docs[0].pub_date is None and docs[0].url is None


def test_a_page_with_no_text_is_a_record_error(tmp_path, read):
    p = tmp_path / "gallery.html"
    p.write_text("<html><head><title></title><style>body{}</style></head><body><img src='a.jpg'>"
                 "<script>document.write('x')</script></body></html>", encoding="utf-8")
    docs, errors = read(p)
    assert not docs and [e.reason for e in errors] == ["no text in HTML"]


def test_an_empty_html_file_is_a_record_error(tmp_path, read):
    p = tmp_path / "empty.html"
    p.write_bytes(b"  \n")
    docs, errors = read(p)
    assert not docs and [e.reason for e in errors] == ["empty input"]


def test_legacy_encoding_declared_in_the_page(tmp_path, read):
    p = tmp_path / "old.html"
    p.write_bytes(("<html><head><meta charset='windows-1252'></head><body><article><p>Le ministre a "
                   "rencontr\xe9 son homologue \xe0 Qu\xe9bec pour discuter de la s\xe9curit\xe9 "
                   "r\xe9gionale et des \xe9changes commerciaux.</p></article></body></html>").encode("cp1252"))
    docs, errors = read(p)
    assert not errors and "rencontré son homologue à Québec" in docs[0].text


def test_nothing_is_fetched_over_the_network(tmp_path, read, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use in a test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    p = tmp_path / "links.html"
    # URLs everywhere htmldate and trafilatura look: canonical, og:url, links, the text itself
    p.write_text(ARTICLE.replace("<article>", "<article><p><a href='https://courier.example.org/more'>"
                                              "https://courier.example.org/more</a></p>")
                 .replace("<head>", "<head><meta property='og:url' content='https://courier.example.org/x'>"),
                 encoding="utf-8")
    docs, errors = read(p)
    assert not errors and docs and not attempts


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.xhtml"])
def test_suffixes_are_html(tmp_path, read, name):
    p = tmp_path / name
    p.write_text(ARTICLE, encoding="utf-8")
    docs, _ = read(p)
    assert docs[0].title == "Ministers agree on river commission"
