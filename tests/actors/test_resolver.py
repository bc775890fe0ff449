"""Actor mentions in running text, resolved by the pipeline's actor component."""
import pytest


def actors_in(pipeline, text, pub="2025-08-01"):
    from datetime import date

    from parley.model import Document

    doc = pipeline.parse(Document("t", text, date.fromisoformat(pub)))
    return {doc[i].text: a for i, a in doc._.actor_heads.items()}


def test_title_and_name_phrase(pipeline):
    found = actors_in(pipeline, "South Korean Foreign Minister Cho Hyoung arrived in Tokyo.")
    (cho,) = found["Hyoung"]
    assert (cho.country, cho.sector, cho.name, cho.role) == ("KOR", "GOV", "Cho Hyun", "Minister of Foreign Affairs")
    assert cho.text == "South Korean Foreign Minister Cho Hyoung"


@pytest.mark.parametrize("text, head, code, sector", [
    ("Israeli soldiers fired on the crowd.", "soldiers", "ISR", "MIL"),
    ("The Kremlin rejected the claim.", "Kremlin", "RUS", "GOV"),
    ("Mexican authorities arrested him.", "authorities", "MEX", "GOV"),
    ("Demonstrators in Baghdad blocked a road.", "Demonstrators", "IRQ", "CVL"),
    ("Thousands of Iraqi Kurds marched.", "Thousands", "IRQ", None),
    ("The IAEA sent inspectors.", "IAEA", None, "IGO"),
])
def test_phrases(pipeline, text, head, code, sector):
    (actor,) = actors_in(pipeline, text)[head]
    assert actor.country == code
    if sector:
        assert actor.sector == sector


def test_former_office_holder_is_elite(pipeline):
    (a,) = actors_in(pipeline, "Former Prime Minister Imran Khan was arrested.", pub="2024-01-10")["Khan"]
    assert a.country == "PAK" and a.sector == "ELI"


def test_anti_prefix_is_not_the_actor(pipeline):
    found = actors_in(pipeline, "An anti-Syria journalist was killed.")
    assert "journalist" not in found or found["journalist"][0].country != "SYR"


def test_coreference_of_pairs_and_pronouns(pipeline):
    doc_actors = actors_in(pipeline, "Marco Rubio met Cho Hyun in Washington. The two officials signed a deal. "
                                     "Rubio called it a good deal. He said he was pleased.")
    assert {a.country for a in doc_actors["officials"]} == {"USA", "KOR"}
    (rubio,) = doc_actors["Rubio"]
    assert rubio.name == "Marco Rubio"
    # in a later sentence the pronoun's own word is the mention; in its own sentence, the one named
    # there ("He said he was pleased": the first "He")
    (he,) = doc_actors["He"]
    assert he.name == "Marco Rubio" and he.text == "He"
    (again,) = doc_actors["he"]
    assert again.name == "Marco Rubio" and (again.start, again.text) == (he.start, "He")


def test_nothing_for_non_actors(pipeline):
    assert "cat" not in actors_in(pipeline, "A cat named Frank sat on the mat.")


def test_a_known_surname_inside_an_unknown_name_is_not_that_person(pipeline):
    # "Rashid" ends the name "Mohammed bin Rashid"; in the middle of another name it is not him
    found = actors_in(pipeline, "Police detained the suspected militant Tariq Rashid Hamdani in Lusaka.")
    assert all(a.name is None and a.country != "ARE" for a in found.get("Hamdani", ())), found
    # the known leader's surname on its own still resolves, after his full name
    found = actors_in(pipeline, "Sheikh Mohammed bin Rashid met the envoy. Later Rashid said he was pleased.")
    assert [a.name for a in found["Rashid"]] == ["Mohammed bin Rashid Al Maktoum"]


@pytest.mark.parametrize("phrase, country, sector", [
    ("Abkhazia", "GEO", "PRE"),                 # partially recognised states (partial_states.tsv)
    ("the TRNC", "CYP", "PRE"),
    ("a breakaway region", None, "PRE"),
    ("an opposition lawmaker", None, "LEG"),    # a legislator, whatever side (agents_curated.tsv)
    ("the displaced", None, "REF"),
    ("herders", None, "AGR"),
    ("Capitol Hill", "USA", "LEG"),             # seats of institutions (seats.tsv)
    ("the Lubyanka", "RUS", "SPY"),
    ("TEHRAN", "IRN", "GOV"),                   # capitals in capitals
    ("Harvard", "USA", "EDU"),                  # organisations_sectors.tsv
    ("Mexico's PRI", "MEX", "PTY"),
])
def test_sectors_beyond_government(pipeline, phrase, country, sector):
    ((_, _, actors),) = list(pipeline.resolve([("0", phrase, None)]))
    assert (actors[0].country, actors[0].sector) == (country, sector)


