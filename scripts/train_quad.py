"""Build parley/coding/data/quad.npz, the model of a sentence's quad class (parley/coding/quad.py),
from the ConfliBERT news sentences in ../shared/gold/confli_dev.jsonl (the sentences stay there:
only the weights ship). Deterministic: the same sentences give the same bytes.

Run from the repository root:  python scripts/train_quad.py [--shared ../shared] [--out DIR]
"""
from __future__ import annotations

import argparse
from pathlib import Path

from parley.coding.quad import QUAD_ARTIFACT, read_quad_sentences, train_quad
from parley.pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (gold files)")
    ap.add_argument("--out", type=Path, default=ROOT / "parley" / "coding" / "data", help="folder to write into")
    args = ap.parse_args()
    sentences = read_quad_sentences(args.shared / "gold" / "confli_dev.jsonl")
    model = train_quad(load_nlp(), sentences, built_by="scripts/train_quad.py")
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / QUAD_ARTIFACT)
    print(f"trained on {model.meta['examples']} sentences, {model.meta['vocab']} features; "
          f"data sha256 {model.meta['data_sha256']}; wrote {args.out / QUAD_ARTIFACT}")


if __name__ == "__main__":
    main()
