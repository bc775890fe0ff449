"""The actor phrase sets resolved as `parley resolve --input` does and scored by
parley.measure.phrases (`parley eval --phrases`): parley's own set (phrases.tsv, 500+ phrases of
every kind) and the independent set of 2026 (phrases_2026.tsv, written without parley's output).
Accuracy is printed and held to floors: targets for the old set, for the new one a little below
the figures of 2026-12-06 (docs/actors.md), so that a regression fails."""
import sys
from pathlib import Path

import pytest

from parley.measure.phrases import evaluate_phrases, format_phrases

DATA = Path(__file__).parent / "data"
# (country, sector primary, org, name, role) on the new set: floors, the figures of 2026-12-06 less 0.02 to 0.03
FLOORS_2026 = {"country": 0.86, "sector": 0.78, "org": 0.93, "name": 0.73, "role": 0.89}


@pytest.fixture(scope="module")
def score_set(pipeline):
    return lambda name: evaluate_phrases(DATA / name, pipeline)


def show(title: str, result: dict, capsys) -> None:
    with capsys.disabled():
        print(f"\n{title}\n" + format_phrases(result, misses="-v" in sys.argv))


def test_phrase_set(score_set, capsys):
    result = score_set("phrases.tsv")
    show("parley's own actor phrases (phrases.tsv)", result, capsys)
    assert result["rows"] >= 300
    assert result["accuracy"]["country"] >= 0.90, result["misses"]
    assert result["accuracy"]["sector"] >= 0.85, result["misses"]


def test_independent_phrase_set_2026(score_set, capsys):
    result = score_set("phrases_2026.tsv")
    show("independent actor phrases of 2026 (phrases_2026.tsv)", result, capsys)
    assert result["rows"] == 513
    assert result["sector_names"].startswith("PLOVER") and result["roles"] == "by class"
    for field, floor in FLOORS_2026.items():
        assert result["accuracy"][field] >= floor, (field, result["accuracy"][field])
