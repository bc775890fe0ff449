"""Places: parley's own 170+ ambiguous cases (tests/data/places.tsv), each an event sentence and
the place where its event happened; accuracy is printed and held to a floor."""
import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from parley.model import Document
from parley.places.component import fold
from parley.places.mentions import document_countries

DATA = Path(__file__).parents[1] / "data" / "places.tsv"


def cases() -> list[dict[str, str]]:
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def predicted_place(pipeline, row):
    doc = pipeline.parse(Document("p", row["sentence"], date.fromisoformat(row["pub_date"])))
    located = [e.location for e in doc._.events if e.location is not None]
    if located:
        return located[0]
    if doc._.events:
        return None  # an event with no place: the answer is "no place"
    tagger = pipeline.nlp.get_pipe("parley_places")
    return tagger.place_for(main_verb(next(doc.sents)), document_countries(doc))


def main_verb(sent):
    """The sentence's verb, also when the parser made a noun the root ("A tornado damaged ...")."""
    root = sent.root
    if root.pos_ in {"VERB", "AUX"}:
        return root
    return next((c for c in root.children if c.pos_ == "VERB" and c.dep_ in {"acl", "relcl"}), root)


def right(row, place) -> bool:
    if not row["name"]:
        return place is None
    if place is None or place.country != row["country"]:
        return False
    if row["lat"] and place.lat is not None:
        return abs(place.lat - float(row["lat"])) < 0.5 and abs(place.lon - float(row["lon"])) < 0.5
    return place.name.lower() == row["name"].lower() or row["place"].lower() in place.text.lower()


def test_place_cases(pipeline, capsys):
    rows = cases()
    assert len(rows) >= 100
    by_note: dict[str, list[int]] = {}
    wrong = []
    for row in rows:
        place = predicted_place(pipeline, row)
        ok = right(row, place)
        by_note.setdefault(row["note"], [0, 0])
        by_note[row["note"]][0] += ok
        by_note[row["note"]][1] += 1
        if not ok:
            got = f"{place.name} {place.country}" if place else "none"
            wrong.append(f"[{row['note']}] {row['sentence'][:90]} → want {row['name'] or 'none'} "
                         f"{row['country']}, got {got}")
    n, ok = len(rows), sum(v[0] for v in by_note.values())
    with capsys.disabled():
        print(f"\nplace cases: {ok}/{n} right ({ok / n:.3f}); " +
              ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(by_note.items())))
        if __import__("os").environ.get("PARLEY_SHOW_MISSES"):
            print("\n".join(wrong))
    assert ok / n >= 0.90, wrong


def test_transliteration_marks_do_not_split_a_name():
    assert fold("Sāmarrā’") == fold("Samarra")
    assert fold("Ṣan‘ā’") == fold("Sana")


def test_a_two_word_preposition_and_a_place_noun_place_the_event(code_text):
    # "outside of" is one preposition; after "the city of", the name's other spellings count
    (ev,) = code_text("Two Nigerian soldiers were killed by a roadside bomb outside of the northern city of Maiduguri.")
    assert ev.location is not None and ev.location.country == "NGA" and ev.location.text == "Maiduguri"


def test_force_by_no_one_named_is_an_unidentified_attacker_where_it_happened(code_text):
    (ev,) = code_text("A landmine blast near the town of Kandahar wounded three farmers on Monday.")
    (attacker,) = ev.actor
    assert (attacker.country, attacker.kind, attacker.text, attacker.sector) == ("AFG", "unidentified", "Kandahar", "UNK")
    assert ev.codes("recipient") == ["AFG"]  # the farmers, placed by where it happened
    assert "unidentified" in dict(ev.explain)["actor"]


def test_without_a_place_an_unnamed_attacker_stays_unknown(code_text):
    (ev,) = code_text("Three farmers were wounded by a landmine blast on Monday.")
    assert ev.actor == ()


def test_a_town_below_15000_inhabitants_places_the_event(code_text):
    (ev,) = code_text("Ukrainian troops captured the town of Sudzha in Russia's Kursk region on Tuesday.")
    assert (ev.location.name, ev.location.country, ev.location.feature) == ("Sudzha", "RUS", "city")
    assert abs(ev.location.lat - 51.2) < 0.1


def test_a_region_of_a_country_is_the_division_with_its_point(code_text):
    (ev,) = code_text("Ukrainian forces struck an ammunition depot in Russia's Kursk region on Tuesday.")
    loc = ev.location
    assert (loc.feature, loc.country, loc.text) == ("admin1", "RUS", "Kursk")
    assert loc.lat is not None and abs(loc.lat - 51.7) < 0.5


