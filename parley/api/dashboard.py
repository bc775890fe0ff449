"""The dashboard's routes: what its views draw (``/v1/overview``) and the download of what they
show (``/v1/export``), both under the filters of every reading route. The page itself is
``static/index.html``; its charts are Apache ECharts, vendored under ``static/vendor/``
(scripts/vendor-dashboard fetches them), so nothing is fetched at run time."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Callable, Literal

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from fastapi import Depends, FastAPI, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..store import overview, query
from ..store.arrow import EVENT_SCHEMA
from ..store.export import LINK_SCHEMA, export
from ..store.query import Filters
from . import models as m

__all__ = ["dashboard_routes", "EXPORT_TYPES"]

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet",
                "jsonl": "application/x-ndjson", "plover": "application/x-ndjson",
                "gdelt": "text/tab-separated-values; charset=utf-8"}
SUFFIX = {"plover": "plover.jsonl", "gdelt": "gdelt.tsv"}


def dashboard_routes(app: FastAPI, svc: Any, filter_params: Callable[..., Filters], errors: dict) -> None:
    """Add ``/v1/overview`` and ``/v1/export`` to ``app`` (``svc``: the app's Service)."""
    files = {"content": {kind.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                         for kind in EXPORT_TYPES.values()}}

    @app.get("/v1/overview", response_model=m.OverviewOut, responses=errors, tags=["queries"])
    def get_overview(
        by: Literal["week", "month"] = "month", unit: Literal["events", "reports"] = "events",
        min_events: int = Query(1, ge=1, le=1_000_000, description="Edges of the network: at least this many."),
        f: Filters = Depends(filter_params),
    ) -> m.OverviewOut:
        """What the dashboard draws: events per period and quad class (zeros included), per
        country and per place, and the actor network, all under the same filters."""
        cur = svc.cursor()
        total, undated = overview.undated(cur, f, unit)
        timeline = overview.timeline(cur, by, f, unit)
        names = overview.country_names()
        countries = [{"country": c, "events": n, "name": names.get(c, (None, None))[0],
                      "numeric": names.get(c, (None, None))[1]} for c, n in overview.countries(cur, f, unit).fetchall()]
        places = overview.places(cur, f, unit)
        nodes, edges = query.network(cur, f, min_events=min_events, unit=unit)
        return m.OverviewOut(
            by=by, unit=unit, total=total, undated=undated, countries=countries,
            timeline=[dict(zip(timeline.columns, r)) for r in timeline.fetchall()],
            places=[dict(zip(places.columns, r)) for r in places.fetchall()],
            network=m.OverviewNetwork(
                nodes=[{"id": i, "events": n, "kind": "state" if i in names else "other", "name": names.get(i, (None,))[0]}
                       for i, n in nodes.fetchall()],
                edges=[dict(zip(edges.columns, r)) for r in edges.fetchall()]))

    @app.get("/v1/export", response_class=FileResponse, responses={**errors, 200: files}, tags=["queries"])
    def get_export(
        format: Literal["csv", "parquet", "jsonl", "plover", "gdelt"] = "csv",
        f: Filters = Depends(filter_params),
    ) -> FileResponse:
        """The reports matching the filters as one file, as `parley export` writes them (Parquet:
        one file of reports, without the real-events table)."""
        tmp = Path(tempfile.mkdtemp(prefix="parley-export-"))
        try:
            name = f"parley-events.{SUFFIX.get(format, format)}"
            if format == "parquet":
                export(svc.cursor(), format, tmp / "dataset", f)
                _one_parquet(tmp / "dataset" / "events", tmp / name)
            else:
                export(svc.cursor(), format, tmp / name, f)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return FileResponse(tmp / name, media_type=EXPORT_TYPES[format], filename=name,
                            background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))


def _one_parquet(dataset: Path, output: Path) -> None:
    """The export's month-partitioned reports as one Parquet file (a browser downloads a file),
    batch by batch, with the month column the partitions held."""
    if not dataset.is_dir():  # no rows matched: a file with the columns and no rows
        pq.write_table(pa.schema([*EVENT_SCHEMA, *LINK_SCHEMA]).empty_table(), output)
        return
    source = ds.dataset(dataset, format="parquet", partitioning="hive")
    with pq.ParquetWriter(output, source.schema) as writer:
        for batch in source.to_batches():
            writer.write_batch(batch)
