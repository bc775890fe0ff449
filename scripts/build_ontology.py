"""Convert the CAMEO code table and the CAMEO→PLOVER mapping in ../shared/ontology into
parley's own data file, parley/ontology/data/cameo.tsv (facts: codes, names, weights).

Run from the repository root:  python scripts/build_ontology.py [--shared ../shared] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "parley" / "ontology" / "data"


def read_codes(path: Path) -> dict[str, tuple[str, float, int]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, name, goldstein, quad = line.split("\t")
        rows[code] = (name.strip(), float(goldstein), int(quad))
    return rows


def read_mapping(path: Path) -> dict[str, tuple[str, str, str]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("~"):
            break
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not m:
            continue
        code, cat, mode, context = m.groups()
        contexts = [c.strip() for c in context.split(";") if c.strip()]
        out.setdefault(code, (cat, mode.strip(), ";".join(contexts)))
    return out


def plover_of(mapping: dict[str, tuple[str, str, str]], code: str) -> str:
    """A code's PLOVER category: its own, else that of its closest mapped ancestor ("" for none)."""
    for k in (code, code[:3], code[:2] + "0"):
        if k in mapping:
            return mapping[k][0]
    return ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default=str(OUT_DIR), help="folder to write cameo.tsv to (default: the package)")
    args = ap.parse_args()
    onto = Path(args.shared) / "ontology"
    out = Path(args.out) / "cameo.tsv"
    codes = read_codes(onto / "cameo_codes.tsv")
    mapping = read_mapping(onto / "cameo_to_plover.txt")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO 1.1b3 codes, Goldstein (1992) weights, quad class, and their PLOVER category,\n")
        fh.write("# mode and context (PLOVER draft 0.8 conversion table). Converted by scripts/build_ontology.py.\n")
        fh.write("# Inputs: ../shared/ontology/cameo_codes.tsv (facts, the tables GDELT publishes) and\n")
        fh.write("# ../shared/ontology/cameo_to_plover.txt (PLOVER, Open Event Data Alliance, CC BY-SA 4.0).\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "plover", "mode", "context"])
        for code in sorted(codes, key=lambda c: (c[:2], c)):
            name, gold, quad = codes[code]
            _, mode, ctx = mapping.get(code, ("", "", ""))
            w.writerow([code, name, gold, quad, plover_of(mapping, code), mode, ctx])
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
