"""``single_threaded_blas()``: run a block with the BLAS library (OpenBLAS, MKL) limited to one thread.

Why: the course's matrices are small (at most a few hundred rows), where a multi-threaded BLAS gains
nothing and, on a shared 2-core machine, loses a lot — threads spin while waiting for a busy core.
Measured on the course machine under load: a 150×150 ``eigh`` took 125 ms with two OpenBLAS threads and
10 ms with one; one update of the chapter-5 "which penalty wins" demo 1.96 s against 48 ms.
A fixed thread count also fixes the order of BLAS's floating-point sums, so printed results do not depend
on how many cores a machine has.  Use it as ``with single_threaded_blas():`` or as a decorator,
``@single_threaded_blas()``.  Uses ``threadpoolctl`` when it is installed (it comes with scikit-learn);
otherwise does nothing.
"""
from __future__ import annotations

import contextlib


@contextlib.contextmanager
def single_threaded_blas():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional dependency: without it, run as configured
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield
