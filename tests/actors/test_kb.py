from datetime import date

from parley.actors.kb import PhraseIndex, Term, plurals


def test_regular_plurals():
    assert plurals("soldier") == ["soldiers"]
    assert plurals("militia") == ["militias"]
    assert plurals("policeman") == ["policemen"]
    assert plurals("security agency") == ["security agencies"]
    assert plurals("boss") == ["bosses"]


def test_phrase_index_prefers_the_longest_match():
    idx = PhraseIndex(lower=False)
    idx.add(["Korea"], Term("country", "KOR?"))
    idx.add(["North", "Korea"], Term("country", "PRK"))
    found = idx.find("Talks with North Korea and Korea".split())
    assert [(s, e, t[0].ref) for s, e, t in found] == [(2, 4, "PRK"), (5, 6, "KOR?")]


def test_same_name_resolves_by_date(kb):
    rubio = next(p for p in kb.people.values() if p.name == "Marco Rubio")
    t, held = rubio.at(date(2024, 6, 1))
    assert (t.country, t.sector, held) == ("USA", "LEG", True)
    t, held = rubio.at(date(2025, 3, 1), "Minister of Foreign Affairs")
    assert (t.country, t.sector, t.role) == ("USA", "GOV", "Minister of Foreign Affairs")


def test_countries_capitals_and_demonyms_are_indexed(kb):
    assert kb.lookup(["Seoul"]) == [Term("capital", "KOR")]
    assert Term("adjective", "KOR") in kb.lookup(["South", "Korean"])
    assert Term("people", "USA") in kb.lookup(["Americans"])
    assert kb.lookup(["Kremlin"]) == [Term("capital", "RUS"), Term("seat", "GOV")]


def test_seats_of_government_say_their_sector(kb):
    """seats.tsv: a seat is its country's capital that also names the sector it speaks for."""
    assert kb.lookup(["Lubyanka"]) == [Term("capital", "RUS"), Term("seat", "SPY")]
    assert Term("seat", "LEG") in kb.lookup(["Capitol", "Hill"])


def test_family_first_names_index_their_first_word_as_surname(kb):
    """name_order.tsv: "Xi Jinping" is shortened to "Xi", "Narendra Modi" to "Modi"."""
    assert "xi-jinping" in kb.surnames["Xi"]
    assert "narendra-modi" in kb.surnames["Modi"] and "narendra-modi" not in kb.surnames.get("Narendra", [])


def test_agent_terms_match_in_any_case_with_plurals(kb):
    assert kb.terms.get(["Foreign", "Minister"])
    assert kb.agents["soldier"].sector == "MIL"
    assert kb.terms.get(["soldiers"]) == [Term("agent", "soldier")]


def test_a_one_word_name_of_an_old_dictionarys_organisation_that_is_a_persons_word_is_the_persons(kb):
    """PETRARCH2's AMIT was also indexed as "Amit" (Amit Shah's given name) and Hezbollah as
    "Nasrallah": in ordinary capitals they are people's names; the acronym still matches in capitals."""
    for word in ("Amit", "Nasrallah"):
        assert not [t for t in kb.names.get([word]) if t.kind == "org"], word
    assert [t.ref for t in kb.names.get(["AMIT"])] == ["AMIT"]
    assert "org" in {t.kind for t in kb.names.get(["Hezbollah"])}


def test_office_holders_are_namesakes_of_a_surname_not_its_bearers(kb):
    assert "godwin-friday" in kb.namesakes["Friday"] and "Friday" not in kb.surnames
    assert "samia-suluhu-hassan" in kb.namesakes["Hassan"]
    assert "donald-trump" not in kb.namesakes.get("Trump", [])  # a news-list person is a bearer


def test_a_sector_cell_holds_several_sectors_the_first_primary(kb):
    """organisations, agents and people tables write several sectors as ``REB|PTY|GOV``."""
    from parley.actors.entries import parse_sectors

    assert parse_sectors(" reb | PTY|GOV|PTY ") == ("REB", ("PTY", "GOV"))
    assert parse_sectors("") == (None, ())
    hamas = kb.organisations["HAMAS"]
    assert (hamas.sector, hamas.sectors) == ("REB", ("REB", "PTY", "GOV"))
    assert kb.organisations["GAZPROM"].sectors == ("BUS", "GOV")  # a state-owned firm
    assert kb.organisations["UN"].sectors == ("IGO",)
    assert kb.agents["opposition lawmaker"].sectors == ("LEG", "OPP")
    assert kb.agents["defence minister"].sectors == ("GOV", "MIL")  # the source's DEFENSE_MINISTER, GOVMIL


def test_every_sector_in_the_tables_is_a_plover_code(kb):
    from parley.ontology import SECTORS

    codes = {s for o in kb.organisations.values() for s in o.sectors}
    codes |= {s for a in kb.agents.values() for s in a.sectors}
    codes |= {s for pid in kb.people for t in kb.people[pid].tenures for s in t.sectors}
    assert codes <= SECTORS, codes - SECTORS


def test_build_agents_keeps_the_source_codes_other_parts_after_the_primary():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "scripts" / "build_agents.py"
    spec = importlib.util.spec_from_file_location("build_agents", path)
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.sectors_of("CVLOPP") == "OPP|CVL"  # the primary by the old rule, then the rest in order
    assert build.sectors_of("GOVJRN") == "GOV|MED"  # PLOVER's JRN is parley's MED
    assert build.sectors_of("UNKOPP") == "OPP"
    converted = {"protester": ("", "OPP|CVL"), "defense minister": ("", "GOV|MIL")}
    rows = {r[0]: r[2] for r in build.merge(converted, [
        {"term": "protester", "sector": "CVL"},                 # one sector: the primary, the source's others kept
        {"term": "defence minister", "sector": "GOV"},          # a British spelling of a source term
        {"term": "opposition lawmaker", "sector": "LEG|OPP"},   # several: exactly these
    ])}
    assert rows == {"protester": "CVL|OPP", "defense minister": "GOV|MIL", "defence minister": "GOV|MIL",
                    "opposition lawmaker": "LEG|OPP"}
