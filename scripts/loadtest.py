"""A bounded load test of ``parley serve`` on loopback: a fixed number of requests from a fixed
number of concurrent clients, a mix of what the dashboard and scripts ask, latencies recorded.

It ends by itself: every request has a timeout, and the run is the requests it was given. The
server is started as a user starts it (``parley serve``) on a free port with its own store.
A developer's tool, apart from the product (figures in docs/benchmarks.md):

    .venv/bin/python scripts/loadtest.py [--corpus PATH] [--requests 500] [--concurrency 8] [--json]
"""
from __future__ import annotations

import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["LoadResult", "serve", "run_load", "percentile"]

TIMEOUT = 60.0


@dataclass(frozen=True)
class LoadResult:
    requests: int
    concurrency: int
    errors: int
    seconds: float
    by_kind: dict[str, dict[str, float]] = field(default_factory=dict)  # kind → n, p50_ms, p95_ms
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    error_examples: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"requests": self.requests, "concurrency": self.concurrency, "errors": self.errors,
                "seconds": self.seconds, "requests_per_s": round(self.requests / self.seconds, 1) if self.seconds else 0,
                "p50_ms": self.p50_ms, "p95_ms": self.p95_ms, "by_kind": self.by_kind,
                "error_examples": list(self.error_examples)}


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank: a latency some request actually had."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(db: Path | None = None, startup_timeout: float = 180.0, env: Mapping[str, str] | None = None,
          log: Path | None = None) -> Iterator[str]:
    """``parley serve`` in a subprocess on a free loopback port; yields its base URL. ``env``
    adds to the server's environment; its output (uvicorn's log) goes to ``log``."""
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        log = log or Path(tmp) / "serve.log"
        # by default the server's own capacity is measured: no API key, no rate limits
        env = {**os.environ, "PARLEY_API_KEY": "", "PARLEY_WRITE_LIMIT": "0", "PARLEY_READ_LIMIT": "0", **(env or {})}
        with open(log, "wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--port", str(port),
                                     "--db", str(db or Path(tmp) / "load.duckdb")],
                                    stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                try:
                    status, _ = _request(http.client.HTTPConnection("127.0.0.1", port, timeout=2), "GET", "/healthz")
                    if status == 200:
                        break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = log.read_text(encoding="utf-8", errors="replace")[-1000:]
                    raise RuntimeError(f"parley serve did not start on port {port}: {err}")
                time.sleep(0.5)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _request(conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None,
             content_type: str = "application/json") -> tuple[int, bytes]:
    headers = {"Content-Type": content_type} if body is not None else {}
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def _plan(texts: Sequence[str], codes: Sequence[str], event_ids: Sequence[str], n: int,
          seed: int) -> list[tuple[str, str, str, bytes | None]]:
    """``n`` requests: (kind, method, path, body), the dashboard's mix, reproducible from ``seed``."""
    rnd = random.Random(seed)
    plan = []
    for i in range(n):
        r = rnd.random()
        if r < 0.10 and texts:
            body = json.dumps({"id": f"load-{seed}-{i}", "text": rnd.choice(texts), "pub_date": "2025-06-01"})
            plan.append(("post_document", "POST", "/v1/documents", body.encode()))
        elif r < 0.55:
            params = {"limit": str(rnd.choice([10, 50, 100]))}
            if codes and rnd.random() < 0.7:
                params[rnd.choice(["actor", "recipient", "country"])] = rnd.choice(codes)
            if rnd.random() < 0.3:
                params["category"] = rnd.choice(["ACCUSE", "CONSULT", "ASSAULT", "SUPPORT", "AGREE", "PROTEST"])
            plan.append(("events", "GET", "/v1/events?" + urllib.parse.urlencode(params), None))
        elif r < 0.70 and event_ids:
            plan.append(("event", "GET", "/v1/events/" + urllib.parse.quote(rnd.choice(event_ids)), None))
        elif r < 0.85:
            params = {"by": rnd.choice(["day", "week", "month"])}
            if codes and rnd.random() < 0.5:
                params["actor"] = rnd.choice(codes)
            plan.append(("dyads", "GET", "/v1/dyads?" + urllib.parse.urlencode(params), None))
        elif r < 0.93:
            plan.append(("network", "GET", "/v1/network", None))
        else:
            plan.append(("health", "GET", "/healthz", None))
    return plan


