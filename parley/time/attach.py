"""Which date phrase of its sentence dates an event, read from the dependency parse.

No library attaches dates to events, so these rules are ours. A date phrase is attached where
its path up the parse first meets the event: the event's own word or its modifiers ("the
Tuesday attack", "talks on Monday", "a summit starting Thursday"), the verb of its clause
("held talks on Monday"), a clause it depends on ("signed a deal during a visit on June 19",
"said on Monday that it had ..."), or, failing those, any other date of the sentence that
dates neither another thing nor the background ("Putin, who arrived on Wednesday, signed ...").

A date of the clause's subject dates the clause, after the clause's own dates (``subject``):
"Sunday's attack hit three villages", "a rocket fired on Saturday struck the town", "the strike
on Thursday destroyed the cafe" tell one occurrence, and its day.

Not the event's: a date under "after", "since", "before", "amid"... on its way to the event
("after the earthquake last month", "after talks collapsed on Monday"), and a date that
modifies another noun ("denounced Friday's meeting": the meeting's day, not the denunciation's).
An event inside "N days after ..." is N days before the clause it depends on ("the strikes
came two days after militants killed seven soldiers"), and the other way round a clause "N days
after" a dated thing is N days after its date ("the raid came 15 days after the May 2 attack").
"Since" with a day of its own on a verb ("had been killed since Sunday") dates the start of what
the verb tells, which is the day of a multi-day event.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["Attached", "attach", "ancestors", "LEVELS", "in_background", "governing_verb", "shift", "days_of"]

LEVELS = ("event", "clause", "subject", "governing clause", "sentence")
# prepositions and subordinators that put what they govern before or around the event, not at it
BACKGROUND = frozenset({"after", "following", "before", "amid", "despite", "since", "until", "prior"})
SHIFTS = {"after": -1, "following": -1, "before": 1}  # "N days after X": the event in X is N days earlier
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}
MODIFIER_OF_NOUN = frozenset({"poss", "compound", "nmod", "amod"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# verbs that put their date at the end of a multi-day event ("ended its two-day summit on Sunday")
END_VERBS = frozenset({"end", "conclude", "close", "wrap", "finish", "wind"})
# verbs that tell a multi-day event of their date: its start, or the day it ended
SPAN_VERBS = END_VERBS | {"open", "begin", "start", "kick", "hold", "launch", "convene"}
# a verb's dependents that are clauses of their own: their dates are not the verb's
CLAUSES = frozenset({"advcl", "ccomp", "conj", "xcomp", "parataxis", "csubj", "relcl"})


@dataclass(frozen=True)
class Attached:
    """A date phrase, the level it was found at (one of ``LEVELS``), days to add to it, and
    whether it is the start of what the event tells ("since Sunday")."""

    span: Span
    rule: str
    shift: int = 0
    start: bool = False


def governing_verb(t: Token) -> Token:
    """``t`` if it is a verb, else its nearest verb above it (the root if none)."""
    while t.pos_ not in {"VERB", "AUX"} and t.head.i != t.i:
        t = t.head
    return t


def ancestors(t: Token) -> list[Token]:
    out = [t]
    while t.head.i != t.i and len(out) < 60:
        t = t.head
        out.append(t)
    return out


def _opener(t: Token) -> Token | None:
    """The "after"/"since"... that puts the clause or noun ``t`` in the background, if any."""
    if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND:
        return t.head
    if t.dep_ == "prep" and t.lower_ in BACKGROUND:
        return t
    for c in t.children:
        if c.dep_ == "mark" and c.lower_ in BACKGROUND:
            return c
        # "..., a day after the militia seized the base": the parser may hang "a day after" on the
        # dependent clause's verb, with "after" taking the first word of the clause's subject. Not
        # "A week after the talks, Russia launched ...": there the main clause is after the talks
        if c.dep_ == "npadvmod" and c.lower_ in UNITS and c.i < t.i and t.head.i != t.i:
            prep = next((x for x in c.children if x.dep_ == "prep" and x.lower_ in SHIFTS), None)
            subject = next((x for x in t.children if x.dep_ in SUBJECTS), None)
            if prep is not None and subject is not None and prep.right_edge.i + 1 == subject.left_edge.i:
                return prep
    return None


def in_background(path: Sequence[Token]) -> bool:
    """Whether a step of ``path`` (tokens going up the parse) passes under "after", "since"..."""
    return any(_opener(t) is not None for t in path)


def shift(path: Sequence[Token]) -> int:
    """Days from the clause above ``path`` (tokens going up from the event) to the event:
    "came two days after militants killed ..." is -2 for the killing."""
    days = 0
    seen: set[int] = set()
    for t in path:
        opener = _opener(t)
        if opener is None or opener.lower_ not in SHIFTS or opener.i in seen:
            continue  # an opener is met twice, from its object and from itself
        seen.add(opener.i)
        for c in {x.i: x for x in [*opener.children, *t.children, opener.head]}.values():  # "a week after": the head
            if c.dep_ == "npadvmod" and c.lower_ in UNITS:
                n = next((NUMBERS.get(x.lower_, int(x.text) if x.text.isdigit() else 0)
                          for x in c.children if x.dep_ in {"nummod", "det"}), 0)
                days += SHIFTS[opener.lower_] * n * UNITS[c.lower_]
    return days


def _days_long(noun: Token) -> int:
    """N of "a two-day summit", "a 3-day visit"; 0 for a noun that says no such length."""
    for c in noun.children:
        if c.lower_ == "day" and c.dep_ in {"compound", "amod", "nmod"}:
            n = next((x for x in c.children if x.dep_ == "nummod"), None)
            if n is not None:
                return NUMBERS.get(n.lower_, int(n.text) if n.text.isdigit() else 0)
    return 0


def days_of(date_root: Token) -> tuple[Token, int, int] | None:
    """A multi-day event that the date phrase of ``date_root`` begins or ends: (its noun, days
    from the date to its first day, its length). "ended its two-day summit on Sunday": (summit,
    -1, 2), the summit began the day before; "a three-day visit opened Tuesday": (visit, 0, 3)."""
    verb = governing_verb(date_root)
    if verb.lemma_ not in SPAN_VERBS:
        return None
    for noun in [date_root.head.head if date_root.dep_ == "pobj" else date_root.head, *verb.children]:
        if noun.pos_ == "NOUN" and (n := _days_long(noun)) > 1:
            return noun, (1 - n if verb.lemma_ in END_VERBS else 0), n
    return None


def _noun_owner(root: Token) -> Token | None:
    """The noun a date phrase modifies ("Friday's meeting", "the Tuesday attack"), if any."""
    head = root.head
    if root.dep_ in MODIFIER_OF_NOUN and head.pos_ == "NOUN" and root.i < head.i:
        return head
    return None


def _path(root: Token, stop: set[int]) -> list[Token]:
    """``root`` up to the first token in ``stop`` or verb (included), or to the sentence root;
    through the participle of a subject ("a rocket fired on Saturday struck"), which tells the
    subject, not a clause of its own."""
    path = [root]
    t = root
    while t.head.i != t.i and len(path) < 60:
        t = t.head
        path.append(t)
        if t.i in stop or (t.pos_ in {"VERB", "AUX"} and not _subject_participle(t)):
            break
    return path


def _subject_participle(t: Token) -> bool:
    return t.dep_ == "acl" and t.tag_ in {"VBN", "VBG"} and t.head.dep_ in SUBJECTS


def _via_subject(path: Sequence[Token], anchor: Token, verb: Token) -> bool:
    """Whether ``path`` reaches the event through the subject of its clause ("Sunday's attack hit")."""
    return any(t.dep_ in SUBJECTS and t.i != anchor.i and t.head.i in {anchor.i, verb.i} for t in path[1:])


def _counted(owner: Token) -> bool:
    """"15 days after the April 22 attack": a dated noun that a clause is counted from."""
    return owner.dep_ == "pobj" and owner.head.lower_ in SHIFTS and shift([owner]) != 0


def _span_start(span: Span, root: Token) -> int:
    """How many tokens of the path up from ``root`` are "since <day>" said of a verb: the start
    of what the verb tells ("since Sunday at least 25 people had been killed"), not background.
    Not of a noun ("the first visit since March" is not in March), nor a month or a year: "has
    occupied the peninsula since 2014" tells a state, not an event of 2014."""
    since = root.head if root.dep_ == "pobj" else (root if root.i == span.start else None)
    if since is None or since.lower_ != "since" or since.dep_ != "prep" or since.head.pos_ not in {"VERB", "AUX"}:
        return 0
    if not re.search(r"day\b|[a-z]\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[a-z]", span.text, re.I):
        return 0  # names no day
    return 2 if since is not root else 1


