"""Dates: parley's own 217 date expressions (tests/data/dates.tsv) resolved against their
publication dates; accuracy is printed and held to a floor. Also the date of an event's clause."""
import csv
from datetime import date
from pathlib import Path

import pytest

from parley.time.phrases import resolve_date

DATA = Path(__file__).parent / "data" / "dates.tsv"


def cases() -> list[dict[str, str]]:
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_date_expressions(capsys):
    rows = cases()
    assert len(rows) >= 150
    wrong = []
    for r in rows:
        got = resolve_date(r["expression"], date.fromisoformat(r["pub_date"]))
        want = None if r["precision"] == "none" else (date.fromisoformat(r["date"]), r["precision"])
        if got != want:
            wrong.append(f"{r['expression']!r} ({r['pub_date']}): want {want}, got {got}")
    ok = len(rows) - len(wrong)
    with capsys.disabled():
        print(f"\ndate expressions: {ok}/{len(rows)} right ({ok / len(rows):.3f})")
    assert ok / len(rows) >= 0.95, wrong


def test_no_publication_date_only_fixes_dates_with_a_year():
    assert resolve_date("July 31", None) is None
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("July 31, 2025", None) == (date(2025, 7, 31), "day")


@pytest.mark.parametrize("text", ["a 30-year-old man", "10 days of talks", "two years", "the past three weeks"])
def test_durations_and_ages_are_not_dates(text):
    assert resolve_date(text, date(2025, 8, 1)) is None


def test_event_date_comes_from_its_own_clause(code_text):
    events = code_text("Kenyan police arrested 20 protesters in Nairobi on Tuesday, a week after the "
                       "government banned rallies on July 3.", pub="2025-07-18")
    arrest = next(e for e in events if e.event == "COERCE")
    assert (arrest.date, arrest.date_precision, arrest.date_text) == (date(2025, 7, 15), "day", "Tuesday")


def test_without_a_date_the_publication_date_stands_in(code_text):
    (ev,) = code_text("Egypt accused Ethiopia of violating the Nile agreement.", pub="2025-03-02")
    assert (ev.date, ev.date_precision) == (date(2025, 3, 2), "publication")


def test_documents_without_publication_date_still_code(code_text):
    (ev,) = code_text("On May 3, 2021, Egypt accused Ethiopia of violating the Nile agreement.", pub=None)
    assert (ev.date, ev.date_precision) == (date(2021, 5, 3), "day")
    (ev,) = code_text("Egypt accused Ethiopia of violating the Nile agreement.", pub=None)
    assert ev.date is None
