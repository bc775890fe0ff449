"""The event record as one flat CSV row, the same for ``parley code``, ``events`` and ``export``.

The JSON record (``Event.to_dict``) is the contract; this is derived from it. Its typed
Arrow form, for Parquet, is in store/arrow.py.
"""
from __future__ import annotations

from typing import Any

__all__ = ["CSV_COLUMNS_OF", "CSV_FIELDS", "flat_row"]

# Each field of the record and the CSV columns it becomes, in the CSV's order: a scalar is its own
# column, a list or an object is flattened into the columns named (lists joined with ';'), and a
# field with none stays out of the flat row (JSONL and Parquet keep it). An actor's several sectors are
# joined with '|' (as the knowledge base's tables write them), its side's actors with ';': "REB|PTY|GOV;GOV".
# tests/test_schema.py fails when a field of the record is not here.
CSV_COLUMNS_OF: dict[str, tuple[str, ...]] = {
    "event_id": ("event_id",), "doc_id": ("doc_id",), "sentence": ("sentence",), "event": ("event",),
    "mode": ("mode",), "context": (), "cameo": ("cameo",), "goldstein": ("goldstein",),
    "quad_class": ("quad_class",), "actor": ("actor", "actor_text", "actor_cow", "actor_gw", "actor_sectors"),
    "recipient": ("recipient", "recipient_text", "recipient_cow", "recipient_gw", "recipient_sectors"),
    "reciprocal": ("reciprocal",), "date": ("date",), "date_text": (), "date_precision": ("date_precision",),
    "location": ("location", "location_country", "location_cow", "location_gw", "lat", "lon"), "factuality": ("factuality",),
    "attribution": ("attribution",), "confidence": ("confidence",), "mentions": ("trigger",), "coder": (),
}
CSV_FIELDS = [column for columns in CSV_COLUMNS_OF.values() for column in columns]


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """An event record as one flat CSV row (lists joined with ';')."""
    loc = rec.get("location") or {}

    def codes(side: str) -> str:
        return ";".join(a.get("country") or a.get("sector") or "" for a in rec.get(side) or [])

    def sectors(side: str) -> str:  # a record's actor with one sector has ``sector`` alone
        return ";".join("|".join(a.get("sectors") or ([a["sector"]] if a.get("sector") else []))
                        for a in rec.get(side) or [])

    def joined(field: str, key: str = "text") -> str:
        return ";".join(str(x.get(key) if x.get(key) is not None else "") for x in rec.get(field) or [])

    flattened = {
        "actor": codes("actor"), "actor_text": joined("actor"),
        "actor_cow": joined("actor", "cow"), "actor_gw": joined("actor", "gw"), "actor_sectors": sectors("actor"),
        "recipient": codes("recipient"), "recipient_text": joined("recipient"),
        "recipient_cow": joined("recipient", "cow"), "recipient_gw": joined("recipient", "gw"),
        "recipient_sectors": sectors("recipient"),
        "location": loc.get("name"), "location_country": loc.get("country"),
        "location_cow": loc.get("cow"), "location_gw": loc.get("gw"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "attribution": joined("attribution"), "trigger": joined("mentions", "trigger"),
    }
    return {column: flattened[column] if column in flattened else rec.get(column) for column in CSV_FIELDS}