def test_a_sea_or_strait_is_a_place_with_no_country(code_text):
    (ev,) = code_text("Iran's Revolutionary Guard seized an oil tanker in the Strait of Hormuz on Wednesday.")
    assert (ev.location.name, ev.location.feature, ev.location.country) == ("Strait of Hormuz", "water", None)
    (ev,) = code_text("Houthi rebels attacked a cargo ship in the Red Sea.")
    assert (ev.location.name, ev.location.country) == ("Red Sea", None)


def test_the_gulf_alone_is_no_country(code_text):
    for ev in code_text("Iranian forces attacked a tanker in the Gulf."):
        assert ev.location is None or ev.location.country is None
        assert "PNG" not in ev.codes("actor") + ev.codes("recipient")


def test_a_nationality_never_places_the_event(code_text):
    # the possessor of a force is whose it is, not where it struck
    (ev,) = code_text("At least 32 civilians were killed in an attack by Sudan's paramilitary Rapid Support Forces "
                      "on El Fasher, the capital of North Darfur.")
    assert (ev.location.name, ev.location.country) == ("El Fasher", "SDN")
    strikes = [e for e in code_text("An Israeli strike in Lebanon killed three people on Monday.") if e.event == "ASSAULT"]
    assert strikes and all(e.location.country == "LBN" for e in strikes)


def test_where_an_order_was_given_before_where_it_was_aimed(code_text):
    evs = code_text("Maduro ordered troops to the border with Guyana at a rally in Caracas.")
    assert evs and all(e.location.name == "Caracas" for e in evs)


def test_a_place_under_attack_is_where_the_attack_happened(code_text):
    (ev,) = code_text("Russian forces shelled Chasiv Yar on Tuesday, Ukrainian officials said.")
    assert (ev.location.name, ev.location.country) == ("Chasiv Yar", "UKR")
    (ev,) = code_text("Russia condemned Ukraine on Tuesday.")  # not force: its object is not its place
    assert ev.location is None


def test_a_place_under_attack_places_the_harm_done_in_the_same_attack(code_text):
    # "wounding five" hangs from "hit Kharkiv": the place the attack acted on is where it happened
    for text, place in (("Russian drones hit Kharkiv, wounding five civilians.", "Kharkiv"),
                        ("Syrian jets bombed Idlib on Sunday, killing eight people.", "Idlib")):
        evs = [e for e in code_text(text) if e.event == "ASSAULT"]
        assert evs and all(e.location is not None and e.location.name == place for e in evs), text


def test_where_a_speaker_sits_does_not_place_what_it_reports(code_text):
    for text in ("The defence ministry in Kabul said its forces had shelled military posts across the border.",
                 "Officials in Tallinn said the last Russian troops had left the country."):
        for ev in code_text(text):
            assert ev.location is None or ev.location.name not in {"Kabul", "Tallinn"}, (text, ev.location)
    # the reporting verb's own place still counts ("announced in Caracas")
    evs = code_text("The Colombian government announced in Havana that it would begin peace talks with the ELN.")
    assert evs and any(e.location is not None and e.location.name == "Havana" for e in evs)


def test_a_common_word_needs_a_cue_to_be_a_town(code_text):
    # "Hope" is a town in Arkansas and a name: only "in Hope" in an American story makes it the place
    for ev in code_text("Police arrested Hope Smith in London on Monday."):
        assert ev.location is not None and ev.location.name == "London"
    (ev,) = code_text("Arkansas police arrested two men in Hope on Monday.")
    assert (ev.location.name, ev.location.country, ev.location.admin1) == ("Hope", "USA", "Arkansas")


def test_a_meeting_on_the_sidelines_of_a_gathering_is_where_the_gathering_is(code_text):
    # not where the source who reported it sits ("a source ... in Baku told")
    (ev,) = code_text("Azerbaijani Foreign Minister Jeyhun Bayramov met the Holy See's Secretary for Relations with "
                      "States on the sidelines of the Antalya Diplomacy Forum, a source in the Foreign Ministry in Baku "
                      "told reporters.")
    assert (ev.event, ev.location.name, ev.location.country) == ("CONSULT", "Antalya", "TUR")


def test_a_clause_of_the_same_occurrence_places_the_event(code_text):
    # a participle with no subject of its own, or a when-clause, tells where the main event happened
    evs = code_text("Speaking in Tegucigalpa, the Honduran president ordered the army to close the border.")
    assert evs and all(e.location is not None and e.location.name == "Tegucigalpa" for e in evs)
    evs = [e for e in code_text("Four people were killed when rebels shelled the town of Kindu on Friday.")
           if e.event == "ASSAULT"]
    assert evs and all(e.location is not None and e.location.name == "Kindu" for e in evs)


