"""Actors: the knowledge base (kb, compiled, user), the resolver, and the pipeline component."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Actor

__all__ = ["phrase_actor", "phrase_actors"]


def phrase_actors(doc: Doc) -> tuple[Actor, ...]:
    """Every actor a standalone phrase names: "Russia and China" is two."""
    first = phrase_actor(doc)
    if first is None:
        return ()
    heads = doc._.actor_heads or {}
    head = next((i for i, acts in heads.items() if first in acts), None)
    if head is None:
        return (first,)
    out = list(heads[head])
    for c in doc[head].conjuncts:
        for a in heads.get(c.i, ()):
            if a not in out:
                out.append(a)
    return tuple(out)


def phrase_actor(doc: Doc) -> Actor | None:
    """The actor a standalone phrase names ("Armenian Prime Minister Nikol Pashinyan"): the one
    resolved at the phrase's root, else the one covering most of the text."""
    heads = doc._.actor_heads or {}
    if not heads:
        return None
    roots = [s.root.i for s in doc.sents]
    for r in roots:
        if r in heads and len(heads[r]) == 1:
            return heads[r][0]
    best = max(heads.items(), key=lambda kv: (max(a.end - a.start for a in kv[1]), -kv[0]))
    return best[1][0]
