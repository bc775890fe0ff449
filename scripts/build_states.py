"""Write parley/ontology/data/states.tsv: every country code parley's actors use (ISO 3166-1
alpha-3, from parley/actors/data/countries.tsv) with its Correlates of War and Gleditsch–Ward
state numbers, by date where they change.

The numbers come from the `countrycode` package (Arel-Bundock et al., GPL-3.0-or-later; its codes
are those of the COW State System Membership list and of Gleditsch & Ward's list of independent
states). It is used here, at build time, rather than by parley at run time: parley ships the
facts (one small table read in a millisecond), `parley code` loads no converter, and parley's
MIT licence is not mixed with the converter's GPL.

countrycode has no dates; the days on which an ISO code's state changes are written below from
the same two lists. An ISO code used before its state existed (South Sudan in 2010) takes the
codes of the state it was then part of (Sudan). Run from the repository root:
python scripts/build_states.py [--out DIR]   (pip install countrycode==0.6.0)
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

import countrycode

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "parley" / "ontology" / "data"
COUNTRIES = ROOT / "parley" / "actors" / "data" / "countries.tsv"

# ISO code -> its periods: (first day, last day, the state whose COW number applies, the state whose
# G-W number applies), states named as countrycode's `country.name.en` spells them; None: open.
DATED: dict[str, list[tuple[str | None, str | None, str, str]]] = {
    # Montenegro leaves on 3 June 2006; COW keeps 345 for Serbia, G&W start Serbia (340) on 5 June
    "SRB": [(None, "2006-06-04", "Yugoslavia", "Yugoslavia"), ("2006-06-05", None, "Yugoslavia", "Serbia")],
    "MNE": [(None, "2006-06-02", "Yugoslavia", "Yugoslavia"), ("2006-06-03", None, "Montenegro", "Montenegro")],
    "XKX": [(None, "2006-06-04", "Yugoslavia", "Yugoslavia"), ("2006-06-05", "2008-02-16", "Yugoslavia", "Serbia"),
            ("2008-02-17", None, "Kosovo", "Kosovo")],
    "SSD": [(None, "2011-07-08", "Sudan", "Sudan"), ("2011-07-09", None, "South Sudan", "South Sudan")],
    # unification on 22 May 1990: COW gives Yemen a new number (679), G&W continue the Arab Republic's (678)
    "YEM": [(None, "1990-05-21", "Yemen Arab Republic", "Yemen Arab Republic"),
            ("1990-05-22", None, "Yemen", "Yemen Arab Republic")],
    "CZE": [(None, "1992-12-31", "Czechoslovakia", "Czechoslovakia"), ("1993-01-01", None, "Czechia", "Czechia")],
    "SVK": [(None, "1992-12-31", "Czechoslovakia", "Czechoslovakia"), ("1993-01-01", None, "Slovakia", "Slovakia")],
}
# ISO codes countrycode has no ISO code for, by its name for them
NAMED = {"XKX": "Kosovo"}

HEADER = """\
# parley's state numbers: ISO 3166-1 alpha-3 -> Correlates of War (COW) and Gleditsch-Ward (G-W) numbers.
# Built by scripts/build_states.py from the countrycode package 0.6.0 (GPL-3.0-or-later; codes from the
# COW State System Membership list and Gleditsch & Ward's list of independent states) and the dates on
# which codes change (written in the script from those lists). Do not edit here: rebuild.
# One row per code and period; from/until empty: open. cow/gw empty: not a state in that list.
"""


def country_codes() -> list[str]:
    lines = [ln for ln in COUNTRIES.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return sorted({row["code"] for row in csv.DictReader(lines, delimiter="\t")})


def numbers() -> tuple[dict[str, tuple[int | None, int | None]], dict[str, tuple[int | None, int | None]]]:
    """(COW, G-W) by ISO code and by countrycode's English name."""
    cl = countrycode.codelist
    rows = list(zip(cl["iso3c"], cl["country.name.en"], cl["cown"], cl["gwn"]))
    return ({iso: (cow, gw) for iso, _, cow, gw in rows if iso},
            {name: (cow, gw) for _, name, cow, gw in rows if name})


def rows() -> list[list[str]]:
    by_iso, by_name = numbers()
    out = []
    for code in country_codes():
        if code in DATED:
            for first, last, cow_of, gw_of in DATED[code]:
                out.append([code, first or "", last or "", by_name[cow_of][0], by_name[gw_of][1]])
            continue
        cow, gw = by_name[NAMED[code]] if code in NAMED else by_iso.get(code, (None, None))
        out.append([code, "", "", cow, gw])
    return [[str(v) if v is not None else "" for v in row] for row in out]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "states.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "from", "until", "cow", "gw"])
        w.writerows(rows())


if __name__ == "__main__":
    main()
