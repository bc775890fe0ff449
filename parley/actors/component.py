"""The ``parley_actors`` pipeline component: every actor mention of a document, with coreference.

Assigns ``Doc._.actor_heads``: token index of a noun-phrase head → the actors it denotes
(one for "Seoul", two for "the two officials" after "Cho and Rubio"). Later mentions that
name nobody ("he", "the minister", "both sides", "Rubio" after "Marco Rubio") take their
antecedent's identity with their own text and offsets.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import takewhile
from datetime import date
from pathlib import Path

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..coding.parties import GROUP_FORMS, GROUP_NOUNS, conjunct, coordinated
from ..model import Actor
from ..places.component import Gazetteer, load_gazetteer
from ..places.gazetteer import Cue
from ..time.phrases import MONTHS, WEEKDAYS
from .fuzzy import FuzzyNames, corroborated
from .entries import PLACE_KINDS
from .kb import KnowledgeBase, Term, name_tokenizer, shipped_kb
from .propn import CONNECTORS, proper_spans
from .resolver import FUZZY, MEMBER_HEADS, NameMatch, Resolver, find_names
from .surnames import PHRASE_TOKENS, Surnames
from .user import load_user_actors

__all__ = ["ActorTagger", "Antecedent"]

# The Doc attributes this stage writes: actors by head token, the document's own heads, the
# proper-noun stretches (the place stage reuses them) and every knowledge-base name match.
ASSIGNS = ("actor_heads", "own_heads", "proper_spans", "name_matches")
for _name in ASSIGNS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
THING_PRONOUNS = frozenset({"it", "its"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS
# group nouns that refer back to states, the rest to persons ("the two countries", "the two ministers")
STATE_GROUPS = frozenset({"country", "nation", "state", "government", "neighbour", "neighbor", "rival"})
LOOKBACK_SENTENCES = 3
# words that refer back to parties named before without naming one: "both", "the leaders"
COREFERRING = GROUP_FORMS | {"both"}
# Prepositions before a place that is the home of a party ("police in Lagos", "the mayor of Sudzha").
HOME_PREPS = frozenset({"in", "of", "from", "near"})
# Words that continue an organisation's name into its legal form, one of its parts or a post in it
# ("Apple Inc", "BBC World Service", "CIA Director John Ratcliffe"): the longer name is still the organisation.
ORG_TAILS = MEMBER_HEADS | frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited", "llc", "plc",
    "ag", "sa", "s.a.", "nv", "se", "gmbh", "group", "holdings", "holding", "international", "global", "worldwide",
    "board", "council", "committee", "commission", "secretariat", "assembly", "bureau", "office", "department",
    "ministry", "service", "services", "command", "headquarters", "division", "directorate", "wing", "branch",
    "mission", "delegation", "force", "forces", "army", "police", "party", "movement", "leadership", "executive",
    "parliament", "cabinet", "court", "tribunal", "agency", "authority", "unit", "units", "brigade", "brigades",
    "battalion", "fighters", "militia", "militants", "members", "summit", "chapter", "affiliate", "faction",
    "commander", "minister", "ceo", "chief", "general", "secretary-general", "administrator", "governor",
})


def _place_name(m: NameMatch) -> bool:
    """The match names a place only (a country, a capital, a region or town), nothing else."""
    return all(t.kind in {"country", "capital", "place"} for t in m.terms)


@dataclass(frozen=True)
class Antecedent:
    sentence: int
    actors: tuple[Actor, ...]
    plural_noun: bool = False  # "the Fijian rebels": one actor, referred to as "they"

    @property
    def plural(self) -> bool:
        return len(self.actors) > 1


def _agrees(pronoun: str, ante: Antecedent) -> bool:
    """Whether a pronoun can refer to an antecedent: "he" to one person, "they" to several parties
    or a group, "it" to one state or organisation."""
    kind = ante.actors[0].kind
    if pronoun in PERSON_PRONOUNS:
        return not ante.plural and kind == "person"
    if pronoun in PLURAL_PRONOUNS:
        return ante.plural or ante.plural_noun or kind in {"people", "group"}
    return not ante.plural and kind in {"state", "organisation"}


@Language.factory("parley_actors", default_config={"actors": []}, assigns=[f"doc._.{a}" for a in ASSIGNS],
                  requires=["token.dep", "token.pos", "token.lemma", "token.tag"])
def make_actors(nlp: Language, name: str, actors: list[str]) -> "ActorTagger":
    """The shipped knowledge base, extended by the user's actor files (``--actors``)."""
    kb = load_user_actors(shipped_kb(), [Path(p) for p in actors], name_tokenizer())
    return ActorTagger(kb, load_gazetteer)


