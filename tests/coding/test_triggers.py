"""Which triggers make events of their own (coding/triggers.py), on sentences written for these tests."""
import pytest

from parley.coding.lexicon import HAND, read_triggers


def summary(events):
    return [(e.event, sorted(e.codes("actor")), sorted(e.codes("recipient"))) for e in events]


def test_an_event_noun_beats_the_compiled_reading_of_the_particle_verb_that_takes_it(code_text):
    # "kick off" (compiled, no object named) is CAMEO 046 talks; its direct object is the event
    assert not [t for t in read_triggers(HAND) if t.lemma == "kick"]
    events = code_text("Indian and French troops kicked off joint military exercises in Rajasthan on Monday.")
    assert [(e.event, e.cameo) for e in events] == [("COOPERATE", "062")]


@pytest.mark.parametrize("text", [
    "Rwanda and Burundi agreed upon a deal to reopen their border and restore trade, ending years of hostility.",
])
def test_a_participle_clause_stating_the_outcome_is_no_event_of_its_own(code_text, text):
    assert [e.event for e in code_text(text)] == ["AGREE"]


def test_a_preposition_that_only_dates_the_verb_is_no_particle(code_text):
    # "call on" (REQUEST) is not "called ... on Tuesday" (a phone call)
    events = code_text("The Kenyan president called his Ugandan counterpart on Tuesday to discuss the border.")
    assert [(e.event, e.cameo) for e in events] == [("CONSULT", "041")]


def test_a_compiled_object_is_not_found_in_a_prepositional_phrase(code_text):
    # compiled "lead +attack" (CAMEO 113) names what is led; "during the attack" only dates the leading
    assert not [t for t in read_triggers(HAND) if t.lemma == "lead"]
    assert code_text("The Nigerian general led his troops across the river during the attack on Boko Haram.") == []


def test_giving_money_or_goods_cutting_aid_and_easing_tariffs_are_events(pipeline):
    from datetime import date

    from parley.ingest import Document

    def first(text: str):
        events = pipeline.code(Document("t", text, date(2024, 5, 6)))
        return (events[0].event, events[0].cameo) if events else None

    assert first("Norway gave $3 million to Malawi.") == ("AID", "070")
    assert first("Japan gives medical equipment to Laos.") == ("AID", "070")
    assert first("Sweden reduced humanitarian aid to Mali.")[0] == "SANCTION"
    assert first("The United States reduced tariffs on Mexican steel.")[0] == "RETREAT"
    assert first("Chad opened its borders to refugees from Sudan.")[0] == "CONCEDE"
    assert first("Poland accepted 300 refugees from Syria.") == ("AID", "075")


def test_calling_on_someone_asks_only_with_a_clause_saying_what(pipeline):
    from datetime import date

    from parley.ingest import Document

    def first(text: str) -> str | None:
        events = pipeline.code(Document("t", text, date(2024, 5, 6)))
        return events[0].event if events else None

    assert first("Kenya's foreign minister called on the Ethiopian prime minister at his residence.") == "CONSULT"
    assert first("Kenya's foreign minister called on Ethiopia to release the detained journalists.") == "REQUEST"


@pytest.mark.parametrize("text", [
    "The Greek foreign minister called for sanctions against the junta on Monday.",
    "Rights groups appealed for an embargo on arms sales to the regime.",
    "The senator called for an inquiry into the shooting.",
])
def test_what_a_demand_asks_for_is_its_content_not_an_event(code_text, text):
    # "call" is also a light verb ("called a strike"); after "for" the noun is what is asked
    assert [e.event for e in code_text(text)] == ["REQUEST"]


def test_a_reason_given_with_over_is_not_what_an_intention_governs(code_text):
    # "offer" states an intention: conflict intended is THREATEN, but "over an attack" is the reason
    events = code_text("The ambassador offered his sympathy to the families over the bombing of the consulate.")
    assert "THREATEN" not in [e.event for e in events]


@pytest.mark.parametrize("text", [
    "The rebels fired three rockets at the governor's residence on Sunday.",
    "Iran launched dozens of missiles and drones at military bases overnight.",  # "at" on the object
])
def test_weapons_fired_or_launched_at_a_target_are_an_assault(code_text, text):
    assert [e.event for e in code_text(text)] == ["ASSAULT"]


