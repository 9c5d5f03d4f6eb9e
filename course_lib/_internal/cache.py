"""Where numba keeps its on-disk cache, chosen before any jitted module is imported.

Two problems with numba's default (see the project notes):
* the cache is keyed on each function's own source file, so editing a jitted helper in another module
  leaves callers' cached machine code stale;
* on a read-only install (a shared JupyterHub image) there is no writable ``__pycache__`` and importing a
  module with ``cache=True`` functions raises ``RuntimeError: ... no locator``.
We therefore point numba at a writable folder whose name contains a hash of the whole package source:
any source change selects a fresh cache, and nothing is ever written inside the package.
An explicit ``NUMBA_CACHE_DIR`` set by the user wins.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # course_lib/


def source_hash() -> str:
    """A short hash of every ``.py`` file in the package (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{os.getpid()}"
        probe.write_text("")
        probe.unlink()
        return True
    except OSError:
        return False


def cache_root() -> Path:
    """The first writable base folder: $XDG_CACHE_HOME, ~/.cache, then the system temp dir."""
    candidates = []
    if os.environ.get("XDG_CACHE_HOME"):
        candidates.append(Path(os.environ["XDG_CACHE_HOME"]))
    candidates.append(Path.home() / ".cache")
    candidates.append(Path(tempfile.gettempdir()))
    for base in candidates:
        if _writable(base / "course_lib"):
            return base / "course_lib"
    raise RuntimeError(
        "course_lib found no writable folder for numba's cache; set NUMBA_CACHE_DIR to a writable path"
    )


def configure_numba_cache() -> str:
    """Set numba's cache folder (unless the user set one) and return it."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        folder = os.environ["NUMBA_CACHE_DIR"]
    else:
        folder = str(cache_root() / f"numba-{source_hash()}")
        os.environ["NUMBA_CACHE_DIR"] = folder
    # numba reads the variable when it is first imported; if it already was, tell its config directly.
    import numba.core.config as numba_config

    numba_config.CACHE_DIR = folder
    return folder
