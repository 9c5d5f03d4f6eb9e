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
from .._internal.validation import (as_design, as_target, check_bool, check_coef_init, check_fit_data,
                                   check_l1_ratio, check_lam, check_max_iter, check_tol, constant_columns)
from .._internal.warnings import ConvergenceWarning
from ..core.duality import axpy_centered, dot_centered, lipschitz_constant
from ..core.results import Fit

# A record=True history is preallocated for max_iter rows; refuse absurd sizes with a clear message.
MAX_RECORD_VALUES = 20_000_000
# a centered column whose spread is below this fraction of its own largest |entry| is constant up to rounding


def _checked_Xy(X, y):
    """as_design / as_target, with a fast path for float64 arrays that are C- or Fortran-contiguous.

    The fast path tests finiteness through the sum (NaN/inf propagate; an overflowing sum of finite entries
    only sends X down the full check), so no n × p boolean mask is allocated."""
    if (type(X) is np.ndarray and type(y) is np.ndarray and X.dtype == np.float64 and y.dtype == np.float64
            and X.ndim == 2 and y.ndim == 1 and X.shape[0] == y.shape[0] and X.shape[0] > 0 and X.shape[1] > 0
            and (X.flags.c_contiguous or X.flags.f_contiguous) and y.flags.c_contiguous
            and math.isfinite(float(X.sum())) and math.isfinite(float(y.sum()))):  # no n × p mask
        return X, y
    X = as_design(X)
    return X, as_target(y, X.shape[0])


@njit(cache=True)
def column_stats(Xt, x_mean, yc, col_sq, xty, col_max):
    """Per column of X (rows of Xt), centered on the fly: ||x_j − x̄_j||²/n, (x_j − x̄_j)ᵀy_c/n, max|x_ij|."""
    p, n = Xt.shape
    for j in range(p):
        xj = Xt[j]
        m = x_mean[j]
        big = 0.0
        for i in range(n):
            a = abs(xj[i])
            if a > big:
                big = a
        col_max[j] = big
        s = 0.0
        for i in range(n):
            d = xj[i] - m
            s += d * d
        col_sq[j] = s / n
        xty[j] = dot_centered(xj, m, yc) / n


@njit(cache=True)
def subtract_columns(Xt, x_mean, c, idx, r):
    """r −= Σ_{j in idx} c_j (x_j − x̄_j), in place."""
    for jj in range(idx.shape[0]):
        j = idx[jj]
        axpy_centered(c[j], Xt[j], x_mean[j], r)


class Data:
    """Transposed (uncentered) data, column means, and what every solver needs (computed once)."""

    __slots__ = ("n", "p", "Xt", "y", "x_mean", "y_mean", "col_sq", "xty", "y_scale", "fit_intercept",
                 "all_feats", "constant", "nonconstant", "_lipschitz", "_ls_dual", "_top", "_XT", "_gram")

    def __init__(self, X, y, fit_intercept=True):
        X, y = check_fit_data(*_checked_Xy(X, y))  # scale a fit cannot represent: 'rescale X/y'
        n, p = X.shape
        self.n, self.p = n, p
        self.fit_intercept = check_bool(fit_intercept, "fit_intercept")
        # column j of X as a contiguous row: a view for Fortran order, else one converted copy
        self.Xt = X.T if X.flags.f_contiguous else np.asfortranarray(X).T
        if self.fit_intercept:
            self.x_mean = self.Xt.mean(axis=1)
            self.y_mean = float(y.mean())
        else:
            self.x_mean = np.zeros(p)
            self.y_mean = 0.0
        self.y = y - self.y_mean
        self.col_sq = np.empty(p)  # ||x_j − x̄_j||²/n
        self.xty = np.empty(p)  # (x_j − x̄_j)ᵀ(y − ȳ)/n
        col_max = np.empty(p)
        column_stats(self.Xt, self.x_mean, self.y, self.col_sq, self.xty, col_max)
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


def zero_fit(data, lam, l1_ratio, tol, method):
    """The exact all-zero solution (λ >= lam_max), returned without iterating."""
    w = np.zeros(data.p)
    primal = 0.5 * data.y_scale
    # at w = 0 and λ >= lam_max the unscaled residual is dual-feasible: the gap is exactly 0
    return make_fit(data, w, primal, 0.0, 0, tol * data.y_scale, tol, lam, l1_ratio, method, None)
