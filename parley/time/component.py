"""The ``parley_time`` pipeline component: each event's date, and the rule that found it.

Dates are resolved against the document's publication date ("July 31" in an article of
2025-08-01 is 2025-07-31; "on Tuesday" is the Tuesday before, the publication's own weekday
the publication day; "will meet on Tuesday" the coming one). An event takes, in order (the
rule is the first word of its ``explain["date"]``): the date phrase of its own word or verb
(``event``, ``clause``), of its clause's subject ("Sunday's attack hit ...": ``subject``), of a
clause it depends on (``governing clause``), any other date of its
sentence that dates nothing else (``sentence``), the date of an event stated in the sentences
just before about the same matter (``previous sentence``), a bound (``before``: "recent
statements"), and last the publication date (``publication``). ``date_precision`` says how much
the text fixes: day, week, month, year; ``before`` when the text only bounds it; ``publication``
when the publication date stands in. Which phrase dates which event is read from the parse
(attach.py); the phrases are resolved by phrases.py.

A multi-day event is its first day ("concluded a three-day summit on Sunday": the Friday), and
"on the first day", "on its final day" count from it; "since Sunday" dates the start of what it
tells; an event "N days after" another is counted from that one's date, or from publication when
the text dates neither (the rule says "publication", the precision is the day).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .attach import ancestors, attach, days_of, governing_verb, in_background, shift
from .phrases import NTH_DAY, WEEKDAYS, find_dates, is_anaphoric, nth_day, resolve_date, resolve_relative
from ..model import Event

__all__ = ["TimeTagger", "resolve_date"]

CARRY_SENTENCES = 3  # how far back a stated date carries to an undated event
# words that open a sentence about another matter: a date does not carry across them
TOPIC_SHIFT = frozenset({"separately", "meanwhile", "elsewhere", "earlier", "previously", "later"})
VAGUE_PAST = frozenset({"recent", "recently", "earlier", "previous", "prior", "past", "last"})
# rules whose date is read from the event's own sentence, and which may carry to the next events
STATED = frozenset({"event", "clause", "subject", "governing clause"})
# verbs whose infinitive speaks of what is to come: "plans to meet on Tuesday", "is due to vote in March"
AHEAD_HEADS = frozenset({"plan", "schedule", "due", "set", "expect", "intend", "prepare", "aim", "go"})
# verbs of saying and deciding: "would" in what they report is the future seen from then ("said talks
# would resume on Wednesday"), not a condition
REPORTING = frozenset({"say", "tell", "announce", "state", "add", "confirm", "expect", "hope", "warn", "agree",
                       "promise", "decide", "pledge", "vow", "report"})

# quad classes of statements (verbal cooperation, verbal conflict)
VERBAL_QUADS = frozenset({1, 3})
Value = tuple[date, str, str]  # a phrase's date, precision, and how it was counted (for explain)


@Language.factory("parley_time", assigns=["doc._.events"],
                  requires=["doc._.events", "doc._.event_anchors", "token.dep", "token.tag"])
def make_time(nlp: Language, name: str) -> "TimeTagger":
    return TimeTagger()


class TimeTagger:
    """spaCy component: sets ``date``, ``date_text``, ``date_precision`` on ``Doc._.events``."""

    def __call__(self, doc: Doc) -> Doc:
        base: date | None = doc._.pub_date
        anchors = [doc[i] for i in doc._.event_anchors]  # aligned with the events (parley_coder)
        if not anchors:
            return doc
        values = _values(doc, base)
        phrases = _by_sentence(doc, values)
        dated = [self._date(ev, anchor, base, values, phrases.get(anchor.sent.start, []))
                 for ev, anchor in zip(doc._.events, anchors, strict=True)]
        out = [self._bounded(ev, anchor, [e for e, _ in dated]) for (ev, _), anchor in zip(dated, anchors, strict=True)]
        doc._.events = self._carried(out, [rule for _, rule in dated], anchors,
                                     lambda a: _said_on(a, values, phrases.get(a.sent.start, [])))
        return doc

    @staticmethod
    def _carried(events: list[Event], rules: list[str], anchors: list[Token],
                 said: Callable[[Token], Value | None]) -> list[Event]:
        """An event whose sentence gives no date takes the date stated for the main event of
        the nearest sentence before it that states one (within ``CARRY_SENTENCES`` sentences,
        not across a sentence that opens on another matter): a report states the day once ("met
        on Wednesday ... They agreed to ..."). Only dates read from the text carry, never a
        carried one, nor those of an event told as background ("after its president vowed on
        Monday to ..."); of a sentence's events, the one nearest its root is its main event.
        An undated event "two days after" the clause it depends on is counted from it; when
        nothing before dates that clause either, from the publication date, which stands in for
        it ("the denial came a week after the two ministers held talks"). A statement (verbal
        cooperation or conflict) takes the day the event before it was reported, when that is
        dated: "China said on Tuesday that its ships had fired on August 5. It also repeated its
        demand ..." repeats it on Tuesday."""
        out: list[Event] = []
        k: int | None = None  # the main event of the last sentence whose own text dates one
        for ev, rule, anchor in zip(events, rules, anchors, strict=True):
            if (rule in STATED and ev.date_precision in {"day", "week", "month"}
                    and not in_background(ancestors(anchor))):
                if k is None or anchors[k].sent != anchor.sent or _depth(anchor) < _depth(anchors[k]):
                    k = len(out)
            elif (ev.date_precision == "publication" and k is not None
                    and abs(_sentence_number(anchor) - _sentence_number(anchors[k])) <= CARRY_SENTENCES
                    and not _topic_shift(anchors[k], anchor)):
                prev = out[k]
                where = "sentence" if anchor.sent == anchors[k].sent else "previous sentence"
                why = f"{where}: '{prev.date_text}' of the event before it (its clause gives no date)"
                if ev.quad_class in VERBAL_QUADS and (report := said(anchors[k])) is not None and report[0] != prev.date:
                    prev = replace(prev, date=report[0], date_precision=report[1], date_text=report[2])
                    why = f"{where}: '{report[2]}', when the event before it was reported (a statement)"
                days = shift(ancestors(anchor)) if prev.date_precision == "day" else 0
                if days:
                    why += f", {days:+d} days ('after'/'before' it)"
                ev = _dated(ev, prev.date + timedelta(days=days), prev.date_precision, prev.date_text, why)
            elif ev.date_precision == "publication" and ev.date is not None and (days := shift(ancestors(anchor))):
                why = (f"publication: {days:+d} days from the publication date ('after'/'before' the clause "
                       "it depends on, which the text does not date)")
                ev = _dated(ev, ev.date + timedelta(days=days), "day", None, why)
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
                    phrase = doc[prep.left_edge.i:prep.right_edge.i + 1].text
                    return _dated(ev, other.date - timedelta(days=1), "before", phrase,
                                  f"before: '{phrase}', before the event of {other.date}")
        return ev

    def _date(self, ev: Event, anchor: Token, base: date | None, values: dict[tuple[int, int], Value],
              phrases: list[Span]) -> tuple[Event, str]:
        """The event dated from its own sentence (``phrases``: its date phrases), or by the
        publication date; and the rule."""
        found = attach(anchor, phrases)
        if found is not None:
            day, precision, how = values[(found.span.start, found.span.end)]
            if found.shift and precision == "day":
                day, how = day + timedelta(days=found.shift), f"{how}, {found.shift:+d} days ('after'/'before' it)"
                if base is not None and day > base and not _ahead(anchor) and _weekday(found.span.text):
                    # "a week after Monday's talks, Russia launched ...": reported as done, so the
                    # Monday is the one before, not the last one
                    day, how = day - timedelta(days=7), f"{how}, from the week before (not after publication)"
            multi = days_of(found.span.root) if precision == "day" else None
            if multi is not None and multi[0].i == anchor.i and multi[1]:
                day, how = day + timedelta(days=multi[1]), f"{how}, the first of its {multi[2]} days"
            if found.start:
                how += ", its start ('since')"
            note = f"{found.rule}: '{found.span.text}' {how}"
            return _dated(ev, day, precision, found.span.text, note), found.rule
        vague = self._vague(anchor)
        if vague is not None and base is not None:
            return _dated(ev, base - timedelta(days=1), "before", vague.text,
                          f"before: '{vague.text}', before publication"), "before"
        if base is not None:
            return _dated(ev, base, "publication", None, "publication: the text gives no date"), "publication"
        return ev, "none"

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


def _said_on(anchor: Token, values: dict[tuple[int, int], Value], phrases: list[Span]) -> Value | None:
    """The date of the saying an event is reported in ("China said on Tuesday that ..."): its
    day, precision and phrase; None when the event is not reported or the saying is undated."""
    verb = next((t for t in ancestors(anchor)[1:] if t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in REPORTING),
                None)
    found = attach(verb, phrases) if verb is not None else None
    if found is None or found.shift:
        return None
    day, precision, _ = values[(found.span.start, found.span.end)]
    return day, precision, found.span.text


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


def _dated(ev: Event, day: date | None, precision: str | None, text: str | None, why: str) -> Event:
    explain = dict(ev.explain)
    explain["date"] = why
    return replace(ev, date=day, date_text=text, date_precision=precision, explain=tuple(explain.items()))


def _weekday(text: str) -> bool:
    """Whether a date phrase names a day by its weekday, which recurs every week."""
    return any(w.lower().strip(".,") in WEEKDAYS for w in text.split())


def _depth(t: Token) -> int:
    return len(ancestors(governing_verb(t)))


def _ahead(t: Token) -> bool:
    """Whether the clause of ``t`` speaks of what is to come ("will meet", "plans to visit",
    "is to vote", "a summit scheduled for"), so its weekday is the coming one. A participle
    has the tense of the clause it hangs on ("will gather for a summit starting June 24")."""
    verb = governing_verb(t)
    while (verb.tag_ == "VBG" and verb.dep_ in {"acl", "advcl", "prep"} and verb.head.i != verb.i
           and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)):
        verb = governing_verb(verb.head)
    if any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "wo"} for c in verb.children):
        return True
    if (any(c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in verb.children)
            and not any(c.lower_ == "have" for c in verb.children)
            and verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING):
        return True
    if verb.lemma_ in {"schedule", "plan"} and verb.tag_ == "VBN":
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return to and verb.dep_ == "xcomp" and (verb.head.lemma_ in AHEAD_HEADS or verb.head.lemma_ == "be")


