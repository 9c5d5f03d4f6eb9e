"""Demo: the four lasso algorithms race on the same data, live (``04_convergence_race``).

Choose λ (as a fraction of λmax) and the correlation between neighbouring features; every method is rerun
from w = 0 and its F(w_k) − F* is drawn against the work done, counted in passes over X (n·p
multiply-adds: one per coordinate-descent epoch, two per ISTA / FISTA / subgradient iteration — a cost
model, not a timing).  The data are a smaller version of the chapter's problem (n = 100, p = 50, 5
informative features) so that a frame stays well under 100 ms.
"""
from __future__ import annotations

import warnings

import numpy as np
from matplotlib import ticker

from .._internal.warnings import ConvergenceWarning
from ..solvers.lasso import LassoProblem
from ..plots.lasso_convergence import METHOD_COLORS
from ..core.preprocessing import standardize
from ..data.simulate import make_regression
from ..plots.style import new_figure
from .demo import Demo, dropdown, log_slider, register_demo

__all__ = ["ConvergenceRaceDemo", "race_problem", "race"]

PASSES = 600          # the x-range: work budget in passes over X
FLOOR = 1e-13
PASSES_PER_ITERATION = {"cd": 1, "fista": 2, "ista": 2, "subgradient": 2}
LABELS = {"cd": "coordinate descent", "fista": "FISTA", "ista": "ISTA", "subgradient": "subgradient (1/L)/√k"}


def race_problem(rho, seed=4):
    """(prepared LassoProblem, L, μ) for n = 100, p = 50, AR(1) correlation ``rho``, standardised X and y."""
    X, y, _ = make_regression(100, 50, n_informative=5, rho=rho, snr=3.0, seed=seed)
    X = standardize(X)
    y = (y - y.mean()) / y.std()
    Xc = X - X.mean(axis=0)
    eig = np.linalg.eigvalsh(Xc.T @ Xc / X.shape[0])
    return LassoProblem(X, y), float(eig[-1]), float(eig[0])


def race(prepared, lipschitz, lam_fraction):
    """Run the four methods within the work budget; returns {method: (passes, F − F*, nonzeros)} and F*."""
    lam = lam_fraction * prepared.lam_max()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        ref = prepared.fit(lam, method="cd", tol=1e-13, max_iter=100_000)
        out = {}
        for method, per in PASSES_PER_ITERATION.items():
            budget = PASSES // per
            options = {"step_rule": "diminishing", "step": 1.0 / lipschitz} if method == "subgradient" else {}
            fit = prepared.fit(lam, method=method, tol=1e-14, max_iter=budget, record=True, **options)
            sub = fit.history["objective"] - ref.objective
            out[method] = (np.arange(sub.size) * per, sub, int(np.count_nonzero(fit.history["coef"][-1])))
    return out, ref


@register_demo("04_convergence_race")
class ConvergenceRaceDemo(Demo):
    title = "Four lasso algorithms, same data, same work budget"
    figsize = (8.0, 3.6)

    def __init__(self):
        self._problems = {}
        super().__init__()

    def controls(self):
        return {
            "lam_fraction": log_slider("λ / λmax", 0.1, -2.0, -0.3),
            "rho": dropdown("feature correlation ρ", {"0 (independent)": 0.0, "0.5": 0.5, "0.8": 0.8, "0.95": 0.95},
                            0.8),
        }

    def new_figure(self):
        return new_figure(1, 1, figsize=self.figsize)

    def setup(self, fig):
        ax = self.axes
        self.lines = {}
        for method, label in LABELS.items():
            color = METHOD_COLORS["diminishing" if method == "subgradient" else method]
            (self.lines[method],) = ax.semilogy([], [], color=color, lw=2, label=label)
        ax.axhline(1e-6, color="k", lw=0.8, ls="--")
        ax.set_xlim(0, PASSES)
        ax.set_ylim(FLOOR, 10.0)
        ax.yaxis.set_major_locator(ticker.FixedLocator([10.0 ** e for e in (-12, -9, -6, -3, 0)]))
        ax.yaxis.set_minor_locator(ticker.NullLocator())
        ax.yaxis.set_major_formatter(ticker.FixedFormatter(["1e-12", "1e-9", "1e-6", "1e-3", "1"]))
        ax.set_xlabel("work: passes over X (CD epoch = 1, ISTA/FISTA/subgradient iteration = 2)")
        ax.set_ylabel("F(w) − F*")
        ax.legend(loc="upper right", fontsize=10)
        self.animate(*self.lines.values(), ax.get_legend())  # the rest is painted once (Demo.animate)

    def problem(self, rho):
        if rho not in self._problems:
            self._problems[rho] = race_problem(rho)
        return self._problems[rho]

    def draw(self, lam_fraction, rho):
        prepared, L, mu = self.problem(rho)
        results, ref = race(prepared, L, lam_fraction)
        parts = []
        for method, (work, sub, nnz) in results.items():
            keep = sub > FLOOR
            self.lines[method].set_data(work[keep], sub[keep])
            hit = np.flatnonzero(sub <= 1e-6)
            when = f"{int(work[hit[0]])} passes" if hit.size else f"not within {PASSES}"
            parts.append(f"{LABELS[method]}: {when}, {nnz} non-zero")
        return (f"F − F* ≤ 1e-6 after — " + "; ".join(parts) +
                f". Solution: {ref.n_nonzero} of 50 non-zero; L/μ = {L / mu:.0f}.")

    def benchmark_updates(self):
        return [{"lam_fraction": f, "rho": r} for r in (0.0, 0.8, 0.95) for f in (0.01, 0.1, 0.4)]
