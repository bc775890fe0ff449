"""Who is actor and who is recipient of an event, read off the dependency parse.

Functions here take the trigger's tokens and the document's resolved actor heads
(``Doc._.actor_heads``) and return the actors in each role with a short note of where they
came from, which ``--explain`` shows.
"""
from __future__ import annotations

import calendar
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import Actor
from .parties import UNRESOLVED, at_clause_place

__all__ = ["Found", "Heads", "actors_of", "allowed", "asker_of", "defied", "given_to", "hosts", "is_passive",
           "is_passive_participle", "owner_of", "owner_or_self", "participants_between", "prep_object",
           "recipient_of", "rejected_from", "subject_of", "unresolved", "yielded_to"]

Heads = dict[int, tuple[Actor, ...]]
Found = tuple[tuple[Actor, ...], str]  # actors, and how they were found

# Prepositions that introduce a recipient, in the order they are preferred.
RECIPIENT_PREPS = ("with", "to", "against", "on", "upon", "at", "toward", "towards", "into", "for", "over", "from",
                   "between", "among")
SUBJECT_DEPS = {"nsubj", "csubj"}
OWNER_PREPS = ("by", "of", "from")
RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
# "the talks, reported by TASS": the reporter is a source, not the owner of the event
REPORT_LEMMAS = {"report", "cite", "quote", "say", "announce", "describe", "mention", "see", "note"}
# "HRW issued a statement calling on X": whoever issues, publishes or adopts a text makes its call
ISSUE_LEMMAS = frozenset({"issue", "release", "publish", "put", "send", "deliver", "make", "sign", "adopt", "pass",
                          "table", "present", "submit", "write", "post"})
# clauses that report an event rather than set its background ("when a former dictator expelled them")
ASSERTED_CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "conj", "parataxis"})
NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name, *calendar.day_abbr,
                                                *calendar.month_abbr) if w)


def actors_of(tok: Token | None, heads: Heads) -> tuple[Actor, ...]:
    """The actors of a noun phrase and of the phrases coordinated with it."""
    if tok is None:
        return ()
    own = list(heads.get(tok.i, ()))
    out: list[Actor] = list(own)
    # the parse may hang the list on an apposition ("the space agency Glavkosmos and the Indian
    # Space Research Organization")
    listed = [*tok.conjuncts, *(c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts if c.i > a.i)]
    for c in listed:
        if c.i > tok.i or tok.dep_ == "conj":
            # a named phrase listed with a known party is a party too ("sanctions on Mike Pompeo,
            # Alex Azar and Steve Bannon"), even when the actor stage does not know it
            for a in heads.get(c.i, ()) or (unresolved(c) if out else ()):
                if a not in out:
                    out.append(a)
    if out and not own:  # "urged Europe and the United States": the first named too
        out[:0] = [a for a in unresolved(tok) if a not in out]
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
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and _child(verb, {"dobj"}) is not None and (found := actors_of(verb.head, heads)):
        # "The Iraqi air force carried out air strikes": a sentence whose verb the parse took for
        # a modifier of its subject (it has an object: no passive participle)
        return found, "subject (parsed as what the verb modifies)"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "launchers supplied by the United States"
        agent = _child(verb, {"agent"})
        obj = _pobj(agent) if agent is not None else None
        return (actors_of(obj, heads), "passive agent") if obj is not None else ((), "")
    if is_passive(verb):
        agent = _child(verb, {"agent"})
        obj = _pobj(agent) if agent is not None else None
        return (actors_of(obj, heads), "passive agent") if obj is not None else ((), "")
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    for subj in subjects:  # "Parliament's lead negotiator Guy Verhofstadt": the parse may give two
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return owner_or_self(verb.head, heads, depth + 1), "relative clause"
        found = actors_of(subj, heads)
        if found:
            return found, "subject"
        # "the statements of X", "North Korea's statements": the subject's owner acts
        owned = owner_of(subj, heads, depth + 1)
        if owned:
            return owned, "subject's owner"
    if subjects:  # a subordinate clause's stranger is background ("when a former dictator expelled them")
        named = unresolved(subjects[0]) if verb.dep_ in ASSERTED_CLAUSES else ()
        return (named, "subject (not identified)") if named else ((), "")
    # a known party before the verb that the parse took for a modifier ("USAID deployed ...", USAID
    # tagged as an adverb): the verb has no subject, so it is one
    misparsed = next((c for c in verb.lefts if c.dep_ in {"advmod", "npadvmod", "dep"} and heads.get(c.i)), None) \
        if verb.dep_ in ASSERTED_CLAUSES and verb.tag_ in {"VBD", "VBZ", "VBP"} else None  # not "US-backed"
    if misparsed is not None:
        return heads[misparsed.i], "subject (parsed as a modifier)"
    # controlled or shared subjects: "X agreed to meet", "X met Y and signed"
    # ... and the doer of a gerund after a preposition: "continued its efforts by donating supplies"
    gerund = verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in {"by", "through"}
    # ... and of what a party lets or makes happen with no subject of its own ("Ethiopia let free 74 leaders")
    caused = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in {"let", "make"}
    # object control: "pressured the lecturers to cancel the strike", "urged Iran to return":
    # the one told to act does it
    told = _child(verb.head, {"dobj"}) if verb.dep_ == "xcomp" and verb.head.i != verb.i else None
    if told is not None and told.i < verb.i and (found := owner_or_self(told, heads)):
        return found, "object of the verb it depends on"
    if (verb.dep_ in {"xcomp", "conj", "advcl"} or gerund or caused) and verb.head.i != verb.i:
        found, how = subject_of(verb.head.head if gerund else verb.head, heads, depth + 1)
        if found:
            return found, how if how.startswith("inherited") else f"inherited ({how})"
    if verb.dep_ in {"acl", "relcl"}:
        noun = verb.head
        owned = owner_or_self(noun, heads, depth + 1)
        if not owned and noun.dep_ == "dobj" and noun.head.lemma_ in ISSUE_LEMMAS:
            found, how = subject_of(noun.head, heads, depth + 1)  # "issued a statement urging X"
            return found, f"who issued the {noun.lemma_}" if found else ""
        return owned, "modified noun"
    return (), ""


