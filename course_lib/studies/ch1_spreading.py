"""Does ridge spread weight over the coefficients of a *fit*?  Two designs that answer differently.

Chapter 1 §2 measures a property of the penalty (mass m on k coefficients costs m²/(2k)); whether a fitted
ridge model is "small and diffuse" depends on the design:

* **orthogonal, standardized features** (``XcᵀXc = nI``): ridge is exactly OLS/(1 + λ).  Every coefficient
  gets the same factor, so ratios, ranking and the share of the largest coefficient are those of least
  squares: nothing spreads.
* **correlated features**: ridge moves weight between features.  With a *concentrated* truth (one feature
  carries everything) that spreading puts weight on features whose true coefficient is 0 — spreading is a
  bias, not a virtue, there.

``top_share(w) = max|w_j| / Σ|w_j|`` measures concentration (1: one coefficient carries everything; 1/p:
an even split).  Every function takes a seed.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_vector, check_lam, check_scalar, check_seed

__all__ = ["top_share", "orthogonal_design", "orthogonal_case", "correlated_case"]


def top_share(w):
    """``max|w_j| / Σ|w_j|`` of a coefficient vector (or of each row of a 2-D array)."""
    a = np.abs(np.asarray(w, dtype=float))
    return a.max(axis=-1) / a.sum(axis=-1)


def orthogonal_design(n, p, seed):
    """An n×p design with centered, exactly orthogonal columns of variance 1: ``XᵀX = n·I``, ``Σ_i X_ij = 0``."""
    n = check_scalar(n, "n", low=2, integer=True)
    p = check_scalar(p, "p", low=1, high=n - 1, integer=True)
    rng = check_seed(seed)
    Z = rng.standard_normal((n, p))
    Z -= Z.mean(axis=0)
    Q, _ = np.linalg.qr(Z)  # orthonormal columns, still orthogonal to the ones vector
    return Q * np.sqrt(n)


def orthogonal_case(lam, w_true, n=100, noise=1.0, seed=0):
    """OLS and ridge on an orthogonal standardized design: ``{"ols", "ridge", "ratio", "lam"}``.

    ``ratio`` = ridge / OLS coefficient by coefficient (exactly 1/(1 + λ) in exact arithmetic)."""
    from ..solvers.ridge import ridge

    lam = check_lam(lam)
    w_true = as_vector(w_true, "w_true")
    rng = check_seed(seed)
    X = orthogonal_design(n, w_true.size, rng)
    y = X @ w_true + noise * rng.standard_normal(n)
    ols, rdg = ridge(X, y, 0.0).coef, ridge(X, y, lam).coef
    return {"ols": ols, "ridge": rdg, "ratio": rdg / ols, "lam": lam}


def correlated_case(w_true, rho, lam, n=50, noise=1.0, n_draws=200, seed=0):
    """Many data sets of k equicorrelated features (pairwise ρ) with the given truth; OLS and ridge at λ.

    Returns ``{"ols", "ridge"}`` arrays (n_draws, k) of estimates and ``{"ols_share", "ridge_share",
    "true_share"}`` (mean ``top_share`` over the draws), ``{"ols_mse", "ridge_mse"}`` (mean ||ŵ − w||²) and
    ``{"ols_null", "ridge_null"}``: mean Σ|ŵ_j| over the features whose true weight is 0."""
    from ..data.simulate import make_collinear_features
    from ..solvers.ridge import ridge

    w_true = as_vector(w_true, "w_true")
    lam = check_lam(lam)
    n_draws = check_scalar(n_draws, "n_draws", low=1, integer=True)
    rng = check_seed(seed)
    k = w_true.size
    est = {"ols": np.empty((n_draws, k)), "ridge": np.empty((n_draws, k))}
    for i in range(n_draws):
        X, y, _ = make_collinear_features(n, k, rho, w=w_true, noise=noise, seed=rng)
        est["ols"][i] = ridge(X, y, 0.0).coef
        est["ridge"][i] = ridge(X, y, lam).coef
    null = w_true == 0.0
    out = dict(est)
    for name in ("ols", "ridge"):
        out[f"{name}_share"] = float(np.mean(top_share(est[name])))
        out[f"{name}_mse"] = float(np.mean(np.sum((est[name] - w_true) ** 2, axis=1)))
        out[f"{name}_null"] = float(np.mean(np.sum(np.abs(est[name][:, null]), axis=1))) if null.any() else 0.0
    out["true_share"] = float(top_share(w_true))
    return out
