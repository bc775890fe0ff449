"""Bare surnames (actors/surnames.py): through the document first, then the office held on the date."""
from datetime import date

import pytest

from parley.actors.component import ActorTagger
from parley.actors.kb import name_tokenizer, shipped_kb
from parley.actors.surnames import is_office
from parley.actors.user import with_user_actors
from parley.model import Document


def resolve(pipeline, text, when):
    ((_, _, actors),) = list(pipeline.resolve([("0", text, date.fromisoformat(when))]))
    return actors


@pytest.mark.parametrize("surname, when, country, name", [
    ("Trump", "2025-06-01", "USA", "Donald Trump"),       # tagged a common noun, still a name
    ("TRUMP", "2025-06-01", "USA", "Donald Trump"),       # in capitals
    ("Xi", "2025-06-01", "CHN", "Xi Jinping"),            # family name first (name_order.tsv)
    ("Modi", "2025-06-01", "IND", "Narendra Modi"),
    ("Zelensky", "2025-06-01", "UKR", "Volodymyr Zelensky"),
    ("Netanyahu", "2025-06-01", "ISR", "Benjamin Netanyahu"),
    ("Guterres", "2025-06-01", None, "António Guterres"),  # the head of an IGO
])
def test_a_prominent_surname_alone_is_the_office_holder_of_the_day(pipeline, surname, when, country, name):
    (a,) = resolve(pipeline, surname, when)
    assert (a.country, a.name, a.kind) == (country, name, "person")


def test_a_former_head_of_state_is_still_named_by_surname_a_former_minister_is_not(pipeline):
    (before,) = resolve(pipeline, "Biden", "2022-06-01")
    (after,) = resolve(pipeline, "Biden", "2025-06-01")
    assert (before.name, before.sector, after.name, after.sector) == ("Joe Biden", "GOV", "Joe Biden", "ELI")
    assert resolve(pipeline, "Blinken", "2025-06-01") == ()  # Secretary of State until 2025-01-20


@pytest.mark.parametrize("surname, when, sector, role", [
    ("Rubio", "2023-06-01", "LEG", "Senator"),                         # a senator then, and nobody else is Rubio
    ("Rubio", "2025-06-01", "GOV", "Minister of Foreign Affairs"),     # Secretary of State from 2025-01-21
    ("Trump", "2023-06-01", "ELI", None),                              # between his terms: a former president
])
def test_a_surname_names_its_bearer_of_highest_standing_on_the_date(pipeline, surname, when, sector, role):
    (a,) = resolve(pipeline, surname, when)
    assert (a.country, a.sector, a.role, a.kind) == ("USA", sector, role, "person")


def _tagger(rows):
    return ActorTagger(with_user_actors(shipped_kb(), rows, name_tokenizer()))


def _people(tagger, pipeline, text, when):
    doc = tagger(pipeline.parse(Document("t", text, date.fromisoformat(when))))
    return {doc[i].text: [a.name for a in acts] for i, acts in doc._.actor_heads.items()}


# two invented office holders who share a surname, in two countries
NAMESAKES = [
    {"name": "Amara Tendeka", "country": "ZMB", "sector": "GOV", "role": "Minister of Foreign Affairs",
     "start": "2024-01-01"},
    {"name": "Joseph Tendeka", "country": "MWI", "sector": "GOV", "role": "Prime Minister", "start": "2024-01-01"},
]


def test_a_surname_two_office_holders_share_resolves_only_through_the_document(pipeline):
    tagger = _tagger(NAMESAKES)
    assert _people(tagger, pipeline, "Tendeka criticised the decision.", "2025-03-01").get("Tendeka") is None
    found = _people(tagger, pipeline, "Malawi's Joseph Tendeka flew to Lusaka on Monday. Tendeka criticised "
                                      "the decision.", "2025-03-01")
    assert found["Tendeka"] == ["Joseph Tendeka"]


def test_a_surname_whose_bearer_holds_a_lesser_post_is_not_guessed(pipeline):
    tagger = _tagger([{"name": "Pendo Mwakasege", "country": "TZA", "sector": "GOV", "role": "Spokesperson",
                       "start": "2024-01-01"}])
    assert _people(tagger, pipeline, "Mwakasege criticised the decision.", "2025-03-01").get("Mwakasege") is None


def test_offices_news_names_by_surname_alone():
    from parley.actors.entries import Tenure

    assert is_office(Tenure("FRA", "GOV", "Minister of the Interior", None, None))
    assert is_office(Tenure(None, "IGO", "NATO Secretary-General", None, None))
    assert not is_office(Tenure("USA", "LEG", "Senator", None, None))
    assert not is_office(Tenure("RUS", "GOV", "Spokesperson", None, None))


