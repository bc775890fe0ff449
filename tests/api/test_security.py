"""Threat-model points of docs/security.md that no other test holds: static files stay inside
their folder (5), and the API key never shows in logs or answers (7)."""
from __future__ import annotations

import asyncio
import http.client
import json
import logging
import shutil
import urllib.parse

import pytest
from fastapi.testclient import TestClient

from parley.api import create_app
from loadtest import serve

SECRET = "k3y-Zq81-never-print-me"
TEXT = "Kenya and Tanzania signed a border agreement in Arusha on Monday."


def asgi_get(app, raw_path: bytes) -> tuple[int, bytes]:
    """GET a path exactly as a client could send it (no client-side ``..`` normalisation)."""
    path = urllib.parse.unquote(raw_path.decode("latin-1"))
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": raw_path, "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    sent: list[dict] = []
    asked: list[bool] = []

    async def receive():
        if asked:  # the client stays connected until the answer is sent
            await asyncio.Event().wait()
        asked.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("raw", [
    b"/static/../app.py",
    b"/static/../../api/app.py",
    b"/static/%2e%2e/app.py",
    b"/static/%2e%2e%2fapp.py",
    b"/static/..%2f..%2fpipeline.py",
    b"/static/....//app.py",
    b"/static//etc/passwd",
    b"/static/%2fetc%2fpasswd",
    b"/static/..\\app.py",
    b"/static/%00../app.py",
])
def test_static_files_cannot_reach_outside_their_folder(pipeline, tmp_path, raw):
    app = create_app(tmp_path / "s.duckdb", pipeline=pipeline, api_key="")
    status, body = asgi_get(app, raw)
    assert status in (400, 404), (raw, status)
    assert b"def create_app" not in body and b"root:" not in body and b"import" not in body


def test_the_dashboard_files_themselves_are_served(pipeline, tmp_path):
    app = create_app(tmp_path / "s.duckdb", pipeline=pipeline, api_key="")
    status, body = asgi_get(app, b"/static/app.js")
    assert status == 200 and b"textContent" in body  # the control: the guard is not refusing everything


def test_the_api_key_is_never_in_logs_or_answers(pipeline, dedup_db, tmp_path, caplog, capsys):
    db = tmp_path / "k.duckdb"
    shutil.copy(dedup_db, db)
    caplog.set_level(logging.DEBUG)
    answers: list[str] = []
    with TestClient(create_app(db, pipeline=pipeline, api_key=SECRET), raise_server_exceptions=False) as c:
        attempts = [
            c.post("/v1/documents", json={"text": TEXT}),  # no key
            c.post("/v1/documents", json={"text": TEXT}, headers={"X-API-Key": SECRET[:-1]}),  # almost
            c.post("/v1/documents", json={"text": TEXT}, headers={"Authorization": f"Bearer {SECRET}x"}),
            c.post("/v1/documents", content=b"{not json", headers={"X-API-Key": SECRET,
                                                                    "content-type": "application/json"}),
            c.post("/v1/documents", json={"text": TEXT}, headers={"X-API-Key": SECRET}),  # right
            c.post("/v1/documents", json={"text": TEXT}, headers={"Authorization": f"Bearer {SECRET}"}),
            c.get("/healthz", headers={"X-API-Key": SECRET}),
        ]
        for r in attempts:
            answers.append(r.text + json.dumps(dict(r.headers)))
    assert [r.status_code for r in attempts[:5]] == [401, 401, 401, 422, 200]
    out = capsys.readouterr()
    for where, text in [("answers", "".join(answers)), ("logs", caplog.text),
                        ("stdout", out.out), ("stderr", out.err)]:
        assert SECRET not in text, f"the API key shows in the {where}"


def test_the_running_servers_log_has_no_key(dedup_db, tmp_path):
    db = tmp_path / "srv.duckdb"
    shutil.copy(dedup_db, db)
    log = tmp_path / "serve.log"
    with serve(db, env={"PARLEY_API_KEY": SECRET}, log=log) as base:
        port = int(base.rsplit(":", 1)[1])
        for headers in ({"X-API-Key": SECRET}, {"X-API-Key": "wrong"}, {"Authorization": f"Bearer {SECRET}"}):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/v1/documents?store=false", body=TEXT.encode(),
                         headers={**headers, "Content-Type": "text/plain"})
            response = conn.getresponse()
            assert SECRET.encode() not in response.read()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "POST /v1/documents" in text  # the access log was written: the check below means something
    assert SECRET not in text
