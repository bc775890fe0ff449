"""Write parley/actors/data/people_offices.tsv: the heads of state and government, foreign, defence
and interior ministers of the UN member states since 2015, from the hand-curated compact list
scripts/data/office_holders.txt (format in its header).

The compact list is easier to keep than one TSV row per tenure: a country block, one line per
tenure with a short role code. This script expands it, checks it (known country codes, dates that
parse and run forwards, heads of state and government named as such), and gives each person the
id the other curated people files already use for the same name, so that a person known there
pools these tenures instead of becoming a namesake. No fact is invented here: every row comes
from the compact list.

Run from the repository root:  python scripts/build_office_holders.py [--out DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

from parley.actors.kb import read_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "parley" / "actors" / "data"
SOURCE = ROOT / "scripts" / "data" / "office_holders.txt"
KNOWN = ("people_g20.tsv", "people_world.tsv")  # curated files whose ids a person keeps
COLUMNS = ("id", "name", "aliases", "country", "sector", "role", "start", "end", "org", "heads", "source")

# Short role codes of the compact list; any other role is written out in full there.
ROLES = {
    "P": "President", "PM": "Prime Minister", "K": "King", "Q": "Queen", "E": "Emir", "S": "Sultan",
    "GG": "Governor-General", "FM": "Minister of Foreign Affairs", "DM": "Minister of Defence",
    "IM": "Minister of the Interior", "VP": "Vice President", "CH": "Chancellor",
}
HEADS = {"s": "state", "g": "government", "sg": "state|government", "-": ""}

HEADER = """\
# parley office holders: heads of state and government, ministers of foreign affairs, defence and the
# interior of the UN member states, 2015 to 2026 (their earlier tenures in the same offices kept).
# Built by scripts/build_office_holders.py from scripts/data/office_holders.txt (curated by hand).
# Do not edit here: change the compact list and rebuild.
# Source and license: curated from the public record (official announcements as reported in the news,
# public lists of office holders), facts only, no third-party table copied; released with parley.
# The `source` column says what each row relied on. Month-only dates use the 1st of the month.
# `heads`: the row's office is the head of state (`state`), of government (`government`) or both
# (`state|government`, a president in a presidential system). In the Commonwealth realms the
# Governor-General holds the head of state's office in the country on the King's behalf.
# Knowledge horizon: solid to mid-2025, later changes partly; an empty end means in office then.
"""


def slug(name: str) -> str:
    """The id the curated files give a name: ASCII, lower case, hyphens ("Mohamed bin Zayed ...")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_tsv(path: Path) -> list[dict[str, str]]:
    return read_table(path.read_text(encoding="utf-8"))


def known_ids(known: list[dict[str, str]]) -> dict[str, str]:
    """Every name and alias of the other curated files -> its person id."""
    ids: dict[str, str] = {}
    for r in known:
        for n in [r["name"], *r.get("aliases", "").split("|")]:
            if n.strip():
                ids.setdefault(n.strip(), r["id"])
    return ids


def _date(text: str, where: str) -> str:
    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            sys.exit(f"{where}: {text!r} is not YYYY-MM-DD")
    return text


def restated(known: list[dict[str, str]], country: str, role: str, heads: str, where: str) -> list[dict[str, str]]:
    """The rows of the other curated files for ``role`` in ``country``, marked as heads: they stay
    the one place those facts are kept, and this file only says which office heads the state."""
    rows = [{**r, "aliases": "", "org": "", "heads": heads, "source": r["file"]} for r in known
            if r["country"] == country and r["role"] == role and r["sector"] == "GOV"]
    if not rows:
        sys.exit(f"{where}: the curated files know no {role} of {country}")
    return rows


def parse(text: str, countries: set[str], orgs: set[str], known: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows of the compact list: '@CODE [source]' opens a country block, '@org:ID SECTOR [COUNTRY]'
    an organisation's; a tenure line is 'ROLE HEADS; Name|alias|...; start; end[; source]'; a line
    '= ROLE HEADS' restates the rows of that office that the other curated files hold."""
    rows: list[dict[str, str]] = []
    country, sector, org, block_source = "", "GOV", "", ""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        where = f"{SOURCE.name}:{n}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@org:"):  # '@org:ID SECTOR [COUNTRY]': the leaders of an organisation
            org, sector, country = (line[5:].split() + [""])[:3]
            country = country or "-"
            block_source = ""
            if country != "-" and country not in countries or org not in orgs:
                sys.exit(f"{where}: unknown organisation or country in {line!r}")
            continue
        if line.startswith("@"):
            country, _, block_source = line[1:].partition(" ")
            sector, org = "GOV", ""
            if country not in countries:
                sys.exit(f"{where}: unknown country code {country!r}")
            continue
        if line.startswith("="):  # '= ROLE HEADS': that office's rows in the other curated files
            code, _, heads = line[1:].strip().rpartition(" ")
            rows += restated(known, country, ROLES.get(code, code), HEADS[heads], where)
            continue
        fields = [f.strip() for f in line.split(";")]
        if len(fields) < 3 or not country:
            sys.exit(f"{where}: expected 'ROLE HEADS; name; start; end' inside a country block")
        code, _, heads = fields[0].rpartition(" ")
        if heads not in HEADS:
            code, heads = fields[0], "-"
        names = [x.strip() for x in fields[1].split("|") if x.strip()]
        start = _date(fields[2], where)
        end = _date(fields[3] if len(fields) > 3 else "", where)
        if start and end and end < start:
            sys.exit(f"{where}: ends before it starts")
        rows.append({"name": names[0], "aliases": "|".join(names[1:]), "country": country.strip("-"), "sector": sector,
                     "role": ROLES.get(code, code), "start": start, "end": end, "org": org, "heads": HEADS[heads],
                     "source": (fields[4] if len(fields) > 4 else "") or block_source or "public record"})
    return rows


def build(out_dir: Path) -> Path:
    countries = {r["code"] for r in read_tsv(DATA / "countries.tsv")}
    orgs = {r["id"] for f in ("organisations.tsv", "organisations_petrarch.tsv") for r in read_tsv(DATA / f)}
    known = [{**r, "file": f} for f in KNOWN for r in read_tsv(DATA / f)]
    rows = parse(SOURCE.read_text(encoding="utf-8"), countries, orgs, known)
    ids = known_ids(known)
    by_name: dict[str, str] = {}
    for r in rows:  # one id per person: a name or alias seen before (here or in the other files) keeps its id
        names = [r["name"], *[a for a in r["aliases"].split("|") if a]]
        r["id"] = next((ids[x] for x in names if x in ids), None) or next(
            (by_name[x] for x in names if x in by_name), slug(r["name"]))
        for x in names:
            by_name.setdefault(x, r["id"])
    rows.sort(key=lambda r: (r["country"], r["role"], r["start"], r["id"]))
    out = out_dir / "people_offices.tsv"
    body = ["\t".join(COLUMNS)] + ["\t".join(r[c] for c in COLUMNS) for r in rows]
    out.write_text(HEADER + "\n".join(body) + "\n", encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(DATA), help="folder to write people_offices.tsv to (default: the package)")
    args = ap.parse_args(argv)
    print(build(Path(args.out)))


if __name__ == "__main__":
    main()
