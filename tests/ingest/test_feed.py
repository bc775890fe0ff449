import socket
from datetime import date

import pytest

from parley.ingest import fetch as fetch_module
from parley.ingest.fetch import FetchError, address_refusal, check_host

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Harbour Gazette: World</title><link>https://gazette.example.net/</link><description>World news</description>
<item>
  <title>Fishing &amp; port talks</title>
  <link>https://gazette.example.net/a/101</link>
  <guid isPermaLink="false">gazette-101</guid>
  <pubDate>Mon, 06 May 2024 23:30:00 -0500</pubDate>
  <description>&lt;p&gt;Norway and &lt;b&gt;Iceland&lt;/b&gt; opened talks on fishing quotas.&lt;/p&gt;&lt;p&gt;A deal
  is expected &amp;amp; welcomed.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
</item>
<item>
  <title>Ferry strike ends</title>
  <link>https://gazette.example.net/a/102</link>
  <description>Dock workers in Tallinn ended their strike after a pay agreement.</description>
</item>
<item>
  <title>No link, no guid</title>
  <description>Customs officers seized a shipment at the border, police said.</description>
</item>
<item>
  <title>Headline only</title>
  <guid isPermaLink="false">gazette-104</guid>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Observer</title>
  <id>urn:example:observer</id>
  <updated>2024-02-11T09:00:00Z</updated>
  <entry>
    <title type="html">Envoy &lt;em&gt;recalled&lt;/em&gt;</title>
    <id>urn:example:observer:7</id>
    <link rel="alternate" href="https://observer.example.com/7"/>
    <updated>2024-02-11T09:00:00Z</updated>
    <summary>Short version.</summary>
    <content type="html">&lt;p&gt;Peru recalled its envoy from Bolivia on Sunday.&lt;/p&gt;&lt;p&gt;The foreign
      ministry gave no reason.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_entries_become_documents(tmp_path, read):
    p = tmp_path / "world.rss"
    p.write_text(RSS, encoding="utf-8")
    docs, errors = read(p)
    assert [d.id for d in docs[:2]] == ["gazette-101", "https://gazette.example.net/a/102"]
    assert docs[2].id.startswith("entry-") and len(docs) == 3
    first = docs[0]
    assert first.text == "Norway and Iceland opened talks on fishing quotas.\nA deal is expected & welcomed."
    assert first.title == "Fishing & port talks"
    assert first.url == "https://gazette.example.net/a/101"
    assert first.pub_date == date(2024, 5, 6)  # the date as written, not the next day in UTC
    assert first.publisher == "Harbour Gazette: World"
    assert docs[1].pub_date is None
    assert [(e.record_id, e.reason) for e in errors] == [("gazette-104", "no text")]


def test_the_hash_id_is_stable(tmp_path, read):
    p = tmp_path / "world.rss"
    p.write_text(RSS, encoding="utf-8")
    assert read(p)[0][2].id == read(p)[0][2].id


def test_atom_content_wins_over_summary(tmp_path, read):
    p = tmp_path / "observer.atom"
    p.write_text(ATOM, encoding="utf-8")
    docs, errors = read(p)
    assert not errors and len(docs) == 1
    doc = docs[0]
    assert doc.id == "urn:example:observer:7"
    assert doc.text == "Peru recalled its envoy from Bolivia on Sunday.\nThe foreign ministry gave no reason."
    assert doc.title == "Envoy recalled"
    assert doc.url == "https://observer.example.com/7"
    assert doc.pub_date == date(2024, 2, 11)
    assert doc.publisher == "Valley Observer"


def test_xml_is_read_when_it_is_a_feed(tmp_path, read):
    (tmp_path / "feed.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "catalog.xml").write_text("<?xml version='1.0'?><catalog><item>x</item></catalog>", encoding="utf-8")
    docs, errors = read(tmp_path / "feed.xml", tmp_path / "catalog.xml")
    assert [d.id for d in docs] == ["urn:example:observer:7"]
    assert [(e.source.endswith("catalog.xml"), e.reason) for e in errors] == [(True, "XML but not an RSS or Atom feed")]


@pytest.mark.parametrize("content", ["<rss version='2.0'><channel><title>Broken &",
                                     "this is not XML at all <<<",
                                     "<?xml version='1.0'?><rss><channel></item></rss>"])
def test_invalid_feed_xml_is_a_record_error(tmp_path, read, content):
    p = tmp_path / "broken.rss"
    p.write_text(content, encoding="utf-8")
    docs, errors = read(p)
    assert not docs and len(errors) == 1
    assert errors[0].reason.startswith("invalid feed XML") and errors[0].record_id is None


def test_a_valid_feed_without_entries_is_reported(tmp_path, read):
    p = tmp_path / "quiet.rss"
    p.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title></channel></rss>",
                 encoding="utf-8")
    docs, errors = read(p)
    assert not docs and [e.reason for e in errors] == ["no entries in feed"]


