"""``parley bench``: words per second of parley beside plain spaCy, measured in the same run.

Plain spaCy is ``nlp.pipe`` over the same texts with the same model (all its components) and the
same number of processes; parley codes the same texts end to end into a fresh DuckDB file. The
machines this runs on are noisy, so the figure that means something is the ratio of the two.
Peak memory is the largest resident size of the process tree (parent and workers) seen while
parley ran, sampled from /proc.
"""
from __future__ import annotations

import gc
import json
import os
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import spacy

from ..coding.classifier import read_story_texts
from ..errors import InputError
from ..ingest import read_inputs
from ..model import Document
from ..pipeline.job import Job
from ..pipeline.nlp import MODEL
from ..pipeline.pipeline import Pipeline
from ..spark.job import run, session
from ..store import Store
from . import DEFAULT_CORPUS

__all__ = ["BenchResult", "run_bench", "spark_bench", "load_corpus", "actor_rate", "report", "DEFAULT_CORPUS"]



@dataclass(frozen=True)
class BenchResult:
    docs: int
    words: int
    jobs: int
    spacy_seconds: float
    parley_seconds: float
    spacy_wps: float
    parley_wps: float
    ratio: float
    peak_rss_mb: float
    spacy_peak_rss_mb: float
    events: int

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def load_corpus(path: Path, docs: int | None) -> list[Document]:
    """Documents of a corpus file (stories CSV/ZIP, JSONL, text), repeated to ``docs`` if asked."""
    if not path.exists():
        raise InputError(f"{path}: no such corpus (the default is ../shared/train's stories)")
    if path.suffix.lower() in {".zip", ".csv"} and path.name.startswith("synthetic_events"):
        base = [Document(f"story-{i}", t) for i, t in enumerate(read_story_texts(path))]
    else:
        base = [d for d in read_inputs([str(path)]) if isinstance(d, Document)]
    if not base:
        raise InputError(f"{path}: no documents in the corpus")
    n = docs or len(base)
    return [base[i % len(base)] if i < len(base) else Document(f"{base[i % len(base)].id}-r{i // len(base)}",
                                                                 base[i % len(base)].text) for i in range(n)]


def _pss(pid: int) -> int | None:
    """Proportional set size in bytes: a page shared by forked workers counts once in all."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_rss_mb(root: int) -> float:
    """Memory of ``root`` and all its descendants, in MB (Linux /proc): proportional set size
    where the kernel reports it (workers forked from one parent share pages), else resident size."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum((_pss(p) or rss.get(p, 0)) for p in tree) / 2**20


class PeakMemory:
    """Samples the process tree's memory in a background thread while a block runs."""

    def __init__(self, interval: float = 0.25):
        self.interval, self.peak = interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_mb(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_rss_mb(os.getpid()))


def _plain_spacy(texts: list[str], jobs: int) -> tuple[int, float, float]:
    nlp = spacy.load(MODEL)
    with PeakMemory() as mem:
        start = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, n_process=jobs))
        seconds = time.perf_counter() - start
    del nlp  # parley's phase must not carry the baseline's model
    gc.collect()
    return words, seconds, mem.peak


def _parley(documents: list[Document], jobs: int) -> tuple[int, float, float]:
    """``parley code``'s job loop (code, store) over ``documents`` into a fresh DuckDB file."""

    pipeline = Pipeline()  # loaded before the clock starts, as spaCy's model is
    pipeline.code(Document("warm-up", "Officials in Paris said on Tuesday that France will send aid to Chad."))
    with tempfile.TemporaryDirectory() as tmp, PeakMemory() as mem:
        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            # the store is fresh (nothing to look up) and written 256 documents a transaction, as
            # this benchmark always has: its figures stay comparable with docs/benchmarks.md
            job = Job(pipeline=pipeline, store=store, jobs=jobs, recode=True, write_batch=256)
            for _ in job.run(documents):
                pass
        seconds = time.perf_counter() - start
    return job.counts.events, seconds, mem.peak


def run_bench(corpus: Path = DEFAULT_CORPUS, docs: int | None = None, jobs: int = 1) -> BenchResult:
    documents = load_corpus(corpus, docs)
    texts = [d.text for d in documents]
    words, spacy_s, spacy_mem = _plain_spacy(texts, jobs)
    events, parley_s, parley_mem = _parley(documents, jobs)
    return BenchResult(docs=len(documents), words=words, jobs=jobs, spacy_seconds=round(spacy_s, 2),
                       parley_seconds=round(parley_s, 2), spacy_wps=round(words / spacy_s),
                       parley_wps=round(words / parley_s), ratio=round(spacy_s / parley_s, 3),
                       peak_rss_mb=round(parley_mem), spacy_peak_rss_mb=round(spacy_mem), events=events)


