"""Trigger words of a sentence, and which of them are events of their own.

:class:`Triggers` finds the lexicon's triggers (``data/triggers.tsv``) in a sentence: verbs (with
their particles and required objects), light verbs with an event noun ("held talks"), event
nouns, adjectives with a complement ("ready to"), and statements of what a party must do. It then
keeps the ones that are not the content of another trigger ("accused the US of preparing for
war" is one ACCUSE, not an ACCUSE and a war). The coder (component.py) makes events of the rest.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..time.phrases import MONTHS, WEEKDAYS
from .lexicon import OBLIGATION, Lexicon, Trigger

__all__ = ["Hit", "Triggers", "verb_lemmas", "child_dep"]

# Dependencies through which a trigger is the content of the trigger above it.
CONTENT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "ccomp", "acomp", "attr", "compound", "amod", "nmod",
                          "poss", "pcomp", "oprd", "dative", "npadvmod", "appos", "acl", "nsubjpass"})
# A trigger under one of these is background to the sentence's event ("after fierce fighting").
BACKGROUND_PREPS = frozenset({"after", "following", "before", "amid", "despite", "since", "during", "because",
                              "like", "than", "under"})
BACKGROUND_MARKS = frozenset({"after", "before", "since", "as", "while", "until", "because", "although", "though"})
# verbs that state an obligation ("reiterated that Libya must ..."; the modals: lexicon.OBLIGATION)
INSIST_LEMMAS = frozenset({"insist", "reiterate", "stress", "repeat", "argue", "maintain", "tell"})


@dataclass(frozen=True)
class Hit:
    """A trigger found in a sentence: the token that anchors its clause, the trigger entry,
    and the event noun when the event is named by a noun ("held talks", "the talks")."""

    anchor: Token
    trigger: Trigger
    noun: Token | None
    light: Token | None = None  # the light verb in "held talks"

    @property
    def token(self) -> Token:
        return self.noun if self.noun is not None else self.anchor

    @property
    def nominal(self) -> bool:
        """Named by a noun alone ("the talks"), not by a verb or a light verb with its noun."""
        return self.noun is not None and self.light is None


class Triggers:
    """The lexicon's triggers in a sentence (read-only after construction)."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def is_report(self, tok: Token) -> bool:
        return tok.pos_ in {"VERB", "AUX"} and any(t.has("report") for t in self.lexicon.candidates("verb", tok.lemma_.lower()))

    def find(self, sent: Span) -> list[Hit]:
        """Every trigger of the sentence, in reading order."""
        hits: list[Hit] = []
        used_nouns: set[int] = set()
        for tok in sent:
            verbal = tok.pos_ == "NOUN" and (tok.tag_.startswith("VB") or _predicate(tok))
            if tok.pos_ in {"VERB", "AUX"} or verbal:
                hit = self._verb_hit(tok)
                if hit is not None:
                    hits.append(hit)
                    if hit.noun is not None:
                        used_nouns.add(hit.noun.i)
            elif tok.pos_ == "ADJ":
                hit = self._adj_hit(tok)
                if hit is not None:
                    hits.append(hit)
        for tok in sent:
            if tok.pos_ in {"NOUN", "PROPN"} and tok.i not in used_nouns:
                trig = self._noun_trigger(tok)
                if trig is not None:
                    hits.append(Hit(tok, trig, tok))
        return sorted(hits, key=lambda h: h.anchor.i)

    def _hyphened_trigger(self, tok: Token) -> Trigger | None:
        """The last word of a hyphenated noun the lexicon lists whole ("cease-fire"); a noun
        inside a hyphenated modifier ("war-torn") names no event."""
        word = joined(tok)
        if word is None or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"):
            return None
        return next((t for t in self.lexicon.candidates("noun", word) if not t.objects and not t.compound), None)

    def _noun_trigger(self, tok: Token) -> Trigger | None:
        if _in_hyphenated(tok):
            return self._hyphened_trigger(tok)
        if tok.text[:1].isupper() and tok.text[1:].islower() and tok.lower_ in MONTHS:
            return None  # "in March": the month, not a march
        lemma = tok.lemma_.lower()
        for trig in self.lexicon.candidates("noun", lemma):
            if trig.objects and not _noun_object(tok, trig.objects):
                continue  # "the recall of its ambassador", not "a product recall"
            if trig.has("clause") and not _asks(tok):
                continue  # "a call for talks", not "a phone call"
            if trig.compound:
                n = len(trig.compound)
                before = [t.lower_ for t in tok.doc[max(tok.i - n, 0):tok.i]]
                if before != list(trig.compound):
                    continue
            return trig
        if tok.lower_ != lemma:  # "talks" lemmatised as "talk" or kept; try the surface form too
            for trig in self.lexicon.candidates("noun", tok.lower_):
                if not trig.compound:
                    return trig
        return None

    def _obligation_hit(self, verb: Token) -> Hit | None:
        """"X said that Y must hand over the suspects": saying what another party must or should
        do is a demand of it (REQUEST), whatever the demanded act is."""
        if not (self.is_report(verb) or verb.lemma_.lower() in INSIST_LEMMAS):
            return None
        heads = verb.doc._.actor_heads or {}
        for clause in verb.children:
            subj = child_dep(clause, "nsubj") if clause.dep_ == "ccomp" else None
            modal = next((c.lower_ for c in clause.children if c.dep_ == "aux" and c.lower_ in OBLIGATION), None)
            if subj is not None and modal and heads.get(subj.i):  # a party must act, not "the talks"
                demand = next(t for t in self.lexicon.candidates("verb", "demand") if t.category == "REQUEST")
                return Hit(verb, replace(demand, pattern=f"{verb.lemma_.lower()} that ... {modal}"), None)
        return None

    def _verb_hit(self, verb: Token) -> Hit | None:
        """The verb's trigger: one whose particle and required object the clause has; an event
        noun as the object of a light verb ("held talks") or of a weak reading ("offered support")."""
        if (hit := self._obligation_hit(verb)) is not None:
            return hit
        if takes_place(verb):
            return None  # "the fighting took place in Jableh": the event is its subject, not a seizure
        cands = next((c for lemma in verb_lemmas(verb) if (c := self.lexicon.candidates("verb", lemma))), [])
        if not cands:
            return None
        objs = _objects(verb)
        particles = _particles(verb)
        light: Trigger | None = None
        for trig in cands:
            if trig.particle and trig.particle.split()[-1] not in particles:
                continue
            if trig.objects:
                pool = _unprepositioned(verb, objs) if trig.compiled and not trig.particle else objs
                if trig.has("aim") or trig.has("direct"):  # what is fired, not "after a drone shootdown"
                    pool = _unprepositioned(verb, objs)
                # "launched a missile attack": the event noun names the event, not its compound
                pool = [o for o in pool if o.dep_ != "compound" or self._noun_trigger(o.head) is None]
                # "announced a suspension of aid": what an event noun is "of" belongs to that noun
                pool = [o for o in pool if not (o.dep_ == "pobj" and o.head.lower_ == "of"
                                                and self._noun_trigger(o.head.head) is not None)]
                obj = next((o for o in pool if o.lemma_.lower() in trig.objects or o.lower_ in trig.objects
                            or joined(o) in trig.objects), None)
                if obj is None and not self._weapon_subject(verb, trig):
                    continue
                if trig.category is None:
                    return None  # "offered condolences": with this object the verb is no event at all
                return Hit(verb, trig, None)
            if trig.has("light"):
                light = light or trig
                continue
            if trig.has("intrans") and any(o.dep_ == "dobj" for o in objs):
                continue  # "mobilized pressure groups" is not a mobilisation of force
            if trig.has("clause") and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
                continue  # "called on the president at his residence" asks nothing: a visit
            if trig.category is None:
                if trig.has("report") or trig.has("pass"):
                    continue
            # an event noun as object beats the verb's own weak reading ("offered support")
            if trig.category is not None:
                # ... but what a demand asks for is its content: "called for sanctions" is a REQUEST
                # ... and a phrasal verb is its own event: "gave in to demands" is a concession
                phrasal = trig.particle is not None
                noun_hit = self._light_noun(verb, objs, trig) if (light or self._is_light(trig.lemma)) and not phrasal \
                    else None
                if noun_hit is None and _bare_compiled(trig):
                    noun_hit = self._light_noun(verb, _direct(objs), trig)  # "kicked off joint exercises"
                return noun_hit or Hit(verb, trig, None)
        if light is not None:
            return self._light_noun(verb, objs, light)
        return None

    def _weapon_subject(self, verb: Token, trig: Trigger) -> bool:
        """"Ukrainian sea drones hit a Russian tanker": a weapon the pattern names as what the
        attack is made with is its subject; the attack is its owner's (the actor search reads it)."""
        if trig.category != "ASSAULT" or verb.pos_ not in {"VERB", "AUX"}:
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        weapon = subj is not None and subj.lemma_.lower() in trig.objects & self.lexicon.weapons
        return weapon and any(c.dep_ in {"dobj", "prep"} for c in verb.children)

    def _is_light(self, lemma: str) -> bool:
        return any(t.has("light") for t in self.lexicon.candidates("verb", lemma))

    def _light_noun(self, verb: Token, objs: list[Token], light: Trigger) -> Hit | None:
        if not light.particle:  # "held talks", not "held on charges"
            objs = [o for o in objs if o.dep_ != "pobj" or o.head.dep_ != "prep" or o.head.head.i != verb.i]
        for obj in objs:
            trig = self._noun_trigger(obj)
            if trig is not None:
                return Hit(verb, trig, obj, light=verb)
        return None

    def _adj_hit(self, adj: Token) -> Hit | None:
        if not any(c.dep_ == "xcomp" for c in adj.children):
            return None
        cands = self.lexicon.candidates("adj", adj.lemma_.lower())
        if not cands:
            return None
        verb = adj.head if adj.dep_ in {"acomp", "amod"} and adj.head.pos_ in {"AUX", "VERB"} else adj
        return Hit(verb, cands[0], None)

    # -- which triggers are events of their own -------------------------------------------

    def top_level(self, hits: list[Hit]) -> list[Hit]:
        """Drop triggers that are the content of another trigger in the same sentence."""
        at: dict[int, Hit] = {}
        for h in hits:
            at.setdefault(h.anchor.i, h)
            at.setdefault(h.token.i, h)
        governed: set[int] = set()  # everything inside the complement of a governing trigger
        for h in hits:
            if h.trigger.category is not None and (h.trigger.has("gov") or h.trigger.has("intent")):
                governed.update(complement_tokens(h) - {h.anchor.i, h.token.i})
        keep = []
        for h in hits:
            if h.trigger.category is None:
                continue
            if h.token.i in governed or h.anchor.i in governed:
                continue  # "called on Arabs to unite and mobilize against X": one REQUEST
            if _occasion(h) or not _covered(h, at):
                keep.append(h)
        return keep

    @staticmethod
    def complement(hit: Hit, hits: list[Hit]) -> Hit | None:
        """For a governing trigger, the trigger inside its complement, if any."""
        if not (hit.trigger.has("gov") or hit.trigger.has("intent")):
            return None
        inside = complement_tokens(hit)
        for h in hits:
            if h is not hit and h.trigger.category and h.token.i in inside:
                return h
        return None


