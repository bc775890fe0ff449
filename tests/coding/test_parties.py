"""Whose country a party is (coding/parties.py): the rules on their own, and through the pipeline."""
from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

import parley.pipeline.nlp  # noqa: F401 - registers the Doc extensions the component reads
from parley.coding.parties import PartyTagger, at_clause_place, conjunct, coordinated
from parley.model import Actor, Event, Place

HERE = Place(text="Mombasa", name="Mombasa", country="KEN", start=40, end=47)


def event(category: str, actor: tuple[Actor, ...], recipient: tuple[Actor, ...] = (),
          place: Place | None = HERE, cameo: str = "190") -> Event:
    return Event(event_id="", doc_id="d", sentence=0, event=category, cameo=cameo, goldstein=-10.0, quad_class=4,
                 actor=actor, recipient=recipient, location=place)


def after_places(*events: Event) -> list[Event]:
    doc = Doc(Vocab(), words=["a", "text"])
    doc._.events = list(events)
    return PartyTagger()(doc)._.events


def test_a_sector_only_party_takes_the_country_where_it_happened():
    gunmen = Actor("gunmen", 0, 6, sector="UAF", kind="sector")
    (ev,) = after_places(event("ASSAULT", (gunmen,), (Actor("Somalia", 20, 27, country="SOM", kind="state"),)))
    assert ev.actor[0].country == "KEN"
    assert "from the place of the event" in dict(ev.explain)["actor"]


def test_an_international_party_is_never_placed():
    peacekeepers = Actor("UN peacekeepers", 0, 15, sector="IGO", kind="sector")
    (ev,) = after_places(event("ASSAULT", (Actor("militants", 30, 39, sector="REB", kind="sector"),), (peacekeepers,)))
    assert ev.recipient == (peacekeepers,)
    assert ev.actor[0].country == "KEN"


def test_force_by_no_one_named_is_unidentified_only_with_a_place():
    (placed,) = after_places(event("ASSAULT", ()))
    assert [(a.kind, a.country, a.text) for a in placed.actor] == [("unidentified", "KEN", "Mombasa")]
    (unplaced,) = after_places(event("ASSAULT", (), place=None))
    assert unplaced.actor == ()


def test_a_meeting_in_the_recipients_country_makes_the_actor_a_visitor():
    tanzania = Actor("Tanzania's president", 0, 20, country="TZA", sector="GOV", kind="person")
    kenya = Actor("Kenyan officials", 30, 46, country="KEN", sector="GOV", kind="sector")
    (ev,) = after_places(event("CONSULT", (kenya,), (tanzania,), place=replace_country(HERE, "TZA"), cameo="040"))
    assert (ev.actor, ev.recipient, ev.cameo, ev.mode) == ((kenya,), (tanzania,), "042", "visit")
    # the host named first is still the host: the visitor acts
    (ev,) = after_places(event("CONSULT", (tanzania,), (kenya,), place=replace_country(HERE, "TZA"), cameo="040"))
    assert (ev.actor, ev.recipient, ev.cameo) == ((kenya,), (tanzania,), "042")


def test_a_lone_visitor_is_hosted_by_the_country_visited():
    kenya = Actor("Kenya's foreign minister", 0, 24, country="KEN", sector="GOV", kind="person")
    (ev,) = after_places(event("CONSULT", (kenya,), place=replace_country(HERE, "TZA"), cameo="040"))
    assert ev.actor == (kenya,) and ev.codes("recipient") == ["TZA"] and ev.cameo == "042"


def test_the_actor_stage_rules():
    officials = Actor("Israeli and Egyptian officials", 0, 30, country="ISR", sector="GOV", kind="sector")
    assert [a.country for a in coordinated(officials, ["EGY", None, "ISR"])] == ["EGY"]
    soldiers = (Actor("soldiers", 20, 28, sector="MIL", kind="sector"),)
    police = (Actor("Turkish police", 0, 14, country="TUR", sector="COP", kind="sector"),)
    assert conjunct(soldiers, police)[0].country == "TUR"
    assert conjunct(soldiers, ()) == soldiers
    victims = (Actor("villagers", 0, 9, sector="CVL", kind="sector"),)
    assert at_clause_place(victims, (Actor("Peru", 20, 24, country="PER", kind="state"),))[0].country == "PER"
    assert at_clause_place(victims, (Actor("the region", 20, 30, kind="place"),)) is None


def test_a_sector_only_party_takes_the_other_sides_one_country(code_text):
    # the other side's country, before the sentence's (which, less the recipient's, is Chile)
    (ev,) = code_text("Soldiers arrested a Bolivian opposition leader near the Chilean border on Friday.")
    assert ev.codes("actor") == ["BOL"]
    assert "from the sentence" not in dict(ev.explain)["actor"]


