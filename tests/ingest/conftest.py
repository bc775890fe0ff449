"""Shared by the reader tests: read inputs and split what comes back into documents and errors."""
from __future__ import annotations

import pytest

from parley.errors import RecordError
from parley.ingest import read_inputs
from parley.model import Document


def split(items):
    items = list(items)
    assert all(isinstance(i, (Document, RecordError)) for i in items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, RecordError)]


@pytest.fixture
def read():
    """``read(path, ...)`` -> (documents, record errors), every input read to the end."""

    def _read(*inputs, **kwargs):
        return split(read_inputs([str(i) for i in inputs], **kwargs))

    return _read