def spark_bench(corpus: Path = DEFAULT_CORPUS, docs: int | None = 2000, jobs: int = 2) -> dict[str, float | int]:
    """Spark ``local[jobs]`` (``parley spark``: JSONL in, Parquet out) beside ``parley code
    --jobs`` (into DuckDB) and plain spaCy, on the same documents in the same run. Spark's
    start-up (the JVM, the session) is timed apart from the job; the job's time includes its
    Python workers loading the model."""

    documents = load_corpus(corpus, docs)
    words, spacy_s, _ = _plain_spacy([d.text for d in documents], jobs)
    code_events, code_s, _ = _parley(documents, jobs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in documents:
                fh.write(json.dumps({"id": d.id, "text": d.text}) + "\n")
        start = time.perf_counter()
        spark = session(f"local[{jobs}]", app_name="parley-bench")
        startup_s = time.perf_counter() - start
        try:
            start = time.perf_counter()
            summary = run([str(path)], Path(tmp) / "out", partitions=jobs * 4, spark=spark)
            spark_s = time.perf_counter() - start
        finally:
            spark.stop()
    return {"docs": len(documents), "words": words, "jobs": jobs,
            "spacy_wps": round(words / spacy_s), "code_wps": round(words / code_s),
            "spark_wps": round(words / spark_s), "spark_startup_s": round(startup_s, 1),
            "code_seconds": round(code_s, 1), "spark_seconds": round(spark_s, 1),
            "spark_vs_code": round(code_s / spark_s, 3), "spark_vs_spacy": round(spacy_s / spark_s, 3),
            "code_vs_spacy": round(spacy_s / code_s, 3),
            "spark_wps_per_core": round(words / spark_s / jobs),
            "code_events": code_events, "spark_events": summary.events, "spark_rejects": summary.rejects}


def report(result: dict[str, Any], corpus: Path) -> str:
    """The lines ``parley bench`` prints for a result of ``run_bench`` (as a dict), ``spark_bench``
    or ``actor_rate``."""
    r = result
    if "spark_wps" in r:
        return (f"{r['docs']} documents, {r['words']} words, {r['jobs']} cores: plain spaCy {r['spacy_wps']} words/s, "
                f"parley code {r['code_wps']} words/s, Spark local[{r['jobs']}] {r['spark_wps']} words/s "
                f"(+{r['spark_startup_s']} s start-up); Spark/code {r['spark_vs_code']}, "
                f"Spark/spaCy {r['spark_vs_spacy']}; events {r['code_events']} vs {r['spark_events']}")
    if "mentions_per_s" in r:
        return (f"actor stage: {r['mentions_per_s']} mentions/s ({r['actor_mentions']} mentions in {r['docs']} "
                f"documents, {r['words_per_s']} words/s)")
    return "\n".join([
        f"corpus {corpus} · {r['docs']} documents · {r['words']} words · {r['jobs']} process(es)",
        f"plain spaCy  {r['spacy_wps']:>8} words/s  ({r['spacy_seconds']} s, peak {r['spacy_peak_rss_mb']} MB)",
        f"parley       {r['parley_wps']:>8} words/s  ({r['parley_seconds']} s, peak {r['peak_rss_mb']} MB, "
        f"{r['events']} events)",
        f"ratio        {r['ratio']:>8}"])


def actor_rate(corpus: Path = DEFAULT_CORPUS, docs: int = 500) -> dict[str, float]:
    """Resolution cost: actor mentions resolved per second by the actor stage alone, on documents
    already tagged and parsed (knowledge-base lookup, fuzzy names, coreference included)."""

    documents = load_corpus(corpus, docs)
    pipeline = Pipeline()
    nlp = pipeline.nlp
    before = [n for n in nlp.pipe_names if not n.startswith("parley_") or n == "parley_morph"]
    with nlp.select_pipes(enable=before):
        parsed = list(nlp.pipe(pipeline.make_doc(d) for d in documents))
    actors = nlp.get_pipe("parley_actors")
    actors(parsed[0])  # the gazetteer and fuzzy index load on first use
    start = time.perf_counter()
    mentions = sum(len(actors(doc)._.actor_heads) for doc in parsed)
    seconds = time.perf_counter() - start
    words = sum(len(d) for d in parsed)
    return {"docs": len(parsed), "words": words, "actor_mentions": mentions, "seconds": round(seconds, 2),
            "mentions_per_s": round(mentions / seconds), "words_per_s": round(words / seconds)}
