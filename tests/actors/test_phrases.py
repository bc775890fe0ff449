"""Parley's own actor test set (tests/actors/data/phrases.tsv, 500+ phrases of every kind),
resolved as `parley resolve --input` does; accuracy is printed and held to a floor."""
import csv
from datetime import date
from pathlib import Path

DATA = Path(__file__).parent / "data" / "phrases.tsv"


def load_cases() -> list[dict[str, str]]:
    lines = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_phrase_set(pipeline, capsys):
    cases = load_cases()
    assert len(cases) >= 300
    items = [(str(i), c["phrase"], date.fromisoformat(c["date"]) if c["date"] else None) for i, c in enumerate(cases)]
    got = {i: actors for i, _, actors in pipeline.resolve(items)}
    country_ok = sector_ok = role_n = role_ok = 0
    by_kind: dict[str, list[int]] = {}
    misses = []
    for i, c in enumerate(cases):
        actors = got[str(i)]
        want_c, want_s = c["country"].split("|"), c["sector"].split("|")
        have_c = [a.country or "" for a in actors] or [""]
        have_s = [a.sector or "" for a in actors] or [""]
        if len(want_c) > 1:  # coordination: every party, in order
            c_ok, s_ok = have_c[:len(want_c)] == want_c, have_s[:len(want_s)] == want_s
        else:
            c_ok, s_ok = have_c[0] == want_c[0], have_s[0] == want_s[0]
        country_ok += c_ok
        sector_ok += s_ok
        if c["role"]:
            role_n += 1
            role_ok += bool(actors) and actors[0].role == c["role"]
        by_kind.setdefault(c["note"], [0, 0])
        by_kind[c["note"]][0] += c_ok and s_ok
        by_kind[c["note"]][1] += 1
        if not (c_ok and s_ok):
            misses.append(f"{c['phrase']!r} {c['date']}: want {c['country']}/{c['sector']}, got "
                          f"{'|'.join(have_c)}/{'|'.join(have_s)}")
    n = len(cases)
    with capsys.disabled():
        print(f"\nactor phrases: {n}; country accuracy {country_ok / n:.3f}; sector accuracy {sector_ok / n:.3f}; "
              f"role accuracy {role_ok / max(role_n, 1):.3f} ({role_n} with a role)")
        print("  by kind: " + ", ".join(f"{k} {ok}/{t}" for k, (ok, t) in sorted(by_kind.items())))
    if "-v" in __import__("sys").argv:
        print("\n".join(misses))
    assert country_ok / n >= 0.90, misses
    assert sector_ok / n >= 0.85, misses