def test_force_without_a_place_lends_attackers_the_victims_country_never_the_reverse():
    troops = Actor("troops", 0, 6, sector="MIL", kind="sector")
    villagers = Actor("villagers", 20, 29, sector="CVL", kind="sector")
    chinese = Actor("Chinese troops", 0, 14, country="CHN", sector="MIL", kind="sector")
    kenyans = Actor("Kenyan villagers", 20, 36, country="KEN", sector="CVL", kind="sector")
    (ev,) = after_places(event("ASSAULT", (troops,), (kenyans,), place=None))
    assert ev.codes("actor") == ["KEN"]
    (ev,) = after_places(event("ASSAULT", (chinese,), (villagers,), place=None))
    assert ev.recipient == (villagers,)
    (ev,) = after_places(event("ASSAULT", (chinese,), (villagers,)))  # a place: its country
    assert ev.codes("recipient") == ["KEN"]
    police = Actor("Chinese police", 0, 14, country="CHN", sector="COP", kind="sector")
    (ev,) = after_places(event("ASSAULT", (police,), (villagers,), place=None))  # police act at home
    assert ev.codes("recipient") == ["CHN"]


@pytest.mark.parametrize("text, victims", [
    ("An Israeli strike on a village in southern Lebanon killed three people on Tuesday.", "LBN"),
    ("Russian drones hit Kharkiv, wounding five civilians.", "UKR"),
    ("Pakistani troops fired mortars at a village in Afghanistan, wounding four people.", "AFG"),
    ("Russian artillery shelled Kherson, killing two residents.", "UKR"),
])
def test_victims_of_force_abroad_are_from_where_it_happened(code_text, text, victims):
    ev = next(e for e in code_text(text) if e.event == "ASSAULT")
    assert ev.codes("recipient") == [victims]
    assert ev.location is not None and ev.location.country == victims


@pytest.mark.parametrize("text", [
    "Russian missiles killed seven people overnight.",
    "Israeli soldiers shot two men on Monday.",
    "Chinese troops wounded several villagers, officials said.",
])
def test_victims_of_force_with_no_place_are_not_lent_the_attackers_country(code_text, text):
    (ev,) = code_text(text)
    assert ev.event == "ASSAULT" and ev.codes("actor") and ev.codes("recipient") == []


def test_unnamed_attackers_are_from_where_it_happened_not_their_victims_country(code_text):
    (ev,) = code_text("Gunmen killed three Israeli soldiers near Jenin.")
    assert (ev.codes("actor"), ev.codes("recipient")) == (["PSE"], ["ISR"])


def test_a_visit_through_the_pipeline(code_text):
    (ev,) = code_text("The Chilean foreign minister met Peruvian officials in Lima on Tuesday.")
    assert (ev.codes("actor"), ev.codes("recipient"), ev.cameo, ev.mode) == (["CHL"], ["PER"], "042", "visit")


def replace_country(place: Place, country: str) -> Place:
    return replace(place, country=country)


def test_force_by_no_one_named_on_no_one_known_is_an_event_only_where_a_place_is_named(code_text):
    evs = code_text("A suicide attack on a police patrol in Bannu district killed one officer on Monday.")
    assert [e.event for e in evs] == ["ASSAULT"] and evs[0].codes("actor") == ["PAK"]
    assert code_text("Jorvan Tesk was beaten on Monday.") == []  # by no one, on someone unknown, nowhere


def test_an_unplaced_event_of_unplaced_parties_takes_the_place_of_the_story_before_it(code_text):
    events = code_text("Riot police in Tbilisi fired tear gas at protesters outside parliament on Monday. "
                       "At least 30 people were detained, officials said.")
    detained = [e for e in events if e.event == "COERCE"]
    assert [(e.location.name, e.codes("recipient")) for e in detained] == [("Tbilisi", ["GEO"])]
    assert "event before it" in dict(detained[0].explain)["location"]


def test_a_place_does_not_carry_to_parties_the_text_places_elsewhere(code_text):
    events = code_text("Riot police in Tbilisi fired tear gas at protesters outside parliament on Monday. "
                       "Armenian police detained 30 people, officials said.")
    assert all(e.location is None or e.location.country != "GEO" for e in events if e.codes("actor") == ["ARM"])


