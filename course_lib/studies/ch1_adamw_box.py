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

from .._internal.validation import as_Xy, check_scalar

__all__ = ["box_constrained_least_squares", "box_least_squares_exact", "two_feature_problem"]


def two_feature_problem(seed=3):
    """20 samples of two standardized features with correlation 0.6 and ``y = 2x₁ + 0.6x₂ + N(0, 0.5²)``:
    the small problem on which chapter 1 draws Adam + L2 and AdamW side by side."""
    from ..core.preprocessing import standardize
    from ..data.simulate import make_correlated_pair

    X, y, _ = make_correlated_pair(20, 0.6, w=(2.0, 0.6), noise=0.5, seed=seed)
    return standardize(X), y


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


def box_least_squares_exact(X, y, bound, fit_intercept=True):
    """The same problem as ``box_constrained_least_squares``, solved exactly for a few features.

    Every coordinate is either free or held at ±bound; each of the 3^p patterns gives a small least-squares
    problem in the free coordinates, and the solution is the best feasible one.  Fine for p ≤ 8 (the
    widget uses p = 2); returns ``(coef, intercept)``.
    """
    import itertools

    X, y = as_Xy(X, y)
    bound = check_scalar(bound, "bound", low=0.0)
    p = X.shape[1]
    if p > 8:
        raise ValueError(f"box_least_squares_exact enumerates 3^p patterns; p={p} is too many "
                         "(use box_constrained_least_squares)")
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(p)
    y_mean = float(y.mean()) if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    best, best_loss = None, 0.0
    for pattern in itertools.product((0, -1, 1), repeat=p):  # 0 free, ±1 at ±bound
        fixed = np.array(pattern, dtype=float) * bound
        free = np.array(pattern) == 0
        w = fixed.copy()
        if free.any():
            rhs = yc - Xc[:, ~free] @ fixed[~free]
            w[free] = np.linalg.lstsq(Xc[:, free], rhs, rcond=None)[0]
        if np.any(np.abs(w) > bound * (1 + 1e-12)):
            continue
        r = yc - Xc @ w
        loss = float(r @ r)
        if best is None or loss < best_loss:
            best, best_loss = w, loss
    return best, float(y_mean - x_mean @ best)
