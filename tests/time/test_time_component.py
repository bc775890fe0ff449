"""The time stage on whole reports: a date stated once carries to the undated events after it.

(No __init__.py here: a test package named `time` would shadow the standard library's.)
"""
from datetime import date

import pytest


def test_a_stated_day_carries_to_the_next_undated_event(code_text):
    text = ("The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss migration. "
            "Chile and Peru agreed to reopen a border crossing near Tacna.")
    events = {e.event: e for e in code_text(text, pub="2025-03-14")}
    assert events["CONSULT"].date == date(2025, 3, 11) and events["CONSULT"].date_precision == "day"
    agree = events["AGREE"]
    assert agree.date == date(2025, 3, 11) and agree.date_text == "Tuesday"
    assert "of the event before it" in dict(agree.explain)["date"]


def test_a_statement_after_a_reported_event_takes_the_day_it_was_reported(code_text):
    text = ("Peru said on Wednesday that Chilean troops had fired on Peruvian border guards near Tacna on March 9. "
            "Peru also repeated its demand that Chile withdraw the soldiers.")
    events = {e.event: e for e in code_text(text, pub="2025-03-14")}
    assert events["REQUEST"].date == date(2025, 3, 12) and events["REQUEST"].date_text == "Wednesday"
    assert "when the event before it was reported" in dict(events["REQUEST"].explain)["date"]
    # the reported event keeps its own day
    assert [e.date for e in events.values() if e.event != "REQUEST"] == [date(2025, 3, 9)]


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


def _rule(ev) -> str:
    return dict(ev.explain)["date"].split(":")[0]


def test_each_date_says_the_rule_that_found_it(code_text):
    text = ("Soldiers fired on protesters in Dhaka on Friday. Later that day the government of Bangladesh "
            "imposed a curfew. Human rights groups accused the government of excessive force.")
    fired, curfew, accused = code_text(text, pub="2025-02-10")
    assert (fired.date, fired.date_precision, _rule(fired)) == (date(2025, 2, 7), "day", "event")
    # "later that day" counts from the day the text last named, not from publication
    assert (curfew.date, curfew.date_text, _rule(curfew)) == (date(2025, 2, 7), "Later that day", "event")
    assert (accused.date, _rule(accused)) == (date(2025, 2, 7), "previous sentence")


def test_days_later_counts_from_the_day_named_before_across_a_month(code_text):
    text = ("Rebels seized the town of Goma on January 30. Three days later Congolese troops attacked "
            "the rebels near the airport.")
    seized, attacked = code_text(text, pub="2025-02-05")
    assert seized.date == date(2025, 1, 30)
    assert (attacked.date, attacked.date_precision) == (date(2025, 2, 2), "day")


def test_an_event_told_as_background_does_not_date_the_next_sentences(code_text):
    # the main event of a sentence carries its date, not one inside its "after" clause
    text = ("Russia began naval drills in the Baltic on Thursday after Estonia's president vowed on Monday "
            "to defend the coast. Finland condemned the drills.")
    condemned = next(e for e in code_text(text, pub="2025-05-23") if e.event == "ACCUSE")
    assert condemned.date == date(2025, 5, 22)


def test_a_date_of_another_clause_dates_an_event_its_own_clause_does_not(code_text):
    (signed,) = code_text("The British prime minister, who landed in Nairobi on Sunday, signed a trade "
                          "accord with Kenya.", pub="2025-02-05")
    assert (signed.date, _rule(signed)) == (date(2025, 2, 2), "sentence")


def test_a_date_of_another_thing_is_not_the_events(code_text):
    (ev,) = code_text("Iran condemned Thursday's strike on its consulate in Damascus.", pub="2025-02-10")
    assert (ev.date, ev.date_precision, _rule(ev)) == (date(2025, 2, 10), "publication", "publication")


def test_a_weekday_in_a_clause_about_what_is_to_come_is_the_coming_one(code_text):
    events = code_text("The army will meet mediators in Jeddah on Tuesday.", pub="2025-03-05")
    assert [(e.date, e.date_precision) for e in events] == [(date(2025, 3, 11), "day")]


def test_a_weekday_and_its_date_are_one_phrase(code_text):
    (ev,) = code_text("Ukraine and Poland held talks in Warsaw on Monday, March 3, on grain exports.", pub="2025-03-12")
    assert (ev.date, ev.date_text) == (date(2025, 3, 3), "Monday, March 3")


def test_the_date_phrases_are_indexed_once_per_document_not_scanned_per_event(code_text, monkeypatch):
    import parley.time.component as component

    scans = []

    class Counted(dict):
        def __iter__(self):
            scans.append(1)
            return super().__iter__()

    real = component._values
    monkeypatch.setattr(component, "_values", lambda doc, base: Counted(real(doc, base)))
    evs = code_text("Iran and Iraq signed a trade deal on Monday. Turkey condemned Syria on Tuesday. "
                    "Egypt accused Libya on Wednesday, and Sudan threatened Chad.")
    assert len(evs) >= 3
    assert [e.date.isoformat() for e in evs[:3]] == ["2025-07-28", "2025-07-29", "2025-07-30"]
    assert len(scans) == 1


