import csv
from datetime import date
from pathlib import Path

import pytest

from parley.ontology import CATEGORIES, DEFAULT_CAMEO, SECTORS, load_ontology
from parley.ontology.states import ISO3, state_numbers

ROOT = Path(__file__).resolve().parents[1]


def test_known_codes_and_weights():
    onto = load_ontology()
    assert onto.cameo("042").plover == "CONSULT"
    assert onto.cameo("042").goldstein == 1.9
    assert onto.cameo("190").quad_class == 4
    assert onto.cameo("1123").plover == "ACCUSE"


def test_unknown_deeper_code_falls_back_to_its_ancestor():
    onto = load_ontology()
    assert onto.cameo("0429").code == "042"


def test_every_category_has_a_consistent_default_code():
    onto = load_ontology()
    for cat in CATEGORIES:
        assert onto.consistent(cat, DEFAULT_CAMEO[cat]), cat


def test_statements_and_appeals_have_no_plover_category():
    onto = load_ontology()
    assert onto.cameo("010").plover == ""
    assert onto.cameo("020").plover == ""


def test_quad_class_follows_the_cameo_root_as_gdelt_and_phoenix_count_it():
    """01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict (09
    investigate is verbal), 14-20 material conflict (14 protest is material)."""
    def quad(root: int) -> int:
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

    onto = load_ontology()
    assert onto.codes
    for code, entry in onto.codes.items():
        assert entry.quad_class == quad(int(code[:2])), code
    assert onto.cameo("090").quad_class == 3 and onto.cameo("141").quad_class == 4


@pytest.mark.parametrize("iso3,day,numbers", [
    ("SRB", date(2005, 1, 1), (345, 345)),  # Serbia and Montenegro: Yugoslavia's number in both lists
    ("SRB", date(2006, 6, 5), (345, 340)),  # G&W number Serbia anew from 5 June 2006
    ("SRB", None, (345, 340)),
    ("MNE", date(2006, 6, 2), (345, 345)),
    ("MNE", date(2006, 6, 3), (341, 341)),
    ("SSD", date(2011, 7, 8), (625, 625)),  # part of Sudan until independence
    ("SSD", date(2011, 7, 9), (626, 626)),
    ("SDN", date(2012, 1, 1), (625, 625)),
    ("YEM", date(1990, 5, 21), (678, 678)),  # the Yemen Arab Republic
    ("YEM", date(1990, 5, 22), (679, 678)),  # COW numbers unified Yemen anew, G&W do not
    ("KOR", date(2025, 7, 31), (732, 732)),
    ("USA", None, (2, 2)),
    ("HKG", date(2025, 1, 1), (None, None)),  # no state of its own
    (None, None, (None, None)),
])
def test_state_numbers_follow_the_date(iso3, day, numbers):
    assert state_numbers(iso3, day) == numbers


def test_every_country_code_of_the_actors_has_a_row():
    lines = [ln for ln in (ROOT / "parley/actors/data/countries.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert ISO3 == {ln.split("\t")[0] for ln in lines[1:]}


def test_every_sector_of_the_actor_tables_is_a_known_sector():
    found = set()
    for path in (ROOT / "parley/actors/data").glob("*.tsv"):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        # a cell may hold several sectors, the primary first ("REB|PTY|GOV")
        found |= {s for row in csv.DictReader(lines, delimiter="\t") if row.get("sector")
                  for s in row["sector"].split("|")}
    assert found and found <= SECTORS, found - SECTORS
