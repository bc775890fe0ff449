"""The dashboard's routes (api/dashboard.py): what the views draw agrees with the reading routes,
and the download is the filtered reports, in the format asked for."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from parley.api import create_app


@pytest.fixture(scope="module")
def client(pipeline, dedup_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("dash") / "api.duckdb"
    shutil.copy(dedup_db, db)
    with TestClient(create_app(db, pipeline=pipeline, api_key="")) as c:
        yield c


def event_ids(client, query: str) -> set[str]:
    return {e["event_id"] for e in client.get(f"/v1/events?limit=500&{query}").json()["items"]}


def test_the_overview_agrees_with_the_reading_routes(client):
    body = client.get("/v1/overview?by=week&unit=reports").json()
    assert body["total"] == len(event_ids(client, ""))
    assert sum(r["events"] for r in body["timeline"]) == body["total"] - body["undated"]
    network = client.get("/v1/network").json()
    events_network = client.get("/v1/overview").json()["network"]
    assert events_network["edges"] == network["edges"]
    assert [n["id"] for n in events_network["nodes"]] == [n["id"] for n in network["nodes"]]
    iran = next(n for n in events_network["nodes"] if n["id"] == "IRN")
    assert iran["kind"] == "state" and iran["name"] == "Iran"
    countries = {c["country"]: c for c in body["countries"]}
    assert countries["CHL"]["events"] == len(event_ids(client, "country=CHL")) and countries["CHL"]["numeric"] == "152"


def test_the_overview_refuses_what_it_cannot_draw(client):
    assert client.get("/v1/overview?by=day").status_code == 422
    r = client.get("/v1/overview?category=ASSULT")
    assert r.status_code == 422 and "ASSAULT" in r.json()["error"]


@pytest.mark.parametrize("query", ["country=IRN", "actor=KEN&recipient=TZA", "since=2025-04-16&until=2025-04-16",
                                   "place=Santiago"])
def test_the_download_is_the_filtered_reports(client, query):
    expected = event_ids(client, query)
    r = client.get(f"/v1/export?format=csv&{query}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="parley-events.csv"' in r.headers["content-disposition"]
    assert {row["event_id"] for row in csv.DictReader(io.StringIO(r.text))} == expected
    r = client.get(f"/v1/export?format=parquet&{query}")
    assert set(pq.read_table(io.BytesIO(r.content)).column("event_id").to_pylist()) == expected
    r = client.get(f"/v1/export?format=jsonl&{query}")
    assert {json.loads(line)["event_id"] for line in r.text.splitlines()} == expected


def test_a_download_of_nothing_still_has_its_columns(client):
    table = pq.read_table(io.BytesIO(client.get("/v1/export?format=parquet&since=2099-01-01").content))
    assert table.num_rows == 0 and "event_id" in table.column_names
    text = client.get("/v1/export?format=csv&since=2099-01-01").text
    assert text.startswith("event_id,") and len(text.splitlines()) == 1
