"""The ``parley_coder`` pipeline component: events from triggers and the dependency parse.

For every sentence it finds trigger words (triggers.py), keeps the ones that are not the
content of another event, and makes an event of each by a fixed sequence of named rules
(``Coder._event``): who acts, who receives, the parties "between" whom it happens, PLOVER's
recodes (recode.py), the parties' countries (parties.py), reciprocity, factuality, confidence.

Assigns ``Doc._.events`` (one Event per mention; merging is a later stage; the pipeline's
finalize gives each its id from the original text's offsets), ``Doc._.event_anchors`` (each
event's trigger token index, aligned with ``Doc._.events``, for the time, place and merge
stages) and ``Doc._.nominal_events`` (aligned: whether the event is named by a noun alone).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Attribution, Event, Mention
from ..ontology import MODES, Ontology, load_ontology
from . import parties, recode
from .attribution import attributions_in, reporting_ancestor, sentence_sources, unique_sources
from .classifier import Classifier, TextModel, load_classifier
from .factuality import modality, recode as recode_unrealised
from .lexicon import Lexicon, load_lexicon
from .quad import VETO, no_event
from .roles import (Found, Heads, actors_of, allowed, defied, given_to, hosts, is_passive, owner_of, owner_or_self,
                    participants_between, prep_object, recipient_of, rejected_from, subject_of,
                    unresolved, yielded_to)
from .clauses import (DEFINITE, FORCE, arrival_of, demanded_clause, family, governing_verb, happened, mutual,
                      natural_cause, purpose_clauses, purpose_place, same_attack)
from .triggers import CALLS, Hit, Triggers, child_dep, free_relatives, joined

__all__ = ["Coder"]

# The Doc attributes this stage writes: the events, each event's trigger token and whether a noun
# alone names it (aligned with the events), and the sources of sentences that code no event.
ASSIGNS = ("events", "event_anchors", "nominal_events", "doc_attributions")
for _name in ASSIGNS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# The quad model learnt ConfliBERT's class 0, which holds appeals (CAMEO 02) with statements;
# PLOVER codes appeals (REQUEST), so its veto spares them.
APPEALS = frozenset({"REQUEST"})
# verbs of a purpose that names who is helped: "to help", "to assist", "to support" X
HELP_LEMMAS = frozenset({"help", "assist", "support", "aid", "rescue", "protect", "feed", "rebuild", "relieve",
                         "supply", "equip", "train", "strengthen", "bolster"})
# verbs of a purpose that say whom force was used on: "to disperse", "to break up" a crowd
DISPERSE_LEMMAS = frozenset({"disperse", "break", "scatter", "repel"})
# Categories whose direct object is usually what is given or moved, not who receives it.
THEME_CATEGORIES = frozenset({"AID", "AGREE", "MOBILIZE", "COOPERATE", "SUPPORT", "RETREAT", "SANCTION"})
# ... but who is released is the one it is done to ("freed a blogger"), not what is given
PATIENT_MODES = frozenset({"release"})
# a group referred to by its kind alone ("the group said ..."), as a pronoun would
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "militia", "faction", "alliance"})
# what talks are about, not whom they are with
TOPIC_OBJECTS = frozenset({"'on' object", "'over' object", "'about' object"})
# judgements aimed at whoever did what they judge ("condemned the raids", "rejected the decision")
JUDGEMENTS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
# nouns that name whatever was last done ("condemned the move", "rejected the measures")
GENERIC_ACTS = frozenset({"move", "measure", "decision", "step", "action"})
# people named only as people: what force is used on them is done to them, not to whom a clause about them names
PERSONS = frozenset({"man", "woman", "person", "boy", "girl", "child", "teenager", "youth", "resident", "villager",
                     "baby", "individual"})
PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "itself",
                      "themselves", "himself", "herself"})

Parties = tuple[Actor, ...]


@Language.factory("parley_coder", assigns=[f"doc._.{a}" for a in ASSIGNS],
                  requires=["doc._.actor_heads", "doc._.own_heads", "token.dep", "token.pos", "token.lemma"])
def make_coder(nlp: Language, name: str) -> "Coder":
    return Coder()


# verbs of being or coming somewhere: their subject is there for the event "for" names ("was in
# Tehran for talks", "arrived in Moscow for talks"), unlike "remained on alert for riots"
PRESENCE_LEMMAS = frozenset({"be", "arrive", "travel", "come", "go", "fly", "head", "gather", "meet", "convene",
                             "assemble", "land", "leave", "return", "visit"})

class Coder:
    """spaCy component: candidate events for each sentence of a document."""

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None,
                 classifier: Classifier | None = None, use_classifier: bool = True, quad: TextModel | None = None,
                 veto: float = VETO):
        self.lexicon = lexicon or load_lexicon()
        self.triggers = Triggers(self.lexicon)
        self.ontology = ontology or load_ontology()
        self.classifier = classifier or (load_classifier() if use_classifier else None)
        # the quad model's veto of statements (quad.py) is off unless a model is given: measured by
        # scripts/crossval.py it raises confli's quad accuracy but lowers its span F1 (docs/accuracy.md)
        self.quad = quad
        self.veto = veto

    def __call__(self, doc: Doc) -> Doc:
        heads: Heads = doc._.actor_heads or {}
        events: list[Event] = []
        anchors: list[int] = []
        nominal: list[bool] = []
        doc_sources: list[Attribution] = []
        named: list[tuple[str, str]] = []  # each event's trigger lemma and category, for anaphora
        for s_i, sent in enumerate(doc.sents):
            hits = self.triggers.find(sent)
            produced = False
            top = self.triggers.top_level(hits)
            proba = self.classifier.proba(sent) if self.classifier is not None and top else {}
            statement = bool(top) and no_event(self.quad, sent) >= self.veto
            for hit in top:
                ev = self._event(s_i, sent, hit, hits, heads, proba)
                if ev is not None and statement and ev.event not in APPEALS:
                    continue  # a statement, not an event: the quad model is sure of it
                if ev is not None and not ev.recipient and ev.event in JUDGEMENTS:
                    ev = _judged_event(ev, hit, hits, events, named)
                if ev is not None:
                    named.append((hit.token.lemma_.lower(), ev.event))
                    events.append(ev)
                    anchors.append(hit.token.i)
                    nominal.append(hit.nominal)
                    produced = True
            if not produced:
                doc_sources.extend(sentence_sources(sent, heads))
        doc._.events = events
        doc._.event_anchors = anchors
        doc._.nominal_events = nominal
        doc._.doc_attributions = unique_sources(doc_sources)
        return doc

    # -- one event -------------------------------------------------------------------------

    def _event(self, s_i: int, sent: Span, hit: Hit, hits: list[Hit], heads: Heads,
               proba: dict[str, float]) -> Event | None:
        """One event from one trigger: the rules below, in this order; several may find that
        the trigger makes no event (no recipient where one is required, nobody acting)."""
        trig = hit.trigger
        if trig.category == "CONSULT" and any(h.trigger.category in THEME_CATEGORIES and arrival_of(h.anchor) == hit.anchor
                                              for h in hits):
            return None  # "medicine donated by India arrived in Colombo": the gift's arrival, no visit
        if not hit.nominal and natural_cause(hit.anchor):
            return None  # "a typhoon struck northern China", "cholera has killed 200 people"
        explain: dict[str, str] = {"event": f"trigger '{trig.pattern}'"}
        verbal = not hit.nominal
        actor = self._actor(hit, verbal, heads, explain)
        if not actor and trig.category == "ASSAULT" and (same := same_attack(hit, hits)) is not None:
            # "23 civilians were killed as government forces launched air strikes": who struck
            actor = self._actor(same, not same.nominal, heads, explain)
            explain["actor"] = f"{explain.get('actor')} of '{same.anchor.text}', the same attack"
        if not actor or all(a.text.lower() in PRONOUNS for a in actor):
            # "Lebanon says it will not accept ...": the speaker, named, rather than its pronoun
            speaker, how = self._speaker(hit, verbal, heads)
            # "Thailand ... said it would expel Cambodia's envoy": "it" said of itself by a state or
            # body is that speaker, whatever party came last before it
            itself = [a.text.lower() for a in actor] == ["it"] and len(speaker) == 1 and speaker[0].kind in {
                "state", "organisation"}
            if speaker and (not actor or itself or {a.code() for a in actor} <= {a.code() for a in speaker}):
                actor, explain["actor"] = speaker, how
        complement = self.triggers.complement(hit, hits)
        recipient = self._recipient(hit, actor, heads, explain)
        actor, recipient, reciprocal = _between(hit, actor, recipient, heads, explain)
        reading = recode.by_protesters((trig.category, trig.cameo, trig.mode), trig, actor, sent, explain)
        reading = recode.by_drills(reading, hit.noun, actor, reciprocal)
        reading = recode.by_aim(reading, trig, recipient, explain)
        reading = recode.by_complement(reading, trig, complement, explain)
        reading = recode.by_actor(self.lexicon, reading, hit, actor, proba, explain)
        # the category settled before the sides: a strike read as force addresses no one "at home"
        actor, recipient = parties.between_sides(reading[0] or "", actor, recipient, hit.anchor, heads, verbal,
                                                 explain)
        if trig.has("actorobj") and not recipient:
            return None
        if hit.nominal and not any(a.code() or a.name for a in actor) and not (
                reading[0] in {"ASSAULT", "COERCE"} and happened(hit.noun)):
            return None  # "the upcoming talks with the US", "prisoners of war": a noun alone needs who acts,
            # unless it is force said to have happened ("the strike took place in Doha")
        actor, recipient, reciprocal = _reciprocity(hit, reading[0], actor, recipient, reciprocal)
        if not actor and reading[0] not in {"ASSAULT", "COERCE"}:
            return None  # only force is reported without who used it ("three soldiers were killed");
        # force with no party named at all waits for its place (parley_parties); parley_merge drops
        # it when none was found
        # factuality: PLOVER's rules for what did not (yet) happen
        reporter = reporting_ancestor(hit.anchor, self.triggers.is_report)
        m = modality(governing_verb(hit.anchor) if hit.nominal else hit.anchor, hit.noun,
                     reported=reporter is not None)
        category, cameo, mode, factuality = recode_unrealised(*reading, m)
        if m.cue:
            explain["factuality"] = m.cue
        if category is None or cameo is None:
            return None
        confidence = self._confidence(category, actor, recipient, verbal, proba, explain)
        mode = mode or self._classifier_mode(sent, category, proba, explain)
        code = self.ontology.cameo(cameo)
        explain["cameo"] = f"{code.code} {code.name}"
        span = _trigger_span(hit)
        return Event(
            event_id="",  # given by the pipeline's finalize, from the original text's offsets
            doc_id=str(sent.doc._.doc_id), sentence=s_i, event=category, cameo=code.code,
            goldstein=code.goldstein, quad_class=code.quad_class, actor=actor, recipient=recipient,
            mode=mode or None, context=code.context, reciprocal=reciprocal, factuality=factuality,
            attribution=tuple(attributions_in(hit.anchor, heads, self.triggers.is_report)),
            mentions=(Mention(sentence=s_i, trigger=span.text, start=sent.start_char, end=sent.end_char,
                              trigger_start=span.start_char, trigger_end=span.end_char),),
            confidence=confidence, explain=tuple(explain.items()),
        )

    @staticmethod
    def _actor(hit: Hit, verbal: bool, heads: Heads, explain: dict[str, str]) -> Parties:
        """The actor rule: a verb's subject (or passive agent); for a passive deployment or gift
        what was deployed ("Chinese warships were deployed"), for a passive transfer the state it
        came from; for an event noun, its owner ("North Korea's statements", "Israeli airstrikes")."""
        anchor, noun, category = hit.anchor, hit.noun, hit.trigger.category
        actor: Parties = ()
        if verbal:
            actor, how = subject_of(anchor, heads)
            explain["actor"] = how
            if not actor and category in {"MOBILIZE", "AID"} and is_passive(anchor):
                theme = child_dep(anchor, "nsubjpass")  # "Chinese warships were deployed"
                actor = owner_or_self(theme, heads) if theme is not None else ()
                explain["actor"] = "what was deployed or given"
            if not actor and category in {"COOPERATE", "AID", "RETREAT", "SANCTION", "COERCE"} and is_passive(anchor):
                giver = prep_object(anchor, "from", heads)  # "extradited from Colombia to the US"
                if any(g.kind in {"state", "place"} or g.sector == "GOV" for g in giver):
                    actor = giver
                    explain["actor"] = "'from' object of a passive transfer"
        if not actor and noun is not None:
            actor = owner_of(noun, heads, nominal=True)
            if not actor and (hit.light is None or is_passive(hit.light)) and noun.i in (anchor.doc._.own_heads or ()):
                actor = heads.get(noun.i, ())  # "North Korea's statements", "the BRICS summit was held"
            explain["actor"] = "owner of the event noun"
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
            if not actor and verb is not None and verb.lemma_.lower() in PRESENCE_LEMMAS:
                # "Lavrov was in Tehran for talks", "arrived in Cairo for talks": who came for it
                actor, how = subject_of(verb, heads)
                explain["actor"] = f"{how} of '{verb.text}', there for the event"
            verb = _speaking_in(hit)
            if not actor and verb is not None:
                actor, how = subject_of(verb, heads)  # "Aliyev told Blinken in a phone call that ..."
                explain["actor"] = f"{how} of '{verb.text}', said in the {noun.text}"
        return actor

    def _speaker(self, hit: Hit, verbal: bool, heads: Heads) -> Found:
        """"The union said it will refuse to comply": a pronoun subject of what someone said is the
        one who said it (when the actor stage left it open, or named the same party)."""
        if not verbal:
            return (), ""
        clause = hit.anchor
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head
        subj = child_dep(clause, "nsubj")
        # "The Arakan Army said the group had seized ...": a pronoun, or a group named by its kind alone
        same = subj is not None and (subj.tag_ == "PRP" or (subj.lemma_.lower() in GROUP_NOUNS and not heads.get(subj.i)
                                                            and any(c.lower_ == "the" for c in subj.children)))
        if not same or clause.dep_ != "ccomp" or not self.triggers.is_report(clause.head):
            return (), ""
        found, how = subject_of(clause.head, heads)
        return found, f"the one who said it ({how} of '{clause.head.text}')"

    def _recipient(self, hit: Hit, actor: Parties, heads: Heads, explain: dict[str, str]) -> Parties:
        """The recipient rule: the subject of a demanded clause, else the clause's object or
        recipient phrase (a governing verb's complement searched too), else that of a verb sharing
        the subject; never the actor itself, never the host of a meeting; for a threat without a
        coded target, the party a condition is put to."""
        trig, anchor = hit.trigger, hit.anchor
        category = trig.category
        taken = frozenset((a.start, a.end) for a in actor)
        recipient, how = (), ""
        if category == "REQUEST" and (clause := demanded_clause(hit)) is not None:
            subj = child_dep(clause, "nsubj")  # "demanded that Hamas renounce ...", "its demand that Manila remove ..."
            if subj is not None:
                recipient, how = owner_or_self(subj, heads), "subject of the demanded clause"
        if not recipient and category in FORCE and (obj := child_dep(anchor, "dobj")) is not None and (
                obj.lemma_.lower() in PERSONS):  # "executed a man convicted of spying for Israel": the man
            recipient, how = heads.get(obj.i) or unresolved(obj, named=False), "whom it was done to"
        if not recipient:
            recipient, how = _clause_recipient(hit, heads, taken, self.lexicon.weapons)
            own = frozenset((r.start, r.end) for r in recipient if r not in _not_self(recipient, actor))
            if own:  # "lifted its blockade of Yemen": past the actor's own "its" to whom it concerns
                recipient, how = _clause_recipient(hit, heads, taken | own, self.lexicon.weapons)
        if not recipient and anchor.pos_ in {"VERB", "AUX"}:  # "donated and delivered goods to X"
            shared = tuple(c for c in anchor.conjuncts if c.pos_ in {"VERB", "AUX"} and not child_dep(c, "nsubj"))
            if shared:
                recipient, how = recipient_of(shared[0], None, heads, None, exclude=taken,
                                              theme=category in THEME_CATEGORIES)
                how = f"{how} (shared with '{shared[0].text}')" if how else ""
        purposes = purpose_clauses(anchor) if not recipient else []
        if not recipient and category in THEME_CATEGORIES:  # "earmarked aid to help Haiti cope": Haiti
            for clause in (c for c in purposes if c.lemma_ in HELP_LEMMAS):
                subj = next((child_dep(x, "nsubj") for x in clause.children if x.dep_ in {"ccomp", "xcomp"}), None)
                recipient, how = (owner_or_self(subj, heads), "whom it helps") if subj is not None else ((), "")
                if recipient:
                    break
        if not recipient and category not in parties.NOT_TERRITORIAL:
            recipient = purpose_place(purposes, heads)
            how = "the place its purpose names" if recipient else how
        if not recipient and category in THEME_CATEGORIES and (arrived := arrival_of(anchor)) is not None:
            # "vaccine doses donated by China arrived in Zimbabwe": whom the gift reached
            recipient, how = recipient_of(arrived, None, heads, None, exclude=taken)
            how = f"{how} of '{arrived.text}', where what was given arrived" if recipient else ""
        if not recipient and category == "CONCEDE":
            recipient = parties.at_home(yielded_to(anchor, heads) or allowed(anchor, heads), actor)
            how = "who made the demands it meets, or whom it lets act" if recipient else how
        if not recipient and category == "AID" and anchor.pos_ in {"VERB", "AUX"}:
            recipient = given_to(anchor, heads)
            how = "'to' object (not identified)" if recipient else how
        if not recipient and trig.mode in PATIENT_MODES and (obj := child_dep(anchor, "dobj")) is not None:
            # "freed two ex-ministers"
            recipient, how = unresolved(obj, named=False), "who is released (not identified)"
        if not recipient and category == "ASSAULT":
            recipient, how = _dispersed(anchor, heads)
        if not recipient and (verb := _speaking_in(hit)) is not None:
            told = child_dep(verb, "dobj") or child_dep(verb, "dative")  # "told Blinken in a phone call"
            recipient, how = (owner_or_self(told, heads), f"whom '{verb.text}' addressed") if told is not None else ((), "")
        recipient = _not_self(recipient, actor)
        recipient += hosts(recipient, heads, anchor.doc)  # "the UN mission in Mali": Mali too
        if category == "CONSULT" and how in TOPIC_OBJECTS and not trig.particle:
            recipient, how = (), ""  # "held talks on the Gaza war": what is discussed, not with whom
        if how == "place of the event" and (category == "CONSULT" or (trig.has("sym") and len(actor) > 1)):
            recipient, how = (), ""  # "X and Y signed in Washington": the host is no recipient
        if not recipient and category == "REJECT" and (whose := rejected_from(anchor, heads)) is not None:
            recipient, how = whose, "who made what is rejected"  # "rejected accusations by many countries"
        if not recipient and category == "REJECT":
            recipient = defied(anchor, heads)
            how = "who asked what it refuses ('despite')" if recipient else how
        if category == "THREATEN" and not any(r.code() for r in recipient):
            target = _condition_subject(anchor, heads)  # "... unless Israel rescinded its annexation"
            if any(t.code() for t in target):
                recipient, how = target, "subject of the condition"
        explain["recipient"] = how
        return recipient

    def _confidence(self, category: str, actor: Parties, recipient: Parties, verbal: bool,
                    proba: dict[str, float], explain: dict[str, str]) -> float:
        """Rules: higher with an actor, a recipient, a verb; the classifier confirms (its top
        reading) or doubts (a reading it finds unlikely)."""
        confidence = 0.5 + 0.15 * bool(actor) + 0.1 * bool(recipient) + 0.1 * verbal
        if proba:
            p = proba.get(category, 0.0)
            rank = sorted(proba.values(), reverse=True).index(p) if category in proba else len(proba)
            confidence += 0.1 if rank == 0 else (0.05 if rank < 3 else (-0.1 if p < 0.02 else 0.0))
            explain["confidence"] = f"rules; classifier P({category})={p:.2f}, rank {rank + 1}"
        return min(confidence, 0.95)

    def _classifier_mode(self, sent: Span, category: str, proba: dict[str, float],
                         explain: dict[str, str]) -> str | None:
        """The mode the classifier is sure of (PLOVER's modes of the category), when no rule set one."""
        if not proba or self.classifier is None:
            return None
        guess, pm = self.classifier.mode(sent, category)
        if guess and pm >= 0.6 and guess in MODES.get(category, ()):
            explain["mode"] = f"classifier ({pm:.2f})"
            return guess
        return None


def _clause_recipient(hit: Hit, heads: Heads, taken: frozenset[tuple[int, int]], weapons: frozenset[str]) -> Found:
    """The recipient searched through the trigger's clause (recipient_of), with a governing
    verb's complement and a protest's purpose clause as further roots."""
    trig, anchor = hit.trigger, hit.anchor
    roots = tuple(c for c in anchor.children if c.dep_ in {"ccomp", "acomp"}) if (
        trig.has("gov") or trig.has("intent")) else ()
    # "condemned what it called Thailand's aggression": the free relative is the object
    roots += tuple(free_relatives(anchor))
    if trig.category == "PROTEST":  # "blocked a road to show their disapproval of X"
        roots += tuple(c for c in anchor.children if c.dep_ == "advcl")
    if trig.category in THEME_CATEGORIES:  # "sent aid to help the flood victims": whom it is for
        roots += tuple(c for c in purpose_clauses(anchor) if c.lemma_ in HELP_LEMMAS)
    # "demanded the release": the object is what is wanted; "ordered the paper to close":
    # an object that is told to act (its own clause follows) is the party addressed
    told = anchor.pos_ in {"VERB", "AUX"} and child_dep(anchor, "xcomp") is not None and (
        child_dep(anchor, "dobj") is not None)  # "ordered X to", not "threatened to"
    means = weapons | trig.objects if trig.particle == "with" else weapons  # "hit with +missile,drone,..."
    return recipient_of(anchor, hit.noun, heads, trig.particle, exclude=taken, extra_roots=roots, means=means,
                        theme=(trig.category in THEME_CATEGORIES and not trig.has("actorobj")
                               and trig.mode not in PATIENT_MODES) or (
                            (trig.has("intent") or trig.has("gov")) and not told))


def _speaking_in(hit: Hit) -> Token | None:
    """The verb a call is the occasion of: "told X in a phone call"; who spoke in it and to whom
    are its parties."""
    noun = hit.noun
    if not hit.nominal or noun is None or noun.lemma_.lower() not in CALLS:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "at"} and noun.head.head.pos_ in {"VERB", "AUX"}:
        return noun.head.head
    return None


def _dispersed(anchor: Token, heads: Heads) -> Found:
    """"fired tear gas to disperse protesters (marching in X)": force used to break up a crowd is
    used on it; the parse often makes the crowd the subject of a clause ("disperse [supporters
    marching]")."""
    for clause in purpose_clauses(anchor):
        if clause.lemma_.lower() not in DISPERSE_LEMMAS:
            continue
        small = child_dep(clause, "ccomp")
        crowd = child_dep(clause, "dobj") or (child_dep(small, "nsubj") if small is not None else None)
        if crowd is not None and (found := owner_or_self(crowd, heads) or unresolved(crowd)):
            return found, f"whom '{clause.text}' was for"
    return (), ""


def _between(hit: Hit, actor: Parties, recipient: Parties, heads: Heads,
             explain: dict[str, str]) -> tuple[Parties, Parties, bool]:
    """The between-parties rule: "talks between X and Y" are reciprocal; the parties other than
    the actor receive, or, with no actor, the first acts and the others receive."""
    between = participants_between(hit.noun, heads, happened(hit.noun)) if hit.noun is not None else (
        participants_between(hit.anchor, heads) if hit.trigger.has("sym") and not actor else ())
    if not between:
        return actor, recipient, False
    if actor:
        recipient = tuple(a for a in between if a.code() not in {x.code() for x in actor}) or recipient
    else:
        actor, recipient = between[:1], between[1:]
        explain["actor"] = explain["recipient"] = "'between' parties"
    return actor, recipient, True


def _reciprocity(hit: Hit, category: str | None, actor: Parties, recipient: Parties,
                 reciprocal: bool) -> tuple[Parties, Parties, bool]:
    """Symmetric triggers ("met", "agreed") and exchanges: "X and Y met" is X with Y, both ways."""
    trig = hit.trigger
    exchange = hit.light is not None and hit.light.lemma_ == "exchange"
    if (trig.has("sym") or mutual(hit.anchor)) and len(actor) > 1 and not recipient:
        actor, recipient, reciprocal = actor[:1], actor[1:], True
    elif trig.has("sym") and actor and recipient and category in {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}:
        reciprocal = reciprocal or (category != "SUPPORT" or exchange)
    if exchange and len(actor) > 1 and not recipient:
        actor, recipient, reciprocal = actor[:1], actor[1:], True
    return actor, recipient, reciprocal


def _judged_event(ev: Event, hit: Hit, hits: list[Hit], events: list[Event],
                  named: list[tuple[str, str]]) -> Event:
    """"Taiwan condemned the drills": a judgement of an event the text has already coded, named
    by a definite noun, is aimed at whoever carried that event out. The antecedent is the latest
    earlier event named by the same word, else the latest of the noun's category (force counts
    as one: "struck ... condemned the raids")."""
    obj = child_dep(hit.anchor, "dobj") if hit.noun is None else None
    judged = next((h for h in hits if obj is not None and h.nominal and h.token.i == obj.i), None)
    generic = judged is None and obj is not None and obj.lemma_.lower() in GENERIC_ACTS  # "condemned the move"
    if (judged is None and not generic) or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
        return ev
    lemma, category = obj.lemma_.lower(), judged.trigger.category if judged else ""
    kin = family(category)
    acts = (lambda n: n[1] not in JUDGEMENTS,) if generic else (lambda n: n[0] == lemma, lambda n: n[1] in kin)
    for wanted in acts:
        for i in range(len(events) - 1, -1, -1):
            before = events[i]
            if wanted(named[i]) and before.actor and not _overlaps(before.actor, ev.actor):
                return replace(ev, recipient=before.actor, explain=ev.explain + (
                    ("recipient", f"who carried out '{before.mentions[0].trigger}', which '{obj.text}' names"),))
    return ev


def _overlaps(one: Parties, other: Parties) -> bool:
    return bool({a.code() for a in one if a.code()} & {a.code() for a in other if a.code()})


def _trigger_span(hit: Hit) -> Span:
    """The words that name the event: the verb, or light verb and noun, or the noun with its compound."""
    toks = [hit.anchor] + ([hit.noun] if hit.noun is not None else [])
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    if hit.noun is not None and hit.light is None:
        lo = min(lo, hit.noun.left_edge.i if hit.noun.left_edge.dep_ == "compound" else lo)
    if hit.noun is not None and joined(hit.noun) is not None:
        lo = min(lo, hit.noun.i - 2)  # "cease-fire", whole
    return hit.anchor.doc[lo:hi + 1]


def _condition_subject(anchor: Token, heads: Heads) -> Parties:
    """The actor a condition is put to: "threatened to strike unless Israel rescinded ..."."""
    for v in [anchor, *anchor.subtree]:
        if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in v.children):
            subj = child_dep(v, "nsubj") or child_dep(v, "nsubjpass")  # "if NATO troops were sent"
            if subj is not None and (found := owner_or_self(subj, heads)):
                return found
    return ()


def _not_self(recipient: Parties, actor: Parties) -> Parties:
    """"Denmark accepted a formula for ending its dispute": "its" is Denmark, not a recipient;
    nor are "the two countries" that Britain and the United States are."""
    codes = {a.code() for a in actor}
    return tuple(r for r in recipient if not (r.code() in codes and (r.text.lower() in PRONOUNS or _refers_back(r))))


def _refers_back(party: Actor) -> bool:
    """"the two countries", "both sides": a group noun that refers back (not "world leaders")."""
    words = party.text.lower().split()
    return words[-1] in parties.GROUP_FORMS and words[0] in {"the", "both", "these", "those"}
