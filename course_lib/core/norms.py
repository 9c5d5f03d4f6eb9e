"""Vector norms: L1 (sum of absolute values), L2 (Euclidean length) and the general p-norm."""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_vector, check_scalar


def l1_norm(w) -> float:
    """``||w||₁ = Σ|w_i|``."""
    return float(np.sum(np.abs(as_vector(w, "w"))))


def l2_norm(w) -> float:
    """``||w||₂ = sqrt(Σ w_i²)``, computed without overflow or underflow for huge or tiny entries.

    (``np.linalg.norm`` squares the entries directly, so ``[1e200, 1e200]`` gives inf; we divide by the
    largest magnitude first.)
    """
    w = as_vector(w, "w")
    scale = float(np.max(np.abs(w)))
    if scale == 0.0:
        return 0.0
    return float(scale * np.sqrt(np.sum((w / scale) ** 2)))


def linf_norm(w) -> float:
    """``||w||∞ = max|w_i|``."""
    return float(np.max(np.abs(as_vector(w, "w"))))


def lp_norm(w, p) -> float:
    """``||w||_p = (Σ|w_i|^p)^(1/p)`` for p > 0 (a true norm only for p >= 1); p = inf gives the max norm."""
    w = as_vector(w, "w")
    if isinstance(p, (int, float, np.floating)) and not isinstance(p, bool) and p == np.inf:
        return linf_norm(w)
    p = check_scalar(p, "p", low=0.0, low_inclusive=False)  # refuses arrays, strings, True, nan
    scale = np.max(np.abs(w))
    if scale == 0.0:
        return 0.0
    return float(scale * np.sum((np.abs(w) / scale) ** p) ** (1.0 / p))
