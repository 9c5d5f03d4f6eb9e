"""The penalties P(w) of the course's objective and their proximal operators.

Objective (every solver): ``(1/(2n))·||y − Xw − b||² + λ·P(w)``, with
lasso ``P = ||w||₁``, ridge ``P = ½||w||₂²``, elastic net ``P = r||w||₁ + (1−r)/2·||w||₂²``.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from .._internal.validation import _finite, _to_numpy, check_scalar


@njit(inline="always", cache=True)
def soft_threshold_scalar(z, t):
    """prox of t·|.| at z: sign(z)·max(|z| − t, 0) — the one definition every solver kernel inlines."""
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0


@njit(cache=True)
def _soft_threshold_array(z, t, shrink):
    """``soft_threshold_scalar(z_i, t) / shrink`` for every entry of a 1-D array."""
    out = np.empty(z.shape[0])
    for i in range(z.shape[0]):
        out[i] = soft_threshold_scalar(z[i], t) / shrink
    return out


def _soft(arr, t, shrink=1.0):
    flat = np.ascontiguousarray(arr, dtype=np.float64).reshape(-1)
    return _soft_threshold_array(flat, float(t), float(shrink)).reshape(arr.shape) + 0.0  # no -0.0


def soft_threshold(z, t):
    """Elementwise ``sign(z)·max(|z| − t, 0)``, the proximal operator of ``t·|·|`` (t >= 0).

    Scalars give a float, arrays an array of the same shape.  It returns exact zeros on ``[−t, t]``:
    this is the step that makes lasso solutions sparse.
    """
    t = check_scalar(t, "t", low=0.0)
    arr = _to_numpy(z, "z").astype(np.float64)
    _finite(arr, "z")
    out = _soft(arr, t)
    return float(out) if out.ndim == 0 else out


def hard_threshold(z, t):
    """Elementwise ``z·1{|z| > t}``: best-subset selection for an orthonormal design."""
    t = check_scalar(t, "t", low=0.0)
    arr = _to_numpy(z, "z").astype(np.float64)
    _finite(arr, "z")
    out = np.where(np.abs(arr) > t, arr, 0.0)
    return float(out) if out.ndim == 0 else out


def _as_w(w, name="w"):
    from .._internal.validation import as_vector

    return as_vector(w, name)


def l1_penalty(w) -> float:
    """Lasso penalty ``P(w) = ||w||₁ = Σ|w_i|``."""
    return float(np.sum(np.abs(_as_w(w))))


def ridge_penalty(w) -> float:
    """Ridge penalty ``P(w) = ½||w||₂²`` (the ½ makes its gradient simply ``w``)."""
    w = _as_w(w)
    return float(0.5 * np.dot(w, w))


def elastic_net_penalty(w, l1_ratio) -> float:
    """Elastic-net penalty ``P(w) = r||w||₁ + (1−r)/2·||w||₂²`` with ``r = l1_ratio`` in [0, 1].

    r = 1 is the lasso penalty, r = 0 the ridge penalty (glmnet's and scikit-learn's convention).
    """
    from .._internal.validation import check_l1_ratio

    r = check_l1_ratio(l1_ratio)
    w = _as_w(w)
    return float(r * np.sum(np.abs(w)) + 0.5 * (1.0 - r) * np.dot(w, w))


def prox_elastic_net(z, t, l1_ratio):
    """Proximal operator of ``t·P_enet``: ``argmin_w ½||w − z||² + t·(r||w||₁ + (1−r)/2·||w||²)``.

    Closed form, elementwise: ``soft_threshold(z, t·r) / (1 + t·(1−r))``, i.e. the lasso's
    soft-thresholding (exact zeros) followed by the ridge's uniform shrinkage.
    Scalars give a float, arrays an array of the same shape.
    """
    from .._internal.validation import check_l1_ratio

    t = check_scalar(t, "t", low=0.0)
    r = check_l1_ratio(l1_ratio)
    arr = _to_numpy(z, "z").astype(np.float64)
    _finite(arr, "z")
    out = _soft(arr, t * r, 1.0 + t * (1.0 - r))
    return float(out) if out.ndim == 0 else out


def ridge_penalty_grad(w) -> np.ndarray:
    """Gradient of ``½||w||₂²``: ``w`` itself, so it shrinks big weights hard and small ones gently."""
    return _as_w(w).copy()


def l1_subgradient(w) -> np.ndarray:
    """The usual subgradient of ``||w||₁``: ``sign(w)``, choosing 0 at w_i = 0 (any value in [−1, 1] is
    valid there).  Its size does not shrink as w_i → 0, which is why L1 can push weights exactly to 0."""
    return np.sign(_as_w(w)) + 0.0


__all__ = [
    "soft_threshold", "hard_threshold", "l1_penalty", "ridge_penalty", "elastic_net_penalty",
    "prox_elastic_net", "ridge_penalty_grad", "l1_subgradient",
]
