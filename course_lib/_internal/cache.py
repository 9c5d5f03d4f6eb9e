"""Where numba keeps the on-disk cache of course_lib's kernels — and only of course_lib's.

Two problems with numba's default (see the project notes):

* the cache is keyed on each function's own source file, so editing a jitted helper in another module
  (``vector_ops.dot``, ``core.duality``) leaves callers' cached machine code stale;
* on a read-only install (a shared JupyterHub image) there is no writable ``__pycache__`` and importing a
  module with ``cache=True`` functions raises ``RuntimeError: ... no locator``.

So course_lib's kernels are cached in a writable folder ``numba-<install>-<key>``: ``key`` hashes only the
modules that *feed* jitted code (:func:`jitted_modules`: those defining a jitted function, plus those whose
names a jitted body uses), so editing an exercise hint, a plot or a validation message keeps the compiled
kernels; ``install`` hashes the package's location, so two checkouts (or two venvs) never evict each other.
Superseded folders of the same install are pruned once unused for an hour (a kernel still running the old
code may be writing to its folder).

Numba's cache folder setting (``NUMBA_CACHE_DIR``, ``numba.config.CACHE_DIR``) is process-global: setting it
would move the cache of every other numba library imported in the same kernel.  Instead a cache *locator*
that answers only for functions whose source lies inside course_lib is put first in numba's list of
locators; every other library's functions fall through to numba's own locators, unchanged.  A user's
``NUMBA_CACHE_DIR`` is honoured: course_lib's folder is then made inside it.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # course_lib/
PRUNE_AFTER_S = 3600.0  # a superseded folder of this install unused this long is deleted
PRUNE_OLD_LAYOUT_AFTER_S = 7 * 86400.0  # ``numba-<hash>`` folders (before install ids): owner unknown
_JIT_DECORATORS = {"njit", "jit", "vectorize", "guvectorize", "stencil", "cfunc", "generated_jit"}


def _decorator_name(node) -> str:
    node = node.func if isinstance(node, ast.Call) else node
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _module_file(package_rel: Path, level: int, module: str | None) -> Path | None:
    """The file of a relative (``from ..x import``) or absolute ``course_lib.x`` import, if it is ours."""
    if level == 0:
        if not module or not (module == "course_lib" or module.startswith("course_lib.")):
            return None
        parts = module.split(".")[1:]
        base = _PACKAGE
    else:
        base = (_PACKAGE / package_rel).parent
        for _ in range(level - 1):
            base = base.parent
        parts = module.split(".") if module else []
    target = base.joinpath(*parts)
    for candidate in (target.with_suffix(".py"), target / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


_JIT_TEXT = re.compile(r"\b(?:%s)\b" % "|".join(sorted(_JIT_DECORATORS)))


def _imported_names(tree, rel: Path) -> dict:
    """Local name -> file of the course_lib module it is imported from (module-level imports)."""
    imported = {}
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom):
            continue
        source = _module_file(rel, node.level, node.module)
        for alias in node.names:
            if source is not None:
                imported[alias.asname or alias.name] = source
            elif node.level or (node.module or "").startswith("course_lib"):
                sub = _module_file(rel, node.level, ".".join(filter(None, [node.module, alias.name])))
                if sub is not None:  # from . import module
                    imported[alias.asname or alias.name] = sub
    return imported


def jitted_modules() -> list[Path]:
    """The package's modules that feed jitted code, found by reading (not importing) the source.

    A module feeds jitted code when it defines a jitted function (a module-level function decorated with
    ``njit``, ``jit``, ..., or a module that calls ``njit(...)`` itself), or when a jitted function elsewhere
    uses a name imported from it (a helper, or a constant frozen into the machine code).
    ``_internal/jit.py`` (the decorator's options) always counts.
    """
    feeding = {_PACKAGE / "_internal" / "jit.py"}
    for path in sorted(_PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if not _JIT_TEXT.search(text):
            continue
        rel = path.relative_to(_PACKAGE)
        tree = ast.parse(text)
        jitted = [node for node in tree.body if isinstance(node, ast.FunctionDef)
                  and any(_decorator_name(d) in _JIT_DECORATORS for d in node.decorator_list)]
        if not jitted and not re.search(r"\b(?:njit|jit)\(\s*[A-Za-z_]", text):
            continue  # mentions numba only in words, or imports njit without using it
        feeding.add(path)
        imported = _imported_names(tree, rel)
        for fn in jitted:
            for node in ast.walk(fn):
                if isinstance(node, ast.Name) and node.id in imported:
                    feeding.add(imported[node.id])
    return sorted(feeding)


def _stamps() -> str:
    """Names, sizes and modification times of every module: when unchanged, so is ``jitted_modules()``."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        st = path.stat()
        digest.update(f"{path.relative_to(_PACKAGE)}:{st.st_size}:{st.st_mtime_ns};".encode())
    return digest.hexdigest()


def _jitted_modules_memo(memo: Path | None) -> list[Path]:
    """``jitted_modules()``, reusing the last answer stored in ``memo`` while no module changed (reading the
    source with ``ast`` costs ~0.1 s at every import otherwise)."""
    if memo is None:
        return jitted_modules()
    stamps = _stamps()
    try:
        stored = json.loads(memo.read_text())
        if stored["stamps"] == stamps:
            return [_PACKAGE / rel for rel in stored["modules"]]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    modules = jitted_modules()
    try:
        tmp = memo.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"stamps": stamps, "modules": [str(p.relative_to(_PACKAGE)) for p in modules]}))
        os.replace(tmp, memo)
    except OSError:
        pass
    return modules


