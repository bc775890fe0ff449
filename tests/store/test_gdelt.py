"""The GDELT export read back as a reader written for GDELT 2.0 files reads it: column by column,
with the types, widths and values GDELT's codebook gives them."""
from __future__ import annotations

import csv
import re
import shutil
from datetime import date

import pytest

from parley.model import Document
from parley.store import Store
from parley.store.gdelt import GDELT_COLUMNS, place_geo

from conftest import run_parley

# The GDELT 2.0 event table's columns and types, as the codebook gives them: written out here from
# gdeltPyR's copy of the codebook header (utils/schema_csvs/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv
# in linwoodc3/gdeltPyR, "tableId,dataType"), independently of parley's code.
CODEBOOK = """GLOBALEVENTID INTEGER|SQLDATE INTEGER|MonthYear INTEGER|Year INTEGER|FractionDate FLOAT|
Actor1Code STRING|Actor1Name STRING|Actor1CountryCode STRING|Actor1KnownGroupCode STRING|Actor1EthnicCode STRING|
Actor1Religion1Code STRING|Actor1Religion2Code STRING|Actor1Type1Code STRING|Actor1Type2Code STRING|
Actor1Type3Code STRING|Actor2Code STRING|Actor2Name STRING|Actor2CountryCode STRING|Actor2KnownGroupCode STRING|
Actor2EthnicCode STRING|Actor2Religion1Code STRING|Actor2Religion2Code STRING|Actor2Type1Code STRING|
Actor2Type2Code STRING|Actor2Type3Code STRING|IsRootEvent INTEGER|EventCode STRING|EventBaseCode STRING|
EventRootCode STRING|QuadClass INTEGER|GoldsteinScale FLOAT|NumMentions INTEGER|NumSources INTEGER|
NumArticles INTEGER|AvgTone FLOAT|Actor1Geo_Type INTEGER|Actor1Geo_FullName STRING|Actor1Geo_CountryCode STRING|
Actor1Geo_ADM1Code STRING|Actor1Geo_ADM2Code STRING|Actor1Geo_Lat FLOAT|Actor1Geo_Long FLOAT|
Actor1Geo_FeatureID STRING|Actor2Geo_Type INTEGER|Actor2Geo_FullName STRING|Actor2Geo_CountryCode STRING|
Actor2Geo_ADM1Code STRING|Actor2Geo_ADM2Code STRING|Actor2Geo_Lat FLOAT|Actor2Geo_Long FLOAT|
Actor2Geo_FeatureID STRING|ActionGeo_Type INTEGER|ActionGeo_FullName STRING|ActionGeo_CountryCode STRING|
ActionGeo_ADM1Code STRING|ActionGeo_ADM2Code STRING|ActionGeo_Lat FLOAT|ActionGeo_Long FLOAT|
ActionGeo_FeatureID STRING|DATEADDED INTEGER|SOURCEURL STRING"""
COLUMNS = [tuple(c.split()) for c in CODEBOOK.replace("\n", "").split("|")]
NAMES = [name for name, _ in COLUMNS]
CAST = {"INTEGER": int, "FLOAT": float, "STRING": str}

# Written for this test: an IGO with a CAMEO known group, a US city, a French city (whose GeoNames
# division code is not FIPS), two countries with no place, and documents with and without a URL.
DOCS = [
    ("gdelt-nato", "NATO condemned Iran on Friday.", None),
    ("gdelt-texas", "Police arrested 12 protesters in Austin, Texas on Tuesday.", None),
    ("gdelt-russia", "Russia accused Ukraine of attacking civilians on Wednesday.", None),
    ("gdelt-france", "French police arrested ten people in Lyon on Thursday.", "https://example.org/lyon"),
]


