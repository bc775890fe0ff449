"""The ``parley_coder`` pipeline component: events from triggers and the dependency parse.

For every sentence it finds trigger words (``data/triggers.tsv``), keeps the ones that are
not the content of another event ("accused the US of preparing for war" is one ACCUSE, not
an ACCUSE and a war), reads actor and recipient off the parse, and applies PLOVER's rules for
unrealised events. Assigns ``Doc._.events`` (one Event per mention; merging is a later stage)
and ``Doc._.event_anchors`` (event id → trigger token index, for the time and place stages).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors.kb import unplaced
from ..model import Actor, Attribution, Event, Mention, event_id
from ..ontology import Ontology, load_ontology
from .attribution import attributions_in, reporting_ancestor, sentence_sources
from .factuality import modality, recode
from .classifier import Classifier, load_classifier
from .lexicon import OBLIGATION, Lexicon, Trigger, load_lexicon
from .roles import (Heads, actors_of, is_passive, owner_of, owner_or_self, participants_between, recipient_of,
                    subject_of)

__all__ = ["Coder", "Hit"]

# Dependencies through which a trigger is the content of the trigger above it.
CONTENT_DEPS = frozenset({"dobj", "pobj", "prep", "xcomp", "ccomp", "acomp", "attr", "compound", "amod", "nmod",
                          "poss", "pcomp", "oprd", "dative", "npadvmod", "appos", "acl", "nsubjpass"})
CONFLICT_CATEGORIES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
# PLOVER's modes per category (codebook), the ones the classifier may fill in.
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}), "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "rights", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
                         "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive",
                          "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                          "crowd-control", "cleansing", "massacre", "unconventional"}),
}
# Categories whose direct object is usually what is given or moved, not who receives it.
THEME_CATEGORIES = frozenset({"AID", "AGREE", "MOBILIZE", "COOPERATE", "SUPPORT", "RETREAT", "SANCTION"})
PRONOUNS = frozenset({"it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "itself",
                      "themselves", "himself", "herself"})
# A trigger under one of these is background to the sentence's event ("after fierce fighting").
BACKGROUND_PREPS = frozenset({"after", "following", "before", "amid", "despite", "since", "during", "because",
                              "like", "than", "under"})
BACKGROUND_MARKS = frozenset({"after", "before", "since", "as", "while", "until", "because", "although", "though"})
# Who protests: their force against property or police is a riot, their occupation an obstruction.
PROTESTER_HEADS = frozenset({"protester", "demonstrator", "rioter", "youth", "student", "activist", "supporter",
                             "crowd", "mob", "marcher", "striker", "worker", "farmer", "opponent"})
ARMED = frozenset({"GOV", "MIL", "REB", "UAF", "IMG", "COP", "SPY"})


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


# verbs that state an obligation ("reiterated that Libya must ..."; the modals: lexicon.OBLIGATION)
INSIST_LEMMAS = frozenset({"insist", "reiterate", "stress", "repeat", "argue", "maintain", "tell"})


class Coder:
    """spaCy component: candidate events for each sentence of a document."""

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None,
                 classifier: Classifier | None = None, use_classifier: bool = True):
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()
        self.classifier = classifier or (load_classifier() if use_classifier else None)

    def __call__(self, doc: Doc) -> Doc:
        heads: Heads = doc._.actor_heads or {}
        events: list[Event] = []
        anchors: dict[str, int] = {}
        nominal: set[str] = set()
        doc_sources: list[Attribution] = []
        for s_i, sent in enumerate(doc.sents):
            hits = self.triggers(sent)
            produced = False
            top = self._top_level(hits)
            proba = self.classifier.proba(sent) if self.classifier is not None and top else {}
            for hit in top:
                ev = self._event(doc, s_i, sent, hit, hits, heads, proba)
                if ev is not None:
                    events.append(ev)
                    anchors[ev.event_id] = hit.token.i
                    if hit.noun is not None and hit.light is None:
                        nominal.add(ev.event_id)
                    produced = True
            if not produced:
                doc_sources.extend(sentence_sources(sent, heads))
        doc._.events = events
        doc._.event_anchors = anchors
        doc._.nominal_events = nominal
        doc._.doc_attributions = _unique(doc_sources)
        return doc

    # -- triggers --------------------------------------------------------------------------

    def is_report(self, tok: Token) -> bool:
        return tok.pos_ in {"VERB", "AUX"} and any(t.has("report") for t in self.lexicon.candidates("verb", tok.lemma_.lower()))

    def triggers(self, sent: Span) -> list[Hit]:
        hits: list[Hit] = []
        used_nouns: set[int] = set()
        for tok in sent:
            if tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
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
            if tok.pos_ in {"NOUN", "PROPN"} and tok.i not in used_nouns and not _in_hyphenated(tok):
                trig = self._noun_trigger(tok)
                if trig is not None:
                    hits.append(Hit(tok, trig, tok))
        return sorted(hits, key=lambda h: h.anchor.i)

    def _noun_trigger(self, tok: Token) -> Trigger | None:
        lemma = tok.lemma_.lower()
        for trig in self.lexicon.candidates("noun", lemma):
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

    def _objects(self, verb: Token) -> list[Token]:
        """The verb's objects, then what they are made of: "700 kg of medicine", "part of a
        military aid program", "mediation efforts" (a compound names the thing too)."""
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd", "dative"}]
        for prep in verb.children:  # "engage in talks", "take part in"
            if prep.dep_ == "prep":
                objs.extend(c for c in prep.children if c.dep_ == "pobj")
        objs += [c for o in objs for c in o.conjuncts]
        inner = []
        for o in objs:
            inner.extend(c for c in o.children if c.dep_ == "compound")
            for prep in o.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for p in prep.children:
                        if p.dep_ == "pobj":
                            inner.append(p)
                            inner.extend(c for c in p.children if c.dep_ == "compound")
        return objs + inner

    def _particles(self, verb: Token) -> set[str]:
        return {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "dative", "agent"}}

    def _obligation_hit(self, verb: Token) -> Hit | None:
        """"X said that Y must hand over the suspects": saying what another party must or should
        do is a demand of it (REQUEST), whatever the demanded act is."""
        if not (self.is_report(verb) or verb.lemma_.lower() in INSIST_LEMMAS):
            return None
        heads = verb.doc._.actor_heads or {}
        for clause in verb.children:
            subj = _child_dep(clause, "nsubj") if clause.dep_ == "ccomp" else None
            modal = next((c.lower_ for c in clause.children if c.dep_ == "aux" and c.lower_ in OBLIGATION), None)
            if subj is not None and modal and heads.get(subj.i):  # a party must act, not "the talks"
                demand = next(t for t in self.lexicon.candidates("verb", "demand") if t.category == "REQUEST")
                return Hit(verb, replace(demand, pattern=f"{verb.lemma_.lower()} that ... {modal}"), None)
        return None

    def _verb_hit(self, verb: Token) -> Hit | None:
        if (hit := self._obligation_hit(verb)) is not None:
            return hit
        cands = next((c for lemma in verb_lemmas(verb) if (c := self.lexicon.candidates("verb", lemma))), [])
        if not cands:
            return None
        objs = self._objects(verb)
        particles = self._particles(verb)
        light: Trigger | None = None
        for trig in cands:
            if trig.particle and trig.particle.split()[-1] not in particles:
                continue
            if trig.objects:
                obj = next((o for o in objs if o.lemma_.lower() in trig.objects or o.lower_ in trig.objects), None)
                if obj is None:
                    continue
                if trig.category is None:
                    continue
                return Hit(verb, trig, None)
            if trig.has("light"):
                light = light or trig
                continue
            if trig.has("intrans") and any(o.dep_ == "dobj" for o in objs):
                continue  # "mobilized pressure groups" is not a mobilisation of force
            if trig.category is None:
                if trig.has("report") or trig.has("pass"):
                    continue
            # an event noun as object beats the verb's own weak reading ("offered support")
            if trig.category is not None:
                noun_hit = self._light_noun(verb, objs, trig) if light or self._is_light(trig.lemma) else None
                return noun_hit or Hit(verb, trig, None)
        if light is not None:
            return self._light_noun(verb, objs, light)
        return None

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

    def _top_level(self, hits: list[Hit]) -> list[Hit]:
        """Drop triggers that are the content of another trigger in the same sentence."""
        at = {}
        for h in hits:
            at.setdefault(h.anchor.i, h)
            at.setdefault(h.token.i, h)
        governed: set[int] = set()  # everything inside the complement of a governing trigger
        for h in hits:
            if h.trigger.category is not None and (h.trigger.has("gov") or h.trigger.has("intent")):
                governed.update(self._complement_tokens(h) - {h.anchor.i, h.token.i})
        keep = []
        for h in hits:
            if h.trigger.category is None:
                continue
            if h.token.i in governed or h.anchor.i in governed:
                continue  # "called on Arabs to unite and mobilize against X": one REQUEST
            t, covered = h.token, False
            steps = 0
            while t.head.i != t.i and steps < 12:
                dep, below = t.dep_, t
                t = t.head
                steps += 1
                if dep == "pobj" and t.lower_ in BACKGROUND_PREPS:
                    covered = True  # "after fierce fighting with guerrillas who overran it"
                    break
                if dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in below.children):
                    covered = True  # "..., a day after protesters stormed parliament"
                    break
                above = at.get(t.i)
                if above is not None and above is not h and above.trigger.category is not None:
                    if dep in CONTENT_DEPS or above.trigger.has("gov") or (dep == "advcl" and _non_finite(below)):
                        covered = True  # "blocked a road to show their disapproval": one event
                        break
                if dep in {"conj", "advcl", "parataxis", "relcl"}:
                    break
            if not covered:
                keep.append(h)
        return keep

    # -- one event -------------------------------------------------------------------------

    def _event(self, doc: Doc, s_i: int, sent: Span, hit: Hit, hits: list[Hit], heads: Heads,
               proba: dict[str, float]) -> Event | None:
        trig = hit.trigger
        category, cameo, mode = trig.category, trig.cameo, trig.mode
        explain: dict[str, str] = {"event": f"trigger '{trig.pattern}'"}
        anchor, noun = hit.anchor, hit.noun
        verbal = noun is None or hit.light is not None
        reciprocal = False
        # -- actor
        actor: tuple[Actor, ...] = ()
        if verbal:
            actor, how = subject_of(anchor, heads)
            explain["actor"] = how
            if not actor and category in {"MOBILIZE", "AID"} and is_passive(anchor):
                theme = _child_dep(anchor, "nsubjpass")  # "Chinese warships were deployed"
                actor = owner_or_self(theme, heads) if theme is not None else ()
                explain["actor"] = "what was deployed or given"
            if not actor and category in {"COOPERATE", "AID", "RETREAT", "SANCTION", "COERCE"} and is_passive(anchor):
                giver = _prep_object(anchor, "from", heads)  # "extradited from Colombia to the US"
                if any(g.kind in {"state", "place"} or g.sector == "GOV" for g in giver):
                    actor = giver
                    explain["actor"] = "'from' object of a passive transfer"
        if not actor and noun is not None:
            actor = owner_of(noun, heads, nominal=True)
            if not actor and hit.light is None and noun.i in (doc._.own_heads or ()):
                actor = heads.get(noun.i, ())  # "North Korea's statements", "Israeli airstrikes"
            explain["actor"] = "owner of the event noun"
        nominal_only = noun is not None and hit.light is None
        # -- recipient: searched through the clause; a governing verb's complement included
        complement = self._complement(hit, hits)
        taken = frozenset((a.start, a.end) for a in actor)
        recipient, how = (), ""
        if trig.category == "REQUEST" and (clause := _child_dep(anchor, "ccomp")) is not None:
            subj = _child_dep(clause, "nsubj")  # "demanded that Hamas renounce ..."
            if subj is not None:
                recipient, how = owner_or_self(subj, heads), "subject of the demanded clause"
        if not recipient:
            roots = tuple(c for c in anchor.children if c.dep_ in {"ccomp", "acomp"}) if (
                trig.has("gov") or trig.has("intent")) else ()
            if category == "PROTEST":  # "blocked a road to show their disapproval of X"
                roots += tuple(c for c in anchor.children if c.dep_ == "advcl")
            # "demanded the release": the object is what is wanted; "ordered the paper to close":
            # an object that is told to act (its own clause follows) is the party addressed
            told = anchor.pos_ in {"VERB", "AUX"} and _child_dep(anchor, "xcomp") is not None and (
                _child_dep(anchor, "dobj") is not None)  # "ordered X to", not "threatened to"
            recipient, how = recipient_of(anchor, noun, heads, trig.particle, exclude=taken, extra_roots=roots,
                                          theme=category in THEME_CATEGORIES or (
                                              (trig.has("intent") or trig.has("gov")) and not told))
        if not recipient and anchor.pos_ in {"VERB", "AUX"}:  # "donated and delivered goods to X"
            shared = tuple(c for c in anchor.conjuncts if c.pos_ in {"VERB", "AUX"} and not _child_dep(c, "nsubj"))
            if shared:
                recipient, how = recipient_of(shared[0], None, heads, None, exclude=taken,
                                              theme=category in THEME_CATEGORIES)
                how = f"{how} (shared with '{shared[0].text}')" if how else ""
        recipient = _not_self(recipient, actor)
        if how == "place of the event" and (category == "CONSULT" or (trig.has("sym") and len(actor) > 1)):
            recipient, how = (), ""  # "X and Y signed in Washington": the host is no recipient
        if category == "THREATEN" and not any(r.code() for r in recipient):
            target = _condition_subject(anchor, heads)  # "... unless Israel rescinded its annexation"
            if any(t.code() for t in target):
                recipient, how = target, "subject of the condition"
        explain["recipient"] = how
        between = participants_between(noun, heads) if noun is not None else ()
        if between:
            if actor:
                recipient = tuple(a for a in between if a.code() not in {x.code() for x in actor}) or recipient
            else:
                actor, recipient = between[:1], between[1:]
                explain["actor"] = explain["recipient"] = "'between' parties"
            reciprocal = True
        actor, recipient = _domestic(actor, recipient)
        if not any(a.code() for a in actor) and verbal:
            lent = _sentence_country(sent, heads, actor, recipient)  # "ethnic Albanians ... Macedonia's border"
            if lent and actor:
                actor = tuple(replace(a, country=lent) for a in actor)
                explain["actor"] = explain.get("actor", "") + f"; country {lent} from the sentence"
        if category in {"COERCE", "ASSAULT"} and actor and all(_protester(a, sent) for a in actor):
            riot = category == "ASSAULT" or trig.mode in {"seize", "cyber"}
            category, cameo, mode = ("PROTEST", "145", "riot") if riot else ("PROTEST", "144", "obstruct")
            explain["event"] += " (protesters' action: PROTEST)"
        if category == "COOPERATE" and noun is not None and noun.lemma_ in {"drill", "exercise"} and not (
                reciprocal or len(actor) > 1 or any(c.lower_ == "joint" for c in noun.children)):
            category, cameo, mode = "MOBILIZE", "152", "troops"  # one side's drills raise its readiness
        if category == "MOBILIZE":
            own = {a.country for a in actor if a.country}
            recipient = tuple(r for r in recipient if r.country not in own)  # "mobilised its armed forces"
        if category in {"PROTEST", "CONCEDE"} and not recipient and len({a.country for a in actor if a.country}) == 1:
            home = next(a for a in actor if a.country)  # a protest at home addresses its government; a
            sector = "GOV" if category == "PROTEST" else None  # concession at home is made to its people
            where = _country_in(anchor, heads) if category == "CONCEDE" else None  # "... eased curfews in X"
            if where is not None and where.country != home.country:
                recipient = (replace(where, sector=None, kind="people"),)
                explain["recipient"] = f"{where.country}: the people where the concession is made"
            else:
                recipient = (Actor(text=home.text, start=home.start, end=home.end, country=home.country,
                                   sector=sector, kind="state" if sector else "people"),)
                explain["recipient"] = f"{home.country} at home ({'its government' if sector else 'its people'})"
        if trig.has("actorobj") and not recipient:
            return None
        if nominal_only and not any(a.code() or a.name for a in actor):
            return None  # "the upcoming talks with the US", "prisoners of war": a noun alone needs who acts
        # -- "ordered the paper to suspend publication": an order of force is the force
        if trig.has("enact") and complement is not None and complement.trigger.category in {"COERCE", "ASSAULT",
                                                                                             "MOBILIZE", "SANCTION"}:
            category, cameo, mode = complement.trigger.category, complement.trigger.cameo, complement.trigger.mode
            explain["event"] += f" enacting '{complement.trigger.pattern}'"
        # -- intent verbs: cooperation intended is AGREE, conflict intended is THREATEN
        comp_negated = complement is not None and _negated_verb(complement.anchor)
        if trig.has("intent") and comp_negated and complement.trigger.category not in CONFLICT_CATEGORIES:
            category, cameo, mode = "REJECT", "120", None  # "vowed not to return the Golan Heights"
            explain["event"] += f" with negated complement '{complement.trigger.pattern}'"
        elif trig.has("prepare") and complement is not None and complement.trigger.category in CONFLICT_CATEGORIES:
            category, cameo, mode = "MOBILIZE", "150", None  # "the army prepared to resume shelling"
            explain["event"] += f" preparing '{complement.trigger.pattern}'"
        elif (trig.has("intent") and not trig.has("sym") and complement is not None
              and complement.trigger.category in CONFLICT_CATEGORIES):  # "X and Y agreed to patrol": still AGREE
            category, cameo, mode = "THREATEN", "130", complement.trigger.mode
            explain["event"] += f" with conflict complement '{complement.trigger.pattern}'"
        elif trig.has("intent") and complement is not None and category == "AGREE":
            cameo = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "RETREAT": "035",
                     "CONCEDE": "035", "SUPPORT": "032"}.get(complement.trigger.category or "", cameo)
        # -- "workers strike" vs "jets strike": the actor's sector decides shared words
        category, cameo, mode = self._by_actor(hit, actor, category, cameo, mode, proba, explain)
        # -- reciprocity
        if trig.has("sym") and len(actor) > 1 and not recipient:
            actor, recipient, reciprocal = actor[:1], actor[1:], True
        elif trig.has("sym") and actor and recipient and category in {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}:
            reciprocal = reciprocal or (category != "SUPPORT" or bool(hit.light and hit.light.lemma_ == "exchange"))
        if hit.light is not None and hit.light.lemma_ == "exchange" and len(actor) > 1 and not recipient:
            actor, recipient, reciprocal = actor[:1], actor[1:], True
        if not actor and (not recipient or category not in {"ASSAULT", "COERCE"}):
            return None  # only force is reported without who used it ("three soldiers were killed")
        # -- factuality
        reporter = reporting_ancestor(anchor, self.is_report)
        m = modality(_governing_verb(anchor) if nominal_only else anchor, noun, reported=reporter is not None)
        category, cameo, mode, factuality = recode(category, cameo, mode, m)
        if m.cue:
            explain["factuality"] = m.cue
        if category is None or cameo is None:
            return None
        code = self.ontology.cameo(cameo)
        attribution = tuple(attributions_in(anchor, heads, self.is_report))
        trig_tok = hit.light if hit.light is not None else hit.token
        trig_span = self._trigger_span(hit)
        eid = event_id(str(doc._.doc_id), s_i, trig_tok.idx, category)
        confidence = 0.5 + 0.15 * bool(actor) + 0.1 * bool(recipient) + 0.1 * verbal
        if proba:  # the classifier confirms (top reading) or doubts (a reading it finds unlikely)
            p = proba.get(category, 0.0)
            rank = sorted(proba.values(), reverse=True).index(p) if category in proba else len(proba)
            confidence += 0.1 if rank == 0 else (0.05 if rank < 3 else (-0.1 if p < 0.02 else 0.0))
            explain["confidence"] = f"rules; classifier P({category})={p:.2f}, rank {rank + 1}"
            if not mode and self.classifier is not None:
                guess, pm = self.classifier.mode(sent, category)
                if guess and pm >= 0.6 and guess in MODES.get(category, ()):
                    mode = guess
                    explain["mode"] = f"classifier ({pm:.2f})"
        explain["cameo"] = f"{code.code} {code.name}"
        return Event(
            event_id=eid, doc_id=str(doc._.doc_id), sentence=s_i, event=category, cameo=code.code,
            goldstein=code.goldstein, quad_class=code.quad_class, actor=actor, recipient=recipient,
            mode=mode or None, context=code.context, reciprocal=reciprocal, factuality=factuality,
            attribution=attribution,
            mentions=(Mention(sentence=s_i, trigger=trig_span.text, start=sent.start_char, end=sent.end_char,
                              trigger_start=trig_span.start_char, trigger_end=trig_span.end_char),),
            confidence=min(confidence, 0.95), explain=tuple(explain.items()),
        )

    def _trigger_span(self, hit: Hit) -> Span:
        toks = [hit.anchor] + ([hit.noun] if hit.noun is not None else [])
        lo, hi = min(t.i for t in toks), max(t.i for t in toks)
        if hit.noun is not None and hit.light is None:
            lo = min(lo, hit.noun.left_edge.i if hit.noun.left_edge.dep_ == "compound" else lo)
        return hit.anchor.doc[lo:hi + 1]

    @staticmethod
    def _complement_tokens(hit: Hit) -> set[int]:
        return {t.i for c in hit.anchor.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep", "acomp"}
                for t in c.subtree}

    def _complement(self, hit: Hit, hits: list[Hit]) -> Hit | None:
        """For a governing trigger, the trigger inside its complement, if any."""
        if not (hit.trigger.has("gov") or hit.trigger.has("intent")):
            return None
        inside = self._complement_tokens(hit)
        for h in hits:
            if h is not hit and h.trigger.category and h.token.i in inside:
                return h
        return None

    def _by_actor(self, hit: Hit, actor: tuple[Actor, ...], category: str, cameo: str, mode: str | None,
                  proba: dict[str, float], explain: dict[str, str]) -> tuple[str, str, str | None]:
        """Words shared by two categories ("strike", "blockade"): states and forces strike, civilians
        protest; when the actor does not settle it, the classifier's likelier reading wins."""
        others = [t for t in self.lexicon.candidates(hit.trigger.kind, hit.trigger.lemma)
                  if t.category and t.category != category and t.pattern == hit.trigger.pattern]
        if not others:
            return category, cameo, mode
        if actor:  # states, forces and armed groups strike; nurses, teachers and workers protest
            civil = all(a.sector not in ARMED and a.kind != "state" for a in actor)
            for alt in others:
                if (alt.category == "PROTEST") == civil and (category == "PROTEST") != civil:
                    explain["event"] += f" (read as {alt.category}: {'civilian' if civil else 'state or armed'} actor)"
                    return alt.category, alt.cameo, alt.mode
            return category, cameo, mode
        best = max(others, key=lambda t: proba.get(t.category or "", 0.0))
        if proba.get(best.category or "", 0.0) > proba.get(category, 0.0):
            explain["event"] += f" (read as {best.category}: classifier)"
            return best.category or category, best.cameo or cameo, best.mode
        return category, cameo, mode

