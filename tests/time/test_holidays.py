"""Named days resolved against the publication date, across the year's end."""
from datetime import date

import pytest

from parley.time.holidays import holiday_date
from parley.time.phrases import resolve_date


@pytest.mark.parametrize("text,pub,want", [
    ("On Christmas Day", "2024-12-26", date(2024, 12, 25)),
    ("on Christmas Eve", "2025-01-02", date(2024, 12, 24)),   # the last one, across the year's end
    ("New Year's Eve", "2025-01-01", date(2024, 12, 31)),
    ("on New Year’s Day", "2025-01-01", date(2025, 1, 1)),    # the publication day itself
    ("New Years Day", "2024-12-31", date(2024, 1, 1)),        # not yet this year's
    ("Easter Sunday", "2025-04-22", date(2025, 4, 20)),
    ("Good Friday", "2024-04-01", date(2024, 3, 29)),
    ("Orthodox Easter", "2024-05-06", date(2024, 5, 5)),
    ("on Thanksgiving", "2025-12-01", date(2025, 11, 27)),
])
def test_a_named_day_is_the_last_on_or_before_publication(text, pub, want):
    assert resolve_date(text, date.fromisoformat(pub)) == (want, "day")


def test_a_named_day_to_come_is_the_next():
    assert resolve_date("on Christmas Eve", date(2024, 12, 26), ahead=True) == (date(2025, 12, 24), "day")
    assert holiday_date("new year's eve", date(2024, 12, 20), ahead=True) == date(2024, 12, 31)


def test_unknown_names_are_not_dates():
    assert holiday_date("independence day", date(2024, 7, 5)) is None
