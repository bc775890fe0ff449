"""Where in the parse a trigger's other clauses are: what a request asks for, what a gift's
arrival says, the purpose a verb serves, the verb a noun belongs to, an attack told beside a harm.
Pure functions of the parse, shared by the coder's rules (component.py)."""
from __future__ import annotations

from spacy.tokens import Token

from ..model import Actor
from .roles import Heads, actors_of
from .triggers import Hit, child_dep, marked_clause, takes_place

__all__ = ["ARRIVALS", "DEFINITE", "FORCE", "HAZARDS", "OCCURRENCES", "arrival_of", "demanded_clause", "family",
           "governing_verb", "happened", "infinitive", "mutual", "natural_cause", "purpose_clauses", "purpose_place",
           "same_attack"]

# force, used or suffered: one family for judgements and merges ("struck ... condemned the raids")
FORCE = frozenset({"ASSAULT", "COERCE"})
# determiners of a noun that refers back to an event already told ("the strike", "these attacks")
DEFINITE = frozenset({"the", "this", "these", "those", "such"})
# verbs saying that something given reached its destination
ARRIVALS = frozenset({"arrive", "reach", "land"})
# verbs saying that their subject happened ("the fighting took place in Jableh", "clashes broke out")
OCCURRENCES = frozenset({"occur", "happen", "erupt", "rage", "unfold", "resume", "continue", "intensify"})


def family(category: str) -> frozenset[str]:
    """The categories an antecedent of ``category`` may have: force counts as one ("struck ...
    condemned the raids", "the strike ... the raid took place")."""
    return FORCE if category in FORCE else frozenset({category})


def infinitive(verb: Token) -> bool:
    """"to denounce", "to fight the epidemic": a verb with its "to" (a purpose, not a finite clause)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def happened(noun: Token | None) -> bool:
    """The event noun is the subject of a verb saying it happened: "the strike took place in
    Doha", "heavy fighting broke out", "clashes erupted" (force reported with no one named)."""
    if noun is None or noun.dep_ != "nsubj":
        return False
    verb, lemma = noun.head, noun.head.lemma_.lower()
    particle = child_dep(verb, "prt")
    return lemma in OCCURRENCES or (lemma == "break" and particle is not None and particle.lower_ == "out") or (
        takes_place(verb))


def arrival_of(anchor: Token) -> Token | None:
    """The verb of arrival whose subject a giving participle describes ("the launchers supplied
    by the US have arrived in Ukraine"), if any."""
    thing = anchor.head if anchor.dep_ == "acl" else None
    while thing is not None and thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head.i != thing.i:
        thing = thing.head.head  # "a consignment of 200,000 doses of the vaccine donated by China"
    verb = thing.head if thing is not None and thing.dep_ in {"nsubj", "nsubjpass"} else None
    return verb if verb is not None and verb.lemma_.lower() in ARRIVALS else None


def demanded_clause(hit: Hit) -> Token | None:
    """The clause a request asks for: the verb's complement ("demanded that X leave"), or the
    clause of its noun ("repeated its demand that X leave", "renewed its call for X to leave")."""
    if (clause := child_dep(hit.anchor, "ccomp")) is not None:
        return clause
    return marked_clause(hit.noun, {"that", "for"}) if hit.noun is not None else None


def purpose_clauses(anchor: Token) -> list[Token]:
    """Clauses of purpose on the verb or on what it gives ("announced aid of $60m to help X")."""
    found = [c for c in anchor.children if c.dep_ in {"advcl", "xcomp"}]
    for obj in anchor.children:
        if obj.dep_ == "dobj":
            found += [c for t in obj.subtree for c in t.children if c.dep_ in {"acl", "relcl", "advcl"}]
    return found


def governing_verb(noun: Token) -> Token:
    """The verb a noun is an argument of ("may lead to closer cooperation" → "lead")."""
    t, steps = noun, 0
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"} and steps < 6:
        t = t.head
        steps += 1
    return t if t.pos_ in {"VERB", "AUX"} else noun


def same_attack(hit: Hit, hits: list[Hit]) -> Hit | None:
    """An attack told in a clause of the same moment ("as", "when", "while") below a harm no one
    is named for, or named by the noun it happened "in" ("were killed in Israeli air strikes")."""
    for h in hits:
        if h is hit or h.trigger.category != "ASSAULT":
            continue
        clause = h.anchor
        below = clause.dep_ == "advcl" and clause.head.i == hit.anchor.i
        if below and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"as", "when", "while"} for c in clause.children):
            return h
        noun = h.noun if h.noun is not None else h.token
        if h.nominal and noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during"} and noun.head.head.i == hit.anchor.i:
            return h
    return None


# what kills and destroys without anyone acting: a verb with one of these as its cause is no event
# ("a typhoon struck northern China", "cholera has killed 200 people", "killed by floods"); not
# "explosion", which is often a bomb's, nor "fire" ("Israeli fire killed two men")
HAZARDS = frozenset({"typhoon", "hurricane", "cyclone", "storm", "earthquake", "quake", "flood", "flooding", "tsunami",
                     "landslide", "mudslide", "wildfire", "blaze", "drought", "famine", "avalanche", "tornado",
                     "heatwave", "eruption", "lightning", "disease", "outbreak", "epidemic", "pandemic", "virus",
                     "cholera", "ebola", "malaria", "measles", "covid", "covid-19", "coronavirus", "accident", "crash",
                     "collapse"})


def natural_cause(verb: Token) -> bool:
    """Whether a verb's subject or passive agent (or that of the verb it depends on) is a hazard."""
    causes = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if verb.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in causes):
        causes.append(verb.head)  # "a wildfire in Greece that killed 16 people"
    causes += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in verb.children):  # "were killed in an earthquake", "in a crash"
        causes += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                   if o.dep_ == "pobj"]
    if not causes and verb.dep_ in {"advcl", "conj", "xcomp"} and verb.head.i != verb.i:
        return natural_cause(verb.head)  # "a typhoon struck northern China, killing 400 people"
    return any(c.lemma_.lower() in HAZARDS or c.lower_ in HAZARDS for c in causes)


def purpose_place(clauses: list[Token], heads: Heads) -> tuple[Actor, ...]:
    """"aid to fight the Ebola epidemic in West Africa", "a ceasefire initiative to halt the
    fighting in Yemen": with no one named, the place the act's purpose lies in is whom it concerns
    (not a place that describes someone in it: "to free X, a nurse detained in Nicaragua")."""
    for clause in clauses:
        if not infinitive(clause):
            continue  # a purpose is an infinitive: not "a painting that was stolen in Manhattan"
        for t in clause.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in {"in", "across", "throughout"} \
                    and not _described(t, clause):
                found = actors_of(t, heads)
                if found and all(a.kind in {"state", "place"} for a in found):
                    return found
    return ()


def _described(tok: Token, clause: Token) -> bool:
    """Whether ``tok`` sits in an apposition or relative clause below ``clause``."""
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.dep_ in {"appos", "relcl"}:
            return True
        tok = tok.head
    return False


def mutual(verb: Token) -> bool:
    """The verb's object is "each other" or "one another": its coordinated subjects act on each
    other ("the army and the RSF accused each other")."""
    doc = verb.doc
    return any(c.dep_ == "dobj" and {doc[max(c.i - 1, 0):c.i + 1].text.lower(), doc[c.i:c.i + 2].text.lower()} & {
        "each other", "one another"} for c in verb.children)
