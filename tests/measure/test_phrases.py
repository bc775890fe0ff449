"""The phrase scorer's conventions (parley.measure.phrases): what counts as the same name, org and
sector when a set is written in another vocabulary than parley's."""
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.measure.phrases import conventions, load_phrases, org_names, row_ok, same_name
from parley.model import Actor

HEADER = "phrase\tdate\tcountry\tsector\torg\tname\trole\tnote\n"


def test_names_fold_accents_initials_and_honorifics():
    assert same_name("Recep Tayyip Erdoğan", "recep tayyip erdogan")
    assert same_name("Karim A. A. Khan", "Karim Khan")
    assert same_name("Abdullah II of Jordan", "King Abdullah II")
    assert not same_name("Shehbaz Sharif", "Nawaz Sharif")
    assert not same_name("", "Kim Jong Un")  # an ambiguous surname must stay unnamed


def test_a_spelling_variant_needs_the_country_right():
    assert same_name("Sergey Lavrov", "Sergei Lavrov", corroborated=True)
    assert not same_name("Sergey Lavrov", "Sergei Lavrov")


def test_org_ids_match_names_initials_and_parents():
    names = org_names([{"id": "UN", "name": "United Nations", "names": "", "parent": ""},
                       {"id": "UNSC", "name": "United Nations Security Council", "names": "", "parent": "UN"},
                       {"id": "WORLDBANK", "name": "World Bank", "names": "", "parent": ""}])
    assert "un" in names["UNSC"] and "wb" in names["WORLDBANK"] and "un" not in names["WORLDBANK"]


def row(**cells: str) -> dict[str, str]:
    return {"phrase": "x", "date": "", "country": "", "sector": "", "org": "", "name": "", "role": "", "note": "",
            **cells}


def test_plover_set_reads_parleys_cameo_media_and_health_codes():
    conv = conventions([row(sector="JRN"), row(sector="MED", role="head of state")], {"MED", "HLH"})
    tv = Actor("a TV station", 0, 12, country="LBN", sector="MED")
    assert row_ok(row(country="LBN", sector="JRN"), [tv], conv)["sector"]
    assert not row_ok(row(country="LBN", sector="MED"), [tv], conv)["sector"]
    as_written = conventions([row(sector="MED")], {"MED", "HLH"})
    assert row_ok(row(country="LBN", sector="MED"), [tv], as_written)["sector"]


def test_primary_sector_and_any_of_and_role_classes():
    conv = conventions([row(sector="GOV;MIL", role="defence minister")], {"GOV", "MIL"})
    minister = Actor("x", 0, 1, country="FRA", sector="MIL", role="Minister of Defence", kind="person")
    ok = row_ok(row(country="FRA", sector="GOV;MIL", role="defence minister"), [minister], conv)
    assert not ok["sector"] and ok["sector_any"] and ok["role"]


def test_a_coordination_is_scored_conjunct_by_conjunct():
    conv = conventions([row(sector="GOV|GOV")], set())
    russia = Actor("Russia", 0, 6, country="RUS", sector="GOV")
    assert not row_ok(row(country="RUS|CHN", sector="GOV|GOV"), [russia], conv)["country"]
    china = Actor("China", 11, 16, country="CHN", sector="GOV")
    assert row_ok(row(country="RUS|CHN", sector="GOV|GOV"), [russia, china], conv)["country"]


def test_a_bad_set_is_an_input_error(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tcountry\nRussia\tRUS\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_phrases(bad)
    bad.write_text(HEADER + "Russia\t2025-13-01\tRUS\tGOV\t\t\t\tcountry\n", encoding="utf-8")
    with pytest.raises(InputError):
        load_phrases(bad)


def test_a_national_bodys_org_counts_only_where_the_set_gives_national_orgs():
    party = Actor("India's BJP", 0, 11, country="IND", sector="PTY", org="BJP")
    intl = conventions([row(sector="IGO", org="UN"), row(sector="NGO", org="MSF")], set())
    assert row_ok(row(country="IND", sector="PTY"), [party], intl)["org"]
    national = conventions([row(sector="PTY", org="BJP")], set())
    assert row_ok(row(country="IND", sector="PTY", org="BJP"), [party], national)["org"]
    assert not row_ok(row(country="IND", sector="PTY"), [party], national)["org"]
