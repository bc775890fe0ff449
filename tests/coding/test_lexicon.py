from parley.coding.lexicon import load_lexicon, parse_pattern
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
