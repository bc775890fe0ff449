"""The HTTP service: the pipeline and the store behind FastAPI, and the dashboard beside them.

One ``Service`` per app holds the pipeline (loaded once, at start-up) and the store. Routes are
plain ``def`` functions, so FastAPI runs them in its thread pool, off the event loop; coding
and writing each take a lock (one spaCy pipeline, one DuckDB writer), reads take their own
cursor. Every error is a JSON object ``{"error", "detail"}`` with a 4xx status: bad input is
the client's, and is said so.
"""
from __future__ import annotations

import hashlib
import hmac
import inspect
import io
import json
import os
import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BeforeValidator, ValidationError
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ParleyError, UsageError
from ..model import Document
from ..pipeline.job import Job, Skip
from ..pipeline.pipeline import Pipeline
from ..store import Store, query
from ..store import series as panel
from ..filters import FILTERS, Filters, FilterSpec
from . import models as m
from .dashboard import dashboard_routes

__all__ = ["create_app", "Service", "Limit"]

MAX_BODY = 1_000_000  # bytes of one request body
MAX_PAGE = 500
MAX_SERIES = 100_000  # rows of one panel through the API (`parley series` has no limit)
SERIES_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                "parquet": "application/vnd.apache.parquet"}
ERRORS = {code: {"model": m.ErrorOut} for code in (400, 401, 404, 413, 415, 422, 429)}


@dataclass(frozen=True)
class Limit:
    """A token bucket: ``rate`` requests a second on average, ``burst`` at once; rate 0: no limit."""

    rate: float
    burst: int

    @classmethod
    def parse(cls, text: str | None, default: "Limit") -> "Limit":
        """"RATE/BURST" ("5/60"), or "0" for none."""
        if not text:
            return default
        try:
            rate, _, burst = text.partition("/")
            return cls(float(rate), int(burst or max(1, float(rate))))
        except ValueError as exc:
            raise ParleyError(f"rate limit {text!r}: write RATE/BURST, e.g. 5/60, or 0 for none") from exc


WRITE_LIMIT = Limit(5.0, 60)  # documents a second per client, sustained; 60 at once
READ_LIMIT = Limit(100.0, 1000)


class RateLimit:
    """Per-client token buckets (by the connection's address), one for writes (POST) and one
    for reads; over the limit: 429 with Retry-After. The bucket table is bounded."""

    MAX_CLIENTS = 10_000

    def __init__(self, app: ASGIApp, writes: Limit, reads: Limit):
        self.app, self.writes, self.reads = app, writes, reads
        self.buckets: dict[tuple[str, bool], tuple[float, float]] = {}  # (client, write) → (tokens, when)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            write = scope["method"] not in {"GET", "HEAD", "OPTIONS"}
            limit = self.writes if write else self.reads
            if limit.rate > 0:
                wait = self._take((str((scope.get("client") or ("?",))[0]), write), limit)
                if wait > 0:
                    response = JSONResponse({"error": f"too many {'writes' if write else 'requests'}: "
                                                      f"retry in {wait:.1f} s"}, status_code=429,
                                            headers={"Retry-After": str(max(1, round(wait)))})
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    def _take(self, key: tuple[str, bool], limit: Limit) -> float:
        """Take a token; 0 when there was one, else the seconds until there is."""
        now = time.monotonic()
        tokens, then = self.buckets.pop(key, (float(limit.burst), now))
        tokens = min(float(limit.burst), tokens + (now - then) * limit.rate)
        if len(self.buckets) >= self.MAX_CLIENTS:
            self.buckets.pop(next(iter(self.buckets)))  # the least recently seen client
        if tokens >= 1:
            self.buckets[key] = (tokens - 1, now)
            return 0.0
        self.buckets[key] = (tokens, now)
        return (1 - tokens) / limit.rate


