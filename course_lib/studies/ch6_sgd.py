"""Chapter 6 study: exact zeros and objective reached by SGD with each L1 treatment, against full batch.

One binary Khan problem (a tumour type against the rest), the same λ, seed, step schedule and epochs for
every method; the reference is ``cl.logistic`` (prox-Newton, certified by its duality gap).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..solvers.logistic import logistic
from ..solvers.sgd import SGD_METHODS, sgd_logistic

SMALL = 1e-6  # "numerically zero" for the count that would fool a reader who thresholds


@dataclass
class SGDComparison:
    full: object              # the full-batch LogisticFit
    runs: dict                # method → SGDResult

    def rows(self):
        p = self.full.coef.size
        true_zero = self.full.coef == 0
        out = []
        for m, r in self.runs.items():
            zero = r.coef == 0
            out.append(dict(method=m, exact_zeros=int(zero.sum()), small=int(r.n_small(SMALL)[-1]),
                            both_zero=int(np.sum(zero & true_zero)), objective_excess=float(r.objective[-1] - self.full.objective),
                            support_found=int(np.sum(~zero & ~true_zero)), p=p,
                            median_off=float(np.median(np.abs(r.coef[true_zero]))),
                            max_off=float(np.max(np.abs(r.coef[true_zero]), initial=0.0))))
        return out

    def zero_range(self, last=10):
        """method → (fewest, most) exact zeros over the last ``last`` epochs."""
        return {m: (int(r.n_zero[-last:].min()), int(r.n_zero[-last:].max())) for m, r in self.runs.items()}

    def table(self) -> str:
        lines = [f"{'method':13s} {'exact zeros':>12s} {'|w|<=1e-6':>10s} {'of the full-batch zeros':>24s} "
                 f"{'F − F*':>9s}   |w_j| where w*_j = 0: median, max",
                 "-" * 106]
        for r in self.rows():
            lines.append(f"{r['method']:13s} {r['exact_zeros']:7d}/{r['p']} {r['small']:10d} "
                         f"{r['both_zero']:17d}/{int(np.sum(self.full.coef == 0))} {r['objective_excess']:9.2e}   "
                         f"{r['median_off']:9.1e}, {r['max_off']:.1e}")
        lines.append(f"{'full batch':13s} {int(np.sum(self.full.coef == 0)):7d}/{self.full.coef.size} "
                     f"{'':10s} {'':24s} {0.0:9.2e}   F* = {self.full.objective:.4f} (gap {self.full.gap:.0e})")
        return "\n".join(lines)


def compare_sgd(X, yb, lam, n_epochs=50, step0=0.5, seed=0, methods=SGD_METHODS):
    full = logistic(X, yb, lam, tol=1e-10)
    runs = {m: sgd_logistic(X, yb, lam, 1.0, m, n_epochs, step0, seed) for m in methods}
    return SGDComparison(full=full, runs=runs)


def weight_decay_check(X, yb, lam, n_epochs=200, step0=0.5, seed=0):
    """SGD with weight decay (r = 0) against the ridge-logistic optimum: (relative coefficient distance,
    objective excess, the three methods' largest disagreement — 0.0: with r = 0 they are one algorithm)."""
    ridge = logistic(X, yb, lam, l1_ratio=0.0, tol=1e-10)
    runs = [sgd_logistic(X, yb, lam, 0.0, m, n_epochs, step0, seed) for m in SGD_METHODS]
    spread = max(float(np.max(np.abs(r.coef - runs[0].coef))) for r in runs)
    dist = float(np.linalg.norm(runs[0].coef - ridge.coef) / np.linalg.norm(ridge.coef))
    return dist, float(runs[0].objective[-1] - ridge.objective), spread


def step_sweep(X, yb, lam, steps=(0.1, 0.5, 2.0), n_epochs=50, seed=0, methods=SGD_METHODS):
    """The comparison at several η₀ (the widget's choices): a table of exact zeros and F − F* per method."""
    full = logistic(X, yb, lam, tol=1e-10)
    n_zero_full = int(np.sum(full.coef == 0))
    head = f"{'η₀':>5s}  " + "  ".join(f"{m:>22s}" for m in methods)
    lines = [f"exact zeros (full batch: {n_zero_full} of {full.coef.size}) and F − F* after {n_epochs} epochs",
             head, "-" * len(head)]
    out = {}
    for step0 in steps:
        runs = {m: sgd_logistic(X, yb, lam, 1.0, m, n_epochs, step0, seed) for m in methods}
        out[step0] = {m: (int(r.n_zero[-1]), float(r.objective[-1] - full.objective)) for m, r in runs.items()}
        lines.append(f"{step0:5g}  " + "  ".join(f"{z:5d} zeros, F−F* {e:7.1e}" for z, e in out[step0].values()))
    return "\n".join(lines), out
