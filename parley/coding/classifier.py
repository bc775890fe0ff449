"""A small trained classifier of PLOVER category and mode, from the words of a sentence.

Patterns decide most events; the classifier confirms them (their confidence), decides between
the readings of a shared trigger word ("strike": PROTEST or ASSAULT) and lets the coder skip a
pattern match the sentence's words do not support at all. It is multinomial logistic regression
over lemma unigrams and bigrams, trained with NumPy by ``parley train`` (deterministic: the same
data gives the same weights), stored as ``data/classifier.npz`` and loaded with the pipeline.
No torch, no scikit-learn at run time.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from ..ontology import CATEGORIES

__all__ = ["Classifier", "TextModel", "features", "featurise", "train", "train_labels", "load_classifier",
           "load_text_model", "read_training_stories", "ARTIFACT"]

ARTIFACT = "classifier.npz"
MAX_VOCAB = 6000
MIN_COUNT = 3


def features(tokens: Iterable[Token]) -> list[str]:
    """Lemma unigrams and bigrams of content words; names are masked so that the model learns
    what happened, not to whom ("X attacked Y" and "Israel attacked Gaza" look alike)."""
    words = []
    for t in tokens:
        if t.is_punct or t.is_space or t.like_num:
            continue
        if t.ent_type_ in {"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"} or t.pos_ == "PROPN":
            w = "<name>"
        elif t.is_stop and t.lower_ not in {"not", "no", "never", "against", "off", "out", "down", "up"}:
            continue
        else:
            w = t.lemma_.lower()
        if words and words[-1] == w == "<name>":
            continue
        words.append(w)
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]


@dataclass(frozen=True)
class Classifier:
    vocab: dict[str, int]
    labels: tuple[str, ...]
    weights: np.ndarray  # vocab × labels
    bias: np.ndarray
    modes: tuple[str, ...]  # "CATEGORY:mode"
    mode_weights: np.ndarray
    mode_bias: np.ndarray
    meta: dict[str, str]

    def _vector(self, feats: Sequence[str]) -> np.ndarray:
        return _vector(self.vocab, feats)

    def proba(self, span: Span | Sequence[Token]) -> dict[str, float]:
        """P(category | words of the sentence)."""
        x = self._vector(features(span))
        return dict(zip(self.labels, _softmax(x @ self.weights + self.bias).tolist()))

    def mode(self, span: Span | Sequence[Token], category: str) -> tuple[str | None, float]:
        """The likeliest mode of ``category`` for these words, with its probability among them."""
        idx = [i for i, m in enumerate(self.modes) if m.startswith(category + ":")]
        if not idx:
            return None, 0.0
        x = self._vector(features(span))
        p = _softmax((x @ self.mode_weights + self.mode_bias)[idx])
        best = int(np.argmax(p))
        return self.modes[idx[best]].split(":", 1)[1] or None, float(p[best])

    def save(self, path: Path) -> None:
        words = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(
            path, vocab=np.array(words), labels=np.array(self.labels), weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32), modes=np.array(self.modes),
            mode_weights=self.mode_weights.astype(np.float16), mode_bias=self.mode_bias.astype(np.float32),
            meta=np.array([f"{k}={v}" for k, v in sorted(self.meta.items())]))


@dataclass(frozen=True)
class TextModel:
    """One softmax over a sentence's features, P(label | words): the same features and trainer as
    the category model, for any labels (the quad class of a sentence, quad.py)."""
    vocab: dict[str, int]
    labels: tuple[str, ...]
    weights: np.ndarray  # vocab × labels
    bias: np.ndarray
    meta: dict[str, str]

    def proba(self, span: Span | Sequence[Token]) -> dict[str, float]:
        x = _vector(self.vocab, features(span))
        return dict(zip(self.labels, _softmax(x @ self.weights + self.bias).tolist()))

    def save(self, path: Path) -> None:
        words = sorted(self.vocab, key=self.vocab.__getitem__)
        np.savez_compressed(path, vocab=np.array(words), labels=np.array(self.labels),
                            weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                            meta=np.array([f"{k}={v}" for k, v in sorted(self.meta.items())]))


def _vector(vocab: dict[str, int], feats: Sequence[str]) -> np.ndarray:
    x = np.zeros(len(vocab), dtype=np.float32)
    for f in feats:
        i = vocab.get(f)
        if i is not None:
            x[i] = 1.0
    n = x.sum()
    return x / np.sqrt(n) if n else x


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()


def _fit(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float, epochs: int, lr: float,
         batch: int = 128, seed: int = 13) -> tuple[np.ndarray, np.ndarray]:
    """Mini-batch Adam on the softmax cross-entropy from zero weights, batches shuffled by a fixed
    seed: the same data gives the same weights."""
    rng = np.random.default_rng(seed)
    w = np.zeros((x.shape[1], n_classes), dtype=np.float64)
    b = np.zeros(n_classes, dtype=np.float64)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    onehot = np.eye(n_classes)[y]
    beta1, beta2, eps, step = 0.9, 0.999, 1e-8, 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            idx = order[start:start + batch]
            z = x[idx] @ w + b
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            g = p - onehot[idx]
            gw = x[idx].T @ g / len(idx) + l2 * w
            gb = g.mean(axis=0)
            step += 1
            mw = beta1 * mw + (1 - beta1) * gw
            vw = beta2 * vw + (1 - beta2) * gw * gw
            mb = beta1 * mb + (1 - beta1) * gb
            vb = beta2 * vb + (1 - beta2) * gb * gb
            corr = np.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
            w -= lr * corr * mw / (np.sqrt(vw) + eps)
            b -= lr * corr * mb / (np.sqrt(vb) + eps)
    return w, b


def _design(feature_lists: Sequence[Sequence[str]], min_count: int,
            max_vocab: int) -> tuple[dict[str, int], np.ndarray]:
    """The vocabulary (features seen ``min_count`` times, commonest first) and the examples'
    rows over it, each scaled to unit length."""
    counts = Counter(f for feats in feature_lists for f in set(feats))
    kept = sorted((f for f, c in counts.items() if c >= min_count), key=lambda f: (-counts[f], f))[:max_vocab]
    vocab = {f: i for i, f in enumerate(kept)}
    x = np.zeros((len(feature_lists), len(vocab)), dtype=np.float64)
    for r, feats in enumerate(feature_lists):
        cols = sorted({vocab[f] for f in feats if f in vocab})
        if cols:
            x[r, cols] = 1.0 / np.sqrt(len(cols))
    return vocab, x


def train_labels(examples: Sequence[tuple[Sequence[str], str]], labels: tuple[str, ...], epochs: int = 100,
                 l2: float = 1e-5, lr: float = 0.05, min_count: int = 2) -> TextModel:
    """Train a TextModel on (features, label) examples with the category model's trainer. Same
    examples, same model."""
    vocab, x = _design([feats for feats, _ in examples], min_count, MAX_VOCAB)
    y = np.array([labels.index(label) for _, label in examples])
    w, b = _fit(x, y, len(labels), l2, epochs, lr)
    digest = hashlib.sha256("\n".join(f"{label}\t{' '.join(f)}" for f, label in examples).encode()).hexdigest()
    meta = {"examples": str(len(examples)), "vocab": str(len(vocab)), "epochs": str(epochs), "l2": str(l2),
            "lr": str(lr), "min_count": str(min_count), "data_sha256": digest[:16]}
    return TextModel(vocab, labels, w.astype(np.float32), b.astype(np.float32), meta)


def train(examples: Sequence[tuple[list[str], str, str]], epochs: int = 10, l2: float = 1e-5,
          lr: float = 0.02) -> Classifier:
    """Train on (features, category, mode) examples. Same examples, same model."""
    vocab, x = _design([feats for feats, _, _ in examples], MIN_COUNT, MAX_VOCAB)
    labels = tuple(c for c in CATEGORIES if any(cat == c for _, cat, _ in examples))
    y = np.array([labels.index(cat) for _, cat, _ in examples])
    w, b = _fit(x, y, len(labels), l2, epochs, lr)
    modes = tuple(sorted({f"{cat}:{mode}" for _, cat, mode in examples}))
    ym = np.array([modes.index(f"{cat}:{mode}") for _, cat, mode in examples])
    mw, mb = _fit(x, ym, len(modes), l2, epochs, lr)
    digest = hashlib.sha256("\n".join(f"{cat}\t{mode}\t{' '.join(f)}" for f, cat, mode in examples).encode()).hexdigest()
    meta = {"examples": str(len(examples)), "vocab": str(len(vocab)), "epochs": str(epochs), "l2": str(l2),
            "lr": str(lr), "data_sha256": digest[:16]}
    return Classifier(vocab, labels, w.astype(np.float32), b.astype(np.float32), modes, mw.astype(np.float32),
                      mb.astype(np.float32), meta)


def load_classifier(path: Path | None = None) -> Classifier | None:
    """The committed model (``data/classifier.npz``), or None when it has not been trained."""
    if path is None:
        res = resources.files("parley.coding").joinpath("data", ARTIFACT)
        if not res.is_file():
            return None
        return _load(res.read_bytes())
    return _load(Path(path).read_bytes())


@lru_cache(maxsize=2)
def _load(blob: bytes) -> Classifier:
    z = np.load(io.BytesIO(blob), allow_pickle=False)
    vocab = {str(w): i for i, w in enumerate(z["vocab"])}
    meta = dict(str(m).split("=", 1) for m in z["meta"])
    return Classifier(vocab, tuple(str(x) for x in z["labels"]), z["weights"].astype(np.float32), z["bias"],
                      tuple(str(x) for x in z["modes"]), z["mode_weights"].astype(np.float32), z["mode_bias"], meta)


def load_text_model(name: str) -> TextModel | None:
    """A committed TextModel (``data/NAME``), or None when it has not been built."""
    res = resources.files("parley.coding").joinpath("data", name)
    return _load_text_model(res.read_bytes()) if res.is_file() else None


@lru_cache(maxsize=2)
def _load_text_model(blob: bytes) -> TextModel:
    z = np.load(io.BytesIO(blob), allow_pickle=False)
    return TextModel({str(w): i for i, w in enumerate(z["vocab"])}, tuple(str(x) for x in z["labels"]),
                     z["weights"].astype(np.float32), z["bias"], dict(str(m).split("=", 1) for m in z["meta"]))


PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _story_rows(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(".csv"))
            text = z.read(name).decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    csv.field_size_limit(1 << 30)
    return list(csv.DictReader(io.StringIO(text)))


def read_story_texts(path: Path) -> list[str]:
    """The stories' full texts (the benchmark corpus)."""
    return [row.get("text") or "" for row in _story_rows(path) if (row.get("text") or "").strip()]