@dataclass
class Service:
    """What the routes share: the pipeline, the store and their locks (a job holds ``code_lock``
    while it codes and stores, ``write_lock`` while it writes; reads take ``write_lock`` to get
    their cursor)."""

    db: Path
    api_key: str | None
    pipeline: Any = None  # a Pipeline, loaded by the lifespan unless given
    store: Store | None = None
    code_lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        if self.pipeline is None:
            self.pipeline = Pipeline()
        if self.store is None:
            self.store = Store(self.db)

    def stop(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def cursor(self) -> Any:
        with self.write_lock:
            assert self.store is not None
            return self.store.con.cursor()


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before any route reads them."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _too_large(scope, receive, send, self.limit)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.limit:
                await _too_large(scope, receive, send, self.limit)
                return
        body, sent = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    response = JSONResponse({"error": f"request body over {limit} bytes"}, status_code=413)
    await response(scope, receive, send)


def create_app(db: str | Path = "parley.duckdb", pipeline: Any = None, api_key: str | None = None,
               max_body: int = MAX_BODY, writes: Limit | None = None, reads: Limit | None = None) -> FastAPI:
    """The app. ``api_key`` (default: ``$PARLEY_API_KEY``) is then required for writes; the
    rate limits default to ``$PARLEY_WRITE_LIMIT`` and ``$PARLEY_READ_LIMIT`` ("RATE/BURST")."""

    key = (api_key if api_key is not None else os.environ.get("PARLEY_API_KEY")) or None
    svc = Service(db=Path(db), api_key=key, pipeline=pipeline)

    @asynccontextmanager
    async def lifespan(_: FastAPI):  # noqa: ANN202
        svc.start()
        try:
            yield
        finally:
            svc.stop()

    app = FastAPIOffline(title="parley", version=_version(), lifespan=lifespan,
                         description="Political event data from news: coded in PLOVER and CAMEO, with evidence.")
    app.state.service = svc
    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(RateLimit, writes=writes or Limit.parse(os.environ.get("PARLEY_WRITE_LIMIT"), WRITE_LIMIT),
                       reads=reads or Limit.parse(os.environ.get("PARLEY_READ_LIMIT"), READ_LIMIT))
    _errors(app)
    _routes(app, svc)
    dashboard_routes(app, svc, filter_params, ERRORS)
    static = resources.files("parley.api").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    return app


def _version() -> str:
    try:
        return version("parley")
    except PackageNotFoundError:
        return "0"


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{k: v for k, v in e.items() if k in {"loc", "msg", "type"}} for e in exc.errors()]
        return JSONResponse({"error": _unknown_value(exc.errors()) or "invalid request",
                             "detail": jsonable_encoder(errors)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(ParleyError)
    async def parley_error(_: Request, exc: ParleyError) -> JSONResponse:
        # a value the request should not have sent (an unknown category) is unprocessable, as
        # FastAPI answers for a value of the wrong type; anything else parley refuses is a 400
        return JSONResponse({"error": str(exc)}, status_code=422 if isinstance(exc, UsageError) else 400)


def _unknown_value(errors: Any) -> str | None:
    """The CLI's one-line message ("did you mean ASSAULT?") for a filter value outside its enum."""
    specs = {s.name: s for s in FILTERS if s.valid is not None}
    for e in errors:
        loc = e.get("loc") or ()
        if e.get("type") == "literal_error" and len(loc) >= 2 and loc[0] == "query" and loc[1] in specs:
            try:
                specs[loc[1]].check(str(e.get("input")))
            except UsageError as exc:
                return str(exc)
    return None


def _filter_param(spec: FilterSpec) -> inspect.Parameter:
    kind: Any = {"codes": Optional[list[str]], "date": Optional[date], "text": Optional[str],
                 "number": Optional[float], "count": Optional[int]}[spec.kind]
    if spec.valid is not None:  # the schema names the values the filter can match (an enum)
        # (in any case, as the CLI takes them: "accuse" is ACCUSE)
        value = Annotated[Literal[tuple(sorted(spec.valid))], BeforeValidator(spec.canonical)]  # type: ignore[misc]
        kind = Optional[list[value]]  # type: ignore[valid-type]
    limits = {"date": {}, "number": {"ge": 0, "le": 1}, "count": {"ge": 1, "le": 1_000_000}}.get(
        spec.kind, {"max_length": 200})
    return inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, annotation=kind,
                             default=Query(None, description=spec.help, **limits))


def filter_params(**values: Any) -> Filters:
    """The filters of `parley events`, as query parameters (a dependency of the reading routes)."""
    return Filters.of(**values)


# FastAPI reads the signature: the parameters are the ones declared once in query.FILTERS
filter_params.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_filter_param(s) for s in FILTERS], return_annotation=Filters)


