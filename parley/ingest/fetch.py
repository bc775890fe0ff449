"""Fetching a feed URL without letting a URL reach into the local network (SSRF).

Every address a host resolves to must be public, unless ``PARLEY_ALLOW_PRIVATE_FEEDS=1``. The
check is made where the connection is opened, on the addresses connected to, so a redirect or
a DNS answer that changes between check and use (rebinding) is checked too. No proxies, and
only http and https: a redirect to ``file:`` or ``ftp:`` fails.
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

__all__ = ["FetchError", "fetch", "address_refusal", "check_host", "private_allowed", "ALLOW_PRIVATE_ENV"]

ALLOW_PRIVATE_ENV = "PARLEY_ALLOW_PRIVATE_FEEDS"
TIMEOUT = 20.0
MAX_BYTES = 32 * 2**20  # a feed larger than this is not a feed
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL that was refused or could not be fetched; the message says which and why."""


def private_allowed() -> bool:
    """Read at each fetch, not at import: a test or a caller may set it later."""
    return os.environ.get(ALLOW_PRIVATE_ENV) == "1"


def address_refusal(address: str | IPAddress) -> str | None:
    """Why connecting to ``address`` is refused (loopback, private, link-local, ...), or None.

    IPv6 forms that carry an IPv4 address (mapped, 6to4, NAT64) are judged by that address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (
            ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        if embedded is not None:
            why = address_refusal(embedded)
            return f"{why} (in {ip})" if why else None
    for why, flag in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                      ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                      ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return f"{why} address {ip}"
    if not ip.is_global:
        return f"non-public address {ip}"
    return None


def check_host(host: str, port: int) -> list[str]:
    """The addresses of ``host``, all allowed; FetchError when any is refused or none resolves.

    All, not only the first: a host that also resolves to 127.0.0.1 would be reached there by
    a client that falls back from a failed public address.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise FetchError(f"cannot resolve {host}")
    if not private_allowed():
        for address in addresses:
            why = address_refusal(address)
            if why:
                raise FetchError(f"refused: {host} resolves to a {why} (set {ALLOW_PRIVATE_ENV}=1 to allow)")
    return addresses


class _CheckedHTTPConnection(http.client.HTTPConnection):
    """Connects only to the addresses ``check_host`` allowed, so check and use cannot differ."""

    def connect(self) -> None:
        error: OSError | None = None
        for address in check_host(self.host, self.port):
            try:
                self.sock = socket.create_connection((address, self.port), self.timeout)
                return
            except OSError as exc:
                error = exc
        raise error or OSError(f"cannot connect to {self.host}")


class _CheckedHTTPSConnection(http.client.HTTPSConnection, _CheckedHTTPConnection):
    """TLS over the checked connection: HTTPSConnection.connect's super() is the check above,
    and the certificate is still verified against the host name."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_CheckedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):  # type: ignore[no-untyped-def]
        return self.do_open(_CheckedHTTPSConnection, req, context=ssl.create_default_context())


def _opener() -> urllib.request.OpenerDirector:
    """http and https through the checked connections, redirects followed, nothing else."""
    opener = urllib.request.OpenerDirector()
    for handler in (_HTTPHandler(), _HTTPSHandler(), urllib.request.HTTPRedirectHandler(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor(),
                    urllib.request.UnknownHandler()):
        opener.add_handler(handler)
    return opener


def fetch(url: str, timeout: float = TIMEOUT) -> tuple[bytes, dict[str, str]]:
    """The body of ``url`` and its headers (content type, final location), within ``timeout``
    seconds in all; FetchError for anything that goes wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL")
    check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"User-Agent": "parley (feed reader)",
                                                   "Accept": "application/rss+xml, application/atom+xml, "
                                                             "application/xml;q=0.9, */*;q=0.5"})
    chunks: list[bytes] = []
    size = 0
    try:
        with _opener().open(request, timeout=timeout) as response:
            # read1: whatever has arrived, so a server trickling bytes cannot outlast the deadline
            while chunk := response.read1(65536):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"larger than {MAX_BYTES // 2**20} MiB")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {timeout:g} s")
                chunks.append(chunk)
            headers = {"content-type": response.headers.get("Content-Type", ""),
                       "content-location": response.geturl()}
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        why = str(reason) if isinstance(reason, FetchError) else f"cannot fetch: {reason}"
        raise FetchError(why) from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(f"cannot fetch: {exc}") from exc
    return b"".join(chunks), headers
