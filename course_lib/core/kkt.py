"""Optimality of a lasso solution, checked coordinate by coordinate (the KKT conditions).

Objective (every solver in the course)::

    F(w, b) = (1/(2n))·||y − Xw − b||² + λ·||w||₁,      intercept b unpenalized.

``F`` is convex but has a kink wherever a w_j is 0, so "the gradient is zero" is replaced by
``0 ∈ ∂F(w)``, the subdifferential.  With the residual ``r = y − Xw − b`` and the correlations
``c_j = x_jᵀr / n`` (minus the gradient of the smooth part), the subdifferential is the box

    ∂F(w)_j = −c_j + λ·sign(w_j)          if w_j ≠ 0   (a single number)
    ∂F(w)_j = [−c_j − λ, −c_j + λ]        if w_j = 0   (an interval, because ∂|0| = [−1, 1])

so ``w`` is optimal exactly when ``c_j = λ·sign(w_j)`` on the support and ``|c_j| ≤ λ`` off it.
The violation of coordinate j is the distance from 0 to ``∂F(w)_j``; their vector is the
minimum-norm subgradient, which is 0 exactly at a solution.  With ``fit_intercept=True`` the intercept
is taken at its optimum for the given w (``b = mean(y − Xw)``), i.e. X and y are centred.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_vector, as_Xy, check_lam

__all__ = [
    "abs_subdifferential", "lasso_correlations", "lasso_subdifferential", "min_norm_subgradient",
    "sign_subgradient", "lasso_kkt_violations", "KKTReport", "lasso_kkt_report", "optimality_table",
]


def abs_subdifferential(w):
    """The subdifferential of ``|·|`` at each entry of w, as two arrays ``(lo, hi)``.

    ``[1, 1]`` for w > 0, ``[−1, −1]`` for w < 0 and the whole interval ``[−1, 1]`` at 0: every slope
    between −1 and 1 gives a line through the origin that stays below the V of ``|w|``.
    """
    w = as_vector(w, "w")
    lo = np.where(w > 0, 1.0, -1.0)
    hi = np.where(w < 0, -1.0, 1.0)
    return lo, hi


def _data(X, y, coef, lam, fit_intercept):
    X, y = as_Xy(X, y)
    coef = as_vector(coef, "coef")
    if coef.shape[0] != X.shape[1]:
        raise ValueError(f"coef has {coef.shape[0]} entries but X has {X.shape[1]} columns; they must match")
    lam = check_lam(lam)
    if fit_intercept:  # the optimal intercept for this w: centre X and y
        X = X - X.mean(axis=0)
        y = y - y.mean()
    return X, y, coef, lam


def lasso_correlations(X, y, coef, fit_intercept=True) -> np.ndarray:
    """``c = Xᵀ(y − Xw − b)/n``: minus the gradient of the smooth part ``(1/(2n))||y − Xw − b||²``."""
    X, y, coef, _ = _data(X, y, coef, 0.0, fit_intercept)
    return X.T @ (y - X @ coef) / X.shape[0]


def lasso_subdifferential(X, y, coef, lam, fit_intercept=True):
    """``∂F(w)`` as per-coordinate intervals ``(lo, hi)``; lo == hi where w_j ≠ 0 (see module docstring)."""
    X, y, coef, lam = _data(X, y, coef, lam, fit_intercept)
    c = X.T @ (y - X @ coef) / X.shape[0]
    lo_abs, hi_abs = abs_subdifferential(coef)
    return -c + lam * lo_abs, -c + lam * hi_abs


def min_norm_subgradient(X, y, coef, lam, fit_intercept=True) -> np.ndarray:
    """The element of ``∂F(w)`` closest to 0 (0 in every coordinate exactly when w is a solution)."""
    lo, hi = lasso_subdifferential(X, y, coef, lam, fit_intercept)
    return np.clip(0.0, lo, hi)


def sign_subgradient(X, y, coef, lam, fit_intercept=True) -> np.ndarray:
    """The subgradient a subgradient method uses: ``−c + λ·sign(w)`` with ``sign(0) = 0``.

    It is a valid element of ∂F(w), but not the smallest one: at the solution it is *not* zero in the
    coordinates where w_j = 0 (there it equals −c_j, which can be anything in [−λ, λ]).
    """
    X, y, coef, lam = _data(X, y, coef, lam, fit_intercept)
    c = X.T @ (y - X @ coef) / X.shape[0]
    return -c + lam * np.sign(coef)


def lasso_kkt_violations(X, y, coef, lam, fit_intercept=True) -> np.ndarray:
    """Per-coordinate violation of the lasso KKT conditions (>= 0; all 0 exactly at a solution).

    ``|c_j − λ·sign(w_j)|`` on the support (the correlation must equal λ with the weight's sign) and
    ``max(|c_j| − λ, 0)`` off it (the correlation must not exceed λ), with ``c = Xᵀ(y − Xw − b)/n``.
    """
    return np.abs(min_norm_subgradient(X, y, coef, lam, fit_intercept))


def _small(v: float) -> str:
    """A violation for printing: values at rounding level (< 1e-12) are shown as such, not as noise digits."""
    if v == 0.0:
        return "0"
    return "< 1e-12 (rounding level)" if v < 1e-12 else f"{v:.2g}"


@dataclass
class KKTReport:
    """A summary of :func:`lasso_kkt_violations` for printing in a notebook."""

    lam: float
    correlations: np.ndarray   # c_j = x_jᵀr/n
    violations: np.ndarray     # distance from 0 to ∂F(w)_j
    support: np.ndarray        # indices with w_j ≠ 0

    @property
    def max_violation(self) -> float:
        return float(self.violations.max())

    @property
    def max_violation_on_support(self) -> float:
        return float(self.violations[self.support].max()) if self.support.size else 0.0

    @property
    def max_violation_off_support(self) -> float:
        off = np.setdiff1d(np.arange(self.violations.size), self.support)
        return float(self.violations[off].max()) if off.size else 0.0

    @property
    def largest_inactive_ratio(self) -> float:
        """``max |c_j|/λ`` off the support: below 1 means every zero weight is firmly zero."""
        off = np.setdiff1d(np.arange(self.violations.size), self.support)
        if not off.size or self.lam == 0:
            return 0.0
        return float(np.abs(self.correlations[off]).max() / self.lam)

    def is_optimal(self, tol: float = 1e-6) -> bool:
        return self.max_violation <= tol

    def __repr__(self) -> str:
        p = self.violations.size
        return (f"KKT check at λ = {self.lam:.4g}: {self.support.size} of {p} weights non-zero\n"
                f"  on the support   max |c_j − λ·sign(w_j)| = {_small(self.max_violation_on_support)}\n"
                f"  off the support  max |c_j| = {self.largest_inactive_ratio:.3f}·λ"
                f"  (violation {_small(self.max_violation_off_support)})\n"
                f"  largest violation: {_small(self.max_violation)}")


def lasso_kkt_report(X, y, coef, lam, fit_intercept=True) -> KKTReport:
    """Check the lasso KKT conditions at ``coef`` and summarise them (see :class:`KKTReport`)."""
    X, y, coef, lam = _data(X, y, coef, lam, fit_intercept)
    c = X.T @ (y - X @ coef) / X.shape[0]
    lo_abs, hi_abs = abs_subdifferential(coef)
    viol = np.abs(np.clip(0.0, -c + lam * lo_abs, -c + lam * hi_abs))
    return KKTReport(lam=lam, correlations=c, violations=viol, support=np.flatnonzero(coef))


def optimality_table(X, y, lam, points, f_star, fit_intercept=True) -> str:
    """Four measures of (non-)optimality for named points ``{name: coef}``, as a printable table.

    ``F − F*`` (needs F*), the norm of the subgradient a subgradient method uses (sign(0) = 0), the
    largest KKT violation (the minimum-norm subgradient's largest entry) and the duality gap.
    """
    from .duality import duality_gap

    Xa, ya = as_Xy(X, y)
    head = f"{'point':<26}{'F − F*':>11}{'||sign subgradient||':>22}{'largest KKT violation':>23}{'duality gap':>13}"
    lines = [head]
    for name, coef in points.items():
        coef = as_vector(coef, "coef")
        r = ya - Xa @ coef
        b = float(r.mean()) if fit_intercept else 0.0
        f = float(0.5 * np.mean((r - b) ** 2) + lam * np.abs(coef).sum())
        g = sign_subgradient(Xa, ya, coef, lam, fit_intercept)
        viol = lasso_kkt_violations(Xa, ya, coef, lam, fit_intercept).max()
        gap = duality_gap(Xa, ya, coef, lam, fit_intercept=fit_intercept)
        lines.append(f"{name:<26}{_tiny(f - f_star):>11}{np.linalg.norm(g):>22.3g}{_tiny(viol):>23}{_tiny(gap):>13}")
    lines.append("(values below 1e-12 are at rounding level and shown as 0)")
    return "\n".join(lines)


def _tiny(v: float) -> str:
    return "0" if abs(v) < 1e-12 else f"{v:.1e}"