def source_hash(memo: Path | None = None) -> str:
    """A short hash of the modules that feed jitted code (relative names and bytes)."""
    digest = hashlib.sha256()
    for path in _jitted_modules_memo(memo):
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def install_id() -> str:
    """A short hash of where this copy of the package lives (two checkouts get two cache families)."""
    return hashlib.sha256(str(_PACKAGE).encode()).hexdigest()[:8]


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
    """The base folder: inside $NUMBA_CACHE_DIR if the user set it, else the first writable of
    $XDG_CACHE_HOME, ~/.cache and the system temp dir (each + ``/course_lib``)."""
    if os.environ.get("NUMBA_CACHE_DIR"):
        return Path(os.environ["NUMBA_CACHE_DIR"]) / "course_lib"
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


def cache_folder(root: Path | None = None) -> Path:
    """This install's cache folder for the current source of its jitted modules."""
    root = root or cache_root()
    return root / f"numba-{install_id()}-{source_hash(memo=root / f'jitted-modules-{install_id()}.json')}"


def prune_stale(current: Path, older_than_s: float = PRUNE_AFTER_S,
                old_layout_after_s: float = PRUNE_OLD_LAYOUT_AFTER_S) -> list[Path]:
    """Delete this install's superseded cache folders untouched for ``older_than_s``; returns them.

    Folders of the old layout (``numba-<hash>``, no install id: any checkout may own one) go after
    ``old_layout_after_s``; other installs' folders are never touched."""
    removed = []
    prefix = f"numba-{install_id()}-"
    now = time.time()
    try:
        siblings = list(current.parent.iterdir())
    except OSError:
        return removed
    for folder in siblings:
        name = folder.name
        old_layout = name.startswith("numba-") and name.count("-") == 1
        if folder == current or not folder.is_dir() or not (name.startswith(prefix) or old_layout):
            continue
        try:
            newest = max([folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.rglob("*")])
        except OSError:
            continue
        if now - newest > (old_layout_after_s if old_layout else older_than_s):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _course_locator(folder: Path):
    """A numba cache locator class that answers only for functions defined inside course_lib."""
    from numba.core import caching

    base = getattr(caching, "_CacheLocator", None) or caching._CacheLocator
    mixin = caching._SourceFileBackedLocatorMixin
    package = str(_PACKAGE) + os.sep

    class CourseLibCacheLocator(mixin, base):
        def __init__(self, py_func, py_file):
            self._py_file = py_file
            self._lineno = py_func.__code__.co_firstlineno
            # one sub-folder per module (solvers/_problem, core/duality, ...): same-named files never clash
            rel = os.path.relpath(os.path.splitext(os.path.abspath(py_file))[0], str(_PACKAGE))
            self._cache_path = str(folder / rel)

        def get_cache_path(self):
            return self._cache_path

        @classmethod
        def from_function(cls, py_func, py_file):
            if not os.path.abspath(py_file).startswith(package):
                return None  # not ours: numba's own locators decide, as if course_lib were not imported
            self = cls(py_func, py_file)
            try:
                self.ensure_cache_path()
            except OSError:
                return None
            return self

    return CourseLibCacheLocator


def configure_numba_cache() -> str:
    """Route course_lib's kernels (only) to this install's cache folder; prune stale ones; return it."""
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    prune_stale(folder)
    from numba.core import caching

    impl = getattr(caching, "CacheImpl", None) or caching._CacheImpl  # numba >= 0.61 / older
    locators = impl._locator_classes
    locators[:] = [c for c in locators if c.__name__ != "CourseLibCacheLocator"]  # re-import: one of ours
    locators.insert(0, _course_locator(folder))
    return str(folder)