def _routes(app: FastAPI, svc: Service) -> None:
    """The service's routes: health and coding here, the reading routes in ``_query_routes``."""
    @app.get("/healthz", response_model=m.Health, tags=["service"])
    def healthz() -> m.Health:
        cur = svc.cursor()
        counts = {t: cur.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("documents", "events", "real_events")}
        version = int(cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()[0][0])
        return m.Health(status="ok", schema_version=version, api_key_required=svc.api_key is not None, **counts)

    body_schema = {
        "required": True,
        "content": {
            "application/json": {"schema": m.DocumentIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "minLength": 1, "maxLength": m.MAX_TEXT}},
        },
    }

    @app.post("/v1/documents", response_model=m.CodedOut, response_model_exclude_unset=True, responses=ERRORS, tags=["coding"],
              openapi_extra={"requestBody": body_schema})
    def post_document(
        request_body: bytes = _raw_body(),
        content_type: str = _content_type(),
        api_key_header: Optional[str] = _api_key(),
        id: Optional[str] = Query(None, max_length=200, description="Document id, for a text/plain body."),
        pub_date: Optional[date] = Query(None, description="Publication date, for a text/plain body."),
        explain: bool = Query(False, description="Say which rule decided each field."),
        store: bool = Query(True, description="Store the document and its events."),
    ) -> m.CodedOut:
        """Code one document (JSON, or the text itself as text/plain) and return its events."""
        if svc.api_key is not None and not hmac.compare_digest((api_key_header or "").encode(),
                                                               svc.api_key.encode()):
            raise HTTPException(401, "this service needs an API key for writes: X-API-Key header or "
                                     "Authorization: Bearer")
        doc = _document(request_body, content_type, id, pub_date)
        job = Job(pipeline=svc.pipeline, store=svc.store if store else None, recode=True,
                  store_lock=svc.write_lock)
        with svc.code_lock:
            (outcome,) = job.run([doc])
        if isinstance(outcome, Skip):
            raise HTTPException(422, f"document {doc.id!r} {outcome.kind}: {outcome.reason}")
        return m.CodedOut(doc_id=doc.id, stored=store,
                          events=[e.to_dict(explain=explain) for e in outcome.events])

    _query_routes(app, svc)


def _query_routes(app: FastAPI, svc: Service) -> None:
    """The reading routes (events, dyads, network, actors): each on its own cursor."""
    @app.get("/v1/events", response_model=m.EventsPage, response_model_exclude_unset=True, responses=ERRORS, tags=["queries"])
    def get_events(
        f: Filters = Depends(filter_params),
        limit: int = Query(50, ge=1, le=MAX_PAGE), after: Optional[str] = Query(None, max_length=64),
    ) -> m.EventsPage:
        """Stored events matching the filters, by date; page with ``after``."""
        rows = query.events(svc.cursor(), f, records=True, limit=limit + 1, after=after).fetchall()
        items = [json.loads(r[-1]) for r in rows[:limit]]
        return m.EventsPage(items=items, next=items[-1]["event_id"] if len(rows) > limit else None)

    @app.get("/v1/events/{event_id}", response_model=m.EventDetail, response_model_exclude_unset=True, responses=ERRORS, tags=["queries"])
    def get_event(event_id: str) -> m.EventDetail:
        """One event with its evidence sentences and the other reports of the same real event."""
        return _detail(svc.cursor(), event_id)

    @app.get("/v1/dyads", response_model=m.DyadsOut, responses=ERRORS, tags=["queries"])
    def get_dyads(
        by: Literal["day", "week", "month"] = "day", unit: Literal["events", "reports"] = "events",
        f: Filters = Depends(filter_params),
    ) -> m.DyadsOut:
        """Events and Goldstein sums per period, dyad and quad class."""
        rel = query.dyads(svc.cursor(), by, f, unit=unit)
        return m.DyadsOut(by=by, unit=unit, items=[dict(zip(rel.columns, r)) for r in rel.fetchall()])

    files = {"content": {kind.split(";")[0]: {"schema": {"type": "string"}} for kind in SERIES_TYPES.values()}}

    @app.get("/v1/series", response_model=m.SeriesOut, responses={**ERRORS, 200: files}, tags=["queries"])
    def get_series(
        unit: Literal["country", "actor", "dyad"] = "country",
        period: Literal["day", "week", "month", "quarter", "year"] = "month",
        counting: Literal["events", "reports"] = "events", categories: Literal["plover", "cameo"] = "plover",
        format: Literal["json", "csv", "jsonl", "parquet"] = "json",
        f: Filters = Depends(filter_params),
    ) -> Any:
        """A zero-filled panel per unit and period (as `parley series`); `format` csv, jsonl or
        parquet gives the file instead of JSON."""
        rel = panel.series(svc.cursor(), unit, period, f, counting=counting, categories=categories,
                           max_rows=MAX_SERIES)
        rows = rel.fetchall()
        if format != "json":
            out = io.BytesIO()
            panel.write(rel, format, out)
            return Response(out.getvalue(), media_type=SERIES_TYPES[format], headers={
                "Content-Disposition": f'attachment; filename="series-{unit}-{period}.{format}"'})
        return m.SeriesOut(unit=unit, period=period, counting=counting, categories=categories, columns=rel.columns,
                           items=[dict(zip(rel.columns, r)) for r in rows])

    @app.get("/v1/network", response_model=m.NetworkOut, responses=ERRORS, tags=["queries"])
    def get_network(
        min_events: int = Query(1, ge=1, le=1_000_000),
        f: Filters = Depends(filter_params),
    ) -> m.NetworkOut:
        """Who acts on whom: dyads as edges (events, mean Goldstein) and actors as nodes."""
        nodes, edges = query.network(svc.cursor(), f, min_events=min_events)
        return m.NetworkOut(nodes=[dict(zip(nodes.columns, r)) for r in nodes.fetchall()],
                            edges=[dict(zip(edges.columns, r)) for r in edges.fetchall()])

    @app.get("/v1/actors", response_model=m.ActorsOut, responses=ERRORS, tags=["actors"])
    def get_actors(q: str = Query(..., min_length=1, max_length=500, description="An actor phrase."),
                   date_: Optional[date] = Query(None, alias="date", description="Resolve as of this date.")
                   ) -> m.ActorsOut:
        """Resolve an actor phrase ("South Korean Foreign Minister Cho Hyun") as of a date."""
        with svc.code_lock:
            found = next(svc.pipeline.resolve([("q", q, date_)]))[2]
        items = [m.ResolvedActor(**{k: getattr(a, k) for k in m.ResolvedActor.model_fields}) for a in found]
        return m.ActorsOut(q=q, date=date_, items=items)


