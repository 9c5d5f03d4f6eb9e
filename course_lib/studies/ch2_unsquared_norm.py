"""The L2 norm versus the *squared* L2 norm as a penalty: squaring, not "L2", makes the pull proportional.

Ridge penalizes ``½||w||₂²``, whose gradient ``w`` shrinks with the weights.  The unsquared norm
``||w||₂`` has gradient ``w/||w||₂`` — a unit vector: a pull of constant length λ, like L1's, but
pointing at the origin.  Its minimiser of ``(1/(2n))||y_c − X_c w||² + λ||w||₂`` (group lasso with one
group) is therefore **exactly 0** as soon as λ ≥ λ₀ = ||X_cᵀy_c||₂/n (the loss's pull at 0 is then too
weak to move w), and otherwise solves ``(G + μI)w = c`` with ``μ = λ/||w||₂``, ``G = X_cᵀX_c/n``,
``c = X_cᵀy_c/n``.  ``unsquared_norm_fit`` finds μ exactly (bisection on a monotone scalar equation in the
eigenbasis of G).
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, check_lam

__all__ = ["unsquared_lam_zero", "unsquared_norm_fit", "unsquared_norm_kkt"]


def _gram(X, y):
    X, y = as_Xy(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    n = X.shape[0]
    return Xc.T @ Xc / n, Xc.T @ yc / n


def unsquared_lam_zero(X, y):
    """λ₀ = ||X_cᵀy_c||₂/n: the smallest λ at which the unsquared-norm penalty gives w = 0 exactly."""
    return float(np.linalg.norm(_gram(X, y)[1]))


def unsquared_norm_fit(X, y, lam):
    """Minimiser of ``(1/(2n))||y − Xw − b||² + λ·||w||₂`` (b unpenalized): the coefficient vector w.

    For λ ≥ λ₀ it is exactly the zero vector.  Otherwise ``w = (G + μI)⁻¹c`` with μ > 0 the root of
    ``μ·||(G + μI)⁻¹c|| = λ`` (the left side rises from 0 to ||c|| as μ goes from 0 to ∞)."""
    lam = check_lam(lam)
    G, c = _gram(X, y)
    if lam >= np.linalg.norm(c):
        return np.zeros_like(c)
    evals, V = np.linalg.eigh(G)
    a = V.T @ c

    def phi(mu):  # μ·||(G + μI)⁻¹c||, increasing in μ
        return float(np.linalg.norm(mu * a / (evals + mu)))

    lo, hi = 0.0, 1.0
    while phi(hi) < lam:
        hi *= 2.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if phi(mid) < lam:
            lo = mid
        else:
            hi = mid
    mu = 0.5 * (lo + hi)
    return V @ (a / (evals + mu))


def unsquared_norm_kkt(X, y, w, lam):
    """How far w is from optimal, relative to λ: ``||Gw − c + λ·w/||w|| ||/λ`` for w ≠ 0; for w = 0 the
    optimality condition is ``||c|| ≤ λ``, reported as ``max(||c||/λ − 1, 0)``."""
    lam = check_lam(lam)
    G, c = _gram(X, y)
    w = np.asarray(w, dtype=float)
    norm = float(np.linalg.norm(w))
    if norm == 0.0:
        return max(float(np.linalg.norm(c)) / lam - 1.0, 0.0)
    return float(np.linalg.norm(G @ w - c + lam * w / norm)) / lam
