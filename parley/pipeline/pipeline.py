"""The one Pipeline every front end calls: CLI, API, batch runner and Spark job alike.

It loads the spaCy model once and streams Documents through it; each Document comes back
with its events. Nothing here re-implements a stage: the stages are spaCy components (nlp.py).
The Pipeline adds what is about whole documents: the prefilter (only sentences that may hold an
event are parsed), and the mapping of every offset and sentence number back to the original text,
so that records are the same whether the prefilter ran or not.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc

from ..actors import phrase_actors
from ..coding.lexicon import load_lexicon
from ..errors import UsageError
from ..model import Actor, Attribution, Document, Event, Mention, Place, event_id
from ..ontology.states import state_numbers
from .nlp import knowledge_base, load_nlp
from .prefilter import Prefilter, Reduced, split_sentences

__all__ = ["Pipeline", "PipelineConfig"]

# The Doc attributes the Pipeline sets before the components run: the pipeline's inputs
# (``sentence_numbers``: each parsed sentence's start and its number in the original text, so
# that stages count sentences as the reader sees them, whatever the prefilter left out).
for _name in ("doc_id", "pub_date", "sentence_numbers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# characters of a document that are coded (the service takes no more): a long news article
# has 50,000; beyond this a "document" is a dump or a book, and parsing time grows with it
MAX_CHARS = 200_000


# a text touching each stage: actors, a trigger, a quoted source, a date and a place
WARM_UP = ("On Monday the French foreign minister met her Japanese counterpart in Tokyo and the two "
           "governments signed a trade agreement, the ministry said. Police arrested protesters in Paris.")


@dataclass(frozen=True)
class PipelineConfig:
    include_unrealised: bool = False
    batch_size: int = 64
    actors: tuple[str, ...] = ()  # users' actor files (CSV, TSV, YAML)
    places: tuple[str, ...] = ()  # users' place files (CSV, TSV)
    prefilter: bool = True
    # seconds one document may take before it is skipped and reported (0: no limit); runner.py
    doc_seconds: float = field(default_factory=lambda: doc_seconds_from_env(os.environ))


def doc_seconds_from_env(env: Mapping[str, str]) -> float:
    """PARLEY_DOC_SECONDS (default 60; 0 for no limit), or a one-line error."""
    text = env.get("PARLEY_DOC_SECONDS", "60")
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:
        raise UsageError(f"PARLEY_DOC_SECONDS={text!r}: write a number of seconds, or 0 for no limit")
    return seconds


class Pipeline:
    """Documents in, events out. Build once per process; ``code_many`` streams."""

    def __init__(self, config: PipelineConfig | None = None):
        self.config = config or PipelineConfig()
        self.nlp = load_nlp(include_unrealised=self.config.include_unrealised, actors=self.config.actors,
                            places=self.config.places)
        self.prefilter = None
        if self.config.prefilter:
            forms = self.nlp.get_pipe("parley_morph").verb_forms()
            self.prefilter = Prefilter(knowledge_base(), load_lexicon(), forms)

    def reduce(self, document: Document, prefilter: bool = True) -> Reduced:
        text = document.text[:MAX_CHARS]
        segments = split_sentences(text)
        kept = self.prefilter.keep(text, segments) if (prefilter and self.prefilter) else segments
        return Reduced.build(text, segments, kept)

    def make_doc(self, document: Document, reduced: Reduced | None = None) -> Doc:
        doc = self.nlp.make_doc(reduced.text if reduced is not None else document.text[:MAX_CHARS])
        for tok in doc[2:]:  # "352. 5 million": a decimal point set apart is no sentence end (split_sentences)
            if tok.text[0].isdigit() and doc[tok.i - 1].text == "." and doc[tok.i - 2].text.isdigit() and \
                    doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
                tok.is_sent_start = False
        doc._.doc_id = document.id
        doc._.pub_date = document.pub_date
        doc._.sentence_numbers = reduced.numbers() if reduced is not None else None
        return doc

    def parse(self, document: Document) -> Doc:
        """The annotated spaCy Doc of the whole text (no prefilter), for tools that show evidence;
        ``Doc._.events`` hold the document's final records."""
        reduced = self.reduce(document, prefilter=False)
        doc = self.nlp(self.make_doc(document, reduced))
        doc._.events = finalize(doc._.events, document.id, reduced)
        return doc

    def code(self, document: Document) -> list[Event]:
        return next(self.code_many([document]))[1]

    def warm(self) -> None:
        """Load every lazily loaded part (gazetteer, tenures, classifier...) by coding a short text.

        The runner calls this before forking its workers, so they share one loaded copy instead
        of each loading its own on its first document."""
        self.code(Document("warm-up", WARM_UP, date(2024, 3, 4)))

    def code_many(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Event]]]:
        """Stream (document, events) pairs in input order."""
        def prepared() -> Iterator[tuple[Doc, tuple[Document, Reduced]]]:
            for d in documents:
                reduced = self.reduce(d)
                yield self.make_doc(d, reduced), (d, reduced)

        for doc, (document, reduced) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=self.config.batch_size):
            yield document, finalize(doc._.events, document.id, reduced)

    def resolve(self, items: Iterable[tuple[str, str, date | None]]) -> Iterator[tuple[str, str, tuple[Actor, ...]]]:
        """Resolve standalone actor phrases: ``(id, text, date)`` → ``(id, text, actors)``, where
        actors is empty for a non-actor and has several for a coordination ("Russia and China")."""
        for i, t, doc in self.resolve_docs(items):
            yield i, t, phrase_actors(doc)

    def resolve_docs(self, items: Iterable[tuple[str, str, date | None]]) -> Iterator[tuple[str, str, Doc]]:
        """Standalone actor phrases as the actor stage leaves them (``parley resolve --explain``
        reads why from them): ``(id, text, date)`` → ``(id, text, doc)``."""
        docs = ((self.make_doc(Document(i, t, d)), (i, t)) for i, t, d in items)
        for doc, (i, t) in self.nlp.pipe(docs, as_tuples=True, batch_size=64):
            yield i, t, doc


