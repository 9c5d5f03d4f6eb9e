"""Which penalty predicts better — a factorial design instead of two scenarios that differ in everything.

Chapter 5's two showcase scenarios change the sparsity of the truth, n/p, the correlation and the SNR at
once, so they cannot say which factor decides.  Here the factors are crossed (ISLP §6.2, figs 6.8–6.9, do
the same with one factor):

* truth: "sparse" (``n_sparse`` coefficients ±1, the rest exactly 0) or "dense" (every coefficient N(0, 1));
* shape: p < n (``p_small``) or p ≫ n (``p_large``), with n fixed;
* correlation ρ of the AR(1) design (one or more levels);

every other setting (n, SNR, the test-set size, the tuning) held fixed.  Each cell is replicated on
``n_reps`` independent draws; in each draw lasso and ridge are tuned by 5-fold CV on the same folds at
λ_min (``ch5_scenarios.head_to_head``) and scored on fresh rows, so the comparison is paired.  Reported per
cell: mean test MSE/σ² of each model with its SE, the paired difference lasso − ridge with its SE, how
many draws each wins, and — the rate that matters for selection — the share of truly-zero coefficients the
tuned lasso sets exactly to 0, P(ŵ_j = 0 | β_j = 0).  ``main_effects`` averages the paired difference
over the other factors: the factor whose levels flip its sign is the one that decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

import numpy as np

from .._internal.validation import check_scalar
from .ch5_scenarios import Scenario, head_to_head

__all__ = ["FactorialCell", "FactorialStudy", "factorial_study"]

MODELS = ("lasso", "ridge")


@dataclass(frozen=True)
class FactorialCell:
    truth: str      # "sparse" or "dense"
    shape: str      # "p < n" or "p ≫ n"
    rho: float
    scenario: Scenario


@dataclass
class FactorialStudy:
    """Results of ``factorial_study``; arrays are indexed (cell, draw[, model])."""

    cells: list
    relative_mse: np.ndarray        # (cells, reps, 2): test MSE/σ² of lasso, ridge
    n_nonzero: np.ndarray           # (cells, reps, 2)
    zero_given_null: np.ndarray     # (cells, reps): lasso's share of truly-zero coefficients that are exactly 0
    n: int
    snr: float

    @property
    def n_reps(self) -> int:
        return self.relative_mse.shape[1]

    def paired_difference(self, i):
        """Mean and SE of (lasso − ridge) test MSE/σ² over the draws of cell ``i``."""
        d = self.relative_mse[i, :, 0] - self.relative_mse[i, :, 1]
        return float(d.mean()), float(d.std(ddof=1) / np.sqrt(d.size))

    def lasso_wins(self, i) -> int:
        return int(np.sum(self.relative_mse[i, :, 0] < self.relative_mse[i, :, 1]))

    def cell_index(self, truth, shape, rho=None):
        for i, c in enumerate(self.cells):
            if c.truth == truth and c.shape == shape and (rho is None or c.rho == rho):
                return i
        raise KeyError((truth, shape, rho))

    def main_effects(self) -> dict:
        """For each factor and level: the paired difference averaged over the draws of every cell at that
        level (mean, SE over those draws).  A factor decides when its levels give opposite signs."""
        d = self.relative_mse[:, :, 0] - self.relative_mse[:, :, 1]
        out = {}
        for factor in ("truth", "shape", "rho"):
            levels = list(dict.fromkeys(getattr(c, factor) for c in self.cells))
            if len(levels) < 2:
                continue
            out[factor] = {}
            for level in levels:
                rows = [i for i, c in enumerate(self.cells) if getattr(c, factor) == level]
                vals = d[rows].ravel()
                out[factor][level] = (float(vals.mean()), float(vals.std(ddof=1) / np.sqrt(vals.size)))
        return out

    def table(self) -> str:
        head = (f"{'truth':<8}{'shape':<8}{'ρ':>5}{'p':>6}{'lasso':>9}{'ridge':>9}{'lasso − ridge':>18}"
                f"{'lasso wins':>12}{'P(ŵ=0 | β=0)':>15}")
        lines = [head, "-" * len(head)]
        for i, c in enumerate(self.cells):
            m = self.relative_mse[i].mean(axis=0)
            diff, se = self.paired_difference(i)
            z = self.zero_given_null[i]
            zs = f"{np.nanmean(z):.2f}" if np.any(np.isfinite(z)) else "—"
            lines.append(f"{c.truth:<8}{c.shape:<8}{c.rho:>5g}{c.scenario.p:>6d}{m[0]:>9.2f}{m[1]:>9.2f}"
                         f"{diff:>+11.2f} ± {se:.2f}{self.lasso_wins(i):>7d}/{self.n_reps:<4d}{zs:>15}")
        lines.append(f"(test MSE/σ², mean over {self.n_reps} draws per cell; n = {self.n}, SNR = {self.snr:g}; "
                     "± is the paired SE; P(ŵ=0 | β=0): lasso at λ_min, sparse truth only)")
        return "\n".join(lines)


def factorial_study(n_reps=8, *, seed, n=100, p_small=50, p_large=500, n_sparse=10, rhos=(0.5,), snr=2.0,
                    n_test=1000) -> FactorialStudy:
    """Cross truth (sparse / dense) × shape (p_small < n / p_large ≫ n) × ρ in ``rhos``; ``n_reps``
    seeded draws per cell (see the module docstring).  Cached: the same arguments return the same object."""
    n_reps = check_scalar(n_reps, "n_reps", low=2, integer=True)
    n = check_scalar(n, "n", low=10, integer=True)
    p_small = check_scalar(p_small, "p_small", low=n_sparse, high=n - 1, integer=True)
    p_large = check_scalar(p_large, "p_large", low=n + 1, integer=True)
    return _factorial_study(n_reps, seed, n, p_small, p_large, n_sparse, tuple(float(r) for r in rhos),
                            float(snr), n_test)


@lru_cache(maxsize=4)
def _factorial_study(n_reps, seed, n, p_small, p_large, n_sparse, rhos, snr, n_test):
    cells = []
    for truth, (shape, p), rho in product(("sparse", "dense"), (("p < n", p_small), ("p ≫ n", p_large)), rhos):
        sc = Scenario(f"{truth} truth, {shape}", n=n, p=p, n_informative=n_sparse if truth == "sparse" else None,
                      rho=rho, snr=snr, coef=truth, n_test=n_test)
        cells.append(FactorialCell(truth=truth, shape=shape, rho=rho, scenario=sc))
    rel = np.empty((len(cells), n_reps, 2))
    nnz = np.empty((len(cells), n_reps, 2))
    zero_null = np.full((len(cells), n_reps), np.nan)
    # one independent stream per (cell, draw): a cell's results do not depend on which other cells are run
    streams = np.random.SeedSequence(seed).spawn(len(cells) * n_reps)
    for i, cell in enumerate(cells):
        for r in range(n_reps):
            h = head_to_head(cell.scenario, seed=np.random.default_rng(streams[i * n_reps + r]), models=MODELS,
                             tol=1e-6)   # prediction error is settled long before 1e-6 (it moved < 1e-8)
            rel[i, r] = [h.scores[m].relative_mse for m in MODELS]
            nnz[i, r] = [h.scores[m].n_nonzero for m in MODELS]
            null = h.w_true == 0
            if null.any():
                zero_null[i, r] = float(np.mean(h.scores["lasso"].coef[null] == 0.0))
    return FactorialStudy(cells=cells, relative_mse=rel, n_nonzero=nnz, zero_given_null=zero_null, n=n, snr=snr)