def test_the_target_of_an_attack_noun_and_a_sea_flown_over_are_where_it_happened(code_text):
    (ev,) = [e for e in code_text("Russia launched a wave of missile strikes on Moldova on Saturday.")
             if e.event == "ASSAULT"]
    assert ev.location.country == "MDA"
    (ev,) = code_text("Turkish jets shot down two drones over the Aegean Sea on Monday.")
    assert (ev.location.name, ev.location.country) == ("Aegean Sea", None)
    (ev,) = code_text("Russian and Ukrainian troops clashed over Crimea on Monday.")
    assert ev.event == "ASSAULT" and ev.location is None  # "over" a land is what about, not where


def test_a_gathering_named_after_its_city_is_there(code_text):
    evs = [e for e in code_text("The Lisbon summit opened on Tuesday with a dinner for the leaders.")
           if e.event == "CONSULT"]
    assert evs and evs[0].location.name == "Lisbon"


def test_a_sole_town_so_named_after_the_town_of_needs_no_country_named(code_text):
    # the story names only the attacker's country; no other place in the world is called so
    evs = [e for e in code_text("Three men were killed by Russian shelling of a house in the town of Chasiv Yar.")
           if e.event == "ASSAULT"]
    assert evs and evs[0].location.name == "Chasiv Yar"
    # "the X mine": an article before the name is no such cue; a German village is not a mine in Papua
    for ev in code_text("Workers stopped work on Tuesday at the Grasberg mine in the eastern province of Papua."):
        assert ev.location is None or ev.location.country != "DEU"


def test_a_country_words_capital_is_its_capital_city(code_text):
    (ev,) = code_text("The Kenyan and Somali ministers held talks in the Kenyan capital on Tuesday.")
    assert (ev.location.name, ev.location.country) == ("Nairobi", "KEN")
    evs = [e for e in code_text("Israeli jets struck a building in Lebanon's capital on Tuesday.") if e.event == "ASSAULT"]
    assert evs and evs[0].location.name == "Beirut"



def test_a_direction_and_a_country_is_the_country_when_the_whole_name_is_unlikely():
    # "South Lebanon" is also two small towns in the United States; in a story about Lebanon the
    # whole name is unlikely, and the name less its direction word is the place
    from parley.places.gazetteer import Cue, load_gazetteer

    where = load_gazetteer().choose("south Lebanon", Counter({"LBN": 2}), cue=Cue(locative=True, article=False,
                                                                                    admin=False))
    assert where is not None and where.country == "LBN"


def test_the_owner_of_what_force_is_aimed_at_is_where_it_landed(code_text):
    (ev,) = code_text("Russia launched a barrage of missiles at Moldova's power grid on Wednesday.")
    assert ev.location.country == "MDA"
    (ev,) = code_text("Israeli jets struck Syria's air defences on Friday.")
    assert ev.location.country == "SYR"
    # the owner of who used force is not where it happened
    (ev,) = code_text("Sudan's paramilitary forces attacked a convoy on Monday.")
    assert ev.location is None


def test_a_name_some_person_bears_is_a_place_after_in(code_text):
    # "Windsor" is also a royal surname the knowledge base knows; "in Windsor" is the town
    (ev,) = code_text("The king received the Japanese prime minister at the castle in Windsor on Tuesday.")
    assert (ev.location.name, ev.location.country) == ("Windsor", "GBR")


@pytest.mark.parametrize("text, name, country", [
    # a village below 1,000 inhabitants (GeoNames cities500)
    ("Russian troops shelled the village of Hoptivka in Ukraine's Kharkiv region on Monday, officials said.",
     "Hoptivka", "UKR"),
    # another spelling of a town ("Jabālyā"), after "on", in a country the text names; and "X in Y" is X
    ("An Israeli air strike on Jabalia in the northern Gaza Strip killed at least nine people on Friday.",
     "Jabālyā", "PSE"),
    ("Russian shelling of Kupiansk in the Kharkiv region killed three civilians on Sunday.", "Kupyansk", "UKR"),
    # a camp named after its town: the article is the camp's
    ("An Israeli strike on the Nuseirat refugee camp in central Gaza killed six people on Tuesday.",
     "An Nuşayrāt", "PSE"),
])
def test_small_towns_other_spellings_and_the_inner_place(code_text, text, name, country):
    places = [(e.location.name, e.location.country) for e in code_text(text) if e.location is not None]
    assert (name, country) in places


def test_another_spelling_counts_only_in_a_country_the_text_names(code_text):
    # "Africa" is an old name of Mahdia (Tunisia): "in West Africa" is no Tunisian town
    events = code_text("Germany on Thursday pledged more funding to fight the cholera outbreak in West Africa.")
    assert all(e.location is None or e.location.country != "TUN" for e in events) and events


def test_territory_taken_is_where_its_seizure_happened(code_text):
    # the place taken, not the region its apposition names
    (ev,) = code_text("Ukraine's army said Russian troops had taken Vuhledar, a mining town in the Donetsk region, "
                      "on Monday.")
    assert ev.cameo == "192" and ev.location is not None and ev.location.name == "Vuhledar"


