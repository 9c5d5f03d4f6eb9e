"""Ridge as a Bayesian estimate (ESL §3.4, ISLP §6.2): the posterior mean/mode under a Gaussian prior.

Model: ``y = Xw + ε`` with ``ε ~ N(0, σ²I)`` and prior ``w ~ N(0, τ²I)`` (centered data, no intercept).
The posterior of w is Gaussian; its mean (= its mode, the MAP estimate) minimises
``||y − Xw||²/(2σ²) + ||w||²/(2τ²)``.  Multiplying by σ²/n gives the course's ridge objective
``(1/(2n))||y − Xw||² + (λ/2)||w||²`` with ``λ = σ²/(nτ²)``: a vague prior (large τ) is a small λ.

``posterior_mean`` computes the mean by Gaussian conditioning in the n×n *sample* space,
``E[w | y] = τ²Xᵀ(τ²XXᵀ + σ²I)⁻¹y`` — a different formula from ridge's p×p normal equations, so the two
agree only if the identity holds.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_Xy, check_scalar

__all__ = ["ridge_lam_for_prior", "posterior_mean"]


def ridge_lam_for_prior(n, sigma, tau):
    """The ridge λ (course scaling) whose solution is the MAP estimate: ``σ²/(n·τ²)``."""
    n = check_scalar(n, "n", low=1, integer=True)
    sigma = check_scalar(sigma, "sigma", low=0.0, low_inclusive=False)
    tau = check_scalar(tau, "tau", low=0.0, low_inclusive=False)
    return sigma ** 2 / (n * tau ** 2)


def posterior_mean(X, y, sigma, tau):
    """``E[w | y]`` for ``y ~ N(Xw, σ²I)``, ``w ~ N(0, τ²I)``, by conditioning: ``τ²Xᵀ(τ²XXᵀ + σ²I)⁻¹y``."""
    X, y = as_Xy(X, y)
    sigma = check_scalar(sigma, "sigma", low=0.0, low_inclusive=False)
    tau = check_scalar(tau, "tau", low=0.0, low_inclusive=False)
    cov_y = tau ** 2 * (X @ X.T) + sigma ** 2 * np.eye(X.shape[0])  # Cov(y) under the prior
    return tau ** 2 * X.T @ np.linalg.solve(cov_y, y)