def _asks(noun: Token) -> bool:
    """A noun that says what is asked: "a call for talks", "its call on Israel to withdraw", "its
    call for the government to resign" (the parse hangs "for" on the clause)."""
    return any(c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in noun.children) or (
        marked_clause(noun, {"for"}) is not None)


def marked_clause(noun: Token, marks: set[str]) -> Token | None:
    """The clause a noun introduces with one of these marks: "its demand that X leave", "its call
    for X to leave"."""
    return next((c for c in noun.children if c.dep_ in {"acl", "advcl", "ccomp"}
                 and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)), None)


def free_relatives(verb: Token) -> list[Token]:
    """A verb's object clauses of the form "what X called Y" ("condemned what it called an
    aggression"): their predicate is what the verb acts on."""
    return [c for c in verb.children if c.dep_ == "ccomp" and any(d.dep_ == "dobj" and d.lower_ == "what"
                                                                 for d in c.children)]


def _occasion(h: Hit) -> bool:
    """"urged Netanyahu in a phone call": a call a verb tells of is an event of its own (the
    occasion of what was said in it), not that verb's content."""
    noun = h.noun
    return h.nominal and noun is not None and noun.lemma_.lower() in CALLS and noun.dep_ == "pobj" \
        and noun.head.lower_ in {"in", "at"} and noun.head.head.pos_ in {"VERB", "AUX"}


