"""Chapter 2's preview of the grouping effect (chapter 5 treats it fully): how ridge and lasso share weight
among duplicated or strongly correlated features.

Objective ``(1/(2n))||y − Xw − b||² + λ·P(w)`` (ridge ``P = ½||w||²``, lasso ``P = ||w||₁``).

* Exact duplicates ``[x, x]``: swapping the columns leaves both objectives unchanged.  Ridge's is strictly
  convex, so its unique solution has ``w1 = w2``.  The lasso's is not: every split ``(t·s, (1 − t)·s)``,
  0 ≤ t ≤ 1, of the same total s has the same objective, and the solver's answer depends on where it starts.
* Correlated copies: to compare the two fairly, give both fits the same total weight Σw_j — choose ridge's
  λ so that its total matches the lasso's (``ridge_lam_matching_total``) — and look at the split.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, check_lam, check_scalar

__all__ = ["ridge_lam_matching_total", "grouping_comparison"]


def ridge_lam_matching_total(X, y, total, lam_low=1e-8, lam_high=1e4, fit_intercept=True):
    """The λ at which the ridge coefficients of (X, y) sum to ``total``, by bisection on log λ.

    Needs Σw(λ_low) > total > Σw(λ_high) (true when the features are positively correlated with y and with
    each other, as here); the sum is matched to 1e-10 relative.
    """
    from ..solvers.ridge import ridge

    X, y = as_Xy(X, y)
    total = check_scalar(total, "total")

    def excess(log_lam):
        return float(ridge(X, y, 10.0 ** log_lam, fit_intercept).coef.sum()) - total

    lo, hi = np.log10(lam_low), np.log10(lam_high)
    if not excess(lo) > 0.0 > excess(hi):
        raise ValueError(f"the ridge total does not cross {total:g} between λ = {lam_low:g} and {lam_high:g}")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if excess(mid) > 0.0:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-13:
            break
    return float(10.0 ** (0.5 * (lo + hi)))


def grouping_comparison(X, y, lam_lasso, fit_intercept=True):
    """Lasso at ``lam_lasso`` and ridge at the λ giving the same total weight.

    Returns {"lam_lasso", "lasso" (p,), "lam_ridge", "ridge" (p,)}."""
    from ..solvers.lasso import lasso
    from ..solvers.ridge import ridge

    lam_lasso = check_lam(lam_lasso)
    w_lasso = lasso(X, y, lam_lasso, tol=1e-12, fit_intercept=fit_intercept).coef
    lam_ridge = ridge_lam_matching_total(X, y, float(w_lasso.sum()), fit_intercept=fit_intercept)
    return {"lam_lasso": lam_lasso, "lasso": w_lasso, "lam_ridge": lam_ridge,
            "ridge": ridge(X, y, lam_ridge, fit_intercept).coef}
