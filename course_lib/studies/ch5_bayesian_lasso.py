"""The lasso as a MAP estimate under a Laplace prior, and the Bayesian lasso's posterior mean (not sparse).

With the noise variance σ² held fixed and the prior ``π(w) ∝ exp(−(κ/σ)·||w||₁)`` (i.i.d. Laplace), the
posterior is

    π(w | y) ∝ exp(−||y − Xw||²/(2σ²) − (κ/σ)·||w||₁),

and its mode (MAP) minimises ``(1/(2n))||y − Xw||² + λ||w||₁`` with ``λ = κσ/n``: the lasso, exact zeros
included.  The posterior *mean* is another estimator.  Park & Casella (2008, "The Bayesian lasso", JASA
103) write the Laplace prior as a scale mixture of normals, w_j | τ_j² ~ N(0, σ²τ_j²), τ_j² ~ Exp(κ²/2),
which gives a Gibbs sampler with closed-form conditionals (σ² fixed here, so that the MAP is exactly the
lasso at a known λ):

* w | τ², y ~ N(A⁻¹Xᵀy, σ²A⁻¹),  A = XᵀX + diag(1/τ²)      (centred X and y: the intercept is profiled out);
* 1/τ_j² | w ~ InverseGaussian(mean = κσ/|w_j|, shape = κ²).

A sum of draws from a continuous distribution is never exactly 0, so no coordinate of the posterior mean
(or median) is 0: the Bayesian answer to "is w_j zero?" is a posterior distribution, not a corner.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_Xy, check_lam, check_scalar, check_seed

__all__ = ["BayesianLasso", "bayesian_lasso_gibbs", "laplace_scale_for_lam", "posterior_mean_1d"]


def laplace_scale_for_lam(lam, sigma, n) -> float:
    """κ of the Laplace prior whose MAP is the lasso at ``lam``: λ = κσ/n, so κ = nλ/σ."""
    return float(n) * check_lam(lam) / check_scalar(sigma, "sigma", low=0.0, low_inclusive=False)


@dataclass
class BayesianLasso:
    """Gibbs draws of w (after burn-in) and their summaries."""

    draws: np.ndarray       # (n_draws, p)
    lam: float              # the lasso λ whose MAP this posterior has
    sigma: float
    kappa: float

    @property
    def mean(self) -> np.ndarray:
        return self.draws.mean(axis=0)

    @property
    def median(self) -> np.ndarray:
        return np.median(self.draws, axis=0)

    def interval(self, level=0.95) -> np.ndarray:
        """Equal-tailed posterior interval, shape (2, p)."""
        a = 0.5 * (1.0 - level)
        return np.quantile(self.draws, [a, 1.0 - a], axis=0)

    def mc_se(self, n_batches=20) -> np.ndarray:
        """Monte Carlo standard error of the posterior mean by batch means (the draws are correlated)."""
        k = self.draws.shape[0] // n_batches
        means = self.draws[: k * n_batches].reshape(n_batches, k, -1).mean(axis=1)
        return means.std(axis=0, ddof=1) / np.sqrt(n_batches)


def bayesian_lasso_gibbs(X, y, lam, sigma, *, n_draws=4000, burn_in=500, seed) -> BayesianLasso:
    """Park & Casella's Gibbs sampler with σ fixed (see the module docstring); X, y are centred here."""
    X, y = as_Xy(X, y)
    lam = check_lam(lam)
    if lam == 0.0:
        raise ValueError("lam must be > 0: with λ = 0 the Laplace prior is flat and there is nothing to sample")
    sigma = check_scalar(sigma, "sigma", low=0.0, low_inclusive=False)
    n_draws = check_scalar(n_draws, "n_draws", low=10, integer=True)
    burn_in = check_scalar(burn_in, "burn_in", low=0, integer=True)
    rng = check_seed(seed)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    n, p = Xc.shape
    kappa = laplace_scale_for_lam(lam, sigma, n)
    G = Xc.T @ Xc
    b = Xc.T @ yc
    inv_tau2 = np.ones(p)
    draws = np.empty((n_draws, p))
    for it in range(burn_in + n_draws):
        A = G + np.diag(inv_tau2)
        L = np.linalg.cholesky(A)
        mean = np.linalg.solve(L.T, np.linalg.solve(L, b))
        w = mean + sigma * np.linalg.solve(L.T, rng.standard_normal(p))   # covariance σ²A⁻¹
        absw = np.maximum(np.abs(w), 1e-300)
        inv_tau2 = rng.wald(kappa * sigma / absw, kappa ** 2)
        if it >= burn_in:
            draws[it - burn_in] = w
    return BayesianLasso(draws=draws, lam=lam, sigma=sigma, kappa=kappa)


def posterior_mean_1d(x, y, lam, sigma, grid_size=200_001):
    """The exact posterior mean for ONE feature (p = 1), by quadrature: a check of the sampler.

    π(w | y) ∝ exp(−||y − xw||²/(2σ²) − (κ/σ)|w|) with κ = nλ/σ (centred x and y).
    """
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    x = x - x.mean()
    y = y - y.mean()
    n = x.size
    kappa = laplace_scale_for_lam(lam, sigma, n)
    a = x @ x / sigma ** 2
    m = (x @ y) / (x @ x)
    half = m if m != 0 else 1.0
    w = np.linspace(-abs(half) * 4 - 20 / np.sqrt(a), abs(half) * 4 + 20 / np.sqrt(a), grid_size)
    logp = -0.5 * a * (w - m) ** 2 - (kappa / sigma) * np.abs(w)
    dens = np.exp(logp - logp.max())
    return float(np.sum(w * dens) / np.sum(dens))
