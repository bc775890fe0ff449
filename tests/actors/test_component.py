"""The actor stage (actors/component.py) on phrases written for these tests."""


def test_countries_coordinated_inside_a_quantity_phrase_are_all_parties(pipeline):
    ((_, _, actors),) = list(pipeline.resolve([("0", "Thousands of Indian and Pakistani troops", None)]))
    assert [a.country for a in actors] == ["IND", "PAK"]
