"""Three limits of the lasso, each measured: a cap on how many features it can select when p > n,
selections that change from one resample of the data to the next, and selections that depend on units.

Objective of every fit: ``(1/(2n))·||y − Xw − b||² + λ·P(w)`` with the intercept b unpenalized
(lasso ``P = ||w||₁``, elastic net ``P = r||w||₁ + (1−r)/2·||w||₂²``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._internal.blas_threads import single_threaded_blas
from .._internal.validation import as_Xy, check_lam, check_scalar, check_seed

__all__ = ["selection_cap", "SelectionCap", "bootstrap_selection", "BootstrapSelection", "units_flip",
           "UnitsFlip"]


@dataclass
class SelectionCap:
    """The largest number of non-zero coefficients found along a path, against the cap n − 1."""

    n: int
    p: int
    rank: int  # rank of the centered design: at most n − 1 (centering for the intercept uses one)
    lasso_max: int
    enet_max: int
    l1_ratio: float
    lasso_counts: np.ndarray = field(repr=False)
    enet_counts: np.ndarray = field(repr=False)
    lams_ratio: np.ndarray = field(repr=False)


@single_threaded_blas()
def selection_cap(X, y, *, l1_ratio=0.5, n_lams=60, eps=1e-4, tol=1e-10) -> SelectionCap:
    """Fit the lasso and an elastic net along a path down to ``eps·lam_max`` and count non-zeros.

    Why there is a cap: at a lasso solution the active columns' correlations with the residual all equal
    ±nλ; for data "in general position" that fixes the active set's size at most the rank of the centered
    X, which is min(n − 1, p) with an intercept.  The ridge part of the elastic net removes the cap (its
    system ``XᵀX + nλ(1−r)I`` is invertible for any number of columns).
    """
    from ..solvers.lasso import elastic_net_path, lasso_path

    X, y = as_Xy(X, y)
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    rank = int(np.linalg.matrix_rank(Xc))
    lp = lasso_path(X, y, n_lams=n_lams, eps=eps, tol=tol)
    ep = elastic_net_path(X, y, l1_ratio=l1_ratio, n_lams=n_lams, eps=eps, tol=tol)
    return SelectionCap(n=n, p=p, rank=rank, lasso_max=int(lp.n_nonzero.max()), enet_max=int(ep.n_nonzero.max()),
                        l1_ratio=float(l1_ratio), lasso_counts=lp.n_nonzero, enet_counts=ep.n_nonzero,
                        lams_ratio=lp.lams / lp.lams[0])


@dataclass
class BootstrapSelection:
    """Selection frequencies of each feature over bootstrap resamples, at one fixed λ."""

    lam: float
    n_resamples: int
    frequency: np.ndarray  # (p,) share of resamples in which the feature is non-zero
    supports: list = field(repr=False)  # one sorted index array per resample
    full_support: np.ndarray = field(repr=False, default=None)  # support of the fit on all the data

    def counts(self, low=0.1, high=0.9):
        """(always, sometimes, never): features selected in >= high, in (low, high), in <= low of resamples."""
        f = self.frequency
        return int(np.sum(f >= high)), int(np.sum((f > low) & (f < high))), int(np.sum(f <= low))

    @property
    def mean_jaccard(self) -> float:
        """Mean Jaccard similarity |A ∩ B| / |A ∪ B| over all pairs of resampled supports (1 = identical)."""
        sets = [set(s.tolist()) for s in self.supports]
        vals = []
        for i in range(len(sets)):
            for j in range(i + 1, len(sets)):
                union = len(sets[i] | sets[j])
                vals.append(1.0 if union == 0 else len(sets[i] & sets[j]) / union)
        return float(np.mean(vals))

    @property
    def distinct_supports(self) -> int:
        return len({tuple(s.tolist()) for s in self.supports})


@single_threaded_blas()
def bootstrap_selection(X, y, lam, n_resamples=100, *, seed, l1_ratio=1.0, tol=1e-10) -> BootstrapSelection:
    """Refit the lasso (or elastic net) at a FIXED λ on ``n_resamples`` bootstrap resamples of the rows
    and record which features are non-zero each time.  Each fit is warm-started from the full-data fit."""
    from ..solvers.lasso import elastic_net, lasso

    X, y = as_Xy(X, y)
    lam = check_lam(lam)
    rng = check_seed(seed)
    n_resamples = check_scalar(n_resamples, "n_resamples", low=2, integer=True)

    def fit(Xb, yb, init):
        if l1_ratio == 1.0:
            return lasso(Xb, yb, lam, tol=tol, coef_init=init)
        return elastic_net(Xb, yb, lam, l1_ratio=l1_ratio, tol=tol, coef_init=init)

    full = fit(X, y, None)
    n, p = X.shape
    freq = np.zeros(p)
    supports = []
    for _ in range(n_resamples):
        rows = rng.integers(0, n, size=n)
        b = fit(np.ascontiguousarray(X[rows]), y[rows], full.coef)
        s = np.flatnonzero(b.coef)
        freq[s] += 1
        supports.append(s)
    return BootstrapSelection(lam=lam, n_resamples=n_resamples, frequency=freq / n_resamples, supports=supports,
                              full_support=np.flatnonzero(full.coef))


@dataclass
class UnitsFlip:
    """The same lasso on the same data in two unit systems, at the same number of selected features."""

    k: int
    raw_support: list
    std_support: list
    raw_order: list  # entry order along the path (feature names)
    std_order: list
    raw_scale: np.ndarray = field(repr=False)


@single_threaded_blas()
def units_flip(X, y, names, k=3, *, n_lams=200, eps=1e-3, tol=1e-10) -> UnitsFlip:
    """Lasso paths on raw and on standardized columns; the first ``k`` features to enter each path.

    In raw units a column with a large spread needs only a small coefficient to have the same effect, so
    the penalty charges it little and it enters early; standardizing puts all columns on one footing.
    """
    from ..solvers.lasso import lasso_path
    from ..core.preprocessing import standardize
    from ..core.metrics import entry_order

    X, y = as_Xy(X, y)
    names = list(names)
    k = check_scalar(k, "k", low=1, high=X.shape[1], integer=True)
    raw = lasso_path(X, y, n_lams=n_lams, eps=eps, tol=tol)
    std = lasso_path(standardize(X), y, n_lams=n_lams, eps=eps, tol=tol)
    raw_order, _ = entry_order(raw.lams, raw.coefs)
    std_order, _ = entry_order(std.lams, std.coefs)
    return UnitsFlip(k=k, raw_support=sorted(names[j] for j in raw_order[:k]),
                     std_support=sorted(names[j] for j in std_order[:k]),
                     raw_order=[names[j] for j in raw_order], std_order=[names[j] for j in std_order],
                     raw_scale=X.std(axis=0))
