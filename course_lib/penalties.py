"""The penalties P(w) of the course's objective and their proximal operators.

Objective (every solver): ``(1/(2n))·||y − Xw − b||² + λ·P(w)``, with
lasso ``P = ||w||₁``, ridge ``P = ½||w||₂²``, elastic net ``P = r||w||₁ + (1−r)/2·||w||₂²``.
"""
from __future__ import annotations

import numpy as np

from ._jit import njit
from ._validation import _finite, _to_numpy, check_scalar


@njit(cache=True)
def soft_threshold_scalar(z, t):
    """prox of t·|.| at z: sign(z)·max(|z| − t, 0)."""
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0


def soft_threshold(z, t):
    """Elementwise ``sign(z)·max(|z| − t, 0)``, the proximal operator of ``t·|·|`` (t >= 0).

    Scalars give a float, arrays an array of the same shape.  It returns exact zeros on ``[−t, t]``:
    this is the step that makes lasso solutions sparse.
    """
    t = check_scalar(t, "t", low=0.0)
    arr = _to_numpy(z, "z").astype(np.float64)
    _finite(arr, "z")
    out = np.sign(arr) * np.maximum(np.abs(arr) - t, 0.0) + 0.0  # + 0.0 turns -0.0 into 0.0
    return float(out) if out.ndim == 0 else out


def hard_threshold(z, t):
    """Elementwise ``z·1{|z| > t}``: best-subset selection for an orthonormal design."""
    t = check_scalar(t, "t", low=0.0)
    arr = _to_numpy(z, "z").astype(np.float64)
    _finite(arr, "z")
    out = np.where(np.abs(arr) > t, arr, 0.0)
    return float(out) if out.ndim == 0 else out
