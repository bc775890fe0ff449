import json
from datetime import date

from parley.model import Actor, Attribution, Event, Mention, Place, event_id

DESIGN_FIELDS = ["event_id", "doc_id", "sentence", "event", "mode", "context", "cameo", "goldstein", "quad_class",
                 "actor", "recipient", "reciprocal", "date", "date_text", "date_precision", "location",
                 "factuality", "attribution", "mentions", "confidence", "coder"]


def make_event() -> Event:
    return Event(
        event_id=event_id("d1", 0, 0, "CONSULT"), doc_id="d1", sentence=0, event="CONSULT", cameo="042",
        goldstein=1.9, quad_class=1, mode="visit", context=("diplomatic",), reciprocal=True,
        actor=(Actor("South Korean Foreign Minister Cho Hyoung", 0, 39, "KOR", "GOV", name="Cho Hyun",
                     role="Minister of Foreign Affairs", kind="person"),),
        recipient=(Actor("US Secretary of State Marco Rubio", 44, 77, "USA", "GOV"),),
        date=date(2025, 7, 31), date_text="July 31", date_precision="day",
        location=Place("Washington, D.C.", "Washington", "USA", 38.895, -77.036, 4140963),
        attribution=(Attribution("TASS", "media"),),
        mentions=(Mention(0, "held a high-stakes meeting", 0, 220, 78, 104),), confidence=0.91,
    )


def test_json_form_is_the_design_record():
    rec = make_event().to_dict()
    assert list(rec) == DESIGN_FIELDS
    assert rec["actor"][0] == {"text": "South Korean Foreign Minister Cho Hyoung", "name": "Cho Hyun",
                               "country": "KOR", "sector": "GOV", "role": "Minister of Foreign Affairs",
                               "kind": "person", "start": 0, "end": 39}
    assert rec["location"]["geonameid"] == 4140963
    assert rec["attribution"] == [{"text": "TASS", "kind": "media"}]
    json.dumps(rec)  # serialisable as is


def test_round_trip_through_json():
    ev = make_event()
    back = Event.from_dict(json.loads(json.dumps(ev.to_dict())))
    assert back == ev


def test_explain_only_when_asked():
    ev = make_event()
    assert "explain" not in ev.to_dict()
    assert "explain" in ev.to_dict(explain=True)


def test_event_ids_are_stable_and_distinct():
    assert event_id("d", 1, 10, "AGREE") == event_id("d", 1, 10, "AGREE")
    assert event_id("d", 1, 10, "AGREE") != event_id("d", 1, 10, "REJECT")
    assert event_id("d", 1, 10, "AGREE") != event_id("e", 1, 10, "AGREE")


def test_actor_code_prefers_country_then_international_kind():
    assert Actor("x", 0, 1, country="FRA", sector="GOV").code() == "FRA"
    assert Actor("x", 0, 1, sector="IGO", org="UN").code() == "IGO"
    assert Actor("x", 0, 1, sector="REB").code() is None


def test_actor_sectors_keep_the_primary_first_and_only_what_was_given():
    from dataclasses import replace

    hamas = Actor("Hamas", 0, 5, "PSE", "REB", sectors=("REB", "PTY", "GOV", "PTY"))
    assert hamas.sectors == ("REB", "PTY", "GOV")  # repeats dropped, order kept
    assert Actor("Iran", 0, 4, "IRN", "GOV").sectors == ("GOV",)  # one sector: itself, as old callers build it
    assert Actor("people", 0, 6, "IRN").sectors == ()
    # a stage that sets another primary keeps none of the sectors it did not give
    assert replace(hamas, sector="ELI").sectors == ("ELI",)
    assert replace(hamas, sector=None).sectors == ()
    assert Actor("x", 0, 1, None, "GOV", sectors=("REB", "GOV")).sectors == ("GOV",)


def test_actor_sectors_in_the_record_only_when_several():
    hamas = Actor("Hamas", 0, 5, "PSE", "REB", sectors=("REB", "PTY", "GOV"))
    d = hamas.to_dict()
    assert d["sector"] == "REB" and d["sectors"] == ["REB", "PTY", "GOV"]
    assert list(d).index("sectors") == list(d).index("sector") + 1
    assert Actor.from_dict(json.loads(json.dumps(d))) == hamas
    iran = Actor("Iran", 0, 4, "IRN", "GOV")
    assert "sectors" not in iran.to_dict() and Actor.from_dict(iran.to_dict()).sectors == ("GOV",)