def _by_sentence(doc: Doc, values: dict[tuple[int, int], Value]) -> dict[int, list[Span]]:
    """The resolved date phrases of each sentence (keyed by its first token), in reading order:
    indexed once per document, where each event would otherwise scan them all."""
    out: dict[int, list[Span]] = {}
    for a, b in values:
        out.setdefault(doc[a].sent.start, []).append(doc[a:b])
    return out


def _values(doc: Doc, base: date | None) -> dict[tuple[int, int], Value]:
    """Every date phrase of the document resolved, in reading order: against the publication
    date, or, for a phrase that counts from a day the text has named ("two days later", "the
    same day"), against the last such day before it."""
    out: dict[tuple[int, int], Value] = {}
    last: tuple[date, str] | None = None  # the last day the text named, and how it said it
    series: tuple[date, int, str, int] | None = None  # the last multi-day event: first day, length, phrase, sentence
    for k, sent in enumerate(doc.sents):
        if series is not None and series[3] < k - 1:
            series = None  # "the first day" speaks of an event of this sentence or the one before
        for span in find_dates(sent):
            anaphoric = is_anaphoric(span.text)
            if NTH_DAY.fullmatch(span.text.strip()):  # "on the first day" of the event named before
                day = nth_day(span.text, series[0], series[1]) if series else None
                if day is not None:
                    out[(span.start, span.end)] = (day, "day", f"of the {series[1]} days from '{series[2]}' (day)")
                continue
            if anaphoric and last is not None:
                found = resolve_relative(span.text, last[0])
                how = f"counted from '{last[1]}'"
            elif anaphoric:
                found, how = resolve_date(span.text.strip(), base), "counted from publication"
            else:
                ahead = _ahead(span.root)
                found = resolve_date(span.text.strip(), base, ahead)
                how = "(the coming one)" if ahead else ""
            if found is None:
                continue
            out[(span.start, span.end)] = (found[0], found[1], f"{how} ({found[1]})".strip())
            if found[1] == "day":
                last = (found[0], span.text)
                if (multi := days_of(span.root)) is not None:
                    series = (found[0] + timedelta(days=multi[1]), multi[2], span.text, k)
    return out