def run_load(base: str, texts: Sequence[str], requests: int = 500, concurrency: int = 8, seed: int = 1,
             warmup: int = 20) -> LoadResult:
    """Post ``warmup`` documents, then send ``requests`` requests from ``concurrency`` clients."""
    url = urllib.parse.urlparse(base)
    host, port = url.hostname or "127.0.0.1", url.port or 80

    def connect() -> http.client.HTTPConnection:
        return http.client.HTTPConnection(host, port, timeout=TIMEOUT)

    conn = connect()
    for i, text in enumerate(texts[:warmup]):
        _request(conn, "POST", "/v1/documents", json.dumps({"id": f"warm-{i}", "text": text,
                                                             "pub_date": "2025-06-01"}).encode())
    page = json.loads(_request(conn, "GET", "/v1/events?limit=500")[1])
    conn.close()
    event_ids = [e["event_id"] for e in page["items"]]
    codes = sorted({a["country"] for e in page["items"] for a in e["actor"] + e["recipient"] if a.get("country")})
    plan = _plan(texts, codes, event_ids, requests, seed)
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    cursor = iter(range(len(plan)))

    def worker() -> None:
        c = connect()
        while True:
            with lock:
                i = next(cursor, None)
            if i is None:
                break
            kind, method, path, body = plan[i]
            start = time.perf_counter()
            try:
                status, payload = _request(c, method, path, body)
                ok = 200 <= status < 300
                why = f"{method} {path}: {status} {payload[:200]!r}"
            except (OSError, http.client.HTTPException) as exc:
                ok, why = False, f"{method} {path}: {type(exc).__name__}: {exc}"
                c.close()
                c = connect()
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.setdefault(kind, []).append(elapsed)
                if not ok:
                    errors.append(why)
        c.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    every = [v for vs in latencies.values() for v in vs]
    return LoadResult(
        requests=len(every), concurrency=concurrency, errors=len(errors), seconds=round(seconds, 2),
        by_kind={k: {"n": len(v), "p50_ms": round(percentile(v, 50), 1), "p95_ms": round(percentile(v, 95), 1)}
                 for k, v in sorted(latencies.items())},
        p50_ms=round(percentile(every, 50), 1), p95_ms=round(percentile(every, 95), 1),
        error_examples=tuple(errors[:5]))


def main(argv: Sequence[str] | None = None) -> None:
    """Load-test a fresh ``parley serve`` with texts from a corpus; exit 1 if any request failed."""
    import argparse

    from parley.measure.bench import load_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/train/synthetic_events_2023-10-19.csv.zip"))
    ap.add_argument("--requests", type=int, default=500)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--json", action="store_true", help="one JSON object")
    args = ap.parse_args(argv)
    texts = [d.text for d in load_corpus(args.corpus, 200)]
    with serve() as base:
        result = run_load(base, texts, requests=args.requests, concurrency=args.concurrency)
    out = result.to_dict()
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{out['requests']} requests, {args.concurrency} concurrent, {out['seconds']} s "
              f"({out['requests_per_s']}/s): {out['errors']} errors; p50 {out['p50_ms']} ms, p95 {out['p95_ms']} ms")
        for kind, v in out["by_kind"].items():
            print(f"  {kind:<14} {v['n']:>5}  p50 {v['p50_ms']:>8} ms  p95 {v['p95_ms']:>8} ms")
        for example in out["error_examples"]:
            print(f"  error: {example}")
    sys.exit(1 if result.errors else 0)


if __name__ == "__main__":
    main()
