"""Bare surnames ("Trump", "Xi", "Zelensky"): through the document first, then the date.

A surname alone names the person the same document has already named in full ("Marco Rubio
... Rubio"); failing that, the one person in the knowledge base who bears it and holds an office
on the event's date, when that office is one news names people by alone (a head of state or
government, a minister, the head of an international organisation). Two office holders with the
surname on that date, or a bearer who holds some lesser post, and the surname stays unresolved:
no answer is better than a wrong one. Which names are surnames is the knowledge base's
(``KnowledgeBase.surnames``); no name is listed here.
"""
from __future__ import annotations

from datetime import date

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from .entries import KnowledgeBase, Tenure, Term, role_rank
from .resolver import SURNAME_DATE, SURNAME_DOC, NameMatch

__all__ = ["Surnames", "is_office", "surname_key"]

# Words before a surname that are no part of a name ("Mr Modi"): a title the knowledge base
# knows is already an agent term; these are the forms of address it does not hold.
# A document this short is a phrase given alone (``parley resolve``), as in actors/fuzzy's use.
PHRASE_TOKENS = 6
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "madam", "madame"})


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


class Surnames:
    """Finds bare surnames of known people in a document (see the module's docstring)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def add(self, doc: Doc, found: list[NameMatch], when: date | None) -> list[NameMatch]:
        """``found`` with the document's bare surnames added, each with the rule that found it."""
        covered = {i for m in found for i in range(m.start, m.end)}
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
        phrase = len(doc) <= PHRASE_TOKENS
        strings = doc.vocab.strings
        for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # words first: a Token only for a known surname
            key = surname_key(strings[orth])
            if i in covered or not key[:1].isupper() or (key not in self.kb.surnames and key not in by_word):
                continue
            tok = doc[i]
            if not _bare_name(tok, covered, phrase):
                continue
            named = {*self.kb.surnames.get(key, ()), *by_word.get(key, ())}
            ids, rule = sorted(p for p in named if p in first and first[p] < tok.i), SURNAME_DOC
            if not ids:
                ids, rule = self.holder(key, when), SURNAME_DATE
            if len(ids) == 1:
                out.append(NameMatch(tok.i, tok.i + 1, (Term("person", ids[0]),), rule))
        return sorted(out, key=lambda m: m.start)

    def holder(self, key: str, when: date | None) -> list[str]:
        """The one person bearing surname ``key`` who holds an office on ``when`` (see
        :func:`is_office`), as a list of one; else an empty list (nobody, or several)."""
        holders = []
        for pid in self.kb.surnames.get(key, ()):
            tenure, held = self.kb.people[pid].at(when)
            if held and is_office(tenure):
                holders.append(pid)
        return holders if len(holders) == 1 else []


def _bare_name(tok: Token, covered: set[int], phrase: bool) -> bool:
    """A capitalised word the text uses as a name on its own: a proper noun, or a singular noun
    with no determiner (the tagger calls "Trump" a noun), or any word of a phrase given alone
    (the tagger has no sentence to go by: "Modi" alone is a verb to it); one that neither
    continues into nor follows more of an unknown name ("Rashid" in "Haroon Rashid Aswad")."""
    if not tok.text[:1].isupper():
        return False
    noun = tok.pos_ == "PROPN" or (tok.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} for c in tok.children))
    if not (noun or phrase):
        return False
    if tok.dep_ in {"compound", "flat"} and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        return False  # a surname ends the name it is in
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (before is not None and before.pos_ == "PROPN" and before.i not in covered
                and before.head.i == tok.i and before.dep_ in {"compound", "flat"}
                and before.lower_ not in HONORIFICS)
