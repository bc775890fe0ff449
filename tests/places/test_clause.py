"""How a place mention hangs from an event's clause (places/clause.py), on parses of sentences written for these tests."""
from datetime import date

from parley.model import Document
from parley.places.clause import aimed_at, cue_of, same_occurrence


def parse(pipeline, text):
    return pipeline.parse(Document("c", text, date(2025, 8, 1)))


def test_a_subjectless_participle_or_a_when_clause_tells_the_same_occurrence(pipeline):
    doc = parse(pipeline, "Speaking in Lima, the president ordered the army to withdraw.")
    assert same_occurrence(next(t for t in doc if t.lower_ == "speaking"))
    doc = parse(pipeline, "The ministers met again after the rebels had seized the town.")
    assert not same_occurrence(next(t for t in doc if t.lower_ == "seized"))  # another occurrence


def test_what_force_is_aimed_at_and_the_cue_of_a_place(pipeline):
    doc = parse(pipeline, "The army fired rockets at the country's power grid near the town of Orlu.")
    assert aimed_at(next(t for t in doc if t.lower_ == "grid"))
    orlu = next(t for t in doc if t.text == "Orlu")
    cue = cue_of(doc[orlu.i:orlu.i + 1])
    assert cue.locative and not cue.article
