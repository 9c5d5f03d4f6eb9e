"""A two-feature lasso problem built to order, for drawing solver trajectories in the (w1, w2) plane.

Given a Gram matrix ``H`` (2×2, positive definite) and a least-squares solution ``c``, it builds data
``X`` (4×2) and ``y`` with centred columns (so the intercept is 0) such that ``XᵀX/n = H`` and
``Xᵀy/n = Hc``.  The course's objective then reads exactly

    F(w) = (1/(2n))·||y − Xw||² + λ·||w||₁ = ½(w − c)ᵀH(w − c) + F₀ + λ·||w||₁,

so its contours are the ellipses of ``H`` around ``c`` bent by the kinks of ``λ||w||₁`` along the axes.
The default problem has negatively correlated features, least-squares solution (1.5, 0.5) and, at
λ = 0.5, the lasso solution (0.6, 0): the second weight is exactly zero.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_vector, check_lam
from .quadratic_2d import lasso_2d

__all__ = ["TwoFeatureLasso", "two_feature_lasso"]

DEFAULT_GRAM = ((1.0, -0.8), (-0.8, 1.0))
DEFAULT_OLS = (1.5, 0.5)
DEFAULT_LAM = 0.5
DEFAULT_START = (-1.0, -0.6)


@dataclass(frozen=True)
class TwoFeatureLasso:
    """Data and closed-form pieces of a 2-feature lasso problem (see the module docstring)."""

    X: np.ndarray
    y: np.ndarray
    lam: float
    gram: np.ndarray      # H = XᵀX/n
    ols: np.ndarray       # c, the least-squares solution
    start: np.ndarray     # where the demo's solvers start

    @property
    def lipschitz(self) -> float:
        """L = largest eigenvalue of H: the gradient of the smooth part is L-Lipschitz."""
        return float(np.linalg.eigvalsh(self.gram)[-1])

    def objective(self, w1, w2):
        """F on arrays of w1 and w2 (any matching shapes)."""
        H, c = self.gram, self.ols
        d1, d2 = np.asarray(w1, dtype=float) - c[0], np.asarray(w2, dtype=float) - c[1]
        smooth = 0.5 * (H[0, 0] * d1 * d1 + 2.0 * H[0, 1] * d1 * d2 + H[1, 1] * d2 * d2) + self.offset
        return smooth + self.lam * (np.abs(w1) + np.abs(w2))

    @property
    def offset(self) -> float:
        """F₀ = (1/(2n))||y||² − ½cᵀHc, the least-squares loss at c."""
        n = self.y.shape[0]
        return float(self.y @ self.y / (2 * n) - 0.5 * self.ols @ self.gram @ self.ols)

    def solution(self) -> np.ndarray:
        """The exact lasso solution (sign patterns enumerated: ``course_lib.toys.quadratic_2d.lasso_2d``)."""
        return lasso_2d(self.gram, self.gram @ self.ols, self.lam) + 0.0


def two_feature_lasso(gram=DEFAULT_GRAM, ols=DEFAULT_OLS, lam=DEFAULT_LAM, start=DEFAULT_START) -> TwoFeatureLasso:
    """Build the data of a 2-feature lasso with ``XᵀX/n = gram`` and least-squares solution ``ols``."""
    H = np.asarray(gram, dtype=float)
    if H.shape != (2, 2) or not np.allclose(H, H.T) or np.linalg.eigvalsh(H)[0] <= 0:
        raise ValueError("gram must be a symmetric positive definite 2×2 matrix")
    c = as_vector(ols, "ols")
    if c.shape != (2,):
        raise ValueError(f"ols must have 2 entries, got {c.shape[0]}")
    lam = check_lam(lam)
    start = as_vector(start, "start")
    # Rows A and −A give centred columns; n = 4, so XᵀX/n = AᵀA/2 and Xᵀy/n = Aᵀu/2.
    A = np.sqrt(2.0) * np.linalg.cholesky(H).T          # AᵀA = 2H
    u = 2.0 * np.linalg.solve(A.T, H @ c)                # Aᵀu/2 = Hc
    X = np.ascontiguousarray(np.vstack([A, -A]))
    y = np.concatenate([u, -u])
    return TwoFeatureLasso(X=X, y=y, lam=lam, gram=H, ols=c, start=start)


# --- trajectories of the course's solvers on it ------------------------------------------------------
TRAJECTORY_METHODS = {
    "subgradient, constant step": ("subgradient", "constant_step"),
    "subgradient, constant length": ("subgradient", "constant_length"),
    "subgradient, step η/√k": ("subgradient", "diminishing"),
    "ISTA (step 1/L)": ("ista", None),
    "FISTA (step 1/L)": ("fista", None),
    "coordinate descent": ("cd", None),
}


def solver_trajectory(problem: TwoFeatureLasso, method: str, n_iter: int, step: float = 0.5, prepared=None):
    """The iterates of one of the course's solvers on ``problem``, as an (m, 2) array (row 0 the start).

    ``method`` is a key of ``TRAJECTORY_METHODS``; ``step`` is used by the subgradient rules only (ISTA and
    FISTA take the step 1/L, coordinate descent needs none).  For coordinate descent every single
    coordinate update is a row (the staircase), ``n_iter`` counting epochs.  ``prepared`` may be a
    ``LassoProblem`` of the same data, built once (what the widget does).
    """
    import warnings

    from .._internal.warnings import ConvergenceWarning
    from ..solvers.lasso import LassoProblem

    solver, rule = TRAJECTORY_METHODS[method]
    prob = prepared if prepared is not None else LassoProblem(problem.X, problem.y)
    options = {"step_rule": rule, "step": step} if solver == "subgradient" else {}
    record = "updates" if solver == "cd" else True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        fit = prob.fit(problem.lam, method=solver, tol=1e-15, max_iter=n_iter, coef_init=problem.start,
                       record=record, **options)
    return fit.history["coef_updates"] if solver == "cd" else fit.history["coef"]
