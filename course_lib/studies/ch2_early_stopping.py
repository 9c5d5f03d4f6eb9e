"""Early stopping as implicit ridge: gradient descent from zero, stopped at step k, tracks the ridge path.

On centered data, plain gradient descent on the *unpenalized* loss ``(1/(2n))||y − Xw||²`` with step η,
started at w = 0, has the closed form (``Xc = U diag(d) Vᵀ``)::

    w_k = V diag(g_j(k) / d_j) Uᵀ y,    g_j(k) = 1 − (1 − η d_j²/n)^k,

the ridge formula with ridge's factor ``d_j²/(d_j² + nλ)`` replaced by ``g_j(k)``.  Both are ≈ 1 for strong
directions and ≈ 0 for weak ones, and with ``λ ≈ 1/(ηk)`` they cross ½ at about the same ``d_j``: the number of
steps plays the role of 1/λ (ESL §3.4 and Ex. 3.9's relatives; Goodfellow et al. §7.8).  They are not equal —
``g_j`` rises faster (it is a power, not a ratio) — so the match is approximate, and ``path_distances``
measures how close.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, check_lams, check_scalar

__all__ = ["gd_filter_factors", "path_distances", "ridge_norms"]


def gd_filter_factors(X, step, k):
    """``1 − (1 − η d_j²/n)^k`` for each singular direction of the centered X (strongest first)."""
    d = np.linalg.svd(np.asarray(X, float) - np.mean(X, axis=0), compute_uv=False)
    return 1.0 - (1.0 - step * d ** 2 / X.shape[0]) ** k


def path_distances(X, y, step, steps, lams):
    """For each number of steps k: the gradient-descent iterate from 0 (no penalty), compared with the ridge path.

    Returns ``{"steps", "lam_heuristic" (= 1/(ηk)), "lam_nearest" (the path's λ closest to w_k),
    "distance_nearest", "distance_ols"}``, distances ``||w_k − ŵ||₂ / ||ŵ_OLS||₂``."""
    from ..solvers.gradient_descent import ridge_gradient_descent
    from ..solvers.ridge import ridge, ridge_path

    X, y = as_Xy(X, y)
    step = check_scalar(step, "step", low=0.0, low_inclusive=False)
    steps = np.asarray(steps, dtype=int)
    lams = check_lams(lams)
    gd = ridge_gradient_descent(X, y, 0.0, step, int(steps.max()), record=True)
    iterates = gd.history["coef"][steps]
    path = ridge_path(X, y, lams)
    lams, path = path.lams, path.coefs  # the path's own order of λ
    w_ols = ridge(X, y, 0.0).coef
    scale = float(np.linalg.norm(w_ols))
    dist = np.linalg.norm(iterates[:, None, :] - path[None, :, :], axis=2) / scale  # (k, λ)
    nearest = np.argmin(dist, axis=1)
    return {"steps": steps, "lam_heuristic": 1.0 / (step * steps), "lam_nearest": lams[nearest],
            "distance_nearest": dist[np.arange(steps.size), nearest],
            "distance_ols": np.linalg.norm(iterates - w_ols, axis=1) / scale}


def ridge_norms(X, y, lams):
    """``(lams, ||ŵ_λ||₂)`` along the ridge path, λ increasing.  ``||ŵ_λ||² = Σ_j (d_j u_jᵀy/(d_j² + nλ))²``
    decreases in λ term by term, so the norm is monotone although single coefficients may grow."""
    from ..solvers.ridge import ridge_path

    path = ridge_path(X, y, check_lams(lams))
    order = np.argsort(path.lams)
    return path.lams[order], np.linalg.norm(path.coefs[order], axis=1)
