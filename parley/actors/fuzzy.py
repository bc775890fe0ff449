"""Fuzzy matching of misspelt names ("Afganistan", "Bouteflicka") against the knowledge base.

Only names a reader would recognise are tried: a proper-noun stretch the knowledge base does
not know exactly. Candidates share the first letter and have about the same length, and the
similarity must be high: no answer is better than a wrong one ("Iran" is not "Iraq", a cat
named "Frank" is not "France"). A person's name a letter or two off needs more: the text must
corroborate who it is (:func:`corroborated`), for two people a letter apart are often two people, and
its first given name must be a spelling of the person's (:func:`given_names_agree`): a surname
alike is no reason to take "Ana Rodrigues" for "Ada Rodriguez".
"""
from __future__ import annotations

from collections.abc import Collection, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from .entries import KnowledgeBase, Term

__all__ = ["FuzzyNames", "MIN_LENGTH", "THRESHOLD", "corroborated", "given_names_agree"]

MIN_LENGTH = 5  # shorter names differ by one letter too often (Iran/Iraq, Mali/Bali)
THRESHOLD = 90.0  # Indel ratio, for letters dropped or added ("Phillipines")
SWAP_SIMILARITY = 0.87  # Damerau-Levenshtein, for letters swapped
GIVEN_SIMILARITY = 70.0  # Indel ratio of two first given names that may be one name's spellings
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
        self._choices = {k: [c[0] for c in v] for k, v in self._buckets.items()}
        self._memo: dict[str, tuple[tuple[str, ...], list[Term], float] | None] = {}

    def match(self, words: Sequence[str]) -> tuple[tuple[str, ...], list[Term], float] | None:
        """The knowledge-base name closest to ``words``, if it is close enough (memoised: a corpus
        names the same people and places again and again)."""
        text = " ".join(words)
        if text in self._memo:
            return self._memo[text]
        found = self._match(text)
        if len(self._memo) > 50000:
            self._memo.clear()
        self._memo[text] = found
        return found

    def _match(self, text: str) -> tuple[tuple[str, ...], list[Term], float] | None:
        if len(text) < MIN_LENGTH:
            return None
        low = text.lower()
        keys = [(low[0], n) for n in range(len(text) - 2, len(text) + 3)]
        cands = [c for k in keys for c in self._buckets.get(k, ())]
        if not cands:
            return None
        choices = [c for k in keys for c in self._choices.get(k, ())]
        best = process.extractOne(low, choices, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
        if best is None:  # letters swapped ("Pakisatn"): one transposition in eight letters passes
            best = process.extractOne(low, choices, scorer=DamerauLevenshtein.normalized_similarity,
                                      score_cutoff=SWAP_SIMILARITY)
        if best is None:
            return None
        _, score, i = best
        key = cands[i][1]
        terms = self._kb.names.get(key)
        if any(t.kind == "person" for t in terms) and not given_names_agree(text.split(), key):
            terms = [t for t in terms if t.kind != "person"]
        return (key, terms, score) if terms else None


def given_names_agree(words: Sequence[str], name: Sequence[str]) -> bool:
    """Whether a full name's first given name is a spelling of a known person's (``name``):
    "Mohamed"/"Mohamad" and "Sergey"/"Sergei" are, "Ana"/"Ada" and "Samia"/"Salim" are two people
    whose surnames happen to be alike. An initial agrees with its letter; a single word says nothing."""
    if len(words) < 2 or len(name) < 2:
        return True
    a, b = words[0].rstrip(".").lower(), name[0].rstrip(".").lower()
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return fuzz.ratio(a, b) >= GIVEN_SIMILARITY


def corroborated(kb: KnowledgeBase, terms: Sequence[Term], countries: Collection[str],
                 roles: Collection[str]) -> list[Term]:
    """``terms`` of a near spelling without the persons the text does not vouch for. A person
    stays when the text around the name (``countries`` and ``roles`` it names) names one of the
    person's countries, or names no country but one of the person's offices; a text naming only
    other countries speaks of someone else (a namesake a letter apart). Known variants of a name
    are the knowledge base's aliases, which match exactly and need no corroboration."""
    out = []
    for t in terms:
        if t.kind == "person":
            tenures = kb.people[t.ref].tenures
            if {x.country for x in tenures}.intersection(countries):
                pass
            elif countries or not {x.role for x in tenures if x.role}.intersection(roles):
                continue
        out.append(t)
    return out
