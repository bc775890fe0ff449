"""Save, or compare against, parley's output on a fixed set of inputs: behaviour unchanged, field for field.

A refactor must not change a single record. This codes the shared gold files, the bundled
examples and the first N training stories with ``parley code --format jsonl --no-store`` and
writes one JSONL file per input into a folder; ``--compare`` codes them again and reports every
record that differs (exit 1 if any does).

    python scripts/snapshot.py --save /tmp/before        # before the change
    python scripts/snapshot.py --compare /tmp/before     # after it: identical or a diff

Needs ``../shared`` beside the repository (the gold files and the stories).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
STORIES = SHARED / "train" / "synthetic_events_2023-10-19.csv.zip"


def stories(n: int, out: Path) -> Path:
    """The first ``n`` training stories as a JSONL input file (ids story-0000...)."""
    with zipfile.ZipFile(STORIES) as z, z.open(z.namelist()[0]) as raw:
        rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
        lines = [json.dumps({"id": f"story-{i:04d}", "text": row["text"], "title": row["title"]})
                 for i, row in zip(range(n), rows)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def inputs(tmp: Path, n: int) -> dict[str, Path]:
    found = {p.name: p for p in sorted((SHARED / "gold").glob("*.jsonl"))}
    found.update({f"examples-{p.name}": p for p in sorted((ROOT / "examples").glob("*")) if p.is_file()})
    found["stories.jsonl"] = stories(n, tmp / "stories.jsonl")
    return found


def code(path: Path) -> list[str]:
    run = subprocess.run([sys.executable, "-m", "parley", "code", str(path), "--format", "jsonl", "--no-store"],
                         capture_output=True, text=True, check=True)
    return run.stdout.splitlines()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="folder to write the outputs into")
    group.add_argument("--compare", type=Path, help="folder of saved outputs to compare with")
    ap.add_argument("--stories", type=int, default=500, help="how many training stories (default 500)")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"snapshot: {SHARED} is missing (the gold files and stories are there)")
    with tempfile.TemporaryDirectory() as tmp:
        files = inputs(Path(tmp), args.stories)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            for name, path in files.items():
                lines = code(path)
                (args.save / f"{name}.out").write_text("\n".join(lines) + "\n", encoding="utf-8")
                print(f"{name}: {len(lines)} records")
            return
        differ = 0
        for name, path in files.items():
            before = (args.compare / f"{name}.out").read_text(encoding="utf-8").splitlines()
            after = code(path)
            changed = [(a, b) for a, b in zip(before, after) if json.loads(a) != json.loads(b)]
            extra = abs(len(before) - len(after))
            print(f"{name}: {len(after)} records, {len(changed)} differ, {extra} more or fewer")
            for a, b in changed[:3]:
                ra, rb = json.loads(a), json.loads(b)
                keys = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
                print(f"  {ra.get('event_id')}: {', '.join(keys)}")
            differ += len(changed) + extra
        print("identical" if differ == 0 else f"{differ} records differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