def test_taking_a_town_or_control_is_a_seizure_of_territory(code_text):
    for text in ("Islamist fighters took the town of Kidal after a week of fighting.",
                 "Government forces took control of the airport on Friday."):
        assert [(e.event, e.cameo) for e in code_text(text)] == [("COERCE", "192")], text
    assert code_text("The minister took questions from reporters on Friday.") == []


def test_an_actor_of_no_known_sector_leaves_strike_to_the_classifier(code_text):
    # "jets" is no sector parley knows: not a civilian who strikes in protest
    (ev,) = code_text("Israeli jets struck targets near Damascus on Tuesday.")
    assert ev.event == "ASSAULT"
    (ev,) = code_text("Thousands of Kenyan teachers went on strike on Monday.")
    assert ev.event == "PROTEST"


@pytest.mark.parametrize("text, expected", [
    ("The Council of Ministers in Santiago adopted a fresh round of sanctions against Nicaragua on Friday.",
     ("SANCTION", "160")),
    ("Peru ordered the recall of its ambassadors to Bolivia and Chile on Monday.", ("SANCTION", "161")),
    ("The Ethiopian government ordered a nationwide internet shutdown on Tuesday.", ("COERCE", "1721")),
    ("Japan announced a suspension of aid to Myanmar on Friday.", ("SANCTION", "160")),
])
def test_adopting_or_ordering_a_measure_named_by_a_noun_is_that_measure(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


def test_a_light_verb_takes_the_event_its_free_relative_names(code_text):
    (ev,) = code_text("Colombian police launched what officials described as the largest raid on the Cali cartel.")
    assert (ev.event, ev.cameo) == ("COERCE", "171")


def test_cyber_warfare_is_coercion(code_text):
    (ev,) = code_text("Russia has launched cyber warfare against Estonia.")
    assert (ev.event, ev.mode, ev.codes("recipient")) == ("COERCE", "cyber", ["EST"])


def test_a_noun_trigger_with_objects_needs_one_of_them(code_text):
    # "recall" is a diplomatic sanction only of an envoy: a product recall ordered by a ministry is no event
    assert [e.event for e in code_text("Kenya's health ministry ordered the recall of a cough syrup on Monday.")] \
        != ["SANCTION"]


@pytest.mark.parametrize("text, expected", [
    # aimed at nobody: a show of force; a country in the name of the sea is no target
    ("North Korea fired two ballistic missiles into the Sea of Japan on Sunday.", ("MOBILIZE", ["PRK"], [])),
    ("Iran test-fired three cruise missiles on Monday.", ("MOBILIZE", ["IRN"], [])),
    # aimed at a party: an attack
    ("Hamas fired rockets into southern Israel on Monday.", ("ASSAULT", ["PSE"], ["ISR"])),
])
def test_weapons_fired_are_an_attack_only_when_aimed_at_a_party(code_text, text, expected):
    assert [(e.event, e.codes("actor"), e.codes("recipient")) for e in code_text(text)] == [expected]


def test_a_weapon_compounded_with_an_event_noun_leaves_the_event_to_the_noun(code_text):
    events = code_text("Houthi forces launched a missile attack against a Saudi air base on Monday.")
    assert [(e.event, e.cameo, e.mentions[0].trigger) for e in events] == [("ASSAULT", "190", "launched a missile attack")]


def test_an_object_is_also_what_its_apposition_says_it_is(code_text):
    # "take +village": the village is named, and an apposition says what it is
    events = code_text("Ukrainian officials said Russian troops had taken Krasnohorivka, a village in the Donetsk region.")
    assert [(e.event, e.cameo) for e in events] == [("COERCE", "192")]


@pytest.mark.parametrize("text, expected", [
    ("Nigeria's army launched a military operation against bandits in Zamfara state on Monday.", ("ASSAULT", "190")),
    ("Slovakia launched legal action against Hungary over its new border law on Monday.", ("ACCUSE", "115")),
    ("Chile lifted travel curbs on visitors from Peru on Friday.", ("CONCEDE", "081")),
    ("Nigeria's governors pushed the Senate for a new revenue law on Monday.", ("REQUEST", "100")),
    ("Dairy farmers lobbied the Irish government to cut fuel taxes.", ("REQUEST", "100")),
    ("Norway ended its mediation efforts between the government and the rebels on Friday.", ("SANCTION", "165")),
])
def test_operations_legal_action_lifted_curbs_lobbying_and_ended_mediation_are_events(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Ghana pulled its ambassador out of Togo on Monday.", ("SANCTION", "161")),
    ("Chile withdrew its envoy from Nicaragua on Friday.", ("SANCTION", "161")),
    ("A Kenyan court lifted an arrest warrant against the opposition leader on Monday.", ("CONCEDE", "081")),
])
def test_recalling_an_envoy_and_lifting_a_warrant(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


@pytest.mark.parametrize("text, trigger", [
    ("Chad declared a cease-fire with the rebels on Sunday.", "declared"),  # the verb's object
    ("The cease-fire between Armenia and Azerbaijan took effect on Sunday.", "cease-fire"),  # the noun itself
])
def test_a_hyphenated_event_noun_is_read_whole(code_text, text, trigger):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo, ev.mentions[0].trigger) == ("RETREAT", "0871", trigger)
    # ... while a noun inside a hyphenated modifier still names no event
    assert code_text("The war-torn country held elections on Sunday.") == []


