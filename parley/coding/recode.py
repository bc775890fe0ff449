"""Category recodes: when the clause around a trigger says the event is of another category.

A trigger gives a first reading (category, CAMEO code, mode); these rules change it from what
the clause shows: who acts (protesters' force is a riot; states strike, workers protest), what
the trigger governs (an order of force is the force; cooperation intended is AGREE, conflict
intended is THREATEN) and what the event noun is (one side's drills are a mobilisation). Each
rule notes its change in ``explain["event"]``. Unrealised events are recoded in factuality.py.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Actor
from .lexicon import Lexicon, Trigger
from .triggers import Hit

__all__ = ["Reading", "CONFLICT_CATEGORIES", "by_protesters", "by_drills", "by_complement", "by_actor", "by_aim"]

Reading = tuple[str | None, str | None, str | None]  # category, CAMEO code, mode

CONFLICT_CATEGORIES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
# Who protests: their force against property or police is a riot, their occupation an obstruction.
PROTESTER_HEADS = frozenset({"protester", "demonstrator", "rioter", "youth", "student", "activist", "supporter",
                             "crowd", "mob", "marcher", "striker", "worker", "farmer", "opponent"})
ARMED = frozenset({"GOV", "MIL", "REB", "UAF", "IMG", "COP", "SPY"})
# what an intended (promised, agreed) act of cooperation is, as CAMEO's AGREE codes
INTENDED_AS = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "RETREAT": "035", "CONCEDE": "035", "SUPPORT": "032"}


def by_protesters(reading: Reading, trig: Trigger, actor: tuple[Actor, ...], sent: Span,
                  explain: dict[str, str]) -> Reading:
    """Force used by protesters ("protesters stormed parliament") is a riot, their seizing or
    blocking an obstruction: PLOVER codes both as PROTEST, not as the state's COERCE or ASSAULT."""
    category = reading[0]
    if category in {"COERCE", "ASSAULT"} and actor and all(_protester(a, sent) for a in actor):
        riot = category == "ASSAULT" or trig.mode in {"seize", "cyber"}
        explain["event"] += " (protesters' action: PROTEST)"
        return ("PROTEST", "145", "riot") if riot else ("PROTEST", "144", "obstruct")
    return reading


def by_drills(reading: Reading, noun: Token | None, actor: tuple[Actor, ...], reciprocal: bool) -> Reading:
    """One side's drills, exercises or patrols raise its readiness (MOBILIZE); only joint ones, or
    those of several parties, are cooperation."""
    joint = noun is not None and (reciprocal or len(actor) > 1 or any(c.lower_ == "joint" for c in noun.children))
    if reading[0] == "COOPERATE" and noun is not None and noun.lemma_ in {"drill", "exercise"} and not joint:
        return "MOBILIZE", "152", "troops"
    if reading[0] == "MOBILIZE" and noun is not None and noun.lemma_ in {"patrol", "drill", "exercise"} and joint:
        return "COOPERATE", "062", None  # "a joint patrol": military cooperation
    return reading


def by_complement(reading: Reading, trig: Trigger, complement: Hit | None, explain: dict[str, str]) -> Reading:
    """A governing trigger read with the trigger it governs: an order of force is the force ("ordered
    the paper to suspend publication"); cooperation intended is AGREE, conflict intended THREATEN,
    a vow not to cooperate REJECT, and preparing conflict MOBILIZE (PLOVER's unrealised events)."""
    category, cameo, mode = reading
    if complement is None:
        return reading
    comp = complement.trigger
    if trig.has("enact") and comp.category in {"COERCE", "ASSAULT", "MOBILIZE", "SANCTION"}:
        category, cameo, mode = comp.category, comp.cameo, comp.mode
        explain["event"] += f" enacting '{comp.pattern}'"
    if trig.has("intent") and _negated_verb(complement.anchor) and comp.category not in CONFLICT_CATEGORIES:
        explain["event"] += f" with negated complement '{comp.pattern}'"
        return "REJECT", "120", None  # "vowed not to return the Golan Heights"
    if trig.has("prepare") and comp.category in CONFLICT_CATEGORIES:
        explain["event"] += f" preparing '{comp.pattern}'"
        return "MOBILIZE", "150", None  # "the army prepared to resume shelling"
    if trig.has("intent") and not trig.has("sym") and comp.category in CONFLICT_CATEGORIES:
        explain["event"] += f" with conflict complement '{comp.pattern}'"  # "X and Y agreed to patrol": still AGREE
        return "THREATEN", "130", comp.mode
    if trig.has("intent") and category == "AGREE":
        cameo = INTENDED_AS.get(comp.category or "", cameo)
    return category, cameo, mode


def by_actor(lexicon: Lexicon, reading: Reading, hit: Hit, actor: tuple[Actor, ...], proba: dict[str, float],
             explain: dict[str, str]) -> Reading:
    """Words shared by two categories ("strike", "blockade"): states and forces strike, civilians
    protest; when the actor does not settle it, the classifier's likelier reading wins."""
    category = reading[0]
    others = [t for t in lexicon.candidates(hit.trigger.kind, hit.trigger.lemma)
              if t.category and t.category != category and t.pattern == hit.trigger.pattern]
    if not others:
        return reading
    # states, forces and armed groups strike; nurses, teachers and workers protest; an actor of no
    # known sector ("Israeli jets") settles nothing: then the classifier's likelier reading
    if actor and all(a.sector or a.kind == "state" for a in actor):
        civil = all(a.sector not in ARMED and a.kind != "state" for a in actor)
        for alt in others:
            if (alt.category == "PROTEST") == civil and (category == "PROTEST") != civil:
                explain["event"] += f" (read as {alt.category}: {'civilian' if civil else 'state or armed'} actor)"
                return alt.category, alt.cameo, alt.mode
        return reading
    best = max(others, key=lambda t: proba.get(t.category or "", 0.0))
    if proba.get(best.category or "", 0.0) > proba.get(category or "", 0.0):
        explain["event"] += f" (read as {best.category}: classifier)"
        return best.category or category, best.cameo or reading[1], best.mode
    return reading


def _protester(actor: Actor, sent: Span) -> bool:
    """An actor whose words say it protests: protesters, demonstrators, youths, strikers."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and actor.kind != "state" and span.root.lemma_.lower() in PROTESTER_HEADS | {
        "anti-government"} or (span is not None and any(t.lower_ in {"anti-government", "protesting"} for t in span))


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in verb.head.children if verb.dep_ == "xcomp" and c.i > verb.head.i)


def by_aim(reading: Reading, trig: Trigger, recipient: tuple[Actor, ...], explain: dict[str, str]) -> Reading:
    """Weapons fired or launched: an attack on the party they are aimed at ("fired rockets into
    Israel"); aimed at nobody ("fired a ballistic missile into the sea"), a show of force."""
    if trig.has("aim") and any(r.code() or r.sector for r in recipient):
        explain["event"] += " (aimed at a party: ASSAULT)"
        return "ASSAULT", "195", "aerial"
    return reading
