"""The distributed batch job: the same Pipeline and job loop on Apache Spark, per partition.

pyspark is an optional extra (``pip install 'parley[spark]'``): nothing here imports it until a
job runs, so the rest of parley works without it.
"""
from .job import SparkSummary, main, run

__all__ = ["SparkSummary", "run", "main"]
