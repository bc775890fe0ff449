"""Does a sentence report a codable event at all? A model of the sentence's quad class trained on
real news sentences.

The triggers find a verb; they cannot tell "X rejected accusations that ..." or "X urged Y to
exercise caution" (statements, quad class 0, which PLOVER does not code) from the events they
resemble. ConfliBERT's annotated news sentences (``../shared/gold/confli_dev.jsonl``: quad 0 none,
1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) teach a
TextModel (classifier.py: the same features and trainer as the category model) that the coder
asks, for sentences with a trigger only, whether the sentence reports no codable event; when it
is sure of that, the sentence's events are dropped. ``scripts/crossval.py`` measures the veto by
5-fold cross-validation; ``scripts/train_quad.py`` builds ``data/quad.npz`` from all of the
sentences (they stay in ../shared: only weights ship).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Span

from .classifier import TextModel, featurise, load_text_model, train_labels

__all__ = ["QUAD_ARTIFACT", "QUADS", "VETO", "read_quad_sentences", "train_quad", "load_quad", "no_event"]

QUAD_ARTIFACT = "quad.npz"
QUADS = ("0", "1", "2", "3", "4")
# P(quad 0) at which the coder drops a sentence's events: of 0.5, 0.6, 0.7, 0.8 the lowest that changes no
# coded event of the GSR, real news or seed files (scripts/crossval.py --veto).
VETO = 0.7


def read_quad_sentences(path: Path) -> list[tuple[str, str, str]]:
    """(id, text, quad) of the gold sentences that carry a quad class."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(r["id"]), r["text"], str(r["quad"])) for r in rows if r.get("quad") is not None]


def train_quad(nlp, sentences: Sequence[tuple[str, str, str]], built_by: str) -> TextModel:  # noqa: ANN001
    """The quad model of these (id, text, quad) sentences; ``built_by`` says how to rebuild it."""
    feats = featurise(nlp, [text for _, text, _ in sentences])
    model = train_labels(list(zip(feats, (q for _, _, q in sentences))), QUADS)
    return replace(model, meta={**model.meta, "built_by": built_by})


def load_quad() -> TextModel | None:
    """The committed quad model, or None when it has not been built."""
    return load_text_model(QUAD_ARTIFACT)


def no_event(model: TextModel | None, sent: Span) -> float:
    """P(the sentence reports no codable event), 0.0 without a model."""
    return model.proba(sent)["0"] if model is not None else 0.0