def unresolved(tok: Token, named: bool = True) -> tuple[Actor, ...]:
    """A named noun phrase the parse puts in a role but the actor stage did not identify ("the
    Hungarian Civil Liberties Union", "Members of the Association of African Jurists"): a party
    of its own, with its span and no code. Unnamed phrases ("a series of bombs", "emergency
    measures") are things more often than parties, so they are left out unless the role is one
    only a party fills (``named=False``: who made an offer, whom aid is given to)."""
    if tok.tag_ not in NOMINAL_TAGS or (named and not _named(tok)):
        return ()
    left = tok.left_edge
    while left.i < tok.i and left.dep_ in {"det", "punct", "cc", "predet"}:
        left = left.nbor()
    span = tok.doc[left.i:tok.i + 1]
    return (Actor(text=span.text, start=span.start_char, end=span.end_char, kind=UNRESOLVED),)


def _named(tok: Token, depth: int = 0) -> bool:
    """A proper noun heads the phrase, modifies it, or names what it is "of"; calendar words
    ("on Sunday", "in March") are dates, not parties."""
    if tok.tag_ in {"NNP", "NNPS"}:
        return tok.lower_.rstrip(".") not in CALENDAR_WORDS  # "on Dec. 10"
    for c in tok.children:
        if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.tag_ in {"NNP", "NNPS"} and (
                c.lower_.rstrip(".") not in CALENDAR_WORDS):
            return True
        if c.dep_ == "amod" and c.tag_ == "JJ" and c.text.istitle() and c.i > c.sent.start and (
                tok.tag_ == "NNS"):
            return True  # "European allies", "various African countries": a people's adjective names a group
        if depth == 0 and c.dep_ == "prep" and c.lower_ == "of":
            obj = _pobj(c)
            if obj is not None and _named(obj, depth + 1):
                return True
    return False


