"""The event record as one flat CSV row, the same for ``parley code``, ``events`` and ``export``.

The JSON record (``Event.to_dict``) is the contract; this is derived from it. Its typed
Arrow form, for Parquet, is in store/arrow.py.
"""
from __future__ import annotations

from typing import Any

__all__ = ["CSV_FIELDS", "flat_row"]

CSV_FIELDS = ["event_id", "doc_id", "sentence", "event", "mode", "cameo", "goldstein", "quad_class", "actor",
              "actor_text", "recipient", "recipient_text", "reciprocal", "date", "date_precision", "location",
              "location_country", "lat", "lon", "factuality", "attribution", "confidence", "trigger"]


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """An event record as one flat CSV row (lists joined with ';')."""
    loc = rec.get("location") or {}

    def codes(side: str) -> str:
        return ";".join(a.get("country") or a.get("sector") or "" for a in rec.get(side) or [])

    return {
        **{k: rec.get(k) for k in ("event_id", "doc_id", "sentence", "event", "mode", "cameo", "goldstein",
                                   "quad_class", "reciprocal", "date", "date_precision", "factuality", "confidence")},
        "actor": codes("actor"), "actor_text": ";".join(a["text"] for a in rec.get("actor") or []),
        "recipient": codes("recipient"),
        "recipient_text": ";".join(a["text"] for a in rec.get("recipient") or []),
        "location": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "attribution": ";".join(a["text"] for a in rec.get("attribution") or []),
        "trigger": ";".join(m["trigger"] for m in rec.get("mentions") or []),
    }