def test_feed_file_content_is_never_taken_for_a_path_or_url(tmp_path, read):
    secret = tmp_path / "secret.rss"
    secret.write_text(RSS, encoding="utf-8")
    p = tmp_path / "pointer.rss"
    p.write_text(str(secret), encoding="utf-8")  # feedparser would open a str it was given
    docs, errors = read(p)
    assert not docs and len(errors) == 1


# --- URLs: the address check, without touching the network ------------------------------

@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.16.5.4", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("fe80::1%eth0", "link-local"), ("fd00::5", "private"), ("0.0.0.0", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("2002:a00:1::", "private"),
    ("64:ff9b::7f00:1", "loopback"), ("100.64.0.1", "non-public"), ("224.0.0.1", "multicast"),
])
def test_private_loopback_and_link_local_addresses_are_refused(address, why):
    refusal = address_refusal(address)
    assert refusal is not None and refusal.startswith(why)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address):
    assert address_refusal(address) is None


def _resolver(*addresses):
    def getaddrinfo(host, port, *args, **kwargs):
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in addresses]
    return getaddrinfo


def test_every_address_of_a_host_is_checked(monkeypatch):
    monkeypatch.delenv("PARLEY_ALLOW_PRIVATE_FEEDS", raising=False)
    monkeypatch.setattr(socket, "getaddrinfo", _resolver("93.184.216.34", "10.0.0.7"))
    with pytest.raises(FetchError, match="private address 10.0.0.7"):
        check_host("mixed.example", 443)


def test_the_environment_variable_allows_private_addresses(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", _resolver("127.0.0.1"))
    monkeypatch.setenv("PARLEY_ALLOW_PRIVATE_FEEDS", "1")
    assert check_host("intranet.example", 80) == ["127.0.0.1"]
    monkeypatch.setenv("PARLEY_ALLOW_PRIVATE_FEEDS", "0")
    with pytest.raises(FetchError, match="loopback"):
        check_host("intranet.example", 80)


@pytest.fixture
def no_connections(monkeypatch):
    """Fails the test if anything tries to open a connection."""
    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.delenv("PARLEY_ALLOW_PRIVATE_FEEDS", raising=False)


def test_a_refused_url_is_a_record_error_and_nothing_connects(monkeypatch, read, no_connections):
    monkeypatch.setattr(socket, "getaddrinfo", _resolver("169.254.169.254"))
    docs, errors = read("http://metadata.example/latest/meta-data/")
    assert not docs and len(errors) == 1
    assert errors[0].source == "http://metadata.example/latest/meta-data/"
    assert errors[0].reason.startswith("cannot fetch feed: refused") and "link-local" in errors[0].reason


def test_an_unresolvable_host_is_a_record_error(monkeypatch, read, no_connections):
    def fail(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")
    monkeypatch.setattr(socket, "getaddrinfo", fail)
    docs, errors = read("https://nowhere.invalid/feed.xml", "https://nowhere.invalid/other.rss")
    assert not docs and [e.reason.startswith("cannot fetch feed: cannot resolve") for e in errors] == [True, True]


def test_a_fetched_feed_is_parsed_like_a_file(monkeypatch, read):
    """The fetch itself replaced (no network): what comes back is read as a feed."""
    def fake_fetch(url, timeout=20.0):
        assert timeout == 20.0
        return RSS.encode("utf-8"), {"content-type": "application/rss+xml", "content-location": url}
    monkeypatch.setattr("parley.ingest.feed.fetch", fake_fetch)
    docs, errors = read("https://gazette.example.net/world.rss")
    assert docs[0].id == "gazette-101" and docs[0].publisher == "Harbour Gazette: World"
    assert [e.reason for e in errors] == ["no text"]


def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="not an http"):
        fetch_module.fetch("file:///etc/passwd")
