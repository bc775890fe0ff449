"""Schema versions of the DuckDB store and how to get from each to the next.

A file written by an older parley is upgraded in place when it is opened for writing; one
written by a newer parley is refused with a message that says so. Each step is a list of SQL
statements run in one transaction.
"""
from __future__ import annotations

__all__ = ["SCHEMA_VERSION", "STEPS"]

SCHEMA_VERSION = 4

# version reached → statements that reach it from the version before
STEPS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS text_sha VARCHAR",),
    # actors, attributions, real_events and sources are created by schema.sql; events learn their block
    # and real event, which Store fills in for the events already stored (Store.rebuild)
    3: ("ALTER TABLE events ADD COLUMN IF NOT EXISTS block VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS real_event_id VARCHAR",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS d_lo DATE",
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS d_hi DATE"),
    # actors keep every sector (an armed group that governs: REB, GOV), filled in from each actor's
    # object in the stored record (its ``sectors``, else its one ``sector``), so that an upgrade
    # leaves the real events as they were
    4: ("ALTER TABLE actors ADD COLUMN IF NOT EXISTS sectors VARCHAR[]",
        "UPDATE actors SET sectors = coalesce("
        "CAST(json_extract(e.record, '$.' || actors.side || '[' || actors.position || '].sectors') AS VARCHAR[]), "
        "CASE WHEN actors.sector IS NULL THEN []::VARCHAR[] ELSE [actors.sector] END) "
        "FROM events e WHERE e.event_id = actors.event_id"),
}
# versions after which the stored events must be indexed again (Store.rebuild)
REBUILD_AFTER = frozenset({3})