def read_training_stories(path: Path) -> list[tuple[str, str, str]]:
    """(text, category, mode) from the synthetic stories (a CSV, or a ZIP holding one): each
    story's headline and first two sentences, which report its labelled event."""
    out = []
    for row in _story_rows(path):
        label = (row.get("label") or "").strip().upper()
        if label not in CATEGORIES:
            continue
        lead = " ".join(SENTENCE_END.split((row.get("text") or "").strip())[:2])
        title = PLACEHOLDER.sub("X", row.get("title") or "")
        out.append((f"{title}. {lead}", label, (row.get("mode") or "").strip().lower()))
    return out


def featurise(nlp, texts: Sequence[str]) -> list[list[str]]:  # noqa: ANN001
    """The features of each text, from the pipes that set tags and lemmas (no parse: fast)."""
    # parley_morph stands for the model's attribute_ruler and lemmatizer in parley's pipeline
    keep = [n for n in nlp.pipe_names if n in {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parley_morph"}]
    with nlp.select_pipes(enable=keep):
        return [features(doc) for doc in nlp.pipe(texts, batch_size=64)]


def train_from_stories(nlp, path: Path, limit: int | None = None, **params: float) -> Classifier:  # noqa: ANN001
    """Featurise the stories with the model's tagger, lemmatizer and NER, then train."""
    stories = read_training_stories(path)[:limit]
    examples = [(feats, cat, mode) for feats, (_, cat, mode) in zip(featurise(nlp, [t for t, _, _ in stories]), stories)]
    model = train(examples, **params)  # type: ignore[arg-type]
    # the artifact says how to rebuild it (tests/test_data_builds.py checks that it does)
    built_by = f"parley train --data {path.name}" + (f" --limit {limit}" if limit is not None else "")
    return replace(model, meta={**model.meta, "built_by": built_by})