def rejected_from(verb: Token, heads: Heads) -> tuple[Actor, ...] | None:
    """Who made what a verb rejects, named or not: "rejected accusations by many European
    countries", "spurned offers by the Kabul government" (a party by the preposition, where the
    actor stage finds none)."""
    obj = _child(verb, {"dobj"}) if verb.pos_ in {"VERB", "AUX"} else None
    if obj is None:
        return None
    # the object, or what it is for ("offers for peace talks by the Kabul government")
    nouns = [obj] + [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "for"
                     for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        who = _pobj(by) if by is not None else None
        if who is not None and (found := owner_or_self(who, heads) or unresolved(who, named=False)):
            return found
    return None


def given_to(verb: Token, heads: Heads) -> tuple[Actor, ...]:
    """Whom something is given to, named or not: the object of "to" on the verb or on what it
    gives ("provided financial assistance to about 550 households")."""
    for host in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for prep in host.children:
            if prep.dep_ in {"prep", "dative"} and prep.lower_ == "to" and (obj := _pobj(prep)) is not None:
                return owner_or_self(obj, heads) or unresolved(obj, named=False)
    return ()


# what a refusal can be made in the face of: whoever asked is whom it rejects
ASKING_NOUNS = frozenset({"request", "pressure", "call", "demand", "appeal", "plea", "ultimatum", "urging"})


def defied(verb: Token, heads: Heads) -> tuple[Actor, ...]:
    """Whose request a refusal is made despite: "declined to resign despite the pressure by the
    US Congress", "refused to step down despite calls from the opposition"."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp"), *([verb.head] if verb.dep_ == "xcomp" else [])]
    for host in verbs:
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ == "despite" and (noun := _pobj(prep)) is not None \
                    and noun.lemma_.lower() in ASKING_NOUNS:
                return asker_of(noun, heads)
    return ()


def asker_of(noun: Token, heads: Heads) -> tuple[Actor, ...]:
    """Who made a request, a demand, a call ("the demands of the protesting truck drivers",
    "calls from the opposition"), identified or named."""
    asker = _child(noun, {"poss"}) or next((_pobj(p) for p in noun.children if p.dep_ == "prep"
                                            and p.lower_ in {"by", "from", "of"}), None)
    return owner_of(noun, heads) or (unresolved(asker, named=False) if asker is not None else ())


def allowed(verb: Token, heads: Heads) -> tuple[Actor, ...]:
    """Whom a concession lets act: the subject of the clause it allows ("will allow UN
    investigators to visit Rakhine state", which the parse reads as a clause of its own)."""
    clause = _child(verb, {"ccomp"})
    subj = _child(clause, SUBJECT_DEPS) if clause is not None else None
    return owner_or_self(subj, heads) if subj is not None else ()


def yielded_to(verb: Token, heads: Heads) -> tuple[Actor, ...]:
    """Whom a concession gives in to: who made the demands it meets ("conceded to the demands of
    the truck drivers", "gave in to demands by the teachers' unions")."""
    for c in verb.children:
        noun = _pobj(c) if c.dep_ == "prep" and c.lower_ == "to" else (c if c.dep_ == "dobj" else None)
        if noun is not None and noun.lemma_.lower() in ASKING_NOUNS:
            return asker_of(noun, heads)
    return ()


# what an international body sends to a country, whose host is a party too
MISSION_NOUNS = frozenset({"mission", "force", "operation", "contingent"})
CIVILIAN_SECTORS = frozenset({"CVL", "REF"})


def hosts(recipient: tuple[Actor, ...], heads: Heads, doc: Doc) -> tuple[Actor, ...]:
    """"troops to the UN peacekeeping mission in Mali": the country a mission or force is in is
    whom the act reaches as well; so are the countries civilians it reaches are in."""
    out: list[Actor] = []
    for r in recipient:
        span = doc.char_span(r.start, r.end, alignment_mode="expand")
        # ... and the countries civilians are in ("to help people in Somalia, Ethiopia and Kenya"),
        # each country once
        civilians = r.sector in CIVILIAN_SECTORS or r.kind == "people"
        if span is None or (span.root.lemma_.lower() not in MISSION_NOUNS and not civilians):
            continue
        for prep in span.root.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and (obj := _pobj(prep)) is not None:
                for a in (a for o in (obj, *obj.conjuncts) for a in actors_of(o, heads)):
                    taken = {x.country for x in (*recipient, *out)} if civilians else set()
                    if a.kind in {"state", "place"} and a not in recipient and a not in out and a.country not in taken:
                        out.append(a)
    return tuple(out)


def owner_or_self(noun: Token, heads: Heads, depth: int = 0) -> tuple[Actor, ...]:
    return actors_of(noun, heads) or owner_of(noun, heads, depth)


def owner_of(noun: Token, heads: Heads, depth: int = 0, nominal: bool = False) -> tuple[Actor, ...]:
    """Who a noun belongs to: "North Korea's statements", "calls by Annan", "an offer from Kabul",
    "Israeli airstrikes". For an event noun ``nominal``, "of X" is the patient ("the killing of X"),
    not the owner."""
    if depth > 6:
        return ()
    poss = _child(noun, {"poss"})
    if poss is not None and (found := actors_of(poss, heads)):
        return found
    for mod in noun.children:  # "Israeli airstrikes", "US sanctions"
        if mod.dep_ in {"amod", "compound", "nmod"} and mod.i < noun.i and (found := heads.get(mod.i, ())):
            return found
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in OWNER_PREPS and not (nominal and prep.lower_ == "of"):
            obj = _pobj(prep)
            if obj is not None and (found := actors_of(obj, heads)):
                return found
    agent = _child(noun, {"acl"})
    if agent is not None and is_passive_participle(agent) and agent.lemma_ not in REPORT_LEMMAS:
        by = next((c for c in agent.children if c.dep_ == "agent"), None)
        if by is not None and (found := actors_of(_pobj(by), heads)):
            return found
        # "drone strikes attributed to the Malian army", "an attack blamed on the RSF"
        to = next((c for c in agent.children if c.dep_ == "prep" and (c.lower_, agent.lemma_.lower()) in {
            ("to", "attribute"), ("on", "blame")}), None)
        if to is not None and (found := actors_of(_pobj(to), heads)):
            return found
    return ()


def is_passive_participle(tok: Token) -> bool:
    return tok.tag_ == "VBN"


# Dependencies a recipient search follows downwards from the trigger.
FOLLOW = frozenset({"dobj", "prep", "pobj", "pcomp", "xcomp", "dative", "attr", "acomp", "oprd", "appos",
                    "nsubjpass", "agent",
                    "prt"})  # "kidnapped up to 16 advisers": the parser takes "up" for the verb's particle
# below a noun, also its coordinated nouns and participle modifiers: "vehicles and a team of
# paratroopers to Lebanon", "sanctions imposed on India" (below a verb they lead to other clauses)
NOUN_FOLLOW = frozenset({"conj", "acl"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})
# prepositions whose unidentified object is still the party acted on ("fired on protesters")
LOOSE_PREPS = frozenset({"with", "to", "against", "on", "upon", "at", "toward", "towards"})
PLACE_PREPS = frozenset({"in", "into", "inside", "near", "at", "across", "throughout", "outside", "within"})
# "after the killing", "amid protests": background, not the event's recipient or content
BACKGROUND_PREPS = frozenset({"after", "following", "before", "amid", "despite", "since", "during", "because",
                              "over", "about", "regarding", "concerning", "like", "as", "than",
                              "according"})  # "according to the UN" names a source, not a recipient


def recipient_of(anchor: Token, noun: Token | None, heads: Heads, particle: str | None,
                 exclude: frozenset[tuple[int, int]] = frozenset(), extra_roots: tuple[Token, ...] = (),
                 theme: bool = False, means: frozenset[str] = frozenset()) -> Found:
    """The recipient: passive subject, object, dative, or the object of a recipient preposition,
    searched breadth-first through the clause (objects of objects, complements of complements);
    never ``means`` after "with" ("struck rebel positions with drones")."""
    if anchor.pos_ in {"VERB", "AUX"} and is_passive(anchor):
        if theme:  # "was extradited from Colombia to the United States": what is passed on goes to someone
            to = next((p for p in anchor.children if p.dep_ == "prep" and p.lower_ == "to"), None)
            if to is not None and _strong(found := _keep(actors_of(_pobj(to), heads), exclude)):
                return found, "'to' object of a passive transfer"
        subj = _child(anchor, {"nsubjpass"})
        if subj is None and anchor.dep_ == "conj" and not _child(anchor, SUBJECT_DEPS):
            subj = _child(anchor.head, {"nsubjpass", *SUBJECT_DEPS})  # "X, held in Libya, were freed"
        if subj is not None and noun is not None and subj.i == noun.i:
            subj = None  # "the summit was held in Kazan": the event itself
        if subj is not None and (found := _keep(owner_or_self(subj, heads), exclude)):
            return found, "passive subject"
        if subj is not None and not theme and (found := _keep(unresolved(subj), exclude)):
            return found, "passive subject (not identified)"  # "Gul Rahman was tortured": not "in Afghanistan"
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and anchor.head.pos_ in {"NOUN", "PROPN"} and not theme and (
            found := _keep(owner_or_self(anchor.head, heads), exclude)):
        return found, "the noun the participle describes"  # "among 11 people arrested on Saturday"
    if particle:
        word = particle.split()[-1]
        # on the verb, its event noun, or its object ("launched missiles at Kyiv", "filed a case against X")
        for host in (anchor, noun, *(c for c in anchor.children if c.dep_ == "dobj")):
            if host is None:
                continue
            for prep in host.children:
                if prep.lower_ == word and prep.dep_ in {"prep", "prt", "dative"}:
                    obj = _pobj(prep)
                    if obj is not None and _means(obj, means):
                        continue  # "hit the town with missiles": the means, named by the pattern
                    if (found := _keep(actors_of(obj, heads), exclude)):
                        return found, f"'{particle}' object"
    roots = [t for t in (noun, anchor, *extra_roots) if t is not None]
    return _search(roots, heads, exclude, nominal=noun is not None and noun.i == anchor.i, theme=theme, means=means)


def _means(obj: Token, means: frozenset[str]) -> bool:
    """"with drones": an object of "with" that is one of ``means`` is what the act is done with."""
    return obj.head.lower_ == "with" and obj.lemma_.lower() in means


def _keep(actors: tuple[Actor, ...], exclude: frozenset[tuple[int, int]]) -> tuple[Actor, ...]:
    """Drop the event's own actor mentions (by offsets) from recipient candidates."""
    return tuple(a for a in actors if (a.start, a.end) not in exclude) if exclude else actors


def _strong(actors: tuple[Actor, ...]) -> bool:
    """Actors that say who: a country, an international body, a known person or organisation."""
    return any(a.code() or a.name for a in actors)


def _search(roots: list[Token], heads: Heads, exclude: frozenset[tuple[int, int]], nominal: bool,
            theme: bool = False, means: frozenset[str] = frozenset()) -> Found:
    """Breadth-first through the clause. A recipient that names a country, body or person wins
    over a bare sector ("protesters"); with ``theme`` (giving, deploying, offering) the direct
    object is what is given, so only a strong object counts as the recipient."""
    seen = {r.i for r in roots}
    frontier = list(roots)
    # a verb with a party for its object acts on that party, not on the building it is at
    # ("arrested two protesters at the US embassy"; but "fired shots at the embassy")
    transitive = any(c.dep_ == "dobj" and c.i not in seen and c.i in heads for r in roots for c in r.children)
    places: list[tuple[Actor, ...]] = []
    weak: Found | None = None
    # the clause's own object or recipient phrase, not identified: its direct object comes
    # before the place ("arrested Mehmet Varolik in Ankara"), a prepositional one after
    direct: Found | None = None
    loose: Found | None = None
    for depth in range(6):
        nxt: list[Token] = []
        for t in frontier:
            for c in t.children:
                if c.i in seen or not (c.dep_ in FOLLOW or (c.dep_ in NOUN_FOLLOW and t.pos_ in {"NOUN", "PROPN"})):
                    continue
                seen.add(c.i)
                if c.dep_ == "prep" and c.lower_ in BACKGROUND_PREPS and not _as_names_object(c):
                    continue
                found, how = (), ""
                if c.dep_ == "pobj" and _means(c, means):
                    continue  # the means of the act, not whom it reached
                if c.dep_ == "pobj":
                    prep = c.head.lower_
                    if prep == "of" and c.head.head.lower_ == "out":
                        prep = "from"  # "pulled out of Estonia"
                    cand = _keep(actors_of(c, heads), exclude)
                    if cand and prep in PLACE_PREPS and all(a.kind in {"state", "place"} for a in cand):
                        places.append(cand)
                    elif cand and prep == "of" and all(a.kind == "place" for a in cand):
                        places.append(cand)  # "in the city of Arusha": where, not whom
                    elif cand and prep in {"outside", "at", "near"} and transitive:
                        pass  # where it happened (a building's country is not the place's)
                    elif cand and prep in PLACE_PREPS and _strong(cand) and prep in {"outside", "at", "near"}:
                        found, how = cand, f"'{prep}' object"  # "demonstrated outside the Israeli embassy"
                    elif cand and (prep in RECIPIENT_PREPS or (prep == "of" and (nominal and depth == 1 or
                                                                             c.head.head.dep_ in OBJECT_DEPS | {"pobj"}))):
                        found, how = cand, f"'{prep}' object"  # "the computers of South Korean officers"
                    elif not (cand or loose) and depth == 1 and prep in LOOSE_PREPS and not _named_inside(c, heads):
                        loose = _found(unresolved(c), f"'{prep}' object (not identified)")
                elif c.dep_ in OBJECT_DEPS or (c.dep_ == "appos" and c.head.dep_ == "pobj"
                                               and c.head.head.lower_ == "as"):  # see _as_names_object
                    found, how = _keep(owner_or_self(c, heads), exclude), "object"
                    if theme and c.dep_ == "dobj" and not _strong(found):
                        found = ()
                    elif not (found or direct) and depth == 0 and not theme and not _named_inside(c, heads):
                        direct = _found(unresolved(c), "object (not identified)")
                if found:
                    if _strong(found):
                        return found, how
                    weak = weak or (found, how)
                nxt.append(c)
        frontier = nxt
        if not frontier:
            break
    if weak and places and (placed := at_clause_place(weak[0], places[0])):  # "killed 23 people ... in Tel Aviv"
        return placed, weak[1] + ", place's country"
    if direct and not weak:
        return direct
    if places:
        return places[0], "place of the event"
    return weak or loose or ((), "")


def _as_names_object(prep: Token) -> bool:
    """"supplies and personnel such as doctors to Nepal": examples of the object, not background;
    "denounced as a provocation Guyana's decision": the object put after its "as" phrase, which
    the parse hangs on it as an apposition."""
    if prep.lower_ != "as":
        return False
    obj = _pobj(prep)
    return any(c.lower_ == "such" for c in prep.children) or (obj is not None and _child(obj, {"appos"}) is not None)


def _found(actors: tuple[Actor, ...], how: str) -> Found | None:
    return (actors, how) if actors else None


def _named_inside(tok: Token, heads: Heads) -> bool:
    """Whether a phrase holds an identified party anywhere ("the release of Chinese sailors"):
    then the search goes on to find it rather than taking the phrase as unidentified. Not in a
    clause that describes it ("a man convicted of spying for Israel" is no Israeli)."""
    clauses = [c for c in tok.children if c.dep_ in {"acl", "relcl"} and c.pos_ in {"VERB", "AUX"}]
    return any(t.i in heads for t in tok.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in clauses))


def participants_between(noun: Token, heads: Heads, happened: bool = False) -> tuple[Actor, ...]:
    """"talks between X and Y", "cooperation among X, Y and Z": all the parties; of a noun said to
    have happened, also the verb's ("fighting broke out between X and Y")."""
    for prep in (*noun.children, *(noun.head.children if happened else ())):
        if prep.dep_ == "prep" and prep.lower_ in {"between", "among", "amongst"}:
            obj = _pobj(prep)
            if obj is not None:
                found = actors_of(obj, heads)
                if found:
                    return found
    return ()


def prep_object(verb: Token, word: str, heads: Heads) -> tuple[Actor, ...]:
    """The parties named by the object of ``word`` on ``verb`` ("extradited from Colombia")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == word:
            obj = _pobj(prep)
            if obj is not None:
                return actors_of(obj, heads)
    return ()
