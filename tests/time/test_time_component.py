"""The time stage on whole reports: a date stated once carries to the undated events after it.

(No __init__.py here: a test package named `time` would shadow the standard library's.)
"""
from datetime import date


def test_a_stated_day_carries_to_the_next_undated_event(code_text):
    text = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss migration. "
            "Chile and Peru agreed to reopen a border crossing near Tacna.")
    events = {e.event: e for e in code_text(text, pub="2025-03-14")}
    assert events["CONSULT"].date == date(2025, 3, 11) and events["CONSULT"].date_precision == "day"
    agree = events["AGREE"]
    assert agree.date == date(2025, 3, 11) and agree.date_text == "Tuesday"
    assert "of the event before it" in dict(agree.explain)["date"]


def test_a_date_does_not_carry_across_a_long_stretch(code_text):
    filler = " ".join(f"Chilean officials said point {n} was still open." for n in range(5))
    text = (f"The foreign ministers of Chile and Peru met in Lima on Tuesday. {filler} "
            "Chile and Peru agreed to reopen a border crossing near Tacna.")
    agree = next(e for e in code_text(text, pub="2025-03-14") if e.event == "AGREE")
    assert agree.date == date(2025, 3, 14) and agree.date_precision == "publication"


def test_a_date_does_not_carry_into_another_matter(code_text):
    text = ("The foreign ministers of Chile and Peru met in Lima on Tuesday. "
            "Meanwhile, Bolivia accused Chile of blocking its exports.")
    accuse = next(e for e in code_text(text, pub="2025-03-14") if e.event == "ACCUSE")
    assert accuse.date == date(2025, 3, 14) and accuse.date_precision == "publication"


def test_the_carry_counts_the_same_sentences_without_the_prefilter():
    from parley.model import Document
    from parley.pipeline import Pipeline, PipelineConfig

    filler = " ".join(f"Chilean officials said point {n} was still open." for n in range(5))
    text = (f"The foreign ministers of Chile and Peru met in Lima on Tuesday. {filler} "
            "Chile and Peru agreed to reopen a border crossing near Tacna.")
    doc = Document("t", text, date(2025, 3, 14))
    for prefilter in (True, False):
        agree = next(e for e in Pipeline(PipelineConfig(prefilter=prefilter)).code(doc) if e.event == "AGREE")
        assert agree.date_precision == "publication", prefilter
