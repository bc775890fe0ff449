"""Field values as inputs spell them: dates in the forms news exports use."""
from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import RecordError

__all__ = ["parse_date", "pub_date_of", "DATE_FORMS"]

DATE_FORMS = "YYYY-MM-DD, an ISO timestamp, an RFC 2822 date or '2 May 2024'"

# Unambiguous written forms only: "03/04/2024" is March or April depending on who wrote it.
_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")


def parse_date(value: object) -> date | None:
    """``YYYY-MM-DD``, an ISO timestamp, an RFC 2822 date (feeds, mail) or "2 May 2024";
    anything else is None (the text still codes, only without an anchor for relative dates)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(v).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    return None


def pub_date_of(value: object, source: str, rid: str | None) -> date | None | RecordError:
    """A record's publication date; one given but unreadable is the record's problem, reported,
    not silently dropped (its relative dates would resolve against nothing)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    found = parse_date(value)
    return found if found is not None else RecordError(f"pub_date {value!r} is not a date ({DATE_FORMS})", source, rid)
