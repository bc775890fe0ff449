"""The gazetteer's layers: towns below 15,000 inhabitants, first-level divisions with a point,
bodies of water, and the guard that keeps common words and names from becoming places."""
from collections import Counter

from parley.places.gazetteer import Cue, GeoEntry, Gazetteer, TOWN_FLOOR, fold, load_gazetteer

IN = Cue(locative=True)


def test_a_town_below_the_floor_is_found_in_its_country():
    town = load_gazetteer().choose("Sudzha", Counter({"RUS": 1}), cue=IN)
    assert town is not None and town.country == "RUS" and town.population < TOWN_FLOOR
    assert town.lat is not None and abs(town.lat - 51.2) < 0.1


def test_the_base_layer_the_actor_stage_reads_has_no_towns():
    # the actor stage calls choose() without a cue: its namesakes stay what they were
    assert load_gazetteer().choose("Sudzha", Counter({"RUS": 1})) is None


def test_a_division_has_a_point_and_its_codes():
    kursk = load_gazetteer().choose("Kursk region", Counter(), cue=Cue())
    assert (kursk.feature, kursk.country, kursk.admin1) == ("admin1", "RUS", "41")
    assert abs(kursk.lat - 51.7) < 0.5 and abs(kursk.lon - 36.2) < 0.5
    # the city of that name, not the division, when no kind word follows
    assert load_gazetteer().choose("Kursk", Counter(), cue=Cue()).feature == "city"


def test_a_body_of_water_has_a_point_and_no_country():
    for name in ("Red Sea", "the Strait of Hormuz", "South China Sea", "Gulf of Oman"):
        water = load_gazetteer().choose(name, Counter({"SDN": 3}), cue=IN)
        assert water is not None and water.feature == "water" and water.country is None, name
        assert water.lat is not None and water.lon is not None
    # the divisions named after the sea (Sudan's Red Sea state, Egypt's governorate) when named as such
    state = load_gazetteer().choose("Red Sea state", Counter({"SDN": 1}), cue=Cue())
    assert (state.feature, state.country) == ("admin1", "SDN")


def test_gulf_alone_is_never_a_country():
    g = load_gazetteer()
    for cue in (Cue(locative=True, article=True), Cue(article=True), Cue()):
        place = g.choose("Gulf", Counter(), cue=cue)
        assert place is None or place.country is None
    assert all(c.feature != "country" for c in g.candidates("Gulf", extra=True))


def test_a_common_word_town_needs_a_locative_cue_and_its_country():
    g = load_gazetteer()
    assert g.choose("Hope", Counter({"USA": 1}), cue=Cue()) is None  # "Hope said ..."
    assert g.choose("Hope", Counter(), cue=IN) is None  # "in Hope" with nothing else to go on
    hope = g.choose("Hope", Counter({"USA": 1}), cue=IN, states=Counter({"AR": 1}))
    assert hope is not None and (hope.country, hope.admin1) == ("USA", "AR")
    assert g.choose("Hope", Counter(), "Arkansas", cue=Cue()).admin1 == "AR"


def test_a_qualifier_that_is_a_division_places_the_town_inside_it():
    wyoming = load_gazetteer().choose("Wyoming", Counter(), "Michigan", cue=IN)
    assert (wyoming.feature, wyoming.admin1) == ("city", "MI")


def test_a_users_place_comes_first_and_needs_no_context():
    mine = GeoEntry(None, "Camp Zeta", "SDN", None, 13.1, 25.2, 0, "city", user=True)
    g = load_gazetteer().with_places([("Camp Zeta", mine)])
    assert g.choose("Camp Zeta", Counter(), cue=Cue()) == mine
    assert load_gazetteer().choose("Camp Zeta", Counter(), cue=Cue()) is None  # the shipped one is untouched


def test_a_users_place_is_never_a_town_whatever_its_population():
    mine = GeoEntry(None, "Camp Zeta", "SDN", None, 13.1, 25.2, 200, "city", user=True)
    assert not mine.town
    assert GeoEntry(None, "Zeta", "SDN", None, 13.1, 25.2, 200, "city").town
    # so a user's small place is not set aside for a city of its name, as towns are
    g = load_gazetteer().with_places([("Kursk", mine)])
    assert g.choose("Kursk", Counter(), cue=IN) == mine


def test_towns_are_kept_as_columns():
    towns = load_gazetteer().towns
    assert len(towns.names) > 100_000 and len(towns.lat) == len(towns.names) == len(towns.word)
    assert all(isinstance(v, (int, tuple)) for v in list(towns.index.values())[:1000])


def test_fold_keeps_its_fast_path_equal_to_the_slow_one():
    assert fold("Saint-Denis") == fold("Saint Denis") == "saint denis"
    assert fold("Ma`an") == fold("Ma’an") == "maan"
    assert fold("St. Petersburg") == fold("Saint Petersburg") and fold("Córdoba") == "cordoba"


def test_an_empty_gazetteer_chooses_nothing():
    assert Gazetteer([], {}).choose("Anywhere", Counter(), cue=IN) is None


def test_a_town_never_outranks_a_country_or_city_of_its_name():
    # Brazil, Indiana is a town: an American story about sending frogs to Brazil means the country
    assert load_gazetteer().choose("Brazil", Counter({"USA": 3}), cue=IN).country == "BRA"
    # unless a qualifier says so
    assert load_gazetteer().choose("Brazil", Counter(), "Indiana", cue=IN).country == "USA"


def test_a_name_with_a_direction_word_is_looked_up_whole_first():
    g = load_gazetteer()
    assert g.choose("South Sudan", Counter({"SDN": 2}), cue=IN).country == "SSD"
    assert g.choose("southern Lebanon", Counter(), cue=IN).country == "LBN"


def test_a_qualified_name_is_the_place_in_that_region_from_every_layer():
    # the actor stage (no cue) too: "Paris, Kentucky" is a town below the base layer's floor
    g = load_gazetteer()
    for name, region, country, admin1 in (("Paris", "Kentucky", "USA", "KY"), ("Berlin", "New Hampshire", "USA", "NH"),
                                          ("Athens", "Georgia", "USA", "GA"), ("Tripoli", "Lebanon", "LBN", "09"),
                                          ("Lebanon", "Tennessee", "USA", "TN")):
        for e in (g.choose(name, Counter(), region), g.qualified(name, region)):
            assert e is not None and (e.country, e.admin1) == (country, admin1), (name, region, e)
    # words after a comma that name no region the place lies in ("Paris, London and Berlin")
    assert g.qualified("Paris", "London") is None and g.qualified("Iran", "Iraq") is None
    assert g.choose("Paris", Counter(), "London").country == "FRA"


def test_a_hyphened_spelling_is_the_spaced_one(code_text):
    assert fold("el-Fasher") == fold("El Fasher") and fold("Ivano-Frankivsk") == "ivano frankivsk"
    (ev,) = code_text("Rebels seized the main army base in el-Fasher on Sunday.")
    assert ev.location is not None and ev.location.name == "El Fasher"