@pytest.mark.parametrize("text, expected", [
    ("Italy returned 200 looted antiquities to Libya on Monday.", ("RETREAT", "0842", ["LBY"])),
    ("Turkey gave 500 rifles to the Somali army on Monday.", ("AID", "070", ["SOM"])),
    ("Japan wrote off half of the debt that Laos owes it.", ("AID", "071", [])),
    # a gift's recipient: where what was given arrived
    ("Ten tonnes of medicine donated by India arrived in Colombo on Monday.", ("AID", "070", ["LKA"])),
])
def test_returned_heritage_and_given_firearms(code_text, text, expected):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo, ev.codes("recipient")) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian sea drones hit a Russian tanker in the Kerch Strait on Monday.", ("ASSAULT", ["UKR"], ["RUS"])),
    ("Israeli drones hit a car near Tyre on Tuesday, killing two men.", ("ASSAULT", ["ISR"], ["LBN"])),
])
def test_a_weapon_that_hits_is_its_owners_attack(code_text, text, expected):
    ev = next(e for e in code_text(text) if e.event == "ASSAULT")
    assert (ev.event, ev.codes("actor"), ev.codes("recipient")) == expected


def test_a_month_is_no_march(code_text):
    assert code_text("Exports to Japan rose sharply in March, officials said.") == []
    assert code_text("Inflation in Kenya hit a record high in March.") == []


@pytest.mark.parametrize("text, cameo", [
    ("M23 rebels seized the town of Bunagana on Monday.", "192"),
    ("Russian forces captured another village near Pokrovsk on Saturday.", "192"),
    ("Colombian police captured the gang leader in Medellin.", "173"),
])
def test_capturing_a_town_is_occupying_territory_capturing_a_person_an_arrest(code_text, text, cameo):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo) == ("COERCE", cameo)


@pytest.mark.parametrize("text, expected", [
    ("EU and UN hand over medical supplies to the Nigerian Government.", ("AID", ["NGA"])),
    ("Doctors Without Borders flew 13 tonnes of medicine into Afghanistan on Monday.", ("AID", ["AFG"])),
])
def test_headline_predicates_and_flown_aid(code_text, text, expected):
    (ev,) = code_text(text)
    assert (ev.event, ev.codes("recipient")) == expected


@pytest.mark.parametrize("text, recipient", [
    ("China's coast guard turned a water cannon on a Philippine boat on Saturday.", ["PHL"]),
    ("Kenyan police used tear gas on protesters in Nairobi on Tuesday.", ["KEN"]),
])
def test_crowd_control_weapons_turned_or_used_on_someone(code_text, text, recipient):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo, ev.codes("recipient")) == ("ASSAULT", "175", recipient)


def test_violating_a_ceasefire_is_assault_196(code_text):
    (ev,) = code_text("Armenian forces violated the ceasefire about 80 times on Monday, Azerbaijan said.")
    assert (ev.event, ev.cameo, ev.codes("actor")) == ("ASSAULT", "196", ["ARM"])


def test_hitting_a_base_or_a_ship_is_an_attack_not_hitting_a_record(code_text):
    (ev,) = code_text("The Pentagon said US jets hit three bases used by the militia in eastern Syria.")
    assert ev.event == "ASSAULT" and ev.codes("actor") == ["USA"]
    assert code_text("Oil prices hit a record high on Monday.") == []