def _raw_body() -> Any:
    async def read(request: Request) -> bytes:
        return await request.body()

    return Depends(read)


def _content_type() -> Any:
    return Header("application/json", alias="content-type", include_in_schema=False)


def _api_key() -> Any:
    def read(request: Request) -> Optional[str]:
        key = request.headers.get("x-api-key")
        auth = request.headers.get("authorization", "")
        if key is None and auth.lower().startswith("bearer "):
            key = auth[7:].strip()
        return key

    return Depends(read)


def _document(body: bytes, content_type: str, doc_id: str | None, pub_date: date | None) -> Document:
    """The document of a request: a JSON object (``DocumentIn``) or, for text/plain, the text."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "text/plain":
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HTTPException(400, f"the text is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
        try:
            doc_in = m.DocumentIn(id=doc_id, text=text, pub_date=pub_date)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc
    elif kind in {"application/json", ""} or kind.endswith("+json"):
        try:
            doc_in = m.DocumentIn.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc
    else:
        raise HTTPException(415, f"send application/json or text/plain, not {kind}")
    text = doc_in.text
    rid = doc_in.id or doc_id or "api-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Document(id=rid, text=text, pub_date=doc_in.pub_date or pub_date, title=doc_in.title, url=doc_in.url,
                    publisher=doc_in.publisher)


def _detail(cur: Any, event_id: str) -> m.EventDetail:
    rows = cur.execute("SELECT e.record, e.real_event_id, d.text, d.title, d.url, d.publisher, "
                       "CAST(d.pub_date AS VARCHAR) FROM events e JOIN documents d USING (doc_id) "
                       "WHERE e.event_id = ?", [event_id]).fetchall()
    if not rows:
        raise HTTPException(404, f"no event {event_id!r}")
    record_json, real_id, text, title, url, publisher, pub = rows[0]
    record = json.loads(record_json)
    evidence = []
    for mention in record.get("mentions") or []:
        s, e = mention["start"], mention["end"]
        evidence.append(m.Evidence(sentence=mention["sentence"], text=(text or "")[s:e], trigger=mention["trigger"],
                                   trigger_start=mention["trigger_start"] - s, trigger_end=mention["trigger_end"] - s))
    real = None
    sources: list[m.Source] = []
    if real_id is not None:
        found = cur.execute("SELECT real_event_id, n_reports, n_documents, n_sources, first_seen FROM real_events "
                            "WHERE real_event_id = ?", [real_id]).fetchall()
        if found:
            real = m.RealEvent(**dict(zip(("real_event_id", "n_reports", "n_documents", "n_sources", "first_seen"),
                                          found[0])))
        for row in cur.execute(
                "SELECT s.event_id, s.doc_id, s.publisher, s.url, s.pub_date, "
                "substring(d.text, m.start_char + 1, m.end_char - m.start_char) FROM sources s "
                "JOIN documents d USING (doc_id) LEFT JOIN (SELECT event_id, min(start_char) AS start_char, "
                "arg_min(end_char, start_char) AS end_char FROM mentions GROUP BY event_id) m USING (event_id) "
                "WHERE s.real_event_id = ? ORDER BY s.pub_date, s.event_id", [real_id]).fetchall():
            sources.append(m.Source(**dict(zip(("event_id", "doc_id", "publisher", "url", "pub_date", "text"), row))))
    return m.EventDetail(event=record, document={"doc_id": record["doc_id"], "title": title, "url": url,
                                                 "publisher": publisher, "pub_date": pub},
                         evidence=evidence, real_event=real, sources=sources)
