"""Factuality: did the event happen, is it reported, intended, conditional, or denied?

PLOVER's rules for unrealised events are applied here, in one table: cooperation announced
for the future is AGREE, conflict announced or made conditional is THREATEN, and refusing
to cooperate ("would not meet the demands", "failed to reach agreement") is REJECT.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

__all__ = ["Modality", "modality", "recode"]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "should", "must", "can", "ca"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
TIME_MARKS = frozenset({"when", "once", "until", "till", "after", "before"})
FUTURE_ADJ = frozenset({"future", "upcoming", "planned", "proposed", "scheduled", "forthcoming", "possible",
                        "potential", "prospective", "expected", "likely"})
NEGATION_WORDS = frozenset({"not", "n't", "never", "no"})
NO_ONE = frozenset({"neither", "none", "nobody", "nothing"})
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
DENY_VERBS = frozenset({"deny"})  # "denied backing the rebels", "denied that its forces fired"
# "the rebels usually take hours to claim their attacks": a habit, not an event that happened
HABITUAL = frozenset({"usually", "often", "typically", "routinely", "regularly", "frequently", "generally",
                      "normally", "sometimes", "seldom", "rarely"})

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})

# category (+ mode) announced for the future → (category, CAMEO)
FUTURE_AS: dict[str, tuple[str, str]] = {
    "CONSULT": ("AGREE", "036"), "SUPPORT": ("AGREE", "032"), "COOPERATE": ("AGREE", "031"),
    "AID": ("AGREE", "033"), "RETREAT": ("AGREE", "035"),
    "ASSAULT": ("THREATEN", "138"), "MOBILIZE": ("THREATEN", "138"), "PROTEST": ("THREATEN", "133"),
    "SANCTION": ("THREATEN", "131"), "COERCE": ("THREATEN", "130"),
}
THREAT_BY_MODE = {"curfew": "1323", "martial-law": "1324", "ban": "1322", "withdraw": "1313",
                  "discontinue": "1311", "restrict": "1312", "expel": "136"}
REFUSAL_AS: dict[str, tuple[str, str, str | None]] = {
    "CONSULT": ("REJECT", "125", "meet"), "AGREE": ("REJECT", "120", None), "SUPPORT": ("REJECT", "120", None),
    "COOPERATE": ("REJECT", "121", "assist"), "AID": ("REJECT", "122", "assist"),
    "RETREAT": ("REJECT", "124", "yield"), "CONCEDE": ("REJECT", "124", "yield"),
}

# what is refused to be yielded, by the CAMEO code of the yielding (08x) → CAMEO 124x and its PLOVER mode
REFUSED_YIELD = {"081": ("1241", "change"), "082": ("1242", "change"), "084": ("1243", "yield"),
                 "085": ("1244", "yield"), "086": ("1245", "yield"), "087": ("1246", "yield")}


@dataclass(frozen=True)
class Modality:
    factuality: str  # asserted, reported, future, hypothetical, negated
    conditional: bool
    refusal: bool  # negated and intended: "would not", "failed to"
    cue: str


def _aux_words(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _negated(verb: Token) -> bool:
    """"did not sign", "never met", and a subject no one is: "Neither Egypt nor Ethiopia has
    signed", "No country has recognised", "None of the parties attended"."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(c.dep_ == "neg" or (c.lower_ in NEGATION_WORDS and c.dep_ in {"advmod", "det"})
               for c in verb.children) or any(
        s.lower_ in NO_ONE or any(c.dep_ in {"preconj", "det"} and c.lower_ in {"neither", "no"} for c in s.children)
        for s in subjects)


