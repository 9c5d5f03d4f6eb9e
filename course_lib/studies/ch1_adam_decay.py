"""Loshchilov & Hutter's practical point, measured: inside Adam an L2 penalty is weakened for coordinates whose
gradients are large; decoupled weight decay (AdamW) shrinks every coordinate at the same rate.

A loss-free experiment isolates the effect.  Each coordinate j receives a zero-mean noisy gradient
``s_j·ξ`` (ξ standard normal, seeded) — a stand-in for mini-batch noise of size s_j — plus the penalty:

* Adam + L2 feeds ``s_j·ξ + λw_j`` through Adam: the step is divided by √v̂_j ≈ √(s_j² + λ²w_j²), so the
  penalty's share of it shrinks like λw_j/s_j: the noisier the coordinate, the weaker the decay;
* AdamW (PyTorch's parametrization, ``w ← (1 − ηλ)w − η·m̂/(√v̂ + ε)``) decays every coordinate by the
  factor 1 − ηλ per step, whatever s_j; the noise only adds a zero-mean wobble.

``share_left`` reports the mean share of the starting weight left after a fixed number of steps.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_vector, check_lam, check_scalar, check_seed

__all__ = ["share_left"]


def share_left(noise_scales, lam, lr, n_steps, decoupled, n_coords=400, w0=1.0, betas=(0.9, 0.999), eps=1e-8,
               seed=0):
    """Mean and Monte Carlo standard error of ``w_T/w0`` after ``n_steps`` steps, for each noise scale s_j.

    ``n_coords`` independent coordinates per scale, all starting at w0: Adam on the gradient
    ``s_j·ξ_t + λw`` (``decoupled=False``) or AdamW on ``s_j·ξ_t`` with decay ``(1 − lr·λ)``
    (``decoupled=True``).  In expectation AdamW leaves ``(1 − lr·λ)^T`` of w0 whatever s_j (the normalized
    noise has mean 0 and does not depend on w).  Returns ``(mean, se)``, arrays shaped like noise_scales."""
    s = as_vector(noise_scales, "noise_scales")
    lam = check_lam(lam)
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", low=1, integer=True)
    n_coords = check_scalar(n_coords, "n_coords", low=2, integer=True)
    rng = check_seed(seed)
    b1, b2 = betas
    scale = np.repeat(s, n_coords)
    w = np.full(scale.size, float(w0))
    m, v = np.zeros(scale.size), np.zeros(scale.size)
    for t in range(1, n_steps + 1):
        g = scale * rng.standard_normal(scale.size)
        if not decoupled:
            g = g + lam * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        direction = (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        w = ((1 - lr * lam) * w if decoupled else w) - lr * direction
    ratio = (w / w0).reshape(s.size, n_coords)
    return ratio.mean(axis=1), ratio.std(axis=1) / np.sqrt(n_coords)
