"""The coder on sentences written for these tests: category, CAMEO, who to whom, factuality."""
import pytest


def summary(events):
    return [(e.event, sorted(e.codes("actor")), sorted(e.codes("recipient"))) for e in events]


@pytest.mark.parametrize("text, expected", [
    ("Egypt accused Ethiopia of violating the Nile agreement.", ("ACCUSE", ["EGY"], ["ETH"])),
    ("Chinese warships were deployed near Taiwan on Monday.", ("MOBILIZE", ["CHN"], ["TWN"])),
    ("Thousands of Kenyan teachers went on strike on Monday.", ("PROTEST", ["KEN"], ["KEN"])),
    ("Ukrainian drones struck an oil refinery in Russia.", ("ASSAULT", ["UKR"], ["RUS"])),
    ("The European Union imposed new sanctions on Belarus.", ("SANCTION", ["IGO"], ["BLR"])),
    ("Japan sent emergency aid to the Philippines after the typhoon.", ("AID", ["JPN"], ["PHL"])),
    ("Police in Lagos arrested dozens of protesters.", ("COERCE", ["NGA"], ["NGA"])),
    ("Argentina rejected a British proposal for talks on the islands.", ("REJECT", ["ARG"], ["GBR"])),
    ("Japan gave Kenya 20 million dollars of aid for flood relief.", ("AID", ["JPN"], ["KEN"])),
    ("Russian authorities denied a permit for the opposition rally in Moscow.", ("REJECT", ["RUS"], ["RUS"])),
    # a concession at home is made to its people; made in another country, to that country's people
    ("Turkey lifted the curfew in Diyarbakir on Tuesday.", ("CONCEDE", ["TUR"], ["TUR"])),
    ("Israel eased travel restrictions in the Gaza Strip on Sunday.", ("CONCEDE", ["ISR"], ["PSE"])),
    ("Morocco eased emergency measures on Monday in Western Sahara province.", ("CONCEDE", ["MAR"], ["ESH"])),
])
def test_one_event(code_text, text, expected):
    assert summary(code_text(text)) == [expected]


def test_passive_voice_swaps_roles(code_text):
    (ev,) = code_text("Two Malian soldiers were killed by jihadist fighters near Gao.")
    assert ev.event == "ASSAULT"
    assert ev.codes("recipient") == ["MLI"]


def test_compound_subject_is_reciprocal(code_text):
    (ev,) = code_text("Armenia and Azerbaijan signed a peace agreement in Washington on Friday.")
    assert ev.event == "SUPPORT" and ev.reciprocal
    assert sorted(ev.codes("actor") + ev.codes("recipient")) == ["ARM", "AZE"]


def test_control_verb_governs_its_complement(code_text):
    (ev,) = code_text("Iran threatened to close the Strait of Hormuz to American ships.")
    assert ev.event == "THREATEN"
    assert ev.codes("actor") == ["IRN"] and ev.codes("recipient") == ["USA"]


def test_promised_cooperation_is_agree(code_text):
    (ev,) = code_text("Germany said it will send air defence systems to Ukraine.")
    assert ev.event == "AGREE" and ev.factuality == "future"
    assert ev.codes("actor") == ["DEU"] and ev.codes("recipient") == ["UKR"]


def test_refusal_is_reject(code_text):
    (ev,) = code_text("Hungary said it would not allow the aid package to pass.")
    assert ev.event == "REJECT"


def test_negated_and_hypothetical_events_are_dropped_by_default(code_text):
    assert code_text("Serbia did not recognize Kosovo.") == []
    assert code_text("The summit may lead to closer cooperation between Chile and Peru.") == []


def test_commentary_has_no_event(code_text):
    assert code_text("This vision aligns with efforts to counterbalance China's growing influence.") == []


def test_reported_speech_gives_attribution(code_text):
    (ev,) = code_text("Syrian forces shelled the town of Idlib, a local official told Reuters.")
    assert ev.event == "ASSAULT"
    assert ev.attribution and ev.attribution[0].kind in {"official", "source"}


def test_mentions_of_one_event_merge(code_text):
    events = code_text("Vietnamese Prime Minister Pham Minh Chinh met Indonesian President Prabowo Subianto "
                       "in Jakarta on Tuesday. The talks between Vietnam and Indonesia focused on fisheries.",
                       pub="2025-03-13")
    assert [e.event for e in events] == ["CONSULT"]
    assert len(events[0].mentions) == 2


