"""The office holders' knowledge base (people_offices.tsv): every UN member state has a head of
state and of government on a given day, holders resolve only within their tenure, and the
leaders of international organisations and armed groups carry their organisation's code."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import resolve_dated
from parley.actors.kb import data_table, name_tokenizer

MEMBERS = [ln.strip() for ln in (Path(__file__).parent / "data" / "un_members.txt").read_text(encoding="utf-8").splitlines()
           if ln.strip() and not ln.startswith("#")]
DAY = date(2025, 8, 1)


def _held(row: dict[str, str], when: date) -> bool:
    return (not row["start"] or date.fromisoformat(row["start"]) <= when) and (
        not row["end"] or when <= date.fromisoformat(row["end"]))


def _heads_on(when: date) -> dict[str, dict[str, list[dict[str, str]]]]:
    """country -> 'state' / 'government' -> the rows holding that office on ``when``."""
    out: dict[str, dict[str, list[dict[str, str]]]] = {}
    for r in data_table("people_offices.tsv"):
        if _held(r, when):
            for office in filter(None, r["heads"].split("|")):
                out.setdefault(r["country"], {}).setdefault(office, []).append(r)
    return out


def test_every_un_member_has_a_head_of_state_and_of_government():
    assert len(MEMBERS) == 193
    heads = _heads_on(DAY)
    missing = [f"{c} {office}" for c in MEMBERS for office in ("state", "government")
               if not heads.get(c, {}).get(office)]
    assert not missing, missing


def test_one_person_holding_both_offices_counts_for_both():
    both = [r for r in data_table("people_offices.tsv") if r["heads"] == "state|government"]
    usa = _heads_on(DAY)["USA"]
    assert both and usa["state"] == usa["government"]  # a presidential system: one row, both offices


def test_each_head_on_the_day_is_the_person_their_name_finds(kb):
    """A head's name resolves to that person, who holds an office of that country on the day
    (no namesake from another file shadows them)."""
    tokenize = name_tokenizer()
    wrong = []
    for country, offices in _heads_on(DAY).items():
        for r in (r for rows in offices.values() for r in rows):
            people = [t.ref for t in kb.lookup(tokenize(r["name"])) if t.kind == "person"]
            tenure, held = kb.people[people[0]].at(DAY) if people else (None, False)
            if not people or people[0] != r["id"] or not held or tenure.country != country:
                wrong.append(f"{r['name']} ({country}): {people[:2]} {tenure}")
    assert not wrong, wrong


CASES = [  # phrase, date, country, sector, org, role (None: not checked)
    ("Patrice Talon", "2025-08-01", "BEN", "GOV", None, "President"),
    ("Mokgweetsi Masisi", "2020-06-01", "BWA", "GOV", None, "President"),
    ("Mokgweetsi Masisi", "2025-08-01", "BWA", "ELI", None, None),
    ("Duma Boko", "2025-08-01", "BWA", "GOV", None, "President"),
    ("Christian Stocker", "2025-08-01", "AUT", "GOV", None, "Chancellor"),
    ("Karl Nehammer", "2025-08-01", "AUT", "ELI", None, None),
    ("Mette Frederiksen", "2025-08-01", "DNK", "GOV", None, "Prime Minister"),
    ("Alain Berset", "2023-06-01", "CHE", "GOV", None, "President"),
    ("Alain Berset", "2025-06-01", None, "IGO", "COE", "Council of Europe Secretary-General"),
    ("Mark Rutte", "2025-06-01", None, "IGO", "NATO", "NATO Secretary-General"),
    ("Kaja Kallas", "2025-06-01", None, "IGO", "EU", None),
    ("Luis Almagro", "2020-06-01", None, "IGO", "OAS", "OAS Secretary-General"),
    ("Jasem Albudaiwi", "2025-06-01", None, "IGO", "GCC", "GCC Secretary-General"),
    ("Tedros Adhanom Ghebreyesus", "2024-06-01", None, "IGO", "WHO", None),
    ("Ismail Haniyeh", "2023-06-01", "PSE", "REB", "HAMAS", "Hamas leader"),
    ("Corneille Nangaa", "2025-03-01", "COD", "REB", "AFC", None),
]


def test_holders_resolve_within_their_tenure_with_their_organisation(tmp_path):
    wrong = [f"{name} {when}: {o['country']} {o['sector']} {o['org']} {o['role']}"
             for (name, when, country, sector, org, role), o in zip(CASES, resolve_dated(tmp_path, [c[:2] for c in CASES]))
             if (o["country"], o["sector"], o["org"]) != (country, sector, org) or (role and o["role"] != role)]
    assert not wrong, wrong


def test_office_holders_add_full_names_but_no_bare_surnames_of_their_own(kb):
    """Bare surnames resolve for the people of the news lists; the office holders of every state
    add full names only, since many of their surnames are ordinary words ("Friday", "Smith")."""
    own = {r["id"] for r in data_table("people_offices.tsv")} - {
        r["id"] for f in ("people_g20.tsv", "people_world.tsv") for r in data_table(f)}
    indexed = {pid for ids in kb.surnames.values() for pid in ids}
    assert own and not own & indexed
    assert "godwin-friday" in own and "Friday" not in kb.surnames
    assert "emmanuel-macron" in indexed  # a news-list person keeps his surname


def test_undated_text_naming_an_office_gives_that_office(tmp_path):
    """Without a date, "President X" is X in that office, not a former holder."""
    out = resolve_dated(tmp_path, [("Kyrgyz President Sooronbay Jeenbekov", ""), ("Sooronbay Jeenbekov", ""),
                                   ("Almazbek Atambaev", "2015-06-01")])
    assert [(o["country"], o["sector"], o["role"]) for o in out] == [
        ("KGZ", "GOV", "President"), ("KGZ", "ELI", None), ("KGZ", "GOV", "President")]
