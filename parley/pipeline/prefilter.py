"""The prefilter: which sentences need the parser at all.

An event needs a trigger word and someone to do it. Sentences with neither a trigger word nor
an actor cue (a known name, an agent word, a pronoun) are not sent through the tagger and
parser; the rest are coded in a reduced text made of them, and every offset is mapped back to
the original text. Sentences are cut by a deterministic splitter (:func:`split_sentences`), so
sentence numbers, offsets and event ids are the same with and without the prefilter.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..actors.kb import KnowledgeBase
from ..coding.lexicon import OBLIGATION, Lexicon

__all__ = ["Segment", "split_sentences", "Prefilter", "Reduced"]

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep", "pres", "prof",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "e.u", "a.m", "p.m", "fig", "approx"})
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Segment:
    index: int
    start: int
    end: int


def split_sentences(text: str) -> list[Segment]:
    """Sentences by punctuation and line breaks, not after abbreviations ("U.S.", "Gen.")."""
    out: list[Segment] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        before = text[start:cut].rstrip()
        last = before.rsplit(None, 1)[-1].rstrip(".").lower() if before.split() else ""
        if m.group(0).strip() == "" and "\n" not in m.group(0) and (last in ABBREVIATIONS or len(last) == 1):
            continue  # "Gen. Avril", "J. Smith"
        if m.group(0).strip() == "" and last.isdigit() and text[m.end():m.end() + 1].isdigit():
            continue  # a decimal point set apart ("352. 5 million", as some feeds' text has it): news style spells out a number that opens a sentence
        if before.strip():
            out.append(Segment(len(out), start + (len(text[start:cut]) - len(text[start:cut].lstrip())), cut))
        start = m.end()
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        out.append(Segment(len(out), start + lead, len(text.rstrip())))
    return out


def _inflections(lemma: str, kind: str, irregular: Mapping[str, set[str]] | None = None) -> set[str]:
    forms = {lemma}
    if kind == "verb":
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ed", stem + "ing", lemma + "ing"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "stopped", "planning"
        forms |= (irregular or {}).get(lemma, set())  # "laid", "met": the model's own exceptions
    elif kind == "noun":
        forms |= {lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            forms.add(lemma[:-1] + "ies")
    return forms


class Prefilter:
    """Decides, from surface words alone, which sentences might hold an event."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, irregular: Mapping[str, set[str]]):
        self.triggers: set[str] = set()  # words that make a sentence worth parsing
        # words that do so only beside one of their objects: a verb whose every pattern names its
        # object ("tighten +blockade"); most of the compiled lexicon is such patterns
        self.needs: dict[str, set[str]] = {}
        for t in lexicon.triggers:
            if t.category is None:
                continue  # a light verb counts only through its event noun; reporting verbs not at all
            if t.kind == "verb" and t.objects:
                objects = set().union(*(_inflections(o, "noun") for o in t.objects))
                for form in _inflections(t.lemma, t.kind, irregular):
                    self.needs.setdefault(form, set()).update(objects)
            else:
                self.triggers |= _inflections(t.lemma, t.kind, irregular)
        self.triggers |= OBLIGATION  # with a reporting verb, a demand (coding/component.py)
        self.names = {key[0] for key, _ in kb.names.items()}
        self.terms = {key[0] for key, _ in kb.terms.items()}
        self.pronouns = {"he", "she", "they", "it", "him", "her", "them", "his", "their", "its", "both"}

    def keep(self, text: str, segments: Sequence[Segment]) -> list[Segment]:
        """The sentences to code: those with a trigger word and an actor cue, plus, for one that
        refers back ("he", "the minister"), the last earlier sentence that names someone."""
        kept: dict[int, Segment] = {}
        last_named: Segment | None = None
        for seg in segments:
            words = re.findall(r"[\w'’.-]+", text[seg.start:seg.end])
            lows = {w.lower().strip(".") for w in words}
            named = any(w in self.names or w.rstrip(".") in self.names for w in words) or any(
                w[:1].isupper() for w in words[1:])
            cue = named or bool(lows & self.terms) or bool(lows & self.pronouns)
            triggered = bool(lows & self.triggers) or any(lows & self.needs[w] for w in lows & self.needs.keys())
            if triggered and cue:
                if not named and last_named is not None:
                    kept[last_named.index] = last_named
                kept[seg.index] = seg
            if named:
                last_named = seg
        return [kept[i] for i in sorted(kept)]


@dataclass(frozen=True)
class Reduced:
    """A text made of some of the original's sentences, and the way back to original offsets."""

    text: str
    starts: tuple[int, ...]  # where each kept sentence begins in the reduced text
    origins: tuple[int, ...]  # where it begins in the original text
    segments: tuple[Segment, ...]  # all sentences of the original text
    segment_starts: tuple[int, ...]
    source: str  # the original text (the same string, not a copy)

    @classmethod
    def build(cls, text: str, segments: Sequence[Segment], kept: Sequence[Segment]) -> "Reduced":
        seg_starts = tuple(s.start for s in segments)
        if len(kept) == len(segments):  # nothing left out: the original text itself
            return cls(text, (0,), (0,), tuple(segments), seg_starts, text)
        parts, starts, origins, pos = [], [], [], 0
        for seg in kept:
            parts.append(text[seg.start:seg.end])
            starts.append(pos)
            origins.append(seg.start)
            pos += seg.end - seg.start + 1
        return cls("\n".join(parts), tuple(starts), tuple(origins), tuple(segments), seg_starts, text)

    def numbers(self) -> tuple[tuple[int, int], ...]:
        """(start in the reduced text, number in the original) of each parsed sentence; with nothing
        left out the reduced text is the original, and every sentence is its own."""
        if self.source is self.text:
            return tuple((s.start, s.index) for s in self.segments)
        return tuple((start, self.sentence(origin).index) for start, origin in zip(self.starts, self.origins))

    def original_text(self, start: int, end: int) -> str:
        """The original's text over original offsets: what a field's offsets point at, also when
        a span ran over the line break that joins two kept sentences in the reduced text."""
        return self.source[start:end]

    def original(self, offset: int) -> int:
        """An offset in the reduced text → the same character in the original text."""
        if not self.starts:
            return offset
        k = max(bisect_right(self.starts, offset) - 1, 0)
        return self.origins[k] + offset - self.starts[k]

    def sentence(self, original_offset: int) -> Segment:
        """The original sentence holding an original offset."""
        if not self.segments:
            return Segment(0, 0, 0)
        k = max(bisect_right(self.segment_starts, original_offset) - 1, 0)
        return self.segments[k]
