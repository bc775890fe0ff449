"""parley's exceptions, drawn as one hierarchy so callers can catch at the depth they need.

    ParleyError                 exit 1   anything parley reports as a one-line message
    ├── UsageError              exit 2   bad options or arguments
    ├── InputError              exit 3   an input file cannot be read at all
    │   └── RecordError         (skip)   one record in a batch is bad; the batch goes on
    ├── StoreError              exit 4   the DuckDB file cannot be opened or written
    └── ModelError              exit 5   the spaCy model or a data file is missing

The CLI turns each into ``parley: <message>`` on standard error and its exit code;
a RecordError inside a batch is reported with the record's id and skipped.
"""
from __future__ import annotations

__all__ = ["ParleyError", "UsageError", "InputError", "RecordError", "StoreError", "ModelError"]


class ParleyError(Exception):
    exit_code = 1


class UsageError(ParleyError):
    exit_code = 2


class InputError(ParleyError):
    exit_code = 3


class RecordError(InputError):
    """A bad record inside a batch: ``source`` and ``record_id`` say which one."""

    def __init__(self, reason: str, source: str = "", record_id: str | None = None):
        self.reason, self.source, self.record_id = reason, source, record_id
        where = source + (f" record {record_id}" if record_id is not None else "")
        super().__init__(f"{where}: {reason}" if where else reason)


class StoreError(ParleyError):
    exit_code = 4


class ModelError(ParleyError):
    exit_code = 5