def attach(anchor: Token, dates: Sequence[Span]) -> Attached | None:
    """The date phrase of ``dates`` (those of the anchor's sentence) that dates the event whose
    word is ``anchor``, at the nearest level; None when no phrase of the sentence dates it."""
    own = {anchor.i} | {c.i for c in anchor.children if c.dep_ not in CLAUSES or anchor.pos_ not in {"VERB", "AUX"}}
    verb = governing_verb(anchor)
    up = ancestors(anchor)  # the event's word, its verb, then the clauses it depends on
    rank = {t.i: k for k, t in enumerate(up)}
    best: tuple[tuple[int, int, int], Attached] | None = None
    for span in dates:
        root = span.root
        owner = _noun_owner(root)
        if owner is not None and owner.i != anchor.i and owner.dep_ not in SUBJECTS and not _counted(owner):
            continue  # the date of another thing
        path = _path(root, own | {verb.i})
        top = path[-1]
        if anchor.pos_ == "NOUN" and span.start == anchor.i + 1 and root.dep_ == "npadvmod":
            # "reports of a standoff last month": the parser hangs a bare date that follows the
            # event's noun on the verb; it is the noun's
            path, top = [root, anchor], anchor
        if (top.i in own or top.i == verb.i) and _via_subject(path, anchor, verb):
            found = Attached(span, "subject")
        elif top.i in own:
            found = Attached(span, "event")
        elif top.i == verb.i or (top.tag_ == "VBG" and (top.dep_ == "acl" and top.head.head.i == verb.i
                                                        or top.dep_ == "prep" and top.head.i == verb.i)):
            # "signed a pact settling the border on Monday": the parser hangs the date on the
            # object's participle, which happens when the event does; "gather for a summit
            # starting June 24": on a participle read as a preposition of the verb
            found = Attached(span, "clause")
        elif top.i in rank:
            found = Attached(span, "governing clause", shift(up[:rank[top.i]]))
        else:
            # a date of another clause: up to where that clause meets the event's
            path = ancestors(root)
            path = path[:next((k for k, t in enumerate(path) if t.i in rank), len(path))]
            top = path[-1] if path else root
            found = Attached(span, "sentence")
        since = _span_start(span, root) if found.rule != "sentence" else 0
        below = path[since:-1] if found.rule != "sentence" else path
        if in_background(below) or _trails_background(span, top):
            counted = shift(below) if found.rule != "sentence" else 0
            if not counted:
                continue
            found = Attached(span, found.rule, found.shift - counted)  # "N days after" the date
        elif since:
            found = Attached(span, found.rule, found.shift, start=True)
        near = abs(root.i - anchor.i) if found.rule == "sentence" else root.i
        key = (LEVELS.index(found.rule), rank.get(top.i, 0), near)
        if best is None or key < best[0]:
            best = (key, found)
    return best[1] if best else None


def _trails_background(span: Span, top: Token) -> bool:
    """"deployed after the earthquake last month": the parser hangs the date on the verb, but
    it follows, and dates, the object of "after"."""
    if span.start == span.sent.start:
        return False
    before = ancestors(span.doc[span.start - 1])
    below = next((k for k, t in enumerate(before) if t.i == top.i), 0)
    return in_background(before[:below])
