"""The one place numba is imported: course_lib's cache locator is installed first (see ``cache``).

Every hot loop in the package is ``@njit(cache=True)`` (re-exported here as ``njit``) on float64
C-contiguous arrays and scalars; no jitclasses (they cannot be cached on disk) and no fastmath.
The locator is chosen when a function is decorated, so it must be installed before any jitted module is
imported: every such module imports ``njit`` from here.
"""
import numba

from .cache import configure_numba_cache

CACHE_DIR = configure_numba_cache()

njit = numba.njit
