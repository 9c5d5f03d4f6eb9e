"""The lasso in one coordinate, and the two kinds of step a solver can take on it.

With one standardised feature (``xᵀx/n = 1``, no intercept) the course's objective
``(1/(2n))||y − xw||² + λ|w|`` equals, up to a constant,

    F(w) = ½(w − z)² + λ|w|,         z = xᵀy/n  (the least-squares estimate),

whose minimiser is the soft-threshold ``S(z, λ) = sign(z)·max(|z| − λ, 0)``.  Coordinate descent solves
exactly this problem for one coordinate at a time, and every first-order lasso solver moves each
coordinate by one of two rules:

* a **subgradient step**   ``w ← w − η·((w − z) + λ·sign(w))``: the penalty pushes by ``ηλ`` towards 0
  whatever the size of w, so a small w jumps *over* 0 instead of stopping there;
* a **proximal step**      ``w ← S(w − η·(w − z), ηλ)``: a gradient step on the smooth part, then
  soft-thresholding, which returns exactly 0 for every input in ``[−ηλ, ηλ]``.
"""
from __future__ import annotations

import numpy as np

from ..core.penalties import soft_threshold_scalar
from .._internal.validation import check_choice, check_lam, check_max_iter, check_scalar

__all__ = ["scalar_lasso_objective", "scalar_lasso_solution", "scalar_lasso_subdifferential",
           "subgradient_steps_1d", "prox_steps_1d", "first_exact_zero"]

STEP_RULES_1D = ("constant", "diminishing")


def scalar_lasso_objective(w, z, lam):
    """``½(w − z)² + λ|w|`` (elementwise in w)."""
    w = np.asarray(w, dtype=float)
    return 0.5 * (w - z) ** 2 + lam * np.abs(w)


def scalar_lasso_solution(z, lam) -> float:
    """The minimiser ``S(z, λ)`` of ``½(w − z)² + λ|w|``."""
    z = check_scalar(z, "z")
    lam = check_lam(lam)
    return soft_threshold_scalar(z, lam) + 0.0


def scalar_lasso_subdifferential(w, z, lam):
    """``∂F(w) = (w − z) + λ·∂|w|`` as an interval ``(lo, hi)``; lo == hi unless w = 0."""
    w, z, lam = check_scalar(w, "w"), check_scalar(z, "z"), check_lam(lam)
    if w != 0.0:
        g = (w - z) + lam * np.sign(w)
        return float(g), float(g)
    return float(-z - lam), float(-z + lam)


def _checked(z, lam, step, n_steps, w0):
    return (check_scalar(z, "z"), check_lam(lam), check_scalar(step, "step", low=0.0, low_inclusive=False),
            check_max_iter(n_steps), check_scalar(w0, "w0"))


def subgradient_steps_1d(z, lam, step, n_steps, w0=2.0, rule="constant") -> np.ndarray:
    """Iterates ``w_0 … w_K`` of the subgradient method on ``½(w − z)² + λ|w|`` (sign(0) = 0).

    ``rule="constant"`` uses the step η every time, ``"diminishing"`` uses ``η/√(k+1)`` at step k.
    """
    z, lam, step, n_steps, w = _checked(z, lam, step, n_steps, w0)
    check_choice(rule, "rule", STEP_RULES_1D)
    out = np.empty(n_steps + 1)
    out[0] = w
    for k in range(n_steps):
        eta = step if rule == "constant" else step / np.sqrt(k + 1.0)
        g = (w - z) + lam * np.sign(w)      # one element of ∂F(w)
        w = w - eta * g
        out[k + 1] = w
    return out


def prox_steps_1d(z, lam, step, n_steps, w0=2.0) -> np.ndarray:
    """Iterates of proximal gradient (ISTA) on ``½(w − z)² + λ|w|``: gradient step, then ``S(·, ηλ)``."""
    z, lam, step, n_steps, w = _checked(z, lam, step, n_steps, w0)
    out = np.empty(n_steps + 1)
    out[0] = w
    for k in range(n_steps):
        v = w - step * (w - z)              # gradient step on the smooth part only
        t = step * lam                      # the threshold is η·λ, not λ
        w = soft_threshold_scalar(v, t) + 0.0
        out[k + 1] = w
    return out


def first_exact_zero(iterates, stays=True):
    """Index of the first iterate that is exactly 0 (and, if ``stays``, remains 0 to the end); None if none."""
    it = np.asarray(iterates, dtype=float)
    zero = it == 0.0
    if not zero.any():
        return None
    if not stays:
        return int(np.argmax(zero))
    if not zero[-1]:
        return None
    nonzero = np.flatnonzero(~zero)
    return 0 if nonzero.size == 0 else int(nonzero[-1] + 1)