def _covered(h: Hit, at: dict[int, Hit]) -> bool:
    """The hit is background ("after fierce fighting") or the content of a trigger above it
    ("blocked a road to show their disapproval": one event), up to the next clause boundary."""
    t = h.token
    steps = 0
    consequence = False
    while t.head.i != t.i and steps < 12:
        dep, below = t.dep_, t
        t = t.head
        steps += 1
        if dep == "pobj" and t.lower_ in BACKGROUND_PREPS:
            return True  # "after fierce fighting with guerrillas who overran it"
        if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in below.children):
            return True  # "..., a day after protesters stormed parliament"
        above = at.get(t.i)
        if above is not None and above is not h and above.trigger.category is not None:
            if dep in CONTENT_DEPS or above.trigger.has("gov") or (dep == "advcl" and _non_finite(below)):
                return True
        if dep == "advcl" and _non_finite(below):
            consequence = True  # "..., ending X": the outcome of the clause it hangs on
            continue
        if dep == "conj" and consequence:
            continue  # that clause's verbs are coordinated: "agreed to reopen ..., resume ... and restore ..."
        if dep in {"conj", "advcl", "parataxis", "relcl"}:
            return False
    return False


# prepositions that give a reason or a time, not what is governed ("offered condolences over an attack")
REASON_PREPS = BACKGROUND_PREPS | {"over", "about", "regarding", "concerning"}