def test_an_act_on_no_one_named_is_done_to_the_place_where_it_is_done():
    rebels = Actor("the rebels", 0, 10, sector="REB", kind="sector", country="KEN")
    (ev,) = after_places(event("RETREAT", (rebels,), cameo="0871"))
    assert [(r.text, r.country, r.kind) for r in ev.recipient] == [("Mombasa", "KEN", "place")]
    assert "place where it was done" in dict(ev.explain)["recipient"]
    # not a meeting (its place is its host), not with no actor, not over a recipient the clause names
    (meeting,) = after_places(event("CONSULT", (rebels,), cameo="040"))
    assert "place where it was done" not in dict(meeting.explain).get("recipient", "")
    (alone,) = after_places(event("RETREAT", (), cameo="0871"))
    assert alone.recipient == ()
    somalia = Actor("Somalia", 20, 27, country="SOM", kind="state")
    (named,) = after_places(event("RETREAT", (rebels,), (somalia,), cameo="0871"))
    assert named.recipient == (somalia,)


@pytest.mark.parametrize("text, category, where", [
    ("The Ogaden rebels declared a unilateral ceasefire on Sunday in Somalia.", "RETREAT", "SOM"),
    ("The United Nations has suspended aid deliveries in Borno State after a convoy was attacked.", "SANCTION", "NGA"),
    ("Heavily armed soldiers were deployed across Kampala on Monday.", "MOBILIZE", "UGA"),
])
def test_the_place_is_the_recipient_through_the_pipeline(code_text, text, category, where):
    ev = next(e for e in code_text(text) if e.event == category)
    assert ev.codes("recipient") == [where]


def test_a_meeting_place_is_no_recipient(code_text):
    (ev,) = code_text("Chinese and Russian diplomats held talks in Geneva on Monday.")
    assert "CHE" not in ev.codes("recipient")



def test_the_two_countries_the_actors_are_are_no_recipient():
    from parley.coding.component import _not_self
    chile, peru = Actor("Chile", 0, 5, country="CHL", kind="state"), Actor("Peru", 10, 14, country="PER", kind="state")
    described = (replace(chile, text="the two countries", start=60, end=77), replace(peru, text="the two countries",
                                                                                     start=60, end=77))
    assert _not_self(described, (chile, peru)) == ()
    bolivia = Actor("the two countries", 60, 77, country="BOL", kind="state")  # other parties stay
    assert _not_self((bolivia,), (chile, peru)) == (bolivia,)
    # a group of the actor's country that does not refer back is a party of its own
    leaders = Actor("Chilean leaders", 80, 95, country="CHL", sector="GOV", kind="sector")
    assert _not_self((leaders,), (chile,)) == (leaders,)


def test_the_same_parties_later_take_the_place_of_their_event_before(code_text):
    events = code_text("Armenia and Azerbaijan are preparing a prisoner exchange after a round of talks between "
                       "their delegations in Geneva. The two sides met on Monday for direct talks.")
    (met,) = [e for e in events if e.event == "CONSULT" and e.mentions[0].sentence == 1]
    assert sorted(met.codes("actor") + met.codes("recipient")) == ["ARM", "AZE"]
    assert met.location is not None and met.location.name == "Geneva"


def test_protesters_placed_at_home_address_their_government():
    crowd = Actor("protesters", 0, 10, sector="CVL", kind="sector")
    (ev,) = after_places(event("PROTEST", (crowd,), cameo="141"))
    assert (ev.codes("actor"), ev.codes("recipient")) == (["KEN"], ["KEN"])
    assert ev.recipient[0].sector == "GOV"
    unplaced = Actor("protesters", 0, 10, sector="IGO", kind="sector")  # nothing lent: no home
    (ev,) = after_places(event("PROTEST", (unplaced,), cameo="141", place=None))
    assert ev.recipient == ()


def test_strikers_at_home_address_their_government_named_in_the_sentence(code_text):
    (ev,) = code_text("Dock workers in Chile called off their strike on Friday after a deal with the Chilean "
                      "government.")
    assert ev.event == "CONCEDE"
    assert [(r.text, r.country, r.sector) for r in ev.recipient] == [("the Chilean government", "CHL", "GOV")]


def test_unplaced_parties_listed_with_placed_ones_are_theirs_never_the_other_sides():
    from parley.coding.parties import _lend
    usa, isr = Actor("the US", 0, 6, country="USA", kind="state"), Actor("Israel", 8, 14, country="ISR", kind="state")
    others = Actor("other governments", 20, 37, sector="GOV", kind="sector")
    officers = Actor("military officers", 42, 59, sector="MIL", kind="sector")
    nepal = (Actor("Nepal", 70, 75, country="NPL", kind="state"),)
    assert _lend((usa, isr, others), nepal)[2].country is None  # several countries: no one's
    myanmar = Actor("Myanmar's president", 20, 39, country="MMR", sector="GOV", kind="person")
    assert _lend((myanmar, officers), (usa,))[1].country == "MMR"  # one country: theirs
    assert _lend((officers,), (usa,))[0].country == "USA"  # alone: the other side's
