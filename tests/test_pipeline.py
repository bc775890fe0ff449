"""The pipeline's warm-up: what the runner relies on to load everything once, before it forks."""
from __future__ import annotations


def test_warm_up_loads_the_lazily_loaded_gazetteer(pipeline):
    places = pipeline.nlp.get_pipe("parley_places")
    places._gazetteer = None  # as in a Pipeline that has not coded a document yet
    pipeline.warm()
    assert places._gazetteer is not None


def test_warm_up_codes_an_event_through_every_stage(pipeline):
    from datetime import date

    from parley.model import Document
    from parley.pipeline.pipeline import WARM_UP

    events = pipeline.code(Document("w", WARM_UP, date(2024, 3, 4)))
    # the text exists to reach each stage: an actor pair, a date, a place, a source
    assert any(e.actor and e.recipient and e.date and e.location for e in events), events


def test_a_decimal_point_set_apart_ends_no_sentence(code_text):
    # some feeds' text spaces out decimals ("352. 5 million"); the event's sentence stays whole
    events = code_text("Norway gave 352. 5 million euros to Ethiopia on Monday.")
    assert [(e.event, e.sentence, e.codes("actor")) for e in events] == [("AID", 0, ["NOR"])]
