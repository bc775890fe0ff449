"""Coding a stream of documents with one process or several, results in input order.

Each worker process builds one Pipeline (the model and knowledge base load once per process,
never per document) and codes batches of documents; the parent reads the input, hands batches
out with a bounded number in flight (memory stays flat whatever the corpus size) and yields
results in the order the documents came. A document that fails to code is returned as an error
for that document, with its id and the reason, and the rest of the batch goes on.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from .batched import batched
from ..model import Document, Event
from .pipeline import MAX_CHARS, Pipeline, PipelineConfig

__all__ = ["Coded", "code_stream", "code_batch", "time_limit", "DocumentTimeout"]

BATCH = 32


@dataclass(frozen=True)
class Coded:
    """One document's outcome: its events, or why it could not be coded."""

    document: Document
    events: tuple[Event, ...] = ()
    error: str | None = None

    @property
    def note(self) -> str | None:
        """What a reader of the output must know of a document coded in part (over MAX_CHARS)."""
        n = len(self.document.text)
        return f"{n:,} characters; coded the first {MAX_CHARS:,}" if n > MAX_CHARS else None


class DocumentTimeout(Exception):
    """A document took longer than ``PipelineConfig.doc_seconds``."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this block after ``seconds`` (a SIGALRM timer: main thread of a
    process only, as in the CLI and its workers; elsewhere, and with 0, no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: object) -> None:
        raise DocumentTimeout(f"took over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def code_batch(pipeline: Pipeline, docs: list[Document]) -> list[Coded]:
    """Code a batch; if any document fails or the batch runs over its time (``doc_seconds`` a
    document), code them one by one, each in its own time, and report the ones that fail."""
    limit = pipeline.config.doc_seconds
    try:
        with time_limit(limit * len(docs)):
            return [Coded(d, tuple(evs)) for d, evs in pipeline.code_many(docs)]
    except Exception:  # noqa: BLE001 - one bad document must not sink the batch: retry one by one
        out = []
        for d in docs:
            try:
                with time_limit(limit):
                    out.append(Coded(d, tuple(pipeline.code(d))))
            except DocumentTimeout as exc:
                out.append(Coded(d, (), f"{exc}: skipped (PARLEY_DOC_SECONDS sets the limit)"))
            except Exception as exc:  # noqa: BLE001
                out.append(Coded(d, (), f"{type(exc).__name__}: {exc}".splitlines()[0][:300]))
        return out


# -- worker processes ----------------------------------------------------------------------------
_WORKER: list[Pipeline] = []  # one per worker process, set by _init (a process-local slot, not shared)


def _init(config: PipelineConfig, pipeline: Pipeline | None) -> None:
    _WORKER.append(pipeline if pipeline is not None else Pipeline(config))


def _work(docs: list[Document]) -> list[Coded]:
    return code_batch(_WORKER[0], docs)


def code_stream(documents: Iterable[Document], config: PipelineConfig | None = None, jobs: int = 1,
                pipeline: Pipeline | None = None, batch: int = BATCH) -> Iterator[Coded]:
    """Code ``documents`` with ``jobs`` processes (1: in this process), in input order."""
    config = config or PipelineConfig()
    if jobs <= 1:
        pipe = pipeline or Pipeline(config)
        for docs in batched(documents, batch):
            yield from code_batch(pipe, docs)
        return
    # Where processes can fork, workers start as copies of a parent that has loaded the model and
    # knowledge base once (fast start, shared memory pages); elsewhere each worker loads its own.
    forking = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if forking else "spawn")
    shared = None
    if forking:
        # load every lazy part now, once, and keep the collector from writing to the loaded
        # objects' headers: the workers then share those pages instead of each making its own
        shared = pipeline or Pipeline(config)
        shared.warm()
        gc.collect()
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init,
                                 initargs=(config, shared)) as pool:
            pending: deque[Future[list[Coded]]] = deque()
            for docs in batched(documents, batch):
                pending.append(pool.submit(_work, docs))
                while len(pending) >= jobs * 3:  # bounded: never more than a few batches in flight
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    finally:
        if forking:
            gc.unfreeze()  # a library caller's objects become collectable again