def finalize(events: list[Event], doc_id: str, reduced: Reduced) -> list[Event]:
    """Events with original offsets, sentence numbers from the splitter, and ids from both (the
    one place an event's id is computed: the stages know an event by its position)."""
    out = []
    for ev in events:
        mentions = []
        for m in ev.mentions:
            t0 = reduced.original(m.trigger_start)
            t1 = reduced.original(max(m.trigger_end - 1, m.trigger_start)) + 1
            seg = reduced.sentence(t0)
            mentions.append(Mention(seg.index, m.trigger, seg.start, seg.end, t0, t1))
        first = mentions[0] if mentions else None
        out.append(replace(
            ev, event_id=event_id(doc_id, first.sentence if first else 0, first.trigger_start if first else 0, ev.event),
            sentence=first.sentence if first else 0, mentions=tuple(mentions),
            actor=tuple(_numbered(_actor(a, reduced), ev.date) for a in ev.actor),
            recipient=tuple(_numbered(_actor(a, reduced), ev.date) for a in ev.recipient),
            location=_numbered(_place(ev.location, reduced), ev.date), attribution=tuple(_attribution(a, reduced) for a in ev.attribution),
        ))
    return out


PartT = TypeVar("PartT", Actor, Place, None)


def _numbered(part: PartT, when: date | None) -> PartT:
    """An actor or place with its country's state numbers (COW, G-W) on the event's date."""
    if part is None or not part.country:
        return part
    cow, gw = state_numbers(part.country, when)
    return replace(part, cow=cow, gw=gw)


def _span(start: int, end: int, reduced: Reduced) -> tuple[int, int]:
    a = reduced.original(start)
    return a, reduced.original(max(end - 1, start)) + 1


def _actor(a: Actor, reduced: Reduced) -> Actor:
    start, end = _span(a.start, a.end, reduced)
    return replace(a, start=start, end=end, text=reduced.original_text(start, end))


def _place(p: Place | None, reduced: Reduced) -> Place | None:
    if p is None or p.start is None:
        return p
    start, end = _span(p.start, p.end or p.start, reduced)
    return replace(p, start=start, end=end, text=reduced.original_text(start, end))


def _attribution(a: Attribution, reduced: Reduced) -> Attribution:
    if a.start is None:
        return a
    start, end = _span(a.start, a.end or a.start, reduced)
    return replace(a, start=start, end=end, text=reduced.original_text(start, end))
