"""Who is actor and who is recipient of an event, read off the dependency parse.

Functions here take the trigger's tokens and the document's resolved actor heads
(``Doc._.actor_heads``) and return the actors in each role with a short note of where they
came from, which ``--explain`` shows.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..model import Actor

__all__ = ["Found", "actors_of", "subject_of", "recipient_of", "owner_of", "participants_between", "is_passive"]

Heads = dict[int, tuple[Actor, ...]]
Found = tuple[tuple[Actor, ...], str]  # actors, and how they were found

# Prepositions that introduce a recipient, in the order they are preferred.
RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "at", "toward", "towards", "into", "for", "over", "from")
SUBJECT_DEPS = {"nsubj", "csubj"}
OWNER_PREPS = ("by", "of", "from")
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
# "the talks, reported by TASS": the reporter is a source, not the owner of the event
REPORT_LEMMAS = {"report", "cite", "quote", "say", "announce", "describe", "mention", "see", "note"}


def actors_of(tok: Token | None, heads: Heads) -> tuple[Actor, ...]:
    """The actors of a noun phrase and of the phrases coordinated with it."""
    if tok is None:
        return ()
    out: list[Actor] = list(heads.get(tok.i, ()))
    for c in tok.conjuncts:
        if c.i > tok.i or tok.dep_ == "conj":
            for a in heads.get(c.i, ()):
                if a not in out:
                    out.append(a)
    return tuple(out)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _child(tok: Token, deps: Iterable[str]) -> Token | None:
    deps = set(deps)
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    return _child(prep, {"pobj", "pcomp"})


def subject_of(verb: Token, heads: Heads, depth: int = 0) -> Found:
    """The actor of a verb: its subject, the agent of a passive, or the subject it inherits."""
    if depth > 6:
        return (), ""
    if is_passive(verb):
        agent = _child(verb, {"agent"})
        obj = _pobj(agent) if agent is not None else None
        return (actors_of(obj, heads), "passive agent") if obj is not None else ((), "")
    subj = _child(verb, SUBJECT_DEPS)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return owner_of(verb.head, heads, depth + 1), "relative clause"
        found = actors_of(subj, heads)
        if found:
            return found, "subject"
        # "the statements of X", "North Korea's statements": the subject's owner acts
        owned = owner_of(subj, heads, depth + 1)
        return (owned, "subject's owner") if owned else ((), "")
    # controlled or shared subjects: "X agreed to meet", "X met Y and signed"
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
        found, how = subject_of(verb.head, heads, depth + 1)
        if found:
            return found, how if how.startswith("inherited") else f"inherited ({how})"
    if verb.dep_ in {"acl", "relcl"}:
        return owner_or_self(verb.head, heads, depth + 1), "modified noun"
    return (), ""


def owner_or_self(noun: Token, heads: Heads, depth: int = 0) -> tuple[Actor, ...]:
    return actors_of(noun, heads) or owner_of(noun, heads, depth)


def owner_of(noun: Token, heads: Heads, depth: int = 0) -> tuple[Actor, ...]:
    """Who a noun belongs to: "North Korea's statements", "calls by Annan", "an offer from Kabul"."""
    if depth > 6:
        return ()
    poss = _child(noun, {"poss"})
    if poss is not None and (found := actors_of(poss, heads)):
        return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS:
            obj = _pobj(prep)
            if obj is not None and (found := actors_of(obj, heads)):
                return found
    agent = _child(noun, {"acl"})
    if agent is not None and is_passive_participle(agent) and agent.lemma_ not in REPORT_LEMMAS:
        by = next((c for c in agent.children if c.dep_ == "agent"), None)
        if by is not None and (found := actors_of(_pobj(by), heads)):
            return found
    return ()


def is_passive_participle(tok: Token) -> bool:
    return tok.tag_ == "VBN"


def recipient_of(anchor: Token, noun: Token | None, heads: Heads, particle: str | None) -> Found:
    """The recipient: passive subject, object, dative, or the object of a recipient preposition."""
    if anchor.pos_ in {"VERB", "AUX"} and is_passive(anchor):
        subj = _child(anchor, {"nsubjpass"})
        if subj is not None and (found := owner_or_self(subj, heads)):
            return found, "passive subject"
    if particle:
        for host in (anchor, noun):
            if host is None:
                continue
            for prep in host.children:
                if prep.lower_ == particle.split()[-1] and prep.dep_ in {"prep", "prt", "dative"}:
                    if (found := actors_of(_pobj(prep), heads)):
                        return found, f"'{particle}' object"
    if noun is None and anchor.pos_ in {"VERB", "AUX"}:
        obj = _child(anchor, {"dobj", "dative", "attr"})
        if obj is not None and (found := owner_or_self(obj, heads)):
            return found, "object"
    hosts = [h for h in (noun, anchor) if h is not None]
    for prep_word in RECIPIENT_PREPS:
        for host in hosts:
            for prep in host.children:
                if prep.dep_ in {"prep", "dative"} and prep.lower_ == prep_word:
                    if (found := actors_of(_pobj(prep), heads)):
                        return found, f"'{prep_word}' object"
    if noun is not None and anchor.i != noun.i:
        dat = _child(anchor, {"dative"})
        if dat is not None and (found := actors_of(dat, heads)):
            return found, "dative"
    return (), ""


def participants_between(noun: Token, heads: Heads) -> tuple[Actor, ...]:
    """"talks between X and Y", "cooperation among X, Y and Z": all the parties."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"between", "among", "amongst"}:
            obj = _pobj(prep)
            if obj is not None:
                found = actors_of(obj, heads)
                if found:
                    return found
    return ()
