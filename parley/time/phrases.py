"""Date expressions of news text resolved against the publication date.

News reports what has happened, so an expression without a year is the latest such date on or
before publication ("July 31" in an article of 2025-08-01 is 2025-07-31; "Tuesday" in an article
of Friday 2025-08-01 is 2025-07-29; the publication weekday itself is the publication day),
unless it says it is ahead ("next week", "tomorrow"). Results carry their precision:

    day     that day
    week    the Monday of that ISO week ("last week")
    month   the first day of the month ("in March", "mid-August")
    year    January 1 ("last year", "in late 2023")
    before  the event happened on or before that day ("recently": the day before publication)

The common forms are resolved by the rules here; anything else goes to dateparser. The rules
are ours because they are the reporting convention, which dateparser does not know: the same
weekday as publication is the publication day (wire copy's "said on Tuesday" on a Tuesday), a
clause about what is to come ("will meet on Tuesday", ``ahead``) takes the next such day, and
every answer carries its precision. Phrases that count from a day the text has named ("two days
later", "the same day") are resolved by ``resolve_relative`` against that day. Ages and
durations ("a 30-year-old man", "10 days of talks") are not dates.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from .holidays import HOLIDAY, holiday_date

__all__ = ["resolve_date", "resolve_relative", "is_anaphoric", "find_dates", "nth_day", "NTH_DAY"]

MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for m in names}
WEEKDAYS = {d: i for i, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for d in names}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None, "a few": None}

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
PART = r"(?:(?P<part>mid|early|late|the end of|the start of|the beginning of|the middle of)[- ]+)?"
# the end of a span of days, after its first day: "May 19-21", "17 and 18 September", "October 22 to 24"
RANGE_TO = r"(?:\s*[-–]\s*|\s+(?:and|to|through|until|till|into)\s+)"
RANGE_END = RANGE_TO + r"\d{1,2}(?:st|nd|rd|th)?(?![\d/-])"

LEADING = re.compile(r"^(?:on|in|at|by|from|since|until|till|during|as of|as early as|as late as|around|about|"
                     r"over|for|of|throughout|before|after|from|late|early|"
                     r"(?:the )?(?:night|morning|afternoon|evening|weekend) of)\s+", re.I)
NOT_A_DATE = re.compile(r"\d+[- ](?:year|month|week|day)s?[- ]old|\b(?:\d+|one|two|three|four|five|six|seven|eight|"
                        r"nine|ten|several|few)\s+(?:years|months|weeks|days|hours)\s+(?:of|in|long|old)\b", re.I)
DURATION = re.compile(r"^(?:the\s+)?(?:past\s+|last\s+|next\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|"
                      r"nine|ten|several|few|a few)\s+(?:years|months|weeks|days|hours|decades)$", re.I)


# Phrases that count from a day the text has just named, not from the publication date.
ANAPHORA = re.compile(
    r"(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?)\s+(?:later|earlier)|"
    r"the\s+(?:next|following|same)\s+(?:day|morning|afternoon|evening|night)|"
    r"(?:later\s+|earlier\s+)?that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)|"
    r"the\s+(?:next|following)\s+week|a\s+day\s+(?:later|earlier))", re.I)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _months_back(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - n, 12)
    return date(y, m + 1, 1)


def _latest(month: int, day: int, base: date, ahead: bool = False) -> date | None:
    """The latest month-day on or before ``base`` (the earliest on or after it when ``ahead``)."""
    for year in ((base.year, base.year + 1) if ahead else (base.year, base.year - 1)):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if (d >= base) if ahead else (d <= base):
            return d
    return None


def _n(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _rules(t: str, base: date, ahead: bool = False) -> tuple[date, str] | None:
    """The explicit rules, on a lower-cased expression with leading prepositions removed."""
    wd_base = base.weekday()
    if re.fullmatch(r"(?:earlier |later )?today|this (?:morning|afternoon|evening)|tonight|(?:earlier|later) in the day", t):
        return base, "day"
    if re.fullmatch(r"(?:late )?(?:yesterday" + TIME_OF_DAY + r"|last (?:night|evening))", t) or t in {"overnight"}:
        return base - timedelta(days=1), "day"
    if t in BACK_ONE:
        return base - timedelta(days=1), "day"
    if t == "the day before yesterday":
        return base - timedelta(days=2), "day"
    if m := re.fullmatch(r"(?P<h>" + HOLIDAY + r")" + TIME_OF_DAY, t):  # "Christmas Eve", "on Easter Sunday"
        d = holiday_date(m["h"], base, ahead)
        return (d, "day") if d else None
    if t == "tomorrow":
        return base + timedelta(days=1), "day"
    if t == "the day after tomorrow":
        return base + timedelta(days=2), "day"
    if m := re.fullmatch(NUM + r" days? ago", t):
        n = _n(m["n"])
        return (base - timedelta(days=n), "day") if n else None
    if re.fullmatch(r"(?:a few|several|few) days ago|recently|lately|(?:in )?recent (?:days|weeks|months)|"
                    r"(?:in )?the (?:past|last) (?:few )?(?:days|weeks|months)|earlier|previously", t):
        return base - timedelta(days=1), "before"
    # weekdays: "Tuesday", "on Monday night", "late Thursday", "last Friday", "next Tuesday"
    if m := re.fullmatch(r"(?P<rel>last |this |next |this coming |coming )?(?:early |late )?" + WEEKDAY + TIME_OF_DAY, t):
        target = WEEKDAYS[m["wd"]]
        rel = (m["rel"] or "").strip()
        if rel in {"next", "this coming", "coming"}:
            return base + timedelta(days=(target - wd_base - 1) % 7 + 1), "day"
        if rel == "this":  # "this Thursday": of this week, before or after publication
            return _monday(base) + timedelta(days=target), "day"
        if ahead and not rel:  # "will meet on Tuesday": the coming one (today on a Tuesday)
            return base + timedelta(days=(target - wd_base) % 7), "day"
        back = (wd_base - target) % 7
        if rel == "last" and back == 0:
            back = 7
        return base - timedelta(days=back), "day"
    # "Wednesday last week", "on Friday of next week"
    if m := re.fullmatch(WEEKDAY + TIME_OF_DAY + r" (?:of )?(?P<rel>last|this|next) week", t):
        weeks = {"last": -1, "this": 0, "next": 1}[m["rel"]]
        return _monday(base) + timedelta(days=7 * weeks + WEEKDAYS[m["wd"]]), "day"
    # weeks
    if re.fullmatch(r"(?:earlier |later )?this week", t):
        return _monday(base), "week"
    if t in {"last week", "the previous week", "the week before", "a week earlier"}:
        return _monday(base) - timedelta(days=7), "week"
    if t == "next week":
        return _monday(base) + timedelta(days=7), "week"
    if m := re.fullmatch(NUM + r" weeks? ago", t):
        n = _n(m["n"])
        return (_monday(base - timedelta(days=7 * n)), "week") if n else None
    if re.fullmatch(r"(?:over |at |during )?(?:the |this |last |this past )?weekend", t):
        saturday = base - timedelta(days=(wd_base - 5) % 7 or (7 if wd_base == 5 else 0))
        if wd_base == 6:
            saturday = base - timedelta(days=1)
        return _monday(saturday), "week"
    # months
    if re.fullmatch(r"(?:earlier |later |the start of |the beginning of |the end of )?this month", t):
        return base.replace(day=1), "month"
    if re.fullmatch(r"(?:the end of |the start of |the beginning of |early |late )?last month|the previous month", t):
        return _months_back(base, 1), "month"
    if t == "next month":
        return _months_back(base, -1), "month"
    if m := re.fullmatch(NUM + r" months? ago", t):
        n = _n(m["n"])
        return (_months_back(base, n), "month") if n else None
    # years
    if re.fullmatch(r"(?:earlier |later |early |late )?this year", t):
        return date(base.year, 1, 1), "year"
    if re.fullmatch(r"(?:early |late |the end of |the start of )?last year|the previous year", t):
        return date(base.year - 1, 1, 1), "year"
    if t == "next year":
        return date(base.year + 1, 1, 1), "year"
    if m := re.fullmatch(NUM + r" years? ago|a decade ago", t):
        n = 10 if t == "a decade ago" else _n(m["n"])
        return (date(base.year - n, 1, 1), "year") if n else None
    return None


def _calendar(t: str, base: date | None, ahead: bool = False) -> tuple[date, str] | None:
    """Calendar forms: "July 31, 2025", "31 July", "Sept. 11", "in March", "mid-August", "2025-07-31".
    A span of days is its first day: "May 19-21", "17 and 18 September", "May 30-June 2"; one
    to come that has begun ("a summit scheduled for May 19-21" on May 20) is the one under way."""
    t = re.sub(r"^(?:" + WEEKDAY.replace("?P<wd>", "?:") + r",?\s+)", "", t)  # "Wednesday, Oct. 2"
    t, more = _span_start(t)
    if m := re.fullmatch(r"(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})", t):
        return _safe(int(m["y"]), int(m["mo"]), int(m["d"])), "day"
    if m := re.fullmatch(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})", t):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            return _safe(int(m["y"]), b, a), "day"
        if b > 12 >= a:
            return _safe(int(m["y"]), a, b), "day"
        return None  # 03/04/2025: day or month first cannot be told
    for pattern in (MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?", DAY + r"(?:\s+of)?\s+" + MONTH + r"(?:,?\s+" + YEAR + r")?"):
        if m := re.fullmatch(pattern, t):
            month, day = MONTHS[m["month"]], int(m["day"])
            if m["year"]:
                return _safe(int(m["year"]), month, day), "day"
            if base is None:
                return None
            d = _latest(month, day, base - timedelta(days=more) if ahead else base, ahead)
            return (d, "day") if d else None
    if m := re.fullmatch(PART + r"(?P<rel>last |this |next )?" + MONTH + r"(?:,?\s+" + YEAR + r")?", t):
        month = MONTHS[m["month"]]
        if m["year"]:
            return date(int(m["year"]), month, 1), "month"
        if base is None:
            return None
        rel = (m["rel"] or "").strip()
        if rel == "next":
            y = base.year + (month <= base.month)
        elif rel == "last":
            y = base.year if month < base.month else base.year - 1
        elif ahead:  # "will vote in March": the coming March
            y = base.year if month >= base.month else base.year + 1
        else:
            y = base.year if month <= base.month else base.year - 1
        return date(y, month, 1), "month"
    if m := re.fullmatch(PART + YEAR, t):
        return date(int(m["year"]), 1, 1), "year"
    if (m := re.fullmatch(r"the (?P<day>\d{1,2})(?:st|nd|rd|th)", t)) and base is not None:
        for k in (range(3) if not ahead else range(0, -3, -1)):  # this month's, else the last that has the day
            first = _months_back(base, k)
            d = _safe(first.year, first.month, int(m["day"]))
            if d is not None and ((d >= base) if ahead else (d <= base)):
                return d, "day"
        return None
    return None


def _span_start(t: str) -> tuple[str, int]:
    """A span of days ("May 19-21", "30 and 31 December", "May 30-June 2") cut to its first day,
    and how many days it goes on after it (0 for one day)."""
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    if m := re.search(r"(?<![\d/-])" + day + RANGE_TO + day + r"(?![\d/-])", t):
        return t[:m.end(1)] + t[m.end():], max(int(m[2]) - int(m[1]), 0)
    month = MONTH.replace("?P<month>", "?:")
    if m := re.match(r"(" + month + r")\s+" + day + RANGE_TO + r"(" + month + r")\s+" + day, t):
        first, last = (_safe(2001, MONTHS[m[k].rstrip(".")], int(m[k + 1])) for k in (1, 3))
        more = (last - first).days % 365 if first and last else 0
        return t[:m.end(2)] + t[m.end():], more
    return t, 0


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def resolve_date(text: str, base: date | None, ahead: bool = False) -> tuple[date, str] | None:
    """``text`` → (date, precision) relative to the publication date ``base``; None if it
    names no date (or, without a publication date, no date with a year). ``ahead``: the clause
    speaks of what is to come ("will meet on Tuesday"), so a weekday or a date without a year
    is the next such day, not the last."""
    t = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.;")
    if not t or NOT_A_DATE.search(t) or DURATION.match(t):
        return None
    previous = None
    while previous != t:
        previous, t = t, LEADING.sub("", t).strip()
    t = re.sub(r"^(?:earlier|later) (?=(?:last|next) )", "", t)  # "earlier last week": last week
    found = _calendar(t, base, ahead)
    if found is None and base is not None:
        found = _rules(t, base, ahead)
    if found is None and base is not None and not re.search(r"\d+\s+(?:years|months|weeks|days)\b(?! ago)", t):
        found = _dateparser(t, base, ahead)
    if found is None or found[0] is None:
        return None
    return found[0], found[1]


# "on the first day", "on its final day": a day of a multi-day event the text has named
NTH_DAY = re.compile(r"(?:on\s+)?(?:the|its|their)\s+(?P<nth>first|second|third|fourth|fifth|opening|final|last|"
                     r"closing)\s+day", re.I)
ORDINALS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def nth_day(text: str, start: date, days: int) -> date | None:
    """The day "the second day", "the final day"... names of an event of ``days`` days from ``start``."""
    m = NTH_DAY.fullmatch(text.strip())
    if m is None:
        return None
    k = ORDINALS.get(m["nth"].lower(), days - 1)
    return start + timedelta(days=k) if k < days else None


def is_anaphoric(text: str) -> bool:
    """Whether ``text`` counts from a day the text has named ("two days later", "that night")."""
    t = _clean(text)
    return bool(ANAPHORA.fullmatch(t)) or t in BACK_ONE


BACK_ONE = frozenset({"the day before", "the previous day", "a day earlier", "the day before that",
                      "the previous evening", "the previous night", "the night before", "the evening before"})


def resolve_relative(text: str, ref: date) -> tuple[date, str] | None:
    """An anaphoric phrase ("two days later", "the same day", "the following week") counted
    from ``ref``, the day the text last named."""
    t = _clean(text)
    if t in BACK_ONE:
        return ref - timedelta(days=1), "day"
    if m := re.fullmatch(NUM + r" (?P<unit>days?|weeks?) (?P<way>later|earlier)", t):
        n = _n(m["n"]) or 0
        days = n * (7 if m["unit"].startswith("week") else 1)
        return ref + timedelta(days=days if m["way"] == "later" else -days), "day"
    if re.fullmatch(r"the (?:next|following) (?:day|morning|afternoon|evening|night)", t):
        return ref + timedelta(days=1), "day"
    if re.fullmatch(r"the (?:next|following) week", t):
        return _monday(ref) + timedelta(days=7), "week"
    if ANAPHORA.fullmatch(t):  # "the same day", "that night", "later that day"
        return ref, "day"
    return None


def _clean(text: str) -> str:
    t = re.sub(r"\s+", " ", text.strip().lower()).strip(" ,.;")
    return LEADING.sub("", t)


@lru_cache(maxsize=64)
def _parser(base: date, ahead: bool = False):  # noqa: ANN202 - dateparser's own type
    settings = {"PREFER_DATES_FROM": "future" if ahead else "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12)}
    return DateDataParser(languages=["en"], settings=settings)


def _dateparser(t: str, base: date, ahead: bool = False) -> tuple[date, str] | None:
    if not re.search(r"[a-z]{3}|\d", t):
        return None
    data = _parser(base, ahead).get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    precision = {"time": "day", None: "day"}.get(data.period, data.period)
    if not ahead and precision == "day" and d > base + timedelta(days=1) and not re.search(r"\b(?:1[89]|20)\d\d\b", t):
        d = d.replace(year=d.year - 1)
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = d.replace(month=1, day=1)
    elif precision == "week":
        d = _monday(d)
    return d, precision


# -- finding date expressions in text (what the statistical NER's DATE label did, by rule) -------

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thurs|fri|sat|sun)"
_WD = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_NUMW = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
_DATE_FINDER = re.compile(r"(?<![\w-])(?:" + "|".join([
    r"(?:early|mid|late)[- ]" + _MON + r"(?:,?\s+(?:1[89]|20)\d\d)?",
    r"(?:" + _WD + r",?\s+)?" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:" + RANGE_END + r"|" + RANGE_TO + _MON
    + r"\s+\d{1,2})?(?:,?\s+(?:1[89]|20)\d\d)?",  # "Saturday, March 23", "May 19-21", "May 30-June 2"
    ANAPHORA.pattern,
    r"\d{1,2}(?:st|nd|rd|th)?(?:" + RANGE_END + r")?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?:1[89]|20)\d\d)?",
    r"(?<=\bthe\s)" + _MON + r"(?=\s+(?!(?:of|for|on|in|to|and|or|the|a|an|at|by)\b)[a-z]{3,})",  # "the September summit"
    # not "Christmas Island", nor a day naming a thing: "a Christmas market", "the Easter holidays"
    HOLIDAY + r"(?!\s+islands?\b)(?!\s+(?!(?:and|or|in|on|at|the|a|an|to|when|as|with|after|before|of|this|last|"
    r"next|morning|afternoon|evening|night)\b)[a-z])",
    r"(?:(?:last|this|next|early|late|mid)\s+)?" + _MON + r"\s+(?:1[89]|20)\d\d",
    r"(?:last|this|next|early|late|in|since|until|during)\s+" + _MON + r"(?:,?\s+(?:1[89]|20)\d\d)?(?![\w'])"
    r"(?!\s+\d{1,2}(?:st|nd|rd|th)?\b)",  # "since March 3" is March 3
    _WD + _TOD + r"\s+(?:of\s+)?(?:last|this|next)\s+week",  # "Wednesday last week"
    r"(?:(?:last|this|next|this coming|early|late)\s+)?" + _WD + _TOD,
    r"(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|tomorrow)" + _TOD,
    r"today|tonight|(?:late\s+)?last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening)|earlier\s+today|"
    r"(?:earlier|later)\s+in\s+the\s+day",
    r"the\s+(?:day\s+before|previous\s+(?:day|week|month|year|evening|night)|week\s+before|(?:night|evening)\s+before)",
    r"(?:earlier\s+|later\s+)?(?:last|this|next|this\s+past)\s+(?:week|month|year|weekend)",
    r"the\s+(?:end|start|beginning|middle)\s+of\s+" + _MON + r"(?:,?\s+(?:1[89]|20)\d\d)?",
    r"(?:over|at|during)\s+the\s+weekend",
    _NUMW + r"\s+(?:days?|weeks?|months?|years?|decades?)\s+ago",
    r"(?:early|mid|late)[- ](?:1[89]|20)\d\d",
    r"(?<=\bin\s)(?:1[89]|20)\d\d",
    r"(?:1[89]|20)\d\d[-/]\d{1,2}[-/]\d{1,2}",
    r"\d{1,2}[/.]\d{1,2}[/.](?:1[89]|20)\d\d",
    r"recently|lately|in\s+recent\s+(?:days|weeks|months)|in\s+the\s+(?:past|last)\s+few\s+(?:days|weeks|months)",
    # "on the 18th", a day of the month; not "on the 5th floor", "the 18th century"
    r"on\s+the\s+\d{1,2}(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$|(?:at|in|and|when|as|after|before|of\s+this\s+month)\b))",
    NTH_DAY.pattern,
]) + r")(?![\w-])", re.I)


def find_dates(span) -> list:  # noqa: ANN001 - a spaCy Span or Doc
    """Spans of ``span`` that are date expressions ("on July 31", "last week", "Tuesday night").
    "May" counts only as a month before a number or after "in"/"last"/"early"..., never as the verb."""
    doc = span.doc if hasattr(span, "doc") else span
    offset = span.start_char if hasattr(span, "start_char") else 0
    out = []
    for m in _DATE_FINDER.finditer(span.text):
        text = m.group(0)
        if (re.fullmatch(r"may", text, re.I) and not span.text[:m.start()].lower().endswith("the ")) or (
                text[:1].islower() and re.match(_MON, text, re.I)
                and not re.match(r"(?:early|mid|late|last|this|next|in|since)", text, re.I)):
            continue
        end = m.end() - (text.endswith(".") and not re.search(r"\b" + _ABBR + r"\.$", text, re.I))  # "in December."
        s = doc.char_span(offset + m.start(), offset + end, alignment_mode="expand")
        if s is not None:
            out.append(s)
    return out
