"""Bare surnames ("Trump", "Xi", "Zelensky"): through the document first, then the date.

A surname alone names the person the same document has already named in full ("Marco Rubio
... Rubio"); failing that, the person the news means by it on the event's date: of the knowledge
base's bearers, the one of highest standing then (a head of state or government, a minister, the
head of an international organisation; else a legislator or a former head of state or government),
when that standing is theirs alone. Two bearers of that standing, or a bearer who holds only some
lesser post, and the surname stays unresolved: no answer is better than a wrong one.
When every bearer who stands at all is of one country ("Sharif": a prime minister and a former
one), the surname gives that country and no person. The office holders of every state
(``KnowledgeBase.namesakes``) are bearers who, while in office, make a surname ambiguous, but a
surname alone never names them (with given names that agree, it does: "Samia Hassan"). Given names before a surname must be the bearer's ("Ivanka Trump" is not Donald
Trump), and a surname that goes on from another known person's name ("Samia Suluhu Hasan") is none.
Which names are surnames is the knowledge base's (``KnowledgeBase.surnames``); no name is listed here.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from .entries import KnowledgeBase, Person, Tenure, Term, is_head, role_rank
from .propn import CONNECTORS
from .resolver import SURNAME_COUNTRY, SURNAME_DATE, SURNAME_DOC, NameMatch

__all__ = ["Choice", "Surnames", "is_office", "standing", "surname_key", "OFFICE", "KNOWN", "POST"]

# Words before a surname that are no part of a name ("Mr Modi"): a title the knowledge base
# knows is already an agent term; these are the forms of address it does not hold.
# A document this short is a phrase given alone (``parley resolve``), as in actors/fuzzy's use.
PHRASE_TOKENS = 6
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "madam", "madame"})
# A bearer's standing on a date (:func:`standing`): the higher, the more the surname alone is theirs.
OFFICE, KNOWN, POST = 2, 1, 0


def surname_key(text: str) -> str:
    """The index form of a word: a name written in capitals ("TRUMP") as it is written in the
    knowledge base ("Trump")."""
    return text.capitalize() if len(text) > 1 and text.isupper() else text


def is_office(tenure: Tenure) -> bool:
    """Offices whose holders the news names by surname alone: heads of state and government,
    ministers, heads of international organisations."""
    role = tenure.role
    if tenure.sector == "IGO":
        return bool(role)
    # no role: a government post from PETRARCH2's dictionaries, which name no office (Putin in 2010)
    return tenure.sector == "GOV" and (role is None or role_rank(role) > 1 or "Minister" in role)


def standing(person: Person, when: date | None) -> int | None:
    """How readily the news names ``person`` by surname alone on ``when``: ``OFFICE`` an office of
    :func:`is_office` held then; ``KNOWN`` a legislator, or a former head of state or government
    (whom the news still names so: "Trump" in 2023); ``POST`` some lesser post held then (a
    spokesperson); None for nobody then (a former minister, a future office holder)."""
    tenure, held = person.at(when)
    if held:
        if is_office(tenure):
            return OFFICE
        return KNOWN if tenure.sector == "LEG" else POST
    if when is not None and any(is_head(t.role) and t.end is not None and t.end < when for t in person.tenures):
        return KNOWN
    return None


@dataclass(frozen=True)
class Choice:
    """What a bare surname names on a date: a person, or only a country (its bearers are all of
    one), or nothing."""

    person: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class _Bearer:
    pid: str
    standing: int
    country: str | None
    chosen: bool  # False: a namesake, who makes the surname ambiguous but is never named by it


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _agrees(given: list[str]) -> Callable[[Person], bool] | None:
    """A test that a person's name holds the given names written before a surname ("Donald" in
    "Donald J. Trump"; initials say nothing), or None when none are written."""
    words = {_fold(w) for w in given if len(w.rstrip(".")) > 1}
    if not words:
        return None
    return lambda p: words <= {_fold(w) for w in p.name.replace("-", " ").split()}


class Surnames:
    """Finds bare surnames of known people in a document (see the module's docstring)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def add(self, doc: Doc, found: list[NameMatch], when: date | None,
            spans: list[Span] = ()) -> tuple[list[NameMatch], frozenset[int]]:
        """``found`` with the document's bare surnames added, each with the rule that found it, and
        the tokens of bare surnames that name nobody (ambiguous: "Castro" is no place in Brazil).
        ``spans`` are the document's proper-noun stretches (propn.proper_spans), in which a surname
        may end a longer name."""
        covered = {i for m in found for i in range(m.start, m.end)}
        persons = {i for m in found if any(t.kind == "person" for t in m.terms) for i in range(m.start, m.end)}
        stretch = {i: e.start for e in spans if len(e) > 1 for i in range(e.start + 1, e.end)}
        first: dict[str, int] = {}  # person id -> the first token naming them in full
        by_word: dict[str, set[str]] = {}  # a word of a full mention -> the persons it named
        for m in found:
            for t in m.terms:
                if t.kind == "person":
                    first.setdefault(t.ref, m.start)
                    for w in doc[m.start:m.end]:
                        if w.is_alpha and len(w) > 1 and w.text[0].isupper():
                            by_word.setdefault(surname_key(w.text), set()).add(t.ref)
        out = list(found)
        unresolved = set()
        phrase = len(doc) <= PHRASE_TOKENS
        strings = doc.vocab.strings
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # words first: a Token only for a known surname
            key = surname_key(strings[orth])
            if i in covered or not key[:1].isupper() or (key not in self.kb.surnames and key not in by_word):
                continue
            tok = doc[i]
            if i - 1 in persons or not _bare_name(tok, phrase):
                continue  # "Samia Suluhu Hasan": a known person's name goes on, this is no surname alone
            agree = _agrees(_given_names(tok, covered, stretch.get(i, i)))
            named = {*self.kb.surnames.get(key, ()), *by_word.get(key, ())}
            ids = sorted(p for p in named if p in first and first[p] < tok.i
                         and (agree is None or agree(self.kb.people[p])))
            if ids:
                if len(ids) == 1:
                    out.append(NameMatch(tok.i, tok.i + 1, (Term("person", ids[0]),), SURNAME_DOC))
                else:
                    unresolved.add(i)
                continue
            choice = self.choose(key, when, agree)
            if choice.person:
                out.append(NameMatch(tok.i, tok.i + 1, (Term("person", choice.person),), SURNAME_DATE))
            elif choice.country:
                out.append(NameMatch(tok.i, tok.i + 1, (Term("people", choice.country),), SURNAME_COUNTRY))
            elif agree is None and not (i > 0 and doc[i - 1].pos_ == "ADP"):  # "in Castro" may be the place
                unresolved.add(i)
        return sorted(out, key=lambda m: m.start), frozenset(unresolved)

    def choose(self, key: str, when: date | None, agree: Callable[[Person], bool] | None = None) -> Choice:
        """What the bare surname ``key`` names on ``when`` (see the module's docstring), among the
        bearers whose names hold the given names written before it (``agree``)."""
        bearers: list[_Bearer] = []
        # given names that agree say who is meant, a namesake too ("Samia Hassan")
        for pids, chosen in ((self.kb.surnames.get(key, ()), True), (self.kb.namesakes.get(key, ()), agree is not None)):
            for pid in pids:
                person = self.kb.people[pid]
                tenure, held = person.at(when)
                # a namesake counts while in office: the news lists hold the former leaders it still names
                rank = standing(person, when) if (agree is None or agree(person)) and (chosen or held) else None
                if rank is not None and all(b.pid != pid for b in bearers):
                    bearers.append(_Bearer(pid, rank, tenure.country, chosen))
        top = max((b.standing for b in bearers), default=POST)
        if top == POST:
            return Choice()  # nobody, or a lesser post: not what a surname alone names
        best = [b for b in bearers if b.standing == top]
        if len(best) == 1 and best[0].chosen and all(b.country != best[0].country for b in bearers if b is not best[0]):
            return Choice(person=best[0].pid)
        countries = {b.country for b in bearers}
        if len(countries) == 1 and None not in countries:
            return Choice(country=countries.pop())
        return Choice()


def _given_names(tok: Token, covered: set[int], start: int) -> list[str]:
    """The words of a name written before the surname ``tok`` in its proper-noun stretch, which
    begins at ``start`` ("Donald J." before "Trump", "Hamad bin Khalifa" before "al-Thani"): back
    to a word the knowledge base knows (a title) or a form of address; connectors say nothing."""
    out = []
    for w in reversed(tok.doc[start:tok.i]):
        if w.i in covered or w.lower_ in HONORIFICS:
            break
        if w.lower_ not in CONNECTORS and w.is_alpha or w.text.endswith("."):
            out.append(w.text)
    return out[::-1]


def _bare_name(tok: Token, phrase: bool) -> bool:
    """A capitalised word the text uses as a name on its own: a proper noun, or a singular noun
    with no determiner (the tagger calls "Trump" a noun), or any word of a phrase given alone
    (the tagger has no sentence to go by: "Modi" alone is a verb to it); one that does not go on
    into more of an unknown name ("Rashid" in "Haroon Rashid Aswad")."""
    if not tok.text[:1].isupper():
        return False
    noun = tok.pos_ == "PROPN" or (tok.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} for c in tok.children))
    if not (noun or phrase):
        return False
    return not (tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN" and tok.head.i > tok.i)