def test_a_capital_acting_is_its_government_and_a_place_it_names_is_not_a_party(pipeline):
    from datetime import date

    from parley.model import Document

    (ev,) = pipeline.code(Document("t", "TEHRAN rejected the offer on Monday.", date(2025, 6, 1)))
    assert [(a.country, a.sector) for a in ev.actor] == [("IRN", "GOV")]
    events = pipeline.code(Document("t", "Police arrested protesters in Tehran on Monday.", date(2025, 6, 1)))
    assert events and all(a.text != "Tehran" for e in events for a in (*e.actor, *e.recipient))


def _one(pipeline, phrase, when="2025-06-01"):
    from datetime import date

    from parley.actors import phrase_actor
    from parley.model import Document

    return phrase_actor(pipeline.parse(Document("t", phrase, date.fromisoformat(when) if when else None)))


@pytest.mark.parametrize("phrase, country, sector, org", [
    ("Pakistan's PTI", "PAK", "PTY", "PTIPAK"),       # the party, not the Press Trust of India
    ("Pakistani PTI leaders", "PAK", "PTY", "PTIPAK"),
    ("Indian PTI", "IND", "MED", "PTI"),               # the news agency
    ("Australia's ADF", "AUS", None, None),            # not Congo's Allied Democratic Forces: the country alone
    ("Canada's RSF", "CAN", None, None),               # not Sudan's Rapid Support Forces
    ("Lebanon's Hezbollah", "LBN", "REB", "HEZBOLLAH"),  # the organisation's own country
    ("Iranian-backed Houthi rebels", "YEM", "REB", "HOUTHIS"),  # who backs it, not whose it is
    ("Malian JNIM fighters", None, "IMG", "JNIM"),     # an international group has no country to contradict
])
def test_an_organisation_of_another_country_than_the_phrase_names_does_not_win(pipeline, phrase, country,
                                                                                 sector, org):
    a = _one(pipeline, phrase, None)
    assert (a.country, a.sector, a.org) == (country, sector, org)


def test_a_name_two_organisations_share_is_the_one_of_the_documents_country(pipeline):
    pak = actors_in(pipeline, "Police in Lahore detained dozens of PTI workers on Sunday.")
    assert [a.org for a in pak["workers"]] == ["PTIPAK"]
    ind = actors_in(pipeline, "Officials in New Delhi told PTI that the talks would resume.")
    assert [a.org for a in ind["PTI"]] == ["PTI"]


@pytest.mark.parametrize("phrase, org", [
    ("Apple Daily", None),                 # a Hong Kong newspaper: the longer name is another entity
    ("Hong Kong's Apple Daily", None),
    ("Reuters Institute", None),
    ("Amit Malviya", None),                # a person whose given name spells an acronym
    ("Apple Inc", "APPLE"),                # a legal form
    ("Apple's", "APPLE"),
    ("Apple CEO Tim Cook", "APPLE"),       # a known word follows
    ("BBC World Service", "BBC"),          # a part of the organisation
    ("Hamas Political Bureau", "HAMAS"),
    ("CIA Director John Ratcliffe", "CIA"),  # a post in it
    ("criticised by Hamas Monday evening", "HAMAS"),  # a date follows
])
def test_an_organisation_name_that_only_begins_a_longer_name_is_not_that_organisation(pipeline, phrase, org):
    a = _one(pipeline, phrase, None)
    assert (a.org if a else None) == org
    if phrase.startswith("Hong Kong"):
        assert a.country == "HKG"


@pytest.mark.parametrize("phrase, kind, who", [
    ("Amit", None, None),                          # ordinary capitals: a given name, not the acronym AMIT
    ("AMIT", "organisation", "AMIT"),              # the acronym, in capitals
    ("AMIT SHAH", "person", "Amit Shah"),          # a name in capitals read as one name, not AMIT + SHAH
    ("Amit Shah", "person", "Amit Shah"),
])
def test_an_acronym_matches_in_capitals_only(pipeline, phrase, kind, who):
    a = _one(pipeline, phrase)
    assert ((a.kind, a.org or a.name) if a else (None, None)) == (kind, who)