def complement_tokens(hit: Hit) -> set[int]:
    """The tokens of the trigger's complements and objects (what a governing trigger governs)."""
    return {t.i for c in hit.anchor.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep", "acomp"}
            and not (c.dep_ == "prep" and c.lower_ in REASON_PREPS) for t in c.subtree}


INNER_PREPS = frozenset({"of", "in", "for"})


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, then what they are made of or for: "700 kg of medicine", "part of a
    military aid program", "mediation efforts" (a compound names the thing too), "$2 million in
    assistance", "responsibility for the attack", "Bohdanivka, a frontline village" (an apposition)."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "dative"}]
    # "launched what residents described as the biggest raid": the free relative's predicate
    for clause in free_relatives(verb):
        objs.extend(c for c in clause.children if c.dep_ == "oprd")
        objs.extend(o for p in clause.children if p.dep_ == "prep" and p.lower_ == "as"
                    for o in p.children if o.dep_ == "pobj")
    for prep in verb.children:  # "engage in talks", "take part in"
        if prep.dep_ == "prep":
            objs.extend(c for c in prep.children if c.dep_ == "pobj")
    objs += [c for o in objs for c in o.conjuncts]
    inner = []
    for o in objs:
        inner.extend(c for c in o.children if c.dep_ in {"compound", "appos"})  # "took Bohdanivka, a village"
        for prep in o.children:
            if prep.dep_ == "prep" and prep.lower_ in INNER_PREPS:
                for p in prep.children:
                    if p.dep_ == "pobj":
                        inner.append(p)
                        inner.extend(c for c in p.children if c.dep_ == "compound")
    return objs + inner


