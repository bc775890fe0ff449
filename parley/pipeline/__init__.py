"""The one pipeline behind every front end: model loading, the prefilter, the Pipeline that codes
documents, and the job loop (read, skip stored, code, store, count) that the CLI, the API and
Spark all call."""
from .job import Counts, Job, Skip
from .pipeline import MAX_CHARS, Pipeline, PipelineConfig
from .runner import Coded, code_batch, code_stream

__all__ = ["MAX_CHARS", "Pipeline", "PipelineConfig", "Coded", "code_batch", "code_stream", "Job", "Counts", "Skip"]