@pytest.mark.parametrize("text", [
    "The government ended the state of emergency on Monday.",
    "Parliament repealed the ban on opposition parties.",
    "The junta scrapped the curfew in the capital.",
])
def test_ending_a_restriction_is_a_concession_like_lifting_it(code_text, text):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo) == ("CONCEDE", "081")


def test_promising_to_end_a_curfew_is_no_threat(code_text):
    (ev,) = code_text("The mayor promised on Tuesday to end the midnight curfew.", pub="2025-08-01")
    assert ev.event == "AGREE"


@pytest.mark.parametrize("text", [
    "A powerful cyclone struck southern Mozambique, killing at least 30 people.",
    "Cholera has killed 120 people in Zambia since January.",
    "More than 40 people were killed by floods in eastern Congo.",
    "Officials mourned the victims of a wildfire in Greece that killed 16 people.",
    "Seven soldiers were killed in a helicopter crash in western Kenya.",
])
def test_a_hazard_that_kills_is_no_attack(code_text, text):
    assert [ev.event for ev in code_text(text)] == []


def test_an_attack_beside_a_hazard_is_still_an_attack(code_text):
    (ev,) = code_text("Gunmen killed 12 villagers in northern Nigeria after floods hit the region.")
    assert ev.event == "ASSAULT" and [r.text for r in ev.recipient] == ["12 villagers"]
    (ev,) = code_text("Israeli fire killed two Palestinians near the border fence on Friday.")
    assert ev.event == "ASSAULT"


def test_announcing_aid_is_giving_it_but_announcing_its_suspension_is_not(code_text):
    (ev,) = code_text("Japan has announced 20 million dollars in emergency aid to help people in Chad, Niger and Mali.")
    assert ev.event == "AID" and sorted(set(ev.codes("recipient"))) == ["MLI", "NER", "TCD"]
    (ev,) = code_text("Norway announced a suspension of aid to Chad on Friday.")
    assert ev.event == "SANCTION" and ev.codes("recipient") == ["TCD"]


def test_sending_rescuers_or_medics_is_aid(code_text):
    (ev,) = code_text("Greece sent 50 rescuers and 12 medics to Turkey after the earthquake.")
    assert ev.event == "AID" and ev.codes("recipient") == ["TUR"]


def test_distributing_relief_goods_is_aid_but_leaflets_are_not(code_text):
    (ev,) = code_text("UNICEF began distributing water and blankets to displaced families in northern Syria.")
    assert (ev.event, ev.cameo) == ("AID", "073") and ev.codes("recipient") == ["SYR"]
    assert code_text("Activists distributed leaflets in the square.") == []


def test_revoking_martial_law_is_a_concession_and_exchanging_intelligence_cooperation(code_text):
    (ev,) = code_text("Myanmar's junta revoked martial law in six townships on Tuesday.")
    assert (ev.event, ev.cameo) == ("CONCEDE", "081")
    (ev,) = code_text("Kenya and Uganda agreed in March to exchange intelligence on armed groups, officials said.")
    assert ev.event in {"COOPERATE", "AGREE"}
    (ev,) = code_text("The police forces of Kenya and Uganda have been exchanging intelligence on armed groups.")
    assert ev.event == "COOPERATE"


