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
    # a span of days is its first day, across a month's and a year's end
    ("from May 19-21", "2025-06-01", (date(2025, 5, 19), "day")),
    ("the night of October 16-17", "2025-10-20", (date(2025, 10, 16), "day")),
    ("on 30 and 31 December", "2026-01-02", (date(2025, 12, 30), "day")),
    ("from January 30 to February 2", "2025-02-05", (date(2025, 1, 30), "day")),
    ("Jan. 30-Feb. 2", "2025-02-05", (date(2025, 1, 30), "day")),
    ("December 31-January 2", "2026-01-03", (date(2025, 12, 31), "day")),
    ("22-24 October 2024", "2025-01-01", (date(2024, 10, 22), "day")),
    # more ways of saying the day before publication, or the publication day
    ("late last evening", "2025-03-01", (date(2025, 2, 28), "day")),
    ("earlier in the day", "2025-03-01", (date(2025, 3, 1), "day")),
    # "earlier last week" is last week; across the year's end
    ("Earlier last week", "2025-01-02", (date(2024, 12, 23), "week")),
    ("later last month", "2025-01-10", (date(2024, 12, 1), "month")),
    ("this Thursday", "2025-03-05", (date(2025, 3, 6), "day")),          # of this week: to come
    ("this Monday", "2025-03-05", (date(2025, 3, 3), "day")),            # of this week: past
    ("on Wednesday last week", "2025-01-02", (date(2024, 12, 25), "day")),  # across the year's end
    ("Friday of next week", "2025-03-05", (date(2025, 3, 14), "day")),
    ("this past weekend", "2025-09-03", (date(2025, 8, 25), "week")),
    ("at the end of February", "2025-03-05", (date(2025, 2, 1), "month")),
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


def test_finding_spans_holidays_and_months_that_name_a_thing():
    nlp = spacy.blank("en")
    doc = nlp("Leaders met from May 19-21 and again on 17 and 18 September, after the June summit "
              "and before New Year's Eve. The May elections were held on Christmas Island.")
    assert [s.text for s in find_dates(doc)] == ["May 19-21", "17 and 18 September", "June", "New Year's Eve", "May"]
    assert not find_dates(nlp("The March for Peace drew crowds; they may march again."))
    assert not find_dates(nlp("A car drove into a Christmas market during the Easter holidays."))
    assert [s.text for s in find_dates(nlp("Shops shut at Christmas and on Easter Monday."))] == ["Christmas", "Easter Monday"]


@pytest.mark.parametrize("text,pub,want", [
    ("from May 19-21", "2023-05-20", date(2023, 5, 19)),          # under way: this one
    ("from May 19-21", "2023-05-22", date(2024, 5, 19)),          # over: the next
    ("December 30 to January 2", "2026-01-01", date(2025, 12, 30)),  # under way across the year's end
])
def test_a_span_to_come_that_has_begun_is_the_one_under_way(text, pub, want):
    assert resolve_date(text, date.fromisoformat(pub), ahead=True) == (want, "day")


def test_the_nth_day_of_a_multi_day_event():
    from parley.time.phrases import nth_day

    start = date(2024, 2, 28)  # a leap year: the third day is February 29... and March 1
    assert nth_day("on the second day", start, 3) == date(2024, 2, 29)
    assert nth_day("its final day", start, 3) == date(2024, 3, 1)
    assert nth_day("the fifth day", start, 3) is None


@pytest.mark.parametrize("text,pub,ahead,want", [
    ("on the 18th", "2025-03-02", False, date(2025, 2, 18)),
    ("on the 31st", "2025-03-02", False, date(2025, 1, 31)),   # February has none
    ("on the 29th", "2024-03-01", False, date(2024, 2, 29)),   # a leap year's
    ("on the 30th", "2025-01-02", False, date(2024, 12, 30)),  # across the year's end
    ("on the 2nd", "2025-12-30", True, date(2026, 1, 2)),
])
def test_a_day_of_the_month_alone(text, pub, ahead, want):
    assert resolve_date(text, date.fromisoformat(pub), ahead=ahead) == (want, "day")


def test_a_day_of_the_month_is_found_only_as_a_date():
    nlp = spacy.blank("en")
    assert [s.text for s in find_dates(nlp("Talks resumed on the 18th, officials said."))] == ["on the 18th"]
    assert not find_dates(nlp("He lives on the 5th floor.")) and not find_dates(nlp("in the 18th century"))


def test_the_previous_evening_counts_from_the_day_named():
    assert is_anaphoric("the previous evening") and is_anaphoric("the night before")
    assert resolve_relative("the previous evening", date(2025, 3, 1)) == (date(2025, 2, 28), "day")
    nlp = spacy.blank("en")
    assert [s.text for s in find_dates(nlp("They met on Wednesday last week, and the previous evening."))] == [
        "Wednesday last week", "the previous evening"]

