"""The API's edge: pydantic models of what comes in and goes out, so the OpenAPI document says
exactly what the service answers (and schemathesis can hold it to that). Inside, parley keeps
its frozen dataclasses; these mirror ``Event.to_dict`` (tests/test_schema.py fails when they miss
a field of it) and the query rows."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..pipeline.pipeline import MAX_CHARS

MAX_TEXT = MAX_CHARS  # characters of one document: what the pipeline would code of it


class DocumentIn(BaseModel):
    """A document to code: the JSONL input record of ``parley code``."""

    model_config = ConfigDict(extra="ignore")

    id: Optional[str] = Field(None, max_length=200, description="Document id; derived from the text if absent.")
    text: str = Field(..., min_length=1, max_length=MAX_TEXT)
    pub_date: Optional[dt.date] = Field(None, description="Publication date (YYYY-MM-DD): anchors 'on Tuesday'.")
    title: Optional[str] = Field(None, max_length=2000)
    url: Optional[str] = Field(None, max_length=4000)
    publisher: Optional[str] = Field(None, max_length=500)


class ActorOut(BaseModel):
    text: str
    name: Optional[str] = None
    country: Optional[str] = None
    cow: Optional[int] = Field(None, description="Correlates of War state number on the event's date.")
    gw: Optional[int] = Field(None, description="Gleditsch-Ward state number on the event's date.")
    sector: Optional[str] = Field(None, description="The primary sector (PLOVER agent code).")
    sectors: Optional[list[str]] = Field(None, description="Every sector, the primary first; present only when "
                                                             "there are several (Hamas: REB, PTY, GOV).")
    org: Optional[str] = None
    role: Optional[str] = None
    kind: Optional[str] = None
    start: int
    end: int


class PlaceOut(BaseModel):
    text: str
    name: str
    country: Optional[str] = None
    cow: Optional[int] = None
    gw: Optional[int] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    feature: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class AttributionOut(BaseModel):
    text: str
    kind: str
    country: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


class MentionOut(BaseModel):
    sentence: int
    trigger: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int


class EventOut(BaseModel):
    """The event record (DESIGN.md), field for field."""

    event_id: str
    doc_id: str
    sentence: int
    event: str
    mode: Optional[str] = None
    context: list[str] = []
    cameo: str
    goldstein: float
    quad_class: int
    actor: list[ActorOut]
    recipient: list[ActorOut]
    reciprocal: bool
    date: Optional[str] = None
    date_text: Optional[str] = None
    date_precision: Optional[str] = None
    location: Optional[PlaceOut] = None
    factuality: str
    attribution: list[AttributionOut]
    mentions: list[MentionOut]
    confidence: float
    coder: str
    explain: Optional[dict[str, str]] = None


class CodedOut(BaseModel):
    doc_id: str
    stored: bool
    events: list[EventOut]


class EventsPage(BaseModel):
    items: list[EventOut]
    next: Optional[str] = Field(None, description="Pass as `after` for the next page; null on the last.")


class Evidence(BaseModel):
    """A sentence that reports the event, with the trigger's offsets within it."""

    sentence: int
    text: str
    trigger: str
    trigger_start: int
    trigger_end: int


class Source(BaseModel):
    """A report of the same real event (possibly this one)."""

    event_id: str
    doc_id: str
    publisher: Optional[str] = None
    url: Optional[str] = None
    pub_date: Optional[dt.date] = None
    text: Optional[str] = Field(None, description="The sentence of that report.")


class RealEvent(BaseModel):
    real_event_id: str
    n_reports: int
    n_documents: int
    n_sources: int
    first_seen: Optional[dt.date] = None


class EventDetail(BaseModel):
    event: EventOut
    document: dict[str, Optional[str]]
    evidence: list[Evidence]
    real_event: Optional[RealEvent] = None
    sources: list[Source]


class DyadRow(BaseModel):
    period: dt.date
    actor: str
    recipient: str
    quad_class: Optional[int] = None
    events: int
    goldstein: Optional[float] = None
    reports: int


class DyadsOut(BaseModel):
    by: str
    unit: str
    items: list[DyadRow]


class SeriesOut(BaseModel):
    """A zero-filled panel (docs/series.md): one item per unit and period."""

    unit: str
    period: str
    counting: str = Field(description="events: real events (reports of one event once); reports: every report.")
    categories: str
    columns: list[str]
    items: list[dict[str, Any]]


class NetworkNode(BaseModel):
    id: str
    events: int


class NetworkEdge(BaseModel):
    source: str
    target: str
    events: int
    goldstein: float = Field(description="Mean Goldstein score of the dyad's events.")


class NetworkOut(BaseModel):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class ResolvedActor(BaseModel):
    text: str
    country: Optional[str] = None
    sector: Optional[str] = None
    sectors: list[str] = Field(default_factory=list, description="Every sector, the primary first.")
    org: Optional[str] = None
    name: Optional[str] = None
    role: Optional[str] = None
    kind: Optional[str] = None


class ActorsOut(BaseModel):
    q: str
    date: Optional[dt.date] = None
    items: list[ResolvedActor]


class Health(BaseModel):
    status: str
    documents: int
    events: int
    real_events: int
    schema_version: int
    api_key_required: bool


class ErrorOut(BaseModel):
    error: str
    detail: Any = None


class PeriodCount(BaseModel):
    period: dt.date
    quad_class: int
    events: int


class CountryCount(BaseModel):
    country: str
    name: Optional[str] = None
    numeric: Optional[str] = Field(None, description="ISO 3166-1 numeric code, as world maps key countries.")
    events: int


class PlaceCount(BaseModel):
    name: Optional[str] = None
    country: Optional[str] = None
    lat: float
    lon: float
    events: int


class OverviewOut(BaseModel):
    by: str
    unit: str
    total: int = Field(description="Events matching the filters.")
    undated: int = Field(description="Of them, events with no date (not on the timeline).")
    timeline: list[PeriodCount]
    countries: list[CountryCount]
    places: list[PlaceCount]
    network: OverviewNetwork


class OverviewNode(NetworkNode):
    kind: Literal["state", "other"] = Field(description="state: a country code; other: an organisation or group.")
    name: Optional[str] = None


class OverviewNetwork(BaseModel):
    nodes: list[OverviewNode]
    edges: list[NetworkEdge]
