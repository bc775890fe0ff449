"""``parley_morph``: the model's attribute ruler and lemmatizer, memoised.

The two components decide a token's POS, morphology and lemma from a few things about it: its
tag, its dependency label, whether it is a space, and, for a handful of words the rules name
("ai", "gon", "let", "n't", ...), the word itself and its neighbours. Those few things are the
cache key. An unseen key is worked out by evaluating the ruler's own patterns, in order, on that
token; lemmas are the lemmatizer's, cached by word, POS and morphology. The output is the
original components' output, token for token (tests/test_morph.py checks it).
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MorphCache", "install"]

Key = tuple[int, int, int, int, int, int, int]


def _lowers(tok: dict) -> set[str]:
    v = tok.get("LOWER")
    if isinstance(v, str):
        return {v}
    if isinstance(v, dict):
        if "REGEX" in v:  # the two regexes of the English rules: "n't"/"nt" and "y"/"y'"
            return {"n't", "nt"} if "n" in v["REGEX"] else {"y", "y'"}
        return {x for x in v.get("IN", []) if isinstance(x, str)}
    return set()


def _special_words(ruler: Any) -> tuple[set[str], set[str], set[str]]:
    """Words the rules name anywhere; first and second words of their two-word patterns."""
    words: set[str] = set()
    first: set[str] = set()
    second: set[str] = set()
    for p in ruler.patterns:
        toks = p["patterns"][0]
        for tok in toks:
            words |= _lowers(tok)
        if len(toks) == 2:
            first |= _lowers(toks[0])
            second |= _lowers(toks[1])
    return words, first, second


class Rule:
    """One attribute-ruler pattern, matched against a token at the pattern's ``index``."""

    def __init__(self, spec: dict[str, Any]):
        self.tokens: list[dict[str, Any]] = spec["patterns"][0]
        self.index: int = spec.get("index", 0) % len(self.tokens)
        self.attrs: dict[str, str] = {k: str(v) for k, v in spec["attrs"].items()}

    def matches(self, doc: Doc, i: int) -> bool:
        start = i - self.index
        if start < 0 or start + len(self.tokens) > len(doc):
            return False
        return all(_token_ok(doc[start + k], t) for k, t in enumerate(self.tokens))


def _value_ok(value: Any, want: Any) -> bool:
    if isinstance(want, dict):
        if "IN" in want:
            return value in want["IN"]
        if "NOT_IN" in want:
            return value not in want["NOT_IN"]
        if "REGEX" in want:
            return re.search(want["REGEX"], value) is not None
        return False
    return value == want


def _token_ok(token: Any, spec: dict[str, Any]) -> bool:
    got = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_, "IS_SPACE": token.is_space,
           "ORTH": token.text}
    return all(_value_ok(got[k], v) for k, v in spec.items())


