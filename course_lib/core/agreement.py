"""How closely two computations agree, printed so that a stored notebook stays reproducible.

"The two methods give the same answer" is a claim about a number: the largest absolute difference.
Its last digits are rounding noise that can change with the BLAS library or the CPU, so below a floor
the difference is printed as "< floor" rather than as, say, 2.2e-16 on one machine and 4.4e-16 on another.
"""
from __future__ import annotations

import numpy as np

__all__ = ["max_abs_difference", "describe_difference", "order_of_magnitude", "decade_above"]


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


def decade_above(x) -> str:
    """The smallest power of ten at or above ``|x|``, e.g. ``"1e-13"`` for 1.8e-14 (``"0"`` for 0).

    Prints the size of a difference at rounding level, whose digits vary with the BLAS and the CPU but whose
    size does not; print it as "≤ 1e-13" (a ceiling of the achieved value, not a floor chosen in advance)."""
    x = abs(float(x))
    if x == 0.0:
        return "0"
    return f"1e{int(np.ceil(np.log10(x) - 1e-12)):+03d}".replace("+", "")
