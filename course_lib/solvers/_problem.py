"""Validated data of one (X, y), shared by the lasso / elastic-net solvers — without a centered copy of X.

The intercept is unpenalized, so it is fit by centering: with x̄, ȳ the column and target means, the
objective in (w, b) equals the objective of the centered data in w alone, and b = ȳ − x̄ᵀw.  X itself is
never centered: coordinate descent reads column j as ``Xt[j]`` (``Xt = X.T``, p × n, C order — a view of a
float64 Fortran-ordered X, no copy) and subtracts x̄_j on the fly (``dot_centered``, ``axpy_centered``).
Only O(n + p) is allocated for a float64 Fortran-ordered X; any other X (C order, another dtype) is
converted once to a Fortran-ordered float64 copy.  The residual r = y_c − X_c w is kept centered.
"""
from __future__ import annotations

import math
import warnings

import numpy as np

from .._internal.jit import njit
from .._internal.validation import (as_design, as_target, check_bool, check_coef_init, check_l1_ratio, check_lam,
                                   check_magnitude, check_max_iter, check_tol, constant_columns)
from .._internal.warnings import ConvergenceWarning
from ..core.duality import axpy_centered, lipschitz_constant
from ..core.results import Fit

# A record=True history is preallocated for max_iter rows; refuse absurd sizes with a clear message.
MAX_RECORD_VALUES = 20_000_000
# a centered column whose spread is below this fraction of its own largest |entry| is constant up to rounding


def _fast_path(X, y):
    """float64 arrays, C- or Fortran-contiguous, of matching shapes: validated by ``column_stats``'s own pass
    over X (finiteness, magnitude) instead of separate numpy passes."""
    return (type(X) is np.ndarray and type(y) is np.ndarray and X.dtype == np.float64 and y.dtype == np.float64
            and X.ndim == 2 and y.ndim == 1 and X.shape[0] == y.shape[0] and X.shape[0] > 0 and X.shape[1] > 0
            and (X.flags.c_contiguous or X.flags.f_contiguous) and y.flags.c_contiguous)


@njit(cache=True)
def column_stats(Xt, center, y, x_mean, col_sq, xty, col_max):
    """One pass over X (rows of Xt, each column read twice while it is in cache): per column the mean (if
    ``center``), ||x_j − x̄_j||²/n, (x_j − x̄_j)ᵀy/n and max|x_ij|.  y must be centered already.

    The mean is a two-pass corrected one (Chan, Golub & LeVeque): m0 = Σx/n, then d = Σ(x − m0) gives
    x̄ = m0 + d/n and ||x − x̄||² = Σ(x − m0)² − d²/n, so a constant column gets a spread of 0 up to
    rounding of its deviation from m0 (not of its magnitude).  Returns False when X holds NaN or ±inf."""
    p, n = Xt.shape
    k = n - n % 4
    ysum = 0.0
    for i in range(n):
        ysum += y[i]
    finite = True
    for j in range(p):
        xj = Xt[j]
        s0 = 0.0
        s1 = 0.0
        s2 = 0.0
        s3 = 0.0
        b0 = 0.0
        b1 = 0.0
        b2 = 0.0
        b3 = 0.0
        for i in range(0, k, 4):
            a0 = xj[i]
            a1 = xj[i + 1]
            a2 = xj[i + 2]
            a3 = xj[i + 3]
            s0 += a0
            s1 += a1
            s2 += a2
            s3 += a3
            b0 = max(b0, abs(a0))
            b1 = max(b1, abs(a1))
            b2 = max(b2, abs(a2))
            b3 = max(b3, abs(a3))
        for i in range(k, n):
            s0 += xj[i]
            b0 = max(b0, abs(xj[i]))
        total = (s0 + s1) + (s2 + s3)
        if not np.isfinite(total):  # NaN or inf somewhere (a finite overflow is refused by magnitude later)
            finite = False
        col_max[j] = max(max(b0, b1), max(b2, b3))
        m0 = total / n if center else 0.0
        d0 = 0.0
        d1 = 0.0
        q0 = 0.0
        q1 = 0.0
        t0 = 0.0
        t1 = 0.0
        k2 = n - n % 2
        for i in range(0, k2, 2):
            e0 = xj[i] - m0
            e1 = xj[i + 1] - m0
            d0 += e0
            d1 += e1
            q0 += e0 * e0
            q1 += e1 * e1
            t0 += e0 * y[i]
            t1 += e1 * y[i + 1]
        for i in range(k2, n):
            e0 = xj[i] - m0
            d0 += e0
            q0 += e0 * e0
            t0 += e0 * y[i]
        d = d0 + d1 if center else 0.0
        x_mean[j] = m0 + d / n
        col_sq[j] = max((q0 + q1) - d * d / n, 0.0) / n
        xty[j] = ((t0 + t1) - (d / n) * ysum) / n
    return finite