class MorphCache:
    """Applies the attribute ruler and lemmatizer through a cache (see the module docstring)."""

    def __init__(self, ruler: Any, lemmatizer: Any, vocab: Any):
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.rules = [Rule(p) for p in ruler.patterns]
        words, first, second = _special_words(ruler)
        self.special = {vocab.strings.add(w) for w in words}
        self.first = {vocab.strings.add(w) for w in first}
        self.second = {vocab.strings.add(w) for w in second}
        self.expl = vocab.strings.add("expl")
        self.ruled: dict[Key, tuple[int, int, int, int, int]] = {}  # key → tag, pos, morph, dep, lemma override
        self.lemmas: dict[tuple[int, int, int], int] = {}  # orth, pos, morph → lemma

    def _keys(self, a: np.ndarray) -> list[Key]:
        n = len(a)
        keys = []
        special, first, second = self.special, self.first, self.second
        rows = a.tolist()
        for i, (lower, tag, dep, space) in enumerate(rows):
            prev_l = rows[i - 1][0] if i else 0
            next_l = rows[i + 1][0] if i + 1 < n else 0
            in_second = lower in second
            keys.append((lower if lower in special else 0, tag, dep, space,
                         prev_l if in_second and prev_l in first else 0,
                         next_l if lower in first and next_l in second else 0,
                         1 if in_second and i and rows[i - 1][2] == self.expl else 0))
        return keys

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        a = doc.to_array([LOWER, TAG, DEP, IS_SPACE])
        keys = self._keys(a)
        for i, k in enumerate(keys):
            if k not in self.ruled:
                self.ruled[k] = self._rule(doc, i)
        vals = np.array([self.ruled[k] for k in keys], dtype=np.uint64)
        doc.from_array([TAG, POS, MORPH, DEP], vals[:, :4])
        self._lemmatize(doc, vals[:, 4])
        return doc

    def _rule(self, doc: Doc, i: int) -> tuple[int, int, int, int, int]:
        """What the attribute ruler makes of token ``i``: its patterns in order, later ones winning."""
        strings = doc.vocab.strings
        tok = doc[i]
        attrs = {"TAG": tok.tag_, "POS": "", "MORPH": "", "DEP": tok.dep_, "LEMMA": ""}
        for pattern in self.rules:
            if pattern.matches(doc, i):
                attrs.update(pattern.attrs)
        morph = "" if attrs["MORPH"] in {"", "_"} else attrs["MORPH"]
        return (strings.add(attrs["TAG"]), strings.add(attrs["POS"]) if attrs["POS"] else 0,
                doc.vocab.morphology.add(morph) if morph else 0, strings.add(attrs["DEP"]),
                strings.add(attrs["LEMMA"]) if attrs["LEMMA"] else 0)

    def _lemmatize(self, doc: Doc, overrides: np.ndarray) -> None:
        a = doc.to_array([ORTH, POS, MORPH])
        lemmas = np.array(overrides, dtype=np.uint64)
        missing = []
        for i in range(len(a)):
            if lemmas[i]:
                continue
            key = (int(a[i, 0]), int(a[i, 1]), int(a[i, 2]))
            hit = self.lemmas.get(key)
            if hit is None:
                missing.append((i, key))
            else:
                lemmas[i] = hit
        if missing:
            for i, key in missing:
                token = doc[i]
                token.lemma = 0
                lemma = self.lemmatizer.lemmatize(token)[0]
                lemmas[i] = self.lemmas[key] = doc.vocab.strings.add(lemma)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))


def install(nlp: Language) -> None:
    """Put ``parley_morph`` where the attribute ruler and lemmatizer were (same output, faster)."""
    if "attribute_ruler" not in nlp.pipe_names or "lemmatizer" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    at = nlp.pipe_names.index("attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    nlp.add_pipe("parley_morph", before=nlp.pipe_names[at] if at < len(nlp.pipe_names) else None)
    nlp.get_pipe("parley_morph").use(ruler, lemmatizer, nlp.vocab)


@Language.factory("parley_morph", assigns=["token.pos", "token.morph", "token.lemma"],
                  requires=["token.tag", "token.dep"])
def make_morph(nlp: Language, name: str) -> "MorphComponent":
    return MorphComponent()


class MorphComponent:
    """The pipeline component; ``install`` hands it the model's own ruler and lemmatizer."""

    def __init__(self) -> None:
        self.cache: MorphCache | None = None

    def use(self, ruler: Any, lemmatizer: Any, vocab: Any) -> None:
        self.cache = MorphCache(ruler, lemmatizer, vocab)

    def verb_forms(self) -> dict[str, set[str]]:
        """Irregular verb forms by lemma ("lay" → {"laid", "lain"}), from the model's own
        lemmatizer exceptions: the prefilter must know them before any sentence is parsed."""
        if self.cache is None:
            raise RuntimeError("parley_morph needs the model's attribute ruler and lemmatizer (morph.install)")
        table = self.cache.lemmatizer.lookups.get_table("lemma_exc", {}).get("verb", {})
        forms: dict[str, set[str]] = {}
        for form, lemmas in table.items():
            for lemma in lemmas:
                forms.setdefault(lemma, set()).add(form)
        return forms

    def __call__(self, doc: Doc) -> Doc:
        if self.cache is None:
            raise RuntimeError("parley_morph needs the model's attribute ruler and lemmatizer (morph.install)")
        return self.cache(doc)
