"""Named days of the year ("Christmas Day", "New Year's Eve", "Easter Sunday") as dates.

Easter and the days counted from it come from ``dateutil.easter`` (python-dateutil, which
dateparser already brings). The rest are written here on purpose: they are fixed calendar days
(December 25) or a rule of one line (the fourth Thursday of November), which no library is
needed for. The ``holidays`` package (PyPI) knows them too, but only as one country's public
holidays (its "Christmas Eve" is Estonia's or Czechia's day off), and it would be a 13 MB
dependency for a table of a dozen lines. Days of lunar calendars (Eid al-Fitr, the Lunar New
Year, Yom Kippur) are not resolved: that is where such a library would be needed.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

__all__ = ["HOLIDAY", "holiday_date"]


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int, method: int = EASTER_WESTERN) -> Callable[[int], date]:
    return lambda year: easter(year, method) + timedelta(days=days)


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (the United States')."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


# the lower-cased name, with "'s" and "day" spelt as news spells them -> the day in a given year
DAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": _fixed(12, 24), "christmas day": _fixed(12, 25), "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26), "new year's eve": _fixed(12, 31), "new year's day": _fixed(1, 1),
    "orthodox christmas": _fixed(1, 7), "orthodox christmas day": _fixed(1, 7),
    "good friday": _from_easter(-2), "easter": _from_easter(0), "easter sunday": _from_easter(0),
    "easter monday": _from_easter(1), "orthodox easter": _from_easter(0, EASTER_ORTHODOX),
    "thanksgiving": _thanksgiving, "thanksgiving day": _thanksgiving,
}
# the names in text, longest first ("Christmas Day" before "Christmas")
HOLIDAY = r"(?:" + "|".join(re.escape(n).replace("'", "['’]?").replace(r"\ ", r"\s+")
                            for n in sorted(DAYS, key=len, reverse=True)) + r")"


def holiday_date(name: str, base: date, ahead: bool = False) -> date | None:
    """The day ``name`` names: the latest on or before ``base`` (the publication date), or the
    earliest on or after it when the clause speaks of what is to come; None if it names none."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'")).replace("new years", "new year's")
    day = DAYS.get(key)
    if day is None:
        return None
    for year in ((base.year, base.year + 1) if ahead else (base.year, base.year - 1)):
        d = day(year)
        if (d >= base) if ahead else (d <= base):
            return d
    return None