def verb_lemmas(verb: Token) -> list[str]:
    """The lemma, then guesses from the surface form for the tagger's slips ("staged" → "stag")."""
    out = [verb.lemma_.lower()]
    w = verb.lower_
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""),
                         ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            out.append(w[: -len(suffix)] + repl)
    return out


def _in_hyphenated(tok: Token) -> bool:
    """"war-torn", "strike-hit": a noun inside a hyphenated modifier names no event."""
    doc = tok.doc
    return (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-") or (tok.i > 0 and doc[tok.i - 1].text == "-")


def _governing_verb(noun: Token) -> Token:
    """The verb a noun is an argument of ("may lead to closer cooperation" → "lead")."""
    t, steps = noun, 0
    while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"} and steps < 6:
        t = t.head
        steps += 1
    return t if t.pos_ in {"VERB", "AUX"} else noun


def _non_finite(verb: Token) -> bool:
    """"to demand reforms", "calling for independence": a purpose or manner clause."""
    return verb.tag_ in {"VBG", "VB"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in verb.head.children if verb.dep_ == "xcomp" and c.i > verb.head.i)


def _condition_subject(anchor: Token, heads: Heads) -> tuple[Actor, ...]:
    """The actor a condition is put to: "threatened to strike unless Israel rescinded ..."."""
    for v in [anchor, *anchor.subtree]:
        if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in v.children):
            subj = _child_dep(v, "nsubj")
            if subj is not None and (found := owner_or_self(subj, heads)):
                return found
    return ()


