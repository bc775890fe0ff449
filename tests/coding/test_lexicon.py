import build_verbs  # scripts/ (tests/conftest.py puts it on the path)
import pytest

from parley.coding.lexicon import BASE, HAND, load_lexicon, merge, parse_pattern, read_triggers
from parley.ontology import CATEGORIES, load_ontology


def test_every_category_has_verb_and_noun_triggers():
    lex = load_lexicon()
    for cat in CATEGORIES:
        kinds = {t.kind for t in lex.triggers if t.category == cat}
        assert "verb" in kinds, cat


def test_every_trigger_code_maps_to_its_category():
    onto = load_ontology()
    for t in load_lexicon().triggers:
        if t.category:
            assert onto.cameo(t.cameo).plover == t.category, t.pattern


def test_pattern_syntax():
    assert parse_pattern("lift +curfew,ban") == ("verb", "lift", None, frozenset({"curfew", "ban"}), ())
    assert parse_pattern("call for") == ("verb", "call", "for", frozenset(), ())
    assert parse_pattern("N hunger strike") == ("noun", "strike", None, frozenset(), ("hunger",))
    assert parse_pattern("set fire to") == ("verb", "set", "to", frozenset({"fire"}), ())


# -- the compiled base: scripts/build_verbs.py on a dictionary written for these tests ---------

