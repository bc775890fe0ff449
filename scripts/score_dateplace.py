"""Referee for the real-report date/place set (tests/data/dateplace_real.jsonl; its conventions in
tests/data/dateplace_real.md): codes each sentence with `parley code --no-store` at its pub_date
(or reads coded records with --pred), picks the event the annotation means, and scores its date
and place. Standard library only, so it judges parley from its output alone.

Rules (the annotator's suggested referee, with these choices):
- The event: the predicted event whose trigger words share most word stems with the gold `event`
  description; ties go to the one whose actors share most, then to the last sentence, then the
  first in the text. When no trigger shares a stem, the first event of the last sentence that has
  one. A sentence with no event at all is "no event found": its date and place count as wrong.
- Date, gold `day`: the same YYYY-MM-DD; gold `month`: the same YYYY-MM, or for "last week" a
  week-precision date in the week of `week_start`. A right date that is only the publication
  fallback (`date_precision: publication`) counts, and is counted apart ("by fallback").
- Date, gold null: scored apart from the dated rows, not in the date accuracy: right when the
  record claims no date from the text (no date, or the publication fallback); "strict" when it
  has no date at all.
- Place: cities, towns, villages and camps by name (folded: case, accents, hyphens, the articles
  al-/el-/the; `place_alt` accepted) or within 25 km; regions and seas by name only, generic words
  (oblast, region, province, ...) dropped on both sides; countries by country code; gold null:
  no place, or a `place_alt` name.

Run from the repository root:  python scripts/score_dateplace.py [--gold FILE] [--pred FILE] [--json]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "dateplace_real.jsonl"
NEAR_KM = 25.0
SETTLEMENTS = {"city", "town", "village", "camp"}
ARTICLES = {"al", "el", "the"}
GENERIC = {"oblast", "region", "province", "governorate", "state", "district", "prefecture", "county",
           "krai", "raion", "territory", "township"}
STOP = {"a", "an", "and", "the", "of", "in", "on", "to", "for", "with", "by", "at", "from", "its", "his", "her",
        "their", "was", "were", "is", "be", "been", "that", "who", "which"}


def fold(text: str) -> str:
    """Lower case, no accents, hyphens or apostrophes, without the articles al-/el-/the."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]|_", " ", plain.lower()).split()
    return " ".join(w for w in words if w not in ARTICLES)


def stems(text: str) -> set[str]:
    """Content words cut to five letters: "attacked"/"attacks", "talks"/"talked" meet."""
    return {w[:5] for w in fold(text).split() if w not in STOP and len(w) > 2}


