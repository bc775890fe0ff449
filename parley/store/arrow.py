"""The event record as Arrow: a typed schema for Parquet, shared by ``parley export`` and Spark.

Column names are the record's top-level fields (``model.RECORD_FIELDS``), in its order, each
typed from the model's own annotation; nested objects stay nested (lists of structs), and the
date is a date, so DuckDB, pyarrow and Spark read the same types. A field of a type this module
does not know stops the import: it cannot silently go missing from Parquet.
"""
from __future__ import annotations

import types
from collections.abc import Iterable
from datetime import date
from typing import Any, get_args, get_origin

import pyarrow as pa

from ..model import RECORD_FIELDS, Actor, Attribution, Mention, Place

__all__ = ["EVENT_SCHEMA", "PART_STRUCTS", "to_arrow"]

_SCALARS = {str: pa.string(), int: pa.int32(), float: pa.float64(), bool: pa.bool_(), date: pa.date32()}

# the record's parts, with their fields in the order of their ``to_dict``
PART_STRUCTS: dict[type, pa.StructType] = {
    Actor: pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                      ("cow", pa.int32()), ("gw", pa.int32()), ("sector", pa.string()),
                      ("sectors", pa.list_(pa.string())), ("org", pa.string()), ("role", pa.string()),
                      ("kind", pa.string()), ("start", pa.int32()), ("end", pa.int32())]),
    Place: pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()),
                      ("cow", pa.int32()), ("gw", pa.int32()), ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
                      ("geonameid", pa.int64()), ("feature", pa.string()), ("start", pa.int32()),
                      ("end", pa.int32())]),
    Attribution: pa.struct([("text", pa.string()), ("kind", pa.string()), ("country", pa.string()),
                            ("start", pa.int32()), ("end", pa.int32())]),
    Mention: pa.struct([("sentence", pa.int32()), ("trigger", pa.string()), ("start", pa.int32()),
                        ("end", pa.int32()), ("trigger_start", pa.int32()), ("trigger_end", pa.int32())]),
}


def _arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a model annotation: ``X | None`` is a nullable X, ``tuple[X, ...]`` a list."""
    if isinstance(hint, types.UnionType):
        (inner,) = [a for a in get_args(hint) if a is not type(None)]
        return _arrow_type(inner)
    if get_origin(hint) is tuple:
        return pa.list_(_arrow_type(get_args(hint)[0]))
    if hint in PART_STRUCTS:
        return PART_STRUCTS[hint]
    if hint not in _SCALARS:
        raise TypeError(f"no Arrow type for {hint!r}: give it one in store/arrow.py")
    return _SCALARS[hint]


EVENT_SCHEMA = pa.schema([(name, _arrow_type(hint)) for name, hint in RECORD_FIELDS])


def to_arrow(records: Iterable[dict[str, Any]], schema: pa.Schema = EVENT_SCHEMA) -> pa.Table:
    """Records (and any extra columns the schema names) as an Arrow table of ``schema``."""
    rows = []
    for rec in records:
        row = dict(rec)
        if isinstance(row.get("date"), str):
            row["date"] = date.fromisoformat(row["date"])
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)