@pytest.mark.parametrize("text, expected", [
    ("A Vietnamese patrol ship rammed a Chinese fishing trawler near the Paracels on Monday.", ("ASSAULT", "190")),
    ("Three Russian warships entered Norway's territorial waters on Friday.", ("MOBILIZE", "150")),
    ("Two Belarusian helicopters entered Polish airspace on Tuesday, Warsaw said.", ("MOBILIZE", "150")),
])
def test_ramming_a_ship_and_entering_a_countrys_waters_or_airspace(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


def test_entering_waters_no_party_holds_is_no_show_of_force(code_text):
    assert code_text("The cargo ship entered international waters on Friday.") == []


@pytest.mark.parametrize("text", [
    "Ethiopia said it had launched an anti-terrorist operation in the Somali region on Friday.",
    "Nigeria's army began a counterinsurgency operation in Borno State on Monday.",
])
def test_counter_terrorist_and_counterinsurgency_operations_are_force(code_text, text):
    assert [e.event for e in code_text(text)] == ["ASSAULT"]


def test_terminating_an_agreement_or_cooperation_reduces_relations(code_text):
    (ev,) = code_text("Burkina Faso terminated its military agreement with France on Monday.")
    assert (ev.event, ev.cameo, ev.codes("recipient")) == ("SANCTION", "160", ["FRA"])


def test_filing_a_case_against_a_party_accuses_it_not_the_court(code_text):
    (ev,) = code_text("Bolivia filed a case against Chile at the International Court of Justice in 2013.")
    assert (ev.event, ev.cameo, ev.codes("recipient")) == ("ACCUSE", "115", ["CHL"])


def test_sending_warplanes_or_warships_toward_a_party_is_a_deployment(code_text):
    (ev,) = code_text("Russia sent two strategic bombers toward Japan on Tuesday.")
    assert (ev.event, ev.codes("recipient")) == ("MOBILIZE", ["JPN"])


def test_a_particle_the_parser_read_as_more_than_still_makes_the_phrasal_verb(code_text):
    (ev,) = code_text("The rebels handed over 20 hostages to Qatari mediators.")
    assert (ev.event, ev.mode) == ("RETREAT", "release")


@pytest.mark.parametrize("text", [
    "Ruto spoke by phone with Museveni on Sunday about the border dispute.",
    "The Kenyan and Ugandan presidents spoke by telephone on Sunday.",
])
def test_speaking_by_phone_is_a_phone_consultation(code_text, text):
    (ev,) = code_text(text)
    assert (ev.event, ev.mode) == ("CONSULT", "phone")


def test_speaking_to_reporters_is_no_consultation(code_text):
    assert code_text("The Kenyan foreign minister spoke to reporters in Nairobi on Sunday.") == []


@pytest.mark.parametrize("text, expected", [
    ("Washington blacklisted four Cambodian firms on Friday.", ("SANCTION", "160")),
    ("Pakistan placed its armed forces on high alert on Sunday.", ("MOBILIZE", "152")),
    ("Armenia called up 5,000 reservists on Monday.", ("MOBILIZE", "154")),
    ("The Ethiopian government imposed an internet blackout in Amhara.", ("COERCE", "1721")),
    ("The court put the former Peruvian president on trial.", ("COERCE", "173")),  # the compiled "put on +trial" kept
])
def test_blacklisting_alerts_call_ups_and_blackouts(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


def test_offering_condolences_is_no_event_but_a_bailout_is_aid(code_text):
    assert code_text("Manila offered condolences to Jakarta after the floods.") == []
    assert [(e.event, e.cameo) for e in code_text("The IMF approved a bailout for Sri Lanka.")] == [("AID", "071")]


@pytest.mark.parametrize("text, expected", [
    ("Soldiers placed the Gabonese president under house arrest on Wednesday.", ("COERCE", "173")),
    ("Paris prosecutors placed the former Lebanese governor under investigation.", ("ACCUSE", "090")),
])
def test_placing_someone_under_arrest_or_investigation(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Bolivia closed its embassy in Israel on Tuesday.", ("SANCTION", "161")),
    ("Minsk suspended its participation in the arms treaty.", ("SANCTION", "160")),
])
def test_closing_an_embassy_or_suspending_participation_reduces_relations(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Serbia and Kosovo initialled a framework agreement in Brussels on Monday.",
    "Chile and Argentina inked an energy deal on Friday.",
])
def test_initialling_or_inking_an_agreement_is_signing_it(code_text, text):
    (ev,) = code_text(text)
    assert (ev.event, ev.cameo, ev.reciprocal) == ("SUPPORT", "057", True)


@pytest.mark.parametrize("text", [
    "India shipped 200,000 vaccine doses to Nepal on Monday.",
    "The World Food Programme began food distributions in Tigray on Monday.",
])
def test_shipping_goods_and_distributing_food_are_aid(code_text, text):
    assert [e.event for e in code_text(text)] == ["AID"]


def test_a_joint_patrol_is_military_cooperation_a_lone_one_readiness(code_text):
    (ev,) = code_text("Thailand and Cambodia began a joint border patrol on Monday.")
    assert (ev.event, ev.cameo) == ("COOPERATE", "062")
