"""The one job loop behind every front end: read, skip what is stored, code, store, count.

``parley code``, the API's ``POST /v1/documents`` and the Spark partition function all run a
``Job``. It takes the reader's items (documents, and ``RecordError`` for records that could not
be read), leaves out the documents the store already holds coded from the same text by the same
coder (unless ``recode``), codes the rest through ``code_stream`` (its processes, batches and
time limits), writes them to the store when there is one, and yields every outcome in input
order: a ``Coded`` document (whose ``note`` says if it was coded in part) or a ``Skip`` saying
which record was left out and why. It prints nothing: each front end reports in its own way
(standard error, an HTTP answer, a rejects dataset). ``Job.counts`` holds the running totals.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Literal

from ..errors import RecordError
from ..model import CODER, Document
from ..store import Store
from .batched import batched
from .pipeline import Pipeline, PipelineConfig
from .runner import Coded, code_stream

__all__ = ["Job", "Counts", "Skip", "READ_CHUNK", "WRITE_BATCH"]

READ_CHUNK = 256  # documents looked up in the store at once (one query per chunk)
WRITE_BATCH = 64  # documents written in one transaction (a rerun after a crash redoes at most these)
UNCODABLE = "could not be coded"


@dataclass(frozen=True)
class Skip:
    """A record left out, and why: reported, counted, never lost silently.

    ``stage`` is ``read`` (the record could not be read) or ``code`` (the document failed to
    code); ``source`` is the file (``coding`` for the code stage) and ``record_id`` the record's
    id or line, when known; ``reason`` is what went wrong, in full.
    """

    stage: Literal["read", "code"]
    source: str
    record_id: str | None
    reason: str

    @classmethod
    def unreadable(cls, error: RecordError) -> "Skip":
        return cls("read", error.source, error.record_id, error.reason)

    @classmethod
    def uncodable(cls, coded: Coded) -> "Skip":
        return cls("code", "coding", coded.document.id, coded.error or "")

    @property
    def kind(self) -> str:
        """What the summary counts it under: the read error's reason, or 'could not be coded'."""
        return self.reason if self.stage == "read" else UNCODABLE

    def __str__(self) -> str:
        if self.stage == "code":
            return f"{self.record_id}: {UNCODABLE} ({self.reason})"
        return str(RecordError(self.reason, self.source, self.record_id))


@dataclass
class Counts:
    """Running totals of a job: what the progress line and the summary show."""

    documents: int = 0
    events: int = 0
    words: int = 0
    already: int = 0  # left out: the store holds them, coded from the same text
    partial: int = 0  # coded in part (over MAX_CHARS): each has a note
    reasons: dict[str, int] = field(default_factory=dict)  # skipped, by kind
    started: float = field(default_factory=time.monotonic)

    @property
    def skipped(self) -> int:
        return sum(self.reasons.values())

    @property
    def nothing_coded(self) -> bool:
        """Every record was skipped: nothing coded and nothing already stored."""
        return self.documents == 0 and self.already == 0 and self.skipped > 0

    def rate(self) -> float:
        """Words coded a second since the job started."""
        return self.words / max(time.monotonic() - self.started, 1e-9)

    def skip(self, skip: Skip) -> None:
        self.reasons[skip.kind] = self.reasons.get(skip.kind, 0) + 1

    def add(self, coded: Coded) -> None:
        self.documents += 1
        self.events += len(coded.events)
        self.words += len(coded.document.text.split())
        self.partial += coded.note is not None


class Job:
    """One coding job: its pipeline (or the configuration to load one with), its store (none:
    code only, as ``--no-store`` and Spark do) and its counts. ``store_lock`` is held around
    every store call, for a store shared with other threads (the API's); ``write_batch``
    documents are written in one transaction."""

    def __init__(self, config: PipelineConfig | None = None, *, pipeline: Pipeline | None = None,
                 store: Store | None = None, recode: bool = False, jobs: int = 1, coder: str = CODER,
                 store_lock: AbstractContextManager[object] | None = None, write_batch: int = WRITE_BATCH):
        self.config = config or (pipeline.config if pipeline is not None else PipelineConfig())
        self.pipeline, self.store, self.recode, self.jobs, self.coder = pipeline, store, recode, jobs, coder
        self.store_lock, self.write_batch = store_lock or nullcontext(), write_batch
        self.counts = Counts()

    def run(self, items: Iterable[Document | RecordError]) -> Iterator[Coded | Skip]:
        """Code ``items`` and yield each outcome in input order (skips of unreadable records as
        they are read, ahead of the documents read after them)."""
        unread: deque[Skip] = deque()
        stream = code_stream(self._fresh(items, unread), self.config, jobs=self.jobs, pipeline=self.pipeline)
        for batch in batched(stream, self.write_batch):
            good = []
            for coded in batch:
                yield from self._drain(unread)
                if coded.error is not None:
                    skip = Skip.uncodable(coded)
                    self.counts.skip(skip)
                    yield skip
                    continue
                self.counts.add(coded)
                good.append((coded.document, coded.events))
                yield coded
            if self.store is not None and good:
                with self.store_lock:
                    self.store.write(good, coder=self.coder)
        yield from self._drain(unread)

    def _fresh(self, items: Iterable[Document | RecordError], unread: deque[Skip]) -> Iterator[Document]:
        """The documents to code: unreadable records go to ``unread``, stored ones are counted."""
        for chunk in batched(items, READ_CHUNK):
            docs = [i for i in chunk if isinstance(i, Document)]
            for item in chunk:
                if isinstance(item, RecordError):
                    skip = Skip.unreadable(item)
                    self.counts.skip(skip)
                    unread.append(skip)
            done = self._stored(docs)
            self.counts.already += len(done)
            yield from (d for d in docs if d.id not in done)

    def _stored(self, docs: list[Document]) -> set[str]:
        if self.store is None or self.recode:
            return set()
        with self.store_lock:
            return self.store.coded(docs, self.coder)

    @staticmethod
    def _drain(unread: deque[Skip]) -> Iterator[Skip]:
        while unread:
            yield unread.popleft()