@pytest.mark.parametrize("text, head, pub, sectors", [
    # an organisation's sectors (organisations.tsv): an armed group that is a party and governs
    ("Hamas rejected the proposal.", "Hamas", "2025-08-01", ("REB", "PTY", "GOV")),
    ("Gazprom cut supplies.", "Gazprom", "2025-08-01", ("BUS", "GOV")),
    # an agent term's (agents.tsv)
    ("An opposition lawmaker criticised the budget.", "lawmaker", "2025-08-01", ("LEG", "OPP")),
    # a title and a party: the nearer word's sector first, the other part's kept
    ("A Likud lawmaker criticised the budget.", "lawmaker", "2025-08-01", ("LEG", "PTY")),
    # a person's office, its organisation's sectors, another office held that day
    ("Xi Jinping met the delegation.", "Jinping", "2025-08-01", ("GOV", "PTY")),
    ("Hamas leader Khalil al-Hayya arrived in Cairo.", "Hayya", "2025-08-01", ("REB", "PTY", "GOV")),
    # a former office holder is ELI, and nothing of the office
    ("Former Prime Minister Imran Khan was arrested.", "Khan", "2024-01-10", ("ELI",)),
])
def test_an_actor_keeps_all_its_sectors(pipeline, text, head, pub, sectors):
    (actor,) = actors_in(pipeline, text, pub)[head]
    assert actor.sectors == sectors and actor.sector == sectors[0]


def test_the_primary_sector_is_what_it_was_before_sectors(pipeline):
    """The first sector of a multi-sector entry is the code it had alone: PSE REB for Hamas."""
    (hamas,) = actors_in(pipeline, "Hamas rejected the proposal.")["Hamas"]
    assert (hamas.country, hamas.sector, hamas.code()) == ("PSE", "REB", "PSE")


@pytest.mark.parametrize("phrase, when, name", [
    ("the German chancellor", "2024-02-01", "Olaf Scholz"),     # the holder on the date
    ("the German chancellor", "2025-06-01", "Friedrich Merz"),
    ("Iran's foreign minister", "2024-02-01", "Hossein Amir-Abdollahian"),
    ("the US secretary of state", "2025-04-01", "Marco Rubio"),
    ("a French minister", "2024-02-01", None),                  # not one office holder
    ("French ministers", "2024-02-01", None),
])
def test_a_definite_title_of_a_country_is_its_holder_on_the_date(pipeline, phrase, when, name):
    a = _one(pipeline, phrase, when)
    assert (a.name if a.kind == "person" else None) == name
    if name:
        assert a.role and a.country


def test_explain_says_an_office_holder_was_found_by_the_date(pipeline):
    from datetime import date

    from parley.actors.explain import explain
    from parley.model import Document

    doc = pipeline.parse(Document("t", "the German chancellor", date(2024, 2, 1)))
    actor = next(a for acts in doc._.actor_heads.values() for a in acts)
    reasons = explain(doc, actor, pipeline.nlp.get_pipe("parley_actors").kb)
    assert [(r.field, r.rule) for r in reasons][0] == ("name", "office holder on the date")
    assert "Olaf Scholz" in reasons[0].entry


@pytest.mark.parametrize("phrase, country, sector", [
    ("Peru's Popular Renewal Party", "PER", "PTY"),   # "Party" in capitals: a party's name
    ("Zambia's UPND party", "ZMB", "PTY"),            # a name before "party"
    ("a party to the conflict", None, None),          # not a political party
])
def test_a_party_by_its_name_is_a_party_the_tables_need_not_hold(pipeline, phrase, country, sector):
    a = _one(pipeline, phrase, "2025-01-01")
    assert ((a.country, a.sector) if a else (None, None)) == (country, sector)


@pytest.mark.parametrize("text, head, code", [
    ("Brazil's UN ambassador spoke first.", "ambassador", "BRA"),
    ("The Chilean UN envoy left the chamber.", "envoy", "CHL"),
    ("Norway's NATO bid was welcomed.", "bid", "NOR"),
])
def test_a_country_word_before_an_international_body_makes_the_phrase_the_countrys(pipeline, text, head, code):
    (actor,) = actors_in(pipeline, text)[head]
    assert (actor.country, actor.org) == (code, None)


def test_an_international_body_coordinated_with_a_country_is_not_its(pipeline):
    (actor,) = actors_in(pipeline, "UK and EU negotiators reached a deal.")["negotiators"]
    assert actor.org == "EU"


def test_an_agent_for_a_party_is_that_partys_but_a_thing_for_it_is_no_actor(pipeline):
    (a,) = actors_in(pipeline, "A spokesman for the Taliban denied the report.")["spokesman"]
    assert (a.country, a.org) == ("AFG", "TALIBAN")
    assert "program" not in actors_in(pipeline, "Canada ended a military aid program for Haiti.")
