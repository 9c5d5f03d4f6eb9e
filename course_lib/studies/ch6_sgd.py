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
                            support_found=int(np.sum(~zero & ~true_zero)), p=p))
        return out

    def table(self) -> str:
        lines = [f"{'method':13s} {'exact zeros':>12s} {'|w|<=1e-6':>10s} {'of the full-batch zeros':>24s} "
                 f"{'F − F*':>9s}",
                 "-" * 72]
        for r in self.rows():
            lines.append(f"{r['method']:13s} {r['exact_zeros']:7d}/{r['p']} {r['small']:10d} "
                         f"{r['both_zero']:17d}/{int(np.sum(self.full.coef == 0))} {r['objective_excess']:9.2e}")
        lines.append(f"{'full batch':13s} {int(np.sum(self.full.coef == 0)):7d}/{self.full.coef.size} "
                     f"{'':10s} {'':24s} {0.0:9.2e}  (gap {self.full.gap:.0e})")
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