class ActorTagger:
    """spaCy component: finds and resolves actor mentions, including coreference."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Callable[[], Gazetteer] | None = None):
        self.kb = kb
        self.resolver = Resolver(kb)
        self._surnames = Surnames(kb)
        self._gazetteer = gazetteer
        self._fuzzy: FuzzyNames | None = None  # built on first need

    def __call__(self, doc: Doc) -> Doc:
        when: date | None = doc._.pub_date
        self._spans = doc._.proper_spans = proper_spans(doc)  # once per document: the places stage uses them too
        raw = find_names(self.kb, doc)
        kept = self._outside_names(doc, raw)
        found, ambiguous = self._surnames.add(doc, kept, when, self._spans)
        found = self._shared_acronyms(self._with_places(doc, self._with_fuzzy(doc, found), ambiguous))
        matches = self._by_token(found)
        heads: dict[int, tuple[Actor, ...]] = {}
        self._generic: dict[int, tuple[Actor, ...]] = {}
        own: set[int] = set()  # heads that their own words resolve, without "in X" attachments
        history: list[Antecedent] = []
        cands = self._candidates(doc, matches)
        for s_i, sent in enumerate(doc.sents):
            direct = {}
            toks = [doc[i] for i in cands[bisect_left(cands, sent.start):bisect_left(cands, sent.end)]]
            for tok in toks:  # pass 1: what the words themselves say
                if self._is_head(tok, matches):
                    resolved = self._direct(tok, matches, when, own)
                    if resolved:
                        direct[tok.i] = resolved
            for tok in toks:  # pass 2: in reading order, later mentions take earlier identities
                if not self._is_head(tok, matches):
                    continue
                actors = direct.get(tok.i) or self._corefer(tok, s_i, history, heads) or self._generic.get(tok.i)
                if not actors:
                    continue
                if tok.dep_ == "conj":  # "Turkish police and soldiers"
                    actors = conjunct(actors, heads.get(tok.head.i) or direct.get(tok.head.i) or ())
                heads[tok.i] = actors
                history.append(Antecedent(s_i, actors, tok.tag_ in {"NNS", "NNPS"}))
                group = self._coordination(tok, {**direct, **heads})
                if group:
                    history.append(Antecedent(s_i, group))
        doc._.actor_heads = heads
        doc._.own_heads = own
        kept_ids = {id(m) for m in kept}
        doc._.name_matches = found + [m for m in raw if id(m) not in kept_ids]  # "Ontario Provincial Police" still says CAN
        return doc

    @staticmethod
    def _candidates(doc: Doc, matches: dict[int, NameMatch]) -> list[int]:
        """Tokens that can name an actor: a known name's words and the heads above them (a
        phrase's head is an ancestor of its words), pronouns, "both" and plural group nouns
        ("the leaders") for coreference."""
        out: set[int] = set()
        for i in matches:
            t, steps = doc[i], 0
            out.add(i)
            while t.head.i != t.i and steps < 6:
                t = t.head
                if t.i in out:
                    break
                out.add(t.i)
                steps += 1
        pos, lower = doc.to_array([POS, LOWER]).T.tolist()
        pron = doc.vocab.strings["PRON"]
        group = {doc.vocab.strings.add(w) for w in COREFERRING}
        out.update(i for i, (p, w) in enumerate(zip(pos, lower)) if p == pron or w in group)
        return sorted(out)

    # -- direct mentions -------------------------------------------------------------------

    @staticmethod
    def _by_token(found: list[NameMatch]) -> dict[int, NameMatch]:
        return {i: m for m in found for i in range(m.start, m.end)}

    def _outside_names(self, doc: Doc, found: list[NameMatch]) -> list[NameMatch]:
        """Drop region names inside a longer organisation or person name ("the Norte del Valle cartel"),
        and organisation names that only begin a longer one (:meth:`_begins_longer_name`)."""
        # inside the name, not at its start: "Ontario Provincial Police" says where, "Norte del Valle" does not
        spans = self._spans
        inside = {i for e in spans for i in range(e.start + 1, e.end)}
        ents = {(e.start, e.end) for e in spans}
        kept = [m for m in found if not (all(t.kind == "place" for t in m.terms) and m.start in inside
                                         and (m.start, m.end) not in ents)]
        # a country in the name of a sea or gulf names no party: "fired a missile into the Sea of Japan"
        waters = {i for e in spans if self._is_water(e) for i in range(e.start, e.end)}
        kept = [m for m in kept if not (_place_name(m) and m.start in waters)]
        return self._begins_longer_name(doc, kept)

    def _is_water(self, span: Span) -> bool:
        if self._gazetteer is None or len(span) < 2:
            return False
        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        return any(e.feature == "water" for e in self._gazetteer().candidates(name, extra=True))

    def _begins_longer_name(self, doc: Doc, found: list[NameMatch]) -> list[NameMatch]:
        """Drop an organisation's name that is only the beginning of a longer proper name the
        knowledge base does not know ("Apple Daily" is a newspaper, not Apple; "Amit Malviya" a
        person): the longer name is another entity. Not when the words after it are generic, a legal
        form or a part of the organisation ("Apple Inc", "BBC World Service", "IAEA Board of
        Governors"), nor when a known word or a date follows ("Apple CEO Tim Cook", "Hamas Monday")."""
        covered = {i for m in found for i in range(m.start, m.end)}
        end_of = {i: e.end for e in self._spans if len(e) > 1 for i in range(e.start, e.end)}
        out = []
        for m in found:
            end = end_of.get(m.start, 0)
            if end > m.end and all(t.kind == "org" for t in m.terms):
                tail = []
                for w in doc[m.end:end]:
                    if w.i in covered or w.lower_ in WEEKDAYS or w.lower_ in MONTHS:
                        break  # "Hamas Monday evening": a date, not more of the name
                    tail.append(w.lower_)
                if tail and not ORG_TAILS.intersection(tail) and tail[0] not in CONNECTORS:
                    continue
            out.append(m)
        return out

    def _with_fuzzy(self, doc: Doc, found: list[NameMatch]) -> list[NameMatch]:
        """Named entities the knowledge base does not know exactly, matched to a near spelling."""
        named = {i for m in found for i in range(m.start, m.end) if any(t.kind != "agent" for t in m.terms)}
        titles = {i for m in found for i in range(m.start, m.end) if all(t.kind == "agent" for t in m.terms)}
        out = list(found)
        spans = [(e.start, e.end) for e in self._spans]
        in_ents = {i for a, b in spans for i in range(a, b)}
        # a capitalised word the tagger did not call a proper noun: in a standalone phrase ("Pakisatn")
        short = len(doc) <= PHRASE_TOKENS
        spans += [(t.i, t.i + 1) for t in doc if short and t.i not in in_ents and t.is_title and len(t) >= 5]
        hits = []
        for s, e in spans:
            if named.intersection(range(s, e)):
                continue
            start = s + (1 if doc[s].lower_ == "the" else 0)
            while start < e and start in titles:  # "Defence Minister Mamadou ...": the name after the title
                start += 1
            end = e - (1 if doc[e - 1].tag_ == "POS" else 0)
            if end <= start:
                continue
            if self._fuzzy is None:
                self._fuzzy = FuzzyNames(self.kb)
            hit = self._fuzzy.match([t.text for t in doc[start:end]])
            if hit is not None:
                hits.append(NameMatch(start, end, tuple(hit[1]), FUZZY))
        # a person's near spelling needs the sentence to vouch for it, misspelt countries included ("Quatar's emir")
        context = found + [m for m in hits if not any(t.kind == "person" for t in m.terms)]
        for m in hits:
            terms = corroborated(self.kb, m.terms, *self._context(doc[m.start].sent, context))
            if terms:
                out = [x for x in out if not (m.start <= x.start < m.end)]
                out.append(replace(m, terms=tuple(terms)))
        return sorted(out, key=lambda m: m.start)

    def _context(self, sent: Span, found: list[NameMatch]) -> tuple[set[str], set[str]]:
        """The countries and the offices a sentence names (what corroborates a near spelling)."""
        countries, roles = set(), set()
        for m in found:
            if sent.start <= m.start < sent.end:
                for t in m.terms:
                    if t.kind in PLACE_KINDS:
                        countries.add(t.ref)
                    elif t.kind == "agent" and self.kb.agents[t.ref].role:
                        roles.add(self.kb.agents[t.ref].role)
        return countries, roles

    def _with_places(self, doc: Doc, found: list[NameMatch], surnames: frozenset[int] = frozenset()) -> list[NameMatch]:
        """Place names the knowledge base does not know ("Lagos", "Gao") from the gazetteer, so
        that "police in Lagos" gets its country; not a known surname used as a name (``surnames``)."""
        if self._gazetteer is None:
            return found
        covered = {i for m in found for i in range(m.start, m.end)} | surnames
        out = list(found)
        # the countries the text names decide between namesakes ("Andalusian police ... in Cordoba")
        context = Counter(t.ref for m in found for t in m.terms if t.kind in PLACE_KINDS)
        for ent in self._spans:
            if covered.intersection(range(ent.start, ent.end)):
                continue
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            # after "in", "of", "from", "near" a town below 15,000 inhabitants may be the place too
            # ("police in Chasiv Yar"), under the place stage's guards (unique name, or its country named)
            before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            cue = Cue(locative=True, article=False, admin=False) if before in HOME_PREPS else None
            entry = self._gazetteer().choose(name, context, aliases=False, cue=cue)
            if entry is not None and entry.country:
                start = ent.start + (1 if ent[0].lower_ == "the" else 0)
                out.append(NameMatch(start, ent.end, (Term("place", entry.country),)))
        return self._qualified(doc, sorted(out, key=lambda m: m.start), context)

    def _qualified(self, doc: Doc, found: list[NameMatch], context: Counter[str]) -> list[NameMatch]:
        """"Paris, Kentucky", "Athens, Georgia", "Tripoli, Lebanon": a place name followed by the
        region or country it lies in names the place there, not its famous namesake, and both
        names say that place's country (the place stage reads the pair the same way)."""
        by_start = {m.start: m for m in found}
        swap: dict[int, NameMatch] = {}
        for m in found:
            q = by_start.get(m.end + 1)
            if q is None or doc[m.end].text != "," or not _place_name(m) or not _place_name(q):
                continue
            entry = self._gazetteer().qualified(doc[m.start:m.end].text, doc[q.start:q.end].text, context)
            if entry is None or not entry.country:
                continue
            for x in (m, q):
                if any(t.ref != entry.country for t in x.terms):
                    swap[id(x)] = replace(x, terms=(Term("place", entry.country),))
        return [swap.get(id(m), m) for m in found] if swap else found

    def _shared_acronyms(self, found: list[NameMatch]) -> list[NameMatch]:
        """A name several organisations share ("PTI": a Pakistani party, an Indian news agency)
        means first the one of the country the document names most; a phrase naming a country
        still chooses for itself (Resolver._of_country)."""
        orgs = self.kb.organisations
        shared = [i for i, m in enumerate(found) if sum(t.kind == "org" for t in m.terms) > 1]
        if not shared:
            return found
        context = Counter(t.ref for m in found for t in m.terms if t.kind in PLACE_KINDS)
        out = list(found)
        for i in shared:
            m = found[i]
            out[i] = replace(m, terms=tuple(sorted(m.terms, key=lambda t: -context[orgs[t.ref].country]
                                                   if t.kind == "org" and orgs[t.ref].country else 0)))
        return out

    @staticmethod
    def _is_head(tok: Token, matches: dict[int, NameMatch]) -> bool:
        m = matches.get(tok.i)
        if m is not None and tok.i == m.end - 1 and (tok.head.i == tok.i or (
                not (m.start <= tok.head.i < m.end) and matches.get(tok.head.i) is None
                and tok.head.pos_ not in {"NOUN", "PROPN"})):
            return True  # the last word of a known name that modifies nothing ("Kiev" mis-tagged as a verb)
        if tok.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "ADJ"}:
            return False
        return tok.dep_ not in {"compound", "amod", "nmod", "flat", "det", "nummod"} or tok.head.pos_ == "VERB"

    def _direct(self, tok: Token, matches: dict[int, NameMatch], when: date | None,
                own: set[int]) -> tuple[Actor, ...] | None:
        if tok.pos_ == "PRON":
            return None
        actor = self.resolver.resolve(tok, matches, when, lend=False)
        if actor is not None:
            own.add(tok.i)
        if actor is None or actor.code() is None:  # "demonstrators in Baghdad": the place lends a country
            actor = self.resolver.resolve(tok, matches, when) or actor
        if actor is None:
            return None
        found = (actor, *coordinated(actor, *zip(*self._coordinated_countries(tok, matches))))
        cut = self.resolver.coordination_inside(tok)
        if cut is not None and (first := self.resolver.resolve(cut.head, matches, when)) is not None:
            found = (first, *found)  # "Hakan Fidan and ... David Cameron held talks": both
        if self._anaphoric(tok) and actor.country is None and actor.org is None and actor.name is None:
            self._generic[tok.i] = found  # "the minister": coreference first, the bare sector if nobody fits
            return None
        return found

    @staticmethod
    def _coordinated_countries(tok: Token, matches: dict[int, NameMatch]) -> list[tuple[str | None, Span | None]]:
        """"Israeli and Egyptian officials", "the foreign ministers of Armenia and Azerbaijan": the
        country each word coordinated with the head's modifier names (coding/parties.py decides),
        with the word's own span where it names a party of its own ("a number of Syrians, Iraqis
        and Afghans"), else None (an adjective shares the head's phrase)."""
        out: list[tuple[str | None, Span | None]] = []
        mods = [m for m in tok.children if m.dep_ in {"amod", "compound", "nmod"}]
        objects: set[int] = set()
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
                for obj in (c for c in prep.children if c.dep_ == "pobj"):  # "thousands of Thai and Lao troops"
                    mods.append(obj)
                    objects.add(obj.i)
                    mods.extend(m for m in obj.children if m.dep_ in {"amod", "compound", "nmod"})
        for mod in mods:
            for c in mod.conjuncts:
                m = matches.get(c.i)
                country = next((t.ref for t in m.terms if t.kind in {"adjective", "country", "people"}), None) \
                    if m else None
                own = mod.i in objects and c.pos_ in {"NOUN", "PROPN"} and m is not None
                out.append((country, tok.doc[m.start:m.end] if own else None))
        return out

    @staticmethod
    def _coordination(tok: Token, heads: dict[int, tuple[Actor, ...]]) -> tuple[Actor, ...]:
        """The actors of ``tok`` and its conjuncts, when it is the first of a coordination."""
        if tok.dep_ == "conj":
            return ()
        conj = [c for c in tok.conjuncts if c.i > tok.i]
        if not conj:
            return ()
        group = list(heads.get(tok.i, ()))
        for c in conj:
            group.extend(heads.get(c.i, ()))
        return tuple(group) if len(group) > 1 else ()

    # -- coreference -----------------------------------------------------------------------

    @staticmethod
    def _anaphoric(tok: Token) -> bool:
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "predet", "nummod"}}
        return bool(dets & {"the", "both", "two", "this", "these", "that", "those"})

    def _corefer(self, tok: Token, s_i: int, history: list[Antecedent],
                 heads: dict[int, tuple[Actor, ...]]) -> tuple[Actor, ...]:
        # history is in reading order: walk back only as far as the look-back reaches
        recent = list(takewhile(lambda a: s_i - a.sentence <= LOOKBACK_SENTENCES, reversed(history)))
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in PRONOUNS:
            pick = next((a for a in recent if _agrees(low, a) and (a.sentence >= s_i - 1 or low not in THING_PRONOUNS)),
                        None)
        elif lemma in GROUP_NOUNS and self._anaphoric(tok) and (tok.tag_ == "NNS" or "both" in {
                c.lower_ for c in tok.children}):
            pick = next((a for a in recent if a.plural), None) or self._last_two(recent, lemma)
        elif low == "both" and tok.dep_ in {"nsubj", "nsubjpass"}:
            pick = next((a for a in recent if a.plural), None)
        elif self._anaphoric(tok) and tok.pos_ == "NOUN":
            pick = self._same_role(tok, recent)
        else:
            pick = None
        if pick is None:
            return ()
        if pick.sentence == s_i and tok.pos_ == "PRON":
            # "Trump called Erdogan and urged him": the name is the evidence; "Hamas said it had
            # told mediators in Egypt ... that it was ready": a subject pronoun of what was said is
            # the one who said it
            speaker = self._speaker(tok, s_i, heads)
            return speaker or pick.actors
        span = tok.doc[tok.left_edge.i:tok.i + 1] if tok.pos_ != "PRON" else tok.doc[tok.i:tok.i + 1]
        return tuple(replace(a, text=span.text, start=span.start_char, end=span.end_char) for a in pick.actors)

    @staticmethod
    def _speaker(tok: Token, s_i: int, heads: dict[int, tuple[Actor, ...]]) -> tuple[Actor, ...]:
        """The subject of the verb whose reported clause a subject pronoun heads, when it agrees."""
        clause = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
            return ()
        verb = clause.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "Peru recalled its envoy and said it would ...": the subject it shares
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in heads), None)
        if subj is None:
            return ()
        said = Antecedent(s_i, heads[subj.i], subj.tag_ in {"NNS", "NNPS"})
        return said.actors if _agrees(tok.lower_, said) else ()

    @staticmethod
    def _last_two(recent: list[Antecedent], lemma: str) -> Antecedent | None:
        """"the two ministers" after "X met Y": the last two distinct parties of the right kind."""
        want = {"state"} if lemma in STATE_GROUPS else {"person"}
        picked: list[Actor] = []
        for a in recent:
            if a.plural or a.actors[0].kind not in want:
                continue
            x = a.actors[0]
            if all((x.name or x.text) != (p.name or p.text) and x.code() != p.code() for p in picked):
                picked.append(x)
            if len(picked) == 2:
                return Antecedent(a.sentence, (picked[1], picked[0]))
        return None

    def _same_role(self, tok: Token, recent: list[Antecedent]) -> Antecedent | None:
        """"the minister" → the last single person whose role or sector the noun names."""
        agent = self.kb.agents.get(tok.lemma_.lower())
        if agent is None:
            return None
        for a in recent:
            if a.plural:
                continue
            x = a.actors[0]
            if x.kind != "person":
                continue
            if agent.role and x.role and agent.role.split()[-1] in x.role:
                return a
            if agent.sector and agent.sector == x.sector:
                return a
        return None

