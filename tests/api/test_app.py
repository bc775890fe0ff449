"""The API through the real app (real pipeline, real DuckDB file), in process."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from parley.api import create_app

from conftest import Failing

SIGNING = "Kenya and Tanzania signed a border agreement in Arusha on Monday."


@pytest.fixture()
def client(pipeline, dedup_db, tmp_path):
    db = tmp_path / "api.duckdb"
    shutil.copy(dedup_db, db)
    with TestClient(create_app(db, pipeline=pipeline, api_key="")) as c:
        yield c


def test_health_counts_the_store(client):
    body = client.get("/healthz").json()
    assert body["status"] == "ok" and body["documents"] == 25 and body["real_events"] == 8
    assert body["api_key_required"] is False


def test_post_json_codes_stores_and_returns_records(client):
    r = client.post("/v1/documents", json={"id": "n1", "text": SIGNING, "pub_date": "2025-04-16",
                                           "publisher": "Test Wire"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["doc_id"] == "n1" and body["stored"] is True
    (ev,) = body["events"]
    assert ev["event"] == "SUPPORT" and ev["date"] == "2025-04-14" and ev["location"]["name"] == "Arusha"
    assert "name" not in ev["actor"][0]  # the record exactly: absent keys stay absent
    # stored, and linked to the eight earlier reports of the same signing
    detail = client.get(f"/v1/events/{ev['event_id']}").json()
    assert detail["real_event"]["n_reports"] == 9 and len(detail["sources"]) == 9
    assert detail["evidence"][0]["text"] == SIGNING
    assert detail["evidence"][0]["text"][detail["evidence"][0]["trigger_start"]:
                                         detail["evidence"][0]["trigger_end"]] == "signed"


def test_post_plain_text_with_query_parameters(client):
    r = client.post("/v1/documents?pub_date=2025-04-16&store=false&explain=true", content=SIGNING.encode(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200
    body = r.json()
    assert body["stored"] is False and body["doc_id"].startswith("api-")
    assert body["events"][0]["explain"]["event"].startswith("trigger")
    assert client.get("/healthz").json()["documents"] == 25


def test_events_filters_and_pages(client):
    first = client.get("/v1/events", params={"actor": "KEN", "limit": 5}).json()
    assert len(first["items"]) == 5 and first["next"] == first["items"][-1]["event_id"]
    rest = client.get("/v1/events", params={"actor": "KEN", "limit": 5, "after": first["next"]}).json()
    assert len(rest["items"]) == 3 and rest["next"] is None
    ids = [e["event_id"] for e in first["items"] + rest["items"]]
    assert len(set(ids)) == 8
    both = client.get("/v1/events", params=[("actor", "IRN"), ("actor", "CHL")]).json()["items"]
    assert {e["event"] for e in both} == {"ACCUSE", "COERCE"} and len(both) == 12
    assert client.get("/v1/events", params={"since": "2025-04-18"}).json()["items"][0]["date"] >= "2025-04-18"


def test_dyads_network_and_actors(client):
    dyads = client.get("/v1/dyads", params={"by": "month", "actor": "KEN"}).json()
    assert dyads["items"] == [{"period": "2025-04-01", "actor": "KEN", "recipient": "TZA", "quad_class": 1,
                               "events": 1, "goldstein": 8.0, "reports": 8}]
    net = client.get("/v1/network").json()
    assert {"source": "IRN", "target": "ISR", "events": 1, "goldstein": -2.0} in net["edges"]
    assert {n["id"] for n in net["nodes"]} >= {"IRN", "ISR", "KEN", "TZA"}
    rubio = client.get("/v1/actors", params={"q": "Marco Rubio", "date": "2024-05-01"}).json()
    assert rubio["items"][0]["sector"] == "LEG" and rubio["items"][0]["sectors"] == ["LEG"]
    hamas = client.get("/v1/actors", params={"q": "Hamas"}).json()["items"][0]
    assert (hamas["sector"], hamas["sectors"]) == ("REB", ["REB", "PTY", "GOV"])
    assert client.get("/v1/actors", params={"q": "a cat named Frank"}).json()["items"] == []


@pytest.mark.parametrize("method,path,kwargs,status", [
    ("get", "/v1/events/nope", {}, 404),
    ("get", "/v1/events", {"params": {"limit": 0}}, 422),
    ("get", "/v1/events", {"params": {"since": "yesterday"}}, 422),
    ("get", "/v1/dyads", {"params": {"by": "year"}}, 422),
    ("get", "/v1/actors", {}, 422),
    ("post", "/v1/documents", {"json": {"id": "x"}}, 422),
    ("post", "/v1/documents", {"content": b"{not json", "headers": {"content-type": "application/json"}}, 422),
    ("post", "/v1/documents", {"json": {"text": ""}}, 422),
    ("post", "/v1/documents", {"json": {"text": "x", "pub_date": "31/07/2025"}}, 422),
    ("post", "/v1/documents", {"content": b"\xff\xfe", "headers": {"content-type": "text/plain"}}, 400),
    ("post", "/v1/documents", {"content": b"<a/>", "headers": {"content-type": "application/xml"}}, 415),
    ("post", "/v1/documents", {"content": b"x" * 1_000_001, "headers": {"content-type": "text/plain"}}, 413),
])
def test_bad_requests_get_a_json_4xx(client, method, path, kwargs, status):
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json") and r.json()["error"]


def test_filters_cannot_inject_sql(client):
    r = client.get("/v1/events", params={"actor": "x' OR 1=1 --", "text": "'; DROP TABLE events; --"})
    assert r.status_code == 200 and r.json()["items"] == []
    assert client.get("/healthz").json()["events"] == 25


def test_reading_routes_take_the_declared_filters(client):
    from parley.filters import FILTERS

    paths = client.get("/openapi.json").json()["paths"]
    own = {"/v1/events": {"limit", "after"}, "/v1/dyads": {"by", "unit"}, "/v1/network": {"min_events"},
           "/v1/series": {"unit", "period", "counting", "categories", "format"}}
    for path, names in own.items():
        params = {p["name"]: p for p in paths[path]["get"]["parameters"]}
        assert set(params) - names == {s.name for s in FILTERS}, path
        for s in FILTERS:
            assert params[s.name]["in"] == "query" and params[s.name]["description"] == s.help
    # a filter with a known set of values is an enum in the schema: repeat it for any of several
    found = client.get("/v1/events", params=[("cameo", "17"), ("cameo", "19"), ("until", "2025-04-30")]).json()
    assert found["items"][0]["event"] == "COERCE"


def test_a_document_that_cannot_be_coded_is_a_422_and_is_not_stored(pipeline, dedup_db, tmp_path):
    db = tmp_path / "fail.duckdb"
    shutil.copy(dedup_db, db)
    with TestClient(create_app(db, pipeline=Failing(pipeline), api_key="")) as c:
        r = c.post("/v1/documents", json={"id": "x", "text": "BOOM " + SIGNING})
        assert r.status_code == 422 and r.json()["error"] == "document 'x' could not be coded: RuntimeError: boom"
        assert c.get("/healthz").json()["documents"] == 25
        assert c.post("/v1/documents", json={"id": "y", "text": SIGNING}).status_code == 200


def test_api_key_guards_writes_only(pipeline, dedup_db, tmp_path):
    db = tmp_path / "key.duckdb"
    shutil.copy(dedup_db, db)
    with TestClient(create_app(db, pipeline=pipeline, api_key="s3cret")) as c:
        assert c.post("/v1/documents", json={"text": SIGNING}).status_code == 401
        assert c.post("/v1/documents", json={"text": SIGNING}, headers={"X-API-Key": "wrong"}).status_code == 401
        assert c.post("/v1/documents", json={"text": SIGNING}, headers={"X-API-Key": "s3cret"}).status_code == 200
        assert c.post("/v1/documents", json={"text": SIGNING},
                      headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/v1/events").status_code == 200 and c.get("/healthz").json()["api_key_required"] is True


def test_dashboard_and_docs_are_served_without_a_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for asset in ("/static/app.js", "/static/app.css"):
        assert client.get(asset).status_code == 200
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower()
    for src in __import__("re").findall(r'(?:src|href)="([^"]+)"', docs):
        assert src.startswith("/"), src
        assert client.get(src).status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/v1/events"]["get"]["parameters"]


def test_rate_limits_answer_429_with_retry_after(pipeline, dedup_db, tmp_path):
    from parley.api.app import Limit

    db = tmp_path / "rate.duckdb"
    shutil.copy(dedup_db, db)
    with TestClient(create_app(db, pipeline=pipeline, api_key="", writes=Limit(0.01, 2), reads=Limit(0.01, 3))) as c:
        codes = [c.post("/v1/documents?store=false", json={"text": SIGNING}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        limited = c.post("/v1/documents?store=false", json={"text": SIGNING})
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1 and limited.json()["error"]
        assert [c.get("/healthz").status_code for _ in range(4)] == [200, 200, 200, 429]  # reads have their own


def test_rate_limit_settings_are_checked():
    from parley.api.app import Limit
    from parley.errors import ParleyError

    assert Limit.parse("5/60", Limit(1, 1)) == Limit(5.0, 60) and Limit.parse(None, Limit(1, 1)) == Limit(1, 1)
    assert Limit.parse("0", Limit(1, 1)).rate == 0
    with pytest.raises(ParleyError, match="RATE/BURST"):
        Limit.parse("fast", Limit(1, 1))


def test_a_misspelt_filter_is_a_422_naming_the_valid_value(client):
    r = client.get("/v1/events", params={"category": "ASSULT"})
    assert r.status_code == 422 and "ASSAULT" in r.json()["error"]


def test_filter_values_are_taken_in_any_case_as_the_cli_takes_them(client):
    lower = client.get("/v1/events", params={"category": "accuse"})
    assert lower.status_code == 200
    assert lower.json()["items"] and {e["event"] for e in lower.json()["items"]} == {"ACCUSE"}


@pytest.fixture()
def panel_client(pipeline, panel_db):
    with TestClient(create_app(panel_db, pipeline=pipeline, api_key="")) as c:
        yield c


def test_series_is_the_clis_panel(panel_client):
    from parley.filters import Filters
    from parley.store.series import series

    year = {"since": "2024-01-01", "until": "2024-12-31"}
    body = panel_client.get("/v1/series", params={**year, "unit": "country", "period": "month"}).json()
    assert (body["unit"], body["period"], body["counting"]) == ("country", "month", "events")
    assert len(body["items"]) == 24 and list(body["items"][0]) == body["columns"]
    rel = series(panel_client.app.state.service.cursor(), "country", "month", Filters.of(**year))
    assert [r["count"] for r in body["items"]] == [row[rel.columns.index("count")] for row in rel.fetchall()]
    reports = panel_client.get("/v1/series", params={**year, "counting": "reports", "quad": "3"}).json()
    assert sum(r["count"] for r in reports["items"]) == 2 and reports["counting"] == "reports"
    csv_file = panel_client.get("/v1/series", params={**year, "format": "csv"})
    assert csv_file.headers["content-type"].startswith("text/csv") and len(csv_file.text.splitlines()) == 25
    too_many = panel_client.get("/v1/series", params={"since": "0001-01-01", "until": "9999-12-31", "period": "day"})
    assert too_many.status_code == 422 and "narrow" in too_many.json()["error"]


def test_new_filters_answer_in_the_api(panel_client):
    def docs(**params):
        r = panel_client.get("/v1/events", params=params)
        assert r.status_code == 200, r.text
        return {e["doc_id"] for e in r.json()["items"]}

    assert docs(factuality="Reported") == {"p2"}
    assert docs(min_reports=2, publisher="Reuters") == {"p1"}
    assert docs(recipient_sector="gov", place_country="USA") == {"p3", "p4"}
    assert docs(sector="LEG") == {"p1", "p2"}  # the accused's second sector
    lawmaker = panel_client.get("/v1/events", params={"sector": "LEG"}).json()["items"][0]["recipient"][0]
    assert (lawmaker["sector"], lawmaker["sectors"]) == ("OPP", ["OPP", "LEG"])
    assert docs(min_confidence=0.85) == {"p1"}
    r = panel_client.get("/v1/dyads", params={"actor_sector": "GOVT"})
    assert r.status_code == 422 and "did you mean GOV" in r.json()["error"]
