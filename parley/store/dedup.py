"""Cross-document deduplication: reports of the same real-world event, linked.

GDELT counts reports: one kidnapping reported 200 times is 200 kidnappings. parley keeps every
report (``events``) and links those that describe one event into a ``real_events`` row with its
sources (``sources``, one row per report, like GDELT's mentions table).

Two reports are the same event when they have the same category and the same dyad (the same
block), their dates can be the same day given each date's precision, and their places do not
contradict each other. Events are grouped into connected components of that relation, so the
result does not depend on the order documents arrive in; a real event's id is the smallest id of
its reports, so it does not either.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Report", "block_key", "interval", "cluster"]

SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Report:
    """What dedup needs to know of one stored event: its block and the days its date allows."""

    event_id: str
    block: str | None
    lo: date | None
    hi: date | None
    country: str | None  # of its location
    place: str | None  # the location's name
    feature: str | None = None  # city, admin1, country (geo.Place.feature)
    admin1: str | None = None


def block_key(category: str, actor_codes: Sequence[str], recipient_codes: Sequence[str], reciprocal: bool) -> str | None:
    """Category and dyad; None when a side is unknown on both ends (nothing to match on)."""
    a, r = sorted(set(actor_codes)), sorted(set(recipient_codes))
    if not a and not r:
        return None
    if reciprocal:
        return f"{category}|R|{','.join(sorted(set(a) | set(r)))}"
    return f"{category}|{','.join(a)}>{','.join(r)}"


def interval(d: date | None, precision: str | None) -> tuple[date, date] | None:
    """The days an event's date allows, given how precise the text was."""
    if d is None:
        return None
    if precision == "week":
        return d, d + timedelta(days=6)
    if precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "year":
        return d, d.replace(month=12, day=31)
    if precision == "before":
        return d - timedelta(days=30), d
    if precision == "publication":  # reported that day: it happened then or in the days before
        return d - timedelta(days=3), d
    return d, d


def _compatible(a: Report, b: Report) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    return _places_agree(a, b)


def _places_agree(a: Report, b: Report) -> bool:
    """A country contains its provinces and cities; two different cities, or a city outside a
    named province, contradict each other. A place missing on either side contradicts nothing."""
    if not (a.place and b.place) or a.place.lower() == b.place.lower():
        return True
    if "country" in {a.feature, b.feature} or None in {a.feature, b.feature}:
        return True  # already checked that the countries agree
    if a.feature == b.feature:
        return False  # two cities, or two provinces
    return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1  # a city and a province


def cluster(reports: Iterable[Report]) -> dict[str, str]:
    """event_id → real_event_id (the smallest event id of its connected component).

    Within a block, reports are swept in date order and compared only with those whose
    interval is still open (within ``SLACK``), so a block of years of reports costs little more
    than sorting it. Undated reports, and reports with no block, are events of their own.
    """
    by_block: dict[str, list[Report]] = {}
    out: dict[str, str] = {}
    for r in reports:
        if r.block is None or r.lo is None or r.hi is None:
            out[r.event_id] = r.event_id
        else:
            by_block.setdefault(r.block, []).append(r)
    for members in by_block.values():
        members.sort(key=lambda r: (r.lo, r.event_id))
        parent = list(range(len(members)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        active: list[int] = []
        for j, r in enumerate(members):
            active = [i for i in active if members[i].hi + SLACK >= r.lo]
            for i in active:
                if _compatible(members[i], r):
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
            active.append(j)
        smallest: dict[int, str] = {}
        for i, r in enumerate(members):
            root = find(i)
            smallest[root] = min(smallest.get(root, r.event_id), r.event_id)
        for i, r in enumerate(members):
            out[r.event_id] = smallest[find(i)]
    return out