def _sentence_country(sent: Span, heads: Heads, actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> str | None:
    """The one country a sentence names, for a party it does not place ("ethnic Albanians")."""
    if not actor:
        return None
    countries = {a.country for acts in heads.values() for a in acts if sent.start <= a_index(a, sent) < sent.end
                 and a.country}
    countries -= {r.country for r in recipient if r.country} if len(countries) > 1 else set()
    return next(iter(countries)) if len(countries) == 1 else None


def _country_in(anchor: Token, heads: Heads) -> Actor | None:
    """The one country named by an "in X" attached to the verb ("eased the curfew in Kosovo")."""
    found = {a.country: a for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ == "in"
             for obj in prep.children if obj.dep_ == "pobj"
             for t in obj.subtree for a in heads.get(t.i, ()) if a.country}
    return next(iter(found.values())) if len(found) == 1 else None


def a_index(actor: Actor, sent: Span) -> int:
    """The token index of an actor mention (by its start offset), for sentence membership."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.start if span is not None else -1


def _protester(actor: Actor, sent: Span) -> bool:
    """An actor whose words say it protests: protesters, demonstrators, youths, strikers."""
    span = sent.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and actor.kind != "state" and span.root.lemma_.lower() in PROTESTER_HEADS | {
        "anti-government"} or (span is not None and any(t.lower_ in {"anti-government", "protesting"} for t in span))


def _prep_object(verb: Token, word: str, heads: Heads) -> tuple[Actor, ...]:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == word:
            obj = _child_dep(prep, "pobj")
            if obj is not None:
                return actors_of(obj, heads)
    return ()


def _child_dep(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


def _not_self(recipient: tuple[Actor, ...], actor: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """"Denmark accepted a formula for ending its dispute": "its" is Denmark, not a recipient."""
    codes = {a.code() for a in actor}
    return tuple(r for r in recipient if not (r.text.lower() in PRONOUNS and r.code() in codes))


def _domestic(actor: tuple[Actor, ...], recipient: tuple[Actor, ...]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Sector-only parties ("rebels", "police") take the country of the other side when that
    side has exactly one: domestic events are coded within their country, as PLOVER does."""
    def lend(side: tuple[Actor, ...], other: tuple[Actor, ...]) -> tuple[Actor, ...]:
        countries = {a.country for a in other if a.country}
        if len(countries) != 1:
            return side
        (country,) = countries
        return tuple(replace(a, country=country) if unplaced(a) else a for a in side)
    return lend(actor, recipient), lend(recipient, actor)


def _unique(items: list[Attribution]) -> list[Attribution]:
    seen, out = set(), []
    for a in items:
        if a.text not in seen:
            seen.add(a.text)
            out.append(a)
    return out

