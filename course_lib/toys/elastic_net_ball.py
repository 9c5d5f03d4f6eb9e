"""The elastic-net constraint region in two dimensions, and the exact optimum of a quadratic inside it.

Elastic-net penalty (the course's convention, = glmnet, scikit-learn ``ElasticNet``)::

    P_r(w) = r·||w||₁ + (1 − r)/2·||w||₂²,      r = l1_ratio in [0, 1].

The region ``{w : P_r(w) <= P_r((1, 0))}`` always passes through (±1, 0) and (0, ±1): at r = 1 it is the
L1 diamond, at r = 0 the L2 disk, and in between a "rounded diamond" whose edges bulge outwards but whose
four corners stay sharp for every r > 0 (the |w_j| term has a kink at w_j = 0 whatever its weight).  The
corners are why the elastic net still returns exact zeros; the bulging edges are why it no longer has to
choose between two correlated features.

``elastic_net_budget_optimum`` minimises ``½(w − c)ᵀH(w − c)`` over that region (any budget), exactly:
for a multiplier μ the penalized problem ``½(w − c)ᵀH(w − c) + μ·P_r(w)`` is solved by enumerating the
nine sign patterns of (w₁, w₂) (each gives a linear system; the best candidate is the minimiser), and μ
is found by bisection so that the budget is met.  Coordinates outside the chosen support are exactly 0.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from .._internal.validation import as_vector, check_l1_ratio, check_scalar

__all__ = ["elastic_net_unit_budget", "elastic_net_ball_outline", "elastic_net_budget_optimum",
           "corner_threshold_ratio", "BRIDGE_CENTER", "bridge_problem", "bridge_solution",
           "first_ratio_with_zero"]


def elastic_net_unit_budget(l1_ratio) -> float:
    """``P_r((1, 0)) = r + (1 − r)/2``: the budget whose region passes through the four unit points."""
    r = check_l1_ratio(l1_ratio)
    return r + 0.5 * (1.0 - r)


def elastic_net_ball_outline(l1_ratio, budget=None, n=721):
    """Points (2, n) on the boundary ``P_r(w) = budget`` (default: the unit budget), by angle.

    Along the ray ``ρ·u`` (u a unit direction) the penalty is ``r·ρ·||u||₁ + (1−r)/2·ρ²``, so the boundary
    radius is the positive root of that quadratic in ρ.  The angles include the four axis directions.
    """
    r = check_l1_ratio(l1_ratio)
    t = elastic_net_unit_budget(r) if budget is None else check_scalar(budget, "budget", low=0.0)
    theta = np.linspace(0.0, 2.0 * np.pi, check_scalar(n, "n", low=5, integer=True))
    u1, u2 = np.cos(theta), np.sin(theta)
    l1 = np.abs(u1) + np.abs(u2)
    a = 0.5 * (1.0 - r)
    if a == 0.0:
        rho = t / l1
    else:
        rho = (-r * l1 + np.sqrt((r * l1) ** 2 + 4.0 * a * t)) / (2.0 * a)
    return np.vstack([rho * u1, rho * u2])


@njit(cache=True)
def _penalty(w1, w2, r):
    return r * (abs(w1) + abs(w2)) + 0.5 * (1.0 - r) * (w1 * w1 + w2 * w2)


@njit(cache=True)
def _penalized_2d(h11, h12, h22, b1, b2, mu, r):
    """Exact argmin of ½wᵀHw − bᵀw + μ·P_r(w) (H positive definite) by enumerating sign patterns.

    On a fixed support and sign pattern the objective is a smooth quadratic with a closed-form minimiser;
    the true minimiser is one of these candidates, so the candidate with the smallest objective is it.
    """
    a = mu * (1.0 - r)  # ridge part adds a·I to H
    best1, best2 = 0.0, 0.0
    best = 0.0  # objective at w = 0
    for s1 in (-1.0, 1.0):  # support {1}
        w1 = (b1 - mu * r * s1) / (h11 + a)
        f = 0.5 * h11 * w1 * w1 - b1 * w1 + mu * _penalty(w1, 0.0, r)
        if f < best:
            best, best1, best2 = f, w1, 0.0
    for s2 in (-1.0, 1.0):  # support {2}
        w2 = (b2 - mu * r * s2) / (h22 + a)
        f = 0.5 * h22 * w2 * w2 - b2 * w2 + mu * _penalty(0.0, w2, r)
        if f < best:
            best, best1, best2 = f, 0.0, w2
    det = (h11 + a) * (h22 + a) - h12 * h12
    for s1 in (-1.0, 1.0):  # support {1, 2}
        for s2 in (-1.0, 1.0):
            g1 = b1 - mu * r * s1
            g2 = b2 - mu * r * s2
            w1 = ((h22 + a) * g1 - h12 * g2) / det
            w2 = ((h11 + a) * g2 - h12 * g1) / det
            if w1 == 0.0 or w2 == 0.0:
                continue
            f = 0.5 * (h11 * w1 * w1 + 2.0 * h12 * w1 * w2 + h22 * w2 * w2) - b1 * w1 - b2 * w2 \
                + mu * _penalty(w1, w2, r)
            if f < best:
                best, best1, best2 = f, w1, w2
    return best1, best2


@njit(cache=True)
def _budget_2d(h11, h12, h22, c1, c2, t, r):
    if _penalty(c1, c2, r) <= t:
        return c1, c2, 0.0
    b1 = h11 * c1 + h12 * c2
    b2 = h12 * c1 + h22 * c2
    lo, hi = -30.0, 30.0  # bisection on log10(μ): the penalty of the solution decreases with μ
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        w1, w2 = _penalized_2d(h11, h12, h22, b1, b2, 10.0 ** mid, r)
        if _penalty(w1, w2, r) > t:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-14:
            break
    w1, w2 = _penalized_2d(h11, h12, h22, b1, b2, 10.0 ** hi, r)  # hi side: always feasible
    return w1, w2, 10.0 ** hi


def elastic_net_budget_optimum(H, center, l1_ratio, budget=None):
    """Exact minimiser of ``½(w − c)ᵀH(w − c)`` subject to ``P_r(w) <= budget`` in two dimensions.

    H : 2×2 symmetric positive definite; center : c, the unconstrained optimum; budget defaults to the
    unit budget (region through (±1, 0), (0, ±1)).  Returns ``(w, mu)``: the solution (exact zeros where
    the optimum sits on a corner) and the multiplier μ of the budget (0 when c is inside the region).
    The KKT conditions of the penalized form with that μ hold at w up to the bisection's precision.
    """
    H = np.asarray(H, dtype=np.float64)
    if H.shape != (2, 2) or not np.allclose(H, H.T) or np.linalg.eigvalsh(0.5 * (H + H.T))[0] <= 0:
        raise ValueError("H must be a symmetric positive-definite 2×2 matrix")
    c = as_vector(center, "center")
    if c.shape != (2,):
        raise ValueError(f"center must have 2 entries, got {c.size}")
    r = check_l1_ratio(l1_ratio)
    t = elastic_net_unit_budget(r) if budget is None else check_scalar(budget, "budget", low=0.0,
                                                                        low_inclusive=False)
    w1, w2, mu = _budget_2d(float(H[0, 0]), float(H[0, 1]), float(H[1, 1]), float(c[0]), float(c[1]), t, r)
    return np.array([w1, w2]) + 0.0, float(mu)


def corner_threshold_ratio(H, center):
    """The exact l1_ratio r* from which the optimum over the unit elastic-net ball is the corner (±1, 0).

    With the unit budget the only boundary points with w₂ = 0 are (±1, 0).  Take the corner e = (s, 0),
    s = sign(c₁), and the loss gradient there, g = H(e − c).  The subdifferential of P_r at e is
    (s, r·[−1, 1]) (the ridge part contributes (1 − r)·e₁), so e is optimal — KKT: −g ∈ μ·∂P_r(e), μ ≥ 0 —
    exactly when ``−s·g₁ ≥ 0`` and ``|g₂| <= r·(−s·g₁)``, i.e. for every r ≥ r* = |g₂| / (−s·g₁).
    Returns r* (> 1 means "never, not even for the lasso"; None if c is inside the ball or −s·g₁ <= 0).
    """
    H = np.asarray(H, dtype=np.float64)
    c = as_vector(center, "center")
    if H.shape != (2, 2) or c.shape != (2,):
        raise ValueError("H must be 2×2 and center must have 2 entries")
    s = 1.0 if c[0] >= 0 else -1.0
    g = H @ (np.array([s, 0.0]) - c)
    push = -s * g[0]
    if push <= 0.0:
        return None
    return float(abs(g[1]) / push)


# --- chapter 5's bridge demo: two standardized features with correlation ρ, least-squares estimate c ---
BRIDGE_CENTER = np.array([2.0, 0.8])


def bridge_problem(rho):
    """The loss curvature of two standardized features with correlation ρ, and the fixed centre."""
    rho = check_scalar(rho, "rho", low=-1.0, high=1.0, low_inclusive=False, high_inclusive=False)
    return np.array([[1.0, rho], [rho, 1.0]]), BRIDGE_CENTER.copy()


def bridge_solution(l1_ratio, rho):
    """The exact optimum over the elastic-net ball of unit budget for the bridge problem."""
    H, c = bridge_problem(rho)
    return elastic_net_budget_optimum(H, c, l1_ratio)[0]


def first_ratio_with_zero(rho, ratios=None):
    """The smallest l1_ratio at which the bridge optimum has w₂ exactly 0.

    Default: computed exactly from the KKT conditions at the corner (``corner_threshold_ratio``; for the
    bridge problem r* = (ρ + 0.8)/(1 + 0.8ρ)).  With ``ratios`` (a grid), the smallest grid value whose
    exact optimum has a zero — a grid can only bracket r*, which is why the default does not use one.
    Returns None if there is no such ratio (r* > 1, or none on the grid).
    """
    if ratios is None:
        r_star = corner_threshold_ratio(*bridge_problem(rho))
        return None if r_star is None or r_star > 1.0 else r_star
    for r in ratios:
        if np.any(bridge_solution(r, rho) == 0.0):
            return float(r)
    return None
