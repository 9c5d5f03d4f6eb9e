"""Two-feature penalized least squares in Gram form: its objective, exact minimisers, and fixed-step descent.

With two features everything about the course's objective fits in five numbers.  On centered data

    (1/(2n))·||y − Xw − b||² + λ·P(w)  =  ½ wᵀG w − cᵀw + λ·P(w) + const,
    G = XcᵀXc / n  (2×2, the Gram matrix),   c = Xcᵀyc / n,

so the least-squares contours are ellipses around the OLS point G⁻¹c whose shape is G.  This module solves
that problem exactly (ridge by a 2×2 inverse, lasso by checking the few possible sign patterns) and runs
plain fixed-step (sub)gradient descent on it — the algorithm of chapter 2's trajectory widget.
Everything is scalar arithmetic, so a 500-step trajectory or 1 000 exact lasso solves take microseconds.

Ridge ``P = ½||w||²`` (gradient ``w``); lasso ``P = ||w||₁`` (subgradient ``sign(w)``, 0 at 0).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.jit import njit
from ..core.penalties import soft_threshold_scalar as _soft
from .._internal.validation import as_vector, as_Xy, check_choice, check_lam, check_scalar

__all__ = ["Quadratic2D", "lasso_2d", "ridge_2d", "descend_2d"]

PENALTIES = ("l2", "l1")


@njit(cache=True)
def _sign(x):
    if x > 0.0:
        return 1.0
    if x < 0.0:
        return -1.0
    return 0.0


@njit(cache=True)
def _lasso_objective(g11, g12, g22, c1, c2, lam, w1, w2):
    return 0.5 * (g11 * w1 * w1 + 2.0 * g12 * w1 * w2 + g22 * w2 * w2) - c1 * w1 - c2 * w2 \
        + lam * (abs(w1) + abs(w2))


@njit(cache=True)
def _lasso_2d_one(g11, g12, g22, c1, c2, lam):
    """Exact minimiser of ½wᵀGw − cᵀw + λ||w||₁ for a positive-definite 2×2 G.

    The solution has some support S and signs s; on that piece the objective is a smooth quadratic whose
    minimiser has a closed form.  Every such candidate is a feasible point and the true solution is one of
    them, so the candidate with the smallest objective IS the solution — no tolerance, no iteration.
    """
    best1, best2, best = 0.0, 0.0, 0.0  # candidate w = 0 (objective 0)
    # one feature active
    w = _soft(c1, lam) / g11
    f = _lasso_objective(g11, g12, g22, c1, c2, lam, w, 0.0)
    if f < best:
        best1, best2, best = w, 0.0, f
    w = _soft(c2, lam) / g22
    f = _lasso_objective(g11, g12, g22, c1, c2, lam, 0.0, w)
    if f < best:
        best1, best2, best = 0.0, w, f
    # both active with signs (s1, s2): G w = c − λ s
    det = g11 * g22 - g12 * g12
    if det > 0.0:
        for s1 in (-1.0, 1.0):
            for s2 in (-1.0, 1.0):
                r1 = c1 - lam * s1
                r2 = c2 - lam * s2
                w1 = (g22 * r1 - g12 * r2) / det
                w2 = (g11 * r2 - g12 * r1) / det
                if w1 * s1 > 0.0 and w2 * s2 > 0.0:
                    f = _lasso_objective(g11, g12, g22, c1, c2, lam, w1, w2)
                    if f < best:
                        best1, best2, best = w1, w2, f
    return best1, best2


@njit(cache=True)
def _lasso_2d_many(G, C, lam):
    m = G.shape[0]
    out = np.empty((m, 2))
    for i in range(m):
        w1, w2 = _lasso_2d_one(G[i, 0, 0], G[i, 0, 1], G[i, 1, 1], C[i, 0], C[i, 1], lam)
        out[i, 0] = w1
        out[i, 1] = w2
    return out


def _as_gram_batch(G, c):
    G = np.ascontiguousarray(G, dtype=np.float64)
    c = np.ascontiguousarray(c, dtype=np.float64)
    single = G.ndim == 2
    if single:
        G, c = G[None], c[None]
    if G.shape[1:] != (2, 2) or c.shape != (G.shape[0], 2):
        raise ValueError(f"G must be (2, 2) or (m, 2, 2) and c (2,) or (m, 2); got {G.shape} and {c.shape}")
    if not (np.all(np.isfinite(G)) and np.all(np.isfinite(c))):
        raise ValueError("G and c must be finite")
    return G, c, single


def lasso_2d(G, c, lam):
    """Exact lasso solution(s) of ``½wᵀGw − cᵀw + λ||w||₁`` for 2×2 positive-definite ``G``.

    ``G`` (2, 2) and ``c`` (2,) give a (2,) array; a batch ``G`` (m, 2, 2), ``c`` (m, 2) gives (m, 2).
    With ``G = XcᵀXc/n`` and ``c = Xcᵀyc/n`` this is ``cl.lasso(X, y, lam)`` for a two-column X.
    """
    lam = check_lam(lam)
    G, c, single = _as_gram_batch(G, c)
    out = _lasso_2d_many(G, c, lam)
    return out[0] if single else out


def ridge_2d(G, c, lam):
    """Ridge solution(s) ``(G + λI)⁻¹c`` by the explicit 2×2 inverse; shapes as in ``lasso_2d``.

    λ = 0 is ordinary least squares (needs a non-singular G).
    """
    lam = check_lam(lam)
    G, c, single = _as_gram_batch(G, c)
    a = G[:, 0, 0] + lam
    d = G[:, 1, 1] + lam
    b = G[:, 0, 1]
    det = a * d - b * b
    out = np.empty_like(c)
    out[:, 0] = (d * c[:, 0] - b * c[:, 1]) / det
    out[:, 1] = (a * c[:, 1] - b * c[:, 0]) / det
    return out[0] if single else out


@njit(cache=True)
def _descend(G, c, lam, step, n_steps, w0, l1):
    path = np.empty((n_steps + 1, 2))
    w1, w2 = w0[0], w0[1]
    path[0, 0], path[0, 1] = w1, w2
    for k in range(n_steps):
        g1 = G[0, 0] * w1 + G[0, 1] * w2 - c[0]
        g2 = G[1, 0] * w1 + G[1, 1] * w2 - c[1]
        if l1:  # subgradient sign(w), choosing 0 at w = 0
            g1 += lam * _sign(w1)
            g2 += lam * _sign(w2)
        else:
            g1 += lam * w1
            g2 += lam * w2
        w1 -= step * g1
        w2 -= step * g2
        path[k + 1, 0], path[k + 1, 1] = w1, w2
    return path


def descend_2d(G, c, lam, step, n_steps, w0=(0.0, 0.0), penalty="l2"):
    """Iterates of fixed-step (sub)gradient descent on ``½wᵀGw − cᵀw + λ·P(w)``: array (n_steps + 1, 2).

    ``w_{k+1} = w_k − step·(G w_k − c + λ·∂P(w_k))`` with ∂P = w (``"l2"``) or sign(w) (``"l1"``, 0 at 0).
    Row 0 is ``w0``.  Nothing is clipped: a too-large step diverges, as it would in any code.
    """
    G, c, _ = _as_gram_batch(G, c)
    lam = check_lam(lam)
    step = check_scalar(step, "step", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", low=0, integer=True)
    check_choice(penalty, "penalty", PENALTIES)
    w0 = as_vector(w0, "w0")
    if w0.shape != (2,):
        raise ValueError(f"w0 must have 2 entries, got {w0.shape[0]}")
    with np.errstate(over="ignore", invalid="ignore"):
        return _descend(G[0], c[0], lam, step, n_steps, w0, penalty == "l1")


@dataclass(frozen=True)
class Quadratic2D:
    """The objective ``½wᵀGw − cᵀw + λ·P(w) + const`` of a two-feature least-squares problem.

    ``const = ||yc||²/(2n)`` makes ``objective`` equal the course objective ``(1/(2n))||y − Xw − b||² + λP(w)``
    at the best intercept.  Build it from data with ``Quadratic2D.from_data(X, y)`` or from ``G``
    and the OLS point with ``Quadratic2D.from_ols(G, w_ols)``.
    """

    G: np.ndarray
    c: np.ndarray
    const: float = 0.0

    @classmethod
    def from_data(cls, X, y):
        X, y = as_Xy(X, y)
        if X.shape[1] != 2:
            raise ValueError(f"X must have exactly 2 columns, got {X.shape[1]}")
        n = X.shape[0]
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        return cls(G=Xc.T @ Xc / n, c=Xc.T @ yc / n, const=float(yc @ yc / (2 * n)))

    @classmethod
    def from_ols(cls, G, w_ols, loss_at_ols=0.0):
        """The quadratic with Hessian ``G`` whose unpenalized minimum ``loss_at_ols`` is at ``w_ols``."""
        G = np.array(G, dtype=float)
        w_ols = np.array(w_ols, dtype=float)
        c = G @ w_ols
        return cls(G=G, c=c, const=float(loss_at_ols + 0.5 * w_ols @ G @ w_ols))

    @property
    def ols(self) -> np.ndarray:
        return np.linalg.solve(self.G, self.c)

    @property
    def lipschitz(self) -> float:
        """Largest eigenvalue of G: the data term's gradient is L-Lipschitz with this L."""
        return float(np.linalg.eigvalsh(self.G)[-1])

    def loss(self, w):
        """The least-squares part ``½wᵀGw − cᵀw + const`` (vectorised over leading axes of ``w[..., 2]``)."""
        w = np.asarray(w, dtype=float)
        Gw = w @ self.G
        return 0.5 * np.sum(Gw * w, axis=-1) - w @ self.c + self.const

    def penalty(self, w, penalty="l2"):
        w = np.asarray(w, dtype=float)
        check_choice(penalty, "penalty", PENALTIES)
        return 0.5 * np.sum(w * w, axis=-1) if penalty == "l2" else np.sum(np.abs(w), axis=-1)

    def objective(self, w, lam, penalty="l2"):
        return self.loss(w) + lam * self.penalty(w, penalty)

    def minimizer(self, lam, penalty="l2") -> np.ndarray:
        """The exact solution: ridge ``(G + λI)⁻¹c`` or the 2-D lasso by sign patterns."""
        check_choice(penalty, "penalty", PENALTIES)
        return ridge_2d(self.G, self.c, lam) if penalty == "l2" else lasso_2d(self.G, self.c, lam)

    def descend(self, lam, step, n_steps, w0=(0.0, 0.0), penalty="l2") -> np.ndarray:
        return descend_2d(self.G, self.c, lam, step, n_steps, w0=w0, penalty=penalty)

    def max_stable_step(self, lam, penalty="l2") -> float:
        """Gradient descent on a quadratic with Hessian H converges iff step < 2/λ_max(H).

        H = G + λI for ridge; for the L1 subgradient the smooth part's H = G (the sign term never
        converges with a fixed step anyway, it only keeps hopping at a scale step·λ)."""
        return 2.0 / (self.lipschitz + (lam if penalty == "l2" else 0.0))
