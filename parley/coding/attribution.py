"""Attribution: who says an event happened ("officials said", "according to TASS",
"reported by TASS with reference to the ROK Ministry of Foreign Affairs", "a source from the
ministry highlighted that ...")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Actor, Attribution

__all__ = ["sayer_kind", "attributions_in", "reporting_ancestor", "sentence_sources", "unique_sources"]

SOURCE_NOUNS = frozenset({"source", "witness", "resident", "observer", "insider", "diplomat", "analyst", "local"})
OFFICIAL_NOUNS = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "authority", "ministry",
                            "government", "police", "military", "army", "office", "officer", "minister"})
MEDIA_NOUNS = frozenset({"newspaper", "agency", "paper", "daily", "television", "radio", "broadcaster",
                         "media", "report", "website", "outlet", "channel", "tv"})
REPORTING_PREPS = (("according", "to"), ("with", "reference"), ("citing", None), ("quoting", None))


def sayer_kind(head: Token, actor: Actor | None) -> str:
    lemma = head.lemma_.lower()
    if actor is not None and actor.sector == "MED":
        return "media"
    if lemma in MEDIA_NOUNS:
        return "media"
    if lemma in SOURCE_NOUNS:
        return "source"
    if actor is not None and actor.kind == "person":
        return "person"
    if lemma in OFFICIAL_NOUNS or (actor is not None and actor.sector in {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}):
        return "official"
    if actor is not None and actor.kind == "organisation":
        return "organisation"
    return "source"


def _phrase(head: Token) -> Span:
    """The sayer's words: the head with its modifiers and its of/from/at attachments."""
    keep = [head]
    for c in head.children:
        if c.dep_ in {"det", "amod", "compound", "nummod", "poss", "nmod", "case", "quantmod"} or (
                c.dep_ == "prep" and c.lower_ in {"of", "from", "at", "in", "for", "with"}):
            keep.extend(c.subtree)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    return head.doc[lo:hi + 1]


def _attribution(head: Token, heads: dict[int, tuple[Actor, ...]]) -> Attribution:
    actors = heads.get(head.i, ())
    span = _phrase(head)
    actor = actors[0] if actors else None
    return Attribution(text=span.text, kind=sayer_kind(head, actor), start=span.start_char, end=span.end_char,
                       country=actor.country if actor else None)


def reporting_ancestor(tok: Token, is_report: "callable") -> Token | None:
    """The reporting verb whose complement holds ``tok`` ("officials said [X attacked Y]",
    "[X attacked Y], officials said"). A verb like "add" only reports when it takes a clause."""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 8:
        if t.dep_ in {"ccomp", "parataxis"} and is_report(t.head):
            return t.head
        t = t.head
        steps += 1
    for c in t.children:  # the clause root: "X did Y, officials said" parsed with "said" below it
        if c.dep_ == "parataxis" and is_report(c):
            return c
    return None


def attributions_in(anchor: Token, heads: dict[int, tuple[Actor, ...]], is_report: "callable") -> list[Attribution]:
    """Everyone the sentence credits for the event at ``anchor``."""
    out: list[Attribution] = []
    verb = reporting_ancestor(anchor, is_report)
    if verb is not None:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.pos_ != "PRON":
            out.append(_attribution(subj, heads))
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None:
                out.append(_attribution(obj, heads))
    out.extend(sentence_sources(anchor.sent, heads))
    return unique_sources(out)


def unique_sources(items: list[Attribution]) -> list[Attribution]:
    """Each source once, by its words, in the order first named."""
    seen, out = set(), []
    for a in items:
        if a.text not in seen:
            seen.add(a.text)
            out.append(a)
    return out


def sentence_sources(sent: Span, heads: dict[int, tuple[Actor, ...]]) -> list[Attribution]:
    """Sources a sentence names anywhere: "according to X", "reported by X", "with reference to X"."""
    out = []
    for tok in sent:
        low = tok.lower_
        if low == "according" and (nxt := _next(tok)) is not None and nxt.lower_ == "to":
            obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if obj is not None:
                out.append(_attribution(obj, heads))
        elif low == "reference" and tok.head.lower_ == "with":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                out.append(_attribution(obj, heads))
        elif tok.lemma_ in {"report", "cite", "quote"} and tok.tag_ == "VBN":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                out.append(_attribution(obj, heads))
        elif low in {"citing", "quoting"}:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                out.append(_attribution(obj, heads))
    return out


def _next(tok: Token) -> Token | None:
    return tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