# invented bearers of two surnames, with their standing on 2025-03-01
STANDING = [
    {"name": "Rosa Vantrell", "country": "CHL", "sector": "LEG", "role": "Senator", "start": "2020-01-01"},
    {"name": "Ana Vantrell", "country": "PER", "sector": "GOV", "role": "President", "start": "2024-01-01"},
    {"name": "Luis Okonkwo-Baird", "country": "NGA", "sector": "GOV", "role": "Prime Minister",
     "start": "2010-01-01", "end": "2015-01-01"},
    {"name": "Tola Okonkwo-Baird", "country": "NGA", "sector": "GOV", "role": "President", "start": "2024-01-01"},
    {"name": "Kemi Okonkwo-Baird", "country": "GHA", "sector": "GOV", "role": "Minister of Defence",
     "start": "2024-01-01", "end": "2024-12-31"},
]


def test_an_office_holder_outranks_a_lesser_bearer(pipeline):
    tagger = _tagger(STANDING)
    assert _people(tagger, pipeline, "Vantrell criticised the decision.", "2025-03-01")["Vantrell"] == ["Ana Vantrell"]
    # before Ana's presidency the senator is the one Vantrell
    assert _people(tagger, pipeline, "Vantrell criticised the decision.", "2023-03-01")["Vantrell"] == ["Rosa Vantrell"]


def test_a_surname_that_a_leader_and_a_former_leader_of_one_country_bear_gives_the_country_only(pipeline):
    tagger = _tagger(STANDING)
    doc = tagger(pipeline.parse(Document("t", "Okonkwo-Baird criticised the decision.", date(2025, 3, 1))))
    (actor,) = [a for acts in doc._.actor_heads.values() for a in acts]
    assert (actor.country, actor.sector, actor.name) == ("NGA", None, None)
    # while a minister abroad also bore it, nobody: the country is not certain either
    doc = tagger(pipeline.parse(Document("t", "Okonkwo-Baird criticised the decision.", date(2024, 6, 1))))
    assert not doc._.actor_heads


def test_office_holders_of_every_state_make_a_surname_ambiguous_but_are_not_named_by_it(pipeline):
    """"Ali" is Ethiopia's prime minister's third name and Guyana's president's surname: nobody;
    "Samia Hassan", whose given name agrees, is Tanzania's president."""
    assert resolve(pipeline, "Ali", "2024-06-01") == ()
    (a,) = resolve(pipeline, "Samia Hassan", "2024-06-01")
    assert (a.name, a.country) == ("Samia Suluhu Hassan", "TZA")


@pytest.mark.parametrize("text", ["Ivanka Trump", "Jill Biden", "Samia Suluhu Hasan"])
def test_given_names_that_are_not_the_bearers_are_another_person(pipeline, text):
    for a in resolve(pipeline, text, "2025-06-01"):
        assert a.name not in {"Donald Trump", "Joe Biden", "Mohamad Hasan"}


def test_given_names_that_agree_with_the_bearer_name_him(pipeline):
    assert [a.name for a in resolve(pipeline, "Donald J. Trump", "2025-06-01")] == ["Donald Trump"]
    assert [a.name for a in resolve(pipeline, "Marco A. Rubio", "2025-06-01")] == ["Marco Rubio"]


@pytest.mark.parametrize("text", ["Castro", "Hassan"])
def test_an_ambiguous_surname_alone_is_not_a_place_of_that_name(pipeline, text):
    assert resolve(pipeline, text, "2024-06-01") == ()


def test_standing_on_a_date():
    from parley.actors.entries import Person, Tenure
    from parley.actors.surnames import KNOWN, OFFICE, POST, standing

    pm = Person("x", "X", (Tenure("AAA", "GOV", "Prime Minister", date(2010, 1, 1), date(2015, 1, 1)),
                           Tenure("AAA", "LEG", "Senator", date(2016, 1, 1), date(2018, 1, 1))))
    assert standing(pm, date(2012, 1, 1)) == OFFICE
    assert standing(pm, date(2017, 1, 1)) == KNOWN  # a senator
    assert standing(pm, date(2020, 1, 1)) == KNOWN  # a former head of government
    spokes = Person("y", "Y", (Tenure("AAA", "GOV", "Spokesperson", date(2010, 1, 1), None),))
    assert standing(spokes, date(2012, 1, 1)) == POST
    fm = Person("z", "Z", (Tenure("AAA", "GOV", "Minister of Foreign Affairs", date(2010, 1, 1), date(2011, 1, 1)),))
    assert standing(fm, date(2012, 1, 1)) is None
