"""Stage contracts, as spaCy's own factories keep them: every parley component declares all it
assigns and requires, what it requires is assigned before it, and the README's diagram is the
pipeline that loads."""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from conftest import ROOT

# a text that reaches every stage: actors, triggers, a reported source, a date, a place, a merge
TEXT = ("On Monday the French foreign minister met her Japanese counterpart in Tokyo, the ministry said. "
        "The two ministers met again on Tuesday. Police arrested 12 protesters in Paris.")


def parley_pipes(nlp) -> list[str]:
    return [name for name in nlp.pipe_names if name.startswith("parley_")]


def test_analyze_pipes_finds_no_unmet_requirement(pipeline):
    analysis = pipeline.nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in pipeline.nlp.pipe_names}, analysis["problems"]


def test_every_parley_component_declares_what_it_assigns_and_requires(pipeline):
    nlp = pipeline.nlp
    for name in parley_pipes(nlp):
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, f"{name} declares nothing it assigns"
        assert meta.requires, f"{name} declares nothing it requires"


def test_no_component_writes_an_attribute_it_does_not_declare(pipeline):
    """Run the pipeline one component at a time and see which Doc._ attributes each one writes."""
    nlp = pipeline.nlp
    from parley.model import Document

    doc = pipeline.make_doc(Document("contract", TEXT, date(2025, 3, 12)))
    for name, proc in nlp.pipeline:
        before = _extensions(doc)
        doc = proc(doc)
        after = _extensions(doc)
        written = {f"doc._.{k}" for k in after if k not in before or after[k] is not before[k]}
        declared = set(nlp.get_pipe_meta(name).assigns)
        if name.startswith("parley_"):
            assert written <= declared, f"{name} writes {sorted(written - declared)} without declaring it"
    assert doc._.events, "the text reaches every stage: it has events"


def _extensions(doc: Doc) -> dict[str, object]:
    """Doc._ values set on this doc (spaCy keeps them in user_data under ('._.', name, ...))."""
    return {key[1]: value for key, value in doc.user_data.items() if isinstance(key, tuple) and key[0] == "._."}


def test_the_readme_diagram_is_the_pipeline_that_loads(pipeline):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    diagram = text.split("## How it works", 1)[1].split("```", 2)[1]
    drawn = re.findall(r"\b(tokenizer|tok2vec|tagger|parser|ner|attribute_ruler|lemmatizer|parley_\w+)\b", diagram)
    assert drawn == ["tokenizer", *pipeline.nlp.pipe_names]
