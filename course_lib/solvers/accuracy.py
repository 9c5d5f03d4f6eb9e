"""How accurate are the coefficients of a fit that stopped on the duality gap?

Every iterative solver of the package stops when the duality gap falls to ``tol·||y − ȳ||²/n`` (see
``lasso``).  The gap bounds the OBJECTIVE: ``F(w) − F(w*) <= gap``.  It bounds the COEFFICIENTS only
through strong convexity: if F is μ-strongly convex, ``μ/2·||w − w*||² <= F(w) − F(w*) <= gap``, so

    ||w − w*||₂ <= sqrt(2·gap/μ),     μ = σ_min(X_c)²/n + λ(1 − r)

(σ_min the smallest singular value of the centered design, 0 when p > n or the columns are collinear;
r = l1_ratio).  For the lasso with p > n, μ = 0 and no such bound exists: a tiny gap can sit beside
coefficients far from any particular solution (when the solution is not unique they are all optimal).
scikit-learn additionally waits for small coordinate updates before it looks at the gap, so at the same tol
its coefficients are usually closer to w*; here, ask for what you need: lower tol until
``coefficient_error_bound`` is below your accuracy.
"""
from __future__ import annotations

import math

import numpy as np

from .._internal.validation import as_design, check_bool, check_l1_ratio, check_lam, check_magnitude, check_scalar

__all__ = ["coefficient_error_bound"]


def coefficient_error_bound(X, lam, gap, l1_ratio=1.0, fit_intercept=True) -> float:
    """An upper bound on ``||w − w*||₂`` for any w whose duality gap is ``gap`` (e.g. ``fit.gap``).

    ``sqrt(2·gap/μ)`` with μ = σ_min(X_c)²/n + λ(1 − l1_ratio), the strong-convexity modulus of the
    objective ``(1/(2n))||y − Xw − b||² + λ(r||w||₁ + (1−r)/2||w||²)``; ``inf`` when μ = 0 (lasso with
    p > n or collinear columns: the gap then says nothing about the coefficients).  To get coefficients
    accurate to ε, refit with ``tol`` small enough that this bound is <= ε (the gap scales with tol).
    """
    X = as_design(X)
    check_magnitude(X, "X")
    lam = check_lam(lam)
    gap = check_scalar(gap, "gap", low=0.0)
    r = check_l1_ratio(l1_ratio)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n, p = X.shape
    Xc = X - X.mean(axis=0) if fit_intercept else X
    d = np.linalg.svd(Xc, compute_uv=False)
    rank_tol = max(n, p) * np.finfo(float).eps * (d[0] if d.size else 0.0)
    smallest = float(d[-1]) if (p <= n and d.size and d[-1] > rank_tol) else 0.0
    mu = smallest * smallest / n + lam * (1.0 - r)
    if mu <= 0.0:
        return math.inf
    return math.sqrt(2.0 * gap / mu)
