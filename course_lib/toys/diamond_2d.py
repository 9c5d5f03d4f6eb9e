"""The exact minimiser of a 2-D convex quadratic over the L1 diamond (the budget form of a two-feature lasso).

Behind chapter 3's geometry figure and widget and chapter 5's corner Monte Carlo: exact, so a corner is a
true 0.0, never "close to a sampled boundary point".
"""
from __future__ import annotations

import numpy as np

__all__ = ["min_in_diamond_2d"]


def min_in_diamond_2d(H, center, budget) -> np.ndarray:
    """Exact minimiser of ``½(w − c)ᵀH(w − c)`` over the 2-D diamond ``|w₁| + |w₂| <= t`` (H SPD).

    A convex quadratic over a polygon is minimised either at c (if c is inside) or on the boundary, and
    on each edge it is a 1-D parabola whose minimum over the segment is its vertex clipped to the
    segment.  So: check c, then the four edges (corners included as clipped ends), keep the best.
    Corners come out as exact zeros because the clipped edge parameter is exactly 0 or 1.
    """
    H = np.asarray(H, dtype=float)
    c = np.asarray(center, dtype=float)
    t = float(budget)
    if abs(c[0]) + abs(c[1]) <= t:
        return c.copy()
    corners = [np.array([t, 0.0]), np.array([0.0, t]), np.array([-t, 0.0]), np.array([0.0, -t])]
    best, best_val = corners[0], np.inf
    for i in range(4):
        a, d = corners[i], corners[(i + 1) % 4] - corners[i]
        curv = float(d @ H @ d)
        s = 0.0 if curv <= 0.0 else min(max(-float(d @ H @ (a - c)) / curv, 0.0), 1.0)
        if s == 0.0:
            w = a.copy()
        elif s == 1.0:
            w = corners[(i + 1) % 4].copy()
        else:
            w = a + s * d
        r = w - c
        val = 0.5 * float(r @ H @ r)
        if val < best_val:
            best, best_val = w, val
    return best + 0.0  # no negative zeros