def test_a_town_in_the_event_clause_refines_its_country(code_text):
    (ev,) = code_text("Iran launched strikes in Pakistan on Tuesday, hitting what it called militant bases in the "
                      "border town of Panjgur.")
    assert ev.location is not None and ev.location.name == "Panjgur"
    # ... but not the speakers' town outside the clause
    (ev,) = code_text("Pakistani officials in Islamabad said Iran struck targets in Pakistan on Tuesday.")
    assert ev.location is not None and ev.location.feature == "country"


@pytest.mark.parametrize("text, name, country", [
    ("Russian troops shelled the village of Dovrenivka in Ukraine's Sumy region on Monday.", "Dovrenivka", "UKR"),
    ("Gunmen attacked the Karoumba displacement camp in northern Chad on Friday.", "Karoumba Camp", "TCD"),
    ("Militants shelled an army post in Dorvanka, a border town in northern Chad, on Friday.", "Dorvanka", "TCD"),
    ("Rebels captured another village, Tessoumba, in eastern Chad on Sunday.", "Tessoumba", "TCD"),
])
def test_a_settlement_the_gazetteer_lacks_is_the_place_by_its_name(code_text, text, name, country):
    # named as a village or camp by the text: the place by its name, the country of the place next
    # to it, and no coordinates (no pin is better than a wrong one)
    (ev,) = code_text(text)
    loc = ev.location
    assert loc is not None and (loc.name, loc.country, loc.lat, loc.geonameid) == (name, country, None, None)
    # ... a proper name with no such cue is no place
    (ev,) = code_text("Gunmen attacked the offices of Veltrano Logistics in northern Chad on Friday.")
    assert ev.location is not None and ev.location.country == "TCD" and ev.location.feature == "country"


@pytest.mark.parametrize("text, name", [
    ("Kharkiv lies across the border from Russia's Belgorod region, where Ukrainian troops launched a raid in May.",
     "Belgorod Oblast"),
    ("The army withdrew to Bakhmut, where Russian forces shelled a hospital on Monday.", "Bakhmut"),
])
def test_a_relative_clause_opened_by_where_happened_at_the_place_it_describes(code_text, text, name):
    ev = code_text(text)[-1]
    assert ev.location is not None and ev.location.name == name


def test_a_name_placed_inside_a_named_region_is_a_place_there(code_text):
    ev = code_text("Drone strikes killed five civilians on Monday in Tessalit-Nord in the Kidal region.")[0]
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Tessalit-Nord", "MLI")


def test_fire_launched_from_one_place_at_another_happened_where_it_was_aimed(code_text):
    (ev,) = code_text("Militants fired two rockets from northern Syria at a Turkish army post in Kilis on Monday.")
    assert ev.location is not None and ev.location.name == "Kilis"
    # taken "from" a place with nothing aimed "at": it happened there
    (ev,) = code_text("Gunmen abducted 30 pupils from a boarding school in Kagara in Niger State on Wednesday.")
    assert ev.location is not None and ev.location.name == "Kagara"


def test_another_spelling_counts_after_the_noun_it_is_in_apposition_to(code_text):
    (ev,) = code_text("In the provincial capital Qandahar, gunmen killed four police officers on Tuesday.")
    assert ev.location is not None and ev.location.country == "AFG" and ev.location.feature == "city"


def test_a_purpose_happens_where_the_act_it_serves_does_not_where_its_topic_is(code_text):
    (ev,) = code_text("Hundreds of students gathered outside the Israeli embassy in Santiago on Monday to condemn "
                      "the bombing of Gaza.")
    assert ev.event == "ACCUSE" and ev.location is not None and ev.location.name == "Santiago"


def test_an_event_counted_by_a_noun_takes_the_place_of_that_nouns_verb(code_text):
    (ev,) = code_text("Israel carried out a wave of air strikes in southern Lebanon on Thursday.")
    assert ev.location is not None and ev.location.name == "Lebanon"


def test_coercion_happens_at_the_place_it_is_done_to_but_a_nationality_is_no_place(code_text):
    (ev,) = code_text("Egyptian police raided the Alexandria offices of three rights groups on Sunday.")
    assert ev.event == "COERCE" and ev.location is not None and ev.location.name == "Alexandria"
    (ev,) = code_text("Libya deported 300 Niger nationals on Sunday, officials said.")
    assert ev.location is None or ev.location.country != "NER"


def test_a_camp_named_by_a_chain_of_modifiers_is_where_it_was_raided(code_text):
    (ev,) = code_text("Israeli troops raided the Nur Shams refugee camp near Tulkarem.")
    assert ev.location is not None and ev.location.name == "Nur Shams Camp"
