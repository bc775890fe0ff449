"""What did not happen is not an event (coding/factuality.py), through the pipeline."""
from __future__ import annotations

from datetime import date

import pytest

from parley.ingest import Document


def categories(pipeline, text: str) -> list[str]:
    return [e.event for e in pipeline.code(Document("f", text, date(2024, 5, 6)))]


def test_a_habit_is_not_an_event(pipeline):
    assert "RETREAT" not in categories(pipeline, "Somali pirates usually release hostages after a ransom is paid.")
    assert "RETREAT" in categories(pipeline, "Somali pirates released 12 hostages after a ransom was paid.")


def test_a_time_clause_under_what_will_happen_has_not_happened(pipeline):
    assert "RETREAT" not in categories(
        pipeline, "Kenya said the operation would end only when the rebels laid down their arms.")
    assert "RETREAT" in categories(pipeline, "The rebels laid down their arms on Monday.")


def codes(pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.event, e.cameo) for e in pipeline.code(Document("f", text, date(2024, 5, 6)))]


def test_refusing_to_yield_says_what_is_refused(pipeline):
    # CAMEO 124x by what would have been yielded (08x): dissent, restrictions, persons
    assert codes(pipeline, "Striking teachers said they will not end the strike until wages rise.") == [("REJECT", "1242")]
    assert codes(pipeline, "The interior ministry said it would not lift the curfew.") == [("REJECT", "1241")]
    assert codes(pipeline, "The militia said it would not release the kidnapped engineers.") == [("REJECT", "1243")]


def test_ending_a_strike_or_protest_eases_dissent(pipeline):
    assert codes(pipeline, "Port workers in Durban called off their strike on Friday.") == [("CONCEDE", "082")]
    assert codes(pipeline, "Students in Dhaka ended their sit-in after talks with the university.")[:1] == [
        ("CONCEDE", "082")]


def test_a_strike_or_month_in_a_phrase_ends_nothing(pipeline):
    assert "CONCEDE" not in [c for c, _ in codes(pipeline, "Hundreds of miners stopped work on Tuesday in a strike over pay.")]
    assert "CONCEDE" not in [c for c, _ in codes(pipeline, "The Kenyan president cancelled a planned visit to Uganda in March.")]


def test_a_subject_no_one_is_negates_and_an_inverted_condition_is_hypothetical(code_text):
    assert code_text("Neither Sudan nor Chad has signed the draft accord on the border.") == []
    assert code_text("Had Moscow lifted the embargo earlier, Georgia's exports might have recovered.") == []
    (ev,) = code_text("Sudan and Chad signed the draft accord on the border on Monday.")
    assert ev.factuality == "asserted"


@pytest.mark.parametrize("text", [
    "Uganda denied sending troops to help the rebels in eastern Congo.",
    "Uganda denied that its troops had shelled Congolese army positions.",
])
def test_what_is_denied_did_not_happen(code_text, text):
    assert code_text(text) == []


def test_a_verb_coordinated_with_a_denial_is_not_denied(code_text):
    assert [e.event for e in code_text("Uganda denies the claim and accuses Kenya of spreading lies.")] == ["ACCUSE"]
