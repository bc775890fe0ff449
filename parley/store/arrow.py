"""The event record as Arrow: a typed schema for Parquet, shared by ``parley export`` and Spark.

Column names are the record's top-level fields, in its order; nested objects stay nested
(lists of structs), and the date is a date, so DuckDB, pyarrow and Spark read the same types.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pyarrow as pa

__all__ = ["EVENT_SCHEMA", "to_arrow"]

_ACTOR = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                    ("sector", pa.string()), ("org", pa.string()), ("role", pa.string()), ("kind", pa.string()),
                    ("start", pa.int32()), ("end", pa.int32())])
_PLACE = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                    ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
                    ("geonameid", pa.int64()), ("feature", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
_ATTRIBUTION = pa.struct([("text", pa.string()), ("kind", pa.string()), ("country", pa.string()),
                          ("start", pa.int32()), ("end", pa.int32())])
_MENTION = pa.struct([("sentence", pa.int32()), ("trigger", pa.string()), ("start", pa.int32()),
                      ("end", pa.int32()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32())])

# the record's top-level fields, in its order, typed (dates as dates)
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence", pa.int32()), ("event", pa.string()),
    ("mode", pa.string()), ("context", pa.list_(pa.string())), ("cameo", pa.string()),
    ("goldstein", pa.float64()), ("quad_class", pa.int32()), ("actor", pa.list_(_ACTOR)),
    ("recipient", pa.list_(_ACTOR)), ("reciprocal", pa.bool_()), ("date", pa.date32()),
    ("date_text", pa.string()), ("date_precision", pa.string()), ("location", _PLACE),
    ("factuality", pa.string()), ("attribution", pa.list_(_ATTRIBUTION)), ("mentions", pa.list_(_MENTION)),
    ("confidence", pa.float64()), ("coder", pa.string()),
])


def to_arrow(records: Iterable[dict[str, Any]], schema: pa.Schema = EVENT_SCHEMA) -> pa.Table:
    """Records (and any extra columns the schema names) as an Arrow table of ``schema``."""
    rows = []
    for rec in records:
        row = dict(rec)
        if isinstance(row.get("date"), str):
            row["date"] = date.fromisoformat(row["date"])
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)
