"""parley: political event data from news, coded in PLOVER and CAMEO with evidence.

The public API is what ``__all__`` names; everything else is private to its package::

    from parley import Pipeline, Document, Store, read_inputs
    pipeline = Pipeline()
    events = pipeline.code(Document("d1", "Greece and Turkey signed a trade deal on Monday.", date(2025, 3, 10)))

One thread per process for the linear algebra libraries, unless the user says otherwise:
parley parallelises with processes (``--jobs``), and OpenBLAS threads on top of them fight for
the same cores (on two cores, two jobs ran half as fast with them). Set before NumPy loads.
"""
import os as _os
from importlib import import_module as _import_module
from typing import Any as _Any

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")

__version__ = "0.1.0"

# name -> the module that defines it. Loaded on first use (PEP 562), not here: importing the
# pipeline loads spaCy and the store loads DuckDB (measured: `import parley.model` 0.07 s, with
# them 0.8 s), and every `import parley.<anything>` runs this file first, including the light
# modules the data model, the ingest readers and Spark's driver use on their own.
_EXPORTS = {
    "Pipeline": "parley.pipeline", "PipelineConfig": "parley.pipeline", "code_stream": "parley.pipeline",
    "Coded": "parley.pipeline",
    "Document": "parley.model", "Event": "parley.model", "Actor": "parley.model", "Place": "parley.model",
    "Mention": "parley.model", "Attribution": "parley.model",
    "Store": "parley.store", "Filters": "parley.filters",
    "read_inputs": "parley.ingest", "ReadOptions": "parley.ingest",
    "ParleyError": "parley.errors", "UsageError": "parley.errors", "InputError": "parley.errors",
    "RecordError": "parley.errors", "StoreError": "parley.errors", "ModelError": "parley.errors",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> _Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'parley' has no attribute {name!r}")
    return getattr(_import_module(_EXPORTS[name]), name)


def __dir__() -> list[str]:
    return __all__
