"""Ridge against principal-components regression (ESL §3.4.1): soft versus hard shrinkage of the SVD directions.

With ``Xc = U diag(d) Vᵀ`` both estimators are ``ŵ = V diag(f_j / d_j) Uᵀ y_c`` for a vector of factors f:

* ridge:  ``f_j = d_j²/(d_j² + nλ)`` — every direction kept in part (soft);
* PCR with k components: ``f_j = 1`` for the k strongest directions and 0 for the rest (hard).

``pcr`` fits PCR from that formula; ``ridge_lam_for_dof`` finds the ridge λ that spends the same number of
effective degrees of freedom (Σ f_j = k), so the two can be compared at equal complexity.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, as_design, check_scalar

__all__ = ["pcr_factors", "pcr", "ridge_lam_for_dof"]


def pcr_factors(r, k):
    """PCR's factors on r directions: k ones then r − k zeros."""
    r = check_scalar(r, "r", low=1, integer=True)
    k = check_scalar(k, "k", low=0, high=r, integer=True)
    return np.concatenate([np.ones(k), np.zeros(r - k)])


def pcr(X, y, k):
    """Principal-components regression on the k strongest directions of the centered X: ``(coef, intercept)``."""
    X, y = as_Xy(X, y)
    x_mean, y_mean = X.mean(axis=0), float(y.mean())
    U, d, Vt = np.linalg.svd(X - x_mean, full_matrices=False)
    f = pcr_factors(d.size, k)
    coef = Vt.T @ (f / d * (U.T @ (y - y_mean)))
    return coef, float(y_mean - x_mean @ coef)


def ridge_lam_for_dof(X, dof):
    """The λ at which ridge's effective degrees of freedom Σ d_j²/(d_j² + nλ) equal ``dof`` (bisection on log λ)."""
    from ..solvers.ridge import ridge_dof

    X = as_design(X)
    p = np.linalg.matrix_rank(X - X.mean(axis=0))
    dof = check_scalar(dof, "dof", low=0.0, high=p, low_inclusive=False, high_inclusive=False)
    lo, hi = -12.0, 12.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if float(ridge_dof(X, 10.0 ** mid)) > dof:
            lo = mid
        else:
            hi = mid
    return float(10.0 ** (0.5 * (lo + hi)))
