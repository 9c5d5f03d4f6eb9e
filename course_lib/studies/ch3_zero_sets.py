"""Where is a coefficient exactly zero?  Ridge: at isolated values of λ.  Lasso: on whole intervals of λ.

A grid of λ cannot answer this: it misses isolated roots (ridge "never" gives a zero on any grid) and it
blurs the ends of intervals.  Both are computed exactly here:

* ridge: every sign change of a coefficient between two grid values is bracketed and bisected down to two
  adjacent doubles (``studies.ch1_ridge_zeros.ridge_coefficient_root``);
* lasso: between two knots the path is affine in λ, and the exact λ-interval on which a support and its signs
  stay the solution is ``studies.ch3_irrepresentable.recovery_window``.  The zero set of coefficient j around
  a grid λ is the union of those windows over the consecutive grid values where it is zero; the windows must
  join end to end, otherwise the grid skipped a piece of the path and an error says so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_Xy
from .ch1_ridge_zeros import ridge_coefficient_root
from .ch3_irrepresentable import recovery_window

__all__ = ["RidgeRoot", "ridge_roots", "ZeroInterval", "lasso_zero_interval"]


@dataclass(frozen=True)
class RidgeRoot:
    feature: int
    lam: float            # the root, to the last bit (the bracket's geometric mean)
    coef_at_ends: float   # max |w_j| at the two ends of the final bracket (rounding-size)
    coef_nearby: tuple    # (w_j(0.99·λ*), w_j(1.01·λ*)): opposite signs, far from 0


def ridge_roots(X, y, lams, coefs) -> list:
    """Every λ where a ridge coefficient changes sign between consecutive grid values, found exactly."""
    from ..solvers.ridge import ridge

    X, y = as_Xy(X, y)
    lams = np.asarray(lams, dtype=float)
    coefs = np.asarray(coefs, dtype=float)
    roots = []
    for j in range(coefs.shape[1]):
        s = np.sign(coefs[:, j])
        for k in np.flatnonzero(s[1:] != s[:-1]):
            lo, hi, w_lo, w_hi = ridge_coefficient_root(X, y, j, lams[k], lams[k + 1])
            lam = float(np.sqrt(lo * hi))
            near = tuple(float(ridge(X, y, f * lam).coef[j]) for f in (0.99, 1.01))
            roots.append(RidgeRoot(feature=j, lam=lam, coef_at_ends=max(abs(w_lo), abs(w_hi)), coef_nearby=near))
    return sorted(roots, key=lambda r: -r.lam)


@dataclass(frozen=True)
class ZeroInterval:
    feature: int
    lo: float         # w_j = 0 for every λ in [lo, hi] (hi may be inf)
    hi: float
    n_pieces: int     # affine pieces of the path the interval spans


def _window(X, y, coef, lam_max):
    S = np.flatnonzero(coef)
    if S.size == 0:  # w = 0 is the solution exactly for λ >= λmax
        return lam_max, np.inf
    win = recovery_window(X, y, S, np.sign(coef[S]))
    return win.lo, win.hi


def lasso_zero_interval(X, y, lams, coefs, j, k, rtol=1e-9) -> ZeroInterval:
    """The exact λ-interval around grid value ``lams[k]`` on which lasso coefficient ``j`` is 0.

    ``lams`` (decreasing) and ``coefs`` are a lasso path of (X, y) with ``coefs[k, j] == 0``.  Raises
    ValueError if the windows of consecutive grid values do not meet (a knot pair between two grid values)."""
    from ..solvers.lasso import lam_max as _lam_max

    X, y = as_Xy(X, y)
    lams = np.asarray(lams, dtype=float)
    coefs = np.asarray(coefs, dtype=float)
    if coefs[k, j] != 0.0:
        raise ValueError(f"coefficient {j} is not zero at grid index {k} (it is {coefs[k, j]:.3g})")
    first = last = k
    while first > 0 and coefs[first - 1, j] == 0.0:
        first -= 1
    while last < len(lams) - 1 and coefs[last + 1, j] == 0.0:
        last += 1
    lmax = _lam_max(X, y)
    pieces = []
    for i in range(first, last + 1):
        supp = (tuple(np.flatnonzero(coefs[i])), tuple(np.sign(coefs[i][coefs[i] != 0])))
        if not pieces or pieces[-1][0] != supp:
            pieces.append((supp, _window(X, y, coefs[i], lmax)))
    for (_, (lo_a, _)), (_, (_, hi_b)) in zip(pieces[:-1], pieces[1:]):
        if not abs(lo_a - hi_b) <= rtol * max(abs(lo_a), abs(hi_b)):
            raise ValueError(f"the grid skips part of the path between λ = {hi_b:.6g} and {lo_a:.6g}: "
                             "use a finer grid")
    return ZeroInterval(feature=int(j), lo=float(pieces[-1][1][0]), hi=float(pieces[0][1][1]), n_pieces=len(pieces))
