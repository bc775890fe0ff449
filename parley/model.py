"""The data model: what parley reads (Document) and what it emits (Event and its parts).

Frozen dataclasses, so a record cannot change after a stage has made it; later stages make
new ones with :func:`dataclasses.replace`. ``Event.to_dict`` is the event record of DESIGN.md,
the one JSON form every front end (CLI, store, API, Spark) emits. ``Event``'s fields are the
record's top-level fields, in its order (``RECORD_FIELDS``): the Arrow schema and the CSV
columns are built from them, and tests/test_schema.py holds the SQL table and the API's models
to them.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, get_type_hints

__all__ = ["CODER", "Document", "Actor", "Place", "Attribution", "Mention", "Event", "RECORD_FIELDS",
           "event_id"]

CODER = "parley.rules.v1"  # the coder's name, stored with every event and document it codes
FACTUALITY = ("asserted", "reported", "hypothetical", "negated", "future")


@dataclass(frozen=True)
class Document:
    """One news text. ``pub_date`` anchors relative dates ("on Tuesday")."""

    id: str
    text: str
    pub_date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class Actor:
    """A resolved actor mention: who it is (country, sector, org, person) and where it was said.

    ``sector`` is the primary sector; ``sectors`` all of them, primary first ("Hamas": REB, PTY, GOV),
    empty when there is none. ``sector`` decides: ``sectors`` is kept only when it starts with it, so a
    stage that sets another primary (``replace(a, sector="ELI")``) never keeps sectors it did not give.
    """

    text: str
    start: int
    end: int
    country: str | None = None  # ISO 3166-1 alpha-3; None for IGO/NGO/MNC/IMG
    sector: str | None = None  # PLOVER agent code (GOV, MIL, ..., IGO, NGO, MNC, IMG)
    org: str | None = None
    name: str | None = None  # canonical person or organisation name
    role: str | None = None
    kind: str | None = None  # state, person, organisation, group, sector
    cow: int | None = None  # the country's Correlates of War and Gleditsch-Ward numbers on the event's date
    gw: int | None = None
    sectors: tuple[str, ...] = ()  # every sector, primary (``sector``) first; the record emits it when there are several

    def __post_init__(self) -> None:
        kept = tuple(dict.fromkeys(self.sectors))
        if self.sector is None:
            kept = ()
        elif kept[:1] != (self.sector,):
            kept = (self.sector,)
        if kept != self.sectors:
            object.__setattr__(self, "sectors", kept)

    def code(self) -> str | None:
        """The code the referee and dyad series use: the country, else the international kind."""
        if self.country:
            return self.country
        return self.sector if self.sector in {"IGO", "NGO", "MNC", "IMG"} else None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        for k in ("name", "country", "cow", "gw", "sector", "org", "role", "kind"):
            v = getattr(self, k)
            if v is not None:
                out[k] = v
            if k == "sector" and len(self.sectors) > 1:  # one sector is ``sector`` alone, as before
                out["sectors"] = list(self.sectors)
        out["start"], out["end"] = self.start, self.end
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Actor":
        values = {k: d.get(k) for k in cls.__dataclass_fields__ if k in d}
        values["sectors"] = tuple(values.get("sectors") or ())
        return cls(**values)


@dataclass(frozen=True)
class Place:
    """A gazetteer place an event happened at, with the text that named it."""

    text: str
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None
    feature: str | None = None  # city, admin1, country
    start: int | None = None
    end: int | None = None
    cow: int | None = None  # as Actor's
    gw: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("text", "name", "country", "cow", "gw", "admin1", "lat", "lon", "geonameid",
                                             "feature")}
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return {k: v for k, v in out.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})


@dataclass(frozen=True)
class Attribution:
    """Who says so: a news agency, an official body, an unnamed source."""

    text: str
    kind: str  # media, official, source, organisation, person
    start: int | None = None
    end: int | None = None
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "kind": self.kind}
        if self.country:
            out["country"] = self.country
        if self.start is not None:
            out["start"], out["end"] = self.start, self.end
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Attribution":
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})


@dataclass(frozen=True)
class Mention:
    """One place in the text that reports the event: its sentence and trigger, with offsets."""

    sentence: int
    trigger: str
    start: int  # the sentence's character span in the document text
    end: int
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence, "trigger": self.trigger, "start": self.start, "end": self.end,
            "trigger_start": self.trigger_start, "trigger_end": self.trigger_end,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Mention":
        return cls(
            sentence=d["sentence"], trigger=d["trigger"], start=d["start"], end=d["end"],
            trigger_start=d.get("trigger_start", d["start"]), trigger_end=d.get("trigger_end", d["end"]),
        )


@dataclass(frozen=True, kw_only=True)
class Event:
    """One distinct event in one document, with the evidence for each field.

    Its fields, but ``explain``, are the event record's, in the record's order: a field added
    here is in the JSON record, Parquet and Spark output at once.
    """

    event_id: str
    doc_id: str
    sentence: int
    event: str  # PLOVER category
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str
    goldstein: float
    quad_class: int
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...] = ()
    reciprocal: bool = False
    date: dt.date | None = None  # the record holds it as an ISO string
    date_text: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    factuality: str = "asserted"
    attribution: tuple[Attribution, ...] = ()
    mentions: tuple[Mention, ...] = ()
    confidence: float = 0.5
    coder: str = CODER
    explain: tuple[tuple[str, str], ...] = field(default=(), compare=False, metadata={"record": False})

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        out = {name: _record_value(getattr(self, name)) for name, _ in RECORD_FIELDS}
        out["confidence"] = round(self.confidence, 3)
        if explain:
            out["explain"] = dict(self.explain)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            event_id=d["event_id"], doc_id=d["doc_id"], sentence=d.get("sentence", 0),
            event=d["event"], cameo=d["cameo"], goldstein=d["goldstein"], quad_class=d["quad_class"],
            actor=tuple(Actor.from_dict(a) for a in d.get("actor") or ()),
            recipient=tuple(Actor.from_dict(a) for a in d.get("recipient") or ()),
            mode=d.get("mode"), context=tuple(d.get("context") or ()), reciprocal=bool(d.get("reciprocal")),
            date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            date_text=d.get("date_text"), date_precision=d.get("date_precision"),
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            factuality=d.get("factuality", "asserted"),
            attribution=tuple(Attribution.from_dict(a) for a in d.get("attribution") or ()),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions") or ()),
            confidence=d.get("confidence", 0.5), coder=d.get("coder", CODER),
            explain=tuple((d.get("explain") or {}).items()),
        )

    def codes(self, role: str) -> list[str]:
        """Sorted distinct actor codes of ``role`` ("actor" or "recipient")."""
        return sorted({c for a in getattr(self, role) if (c := a.code())})


# The event record's top-level fields, in its order, with their types: Event's fields but explain.
def _record_fields() -> tuple[tuple[str, Any], ...]:
    hints = get_type_hints(Event)
    return tuple((f.name, hints[f.name]) for f in fields(Event) if f.metadata.get("record", True))


RECORD_FIELDS = _record_fields()


def _record_value(value: Any) -> Any:
    """A field's value in the JSON record: parts as their dicts, tuples as lists, dates as ISO."""
    if isinstance(value, tuple):
        return [_record_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.to_dict() if hasattr(value, "to_dict") else value


def event_id(doc_id: str, sentence: int, trigger_start: int, category: str) -> str:
    """A stable id: the same document coded again gives the same ids (idempotent stores)."""
    key = f"{doc_id}\x1f{sentence}\x1f{trigger_start}\x1f{category}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