@njit(cache=True)
def subtract_columns(Xt, x_mean, c, idx, r):
    """r −= Σ_{j in idx} c_j (x_j − x̄_j), in place (zero c_j skipped)."""
    for jj in range(idx.shape[0]):
        j = idx[jj]
        if c[j] != 0.0:
            axpy_centered(c[j], Xt[j], x_mean[j], r)


@njit(cache=True)
def rebuild_residual(Xt, x_mean, y, w, feats, r):
    """r = y_c − X_c w from the data, in place (w must be 0 outside ``feats``): the true residual, free of
    the rounding that incremental updates and extrapolated steps accumulate."""
    r[:] = y
    subtract_columns(Xt, x_mean, w, feats, r)


class Data:
    """Transposed (uncentered) data, column means, and what every solver needs (computed once)."""

    __slots__ = ("n", "p", "Xt", "y", "x_mean", "y_mean", "col_sq", "xty", "y_scale", "fit_intercept",
                 "all_feats", "constant", "nonconstant", "_lipschitz", "_ls_dual", "_top", "_XT", "_gram")

    def __init__(self, X, y, fit_intercept=True):
        self.fit_intercept = check_bool(fit_intercept, "fit_intercept")
        fast = _fast_path(X, y)
        if not fast:
            X = as_design(X)
            y = as_target(y, X.shape[0])
        n, p = X.shape
        self.n, self.p = n, p
        # column j of X as a contiguous row: a view for Fortran order, else one converted copy
        self.Xt = X.T if X.flags.f_contiguous else np.asfortranarray(X).T
        self.y_mean = float(y.mean()) if self.fit_intercept else 0.0
        self.y = y - self.y_mean
        self.x_mean = np.empty(p)
        self.col_sq = np.empty(p)  # ||x_j − x̄_j||²/n
        self.xty = np.empty(p)  # (x_j − x̄_j)ᵀ(y − ȳ)/n
        col_max = np.empty(p)
        finite = column_stats(self.Xt, self.fit_intercept, self.y, self.x_mean, self.col_sq, self.xty, col_max)
        if fast and not finite:
            as_design(X)  # raises, naming the NaN / inf entries
        if fast and not math.isfinite(float(self.y.sum())):
            as_target(y, n)  # raises, naming the NaN / inf entries
        # scale a fit cannot represent: 'rescale X / y'
        check_magnitude(X, "X", top=float(col_max.max()))
        check_magnitude(y, "y")
        # a column that is constant up to rounding (relative to its own magnitude) is exactly constant
        constant = constant_columns(self.col_sq, col_max)
        self.col_sq[constant] = 0.0
        self.xty[constant] = 0.0
        self.y_scale = float(self.y @ self.y) / n  # ||y − ȳ||²/n, the unit of tol
        self.all_feats = np.arange(p)
        self.constant = np.flatnonzero(self.col_sq == 0.0)
        self.nonconstant = np.flatnonzero(self.col_sq > 0.0)
        self._lipschitz = None
        self._ls_dual = None
        self._top = None
        self._XT = None
        self._gram = None

    @property
    def XT(self):
        """(X − x̄)ᵀ as a centered copy (p × n), built on first use — only ISTA/FISTA and the subgradient
        method read it; coordinate descent centers on the fly and never builds it."""
        if self._XT is None:
            self._XT = self.Xt - self.x_mean[:, None]
            self._XT[self.constant] = 0.0
        return self._XT

    # ---------------------------------------------------------------- derived quantities
    def lam_max(self, l1_ratio=1.0):
        """||X_cᵀ(y − ȳ)||∞ / (n·l1_ratio): the smallest λ with an all-zero solution (inf if r = 0)."""
        if self._top is None:
            self._top = float(np.max(np.abs(self.xty)))
        top = self._top
        if l1_ratio == 0.0:
            return math.inf if top > 0.0 else 0.0
        return top / l1_ratio

    def lipschitz(self):
        """σ_max(X_c)²/n, the Lipschitz constant of the least-squares gradient (computed once)."""
        if self._lipschitz is None:
            self._lipschitz = lipschitz_constant(self.Xt.T, self.x_mean)
        return self._lipschitz

    def gram(self):
        """X_cᵀX_c/n (p × p, computed once) for the covariance-mode solver on n ≫ p problems."""
        if self._gram is None:
            G = np.zeros((self.p, self.p))
            block = max(1, (1 << 18) // self.p)
            for i0 in range(0, self.n, block):
                B = self.Xt[:, i0:i0 + block].T - self.x_mean
                G += B.T @ B
            G /= self.n
            G[self.constant] = 0.0
            G[:, self.constant] = 0.0
            self._gram = G
        return self._gram

    def dual_floor(self, l1, l2):
        """−inf, except at λ = 0: the dual value of the exact least-squares dual point (one lstsq)."""
        if l1 > 0.0 or l2 > 0.0:
            return -math.inf
        if self._ls_dual is None:
            w_ls = np.linalg.lstsq(self.XT.T, self.y, rcond=None)[0]
            res = self.y - self.XT.T @ w_ls
            self._ls_dual = float(res @ self.y - 0.5 * (res @ res)) / self.n
        return self._ls_dual

    def residual(self, w):
        """y_c − X_c w (only the nonzero coefficients are read)."""
        r = self.y.copy()
        subtract_columns(self.Xt, self.x_mean, w, np.flatnonzero(w), r)
        return r

    def intercept(self, w):
        return float(self.y_mean - self.x_mean @ w) if self.fit_intercept else 0.0


# ---------------------------------------------------------------- argument checks shared by solvers
def check_common(data, lam, l1_ratio, tol, max_iter, coef_init):
    lam = check_lam(lam)
    l1_ratio = check_l1_ratio(l1_ratio)
    tol = check_tol(tol)
    max_iter = check_max_iter(max_iter)
    w = check_coef_init(coef_init, data.p)
    return lam, l1_ratio, tol, max_iter, w


def check_record(record):
    if record is True or record is False:
        return record
    if record == "updates":
        return record
    raise ValueError(f"record={record!r} is not supported; use False, True (one row per iteration) or "
                     "'updates' (coordinate descent: also one row per coordinate update)")


def history_buffers(rows, p, extra_keys=()):
    """Preallocated arrays for a record=True run of at most ``rows`` rows (empty when rows == 0)."""
    if rows * p > MAX_RECORD_VALUES:
        raise ValueError(f"record=True would store up to {rows} iterates of {p} coefficients; lower max_iter "
                         f"(at most {MAX_RECORD_VALUES // max(p, 1)} for this problem) or use record=False")
    bufs = {"coef": np.empty((rows, p)), "objective": np.empty(rows), "gap": np.empty(rows)}
    for key in extra_keys:
        bufs[key] = np.empty(rows)
    return bufs


NO_RECORD_2D = np.empty((0, 1))
NO_RECORD_1D = np.empty(0)


def trim_history(bufs, n_rows):
    return {key: value[:n_rows].copy() for key, value in bufs.items()}


def make_fit(data, w, primal, gap, n_iter, tol_abs, tol, lam, l1_ratio, method, history, unit="iterations",
             warn=True, stacklevel=4):
    converged = bool(gap <= tol_abs)
    if not converged and warn:
        warnings.warn(ConvergenceWarning(
            f"{method} stopped after {n_iter} {unit} with duality gap {gap:.3g} > tol·||y−ȳ||²/n = "
            f"{tol_abs:.3g} (tol={tol:g}); increase max_iter or tol"), stacklevel=stacklevel)
    return Fit(coef=w, intercept=data.intercept(w), objective=float(primal), gap=float(gap), n_iter=int(n_iter),
               converged=converged, history=history, lam=float(lam), method=method,
               extras={"l1_ratio": float(l1_ratio), "tol": float(tol), "tol_abs": float(tol_abs)})


# λ within this relative distance below lam_max is treated as lam_max: the two differ by the rounding of
# ||X_cᵀy_c||∞ (a caller's own lam_max may differ from ours in the last bits), and at such λ the all-zero
# solution is optimal to ~½·(1e-13)²·||y − ȳ||²/n, far below any tol
ZERO_FIT_SLACK = 1e-13


def is_zero_solution(data, lam, l1_ratio):
    """λ >= lam_max (up to ZERO_FIT_SLACK): the solution is exactly 0 and needs no iterations."""
    return lam >= data.lam_max(l1_ratio) * (1.0 - ZERO_FIT_SLACK)


def zero_fit(data, lam, l1_ratio, tol, method):
    """The all-zero solution (λ >= lam_max up to ZERO_FIT_SLACK), returned without iterating."""
    w = np.zeros(data.p)
    primal = 0.5 * data.y_scale
    # at w = 0 the dual point θ = s·y_c/n, s = min(1, λ/lam_max), has D = (s − s²/2)·||y_c||²/n, so the gap is
    # ½(1 − s)²·||y_c||²/n: exactly 0 for λ >= lam_max
    top = data.lam_max(l1_ratio)
    s = 1.0 if top <= lam else lam / top
    gap = 0.5 * (1.0 - s) ** 2 * data.y_scale
    return make_fit(data, w, primal, gap, 0, tol * data.y_scale, tol, lam, l1_ratio, method, None)
