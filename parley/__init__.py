"""parley: political event data from news, coded in PLOVER and CAMEO with evidence.

One thread per process for the linear algebra libraries, unless the user says otherwise:
parley parallelises with processes (``--jobs``), and OpenBLAS threads on top of them fight for
the same cores (on two cores, two jobs ran half as fast with them). Set before NumPy loads.
"""
import os as _os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")

__version__ = "0.1.0"
