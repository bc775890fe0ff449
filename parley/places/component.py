"""The ``parley_places`` pipeline component.

An event's place is a place name in the clause that reports it ("held a meeting in
Washington", "a stop in Tokyo"), looked up in the gazetteer (gazetteer.py: countries, cities,
first-level divisions, waters, towns and the user's places). Ambiguous names are settled by a qualifier in the text
("Washington, D.C."), the countries of the event's actors and of the whole document, then by
population. When nothing fits well enough, no place: a wrong pin is worse than none.

What a place says about the event's parties (their country, who hosts a meeting) is decided
after this stage, by ``parley_parties`` (coding/parties.py).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors.propn import proper_spans
from ..coding.clauses import arrival_of, infinitive  # pure functions of the parse
from ..model import Event, Place
from .clause import (CALENDAR, DIRECT_PREPS, GATHERINGS, PLACE_NOUNS, PLACE_PREPS, acted_on, after_place_noun,
                     aimed_at, cue_of, described_by_where, destination, hyphenated, names_camp, names_gathering,
                     names_more_exact, names_place, names_settlement, origin, over, same_occurrence, with_kind)
from .gazetteer import AROUND, Cue, GeoEntry, Gazetteer, fold, load_gazetteer
from .mentions import (capital_of, document_countries, document_states, known_place, mention_countries, seat_of,
                       starting_in)
from .user import load_user_places

__all__ = ["GeoEntry", "Gazetteer", "PlaceTagger", "load_gazetteer", "fold"]

# Events whose verb's object, when a place, is where they happened ("shelled Bakhmut", "raided the camp").
TARGETED = frozenset({"ASSAULT", "COERCE"})
OCCUPY = "192"  # CAMEO's occupying territory: the place taken is where it happened ("took Bohdanivka")
# The clauses an event's place is looked for in, upwards from its own: the one a participle,
# infinitive, coordinated or complement clause hangs from, and the noun phrase an event noun is part of.
CLIMB = frozenset({"advcl", "xcomp", "conj", "ccomp", "acl", "dobj", "pobj"})
# The clauses through which a place the verb acts on stays the target's ("hit Kharkiv, wounding five").
TARGET_CLIMB = frozenset({"advcl", "conj"})
# People a place name may modify as their nationality ("Myanmar nationals"): who, never where.
PEOPLE = frozenset({"national", "citizen", "migrant", "refugee", "worker", "people", "civilian", "soldier", "troop",
                    "fisherman", "sailor", "tourist", "pilgrim", "prisoner", "detainee", "student", "journalist",
                    "diplomat", "official", "activist", "man", "woman", "child", "resident", "crew"})
# Prepositions a place phrase may sit under ("talks with commanders in Benghazi").
CHAIN_PREPS = PLACE_PREPS | {"with", "before", "for", "against", "by", "among", "between", "to", "over", "during",
                             "after", "following"}


def _purpose_of(anchor: Token) -> Token | None:
    """The verb an infinitive of purpose serves ("gathered ... to denounce"), if ``anchor`` is one."""
    if anchor.dep_ in {"advcl", "xcomp"} and anchor.head.pos_ == "VERB" and infinitive(anchor):
        return anchor.head
    return None


def _modified(root: Token) -> Token:
    """The noun a modifier chain ends in: "the Nur Shams refugee camp" → camp."""
    while root.dep_ in {"poss", "compound", "nmod"} and root.head.i != root.i:
        root = root.head
    return root


def _inner_first(found: list[tuple[float, Span, Span | None]]) -> list[tuple[float, Span, Span | None]]:
    """"an air strike on Jabalia in the northern Gaza Strip", "Vuhledar, a mining town in the
    Donetsk region": a place that only says where another place mention lies comes right after
    it, however it hangs from the event."""
    rank_at = {ent.end: rank for rank, ent, _ in found}
    rank_in = {i: rank for rank, ent, _ in found for i in range(ent.start, ent.end)}
    out = []
    for rank, ent, qualifier in found:
        root = ent.root.head if ent.root.dep_ == "compound" else ent.root  # "the Donetsk region"
        noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "in" else None
        if noun is not None and noun.dep_ == "appos" and noun.lemma_.lower() in PLACE_NOUNS and noun.head.i in rank_in:
            rank = rank_in[noun.head.i] + 0.1  # "Vuhledar, a mining town in the Donetsk region"
            out.append((rank, ent, qualifier))
            continue
        doc, before = ent.doc, ent.start - 1
        while before > 0 and (doc[before].lower_ == "the" or AROUND.match(doc[before].text + " ")):
            before -= 1  # "in the northern"
        # by the words, not the parse, which often hangs "in Y" from the event's noun
        if before > 0 and doc[before].lower_ == "in" and before in rank_at:
            rank = rank_at[before] + 0.1
        out.append((rank, ent, qualifier))
    return out


def _spelling_cue(span: Span, cue: Cue) -> bool:
    """The words before let another spelling of a place count: "in Kupiansk", "an air strike on
    Jabalia", "the shelling of Nuseirat" (not "the Jabalia", a common noun used as a name)."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return not cue.article and (cue.locative or before in {"on", "of"})



