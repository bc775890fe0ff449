"""The one Pipeline every front end calls: CLI, API, batch runner and Spark job alike.

It loads the spaCy model once and streams Documents through it; each Document comes back
with its events. Nothing here re-implements a stage: the stages are spaCy components (nlp.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from .actors import phrase_actors
from .model import Actor, Document, Event
from .nlp import load_nlp

__all__ = ["Pipeline", "PipelineConfig"]

MAX_CHARS = 1_000_000


@dataclass(frozen=True)
class PipelineConfig:
    include_unrealised: bool = False
    batch_size: int = 16
    actors: tuple[str, ...] = ()  # users' actor files (CSV, TSV, YAML)


class Pipeline:
    """Documents in, events out. Build once per process; ``code_many`` streams."""

    def __init__(self, config: PipelineConfig | None = None):
        self.config = config or PipelineConfig()
        self.nlp = load_nlp(include_unrealised=self.config.include_unrealised, actors=self.config.actors)

    def make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text[:MAX_CHARS])
        doc._.doc_id = document.id
        doc._.pub_date = document.pub_date.isoformat() if document.pub_date else None
        return doc

    def parse(self, document: Document) -> Doc:
        """The annotated spaCy Doc (events, actors, evidence), for tools that show the evidence."""
        return self.nlp(self.make_doc(document))

    def resolve(self, items: Iterable[tuple[str, str, date | None]]) -> Iterator[tuple[str, str, tuple[Actor, ...]]]:
        """Resolve standalone actor phrases: ``(id, text, date)`` → ``(id, text, actors)``, where
        actors is empty for a non-actor and has several for a coordination ("Russia and China")."""
        docs = ((self.make_doc(Document(i, t, d)), (i, t)) for i, t, d in items)
        for doc, (i, t) in self.nlp.pipe(docs, as_tuples=True, batch_size=64):
            yield i, t, phrase_actors(doc)

    def code(self, document: Document) -> list[Event]:
        return list(self.parse(document)._.events)

    def code_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Stream (document, events) pairs in input order."""
        docs = ((self.make_doc(d), d) for d in documents)
        for doc, document in self.nlp.pipe(docs, as_tuples=True, batch_size=self.config.batch_size):
            yield document, list(doc._.events)
