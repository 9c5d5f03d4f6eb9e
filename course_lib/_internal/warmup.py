"""``python -m course_lib warmup``: compile every numba kernel once, into the on-disk cache.

A fresh install compiles each kernel at its first call (seconds, met by every Binder, Colab and new-laptop
learner in chapter 0).  ``make lab`` / ``make test`` run this after installing, Binder's ``postBuild`` and
Colab's first cell can too; a learner's kernel then loads machine code from the cache.

The workload calls the public functions (as the notebooks do: float64 arrays, the solvers' options), so
each kernel gets the specialisations a learner's call needs.  A compile-event listener records, per kernel,
how many specialisations were compiled and how long that took (self time: nested compiles of callees are
charged to the callee).  ``uncompiled()`` names every jitted function of the package that the workload
never reached (a test keeps that list empty: a new kernel must be added to ``WORKLOAD``).
"""
from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field

import numpy as np


def _data(n=40, p=6, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = X[:, 0] - 0.5 * X[:, 1] + 0.1 * rng.standard_normal(n)
    return X, y


def _solvers():
    import course_lib as cl

    X, y = _data()
    lam = 0.1 * cl.lam_max(X, y)
    cl.ridge(X, y, lam)
    cl.ridge_path(X, y, [1.0, 0.1])
    for method in ("cd", "ista", "fista"):
        cl.lasso(X, y, lam, method=method)
        cl.lasso(X, y, lam, method=method, record=True)
    cl.lasso(X, y, lam, method="cd", record="updates")
    cl.lasso(X, y, lam, method="subgradient", max_iter=50)
    cl.lasso(X, y, lam, method="subgradient", max_iter=50, record=True)
    cl.elastic_net(X, y, lam, l1_ratio=0.5)
    cl.lasso_path(X, y, n_lams=5)
    cl.elastic_net_path(X, y, l1_ratio=0.5, n_lams=5)
    Xw, yw = _data(n=30, p=150, seed=1)  # wide: working sets + screening
    cl.lasso(Xw, yw, 0.1 * cl.lam_max(Xw, yw))
    cl.lasso_path(Xw, yw, n_lams=5)
    cl.duality_gap(X, y, np.zeros(X.shape[1]), lam)
    cl.ridge_duality_gap(X, y, np.zeros(X.shape[1]), lam)


def _gradient_methods():
    import course_lib as cl

    X, y = _data()
    cl.ridge_gradient_descent(X, y, 0.1, 0.05, 20)
    cl.ridge_gradient_descent(X, y, 0.1, 0.05, 20, form="penalty_gradient")
    cl.adam(X, y, 0.1, 0.05, 20)
    cl.adam_l2_vs_adamw(X, y, 0.1, 0.05, 20)
    for penalty in ("l2", "l1"):
        cl.penalty_only_dynamics(np.array([1.0, -0.5]), 0.1, 0.1, 20, penalty=penalty)


def _geometry():
    import course_lib as cl
    from course_lib.toys import elastic_net_ball, quadratic_2d

    H = np.array([[2.0, 0.5], [0.5, 1.0]])
    c = np.array([1.5, 1.0])
    cl.project_l1_ball(np.array([0.8, -0.6, 0.3]), 1.0)
    cl.soft_threshold(np.array([1.5, -0.2]), 0.5)
    for norm in ("l2", "l1"):
        cl.quadratic_min_in_ball(H, c, 0.5, norm=norm)
        cl.quadratic_min_in_ball_batch(np.stack([H, H]), np.stack([c, c]), np.array([0.5, 0.8]), norm=norm)
    X, y = _data()
    for penalty in ("l1", "l2"):
        budget, _ = cl.penalized_to_budget(X, y, 0.1, penalty=penalty)
        cl.budget_to_penalized(X, y, budget, penalty=penalty)
    q = quadratic_2d.Quadratic2D.from_ols(H, c)
    for penalty in ("l2", "l1"):
        q.minimizer(0.3, penalty=penalty)
        q.descend(0.3, 0.2, 10, penalty=penalty)
    quadratic_2d.lasso_2d(np.stack([H, H]), np.stack([c, -c]), 0.3)
    quadratic_2d.lasso_2d(H, c, 0.3)
    elastic_net_ball.elastic_net_budget_optimum(H, c, 0.5)
    elastic_net_ball.elastic_net_budget_optimum(H, c, 0.5, budget=0.5)
    from course_lib.toys import two_feature_lasso as tfl

    problem = tfl.two_feature_lasso()
    for method in tfl.TRAJECTORY_METHODS:
        tfl.solver_trajectory(problem, method, 5)


def _classification():
    import course_lib as cl

    X, y = _data()
    labels = (y > 0).astype(float)
    lam = 0.1 * cl.logistic_lam_max(X, labels)
    cl.logistic(X, labels, lam)
    cl.logistic(X, labels, lam, l1_ratio=0.0)
    cl.logistic_path(X, labels, n_lams=3)
    for method in cl.SGD_METHODS:
        cl.sgd_logistic(X, labels, lam, method=method, n_epochs=2)


WORKLOAD = {"solvers": _solvers, "classification": _classification, "gradient methods": _gradient_methods, "geometry and toys": _geometry}


@dataclass
class KernelCompile:
    name: str
    specialisations: int = 0
    seconds: float = 0.0  # self time: callee compiles are charged to the callee


@dataclass
class WarmupReport:
    kernels: dict = field(default_factory=dict)
    wall_seconds: float = 0.0
    missing: list = field(default_factory=list)

    @property
    def compile_seconds(self) -> float:
        return sum(k.seconds for k in self.kernels.values())

    def table(self) -> str:
        ours = [k for k in self.kernels.values() if not k.name.startswith("numba.")]
        rows = sorted(ours, key=lambda k: -k.seconds)
        lib = [k for k in self.kernels.values() if k.name.startswith("numba.")]
        lines = [f"{'kernel':52s} {'specialisations':>15s} {'compile s':>10s}"]
        lines += [f"{k.name:52s} {k.specialisations:15d} {k.seconds:10.2f}" for k in rows]
        lines.append(f"{'(numba library helpers)':52s} {sum(k.specialisations for k in lib):15d} "
                     f"{sum(k.seconds for k in lib):10.2f}")
        rows = rows + lib
        lines.append(f"{'total':52s} {sum(k.specialisations for k in rows):15d} {self.compile_seconds:10.2f}"
                     f"   (wall {self.wall_seconds:.1f} s)")
        if self.missing:
            lines.append("not reached by the warm-up workload: " + ", ".join(self.missing))
        return "\n".join(lines)


def _qualname(dispatcher) -> str:
    fn = dispatcher.py_func
    return f"{fn.__module__.removeprefix('course_lib.')}.{fn.__qualname__}"


def dispatchers() -> dict:
    """Every jitted function of the (imported) package: qualified name -> dispatcher."""
    import importlib
    import pkgutil
    import sys

    from numba.core.dispatcher import Dispatcher

    import course_lib

    for sub in ("core", "solvers", "toys", "_internal"):
        pkg = importlib.import_module(f"course_lib.{sub}")
        for info in pkgutil.iter_modules(pkg.__path__):
            if sub == "_internal" and info.name == "warmup":
                continue
            importlib.import_module(f"course_lib.{sub}.{info.name}")
    found = {}
    for name, module in list(sys.modules.items()):
        if module is None or not (name == course_lib.__name__ or name.startswith("course_lib.")):
            continue
        for value in vars(module).values():
            if isinstance(value, Dispatcher) and value.py_func.__module__ == name:
                found[_qualname(value)] = value
    return found


def _in_disk_cache(dispatcher) -> bool:
    """The function has an index in the on-disk cache (a helper called only from other kernels is loaded
    as part of its callers, so it shows no signature of its own in a process that used the cache)."""
    import os

    try:
        return os.path.exists(dispatcher._cache._cache_file._index_path)
    except AttributeError:  # another numba version's private layout: rely on signatures only
        return False


def uncompiled() -> list:
    """Jitted functions with neither a specialisation in this process nor an entry in the disk cache."""
    return sorted(name for name, d in dispatchers().items()
                  if not d.signatures and not _in_disk_cache(d)
                  and d.targetoptions.get("inline", "never") != "always")  # inlined into callers, never alone


def warm(verbose: bool = False) -> WarmupReport:
    """Run the workload with a compile listener; returns what was compiled and how long it took."""
    from numba.core import event

    report = WarmupReport()
    stack = []  # [dispatcher name, start, time spent in nested compiles]

    class Listener(event.Listener):
        def on_start(self, ev):
            stack.append([_qualname(ev.data["dispatcher"]), time.perf_counter(), 0.0])

        def on_end(self, ev):
            name, start, nested = stack.pop()
            total = time.perf_counter() - start
            kernel = report.kernels.setdefault(name, KernelCompile(name))
            kernel.specialisations += 1
            kernel.seconds += total - nested
            if stack:
                stack[-1][2] += total

    listener = Listener()
    start = time.perf_counter()
    event.register("numba:compile", listener)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence warnings of the tiny budgets used here
            for label, run in WORKLOAD.items():
                t0 = time.perf_counter()
                run()
                if verbose:
                    print(f"  {label}: {time.perf_counter() - t0:.1f} s", flush=True)
    finally:
        event.unregister("numba:compile", listener)
    report.wall_seconds = time.perf_counter() - start
    report.missing = uncompiled()
    return report


def main(argv=None) -> int:
    import course_lib

    args = list(argv or [])
    print(f"compiling course_lib's kernels into {course_lib.NUMBA_CACHE_DIR} ...", flush=True)
    report = warm(verbose=True)
    if "--table" in args or report.kernels:
        print(report.table() if report.kernels else "nothing to compile: every kernel loaded from the cache")
    else:
        print("nothing to compile: every kernel loaded from the cache")
    print(f"warm-up done in {report.wall_seconds:.1f} s")
    return 0