def _dated_at(pipeline, text: str, word: str, pub: str):
    """The time stage alone on ``text``, for one event whose word is ``word`` (the coder aside)."""
    from parley.model import Document, Event
    from parley.time.component import TimeTagger

    doc = pipeline.parse(Document("t", text, date.fromisoformat(pub)))
    anchor = next(t for t in doc if t.text == word)
    event = Event(event_id="e", doc_id="t", sentence=0, event="ASSAULT", cameo="190", goldstein=-10.0,
                  quad_class=4, actor=())
    doc._.events, doc._.event_anchors = [event], [anchor.i]
    return TimeTagger()(doc)._.events[0]


@pytest.mark.parametrize("text,word,pub,want", [
    # a multi-day event is its first day: one ended on a day began before it
    ("Leaders of the European Union concluded a three-day summit in Brussels on Sunday.", "summit",
     "2025-03-03", date(2025, 2, 28)),
    ("The leaders ended their two-day summit in Lisbon on Monday, having signed a trade pact on the first day.",
     "signed", "2025-09-01", date(2025, 8, 31)),
    ("The leaders ended their two-day summit in Lisbon on Monday, having signed a trade pact on the final day.",
     "signed", "2025-09-01", date(2025, 9, 1)),
    # "N days after" a clause the text does not date: counted from publication
    ("The denial came a week after the two ministers held talks in Riyadh.", "held", "2025-03-04",
     date(2025, 2, 25)),
    # counted forward from a dated thing, across the year's end
    ("The ceasefire collapsed five days after the December 30 agreement between the two sides.", "collapsed",
     "2026-01-06", date(2026, 1, 4)),
    # named days, days to come, explicit days in brackets, "since", the subject's date
    ("On New Year's Eve, drones struck the port of Odesa.", "struck", "2025-01-01", date(2024, 12, 31)),
    ("The two presidents will meet on Friday in Geneva.", "meet", "2025-12-29", date(2026, 1, 2)),
    ("Russian and US officials held talks in Riyadh (Feb 18), the ministry said.", "talks", "2025-03-01",
     date(2025, 2, 18)),
    ("Since Sunday at least 40 people have been killed in the fighting around the city.", "killed",
     "2025-03-04", date(2025, 3, 2)),
    ("A drone launched on Saturday hit a fuel depot near the border.", "hit", "2025-09-01", date(2025, 8, 30)),
    # a participle has its clause's tense: a summit to come, this year's June 24
    ("NATO leaders will gather for a two-day summit in The Hague starting June 24.", "summit", "2025-06-20",
     date(2025, 6, 24)),
    ("Since Christmas Day, more than 100 people have been killed.", "killed", "2025-01-02", date(2024, 12, 25)),
    # "would" in what was said is the future seen from then, across the year's end
    ("Officials said talks would continue on Friday.", "continue", "2025-12-30", date(2026, 1, 2)),
])

def test_the_day_of_an_event(pipeline, text, word, pub, want):
    ev = _dated_at(pipeline, text, word, pub)
    assert (ev.date, ev.date_precision) == (want, "day"), dict(ev.explain)["date"]


def test_would_of_a_condition_is_not_ahead(pipeline):
    ev = _dated_at(pipeline, "Officials said talks would have continued on Friday without the strike.", "continued",
                   "2025-12-30")
    assert ev.date == date(2025, 12, 26)


def test_the_rule_says_since_and_the_first_of_several_days(pipeline):
    since = _dated_at(pipeline, "Since Sunday at least 40 people have been killed in the fighting.", "killed",
                      "2025-03-04")
    assert dict(since.explain)["date"].endswith("its start ('since')")
    summit = _dated_at(pipeline, "Leaders of the European Union concluded a three-day summit in Brussels on Sunday.",
                       "summit", "2025-03-03")
    assert "the first of its 3 days" in dict(summit.explain)["date"] and summit.date_text == "Sunday"


def test_a_bare_date_after_the_event_noun_is_the_nouns(pipeline):
    text = "On Tuesday, the ministry confirmed reports of a standoff last month between coast guard vessels."
    ev = _dated_at(pipeline, text, "standoff", "2025-01-08")
    assert (ev.date, ev.date_precision) == (date(2024, 12, 1), "month")
    assert _dated_at(pipeline, text, "confirmed", "2025-01-08").date == date(2025, 1, 7)


def test_a_main_clause_a_week_after_something_is_not_counted_back(pipeline):
    ev = _dated_at(pipeline, "A week after the talks in Riyadh, Russia launched a missile attack on Kyiv.", "launched",
                   "2025-03-04")
    assert (ev.date, ev.date_precision) == (date(2025, 3, 4), "publication")
    # counted from Monday: reported as done by Wednesday March 12, so from the Monday before last
    counted = _dated_at(pipeline, "A week after Monday's talks in Riyadh, Russia launched a missile attack on Kyiv.",
                        "launched", "2025-03-12")
    assert (counted.date, counted.date_precision) == (date(2025, 3, 10), "day"), dict(counted.explain)["date"]
    counted = _dated_at(pipeline, "Two days after Monday's talks in Riyadh, Russia launched a missile attack on Kyiv.",
                        "launched", "2025-03-13")
    assert counted.date == date(2025, 3, 12), dict(counted.explain)["date"]


def test_the_first_day_is_of_a_multi_day_event_just_named(pipeline):
    text = ("Leaders ended a two-day summit in Lisbon on Monday. Officials met in Porto. Talks went on. "
            "Rebels attacked a convoy on the first day of the offensive.")
    ev = _dated_at(pipeline, text, "attacked", "2025-03-04")
    assert ev.date_text != "the first day" and ev.date_precision == "publication"