def test_unrealised_events_are_kept_when_asked():
    from datetime import date

    from parley.model import Document
    from parley.pipeline import Pipeline, PipelineConfig

    keep = Pipeline(PipelineConfig(include_unrealised=True))
    events = keep.code(Document("u", "Serbia did not recognize Kosovo.", date(2025, 1, 5)))
    assert [(e.event, e.factuality) for e in events] == [("SUPPORT", "negated")]


def test_an_actor_phrase_does_not_reach_across_its_own_verb(code_text):
    # the parser may hang a later apposition on the subject; the subject's words stop at the verb
    (ev,) = code_text("Georgia eased emergency measures on Friday in Adjara province, the scene of clashes "
                      "last May, as police in Armenia cracked down on protesters.")
    assert [a.text for a in ev.actor] == ["Georgia"]


def test_according_to_names_a_source_not_a_recipient(code_text):
    (ev,) = code_text("The army launched airstrikes overnight, according to the African Union.")
    assert ev.recipient == ()
    assert [a.text for a in ev.attribution] == ["the African Union"]


@pytest.mark.parametrize("text, expected", [
    ("The Dutch foreign minister said on Tuesday that Serbia must hand over the two suspects to the tribunal.",
     [("REQUEST", ["NLD"], ["SRB"])]),
    ("Brazil insisted that Venezuela should free the detained journalists.", [("REQUEST", ["BRA"], ["VEN"])]),
    ("The spokesman said the talks must resume soon.", []),  # what must happen, but no party is told
])
def test_saying_what_a_party_must_do_is_a_demand(code_text, text, expected):
    assert summary(code_text(text)) == expected


def test_the_party_told_to_act_is_the_recipient(code_text):
    # "demanded the release": the object is the thing wanted; "ordered X to ...": X is addressed
    (ev,) = code_text("Myanmar's military government ordered the independent newspaper The Voice to suspend publication.")
    assert ev.event == "COERCE"
    assert [a.text for a in ev.recipient] == ["the independent newspaper The Voice"]
    assert ev.codes("recipient") == ["MMR"]


@pytest.mark.parametrize("text, judged_by, aimed_at", [
    # the same word names the event judged
    ("Russia began two days of naval drills in the Baltic on Monday. Lithuania's foreign ministry condemned "
     "the drills as reckless.", "LTU", "RUS"),
    # a word of force names an earlier act of force
    ("Turkish warplanes struck positions in northern Iraq on Sunday. Baghdad condemned the raids as a breach "
     "of its sovereignty.", "IRQ", "TUR"),
])
def test_a_judgement_of_an_event_already_coded_is_aimed_at_who_did_it(code_text, text, judged_by, aimed_at):
    accused = [e for e in code_text(text) if e.event == "ACCUSE"]
    assert [(e.codes("actor"), e.codes("recipient")) for e in accused] == [([judged_by], [aimed_at])]
    assert "which" in dict(accused[0].explain)["recipient"]


def test_a_judgement_with_nothing_coded_before_it_keeps_no_recipient(code_text):
    events = code_text("Lithuania's foreign ministry condemned the drills as reckless on Monday.")
    assert [(e.event, e.codes("recipient")) for e in events] == [("ACCUSE", [])]


def test_what_talks_are_about_is_not_whom_they_are_with(code_text):
    events = code_text("Kenya's foreign minister held talks in Nairobi on Friday on Somalia.")
    assert [(e.event, e.codes("actor"), e.codes("recipient")) for e in events] == [("CONSULT", ["KEN"], [])]
    # ... but a visit paid "on" someone is with them
    events = code_text("A Pakistani delegation called on the Afghan foreign minister in Kabul on Monday.")
    assert [(e.event, e.codes("recipient")) for e in events] == [("CONSULT", ["AFG"])]


def test_a_group_named_by_its_kind_in_what_a_party_says_is_that_party(code_text):
    events = code_text("The Karen National Union said the group had seized an army base near the Thai border on Friday.")
    assert [(e.event, e.codes("actor")) for e in events] == [("COERCE", ["MMR"])]


