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


def test_a_surname_out_of_office_on_the_date_stays_unresolved(pipeline):
    assert resolve(pipeline, "Biden", "2025-06-01") == ()
    assert resolve(pipeline, "Biden", "2022-06-01")[0].name == "Joe Biden"


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
