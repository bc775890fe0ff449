"""Places: parley's own 170+ ambiguous cases (tests/data/places.tsv), each an event sentence and
the place where its event happened; accuracy is printed and held to a floor."""
import csv
from datetime import date
from pathlib import Path

from parley.model import Document
from parley.places.component import document_countries, fold

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
    assert (attacker.country, attacker.kind, attacker.text) == ("AFG", "unidentified", "Kandahar")
    assert ev.codes("recipient") == ["AFG"]  # the farmers, placed by where it happened
    assert "unidentified" in dict(ev.explain)["actor"]


def test_without_a_place_an_unnamed_attacker_stays_unknown(code_text):
    (ev,) = code_text("Three farmers were wounded by a landmine blast on Monday.")
    assert ev.actor == ()
