"""Preparing features for a penalized fit: standardization and polynomial features.

Why scaling matters for a penalty: least squares alone does not care about units (rescale a column by
1000 and its coefficient shrinks by 1000, predictions unchanged).  A penalty ``λ·P(w)`` does care: the
same feature measured in millimetres instead of metres needs a 1000× larger coefficient, which the penalty
punishes far harder, so that feature gets shrunk (or, with L1, dropped) for reasons that have nothing to
do with the data.  Putting every column on unit variance first makes the penalty treat them equally.
Like scikit-learn, the solvers do NOT standardize for you; call ``standardize`` explicitly.
"""
from __future__ import annotations

import warnings

import numpy as np

from .._internal.validation import as_design, as_vector, check_bool, check_magnitude, check_scalar, constant_columns

__all__ = ["standardize", "polynomial_features"]


def standardize(X, return_params=False):
    """Center each column to mean 0 and scale it to unit (population, ddof=0) standard deviation.

    Returns ``Z`` (n, p), or ``(Z, mean, scale)`` with ``return_params=True`` so that new data can be
    transformed the same way: ``(X_new − mean) / scale``.
    A constant column has no spread to scale: it becomes all zeros with scale 1 (a warning says which),
    and any penalized solver then gives it a zero coefficient.

    Why: a penalty compares coefficients across features, so those must be in comparable units — see the
    module docstring.  The population std (÷n) makes ``ZᵀZ/n`` the correlation matrix, which matches the
    objective's 1/(2n) scaling: each standardized column has ``||z_j||²/n = 1``.
    """
    X = as_design(X)
    return_params = check_bool(return_params, "return_params")
    check_magnitude(X, "X")
    mean = X.mean(axis=0)
    Xc = X - mean
    correction = Xc.mean(axis=0)  # second pass: removes the rounding left by a large mean
    Xc -= correction
    mean = mean + correction
    scale = np.sqrt(np.mean(Xc * Xc, axis=0))
    # "Constant" relative to each column's OWN magnitude: centering a constant column leaves rounding noise of
    # about 1e-16·max|x_j|, while a real column (even one of 1e-13-scale values) has spread far above that.
    tiny = constant_columns(scale * scale, np.max(np.abs(X), axis=0))
    if np.any(tiny):
        cols = np.flatnonzero(tiny).tolist()
        warnings.warn(f"standardize: column(s) {cols} are constant; they are set to 0 with scale 1",
                      UserWarning, stacklevel=2)
        scale = np.where(tiny, 1.0, scale)
        Xc[:, tiny] = 0.0
    Z = np.ascontiguousarray(Xc / scale)
    if return_params:
        return Z, mean, scale
    return Z


def polynomial_features(x, degree, include_bias=False, scale_to_unit=False):
    """Columns ``x, x², …, x^degree`` of a 1-D input (plus a leading column of ones if ``include_bias``).

    With ``scale_to_unit=True`` x is first mapped linearly onto [−1, 1] (``2(x − min)/(max − min) − 1``)
    so the powers stay between −1 and 1: for x in, say, [0, 10] and degree 12 the raw columns span 13
    orders of magnitude and XᵀX is numerically singular, which would hide the real lesson (overfitting)
    behind a rounding problem.  The mapping uses this call's min and max, so build train and test features
    in one call and split afterwards (or map new points yourself with the same min and max).

    Returns an (n, degree) array (n, degree + 1 with the bias column).
    """
    x = as_vector(x, "x")
    degree = check_scalar(degree, "degree", low=1, high=50, integer=True)
    include_bias = check_bool(include_bias, "include_bias")
    scale_to_unit = check_bool(scale_to_unit, "scale_to_unit")
    top = float(np.max(np.abs(x))) if not scale_to_unit else 1.0
    if top > 1.0 and degree * np.log10(top) > 300:
        raise ValueError(f"x up to {top:.3g} raised to the power {degree} overflows float64; use "
                         f"scale_to_unit=True (maps x onto [−1, 1]) or rescale x")
    if scale_to_unit:
        lo, hi = float(x.min()), float(x.max())
        if hi == lo:
            raise ValueError("scale_to_unit=True needs at least two distinct x values")
        x = 2.0 * (x - lo) / (hi - lo) - 1.0
    first = 0 if include_bias else 1
    return np.ascontiguousarray(np.stack([x ** k for k in range(first, degree + 1)], axis=1))
