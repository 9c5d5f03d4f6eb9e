"""Monte Carlo of OLS, ridge and lasso estimates over many data sets drawn from one population.

Objective of every estimate (the course's convention)::

    (1/(2n))·||y − Xw − b||² + λ·P(w),   b unpenalized,   ridge P = ½||w||², lasso P = ||w||₁,

so on centered data ridge solves ``(XᵀX + nλI)w = Xᵀy`` and λ = 0 is ordinary least squares (OLS).

Two kinds of repetition, and they answer different questions:

* **random design** (``CorrelatedPairDraws``, ``random_design_estimates``): every data set draws new rows
  ``x ~ N(0, Σ)`` and new noise.  The spread of the estimates is what a colleague repeating the study would
  see.  For OLS the exact answer is known: ``Var(ŵ_j) = σ²·[Σ⁻¹]_jj / (n − p − 2)`` (``ols_variance_theory``),
  a check on the simulation.
* **fixed design** (``ridge_bias_variance``): X is kept, only the noise is redrawn.  Ridge is linear in y,
  so its bias and variance have closed forms too; the simulation is reported beside them.

Every function takes an explicit seed; the same seed gives the same numbers on every machine.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_design, as_vector, check_lam, check_lams, check_scalar, check_seed
from ..toys.quadratic_2d import lasso_2d, ridge_2d

__all__ = [
    "equicorrelated_covariance", "CorrelatedPairDraws", "random_design_estimates", "ols_variance_theory",
    "coefficient_spread", "BiasVariance", "ridge_bias_variance",
]


def equicorrelated_covariance(k, rho):
    """The k×k covariance with unit variances and every pair correlated ``rho`` (needs rho > −1/(k−1))."""
    k = check_scalar(k, "k", low=1, integer=True)
    rho = check_scalar(rho, "rho", low=-1.0 / max(k - 1, 1), high=1.0, low_inclusive=False, high_inclusive=False)
    cov = np.full((k, k), rho)
    np.fill_diagonal(cov, 1.0)
    return cov


def ols_variance_theory(cov, n, sigma):
    """Exact variance of each OLS coefficient (with an intercept) when rows are drawn ``N(0, cov)``.

    ``ŵ − w = (XcᵀXc)⁻¹Xcᵀε`` and ``XcᵀXc`` is Wishart with n − 1 degrees of freedom, whose inverse has mean
    ``Σ⁻¹/(n − p − 2)``; so ``Var(ŵ_j) = σ²[Σ⁻¹]_jj/(n − p − 2)`` (finite for n > p + 2).  For two features
    with correlation ρ, ``[Σ⁻¹]_jj = 1/(1 − ρ²)``: the variance inflation factor.
    """
    cov = as_design(cov, "cov")
    p = cov.shape[0]
    n = check_scalar(n, "n", low=p + 3, integer=True)
    sigma = check_scalar(sigma, "sigma", low=0.0)
    return sigma ** 2 * np.diag(np.linalg.inv(cov)) / (n - p - 2)


class CorrelatedPairDraws:
    """Many data sets with two standard-normal features of correlation ρ: ``y = Xw + σε``, n rows each.

    The standard normals are drawn once (seeded) and every ρ reuses them (common random numbers):
    ``x1 = z1``, ``x2 = ρ z1 + √(1−ρ²) z2``.  Only the 2×2 Gram matrices are kept, so changing ρ or λ
    costs O(n_draws) arithmetic — fast enough for a slider.  With ``Gz = ZcᵀZc/n`` and ``bz = Zcᵀεc/n``
    per data set, the problem in Gram form (see ``course_lib.toys.quadratic_2d``) is::

        G(ρ) = L Gz Lᵀ,   c(ρ) = G(ρ) w + σ L bz,   L = [[1, 0], [ρ, √(1−ρ²)]].
    """

    def __init__(self, n=50, n_draws=500, w_true=(1.0, 0.5), sigma=1.0, seed=0):
        self.n = check_scalar(n, "n", low=5, integer=True)
        self.n_draws = check_scalar(n_draws, "n_draws", low=2, integer=True)
        self.w_true = as_vector(w_true, "w_true")
        if self.w_true.shape != (2,):
            raise ValueError("w_true must have 2 entries")
        self.sigma = check_scalar(sigma, "sigma", low=0.0)
        rng = check_seed(seed)
        z = rng.standard_normal((self.n_draws, self.n, 2))
        eps = rng.standard_normal((self.n_draws, self.n))
        z -= z.mean(axis=1, keepdims=True)  # centering = fitting the intercept
        eps -= eps.mean(axis=1, keepdims=True)
        self._gz = np.einsum("dni,dnj->dij", z, z) / self.n
        self._bz = np.einsum("dni,dn->di", z, eps) / self.n

    @staticmethod
    def _mixing(rho):
        rho = check_scalar(rho, "rho", low=-1.0, high=1.0, low_inclusive=False, high_inclusive=False)
        return np.array([[1.0, 0.0], [rho, np.sqrt(1.0 - rho * rho)]])

    def gram(self, rho):
        """(G, c): arrays (n_draws, 2, 2) and (n_draws, 2) of every data set at correlation ρ."""
        L = self._mixing(rho)
        G = np.einsum("ij,djk,lk->dil", L, self._gz, L)
        c = G @ self.w_true + self.sigma * self._bz @ L.T
        return np.ascontiguousarray(G), np.ascontiguousarray(c)

    def estimates(self, rho, lam=0.0, method="ridge"):
        """(n_draws, 2) estimates: ``"ols"``, ``"ridge"`` (at λ) or ``"lasso"`` (at λ; exact 2-D solver)."""
        G, c = self.gram(rho)
        if method == "ols":
            return ridge_2d(G, c, 0.0)
        if method == "ridge":
            return ridge_2d(G, c, check_lam(lam))
        if method == "lasso":
            return lasso_2d(G, c, check_lam(lam))
        raise ValueError(f"method={method!r} is not supported; choose 'ols', 'ridge' or 'lasso'")

    def all_estimates(self, rho, lam):
        """{"ols", "ridge", "lasso"} → (n_draws, 2), computed from one set of Gram matrices."""
        G, c = self.gram(rho)
        lam = check_lam(lam)
        return {"ols": ridge_2d(G, c, 0.0), "ridge": ridge_2d(G, c, lam), "lasso": lasso_2d(G, c, lam)}


def random_design_estimates(cov, w_true, n, n_draws, sigma, lam, seed, methods=("ols", "ridge")):
    """Estimates over ``n_draws`` data sets with rows ``x ~ N(0, cov)`` and ``y = Xw + σε``.

    Returns {method: (n_draws, p)} for methods among ``"ols"``, ``"ridge"`` (batched solves of
    ``(XcᵀXc + nλI)w = Xcᵀyc``) and ``"lasso"`` (``cl.lasso`` per data set, coordinate descent).
    """
    cov = as_design(cov, "cov")
    w_true = as_vector(w_true, "w_true")
    p = cov.shape[0]
    if w_true.shape[0] != p:
        raise ValueError(f"w_true has {w_true.shape[0]} entries but cov is {p}×{p}")
    n = check_scalar(n, "n", low=p + 1, integer=True)
    n_draws = check_scalar(n_draws, "n_draws", low=2, integer=True)
    sigma = check_scalar(sigma, "sigma", low=0.0)
    lam = check_lam(lam)
    rng = check_seed(seed)
    L = np.linalg.cholesky(cov)
    X = rng.standard_normal((n_draws, n, p)) @ L.T
    y = X @ w_true + sigma * rng.standard_normal((n_draws, n))
    Xc = X - X.mean(axis=1, keepdims=True)
    yc = y - y.mean(axis=1, keepdims=True)
    gram = np.einsum("dni,dnj->dij", Xc, Xc)
    rhs = np.einsum("dni,dn->di", Xc, yc)
    out = {}
    for method in methods:
        if method == "ols":
            out[method] = np.linalg.solve(gram, rhs[..., None])[..., 0]
        elif method == "ridge":
            out[method] = np.linalg.solve(gram + n * lam * np.eye(p), rhs[..., None])[..., 0]
        elif method == "lasso":
            from ..solvers.lasso import lasso  # imported here: the lasso module is optional for the other methods

            out[method] = np.array([lasso(X[d], y[d], lam).coef for d in range(n_draws)])
        else:
            raise ValueError(f"method={method!r} is not supported; choose 'ols', 'ridge' or 'lasso'")
    return out


def coefficient_spread(estimates, w_true):
    """Summary of (n_draws, p) estimates against the truth: per-coefficient mean, bias, variance ``var`` and
    its Monte Carlo standard error ``var_se`` = √((m₄ − var²)/n_draws) (m₄ the fourth central moment), and
    the totals ``bias2 = ||mean − w||²``, ``variance = Σ_j Var(ŵ_j)``, ``mse = mean ||ŵ − w||² = bias2 + variance``
    (variances with divisor n_draws, so the decomposition is exact)."""
    est = np.asarray(estimates, dtype=float)
    w_true = as_vector(w_true, "w_true")
    mean = est.mean(axis=0)
    var = est.var(axis=0)
    m4 = np.mean((est - mean) ** 4, axis=0)
    var_se = np.sqrt(np.maximum(m4 - var ** 2, 0.0) / est.shape[0])
    return {"mean": mean, "bias": mean - w_true, "var": var, "var_se": var_se,
            "bias2": float(np.sum((mean - w_true) ** 2)),
            "variance": float(var.sum()), "mse": float(np.mean(np.sum((est - w_true) ** 2, axis=1)))}


@dataclass
class BiasVariance:
    """Squared bias, variance and their sum (= expected squared error of ŵ) for each λ.

    ``*_sim`` from the simulation on ``lams``; ``*_exact`` from the closed forms on the finer ``lams_exact``;
    ``lam_best_*`` the minimisers of the sums; ``ols_mse_exact`` the λ = 0 value (OLS)."""

    lams: np.ndarray
    bias2_sim: np.ndarray
    variance_sim: np.ndarray
    mse_sim: np.ndarray
    lams_exact: np.ndarray
    bias2_exact: np.ndarray
    variance_exact: np.ndarray
    mse_exact: np.ndarray
    ols_mse_exact: float
    n_draws: int
    _eig: tuple = ()  # (d², Vᵀw, n, σ) for ``exact_at``

    def exact_at(self, lams):
        """Closed-form (squared bias, variance, sum) at any λ values (arrays)."""
        d2, vtw, n, sigma = self._eig
        lams = check_lams(np.atleast_1d(lams), "lams")
        bias2, variance = _ridge_exact_terms(d2, vtw, n, sigma, lams)
        return bias2, variance, bias2 + variance

    def prediction_error_at(self, lams):
        """Exact in-sample prediction error ``E||Xc(ŵ(λ) − w)||²/n`` at the λ values: the same bias and variance
        terms, but direction j weighted by d_j²/n (well-determined directions matter more for prediction)."""
        d2, vtw, n, sigma = self._eig
        lams = check_lams(np.atleast_1d(lams), "lams")
        shrink = n * lams[:, None] / (d2[None, :] + n * lams[:, None])
        bias = np.sum(d2[None, :] * (shrink * vtw[None, :]) ** 2, axis=1)
        var = sigma ** 2 * np.sum(d2[None, :] ** 2 / (d2[None, :] + n * lams[:, None]) ** 2, axis=1)
        return (bias + var) / n

    @property
    def lam_best_sim(self) -> float:
        return float(self.lams[np.argmin(self.mse_sim)])

    @property
    def lam_best_exact(self) -> float:
        return float(self.lams_exact[np.argmin(self.mse_exact)])

    @property
    def mse_best_exact(self) -> float:
        return float(self.mse_exact.min())


def _ridge_exact_terms(d2, vtw, n, sigma, lams):
    """Closed-form squared bias and variance of ridge for fixed design: in the eigenbasis of XcᵀXc,
    bias_j = −nλ/(d_j² + nλ)·(Vᵀw)_j and Var = σ² Σ_j d_j²/(d_j² + nλ)²."""
    shrink = n * lams[:, None] / (d2[None, :] + n * lams[:, None])
    bias2 = np.sum((shrink * vtw[None, :]) ** 2, axis=1)
    variance = sigma ** 2 * np.sum(d2[None, :] / (d2[None, :] + n * lams[:, None]) ** 2, axis=1)
    return bias2, variance


def ridge_bias_variance(X, w_true, sigma, lams, n_draws, seed, lams_exact=None):
    """Bias–variance decomposition of ridge's coefficient error ``E||ŵ(λ) − w||²`` for a fixed design X.

    Simulation: ``n_draws`` noise vectors ``y = Xw + σε`` (seeded); every λ is solved for every draw through
    one eigendecomposition ``XcᵀXc = V diag(d²) Vᵀ``: ``ŵ(λ) = V diag(1/(d² + nλ)) VᵀXcᵀy``.
    Exact: ridge is linear in y, so ``E ŵ(λ) − w = −nλ(XcᵀXc + nλI)⁻¹w`` and
    ``Σ Var(ŵ_j) = σ² Σ_j d_j²/(d_j² + nλ)²``.  X must have full column rank (λ = 0 allowed then).
    """
    X = as_design(X)
    w_true = as_vector(w_true, "w_true")
    n, p = X.shape
    if w_true.shape[0] != p:
        raise ValueError(f"w_true has {w_true.shape[0]} entries but X has {p} columns")
    sigma = check_scalar(sigma, "sigma", low=0.0)
    lams = np.sort(check_lams(lams))
    n_draws = check_scalar(n_draws, "n_draws", low=2, integer=True)
    lams_exact = np.logspace(np.log10(max(lams[lams > 0].min(), 1e-12)), np.log10(lams.max()), 400) \
        if lams_exact is None else np.sort(check_lams(lams_exact, "lams_exact"))
    rng = check_seed(seed)
    Xc = X - X.mean(axis=0)
    d2, V = np.linalg.eigh(Xc.T @ Xc)
    if d2[0] <= 1e-12 * d2[-1]:
        raise ValueError("X does not have full column rank after centering; OLS (λ = 0) is not unique")
    eps = rng.standard_normal((n_draws, n))
    Y = X @ w_true + sigma * eps
    proj = (Y - Y.mean(axis=1, keepdims=True)) @ Xc @ V  # (draws, p): VᵀXcᵀy per draw
    W = np.einsum("kdj,ij->kdi", proj[None, :, :] / (d2[None, None, :] + n * lams[:, None, None]), V)
    mean = W.mean(axis=1)
    bias2_sim = np.sum((mean - w_true) ** 2, axis=1)
    variance_sim = np.sum(W.var(axis=1), axis=1)
    mse_sim = np.mean(np.sum((W - w_true) ** 2, axis=2), axis=1)
    vtw = V.T @ w_true
    bias2_exact, variance_exact = _ridge_exact_terms(d2, vtw, n, sigma, lams_exact)
    ols = float(sigma ** 2 * np.sum(1.0 / d2))
    return BiasVariance(lams=lams, bias2_sim=bias2_sim, variance_sim=variance_sim, mse_sim=mse_sim,
                        lams_exact=lams_exact, bias2_exact=bias2_exact, variance_exact=variance_exact,
                        mse_exact=bias2_exact + variance_exact, ols_mse_exact=ols, n_draws=n_draws,
                        _eig=(d2, vtw, n, sigma))