@Language.factory("parley_places", default_config={"places": []}, assigns=["doc._.events"],
                  requires=["doc._.events", "doc._.event_anchors", "doc._.name_matches", "doc._.proper_spans",
                            "doc._.actor_heads", "doc._.own_heads", "token.dep"])
def make_places(nlp: Language, name: str, places: list[str]) -> "PlaceTagger":
    """The tagger over the shipped gazetteer, extended by the user's place files (``--places``):
    those are read now, so that a bad file fails before any text is coded."""
    extra = [Path(p) for p in places]
    return PlaceTagger(load_user_places(load_gazetteer(), extra) if extra else None)


class PlaceTagger:
    """spaCy component: sets ``location`` on ``Doc._.events`` from the event's clause."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self._gazetteer = gazetteer  # the shipped one is loaded on first use

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.events:
            return doc
        doc_countries = document_countries(doc)
        anchors = doc._.event_anchors  # aligned with the events (parley_coder)
        doc._.events = [self._place(ev, doc[i], doc_countries) for ev, i in zip(doc._.events, anchors, strict=True)]
        return doc

    def _place(self, ev: Event, anchor: Token, doc_countries: Counter[str]) -> Event:
        parties = tuple((a.country, a.start, a.end) for a in ev.actor + ev.recipient if a.country)
        place = self.place_for(anchor, Counter(doc_countries), parties, target=ev.event in TARGETED or ev.cameo == OCCUPY)
        if place is None:
            return ev
        explain = dict(ev.explain)
        explain["location"] = f"'{place.text}' in the event's clause"
        return replace(ev, location=place, explain=tuple(explain.items()))

    def place_for(self, anchor: Token, context: Counter[str],
                  parties: tuple[tuple[str, int, int], ...] = (), target: bool = False) -> Place | None:
        """The gazetteer place named in the clause of ``anchor`` (or, for a participle or
        coordinated clause, of the clause it hangs from: "clashes broke out in Tripoli, killing
        three"), chosen in ``context`` less what the place name itself contributed. With
        ``target`` (force used), a place the event's verb acts on is where it happened ("shelled
        Bakhmut"), and so is one the verb it hangs from acts on ("hit Kharkiv, wounding five").
        Above a complement clause ("announced in Caracas that talks would begin") the verb's own
        place counts, not its subject's or object's: "the ministry in Kabul said its forces had
        fired" says where the speaker is, not where the event happened. Last, a clause hanging from
        these verbs that tells the same occurrence ("Speaking in Caracas, X ordered ..."). An
        infinitive of purpose is first placed by its own words, then by the act it serves, before
        the places in what it is about ("gathered in Washington to denounce the invasion of Ukraine")."""
        t, aimed, speaker, seen = anchor, target, False, [anchor]
        if (purpose := _purpose_of(anchor)) is not None:
            # "gathered outside the embassy in Washington to denounce Russia's invasion of Ukraine":
            # the verb's own place, else the one its purpose serves, before the place of what it is about
            for verb in (anchor, purpose):
                if (place := self._place_in(verb, context, parties, target, args=False)) is not None:
                    return place
        for _ in range(3):
            place = self._place_in(t, context, parties, aimed, args=not speaker)
            if place is not None or t.dep_ not in CLIMB:
                break
            aimed = aimed and t.dep_ in TARGET_CLIMB
            speaker = speaker or t.dep_ == "ccomp"
            t = t.head
            seen.append(t)
        if place is not None:
            return place
        if (place := self._where(t, context, parties)) is not None:
            return place
        # a clause that tells the same occurrence: "Speaking in Caracas, X ordered ...", "visited
        # Ukraine, meeting Y in Kyiv", "were killed when forces shelled Zaporizhzhia"
        for verb in [*seen, *anchor.conjuncts]:  # "were killed and eight wounded when forces shelled X"
            for c in verb.children:
                if c.dep_ == "advcl" and same_occurrence(c) and (place := self._place_in(c, context, parties, target)):
                    return place
        return None

    def _where(self, verb: Token, context: Counter[str], parties: tuple[tuple[str, int, int], ...]) -> Place | None:
        """"Russia's Kursk region, where Ukrainian troops launched an offensive": a relative clause
        opened by "where" happened at the place it describes."""
        if (head := described_by_where(verb)) is None:
            return None
        found = [ent for ent in self._place_mentions(verb.sent) if ent.start <= head.i < ent.end or (
            ent.root.head.i == head.i and ent.root.dep_ in {"compound", "poss", "nmod"}
            and head.lemma_.lower() in PLACE_NOUNS)]
        # "Russia's Kursk region": the region, not its owner
        for ent in sorted(found, key=lambda e: e.root.dep_ == "poss"):
            if (place := self._resolve(ent, None, verb, context, parties)) is not None:
                return place
        return None

    def _place_in(self, anchor: Token, context: Counter[str], parties: tuple[tuple[str, int, int], ...],
                  target: bool = False, args: bool = True) -> Place | None:
        for ent, qualifier in self._clause_places(anchor, target, args):
            place = self._resolve(ent, qualifier, anchor, context, parties)
            if place is not None:
                return place if place.feature != "country" else self._refined(place, anchor, context, parties)
        return None

    def _resolve(self, ent: Span, qualifier: Span | None, anchor: Token, context: Counter[str],
                 parties: tuple[tuple[str, int, int], ...], unlisted: bool = True) -> Place | None:
        """The gazetteer place a mention names, in the text's countries less its own; with
        ``unlisted``, a settlement the text names that the gazetteer lacks."""
        own = mention_countries(ent)
        ctx = Counter({k: v - own.get(k, 0) for k, v in context.items() if v - own.get(k, 0) > 0})
        for country, start, end in parties:  # the event's parties vote twice, unless the place named them
            if not (start < ent.end_char and ent.start_char < end):
                ctx[country] += 2
        seat = seat_of(ent)
        if ent[-1].lower_ == "capital" and (country := capital_of(ent)):
            entry = self.gazetteer.seat(country)  # "met in the Saudi capital": Riyadh
        elif seat is not None and not any(c.country == seat for c in self.gazetteer.candidates(ent.text)):
            entry = self.gazetteer.seat(seat)  # "at the White House": Washington
        else:
            cue = cue_of(ent)
            named = known_place(ent) or after_place_noun(ent)
            entry = self.gazetteer.choose(with_kind(ent, cue), ctx, qualifier.text if qualifier is not None else None,
                                          aliases=named or _spelling_cue(ent, cue),
                                          states=document_states(anchor.doc), cue=cue)
            if entry is not None and not named and self.gazetteer.is_alias(ent.text, entry) and \
                    not document_countries(anchor.doc).get(entry.country or ""):
                return None  # another spelling counts in a country the text names ("Africa" is not Mahdia)
        if entry is None:
            return self._unlisted(ent, anchor, context, parties) if unlisted else None
        said = ent if qualifier is None else ent.doc[ent.start:qualifier.end]
        return Place(text=said.text, name=entry.name, country=entry.country, lat=entry.lat, lon=entry.lon,
                     geonameid=entry.geonameid,
                     admin1=self.gazetteer.admin_names.get((entry.country or "", entry.admin1 or ""), entry.admin1),
                     feature=entry.feature, start=said.start_char, end=said.end_char)

    def _unlisted(self, ent: Span, anchor: Token, context: Counter[str],
                  parties: tuple[tuple[str, int, int], ...]) -> Place | None:
        """"the village of Hroza in Kharkiv Oblast": a settlement the text names as one but the
        gazetteer lacks (frontline villages, camps) is still the place, by its name and without
        coordinates (a guessed pin is worse than none); its country is that of the nearest place
        the sentence names, after it first ("X in northern Mali")."""
        if not names_settlement(ent):
            return None
        others = sorted((o for o in self._place_mentions(anchor.sent) if o.end <= ent.start or o.start >= ent.end),
                        key=lambda o: (o.start < ent.start, abs(o.start - ent.start)))
        country = next((p.country for o in others
                        if (p := self._resolve(o, None, anchor, context, parties, unlisted=False)) and p.country), None)
        name = (ent[1:] if ent[0].lower_ == "the" else ent).text
        name = f"{name} Camp" if names_camp(ent) else name  # the camp, not the town it is named after
        return Place(text=ent.text, name=name, country=country, feature="city",
                     start=ent.start_char, end=ent.end_char)

    def _refined(self, country: Place, anchor: Token, context: Counter[str],
                 parties: tuple[tuple[str, int, int], ...]) -> Place:
        """"launched attacks in Pakistan, targeting bases in the border town of Panjgur": a place in
        that country which the event's own clause also names is the more exact place of it (not one
        outside the clause: "officials in Islamabad said Iran struck Pakistan" places the speakers)."""
        clause, steps = anchor, 0
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i and steps < 3:
            clause, steps = clause.head, steps + 1  # "launched attacks in Pakistan": the light verb's clause
        inside = {t.i for t in clause.subtree}
        for ent in self._place_mentions(anchor.sent):
            if ent.root.i not in inside or ent.start_char == country.start:
                continue
            place = self._resolve(ent, None, anchor, context, parties)
            if place is not None and place.country == country.country and place.feature != "country":
                return place
        return country

    def _clause_places(self, anchor: Token, target: bool = False, args: bool = True) -> list[tuple[Span, Span | None]]:
        """Place entities attached by a place preposition to the event's words, where it happened
        ("at a rally in Caracas") before where it was aimed ("troops to the border with Guyana"),
        and with ``target`` the place the verb acts on ("shelled Chasiv Yar"); with ``args``, also
        places of the verb's subject and object ("police in Paris")."""
        sent = anchor.sent
        own = {anchor.i}
        if anchor.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} and anchor.head.pos_ in {"VERB", "AUX"}:
            own.add(anchor.head.i)  # "made a stop in Tokyo", "talks broke down in Addis Ababa"
        if anchor.dep_ == "pobj" and anchor.head.head.pos_ in {"VERB", "AUX"}:
            own.add(anchor.head.head.i)  # "went on strike across Panama"
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (amount := anchor.head.head).dep_ in {
                "dobj", "nsubj", "nsubjpass"} and amount.head.pos_ in {"VERB", "AUX"}:
            own.update((amount.i, amount.head.i))  # "launched a series of strikes in Iran"
        # verbs coordinated with the event's, sharing its subject ("set cars on fire and hurled stones ..."),
        # and its complements ("helped clear ice jams on the river in Toledo")
        own.update(c.i for v in list(own) for c in sent.doc[v].conjuncts
                   if c.pos_ in {"VERB", "AUX"} and not any(x.dep_ == "nsubj" for x in c.children))
        own.update(c.i for v in list(own) for c in sent.doc[v].children if c.dep_ == "xcomp")
        own.update(v.i for v in [arrival_of(anchor)] if v is not None)  # "doses donated by China arrived in Harare"
        verbs = [t for t in (anchor, anchor.head) if t.i in own]
        # "Police in Paris arrested ...": the subject's or object's place is the event's, after the verb's own
        nouns = {c.i for v in verbs for c in v.children if c.dep_ in {"dobj", "attr", "nsubjpass", "nsubj"}} \
            if args else set()
        ents = self._place_mentions(sent)
        found = []
        for i, ent in enumerate(ents):
            rank = 0 if self._attached(ent.root, own, speaker=not args) else (
                1 if self._attached(ent.root, nouns, nouns=True) else None)
            if rank == 0 and (destination(ent.root, own) or origin(ent.root, own)):
                rank = 0.25
            if rank is None and target and (acted_on(ent.root, own) or (
                    ent.root.dep_ in {"poss", "compound", "nmod"} and acted_on(modified := _modified(ent.root), own)
                    and modified.lemma_.lower() not in PEOPLE)):  # "deported Myanmar nationals": whose
                rank = 1  # "struck Iran's nuclear sites", "shelled the Zamzam camp"
            if rank is None and over(ent.root, own | nouns) and self._water(ent):
                rank = 0  # "shot down drones over the Black Sea"
            if rank is None and names_gathering(ent.root, anchor):
                rank = 0  # "the Hague summit", "the Vilnius talks"
            if rank is None:
                continue
            if ent.root.dep_ == "poss":  # "Russia's Kursk region", not "Sudan's paramilitary forces"
                if not names_place(ent.root.head, ents) and not (target and aimed_at(ent.root.head)):
                    continue  # the owner of a force or a person: a nationality, never the event's place
            if names_more_exact(ent, ents):
                rank += 0.5  # "Russia's Kursk region", "the West Bank city of Hebron": the inner place first
            qualifier = None
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and nxt.start == ent.end + 1 and ent.doc[ent.end].text == ",":
                qualifier = nxt
            found.append((rank, ent, qualifier))
        return [(e, q) for _, e, q in sorted(_inner_first(found), key=lambda x: x[0])]

    def _water(self, ent: Span) -> bool:
        return any(c.feature == "water" for c in self.gazetteer.candidates(ent.text, extra=True))

    def _place_mentions(self, sent: Span) -> list[Span]:
        """The sentence's place names, worked out once per sentence (many events share one)."""
        memo = sent.doc.user_data.setdefault(("parley", "place_mentions"), {})
        if (sent.start, sent.end) not in memo:
            memo[(sent.start, sent.end)] = self._find_place_mentions(sent)
        return memo[(sent.start, sent.end)]

    def _find_place_mentions(self, sent: Span) -> list[Span]:
        """Place names in a sentence: the knowledge base's countries, capitals and regions, and
        proper-noun stretches the gazetteer knows ("Tripoli", "Paris, Texas", "the port of Cartagena")."""
        doc = sent.doc
        out: dict[tuple[int, int], Span] = {}
        named = []  # persons and organisations the knowledge base knows are not places
        for m in starting_in(doc, "matches from", doc._.name_matches or (), sent):
            kinds = {t.kind for t in m.terms}
            gap = 1 if m.end < sent.end and doc[m.end].lower_ in {"'s", "’s"} else 0  # "Qatar's capital"
            if kinds & {"country", "adjective"} and m.end + gap < sent.end and doc[m.end + gap].lower_ == "capital":
                out[(m.start, m.end + gap + 1)] = doc[m.start:m.end + gap + 1]  # "the Chinese capital"
            elif kinds & {"country", "capital", "place"}:
                out[(m.start, m.end)] = doc[m.start:m.end]
            elif kinds & {"person", "org"} and not (m.rule.startswith("surname") and m.start > sent.start
                                                   and doc[m.start - 1].lower_ in DIRECT_PREPS):
                named.append(range(m.start, m.end))  # ... but "in Windsor" is a place, whoever bears the name
        spans = starting_in(doc, "proper spans", doc._.proper_spans, sent) if doc._.proper_spans else proper_spans(sent)
        for span in map(hyphenated, spans):
            if any(set(range(span.start, span.end)) & set(r) for r in named) or (span.start, span.end) in out:
                continue
            if any(a <= span.start and span.end <= b for a, b in out):
                continue
            span = self._gathering_place(span)
            cued, cue = after_place_noun(span), cue_of(span)
            if self.gazetteer.choose(with_kind(span, cue), Counter(), aliases=cued, strict=False, cue=cue) is not None \
                    or self._other_spelling(span, cue) or names_settlement(span):
                for key in [k for k in out if span.start <= k[0] and k[1] <= span.end]:
                    del out[key]  # "Belize City" over "Belize"
                out[(span.start, span.end)] = span
        # "in March", "on Friday": a date, whatever town bears the name
        return sorted((e for e in out.values() if not (len(e) == 1 and e.text.lower() in CALENDAR)), key=lambda e: e.start)

    def _other_spelling(self, span: Span, cue: Cue) -> bool:
        """"an air strike on Jabalia": after a locative preposition, another spelling of a place
        (GeoNames' "Jabālyā") in a country the text names."""
        if not _spelling_cue(span, cue):
            return False
        entry = self.gazetteer.choose(with_kind(span, cue), Counter(), aliases=True, strict=False, cue=cue)
        return entry is not None and bool(document_countries(span.doc).get(entry.country or ""))

    def _gathering_place(self, span: Span) -> Span:
        """"the Antalya Diplomacy Forum", "the Astana talks": a gathering named after its place
        stands for that place (the leading words the gazetteer knows); any other span as it is."""
        if len(span) < 2 or span[-1].lemma_.lower() not in GATHERINGS:
            return span
        for end in range(span.end - 1, span.start, -1):
            head = span.doc[span.start:end]
            if head[0].lower_ != "the" and self.gazetteer.choose(head.text, Counter(), strict=False, cue=Cue()) is not None:
                return head
        return span

    @staticmethod
    def _attached(root: Token, own: set[int], nouns: bool = False, speaker: bool = False) -> bool:
        """The place hangs from the event's words through a chain of place phrases: "in Hyderabad",
        "at a restaurant in Hyderabad", "at the port of Cartagena", "troops stationed in Kuwait",
        "shacks in Harare's townships". With ``nouns`` (the event's subject or object), only through
        "in", "at" and their kind: "police in Paris" places the event, "a delegation from Moscow" not.
        With ``speaker`` (a verb that reports the event), not through its subject: "the ministry in
        Kabul said" places the speaker."""
        t, steps, direct, last = root, 0, False, ""
        while steps < 14 and t.head.i != t.i:
            steps += 1
            if t.dep_ in {"compound", "appos", "amod", "nmod", "flat", "poss", "conj"}:
                t = t.head
                continue
            if t.dep_ == "pobj" and t.head.lower_ in CHAIN_PREPS:
                last = t.head.lower_
                direct = direct or last in DIRECT_PREPS or (last == "from" and not nouns and t.head.head.i in own) \
                    or (last == "on" and t.lemma_.lower() in PLACE_NOUNS) \
                    or (last == "of" and t.head.head.lemma_.lower() in PLACE_NOUNS)  # "on the outskirts of X"
                t = t.head.head  # the preposition's head: a verb of the event or a noun on the way
            elif t.dep_ in {"dobj", "nsubj", "nsubjpass", "attr", "npadvmod"} and t.head.i in own and direct:
                return not nouns and not (speaker and t.dep_ == "nsubj")
            elif t.dep_ == "prep" and (t.lower_ in DIRECT_PREPS or t.lower_ == "out") and last == "of":
                direct, t = True, t.head  # a two-word preposition: "outside of Basra", "pulled out of Estonia"
            else:
                return False
            if t.i in own:  # for the subject or object: "police in Paris", "the streets of Rome"
                return direct if not nouns else last in DIRECT_PREPS | {"of", "on"}
            if t.pos_ in {"VERB", "AUX"}:
                if t.dep_ == "acl":
                    t = t.head  # "cocaine hidden in crates", "highways leading into New Delhi": same phrase
                    continue
                return False  # another clause's place
        return False
