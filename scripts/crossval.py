"""Measure the quad model's veto honestly: 5-fold cross-validation on the sentences it learns from,
and the model trained on all of them on the files it never saw.

ConfliBERT sentences (../shared/gold/confli_dev.jsonl) are split into folds by sentence id (a fixed
seed); each fold is coded by a model trained on the other folds' sentences, and the concatenated
predictions are scored with ../shared/scripts/score_spans.py. The PLOVER GSR sentences, the real
news set (tests/data/real_news.jsonl) and the seed article are coded with the model trained on all
of confli (they share no sentence with it) and scored with score_events.py. Every file is also
coded without the model (the "before" column). A developer tool; about two minutes.

Run from the repository root:  python scripts/crossval.py [--shared ../shared] [--folds 5] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from parley.coding.classifier import TextModel
from parley.coding.quad import VETO, load_quad, read_quad_sentences, train_quad
from parley.measure.evaluate import gold_documents, load_gold
from parley.pipeline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
EVENT_FILES = {"plover_gsr_dev": "gold/plover_gsr_dev.jsonl", "seed": "gold/seed.jsonl"}


def folds(ids: Sequence[str], k: int, seed: int, contiguous: bool = False) -> dict[str, int]:
    """Each sentence id's fold: the sorted ids shuffled with a fixed seed, dealt round; or, with
    ``contiguous``, k runs of consecutive ids (confli's ids run by topic, so a fold's topics are
    unseen in training: a pessimistic bound where shuffled folds share near-identical sentences)."""
    order = sorted(ids)
    if contiguous:
        return {i: n * k // len(order) for n, i in enumerate(order)}
    random.Random(seed).shuffle(order)
    return {i: n % k for n, i in enumerate(order)}


def code(pipeline: Pipeline, quad: TextModel | None, gold: Iterable[dict[str, Any]]) -> list[str]:
    """Event records (JSON lines) of these gold documents, coded with this quad model (or none)."""
    pipeline.nlp.get_pipe("parley_coder").quad = quad  # the coder reads it per sentence
    return [json.dumps(ev.to_dict()) for _, evs in pipeline.code_many(gold_documents(gold, "gold")) for ev in evs]


def score(scorer: list[str], lines: list[str], tmp: Path, name: str) -> str:
    pred = tmp / f"{name}.jsonl"
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, *scorer[:1], *[a.replace("PRED", str(pred)) for a in scorer[1:]]],
                         capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


def crossvalidated(pipeline: Pipeline, path: Path, k: int, seed: int, contiguous: bool) -> list[str]:
    """confli coded fold by fold, each fold with a model trained on the others."""
    gold = load_gold(path)
    labelled = read_quad_sentences(path)
    fold = folds([str(g["id"]) for g in gold], k, seed, contiguous)
    lines: list[str] = []
    for f in range(k):
        train = [s for s in labelled if fold[s[0]] != f]
        model = train_quad(pipeline.nlp, train, built_by=f"scripts/crossval.py fold {f}")
        lines += code(pipeline, model, [g for g in gold if fold[str(g["id"])] == f])
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--veto", type=float, default=VETO, help=f"P(no event) that drops events (default {VETO})")
    ap.add_argument("--contiguous", action="store_true", help="folds of consecutive ids (topics held out)")
    ap.add_argument("--keep", type=Path, help="folder to keep the predictions in (NAME-before/after.jsonl)")
    args = ap.parse_args()
    pipeline = Pipeline()
    pipeline.nlp.get_pipe("parley_coder").veto = args.veto
    spans = str(args.shared / "scripts" / "score_spans.py")
    events = str(args.shared / "scripts" / "score_events.py")
    confli = args.shared / "gold" / "confli_dev.jsonl"
    with tempfile.TemporaryDirectory() as t:
        tmp = args.keep or Path(t)
        tmp.mkdir(parents=True, exist_ok=True)
        before = code(pipeline, None, load_gold(confli))
        print(f"confli_dev before: {score([spans, str(confli), 'PRED'], before, tmp, 'confli_dev-before')}")
        cv = crossvalidated(pipeline, confli, args.folds, args.seed, args.contiguous)
        how = "contiguous" if args.contiguous else "shuffled"
        print(f"confli_dev after ({args.folds}-fold CV, {how}): {score([spans, str(confli), 'PRED'], cv, tmp, 'confli_dev-after')}")
        files = {name: args.shared / rel for name, rel in EVENT_FILES.items()}
        files["real_news"] = ROOT / "tests" / "data" / "real_news.jsonl"
        full = load_quad()
        for name, path in files.items():
            for label, model in (("before", None), ("after", full)):
                lines = code(pipeline, model, load_gold(path))
                line = score([events, "--gold", str(path), "--pred", "PRED"], lines, tmp, f"{name}-{label}")
                print(f"{name} {label}: {line}")


if __name__ == "__main__":
    main()
