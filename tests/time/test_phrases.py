"""Date phrases by the reporting convention: weekdays by tense, relative dates across month and
year boundaries, phrases counted from a day the text has named, and finding phrases in text."""
from datetime import date

import pytest
import spacy

from parley.time.phrases import find_dates, is_anaphoric, resolve_date, resolve_relative


@pytest.mark.parametrize("text,pub,want", [
    # a bare weekday in a report is the last such day, across the year's end
    ("on Friday", "2025-01-01", (date(2024, 12, 27), "day")),
    ("last Tuesday", "2025-01-01", (date(2024, 12, 31), "day")),
    ("last Wednesday", "2025-01-01", (date(2024, 12, 25), "day")),
    # the publication's own weekday is the publication day (wire copy: "said on Tuesday")
    ("on Tuesday", "2025-03-04", (date(2025, 3, 4), "day")),
    ("early Tuesday", "2025-03-04", (date(2025, 3, 4), "day")),
    ("on Monday night", "2025-03-04", (date(2025, 3, 3), "day")),
    # leap years and month ends
    ("two days ago", "2024-03-01", (date(2024, 2, 28), "day")),
    ("yesterday", "2024-03-01", (date(2024, 2, 29), "day")),
    ("on Thursday", "2024-03-01", (date(2024, 2, 29), "day")),
    ("three days ago", "2025-03-01", (date(2025, 2, 26), "day")),
    # weeks and months keep their precision, across the year's end
    ("last week", "2025-01-02", (date(2024, 12, 23), "week")),
    ("last month", "2025-01-10", (date(2024, 12, 1), "month")),
    ("in December", "2025-01-15", (date(2024, 12, 1), "month")),
    ("December 30", "2025-01-03", (date(2024, 12, 30), "day")),
])
def test_past_reports(text, pub, want):
    assert resolve_date(text, date.fromisoformat(pub)) == want


@pytest.mark.parametrize("text,pub,want", [
    ("on Tuesday", "2025-03-05", date(2025, 3, 11)),  # a Wednesday: the coming Tuesday
    ("on Tuesday", "2025-03-04", date(2025, 3, 4)),   # later the same day
    ("on Friday", "2024-12-30", date(2025, 1, 3)),
    ("March 5", "2025-02-20", date(2025, 3, 5)),
    ("January 2", "2024-12-28", date(2025, 1, 2)),
])
def test_clauses_about_what_is_to_come_take_the_next_day(text, pub, want):
    base = date.fromisoformat(pub)
    assert resolve_date(text, base, ahead=True) == (want, "day")
    assert resolve_date(text, base)[0] <= base  # the same words in a report of the past


def test_a_month_to_come_is_this_years_or_next():
    assert resolve_date("in December", date(2025, 1, 15), ahead=True) == (date(2025, 12, 1), "month")
    assert resolve_date("in March", date(2025, 11, 2), ahead=True) == (date(2026, 3, 1), "month")


@pytest.mark.parametrize("text,ref,want", [
    ("two days later", date(2024, 12, 30), (date(2025, 1, 1), "day")),
    ("the next day", date(2024, 2, 28), (date(2024, 2, 29), "day")),
    ("the following morning", date(2025, 2, 28), (date(2025, 3, 1), "day")),
    ("the same day", date(2025, 5, 6), (date(2025, 5, 6), "day")),
    ("later that night", date(2025, 5, 6), (date(2025, 5, 6), "day")),
    ("a week later", date(2025, 5, 6), (date(2025, 5, 13), "day")),
    ("three days earlier", date(2025, 3, 2), (date(2025, 2, 27), "day")),
    ("the day before", date(2025, 3, 1), (date(2025, 2, 28), "day")),
    ("the following week", date(2025, 12, 31), (date(2026, 1, 5), "week")),
])
def test_phrases_counted_from_a_named_day(text, ref, want):
    assert is_anaphoric(text)
    assert resolve_relative(text, ref) == want


def test_calendar_phrases_are_not_counted_from_another_day():
    assert not is_anaphoric("on Tuesday") and not is_anaphoric("two days ago")
    assert resolve_relative("on Tuesday", date(2025, 3, 1)) is None


def test_finding_phrases():
    nlp = spacy.blank("en")
    doc = nlp("The boat was hit on Saturday, March 23, and two days later Manila protested. "
              "Ghana expelled a diplomat in December. They met that night.")
    assert [s.text for s in find_dates(doc)] == ["Saturday, March 23", "two days later", "in December", "that night"]
    assert find_dates(nlp("They may meet in May.")) and not find_dates(nlp("They may meet."))
