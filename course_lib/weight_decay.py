"""What AdamW converges to on a full-batch least-squares problem: a box, not a ball.

AdamW (Loshchilov & Hutter 2019) updates ``w ← (1 − ηλ)w − η·m̂/(√v̂ + ε)``.  At a fixed point with a
steady gradient g, ``m̂ = g`` and ``v̂ = g²``, so each coordinate satisfies ``λ·w_j = −g_j/(|g_j| + ε)``:
either ``g_j ≈ 0`` with ``|w_j| < 1/λ``, or ``|w_j| = 1/λ`` with ``w_j`` of the sign opposite to ``g_j``.
Those are exactly the optimality (KKT) conditions of least squares under the box ``||w||∞ ≤ 1/λ``.
``box_constrained_least_squares`` solves that problem directly (projected gradient descent), so the
notebook can check the claim numerically.  Adam with an L2 penalty instead stops where
``∇L(w) + λw = 0``: the ridge solution.
"""
from __future__ import annotations

import numpy as np

from ._validation import as_Xy, check_scalar

__all__ = ["box_constrained_least_squares"]


def box_constrained_least_squares(X, y, bound, n_steps=20000, fit_intercept=True):
    """``argmin (1/(2n))||y − Xw − b||²`` subject to ``|w_j| ≤ bound`` for every j (b unpenalized).

    Projected gradient descent with step 1/L (L the largest eigenvalue of XcᵀXc/n): a gradient step,
    then clip every coordinate to [−bound, bound].  Returns ``(coef, intercept)``.
    """
    X, y = as_Xy(X, y)
    bound = check_scalar(bound, "bound", low=0.0)
    n_steps = check_scalar(n_steps, "n_steps", low=1, integer=True)
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = float(y.mean()) if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    n = X.shape[0]
    step = n / float(np.linalg.norm(Xc, 2) ** 2)
    w = np.zeros(X.shape[1])
    for _ in range(n_steps):
        grad = -Xc.T @ (yc - Xc @ w) / n
        w = np.clip(w - step * grad, -bound, bound)
    return w, float(y_mean - x_mean @ w)
