"""The file to give ``spark-submit``: it imports parley as a package (absolute imports), so the
functions Spark ships to executors are found there by name, in the environment shipped with
the job. Its path: ``python -c "import parley.spark.submit as m; print(m.__file__)"``.
"""
from parley.spark.job import main

if __name__ == "__main__":
    main()