def _inverted(verb: Token) -> bool:
    """"Had Washington eased the embargo a decade earlier, ...": a condition without "if", its
    auxiliary before its subject."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return verb.dep_ == "advcl" and subj is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "were", "should"} and c.i < subj.i for c in verb.children)


def modality(anchor: Token, noun: Token | None, reported: bool) -> Modality:
    """Read modality off the trigger's clause and the verbs that govern it."""
    chain = [anchor]
    t = anchor
    while t.dep_ in {"xcomp", "conj"} and t.head.i != t.i and len(chain) < 5:
        t = t.head
        chain.append(t)
    aux = set().union(*(_aux_words(v) for v in chain))
    denied = any(v.dep_ in {"xcomp", "ccomp"} and v.head.lemma_.lower() in DENY_VERBS for v in chain)
    negated = any(_negated(v) for v in chain) or denied
    failed = any(v.lemma_.lower() in FAIL_VERBS and v.i != anchor.i for v in chain)
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in c.children)
        for v in chain for c in v.children)
    in_condition = anchor.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS for m in anchor.children) or _inverted(anchor)
    # "the operation would end only when the rebels laid down their arms": a time clause under
    # what will or would happen has not happened either
    in_condition = in_condition or (anchor.dep_ == "advcl" and any(
        m.dep_ in {"mark", "advmod"} and m.lower_ in TIME_MARKS for m in anchor.children) and bool(
        _aux_words(anchor.head) & (FUTURE_AUX | HYPOTHETICAL_AUX | {"would"})))
    future_word = bool(aux & FUTURE_AUX) or ("would" in aux and reported) or _going_to(chain)
    hypothetical = bool(aux & HYPOTHETICAL_AUX) or ("would" in aux and not reported) or in_condition
    if noun is not None and any(c.lower_ in FUTURE_ADJ for c in noun.children if c.dep_ == "amod"):
        future_word = True
    if negated or failed:
        refusal = failed or future_word or "would" in aux or bool(aux & {"can", "ca", "could"})
        return Modality("negated", conditional, refusal, "refused" if failed else "negation")
    if in_condition:
        return Modality("hypothetical", False, False, "condition")
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for v in (anchor, *anchor.ancestors) for c in v.children):
        return Modality("hypothetical", False, False, "habitual")
    if hypothetical:
        return Modality("hypothetical", conditional, False, "modal")
    if future_word or conditional:
        return Modality("future", conditional, False, _condition_word(chain) if conditional else "future")
    return Modality("reported" if reported else "asserted", False, False, "")


def _condition_word(chain: list[Token]) -> str:
    for v in chain:
        for c in v.children:
            if c.dep_ == "advcl":
                for m in c.children:
                    if m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS:
                        return m.lower_
    return "conditional"


def _going_to(chain: list[Token]) -> bool:
    return any(v.lemma_ == "go" and v.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in v.children)
               for v in chain)


def recode(category: str, cameo: str, mode: str | None, m: Modality) -> tuple[str, str, str | None, str]:
    """PLOVER's category for an unrealised event, and its factuality after recoding."""
    if m.factuality == "negated":
        if m.refusal and category in REFUSAL_AS:
            cat, code, new_mode = REFUSAL_AS[category]
            if category in {"RETREAT", "CONCEDE"}:  # "will not end the strike": refuses to ease dissent, 1242
                code, new_mode = REFUSED_YIELD.get(cameo[:3], (code, new_mode))
            return cat, code, new_mode, "asserted"
        return category, cameo, mode, "negated"
    if m.factuality == "future":
        if m.conditional and m.cue == "unless" and category not in {"THREATEN", "REQUEST", "ACCUSE", "REJECT"}:
            # "will withdraw its force unless ...": a condition imposed is a threat
            return "THREATEN", "139", None, "future"
        if category in FUTURE_AS:
            cat, code = FUTURE_AS[category]
            if cat == "THREATEN":
                code = THREAT_BY_MODE.get(mode or "", code)
            return cat, code, None if cat == "AGREE" else mode, "future"
        return category, cameo, mode, "future"
    if m.factuality == "hypothetical" and category in CONFLICT:
        # "may halt mediation if ...": a conditional warning is a threat that was made
        cat, code = FUTURE_AS[category]
        return cat, THREAT_BY_MODE.get(mode or "", code), mode, "asserted" if m.conditional else "hypothetical"
    return category, cameo, mode, m.factuality
