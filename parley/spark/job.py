"""parley on Apache Spark: the same Pipeline, per partition, over corpora one machine cannot hold.

The driver lists the input files (paths, directories, globs, as ``parley code`` takes them);
one task per file reads it with parley's own readers (JSONL, text, CSV, HTML, feeds, WARC,
gzip, zip); the documents are spread over ``partitions`` and each partition is coded by one
``Pipeline``, loaded once per Python worker and reused by every partition it runs (Spark reuses
its Python workers), never once per record. Out come Parquet datasets partitioned by month:

    OUTPUT/events/month=YYYY-MM/     one row per event record, columns as its top-level fields
    OUTPUT/documents/month=YYYY-MM/  one row per document coded
    OUTPUT/rejects/                  JSON lines: source, record id, reason (unreadable records,
                                     documents that failed to code): counted, never lost
    OUTPUT/_summary.json             counts and seconds

Run locally (``parley spark --input … --output …``), on a cluster (``--master spark://…``), or
with ``spark-submit parley/spark/submit.py --input … --output …``; docs/spark.md says how.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ModelError, RecordError, UsageError
from ..ingest.formats import read_source
from ..ingest.paths import plan_inputs
from ..ingest.source import file_source
from ..model import CODER
from ..pipeline.job import Job, Skip
from ..pipeline.pipeline import Pipeline, PipelineConfig
from ..pipeline.runner import BATCH
from ..store import text_sha
from ..store.arrow import EVENT_SCHEMA

__all__ = ["SparkSummary", "run", "main"]

APP_NAME = "parley"


@dataclass(frozen=True)
class SparkSummary:
    input_files: int
    documents: int
    events: int
    rejects: int
    partitions: int
    seconds: float
    output: str
    master: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- what runs on the executors ------------------------------------------------------------------

@lru_cache(maxsize=2)
def _pipeline(include_unrealised: bool, actors: tuple[str, ...]) -> Any:
    """One Pipeline per Python worker process and configuration (the model loads once)."""

    return Pipeline(PipelineConfig(include_unrealised=include_unrealised, actors=actors))


def _read_file(item: tuple[str, bool]) -> Iterator[tuple[str, Any]]:
    """("batch", [Document, ...]) and ("reject", {...}) items of one input file. Documents go in
    batches of ``runner.BATCH`` in file order, as ``parley code`` batches them, and stay together:
    the model's numbers (matrix products over a batch) are then the same as on one machine."""

    path, named = item
    docs: list[Any] = []
    try:
        for found in read_source(file_source(Path(path)), named=named):
            if isinstance(found, RecordError):
                yield "reject", {"source": found.source or path, "record_id": found.record_id,
                                 "reason": found.reason, "stage": "read"}
                continue
            docs.append(found)
            if len(docs) == BATCH:
                yield "batch", docs
                docs = []
    except Exception as exc:  # noqa: BLE001 - an unreadable file is a reject, not a failed job
        yield "reject", {"source": path, "record_id": None, "reason": f"{type(exc).__name__}: {exc}"[:300],
                         "stage": "read"}
    if docs:
        yield "batch", docs


def _code_partition(include_unrealised: bool, actors: tuple[str, ...]):  # noqa: ANN202
    """The function each partition runs: read items in (batches of documents, rejects), tagged
    JSON rows out. Each batch goes through the job loop whole (no store: Spark writes Parquet),
    so its documents are coded together, as one machine codes them."""
    def run(items: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, str]]:
        job = Job(pipeline=_pipeline(include_unrealised, actors))
        for kind, value in items:
            if kind == "reject":
                yield "reject", json.dumps(value, ensure_ascii=False)
                continue
            for outcome in job.run(value):
                if isinstance(outcome, Skip):
                    yield "reject", json.dumps(asdict(outcome), ensure_ascii=False)  # source, record_id, reason, stage
                    continue
                d = outcome.document
                pub = d.pub_date.isoformat() if d.pub_date else None
                yield "document", json.dumps({
                    "doc_id": d.id, "pub_date": pub, "title": d.title, "url": d.url, "publisher": d.publisher,
                    "text": d.text, "n_events": len(outcome.events), "coder": CODER,
                    "text_sha": text_sha(d), "note": outcome.note, "month": (pub or "undated")[:7]},
                    ensure_ascii=False)
                for e in outcome.events:
                    rec = e.to_dict()
                    rec["month"] = (rec.get("date") or "undated")[:7]
                    yield "event", json.dumps(rec, ensure_ascii=False)
    return run


# -- the driver ----------------------------------------------------------------------------------

