"""The one place numba is imported: the cache folder is configured first (see ``_cache``).

Every hot loop in the package is ``@njit(cache=True)`` (re-exported here as ``njit``) on float64
C-contiguous arrays and scalars; no jitclasses (they cannot be cached on disk) and no fastmath.
"""
from .cache import configure_numba_cache

CACHE_DIR = configure_numba_cache()

import numba  # noqa: E402  (must follow the cache configuration)

njit = numba.njit
