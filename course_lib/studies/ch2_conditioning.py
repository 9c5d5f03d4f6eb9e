"""How λ conditions the ridge system ``(XᵀX + nλI) w = Xᵀy``.

With the singular values d_1 ≥ … ≥ d_p of X, the eigenvalues of ``XᵀX + nλI`` are ``d_j² + nλ``, so its
2-norm condition number is

    κ(λ) = (d_max² + nλ) / (d_min² + nλ),

which falls from κ(XᵀX) = (d_max/d_min)² at λ = 0 towards 1 as λ grows.  (The n comes from the course's
1/(2n) scaling of the loss: the system is ``(XᵀX/n + λI) w = Xᵀy/n`` times n.)  κ measures how much
relative errors in the data can be amplified in w; it says nothing about whether the features are still
correlated — they are: ridge changes the system solved, not X.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_design, check_lams

__all__ = ["regularized_gram", "gram_condition_formula", "gram_condition_numeric"]


def regularized_gram(X, lam):
    """The matrix ``XᵀX + nλI`` of the ridge normal equations (X used as given: center it first)."""
    X = as_design(X)
    A = X.T @ X
    A[np.diag_indices_from(A)] += X.shape[0] * float(lam)
    return A


def gram_condition_formula(X, lams):
    """κ(λ) = (d_max² + nλ)/(d_min² + nλ) from the singular values of X, for each λ in ``lams``.

    With p > n, d_min = 0 (XᵀX is singular) and κ(0) is infinite.
    """
    X = as_design(X)
    lams = check_lams(np.atleast_1d(lams), "lams")
    n, p = X.shape
    d = np.linalg.svd(X, compute_uv=False)
    d2max = d[0] ** 2
    d2min = d[-1] ** 2 if p <= n else 0.0
    with np.errstate(divide="ignore"):
        return (d2max + n * lams) / (d2min + n * lams)


def gram_condition_numeric(X, lams):
    """κ(λ) computed directly: ``np.linalg.cond`` of the matrix ``XᵀX + nλI`` for each λ."""
    X = as_design(X)
    lams = check_lams(np.atleast_1d(lams), "lams")
    return np.array([np.linalg.cond(regularized_gram(X, lam)) for lam in lams])
