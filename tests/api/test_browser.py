"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright, against
``parley serve`` started as a user starts it. Screenshots go to test-artifacts/screenshots/."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = ROOT / "test-artifacts" / "screenshots"
# as root in a container, with no network: no sandbox, no background connections
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (the README's test "
                                                         "command installs it: scripts/install-test-deps)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(dedup_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.duckdb"
    shutil.copy(dedup_db, db)
    port = free_port()
    env = {**os.environ, "PARLEY_API_KEY": ""}
    proc = subprocess.Popen([sys.executable, "-m", "parley", "serve", "--port", str(port), "--db", str(db)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as r:
                if json.load(r)["status"] == "ok":
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"parley serve did not start: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.5)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.errors = errors
        yield page
        browser.close()


def test_pasting_the_seed_article_shows_the_meeting(server, page, shared):
    seed = json.loads((shared / "examples" / "seed_article.jsonl").read_text(encoding="utf-8").splitlines()[0])
    page.goto(server + "/")
    page.fill("#text", seed["text"])
    page.fill("#pub-date", seed["pub_date"])
    page.click("#code-btn")
    page.wait_for_selector("#coded-events .event")
    meeting = page.locator('#coded-events .event[data-category="CONSULT"]', has_text="Washington")
    assert meeting.count() >= 1
    assert "2025-07-31" in meeting.first.locator(".when-where").inner_text()
    # South Korea and the United States highlighted in the text
    assert page.locator('#doc-view mark.actor[data-country="KOR"]').count() >= 1
    assert page.locator('#doc-view mark.actor[data-country="USA"]').count() >= 1
    assert page.locator("#doc-view mark.trigger").count() >= 1
    page.screenshot(path=str(SHOTS / "code-seed-article.png"), full_page=True)
    assert not page.errors, page.errors


def test_event_browser_event_page_timeline_and_network(server, page):
    page.goto(server + "/#/events")
    page.fill('#filter-form input[name="actor"]', "IRN")
    page.click("#filter-form button")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 6")
    page.screenshot(path=str(SHOTS / "events.png"), full_page=True)
    page.click("#events-table tbody tr a")
    page.wait_for_selector("#sources li")
    assert page.locator("#sources li").count() == 6  # six outlets reported the accusation
    assert page.locator("#event-detail .evidence mark.trigger").inner_text() == "accused"
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)
    page.goto(server + "/#/dyads")
    page.wait_for_selector("#timeline svg rect.bar")
    assert page.locator("#dyad-table tbody tr").count() >= 8
    page.screenshot(path=str(SHOTS / "dyads.png"), full_page=True)
    page.goto(server + "/#/network")
    page.wait_for_selector("#network svg circle.node")
    assert page.locator("#network svg line.edge").count() >= 5
    page.screenshot(path=str(SHOTS / "network.png"), full_page=True)
    assert not page.errors, page.errors


def test_markup_in_an_article_is_shown_not_run(server, page):
    page.goto(server + "/")
    page.fill("#text", 'Iran accused Israel. <img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>')
    page.uncheck("#store")
    page.click("#code-btn")
    page.wait_for_selector("#coded-events .event")
    assert page.title() == "parley" and "<script>" in page.inner_text("#doc-view")