def test_force_by_no_one_named_at_sea_is_an_unidentified_attack_there(code_text):
    events = code_text("A bulk carrier was attacked in the Gulf of Aden on Tuesday, the British maritime agency said.")
    assert [(e.event, e.actor[0].kind, e.actor[0].country, e.location.name) for e in events] == [
        ("ASSAULT", "unidentified", None, "Gulf of Aden")]


def test_tear_gas_fired_to_disperse_a_crowd_is_force_used_on_it(code_text):
    events = code_text("Kenyan police fired tear gas to disperse protesters in Nairobi on Tuesday.")
    assert [(e.event, e.cameo, e.mode, e.codes("actor"), e.codes("recipient")) for e in events] == [
        ("ASSAULT", "175", "crowd-control", ["KEN"], ["KEN"])]


def test_a_call_in_which_one_leader_told_another_something_is_their_consultation(code_text):
    events = code_text("Kenyan President William Ruto told Tanzanian President Samia Suluhu Hassan in a phone call "
                       "that the border would stay open.")
    assert [(e.event, e.codes("actor"), e.codes("recipient")) for e in events] == [("CONSULT", ["KEN"], ["TZA"])]


def test_a_place_standing_in_for_the_recipient_does_not_split_an_event():
    from parley.coding.merge import merge_events
    from parley.model import Actor, Event

    israel = (Actor("An Israeli air strike", 0, 21, country="ISR", kind="state"),)
    place = (Actor("Damascus", 60, 68, country="SYR", kind="place"),)
    consulate = (Actor("the Iranian consulate", 30, 51, country="IRN", kind="organisation"),)

    def strike(recipient: tuple[Actor, ...]) -> Event:
        return Event(event_id="", doc_id="d", sentence=0, event="ASSAULT", cameo="195", goldstein=-10.0,
                     quad_class=4, actor=israel, recipient=recipient)
    merged, _ = merge_events([strike(place), strike(consulate)], [False, True], ["strike", "strike"])
    assert [e.codes("recipient") for e in merged] == [["IRN"]]


def test_an_unidentified_attacker_does_not_split_an_attack_from_its_named_one():
    from parley.coding.merge import merge_events
    from parley.model import Actor, Event

    def strike(actor: Actor) -> Event:
        return Event(event_id="", doc_id="d", sentence=0, event="ASSAULT", cameo="190", goldstein=-10.0,
                     quad_class=4, actor=(actor,), recipient=(Actor("seven people", 80, 92, country="UKR", kind="sector"),))
    russia = Actor("Russian forces", 0, 14, country="RUS", kind="sector")
    capital = Actor("the capital", 60, 71, country="UKR", kind="unidentified")
    merged, _ = merge_events([strike(russia), strike(capital)], [False, True], ["hit", "attack"])
    assert [e.codes("actor") for e in merged] == [["RUS"]]


@pytest.mark.parametrize("text, place", [
    ("A government official said the strike took place in Qatar's capital, Doha.", "Doha"),
    ("The heaviest fighting took place in the city of Homs on Friday.", "Homs"),
])
def test_force_said_to_have_happened_is_placed_with_no_one_named(code_text, text, place):
    (ev,) = code_text(text)
    assert ev.event == "ASSAULT" and ev.location is not None and ev.location.name == place


def test_a_base_named_after_its_town_places_an_attack_on_it(code_text):
    ev = next(e for e in code_text("Ukraine's armed forces tried to attack the Novorossiysk naval base with sea drones.")
              if e.event == "ASSAULT")
    assert ev.location is not None and ev.location.name == "Novorossiysk"


def test_the_noun_of_an_earlier_attack_that_names_no_one_is_that_attack_and_places_it(code_text):
    (ev,) = code_text("Turkey said its jets had struck Kurdish militants on Sunday. A Turkish official later said "
                      "the raid took place near the Iraqi town of Zakho.")
    assert ev.codes("actor") == ["TUR"] and ev.location is not None and ev.location.text == "Zakho"
    # an indefinite noun is another attack
    events = code_text("Turkey said its jets had struck Kurdish militants on Sunday. An air strike took place "
                       "near the Iraqi town of Zakho on Monday.")
    assert len(events) == 2
