"""What did not happen is not an event (coding/factuality.py), through the pipeline."""
from __future__ import annotations

from datetime import date

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