DICTIONARY = """\
####### SYNONYM SETS #######
&FOOD
+FOOD
+RICE
&MILITARY
+ARMY

####### VERB PATTERNS #######
---  BESIEGE   [---]  ---
BESIEGE
ENCIRCLE
- * STRONGHOLD                  [191]   # BESIEGE
- * &FOOD                       [073]   # ENCIRCLE
- &MILITARY * CITY              [191]   # BESIEGE
- * (INTO CHARGES)              [090]   # BESIEGE
- * CITY (WITH TANKS)           [191]   # BESIEGE
- * {MOCK ATTACK}               [062]   # BESIEGE
- * ATTACK                      [190]   # BESIEGE
- * (TO)                        [040:040]  # BESIEGE
---  REMARK   [010]  ---
REMARK
- * (ON PEACE)                  [012]   # REMARK
---  HUNT   [---]  ---
+HUNT_DOWN {+HUNTS_DOWN +HUNTED_DOWN +HUNTING_DOWN} [173]
SEEK {SOUGHT SEEKING SEEKS} [020]
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING} [1713]
---  DEMONSTRATE   [141]  ---
DEMONSTRATE  [141]
STAGE
- * DEMONSTRATION               [141]   # STAGE
- * WALKOUT                     [143]   # STAGE
######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""
MAPPING = {code: (cat, mode, "") for code, cat, mode in [
    ("040", "CONSULT", ""), ("073", "AID", ""), ("090", "ACCUSE", "investigate"), ("062", "COOPERATE", ""),
    ("141", "PROTEST", "demo"), ("143", "PROTEST", "boycott"), ("173", "COERCE", "arrest"),
    ("1713", "COERCE", "seize"), ("190", "ASSAULT", ""), ("191", "COERCE", "restrict")]}


@pytest.fixture(scope="module")
def compiled():
    return build_verbs.compile_dictionary(DICTIONARY, MAPPING, set(MAPPING), frozenset({"stage"}))


def test_codes_forms_and_words_are_read():
    assert [build_verbs.parse_code(c) for c in ("042:043", ":173", "---", "080!")] == ["042", "173", None, "080"]
    verb = build_verbs.read_verb("SPEED {SPEEDING SPEEDS SPED }", None)
    assert verb.words == ("speed",) and verb.code is None
    phrasal = build_verbs.read_verb("+HUNT_DOWN {+HUNTS_DOWN +HUNTED_DOWN} [173]  # a comment", "150")
    assert (phrasal.words, phrasal.head, phrasal.code, phrasal.own) == (("hunt", "down"), 0, "173", True)
    assert [build_verbs.singular(w) for w in ("rallies", "sanctions", "crisis", "marches")] == [
        "rally", "sanction", "crisis", "march"]


def test_patterns_become_parley_rows(compiled):
    rows = {r.pattern: (r.category, r.cameo, r.mode) for r in compiled.rows.values()}
    assert rows == {
        "besiege +stronghold": ("COERCE", "191", "restrict"),
        "encircle +food,rice": ("AID", "073", ""),  # a synonym set; only the verb the pattern names
        "besiege into +charge,charges": ("ACCUSE", "090", "investigate"),  # a preposition and its object
        "besiege +attack": ("ASSAULT", "190", ""),  # the plain word before the phrase "{MOCK ATTACK}"
        "hunt down": ("COERCE", "173", "arrest"),  # a phrasal verb, its forms reduced to the lemma
        "stage +demonstration": ("PROTEST", "141", "demo"),
        "stage +walkout": ("PROTEST", "143", "boycott"),
        # "demonstrate" (its own code) nominalised, as the object of a light verb; "walkout" is no nominalisation
        "N demonstration": ("PROTEST", "141", "demo"),
    }


def test_what_parley_cannot_say_is_dropped_and_counted(compiled):
    d = compiled.dropped
    assert d["subject constraint"] == 1 and d["two particles or objects"] == 1
    assert d["CAMEO 01 (no PLOVER category)"] == 1 and d["CAMEO 02 (no PLOVER category)"] == 0
    assert d["conflicting repeat"] == 1  # "{MOCK ATTACK}" [062] after "ATTACK" [190]
    assert d["verb after its compound word"] == 1  # WIRE_+TAP
    assert d["particle verb with a root code"] == 1  # "besiege to" [040] (a root code: noise, measured)
    assert d["bare verb"] == 6  # BESIEGE ENCIRCLE REMARK SEEK DEMONSTRATE STAGE


def test_a_hand_written_word_replaces_all_compiled_patterns_for_it():
    hand = [t for t in read_triggers(HAND) if t.lemma in {"attack", "withdraw"}]
    base = [t for t in read_triggers(BASE) if t.lemma in {"attack", "besiege"}]
    merged = merge(hand, base)
    assert {t.pattern for t in merged if t.lemma == "attack"} == {t.pattern for t in hand if t.lemma == "attack"}
    assert {t.pattern for t in merged if t.lemma == "besiege"} == {t.pattern for t in base if t.lemma == "besiege"}
    assert any(t.lemma == "besiege" for t in base) and any(t.lemma == "attack" for t in base)



def test_a_hand_row_that_adds_keeps_the_compiled_patterns_of_its_word():
    hand = [t for t in read_triggers(HAND) if t.lemma == "end"]
    assert hand and all(t.has("adds") for t in hand)
    merged = merge(hand, [t for t in read_triggers(BASE) if t.lemma == "end"])
    assert {"mediation", "war"} <= {o for t in merged for o in t.objects}


@pytest.mark.parametrize("text, expected", [
    ("The rebels ended the war with the government in May.", ("RETREAT", "0871")),
    ("The Qatari government ended its mediation between the two sides on Monday.", ("SANCTION", "165")),
])
def test_added_and_compiled_patterns_of_one_word_both_code(code_text, text, expected):
    assert [(e.event, e.cameo) for e in code_text(text)] == [expected]

# verbs the hand lexicon lacks, coded through the compiled patterns (sentences written for this test)
@pytest.mark.parametrize("text, lemma, expected", [
    ("Government troops besieged the rebel stronghold outside Aleppo on Tuesday.", "besiege",
     ("COERCE", ["SYR"], ["SYR"])),
    ("Sudanese rebels wiped out an army convoy near El Fasher.", "wipe", ("ASSAULT", ["SDN"], ["SDN"])),
    ("Mali booted out the French ambassador on Monday.", "boot", ("COERCE", ["MLI"], ["FRA"])),
    ("Colombian police hunted down the rebel commander in the jungle near Cali.", "hunt",
     ("COERCE", ["COL"], ["COL"])),
])
def test_compiled_verbs_code_events(code_text, text, lemma, expected):
    assert not [t for t in read_triggers(HAND) if t.lemma == lemma]
    assert [(e.event, sorted(e.codes("actor")), sorted(e.codes("recipient"))) for e in code_text(text)] == [expected]


def test_a_code_for_the_subject_as_target_is_dropped():
    # "[:184]": PETRARCH codes the subject as the one acted on; parley reads a subject as the source
    text = DICTIONARY.replace("- * ATTACK                      [190]   # BESIEGE",
                              "- * ATTACK                      [190]   # BESIEGE\n"
                              "- * (IN CUSTODY)                [:190]  # BESIEGE")
    compiled = build_verbs.compile_dictionary(text, MAPPING, set(MAPPING), frozenset({"stage"}))
    assert compiled.dropped["subject is the target"] == 1
    assert not any("custody" in r.pattern for r in compiled.rows.values())
