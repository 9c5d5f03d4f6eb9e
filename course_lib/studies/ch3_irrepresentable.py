"""When can the lasso select the true features?  The irrepresentable condition, and the exact λ-window of recovery.

For a support S with signs s, the lasso solution has exactly support S and signs s at λ iff (KKT, centred data,
``G = XᵀX/n``, ``c = Xᵀy/n``)::

    w_S(λ) = G_SS⁻¹(c_S − λ s) = a − λ b          with  s_j·w_j(λ) > 0  for j in S,
    |c_j − G_jS w_S(λ)| = |u_j + λ v_j| <= λ         for j not in S,
    a = G_SS⁻¹ c_S (least squares on S),  b = G_SS⁻¹ s,  u_j = c_j − G_jS a,  v_j = G_jS G_SS⁻¹ s.

Every condition is linear in λ, so the set of λ where the lasso recovers (S, s) is an interval, computed
here exactly — no grid.  In the noiseless case y = X_S β_S the residual correlations u_j vanish and the
off-support conditions reduce to ``|v_j| <= 1``: the (sample) **irrepresentable condition** of Zhao & Yu
(2006), also in Bühlmann & van de Geer (2011, §2.6 and §7.5).  If some |v_j| > 1, no λ > 0 recovers S.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_Xy, check_scalar

__all__ = ["irrepresentable_values", "RecoveryWindow", "recovery_window", "correlated_decoy_design", "RecoveryRate",
           "decoy_recovery_rate"]


def _support_and_signs(support, signs, p):
    S = np.asarray(support, dtype=int).reshape(-1)
    s = np.asarray(signs, dtype=float).reshape(-1)
    if S.size == 0 or S.size != s.size:
        raise ValueError(f"support and signs must be non-empty and of equal length; got {S.size} and {s.size}")
    if np.any((S < 0) | (S >= p)) or np.unique(S).size != S.size:
        raise ValueError(f"support must hold distinct column indices in [0, {p - 1}]; got {S.tolist()}")
    if not np.all(np.abs(s) == 1.0):
        raise ValueError(f"signs must be ±1; got {s.tolist()}")
    return S, s


def irrepresentable_values(gram, support, signs) -> np.ndarray:
    """``v_j = Σ_jS Σ_SS⁻¹ s`` for every column j outside the support (in column order), given a covariance
    or Gram matrix ``gram`` (p, p).  The strong irrepresentable condition asks ``max_j |v_j| < 1``."""
    gram = np.asarray(gram, dtype=float)
    if gram.ndim != 2 or gram.shape[0] != gram.shape[1]:
        raise ValueError(f"gram must be a square (p, p) matrix; got shape {gram.shape}")
    S, s = _support_and_signs(support, signs, gram.shape[0])
    off = np.setdiff1d(np.arange(gram.shape[0]), S)
    return gram[np.ix_(off, S)] @ np.linalg.solve(gram[np.ix_(S, S)], s)


@dataclass(frozen=True)
class RecoveryWindow:
    """The exact set of λ > 0 at which the lasso's support and signs equal (S, s): ``[lo, hi]``, or empty.

    ``binding_upper`` / ``binding_lower`` name what ends the window: ``("sign", j)`` — coefficient j of S
    reaches 0 — or ``("enters", j)`` — column j outside S reaches |correlation| = λ."""

    lo: float
    hi: float
    binding_lower: tuple
    binding_upper: tuple
    irrepresentable: np.ndarray  # sample v_j for j outside S

    @property
    def empty(self) -> bool:
        return not self.hi > self.lo

    @property
    def width_ratio(self) -> float:
        """hi / lo (how many-fold λ can vary inside the window); 0 when empty, inf when lo = 0."""
        if self.empty:
            return 0.0
        return np.inf if self.lo == 0.0 else self.hi / self.lo


def recovery_window(X, y, support, signs) -> RecoveryWindow:
    """The exact interval of λ where ``lasso(X, y, λ)`` (intercept fitted) has support ``support`` with ``signs``.

    See the module docstring: each KKT condition is ``α <= λ·β``, so the window is the intersection of
    half-lines with λ > 0.  Ties at the ends are knots of the lasso path.
    """
    X, y = as_Xy(X, y)
    n, p = X.shape
    S, s = _support_and_signs(support, signs, p)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    G = Xc.T @ Xc / n
    c = Xc.T @ yc / n
    G_SS = G[np.ix_(S, S)]
    a = np.linalg.solve(G_SS, c[S])
    b = np.linalg.solve(G_SS, s)
    off = np.setdiff1d(np.arange(p), S)
    u = c[off] - G[np.ix_(off, S)] @ a
    # When y lies in the span of X_S (noiseless data) u is 0 in exact arithmetic; the computed u is rounding,
    # of the order of eps·|c|.  Call it 0 so the answer does not hinge on the last bits.
    u[np.abs(u) <= 64 * np.finfo(float).eps * max(float(np.max(np.abs(c))), np.finfo(float).tiny)] = 0.0
    v = G[np.ix_(off, S)] @ b
    lo, hi = 0.0, np.inf
    lo_why, hi_why = ("λ > 0", None), ("none", None)
    # constraints α <= λ·β; scale-free zero test for β relative to the entries it is built from
    constraints = [(-s[i] * a[i], -s[i] * b[i], ("sign", int(S[i]))) for i in range(S.size)]  # s(a − λb) > 0
    for k, j in enumerate(off):
        constraints.append((u[k], 1.0 - v[k], ("enters", int(j))))     # u + λv <= λ
        constraints.append((-u[k], 1.0 + v[k], ("enters", int(j))))    # −λ <= u + λv
    for alpha, beta, why in constraints:
        if beta > 0.0:
            if alpha / beta > lo:
                lo, lo_why = alpha / beta, why
        elif beta < 0.0:
            if alpha / beta < hi:
                hi, hi_why = alpha / beta, why
        elif alpha > 0.0:
            lo, hi, hi_why = np.inf, 0.0, why
    return RecoveryWindow(lo=float(lo), hi=float(hi) + 0.0, binding_lower=lo_why, binding_upper=hi_why,
                          irrepresentable=v)


def correlated_decoy_design(n=200, rho=0.6, noise_std=0.0, seed=0):
    """Zhao & Yu's kind of counterexample: y = x₁ + x₂ (+ noise), and an irrelevant x₃ correlated ρ with both.

    x₁, x₂ ~ N(0, 1) independent; ``x₃ = ρ(x₁ + x₂) + √(1 − 2ρ²)·e`` (unit variance, corr ρ with each).
    The population irrepresentable value of x₃ for S = {1, 2}, s = (+, +) is 2ρ: violated for ρ > 0.5.
    x₃ is also the column most correlated with y (corr 2ρ/√2 = √2·ρ against 1/√2), so it enters the path first.
    Returns ``(X, y, w_true)`` with ``w_true = (1, 1, 0)``.
    """
    n = check_scalar(n, "n", low=4, integer=True)
    rho = check_scalar(rho, "rho", low=0.0, high=np.sqrt(0.5), high_inclusive=False)
    noise_std = check_scalar(noise_std, "noise_std", low=0.0)
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, 3))
    X = np.column_stack([z[:, 0], z[:, 1], rho * (z[:, 0] + z[:, 1]) + np.sqrt(1.0 - 2.0 * rho ** 2) * z[:, 2]])
    w_true = np.array([1.0, 1.0, 0.0])
    y = X @ w_true + noise_std * rng.standard_normal(n)
    return X, y, w_true


@dataclass(frozen=True)
class RecoveryRate:
    """Over replicates of ``correlated_decoy_design``: how often, and up to which λ, the true support is on the path."""

    rho: float
    irrepresentable: float          # population value 2ρ
    share_recovered: float          # replicates whose exact recovery window is non-empty
    median_top: float               # median over those replicates of (window's upper end) / λmax
    n_reps: int


def decoy_recovery_rate(rho, noise_std, n_reps=200, n=200, seed=0) -> RecoveryRate:
    """Share of noisy replicates of the decoy design in which S = {x₁, x₂} with signs (+, +) is the lasso's
    support for some λ (the exact ``recovery_window``), and how large that λ can be relative to λmax."""
    from ..solvers.lasso import lam_max

    n_reps = check_scalar(n_reps, "n_reps", low=1, integer=True)
    tops = []
    for r in range(n_reps):
        X, y, _ = correlated_decoy_design(n=n, rho=rho, noise_std=noise_std, seed=seed + r)
        win = recovery_window(X, y, [0, 1], [1.0, 1.0])
        if not win.empty:
            tops.append(win.hi / lam_max(X, y))
    return RecoveryRate(rho=float(rho), irrepresentable=2.0 * float(rho), share_recovered=len(tops) / n_reps,
                        median_top=float(np.median(tops)) if tops else 0.0, n_reps=n_reps)
