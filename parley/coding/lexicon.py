"""The trigger lexicon: which words name which events. ``data/verbs_petrarch.tsv`` (compiled from
PETRARCH2's CAMEO verb dictionary) is the base; the hand-written ``data/triggers.tsv`` overrides it.

Each line of the file is a :class:`Trigger`; :class:`Lexicon` indexes them by lemma so the
coder asks one question per token: which triggers could this token be?
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ..errors import ModelError
from ..ontology import load_ontology

__all__ = ["Trigger", "Lexicon", "load_lexicon", "OBLIGATION"]

# modals that make a statement a demand: "said that Libya must hand over the suspects" (REQUEST)
OBLIGATION = frozenset({"must", "should"})
HAND, BASE = "triggers.tsv", "verbs_petrarch.tsv"
FLAGS = frozenset({"sym", "intent", "gov", "light", "report", "pass", "actorobj", "enact", "intrans", "prepare", "aim",
                   "clause", "adds", "direct"})


@dataclass(frozen=True)
class Trigger:
    pattern: str
    kind: str  # verb, noun, adj
    lemma: str
    particle: str | None  # "call for": the preposition or particle
    objects: frozenset[str]  # "lift +curfew": the object lemmas required
    compound: tuple[str, ...]  # "N hunger strike": the words before the head noun
    category: str | None  # None for reporting, light and transparent verbs
    cameo: str | None
    mode: str | None
    flags: frozenset[str]
    compiled: bool = False  # from the compiled base (verbs_petrarch.tsv), not written by hand

    def has(self, flag: str) -> bool:
        return flag in self.flags

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle) + len(self.compound)


def parse_pattern(pattern: str) -> tuple[str, str, str | None, frozenset[str], tuple[str, ...]]:
    """``"lift +curfew,ban"`` → (kind, lemma, particle, objects, compound)."""
    words = pattern.split()
    kind = "verb"
    if words[0] in {"N", "A"}:
        kind = {"N": "noun", "A": "adj"}[words[0]]
        words = words[1:]
    objects: frozenset[str] = frozenset()
    if words and words[-1].startswith("+"):
        objects = frozenset(w for w in words[-1][1:].split(",") if w)
        words = words[:-1]
    if kind == "noun":
        return kind, words[-1], None, objects, tuple(words[:-1])
    lemma, rest = words[0], words[1:]
    # "set fire to": the object word is fixed, the preposition carries the recipient
    if len(rest) == 2 and not objects:
        return kind, lemma, rest[1], frozenset({rest[0]}), ()
    return kind, lemma, " ".join(rest) or None, objects, ()


class Lexicon:
    def __init__(self, triggers: list[Trigger]):
        self.triggers = triggers
        self._by_key: dict[tuple[str, str], list[Trigger]] = {}
        for t in triggers:
            self._by_key.setdefault((t.kind, t.lemma), []).append(t)
        for bucket in self._by_key.values():
            bucket.sort(key=lambda t: -t.specificity)

    @cached_property
    def weapons(self) -> frozenset[str]:
        """What is fired or launched (the objects of the ``aim`` triggers): "with drones" names the
        means of an attack, not whom it hit."""
        return frozenset().union(*(t.objects for t in self.triggers if t.has("aim")))

    def candidates(self, kind: str, lemma: str) -> list[Trigger]:
        """Triggers for a lemma, most specific first."""
        return self._by_key.get((kind, lemma), [])

    def nominal(self, lemma: str) -> bool:
        return bool(self._by_key.get(("noun", lemma)))


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("parley.coding").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_triggers(name: str) -> list[Trigger]:
    """The triggers of one data file, checked against the ontology (the base's marked ``compiled``)."""
    onto = load_ontology()
    triggers = []
    for r in _rows(name):
        kind, lemma, particle, objects, compound = parse_pattern(r["pattern"])
        category = None if r["category"] == "-" else r["category"]
        cameo = None if r["cameo"] in {"-", ""} or category is None else r["cameo"]
        flags = frozenset(f for f in (r.get("flags") or "").split(",") if f)
        if flags - FLAGS:
            raise ModelError(f"{name}: unknown flag {sorted(flags - FLAGS)} for {r['pattern']!r}")
        if category and (cameo is None or not onto.consistent(category, cameo)):
            raise ModelError(f"{name}: CAMEO {cameo} does not map to {category} ({r['pattern']!r})")
        triggers.append(Trigger(r["pattern"], kind, lemma, particle, objects, compound, category, cameo,
                                r.get("mode") or None, flags, compiled=name == BASE))
    return triggers


def merge(hand: list[Trigger], base: list[Trigger]) -> list[Trigger]:
    """The hand-written triggers, then the compiled base's for words the hand lexicon does not have:
    a hand-written (kind, lemma) replaces all the base's patterns for it, unless all its rows are
    flagged ``adds`` (a pattern the base lacks: "end +mediation" beside the base's "end +war")."""
    own = {(t.kind, t.lemma) for t in hand if not t.has("adds")}
    return hand + [t for t in base if (t.kind, t.lemma) not in own]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """triggers.tsv (by hand) over verbs_petrarch.tsv (compiled from PETRARCH2 by scripts/build_verbs.py)."""
    return Lexicon(merge(read_triggers(HAND), read_triggers(BASE)))
