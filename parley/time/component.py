"""The ``parley_time`` pipeline component: each event's date from the clause that reports it.

Dates are resolved against the document's publication date ("July 31" in an article of
2025-08-01 is 2025-07-31; "on Tuesday" is the Tuesday before). ``date_precision`` says how
much the text fixes: day, week, month, year; ``before`` when the text only bounds it
("recent statements": on or before the day before publication); ``publication`` when the
clause gives no date and the publication date stands in.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .phrases import find_dates, resolve_date
from ..model import Event

__all__ = ["TimeTagger", "resolve_date"]

BACKGROUND_PREPS = frozenset({"after", "following", "before", "amid", "despite", "since", "during"})
CARRY_SENTENCES = 3  # how far back a stated date carries to an undated event
# words that open a sentence about another matter: a date does not carry across them
TOPIC_SHIFT = frozenset({"separately", "meanwhile", "elsewhere", "earlier", "previously", "later"})
VAGUE_PAST = frozenset({"recent", "recently", "earlier", "previous", "prior", "past", "last"})


@Language.factory("parley_time", assigns=["doc._.events"],
                  requires=["doc._.events", "doc._.event_anchors", "token.dep", "token.tag"])
def make_time(nlp: Language, name: str) -> "TimeTagger":
    return TimeTagger()


class TimeTagger:
    """spaCy component: sets ``date``, ``date_text``, ``date_precision`` on ``Doc._.events``."""

    def __call__(self, doc: Doc) -> Doc:
        base: date | None = doc._.pub_date
        anchors = [doc[i] for i in doc._.event_anchors]  # aligned with the events (parley_coder)
        out = [self._date(ev, anchor, base) for ev, anchor in zip(doc._.events, anchors, strict=True)]
        out = [self._bounded(ev, anchor, out) for ev, anchor in zip(out, anchors, strict=True)]
        doc._.events = self._carried(out, anchors)
        return doc

    @staticmethod
    def _carried(events: list[Event], anchors: list[Token]) -> list[Event]:
        """An event whose sentence gives no date takes the date of the nearest event before it
        that states one, within ``CARRY_SENTENCES`` sentences and not across a sentence that
        opens on another matter: a report states the day once ("met on Wednesday ... They
        agreed to ..."). Only dates read from the text carry, never a carried one."""
        out: list[Event] = []
        k: int | None = None  # the last event whose own text dates it
        for ev, anchor in zip(events, anchors, strict=True):
            if ev.date_text and ev.date_precision in {"day", "week", "month"}:
                k = len(out)
            elif (ev.date_precision == "publication" and k is not None
                    and abs(_sentence_number(anchor) - _sentence_number(anchors[k])) <= CARRY_SENTENCES
                    and not _topic_shift(anchors[k], anchor)):
                prev = out[k]
                explain = dict(ev.explain)
                explain["date"] = f"'{prev.date_text}' of the event before it (its sentence gives no date)"
                ev = replace(ev, date=prev.date, date_text=prev.date_text, date_precision=prev.date_precision,
                             explain=tuple(explain.items()))
            out.append(ev)
        return out

    def _bounded(self, ev: Event, anchor: Token, events: list[Event]) -> Event:
        """"Prior to his arrival in Washington, Cho had made a stop in Tokyo": an event placed before
        another one the document dates ("... met in Washington on July 31") happened before that day."""
        if ev.date_precision not in {"publication", None}:
            return ev
        doc = anchor.doc
        verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
        for prep in verb.children:
            words = prep.lower_
            if prep.dep_ == "advmod" and prep.lower_ == "prior":
                words, prep = "prior to", next((c for c in prep.children if c.lower_ == "to"), prep)
            if words not in {"prior to", "before", "ahead"} and not (prep.dep_ == "prep" and words in {"before"}):
                continue
            names = {t.text for c in prep.children for t in c.subtree if t.pos_ == "PROPN"}
            for other in events:
                if other is ev or other.date_precision != "day" or other.date is None or not names:
                    continue
                said = " ".join(doc.text[m.start:m.end] for m in other.mentions)
                if any(n in said for n in names):
                    explain = dict(ev.explain)
                    phrase = doc[prep.left_edge.i:prep.right_edge.i + 1].text
                    explain["date"] = f"'{phrase}': before the event of {other.date}"
                    return replace(ev, date=other.date - timedelta(days=1), date_text=phrase,
                                   date_precision="before", explain=tuple(explain.items()))
        return ev

    def _date(self, ev: Event, anchor: Token, base: date | None) -> Event:
        explain = dict(ev.explain)
        for ent in self._dates_up(anchor):
            found = resolve_date(ent.text.strip(), base)
            if found:
                explain["date"] = f"'{ent.text}' in the event's clause"
                return replace(ev, date=found[0], date_text=ent.text, date_precision=found[1],
                               explain=tuple(explain.items()))
        vague = self._vague(anchor)
        if vague is not None and base is not None:
            explain["date"] = f"'{vague.text}': before publication"
            return replace(ev, date=base - timedelta(days=1), date_text=vague.text,
                           date_precision="before", explain=tuple(explain.items()))
        if base is not None:
            explain["date"] = "publication date"
            return replace(ev, date=base, date_text=None, date_precision="publication",
                           explain=tuple(explain.items()))
        return ev

    def _dates_up(self, anchor: Token) -> list[Span]:
        """The event's own clause first; then, for a complement or participle ("announced on Monday
        that it would lift", "a decree on September 26 allowing"), the clause it depends on."""
        t = anchor
        for _ in range(3):
            found = self._clause_dates(t)
            if found or t.dep_ not in {"ccomp", "xcomp", "advcl", "acl", "conj", "dobj", "pobj", "relcl"}:
                return found
            t = t.head
        return []

    @staticmethod
    def _clause_dates(anchor: Token) -> list[Span]:
        """DATE entities whose nearest governing verb is the event's (or that modify its noun)."""
        sent = anchor.sent
        own = {anchor.i} | {c.i for c in anchor.children}
        verb = anchor if anchor.pos_ in {"VERB", "AUX"} else anchor.head
        found = []
        memo = sent.doc.user_data.setdefault(("parley", "dates"), {})
        if (sent.start, sent.end) not in memo:
            memo[(sent.start, sent.end)] = find_dates(sent)
        for ent in memo[(sent.start, sent.end)]:
            t, steps, background = ent.root, 0, False
            while t.head.i != t.i and t.pos_ not in {"VERB", "AUX"} and t.i not in own and steps < 10:
                if t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_PREPS:
                    background = True  # "after the earthquake last month": not the event's date
                t = t.head
                steps += 1
            # "signed a pact settling the border on Monday": the parser hangs the date on the
            # object's present participle, which happens when the event does
            participle = t.dep_ == "acl" and t.tag_ == "VBG" and t.head.head.i == verb.i
            if not background and (t.i in own or t.i == verb.i or participle):
                found.append(ent)
        return found

    @staticmethod
    def _vague(anchor: Token) -> Token | None:
        for t in [anchor, *anchor.children]:
            if t.lower_ in VAGUE_PAST and t.dep_ in {"amod", "advmod"}:
                return t
        nouns = [c for c in anchor.children if c.dep_ in {"nsubj", "dobj", "nsubjpass", "pobj"}]
        if anchor.dep_ in {"relcl", "acl"}:  # "North Korea's recent statements, which accused ..."
            nouns.append(anchor.head)
        for c in nouns:
            for m in c.children:
                if m.lower_ in {"recent", "recently"} and m.dep_ == "amod":
                    return m
        return None


def _sentence_number(tok: Token) -> int:
    """The number of ``tok``'s sentence in the original text (the prefilter may have left some out)."""
    numbers = tok.doc._.sentence_numbers
    if not numbers:  # a Doc made outside the Pipeline: its own sentences
        return sum(1 for t in tok.doc[:tok.i + 1] if t.is_sent_start)
    return numbers[max(bisect_right(numbers, (tok.idx, float("inf"))) - 1, 0)][1]


def _topic_shift(before: Token, after: Token) -> bool:
    """Whether a sentence after ``before``'s, up to ``after``'s own, opens on another matter
    ("Separately, ...", "Meanwhile, ...")."""
    doc = before.doc
    return any(t.is_sent_start and t.lower_ in TOPIC_SHIFT for t in doc[before.sent.end:after.sent.end])
