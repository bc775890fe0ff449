"""Users' own places (``--places FILE``): CSV or TSV rows that the gazetteer lacks (a camp, a
checkpoint, a village below 1,000 inhabitants) or should prefer. Columns: ``name``, ``country``
(ISO 3166-1 alpha-3, empty for a body of water), ``lat``, ``lon``, and optionally ``aliases``
(other names, separated by ``|``), ``feature`` (city, admin1, water; city by default) and
``population``. Format in docs/places.md."""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pycountry

from ..errors import InputError
from .gazetteer import GeoEntry, Gazetteer

__all__ = ["read_user_places", "load_user_places"]

FEATURES = ("city", "admin1", "water")


def read_user_places(path: Path) -> list[tuple[str, GeoEntry]]:
    """A user's places, each under its name and its aliases; a bad file is one clear InputError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read places file ({exc})") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    delimiter = "\t" if path.suffix.lower() == ".tsv" or (lines and "\t" in lines[0]) else ","
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    missing = {"name", "lat", "lon"} - set(rows[0] if rows else ())
    if not rows or missing:
        raise InputError(f"{path}: a places file needs the columns name, country, lat, lon"
                         + (f" (missing: {', '.join(sorted(missing))})" if rows else " and at least one row"))
    return [pair for n, row in enumerate(rows, start=2) for pair in _entries(path, n, row)]


def _entries(path: Path, line: int, row: dict[str, str | None]) -> list[tuple[str, GeoEntry]]:
    """One row's entry under each of its names, or an InputError naming the row."""
    def cell(key: str) -> str:
        return (row.get(key) or "").strip()

    name, country, feature = cell("name"), cell("country").upper() or None, cell("feature").lower() or "city"
    try:
        lat, lon = float(cell("lat")), float(cell("lon"))
        population = int(cell("population") or 0)
    except ValueError:
        raise InputError(f"{path}, row {line}: lat, lon and population must be numbers") from None
    if not name or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{path}, row {line}: a place needs a name and a point (lat -90..90, lon -180..180)")
    if feature not in FEATURES:
        raise InputError(f"{path}, row {line}: feature {feature!r} is not one of {', '.join(FEATURES)}")
    if country is not None and pycountry.countries.get(alpha_3=country) is None:
        raise InputError(f"{path}, row {line}: country {country!r} is not an ISO 3166-1 alpha-3 code")
    if feature == "water":
        country = None
    entry = GeoEntry(None, name, country, None, round(lat, 4), round(lon, 4), population, feature, user=True)
    names = [name] + [a.strip() for a in cell("aliases").split("|") if a.strip()]
    return [(n, entry) for n in names]


def load_user_places(gazetteer: Gazetteer, paths: Sequence[Path]) -> Gazetteer:
    """The gazetteer with the places of ``paths`` added (itself when there are none)."""
    extra = [pair for p in paths for pair in read_user_places(p)]
    return gazetteer.with_places(extra) if extra else gazetteer
