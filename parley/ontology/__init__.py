"""PLOVER categories, modes and contexts; CAMEO codes with Goldstein weights and quad class;
and the one mapping between them, read from ``data/cameo.tsv`` (see scripts/build_ontology.py)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["CATEGORIES", "MODES", "QUAD_CLASSES", "SECTORS", "CameoCode", "Ontology", "load_ontology"]

CATEGORIES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
# The sectors an actor can have: PLOVER's agent codes as parley uses them (docs/actors.md), and the
# international kinds. tests/test_ontology.py holds the actor tables to this list.
SECTORS = frozenset({
    "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HLH", "JUD", "LAB", "LEG", "MED", "MIL",
    "OPP", "PRE", "PTY", "REB", "REF", "REL", "SPY", "UAF", "IGO", "NGO", "MNC", "IMG",
    "UNK",  # PLOVER's generic unidentified actor ("two civilians were killed by a bomb")
})

# PLOVER's modes per category (codebook): the ones a rule or the classifier may set.
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}), "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
                         "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "cleansing", "massacre", "unconventional"}),
}

# The CAMEO code a PLOVER category takes when the text supports nothing deeper.
DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "REQUEST": "100", "ACCUSE": "112", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str  # "" for CAMEO 01 and 02, which have no PLOVER category
    mode: str
    context: tuple[str, ...]


@dataclass(frozen=True)
class Ontology:
    """Lookup tables; build with :func:`load_ontology`."""

    codes: dict[str, CameoCode]

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO entry for ``code``, falling back to its closest ancestor."""
        for k in (code, code[:3], code[:2]):
            if k in self.codes:
                return self.codes[k]
        raise KeyError(f"unknown CAMEO code {code!r}")

    def default_code(self, category: str) -> CameoCode:
        return self.codes[DEFAULT_CAMEO[category]]

    def consistent(self, category: str, code: str) -> bool:
        """True when ``code`` maps to ``category`` (so both can be emitted together)."""
        return code in self.codes and self.codes[code].plover == category


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    text = resources.files("parley.ontology").joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    codes = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        codes[row["code"]] = CameoCode(
            code=row["code"], name=row["name"], goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]), plover=row["plover"], mode=row["mode"],
            context=tuple(c for c in row["context"].split(";") if c),
        )
    return Ontology(codes=codes)