def _noun_object(noun: Token, lemmas: frozenset[str]) -> bool:
    """The event noun's object is one of these: "the recall of its ambassadors", "the
    ambassador's recall", "an envoy recall"."""
    near = [c for c in noun.children if c.dep_ in {"compound", "poss"}]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            near.extend(p for p in prep.children if p.dep_ == "pobj")
    near += [c for n in near for c in n.conjuncts]
    return any(n.lemma_.lower() in lemmas or n.lower_ in lemmas for n in near)


def _bare_compiled(trig: Trigger) -> bool:
    """A compiled particle verb that names no object: the dictionary's fallback reading, weaker
    than an event noun it takes as direct object (that noun is the event, as after a light verb)."""
    return trig.compiled and not trig.objects and not (trig.has("gov") or trig.has("intent"))


def _unprepositioned(verb: Token, objs: list[Token]) -> list[Token]:
    """The objects not inside a prepositional phrase of the verb: a compiled "hit +missile" names
    what is hit, and "during a missile attack" is no such object."""
    def through_prep(o: Token) -> bool:
        return any(a.dep_ == "prep" and a.head.i == verb.i for a in o.ancestors if a.i != verb.i)
    return [o for o in objs if not through_prep(o)]


def _direct(objs: list[Token]) -> list[Token]:
    """The direct objects among a verb's objects, with the nouns they are made of."""
    return [o for o in objs if o.dep_ == "dobj" or (o.dep_ == "compound" and o.head.dep_ == "dobj")]


# conversations: who speaks in one and whom they address are its parties
CALLS = frozenset({"call", "conversation"})
# prepositions of aim that the parser often hangs from the object: "fired missiles at a ship"
AIM_PREPS = frozenset({"at", "against"})


def _particles(verb: Token) -> set[str]:
    """The verb's particles and prepositions, but not one that only dates it ("agreed on Monday"),
    and a preposition of aim on its direct object ("launched missiles and drones at Ukraine")."""
    found = {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "dative", "agent"} and not _dating(c)}
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.dep_ == "quantmod":
        found.add(after.lower_)  # "handed over 20 hostages": the parser read "over 20" as "more than 20"
    objs = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    return found | {p.lower_ for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ in AIM_PREPS}


def _dating(prep: Token) -> bool:
    """"on Monday", "in March": a preposition whose object is a day or month name."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objs) and all(
        o.pos_ == "PROPN" and len(o.text) > 3 and (o.lower_ in WEEKDAYS or o.lower_ in MONTHS) for o in objs)


def verb_lemmas(verb: Token) -> list[str]:
    """The lemma, then guesses from the surface form for the tagger's slips ("staged" → "stag")."""
    out = [verb.lemma_.lower()]
    w = verb.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                         ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix)] + repl)
    return out


def joined(tok: Token) -> str | None:
    """"cease-fire": the tokenizer splits a hyphenated word, its head is the last part; the word
    whole, lower case with the last part's lemma, for the lexicon's hyphenated entries."""
    doc, i = tok.doc, tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return None
    return f"{doc[i - 2].lower_}-{tok.lemma_.lower()}"


def _in_hyphenated(tok: Token) -> bool:
    """"war-torn", "strike-hit": a noun inside a hyphenated modifier names no event."""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-") or (tok.i > 0 and doc[tok.i - 1].text == "-")


def _non_finite(verb: Token) -> bool:
    """"to demand reforms", "calling for independence": a purpose or manner clause."""
    return verb.tag_ in {"VBG", "VB"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def child_dep(tok: Token, dep: str) -> Token | None:
    """The first child of ``tok`` with dependency ``dep``."""
    return next((c for c in tok.children if c.dep_ == dep), None)


def takes_place(verb: Token) -> bool:
    """"took place": the verb says that its subject happened (an event noun, coded on its own)."""
    return verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" and not any(d.dep_ in {"det", "poss"} for d in c.children)
        for c in verb.children)


def _predicate(tok: Token) -> bool:
    """A word tagged a noun that the parse makes a clause's predicate, with a subject and an object
    ("EU and UN hand over medical supplies to Nigeria": headlines drop the article that would
    make "hand" a noun)."""
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "dobj" in deps