def pick_event(gold: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The predicted event the annotation means (the module's rule)."""
    if not events:
        return None
    want = stems(gold.get("event") or "")
    last = max(e.get("sentence", 0) for e in events)

    def key(item: tuple[int, dict[str, Any]]) -> tuple[int, int, int, int]:
        n, e = item
        trig = set().union(*(stems(m.get("trigger") or "") for m in e.get("mentions") or [{}]))
        who = set().union(set(), *(stems(a.get("text") or "") for a in (e.get("actor") or []) + (e.get("recipient") or [])))
        return len(trig & want), len(who & want), e.get("sentence", 0) == last, -n

    best_n, best = max(enumerate(events), key=key)
    if key((best_n, best))[0] == 0:
        return next(e for e in events if e.get("sentence", 0) == last)
    return best


def date_right(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    got = str(pred.get("date") or "")
    if gold["date_precision"] == "day":
        return got[:10] == gold["date"]
    if got[:7] == gold["date"][:7]:
        return True
    if gold.get("week_start") and pred.get("date_precision") == "week" and len(got) >= 10:
        start = date.fromisoformat(gold["week_start"])
        return start <= date.fromisoformat(got[:10]) <= start + timedelta(days=6)
    return False


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _bare(name: str) -> str:
    return " ".join(w for w in fold(name).split() if w not in GENERIC)


def place_right(gold: dict[str, Any], loc: dict[str, Any] | None) -> bool:
    place, alts = gold.get("place"), [fold(a) for a in gold.get("place_alt") or []]
    said = {fold(str(loc.get(k) or "")) for k in ("name", "text")} - {""} if loc else set()
    if place is None:
        return not loc or bool(said & set(alts))
    if not loc:
        return False
    if place["kind"] == "country":
        return (loc.get("country") or "").upper() == place["country"]
    if said & {fold(place["name"]), *alts}:
        return True
    if place["kind"] in SETTLEMENTS:
        here, there = (place.get("lat"), place.get("lon")), (loc.get("lat"), loc.get("lon"))
        return None not in here + there and km(here, there) <= NEAR_KM
    names = {_bare(place["name"]), *(_bare(a) for a in gold.get("place_alt") or [])} - {""}
    return bool({_bare(s) for s in said} & names)


def score(golds: list[dict[str, Any]], records: list[dict[str, Any]]) -> dict[str, Any]:
    """Overall, per date_case and per place_case; undated gold rows apart."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        by_doc[str(r.get("doc_id"))].append(r)
    tally: dict[str, dict[str, list[int]]] = {"date_case": defaultdict(lambda: [0, 0, 0]),
                                               "place_case": defaultdict(lambda: [0, 0])}
    dated, undated, places = [0, 0, 0], [0, 0, 0], [0, 0]
    no_event, page_dated, found = 0, [0, 0], {"date": [0, 0], "place": [0, 0]}  # found: rows with an event
    for g in golds:
        pred = pick_event(g, by_doc.get(g["id"], []))
        no_event += pred is None
        p_ok = pred is not None and place_right(g, pred.get("location"))
        places[0] += p_ok
        places[1] += 1
        if pred is not None:
            found["place"][0] += p_ok
            found["place"][1] += 1
        tally["place_case"][g["place_case"]][0] += p_ok
        tally["place_case"][g["place_case"]][1] += 1
        fallback = pred is not None and pred.get("date_precision") == "publication"
        if g["date"] is None:
            undated[0] += pred is not None and (not pred.get("date") or fallback)
            undated[1] += pred is not None and not pred.get("date")
            undated[2] += 1
            continue
        d_ok = pred is not None and date_right(g, pred)
        for t in (dated, tally["date_case"][g["date_case"]]):
            t[0] += d_ok
            t[1] += d_ok and fallback
            t[2] += 1
        if pred is not None:
            found["date"][0] += d_ok
            found["date"][1] += 1
        if not g.get("pub_date_inferred"):
            page_dated[0] += d_ok
            page_dated[1] += 1
    return {
        "sentences": len(golds), "no_event": no_event,
        "date": {"right": dated[0], "by_fallback": dated[1], "rows": dated[2], "accuracy": _ratio(dated[0], dated[2])},
        "date_page_dated": {"right": page_dated[0], "rows": page_dated[1], "accuracy": _ratio(*page_dated)},
        "undated": {"no_date_claimed": undated[0], "no_date_at_all": undated[1], "rows": undated[2]},
        "place": {"right": places[0], "rows": places[1], "accuracy": _ratio(*places)},
        "with_event": {k: {"right": r, "rows": n, "accuracy": _ratio(r, n)} for k, (r, n) in found.items()},
        "date_case": {k: {"right": r, "by_fallback": f, "rows": n} for k, (r, f, n) in sorted(tally["date_case"].items())},
        "place_case": {k: {"right": r, "rows": n} for k, (r, n) in sorted(tally["place_case"].items())},
    }


def _ratio(right: int, rows: int) -> float | None:
    return round(right / rows, 4) if rows else None


def report(result: dict[str, Any]) -> str:
    d, u, p = result["date"], result["undated"], result["place"]
    lines = [f"{'date_case':<22}{'rows':>5}{'right':>7}{'fallback':>10}"]
    lines += [f"{k:<22}{v['rows']:>5}{v['right']:>7}{v['by_fallback']:>10}" for k, v in result["date_case"].items()]
    lines += ["", f"{'place_case':<22}{'rows':>5}{'right':>7}"]
    lines += [f"{k:<22}{v['rows']:>5}{v['right']:>7}" for k, v in result["place_case"].items()]
    lines += ["", f"sentences={result['sentences']} no_event={result['no_event']} "
                  f"date_acc={d['accuracy']} ({d['right']}/{d['rows']}, {d['by_fallback']} by the publication fallback; "
                  f"page-dated rows {result['date_page_dated']['accuracy']}) "
                  f"undated: no date claimed {u['no_date_claimed']}/{u['rows']} (no date at all {u['no_date_at_all']}) "
                  f"place_acc={p['accuracy']} ({p['right']}/{p['rows']})",
              "of the rows with an event: " + " ".join(
                  f"{k}_acc={v['accuracy']} ({v['right']}/{v['rows']})" for k, v in result["with_event"].items())]
    return "\n".join(lines)


def load(path: Path) -> list[dict[str, Any]]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        sys.exit(f"score_dateplace: {path}: cannot read ({exc})")


def code(golds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records `parley code --no-store` gives for the sentences at their pub_date (this tree)."""
    with tempfile.TemporaryDirectory(prefix="parley-dateplace-") as tmp:
        docs = Path(tmp) / "docs.jsonl"
        docs.write_text("".join(json.dumps({k: g[k] for k in ("id", "text", "pub_date")}) + "\n" for g in golds),
                        encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "parley", "code", str(docs), "--no-store"],
                              capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        sys.exit(f"score_dateplace: parley code failed: {done.stderr.strip().splitlines()[-1:]}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--pred", type=Path, help="records already coded (JSONL); default: code them now")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    args = parser.parse_args()
    golds = load(args.gold)
    result = score(golds, load(args.pred) if args.pred else code(golds))
    print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
