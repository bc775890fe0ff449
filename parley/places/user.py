"""Users' own places (``--places FILE``): CSV or TSV rows that the gazetteer lacks (a camp, a
checkpoint, a village below 500 inhabitants) or should prefer. Columns: ``name``, ``country``
(ISO 3166-1 alpha-3, empty for a body of water), ``lat``, ``lon``, and optionally ``aliases``
(other names, separated by ``|``), ``feature`` (city, admin1, water; city by default) and
``population``. Format in docs/places.md; read as every user table is (parley/tables.py)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pycountry

from ..tables import Row, read_user_table
from .gazetteer import GeoEntry, Gazetteer

__all__ = ["read_user_places", "load_user_places"]

FEATURES = ("city", "admin1", "water")
COLUMNS = ("name", "country", "lat", "lon", "aliases", "feature", "population")
REQUIRED = ("name", "lat", "lon")


def read_user_places(path: Path) -> list[tuple[str, GeoEntry]]:
    """A user's places, each under its name and its aliases; a bad file is one clear InputError."""
    return [pair for row in read_user_table(path, "places", COLUMNS, REQUIRED) for pair in _entries(row)]


def _entries(row: Row) -> list[tuple[str, GeoEntry]]:
    """One row's entry under each of its names, or an InputError naming the row."""
    name, country, feature = row.get("name"), row.get("country").upper() or None, row.get("feature").lower() or "city"
    try:
        lat, lon = float(row.get("lat")), float(row.get("lon"))
        population = int(row.get("population") or 0)
    except ValueError:
        raise row.error("lat, lon and population must be numbers") from None
    if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise row.error("a place needs a name and a point (lat -90..90, lon -180..180)")
    if feature not in FEATURES:
        raise row.error(f"feature {feature!r} is not one of {', '.join(FEATURES)}")
    if country is not None and pycountry.countries.get(alpha_3=country) is None:
        raise row.error(f"country {country!r} is not an ISO 3166-1 alpha-3 code")
    if feature == "water":
        country = None
    entry = GeoEntry(None, name, country, None, round(lat, 4), round(lon, 4), population, feature, user=True)
    names = [name] + [a.strip() for a in row.get("aliases").split("|") if a.strip()]
    return [(n, entry) for n in names]


def load_user_places(gazetteer: Gazetteer, paths: Sequence[Path]) -> Gazetteer:
    """The gazetteer with the places of ``paths`` added (itself when there are none)."""
    extra = [pair for p in paths for pair in read_user_places(p)]
    return gazetteer.with_places(extra) if extra else gazetteer
