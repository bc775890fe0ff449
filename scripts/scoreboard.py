"""Print the project's accuracy on the six event files, one line each, side by side.

A developer tool: any change to coding, actors, dates or places is judged on all of these at
once (a change that raises one and lowers another is not progress). Codes each file with
`parley code --no-store` in a subprocess (the tree on PYTHONPATH, so a worktree measures itself)
and scores it with the shared referees. About three minutes on an idle machine.

The actor phrase sets and the real-report date/place set have their own commands:
`parley eval --phrases FILE` and `scripts/score_dateplace.py` (docs/actors.md, docs/accuracy.md).

Run from the repository root:  python scripts/scoreboard.py [--shared ../shared] [--keep DIR]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code(path: Path, out: Path) -> None:
    """Code one file with this tree's parley into `out` (JSONL)."""
    with out.open("w", encoding="utf-8") as sink:
        done = subprocess.run([sys.executable, "-m", "parley", "code", str(path), "--no-store"],
                              stdout=sink, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    if done.returncode:
        tail = done.stderr.strip().splitlines()[-1:] or ["no message"]
        raise SystemExit(f"scoreboard: coding {path} failed: {tail[0]}")


def score_events(shared: Path, gold: Path, pred: Path) -> str:
    """The shared event referee's one-line summary (its last line)."""
    done = subprocess.run([sys.executable, str(shared / "scripts" / "score_events.py"),
                           "--gold", str(gold), "--pred", str(pred)],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def score_spans(shared: Path, gold: Path, pred: Path) -> str:
    """The shared span referee's printed summary, on one line."""
    done = subprocess.run([sys.executable, str(shared / "scripts" / "score_spans.py"),
                           str(gold), str(pred)], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, help="keep the coded files in this directory")
    args = parser.parse_args()
    out_dir = args.keep or Path(tempfile.mkdtemp(prefix="parley-scoreboard-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "gsr_dev": args.shared / "gold" / "plover_gsr_dev.jsonl",
        "confli_dev": args.shared / "gold" / "confli_dev.jsonl",
        "real_news": ROOT / "tests" / "data" / "real_news.jsonl",
        "real_news_b": ROOT / "tests" / "data" / "real_news_b.jsonl",  # blind: its misses are not read
        "seed": args.shared / "gold" / "seed.jsonl",
        "events_gold": ROOT / "tests" / "data" / "events_gold.jsonl",
    }
    for name, gold in files.items():
        pred = out_dir / f"{name}.out"
        code(gold, pred)
        if name == "confli_dev":
            print(f"{name:12s} {score_spans(args.shared, gold, pred)}", flush=True)
            continue
        print(f"{name:12s} {score_events(args.shared, gold, pred)}", flush=True)


if __name__ == "__main__":
    main()
