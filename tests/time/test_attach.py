"""Which date phrase of a sentence dates an event, read from the parse: the level it is found at
and the days counted back from "N days after"."""
from datetime import date

import pytest

from parley.model import Document
from parley.time.attach import attach
from parley.time.phrases import find_dates


@pytest.fixture(scope="module")
def attached(pipeline):
    def run(text: str, word: str) -> tuple[str, str, int] | None:
        doc = pipeline.parse(Document("t", text, date(2025, 6, 6)))
        anchor = next(t for t in doc if t.text == word)
        found = attach(anchor, find_dates(anchor.sent))
        return (found.span.text, found.rule, found.shift) if found else None
    return run


@pytest.mark.parametrize("text,word,want", [
    # the event's word or verb
    ("Police arrested 14 activists Tuesday outside the parliament.", "arrested", ("Tuesday", "event", 0)),
    ("The two leaders held talks on Monday in Ankara.", "talks", ("Monday", "clause", 0)),
    ("Leaders opened a two-day summit in Lisbon starting Thursday.", "summit", ("Thursday", "sentence", 0)),
    # a date of the clause the event depends on, or concurrent with it ("during")
    ("Japan and Vietnam signed a pact during a visit to Hanoi on October 22.", "signed", ("October 22", "event", 0)),
    ("The ministry said on Monday that troops had shelled the village.", "shelled", ("Monday", "governing clause", 0)),
    # another clause's date, when nothing closer dates the event
    ("The envoy, who landed in Nairobi on Sunday, signed a trade accord.", "signed", ("Sunday", "sentence", 0)),
])
def test_levels(attached, text, word, want):
    assert attached(text, word) == want


@pytest.mark.parametrize("text,word", [
    ("Iran condemned Thursday's strike on its consulate.", "condemned"),  # the strike's day
    ("Police detained 20 people, days after the government banned rallies on May 30.", "detained"),
    ("Troops deployed to the border after the earthquake last month.", "deployed"),
])
def test_dates_of_other_things_and_of_the_background_are_not_the_events(attached, text, word):
    assert attached(text, word) is None


def test_an_event_n_days_after_counts_back(attached):
    text = "Rioting broke out on Friday, two days after police shot a teenager in the suburb."
    assert attached(text, "shot") == ("Friday", "governing clause", -2)
    assert attached(text, "broke") == ("Friday", "event", 0)


@pytest.mark.parametrize("text,word,want", [
    # a date of the clause's subject: its possessive, its participle
    ("Tuesday's raid destroyed two houses in the village, officials said.", "destroyed", ("Tuesday", "subject", 0)),
    ("A drone launched on Friday hit a fuel depot near the border.", "hit", ("Friday", "subject", 0)),
    # the clause's own date comes first
    ("The convoy attacked on Monday was looted on Wednesday.", "looted", ("Wednesday", "event", 0)),
])
def test_a_date_of_the_subject_dates_the_clause(attached, text, word, want):
    assert attached(text, word) == want


def test_since_a_day_on_a_verb_is_its_start_but_not_on_a_noun(attached):
    text = "Since Sunday at least 40 people have been killed in the fighting around the city."
    assert attached(text, "killed") == ("Sunday", "event", 0)
    assert attached("It was the minister's first visit to Jakarta since March.", "visit") is None


def test_a_clause_n_days_after_a_dated_thing_counts_forward(attached):
    text = "The ceasefire collapsed ten days after the March 3 agreement between the two sides."
    assert attached(text, "collapsed") == ("March 3", "event", 10)


def test_a_day_after_hung_on_the_later_clause_still_counts_back(attached):
    # the parser hangs "a day after" on "stormed", before its subject
    text = "The army announced a curfew on Monday, a day after rebels stormed the airport in the capital."
    assert attached(text, "stormed") == ("Monday", "governing clause", -1)


def test_since_a_month_or_a_year_is_a_state_not_its_start(attached):
    assert attached("Russian troops have occupied the peninsula since 2014.", "occupied") is None
    assert attached("Rebels have besieged the city since March 3.", "besieged") == ("March 3", "event", 0)
