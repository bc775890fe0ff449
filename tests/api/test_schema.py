"""schemathesis against the app's own OpenAPI document: no 5xx, every answer as the schema says.

Driven through hypothesis directly (schemathesis' pytest plugin does not run under pytest 9):
each operation of the schema gets its own generated cases.
"""
from __future__ import annotations

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from parley.api import create_app
from parley.api.app import Limit


@pytest.fixture(scope="module")
def api_schema(pipeline, dedup_db, tmp_path_factory):
    from fastapi.testclient import TestClient

    db = tmp_path_factory.mktemp("schema") / "api.duckdb"
    shutil.copy(dedup_db, db)
    app = create_app(db, pipeline=pipeline, api_key="", writes=Limit(0, 0), reads=Limit(0, 0))
    with TestClient(app):  # runs the lifespan: the store opens, the pipeline is there
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_every_operation_conforms(api_schema):
    ops = operations(api_schema)
    assert {op.path for op in ops} >= {"/healthz", "/v1/documents", "/v1/events", "/v1/events/{event_id}",
                                       "/v1/dyads", "/v1/network", "/v1/actors"}
    for op in ops:
        @given(case=op.as_strategy())
        @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def run(case) -> None:
            case.call_and_validate()

        run()