def _spark_schemas() -> tuple[Any, Any, Any]:
    import pyarrow as pa
    from pyspark.sql.pandas.types import from_arrow_schema

    events = from_arrow_schema(pa.schema([*EVENT_SCHEMA, ("month", pa.string())]))
    documents = from_arrow_schema(pa.schema([
        ("doc_id", pa.string()), ("pub_date", pa.date32()), ("title", pa.string()), ("url", pa.string()),
        ("publisher", pa.string()), ("text", pa.string()), ("n_events", pa.int32()), ("coder", pa.string()),
        ("text_sha", pa.string()), ("note", pa.string()), ("month", pa.string())]))
    rejects = from_arrow_schema(pa.schema([("source", pa.string()), ("record_id", pa.string()),
                                           ("reason", pa.string()), ("stage", pa.string())]))
    return events, documents, rejects


def session(master: str | None = None, app_name: str = APP_NAME) -> Any:
    """A SparkSession; in local mode its Python workers run this interpreter (parley's venv)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if not master or master.startswith("local"):
        # PySpark starts its Python workers with $PYSPARK_PYTHON (else "python3" on the PATH): in
        # local mode they must be this interpreter, which has parley and the model installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.pyspark.python", sys.executable)
                   .config("spark.pyspark.driver.python", sys.executable)
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.session.timeZone", "UTC"))
    return builder.getOrCreate()


def run(inputs: list[str], output: str | Path, master: str | None = "local[*]", partitions: int | None = None,
        include_unrealised: bool = False, actors: tuple[str, ...] = (), spark: Any = None) -> SparkSummary:
    """Code ``inputs`` on Spark into Parquet under ``output`` (see the module docstring)."""

    try:  # pyspark is optional (parley[spark]): imported where it is used
        from pyspark import StorageLevel
    except ImportError as exc:
        raise ModelError("parley spark needs pyspark: pip install 'parley[spark]' (and Java 17)") from exc

    plan = plan_inputs(inputs, stdin_available=False)
    if any(p.kind in {"stdin", "url"} for p in plan):
        raise UsageError("parley spark reads files (paths, directories, globs), not standard input or URLs")
    files = [(str(Path(p.value).resolve()), p.named) for p in plan if p.kind == "file"]
    empty = [p.value for p in plan if p.kind == "empty-dir"]
    started = time.monotonic()
    own = spark is None
    spark = spark or session(master)
    sc = spark.sparkContext
    try:
        n = partitions or max(2, sc.defaultParallelism)
        # one pass: each file is read once (one task per file), its batches of documents and its
        # read rejects spread over n partitions, coded there; every output is written from the
        # persisted result
        empties = [("reject", {"source": e, "record_id": None, "reason": "no readable files in directory",
                               "stage": "read"}) for e in empty]
        items = sc.parallelize(files, max(1, len(files))).flatMap(_read_file).union(sc.parallelize(empties, 1))
        coded = items.repartition(n).mapPartitions(_code_partition(include_unrealised, tuple(actors)))
        coded.persist(StorageLevel.MEMORY_AND_DISK)
        event_schema, document_schema, reject_schema = _spark_schemas()
        out = str(output)

        def rows(kind: str) -> Any:
            return coded.filter(lambda kv: kv[0] == kind).map(lambda kv: kv[1])

        spark.read.schema(event_schema).json(rows("event")).write.mode("overwrite").partitionBy("month").parquet(
            os.path.join(out, "events"))
        spark.read.schema(document_schema).json(rows("document")).write.mode("overwrite").partitionBy(
            "month").parquet(os.path.join(out, "documents"))
        spark.read.schema(reject_schema).json(rows("reject")).coalesce(1).write.mode("overwrite").json(
            os.path.join(out, "rejects"))
        counts = dict(coded.map(lambda kv: (kv[0], 1)).reduceByKey(lambda a, b: a + b).collect())
        summary = SparkSummary(
            input_files=len(files), documents=counts.get("document", 0), events=counts.get("event", 0),
            rejects=counts.get("reject", 0), partitions=n,
            seconds=round(time.monotonic() - started, 2), output=out, master=sc.master)
        coded.unpersist()
    finally:
        if own:
            spark.stop()
    if "://" not in str(output) or str(output).startswith("file://"):  # a local output gets the summary beside it
        local = Path(str(output).removeprefix("file://"))
        (local / "_summary.json").write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> None:
    """The spark-submit entry point: ``spark-submit parley/spark/submit.py --input … --output …``."""
    ap = argparse.ArgumentParser(prog="parley-spark", description="Code news files on Spark into Parquet.")
    ap.add_argument("--input", action="append", required=True, help="File, directory or glob (repeatable).")
    ap.add_argument("--output", required=True, help="Output directory (local path or any Hadoop URI).")
    ap.add_argument("--master", default=None, help="Spark master; spark-submit's when not given.")
    ap.add_argument("--partitions", type=int, default=None, help="Partitions to code in (default: parallelism).")
    ap.add_argument("--include-unrealised", action="store_true")
    args = ap.parse_args(argv)
    summary = run(args.input, args.output, master=args.master, partitions=args.partitions,
                  include_unrealised=args.include_unrealised)
    print(json.dumps(summary.to_dict()))


if __name__ == "__main__":
    main()

