"""When is a ridge coefficient exactly zero?  Tools to make "rarely exactly zero" precise.

With the thin SVD of the centered design, ``Xc = U diag(d) Vᵀ``, ridge's j-th coefficient is

    w_j(λ) = Σ_k V_jk · d_k·(u_kᵀy) / (d_k² + nλ),

a rational function of λ.  Put over a common denominator, its numerator is a polynomial in λ of degree at
most r − 1 (r = the number of distinct non-zero singular values).  So either w_j(λ) = 0 for EVERY λ, or it
is zero for at most r − 1 isolated values of λ — the points where the coefficient changes sign.
It is identically zero exactly when each group of equal singular values contributes nothing,
equivalently when ``e_jᵀ(XcᵀXc)^m Xcᵀy = 0`` for every m ≥ 0.  The m = 0 condition, ``x_jᵀ(y − ȳ) = 0``,
is necessary (for large λ, ``nλ·w(λ) → Xcᵀy``); the simplest sufficient case is a column orthogonal to
y and to all the other columns.  Contrast the lasso, whose zeros fill whole intervals of λ.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, check_scalar
from ..solvers.ridge import ridge

__all__ = ["sign_changes", "ridge_coefficient_root"]


def sign_changes(coefs) -> np.ndarray:
    """Number of sign changes of each column of a (k, p) array of coefficients along its rows (a path)."""
    s = np.sign(np.asarray(coefs, dtype=float))
    return np.sum(s[1:] != s[:-1], axis=0)


def ridge_coefficient_root(X, y, j, lam_lo, lam_hi, fit_intercept=True):
    """Bisection in log λ for a λ* in [lam_lo, lam_hi] where ridge's coefficient j changes sign.

    Requires ``w_j(lam_lo)`` and ``w_j(lam_hi)`` of opposite signs.  Stops when the two ends are
    neighbouring floating-point numbers (or after 200 halvings).  Returns ``(lam_left, lam_right,
    w_left, w_right)``: the bracket and the coefficient at each end — the coefficient's zero lies between
    two adjacent doubles, so its values there are of the size of the rounding error (if a midpoint gives
    exactly 0.0, that λ is returned as both ends).
    """
    X, y = as_Xy(X, y)
    j = check_scalar(j, "j", low=0, high=X.shape[1] - 1, integer=True)
    lo = check_scalar(lam_lo, "lam_lo", low=0.0, low_inclusive=False)
    hi = check_scalar(lam_hi, "lam_hi", low=0.0, low_inclusive=False)
    lo, hi = min(lo, hi), max(lo, hi)

    def coef(lam):
        return float(ridge(X, y, lam, fit_intercept=fit_intercept).coef[j])

    w_lo, w_hi = coef(lo), coef(hi)
    if np.sign(w_lo) == np.sign(w_hi):
        raise ValueError(f"coefficient {j} has the same sign at lam_lo={lo:g} and lam_hi={hi:g} "
                         f"({w_lo:.3g}, {w_hi:.3g}); give a bracket where it changes sign")
    for _ in range(200):
        mid = float(np.sqrt(lo * hi))
        if mid <= lo or mid >= hi:  # lo and hi are adjacent doubles
            break
        w_mid = coef(mid)
        if w_mid == 0.0:
            return mid, mid, 0.0, 0.0
        if np.sign(w_mid) == np.sign(w_lo):
            lo, w_lo = mid, w_mid
        else:
            hi, w_hi = mid, w_mid
    return lo, hi, w_lo, w_hi
