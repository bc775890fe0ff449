"""Peak memory of `parley code --jobs N` on a large corpus: the stories repeated to N documents.

    python scripts/memcheck.py --docs 100000 --jobs 2

Writes the corpus (gzipped JSONL) to a temporary directory, runs parley on it into a fresh
DuckDB file, samples the memory of parley's process tree every second (proportional set size),
and prints one JSON line: docs, seconds, peak_mb, events.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from parley.measure.bench import DEFAULT_CORPUS, _pss, _tree_rss_mb, load_corpus


def _tree(root: int) -> list[tuple[int, int, float]]:
    """(pid, parent pid, MB) of ``root`` and its direct children (the workers), from /proc."""
    try:
        children = [int(c) for c in Path(f"/proc/{root}/task/{root}/children").read_text().split()]
    except OSError:
        return []
    return [(pid, root if pid != root else 0, (_pss(pid) or 0) / 2**20) for pid in [root, *children]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--trace", help="also write each sample's memory per process and of the whole tree "
                                    "(TSV: seconds, pid, parent pid, MB)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl.gz"
        with gzip.open(src, "wt", encoding="utf-8") as fh:
            for i, d in enumerate(load_corpus(Path(args.corpus), args.docs)):
                # dated, a few hundred stories a day, so that dedup links the repeated stories
                day = date(2024, 1, 1) + timedelta(days=i // 300)
                fh.write(json.dumps({"id": d.id, "text": d.text, "pub_date": day.isoformat()}) + "\n")
        start = time.monotonic()
        log = Path(tmp) / "stderr.txt"  # a file, not a pipe: a full pipe would stall the run
        trace_to = Path(args.trace) if args.trace else Path(os.devnull)
        with log.open("wb") as err_out, trace_to.open("w", encoding="utf-8") as trace:
            proc = subprocess.Popen([sys.executable, "-m", "parley", "code", str(src), "--db",
                                     str(Path(tmp) / "m.duckdb"), "--jobs", str(args.jobs)],
                                    stdout=subprocess.DEVNULL, stderr=err_out)
            peak = 0.0
            while proc.poll() is None:
                total = _tree_rss_mb(proc.pid)
                peak = max(peak, total)
                if args.trace:
                    t = round(time.monotonic() - start)
                    trace.write(f"{t}\ttree\t-\t{total:.0f}\n")
                    for pid, ppid, mb in _tree(proc.pid):
                        trace.write(f"{t}\t{pid}\t{ppid}\t{mb:.0f}\n")
                    trace.flush()
                time.sleep(1.0)
        err = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        import duckdb

        con = duckdb.connect(str(Path(tmp) / "m.duckdb"), read_only=True)
        events, real = (con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("events", "real_events"))
        con.close()
        print(json.dumps({"docs": args.docs, "jobs": args.jobs, "seconds": round(time.monotonic() - start),
                          "peak_mb": round(peak), "exit": proc.returncode, "events": events, "real_events": real,
                          "summary": err[-1] if err else ""}))


if __name__ == "__main__":
    main()
