"""How closely two computations agree, printed so that a stored notebook stays reproducible.

"The two methods give the same answer" is a claim about a number: the largest absolute difference.
Its last digits are rounding noise that can change with the BLAS library or the CPU, so below a floor
the difference is printed as "< floor" rather than as, say, 2.2e-16 on one machine and 4.4e-16 on another.
"""
from __future__ import annotations

import numpy as np

__all__ = ["max_abs_difference", "describe_difference", "order_of_magnitude"]


def max_abs_difference(a, b) -> float:
    """``max_i |a_i − b_i|`` for two arrays (or numbers) of the same shape."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"shapes differ: {a.shape} and {b.shape}")
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def describe_difference(a, b, floor=1e-12) -> str:
    """``"< 1e-12"`` when the largest difference is below ``floor``, else the difference to 2 digits."""
    diff = max_abs_difference(a, b)
    return f"< {floor:.0e}" if diff < floor else f"{diff:.2g}"


def order_of_magnitude(value) -> str:
    """``"~1e-14"`` for 2.7e-14: the power of ten nearest to |value| (on a log scale), or ``"0 (exactly)"``.

    For differences at rounding level, whose leading digit changes with the machine but whose size does not."""
    value = abs(float(value))
    if value == 0.0:
        return "0 (exactly)"
    return f"~1e{int(np.round(np.log10(value))):d}"
