from parley.ontology import CATEGORIES, DEFAULT_CAMEO, load_ontology


def test_known_codes_and_weights():
    onto = load_ontology()
    assert onto.cameo("042").plover == "CONSULT"
    assert onto.cameo("042").goldstein == 1.9
    assert onto.cameo("190").quad_class == 4
    assert onto.cameo("1123").plover == "ACCUSE"


def test_unknown_deeper_code_falls_back_to_its_ancestor():
    onto = load_ontology()
    assert onto.cameo("0429").code == "042"


def test_every_category_has_a_consistent_default_code():
    onto = load_ontology()
    for cat in CATEGORIES:
        assert onto.consistent(cat, DEFAULT_CAMEO[cat]), cat


def test_statements_and_appeals_have_no_plover_category():
    onto = load_ontology()
    assert onto.cameo("010").plover == ""
    assert onto.cameo("020").plover == ""
