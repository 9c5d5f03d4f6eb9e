"""``python -m course_lib doctor``: is this installation ready for the course?

Each check returns a ``Check`` (name, ok, detail, fix).  The doctor prints them all, then exits non-zero
naming the fix for every failed one.  Checks: Python version, what a learner needs (the runtime packages and
the [lab] extra) against the course's lower bounds, the ipywidgets JupyterLab extension (without it sliders
show as plain text), numba's cache folder being writable, and one jitted function run.  The tools of
contributors and instructors (the [test] and [workshop] extras) are checked only with ``--dev``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata

# Lower bounds, kept equal to pyproject.toml (tests/test_environment.py checks it).
# What a learner needs: the runtime dependencies and the [lab] extra.
MINIMUM_VERSIONS = {
    "numpy": "1.24",
    "numba": "0.59",
    "matplotlib": "3.7",
    "ipywidgets": "8.1",
    "threadpoolctl": "3.1",
    "pillow": "9.0",
    "jupyterlab": "4.1",
    "jupyterlab_widgets": "3.0.10",
    "ipykernel": "6.25",
}
# Contributors and instructors (--dev): the [test] and [workshop] tools a learner never needs.
DEV_VERSIONS = {
    "pytest": "8.0",
    "nbval": "0.11",
    "nbdime": "4.0",
    "nbconvert": "7.10",
    "ruff": "0.6",
}
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        return f"[{'ok' if self.ok else 'FAIL'}] {self.name}: {self.detail}"


@dataclass
class Report:
    checks: list

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    def __repr__(self) -> str:
        lines = [c.line() for c in self.checks]
        failed = [c for c in self.checks if not c.ok]
        if failed:
            lines.append("")
            lines += [f"To fix '{c.name}': {c.fix}" for c in failed]
        else:
            lines.append(f"All {len(self.checks)} checks passed: the course is ready.")
        return "\n".join(lines)


def _version_tuple(text: str) -> tuple:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if not piece.isdigit():
            break
    return tuple(parts)


def check_python() -> Check:
    ok = sys.version_info >= (3, 10)
    return Check("python", ok, sys.version.split()[0], "install Python 3.10 or newer and recreate .venv (rm -rf .venv; make lab)")


def check_package(name: str, minimum: str) -> Check:
    try:
        installed = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Check(name, False, "not installed",
                     f"pip install '{name}>={minimum}' (or run make lab, which installs what the course needs)")
    ok = _version_tuple(installed) >= _version_tuple(minimum)
    return Check(name, ok, f"{installed} (needs >= {minimum})", f"pip install --upgrade '{name}>={minimum}'")


def check_widgets_extension() -> Check:
    """Ask JupyterLab itself which prebuilt extensions are installed and enabled."""
    fix = ("install jupyterlab_widgets in the SAME environment as JupyterLab (pip install jupyterlab_widgets) "
           f"and enable it: jupyter labextension enable {WIDGETS_EXTENSION}")
    cmd = [sys.executable, "-m", "jupyter", "labextension", "list"]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("ipywidgets JupyterLab extension", False, f"could not run jupyter labextension list ({exc})", fix)
    text = out.stdout + out.stderr
    for line in text.splitlines():
        if WIDGETS_EXTENSION in line:
            enabled = "enabled" in line and "disabled" not in line
            return Check("ipywidgets JupyterLab extension", enabled,
                         f"{WIDGETS_EXTENSION} {'enabled' if enabled else 'installed but disabled'}", fix)
    return Check("ipywidgets JupyterLab extension", False, f"{WIDGETS_EXTENSION} not found", fix)


def check_numba_cache() -> Check:
    from ._internal.jit import CACHE_DIR

    probe = os.path.join(CACHE_DIR, f".doctor-{os.getpid()}")
    try:
        os.makedirs(CACHE_DIR, exist_ok=True)
        with open(probe, "w") as fh:
            fh.write("")
        os.remove(probe)
    except OSError as exc:
        return Check("numba cache folder", False, f"{CACHE_DIR} is not writable ({exc})",
                     "set NUMBA_CACHE_DIR to a writable folder, e.g. export NUMBA_CACHE_DIR=$HOME/.cache/numba")
    return Check("numba cache folder", True, CACHE_DIR)


def check_jit() -> Check:
    try:
        from .core.penalties import soft_threshold_scalar

        value = soft_threshold_scalar(3.0, 1.0)
    except Exception as exc:  # a broken numba/llvmlite install shows up here
        return Check("numba compiles and runs", False, repr(exc), "reinstall numba: pip install --force-reinstall numba")
    ok = value == 2.0
    # no timing in the detail: the report is printed in 00_start_here, whose stored output must not change
    return Check("numba compiles and runs", ok, f"soft_threshold(3, 1) = {value:g}",
                 "reinstall numba and llvmlite: pip install --force-reinstall numba llvmlite")


def run_checks(dev: bool = False) -> Report:
    checks = [check_python()]
    checks += [check_package(name, minimum) for name, minimum in MINIMUM_VERSIONS.items()]
    if dev:
        checks += [check_package(name, minimum) for name, minimum in DEV_VERSIONS.items()]
    checks.append(check_widgets_extension())
    checks.append(check_numba_cache())
    checks.append(check_jit())
    return Report(checks)


def main(argv=None) -> int:
    report = run_checks(dev="--dev" in (argv or []))
    print(report)
    return 0 if report.ok else 1
