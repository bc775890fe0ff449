"""The real-report date/place set (tests/data/dateplace_real.jsonl, written from real reports
without parley's output) scored by its referee, scripts/score_dateplace.py, as a developer runs
it: `parley code --no-store` on the sentences, then the annotator's rules. The floors are a little
below the figures of 2026-12-06 (docs/accuracy.md), so that a regression fails; the targets of
issue 18 are higher."""
import json
import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "score_dateplace.py"


def test_dateplace_real_set(capsys):
    done = subprocess.run([sys.executable, str(SCRIPT), "--json"], capture_output=True, text=True, cwd=ROOT,
                          timeout=900)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    with capsys.disabled():
        print(f"\ndateplace_real: date {result['date']['accuracy']} place {result['place']['accuracy']} "
              f"no event {result['no_event']}/{result['sentences']}; with an event: "
              f"date {result['with_event']['date']['accuracy']} place {result['with_event']['place']['accuracy']}")
    assert result["sentences"] == 216 and result["date"]["rows"] + result["undated"]["rows"] == 216
    # floors a little below the figures at 8cbe65b (42 with no event, dates 0.778, places 0.625)
    assert result["no_event"] <= 46
    assert result["date"]["accuracy"] >= 0.75
    # the time stage on the events it is given (0.932 on 2026-12-06, s-dates): a date regression
    # shows here even when coding recall moves the figure above
    assert result["with_event"]["date"]["accuracy"] >= 0.90
    assert result["place"]["accuracy"] >= 0.60


def test_referee_rules():
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_dateplace import date_right, pick_event, place_right

    gold = {"event": "Hezbollah attacked an army position", "date": "2024-05-16", "date_precision": "day",
            "place": {"name": "Metula", "kind": "town", "country": "ISR", "lat": 33.28, "lon": 35.58},
            "place_alt": None}
    talk = {"sentence": 1, "mentions": [{"trigger": "said"}], "date": "2024-05-17", "date_precision": "publication"}
    attack = {"sentence": 1, "mentions": [{"trigger": "attacks"}], "date": "2024-05-16", "date_precision": "day"}
    assert pick_event(gold, [talk, attack]) is attack and pick_event(gold, [talk]) is talk
    assert date_right(gold, attack) and not date_right(gold, talk)
    assert place_right(gold, {"name": "Metulla", "lat": 33.27, "lon": 35.57})  # spelled otherwise, 1 km off
    assert not place_right(gold, {"name": "Israel", "country": "ISR"})
    sea = {"place": {"name": "Gulf of Aden", "kind": "sea", "country": None, "lat": 12.0, "lon": 48.0}}
    assert not place_right(sea, {"name": "Gulf", "country": "PNG"}) and place_right(sea, {"name": "the Gulf of Aden"})
    region = {"place": {"name": "Kursk Oblast", "kind": "region", "country": "RUS"}}
    assert place_right(region, {"name": "Kursk Region"}) and not place_right(region, {"name": "Russia"})
    month = {"date": "2024-07-01", "date_precision": "month", "week_start": None}
    assert date_right(month, {"date": "2024-07-09"}) and not date_right(month, {"date": "2024-06-30"})
