"""Private infrastructure: numba's cache folder and ``njit``, input validation, BLAS threads, warnings.

Nothing here is course content; the numba cache key covers this package (see ``cache``)."""
