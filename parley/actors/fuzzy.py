"""Fuzzy matching of misspelt names ("Afganistan", "Bouteflicka") against the knowledge base.

Only names a reader would recognise are tried: a proper-noun stretch the knowledge base does
not know exactly. Candidates share the first letter and have about the same length, and the
similarity must be high: no answer is better than a wrong one ("Iran" is not "Iraq", a cat
named "Frank" is not "France").
"""
from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from .kb import KnowledgeBase, Term

__all__ = ["FuzzyNames", "MIN_LENGTH", "THRESHOLD"]

MIN_LENGTH = 5  # shorter names differ by one letter too often (Iran/Iraq, Mali/Bali)
THRESHOLD = 90.0
FUZZY_KINDS = frozenset({"country", "capital", "adjective", "people", "org", "person"})


class FuzzyNames:
    """Names of the knowledge base bucketed by first letter and length, for near matches."""

    def __init__(self, kb: KnowledgeBase):
        self._buckets: dict[tuple[str, int], list[tuple[str, tuple[str, ...]]]] = {}
        for key, terms in kb.names.items():
            if not any(t.kind in FUZZY_KINDS for t in terms):
                continue
            text = " ".join(key)
            if len(text) < MIN_LENGTH or not text[0].isalpha():
                continue
            self._buckets.setdefault((text[0].lower(), len(text)), []).append((text.lower(), key))
        self._kb = kb

    def match(self, words: Sequence[str]) -> tuple[tuple[str, ...], list[Term], float] | None:
        """The knowledge-base name closest to ``words``, if it is close enough."""
        text = " ".join(words)
        if len(text) < MIN_LENGTH:
            return None
        low = text.lower()
        cands = [c for n in range(len(text) - 2, len(text) + 3) for c in self._buckets.get((low[0], n), [])]
        if not cands:
            return None
        best = process.extractOne(low, [c[0] for c in cands], scorer=similarity, score_cutoff=THRESHOLD)
        if best is None:
            return None
        _, score, i = best
        key = cands[i][1]
        return key, self._kb.names.get(key), score


def similarity(a: str, b: str, *, score_cutoff: float | None = None, **_: object) -> float:
    """The better of two views of a typo: letters dropped or added (Indel ratio, "Phillipines")
    and letters swapped ("Pakisatn", Damerau-Levenshtein), on a 0-100 scale."""
    swap = DamerauLevenshtein.normalized_similarity(a, b) * 100 + 2.5  # one swap in 8 letters ≈ 90
    return max(fuzz.ratio(a, b), min(swap, 100.0))
