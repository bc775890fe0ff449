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


def test_quad_class_follows_the_cameo_root_as_gdelt_and_phoenix_count_it():
    """01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict (09
    investigate is verbal), 14-20 material conflict (14 protest is material)."""
    def quad(root: int) -> int:
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

    onto = load_ontology()
    assert onto.codes
    for code, entry in onto.codes.items():
        assert entry.quad_class == quad(int(code[:2])), code
    assert onto.cameo("090").quad_class == 3 and onto.cameo("141").quad_class == 4
