"""The same input gives the same records in any process: nothing may hang on the order a set
or dict of hashed strings happens to iterate in (Python seeds string hashes per process, so
two runs, two Spark workers or two `--jobs` workers would disagree)."""
from __future__ import annotations

import json
import os
import subprocess

from conftest import DEDUP_CORPUS, PARLEY, ROOT, SHARED

STORIES = SHARED / "train" / "synthetic_events_2023-10-19.csv.zip"


def corpus(path) -> int:
    """Our own articles, and where ../shared is, 400 of the training stories."""
    lines = DEDUP_CORPUS.read_text(encoding="utf-8").splitlines()
    if STORIES.exists():
        from parley.coding.classifier import read_story_texts

        for i, text in enumerate(read_story_texts(STORIES)):
            if i == 400:
                break
            lines.append(json.dumps({"id": f"story-{i}", "text": text, "pub_date": "2025-05-05"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_records_do_not_depend_on_the_hash_seed(tmp_path):
    path = tmp_path / "corpus.jsonl"
    n = corpus(path)
    runs = [subprocess.Popen([*PARLEY, "code", str(path), "--no-store", "--format", "jsonl"], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env={**os.environ, "PYTHONHASHSEED": seed})
            for seed in ("1", "2")]
    outs = [sorted(json.dumps(json.loads(line), sort_keys=True) for line in r.communicate(timeout=900)[0].splitlines())
            for r in runs]
    assert all(r.returncode == 0 for r in runs)
    assert len(outs[0]) > n / 2  # the corpus was coded
    assert outs[0] == outs[1]