def read_gdelt(path, header: bool = False) -> list[dict]:
    """Rows of a GDELT 2.0 event file, each field typed as the codebook says (empty: None)."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if header:
        assert lines.pop(0) == NAMES
    out = []
    for line in lines:
        assert len(line) == 61, line
        out.append({name: CAST[kind](v) if v != "" else None for (name, kind), v in zip(COLUMNS, line)})
    return out


@pytest.fixture(scope="module")
def gdelt_db(pipeline, dedup_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("gdelt") / "g.duckdb"
    shutil.copy(dedup_db, path)
    docs = [Document(id=i, text=t, pub_date=date(2025, 5, 9), url=u) for i, t, u in DOCS]
    with Store(path) as store:
        store.write(list(pipeline.code_many(docs)))
    return path


@pytest.fixture(scope="module")
def rows(gdelt_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt-out") / "events.tsv"
    with Store(gdelt_db, read_only=True) as store:
        assert store.export("gdelt", out).rows > 8
    return read_gdelt(out)


def test_the_module_writes_the_codebooks_columns():
    assert GDELT_COLUMNS == NAMES and len(NAMES) == 61


def test_every_column_has_its_codebook_type_width_and_range(rows):
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    for r in rows:
        assert len(str(r["SQLDATE"])) == 8 and str(r["SQLDATE"]).startswith(str(r["MonthYear"]))
        assert str(r["MonthYear"]).startswith(str(r["Year"])) and int(r["FractionDate"]) == r["Year"]
        assert len(str(r["DATEADDED"])) == 14
        assert re.fullmatch(r"\d{3,4}", r["EventCode"]) and r["EventBaseCode"] == r["EventCode"][:3]
        assert r["EventRootCode"] == r["EventCode"][:2] and r["QuadClass"] in {1, 2, 3, 4}
        assert -10 <= r["GoldsteinScale"] <= 10 and r["IsRootEvent"] in {0, 1}
        assert r["NumMentions"] >= r["NumArticles"] >= 1 and r["NumSources"] >= 1
        assert r["SOURCEURL"]
        for n in (1, 2):
            a = f"Actor{n}"
            assert r[f"{a}CountryCode"] is None or re.fullmatch(r"[A-Z]{3}", r[f"{a}CountryCode"])
            assert r[f"{a}KnownGroupCode"] is None or re.fullmatch(r"[A-Z]{3}", r[f"{a}KnownGroupCode"])
            assert r[f"{a}Type1Code"] is None or re.fullmatch(r"[A-Z]{3}", r[f"{a}Type1Code"])
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            kind, country, adm1 = r[f"{g}_Type"], r[f"{g}_CountryCode"], r[f"{g}_ADM1Code"]
            assert kind in {0, 1, 2, 3, 4, 5}
            if kind == 0:
                assert all(r[f"{g}_{f}"] is None for f in ("FullName", "CountryCode", "ADM1Code", "Lat", "Long"))
                continue
            assert re.fullmatch(r"[A-Z]{2}", country) and adm1.startswith(country) and len(adm1) in {2, 4}
            assert re.fullmatch(r"[A-Z0-9]{2,4}", adm1)  # never "USTexas"
            if kind == 1:
                assert adm1 == country == r[f"{g}_FeatureID"]
            if kind in {1, 3, 4}:
                assert -90 <= r[f"{g}_Lat"] <= 90 and -180 <= r[f"{g}_Long"] <= 180


def test_places_in_gdelts_geography(rows):
    arrest = next(r for r in rows if r["ActionGeo_FullName"] == "Austin, Texas, United States")
    assert (arrest["ActionGeo_Type"], arrest["ActionGeo_CountryCode"], arrest["ActionGeo_ADM1Code"]) == (3, "US", "USTX")
    assert arrest["Actor1Geo_ADM1Code"] == "USTX"  # the Texan police are where they arrest
    assert arrest["SOURCEURL"] == "gdelt-texas"  # no URL: the document id
    lyon = next(r for r in rows if r["ActionGeo_FullName"] == "Lyon, France")
    assert (lyon["ActionGeo_Type"], lyon["ActionGeo_ADM1Code"]) == (4, "FR")  # GeoNames' French codes are not FIPS
    assert lyon["SOURCEURL"] == "https://example.org/lyon"
    santiago = next(r for r in rows if r["ActionGeo_FullName"] == "Santiago, Chile")
    assert (santiago["ActionGeo_CountryCode"], santiago["ActionGeo_ADM1Code"]) == ("CI", "CI12")  # FIPS, not ISO CL
    accuse = next(r for r in rows if r["Actor1CountryCode"] == "RUS" and r["Actor2CountryCode"] == "UKR")
    assert (accuse["ActionGeo_Type"], accuse["Actor1Geo_Type"], accuse["Actor2Geo_Type"]) == (0, 1, 1)
    assert (accuse["Actor1Geo_FullName"], accuse["Actor1Geo_CountryCode"]) == ("Russia", "RS")
    assert (accuse["Actor2Geo_Lat"], accuse["Actor2Geo_Long"]) == (49.0, 32.0)  # Ukraine's centroid


def test_known_groups_are_cameo_codes_not_parley_ids(rows):
    nato = next(r for r in rows if r["Actor1Name"] == "NORTH ATLANTIC TREATY ORGANIZATION")
    assert (nato["Actor1KnownGroupCode"], nato["Actor1Type1Code"], nato["Actor1Code"]) == ("NAT", "IGO", "IGONAT")
    assert nato["Actor1Geo_Type"] == 0  # an IGO has no country to place it in
    assert all(r[f"Actor{n}KnownGroupCode"] in {None, "NAT"} for r in rows for n in (1, 2))


def test_header_is_optional(gdelt_db, tmp_path):
    out = tmp_path / "h.tsv"
    result = run_parley("export", "--db", str(gdelt_db), "--format", "gdelt", "--output", str(out), "--header")
    assert result.returncode == 0, result.stderr
    assert len(read_gdelt(out, header=True)) > 8


@pytest.mark.parametrize("loc, expected", [
    ({"name": "Texas", "country": "USA", "admin1": "US-TX", "feature": "admin1"},
     [2, "Texas, United States", "US", "USTX", None, None, None, "TX"]),
    ({"name": "Bas-Sassandra", "country": "CIV", "admin1": "CI-BS", "feature": "admin1"},  # ISO 3166-2: no FIPS
     [5, "Bas-Sassandra, Ivory Coast", "IV", "IV", None, None, None, "IV"]),
    ({"name": "London", "country": "GBR", "admin1": "ENG", "lat": 51.5, "lon": -0.1, "geonameid": 2643743,
      "feature": "city"}, [4, "London, United Kingdom", "UK", "UK", None, 51.5, -0.1, 2643743]),
    ({"name": "Kenya", "country": "KEN", "feature": "country"}, [1, "Kenya", "KE", "KE", None, 1.0, 38.0, "KE"]),
    (None, [0, None, None, None, None, None, None, None]),
])
def test_place_geo(loc, expected):
    assert place_geo(loc) == expected


def test_an_actor_with_several_sectors_is_its_primary_in_gdelt():
    """GDELT's Type1 and the actor code take the primary sector only: Hamas (REB, PTY, GOV) is PSEREB."""
    from parley.model import Actor
    from parley.store.gdelt import gdelt_actor

    row = gdelt_actor(Actor("Hamas", 0, 5, "PSE", "REB", sectors=("REB", "PTY", "GOV")).to_dict())
    assert row[0].startswith("PSEREB") and row[7] == "REB" and row[8:] == [None, None]
