"""Screenshots of the dashboard for docs/ (docs/dashboard-*.png), from a store filled by coding
the repository's examples and test corpora, served by `parley serve` and shown in Debian's
Chromium driven by Playwright. tests/api/test_browser.py starts its browser with the same function,
and both start the server with scripts/loadtest.py's.

    python scripts/dashboard_shots.py [--out docs]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from loadtest import serve  # `parley serve` on a free port, as a user starts it

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# as root in a container, with no network: no sandbox, no background connections
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
# what the screenshots show: real news of 2023-2025 (gaps of months between them), the
# deduplication corpus, and the examples
INPUTS = ["tests/data/real_news.jsonl", "tests/data/dedup_corpus.jsonl", "examples/article.jsonl"]


@contextmanager
def browser_page(width: int = 1400, height: int = 1000) -> Iterator[Any]:
    """A page of headless Chromium; ``page.errors`` collects page errors and console errors."""
    from playwright.sync_api import sync_playwright

    if CHROMIUM is None:
        raise RuntimeError("Debian chromium is not installed (scripts/install-test-deps installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.errors = errors
        try:
            yield page
        finally:
            browser.close()


def wait_for_dashboard(page: Any, loads: int) -> None:
    """Wait until the dashboard has drawn ``loads`` times (its view's data-loads)."""
    page.wait_for_function(f"Number(document.querySelector('#view-dashboard').dataset.loads || 0) >= {loads} "
                           "&& document.querySelector('#view-dashboard').dataset.state === 'ready'")


def shoot(base: str, out: Path) -> list[Path]:
    """The whole dashboard, then each view's panel, months on the time axis."""
    shots = []
    with browser_page() as page:
        page.goto(base + "/#/dashboard")
        wait_for_dashboard(page, 1)
        page.wait_for_timeout(500)
        for name, selector in (("", "main"), ("-timeline", "#timeline-chart"), ("-map", "#map-chart"),
                               ("-network", "#network-chart")):
            path = out / f"dashboard{name}.png"
            target = page.locator(selector)
            (target if selector == "main" else target.locator("xpath=..")).screenshot(path=str(path))
            shots.append(path)
        if page.errors:
            raise RuntimeError(f"the page reported errors: {page.errors}")
    return shots


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs", help="where the PNG files go (default docs/)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "shots.duckdb"
        subprocess.run([sys.executable, "-m", "parley", "code", *INPUTS, "--db", str(db)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        with serve(db) as base:
            for path in shoot(base, args.out):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
