"""The prefilter skips the parser for sentences that cannot hold an event: it must never lose one.

Documents are built from the project's own written sentences (the independent gold file, the
dedup corpus) interleaved with sentences that hold no event, so the prefilter has something to
skip, and coded with and without it. Every event found without it must be found with it. Its
fields may differ now and then: the tagger and parser see a sentence's neighbours, and those
differ when sentences between are left out (a role, a span's first word, a coreferent name).
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from parley.coding.lexicon import load_lexicon
from parley.model import Document
from parley.pipeline import Pipeline
from parley.pipeline.prefilter import Prefilter, split_sentences

DATA = Path(__file__).parent / "data"

# sentences without an event, and sentences whose only trigger is easy to miss from the surface
FILLER = [
    "The weather was mild for the season.",
    "Markets closed slightly higher on Friday.",
    "Analysts expect the figures to be revised next month.",
]
EDGE = [
    "Britain said on Monday that Iran must comply.",  # a demand made of a modal, not a trigger word
    "The minister told reporters that Pakistan should release the fishermen.",
    "He said it was a good day.",  # a pronoun actor and no trigger
]


def documents() -> list[Document]:
    texts = [json.loads(line) for name in ("events_gold.jsonl", "dedup_corpus.jsonl")
             for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    sentences = [t["text"] for t in texts] + EDGE
    docs = []
    for n in range(0, len(sentences), 4):
        body = []
        for k, s in enumerate(sentences[n:n + 4]):
            body += [s, FILLER[(n + k) % len(FILLER)]]
        docs.append(Document(f"d{n}", " ".join(body), date(2025, 8, 1)))
    return docs


@pytest.fixture(scope="module")
def unfiltered(pipeline):
    return Pipeline(replace(pipeline.config, prefilter=False))


def test_the_prefilter_loses_no_event(pipeline, unfiltered):
    docs = documents()
    assert pipeline.prefilter is not None and unfiltered.prefilter is None
    segments = [pipeline.reduce(d).segments for d in docs]
    skipped = sum(len(seg) - len(pipeline.prefilter.keep(d.text, seg)) for d, seg in zip(docs, segments))
    assert skipped > len(docs)  # it does skip sentences: the comparison below means something
    with_filter = {e.event_id: e.to_dict() for _, evs in pipeline.code_many(docs) for e in evs}
    without = {e.event_id: e.to_dict() for _, evs in unfiltered.code_many(docs) for e in evs}
    assert len(without) > 150
    assert set(without) - set(with_filter) == set(), "events lost by the prefilter"
    same = sum(with_filter[k] == without[k] for k in without)
    print(f"prefilter: {len(without)} events without it, all found with it; {same} identical in every field, "
          f"{len(with_filter) - len(without)} more with it")
    assert same >= 0.9 * len(without)


def test_a_verb_whose_patterns_all_name_an_object_keeps_a_sentence_only_beside_one(kb):
    """The compiled lexicon has "besiege +stronghold,fort,...": "besieged" alone is not a trigger."""
    prefilter = Prefilter(kb, load_lexicon(), {})
    for text, kept in (("Syrian troops besieged the rebel stronghold.", 1),
                       ("Syrian reporters besieged the minister with questions.", 0)):
        assert len(prefilter.keep(text, split_sentences(text))) == kept, text


def test_irregular_forms_come_from_the_models_lemmatizer(pipeline):
    """"laid" is "lay": the pipeline's prefilter knows the model's irregular verbs, with no list of our own."""
    for text in ("The rebels laid down their arms.", "Government troops withdrew from the town.", "The envoys met in Doha."):
        assert len(pipeline.prefilter.keep(text, split_sentences(text))) == 1, text
