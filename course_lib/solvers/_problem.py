"""Validated, centered data of one (X, y), shared by the lasso / elastic-net solvers.

The intercept is unpenalized, so it is fit by centering: with x̄, ȳ the column and target means, the
objective in (w, b) equals the objective of the centered data in w alone, and b = ȳ − x̄ᵀw.
Coordinate descent reads columns, so the centered design is stored transposed (``XT``, p × n, C order):
column j of X_c is the contiguous row ``XT[j]``.
"""
from __future__ import annotations

import math
import warnings

import numpy as np

from .._internal.jit import njit
from .._internal.vector_ops import dot
from .._internal.validation import (as_design, as_target, check_bool, check_coef_init, check_fit_data,
                                   check_l1_ratio, check_lam, check_max_iter, check_tol, constant_columns)
from .._internal.warnings import ConvergenceWarning
from ..core.results import Fit

# A record=True history is preallocated for max_iter rows; refuse absurd sizes with a clear message.
MAX_RECORD_VALUES = 20_000_000


def _checked_Xy(X, y):
    """as_design / as_target, with a fast path for the common case (float64 C-contiguous arrays)."""
    if (type(X) is np.ndarray and type(y) is np.ndarray and X.dtype == np.float64 and y.dtype == np.float64
            and X.ndim == 2 and y.ndim == 1 and X.shape[0] == y.shape[0] and X.shape[0] > 0 and X.shape[1] > 0
            and X.flags.c_contiguous and y.flags.c_contiguous and np.isfinite(X).all() and np.isfinite(y).all()):
        return X, y
    X = as_design(X)
    return X, as_target(y, X.shape[0])


@njit(cache=True)
def center_transpose(X, x_mean, yc, XT, col_sq, xty):
    """XT = (X − x̄)ᵀ in cache-sized blocks (one pass), then ||x_j||²/n and x_jᵀy_c/n per column."""
    n, p = X.shape
    block = 32
    for i0 in range(0, n, block):
        i1 = min(i0 + block, n)
        for j0 in range(0, p, block):
            j1 = min(j0 + block, p)
            for j in range(j0, j1):
                m = x_mean[j]
                for i in range(i0, i1):
                    XT[j, i] = X[i, j] - m
    for j in range(p):
        col_sq[j] = dot(XT[j], XT[j]) / n
        xty[j] = dot(XT[j], yc) / n


class Data:
    """Centered, transposed data plus what every solver needs (computed once)."""

    __slots__ = ("n", "p", "XT", "y", "x_mean", "y_mean", "col_sq", "xty", "y_scale",
                 "fit_intercept", "all_feats", "constant", "nonconstant", "_lipschitz", "_ls_dual", "_top")

    def __init__(self, X, y, fit_intercept=True):
        X, y = check_fit_data(*_checked_Xy(X, y))  # scale a fit cannot represent: 'rescale X/y'
        n, p = X.shape
        self.n, self.p = n, p
        self.fit_intercept = check_bool(fit_intercept, "fit_intercept")
        if self.fit_intercept:
            self.x_mean = X.mean(axis=0)
            self.y_mean = float(y.mean())
        else:
            self.x_mean = np.zeros(p)
            self.y_mean = 0.0
        self.y = y - self.y_mean
        self.XT = np.empty((p, n))
        self.col_sq = np.empty(p)  # ||x_j||²/n of the centered columns
        self.xty = np.empty(p)  # x_jᵀ(y − ȳ)/n
        if n * p <= 100_000:  # small: one kernel call beats several numpy calls
            center_transpose(X, self.x_mean, self.y, self.XT, self.col_sq, self.xty)
        else:  # large: numpy's strided copy is the faster transpose, BLAS the faster products
            np.subtract(X.T, self.x_mean[:, None], out=self.XT)
            np.einsum("ji,ji->j", self.XT, self.XT, out=self.col_sq)
            self.col_sq /= n
            np.matmul(self.XT, self.y, out=self.xty)
            self.xty /= n
        # a column that is constant up to rounding (relative to its own magnitude) is exactly constant
        self.col_sq[constant_columns(self.col_sq, np.max(np.abs(X), axis=0))] = 0.0
        self.y_scale = float(self.y @ self.y) / n  # ||y − ȳ||²/n, the unit of tol
        self.all_feats = np.arange(p)
        self.constant = np.flatnonzero(self.col_sq == 0.0)
        self.nonconstant = np.flatnonzero(self.col_sq > 0.0)
        self._lipschitz = None
        self._ls_dual = None
        self._top = None

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
            small = self.XT @ self.XT.T if self.p <= self.n else self.XT.T @ self.XT
            self._lipschitz = float(np.linalg.eigvalsh(small)[-1]) / self.n if small.size else 0.0
        return self._lipschitz

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
        """y_c − X_c w."""
        if self.p <= 64:
            return self.y - w @ self.XT
        nz = np.flatnonzero(w)
        if nz.size == 0:
            return self.y.copy()
        return self.y - w[nz] @ self.XT[nz]

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
