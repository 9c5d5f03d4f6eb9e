"""The polynomial-overfitting problem of chapter 1: few noisy points, a high-degree polynomial, and ridge.

One object holds the data and the feature map, so the notebook, the figure and the widget all fit the
same thing.  Features are the powers ``x, x², …, x^degree`` standardized with the TRAINING means and
standard deviations (so every power is penalized on the same scale); the intercept is left unpenalized.
Each fit minimises the course's objective ``(1/(2n))·||y − Zw − b||² + λ·½||w||₂²`` with ``cl.ridge``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .._internal.validation import check_scalar
from ..core.preprocessing import polynomial_features, standardize
from ..solvers.ridge import ridge, ridge_dof, ridge_path
from ..data.simulate import make_polynomial_problem, train_test_split

__all__ = ["PolynomialProblem", "polynomial_problem"]


@dataclass
class PolynomialProblem:
    """Train/test samples of ``truth`` and the standardized polynomial features of a given degree."""

    degree: int
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    truth: Callable
    noise: float
    mean: np.ndarray = field(repr=False)
    scale: np.ndarray = field(repr=False)

    def features(self, x) -> np.ndarray:
        """Standardized powers of ``x`` (training statistics), shape (len(x), degree)."""
        return (polynomial_features(np.asarray(x, dtype=float), self.degree) - self.mean) / self.scale

    @property
    def Z_train(self) -> np.ndarray:
        return self._Z_train

    @property
    def Z_test(self) -> np.ndarray:
        return self._Z_test

    def __post_init__(self):
        self._Z_train = self.features(self.x_train)
        self._Z_test = self.features(self.x_test)

    def fit(self, lam):
        """``cl.ridge`` on the training features at this λ (a ``Fit``)."""
        return ridge(self._Z_train, self.y_train, lam)

    def mse(self, fit) -> tuple[float, float]:
        """(train MSE, test MSE) of a fit."""
        r_train = fit.predict(self._Z_train) - self.y_train
        r_test = fit.predict(self._Z_test) - self.y_test
        return float(np.mean(r_train ** 2)), float(np.mean(r_test ** 2))

    def error_curves(self, lams):
        """Train and test MSE for every λ in ``lams`` from one ``ridge_path``; returns (lams, train, test)
        with lams sorted decreasing, as the path returns them."""
        path = ridge_path(self._Z_train, self.y_train, lams)
        train = np.mean((path.predict(self._Z_train) - self.y_train[:, None]) ** 2, axis=0)
        test = np.mean((path.predict(self._Z_test) - self.y_test[:, None]) ** 2, axis=0)
        return path.lams, train, test

    def dof(self, lam) -> float:
        """Effective degrees of freedom of the ridge fit at λ (intercept not counted)."""
        return ridge_dof(self._Z_train, lam)


def polynomial_problem(degree=12, *, n_train=15, n_test=200, noise=0.25, truth="sine", seed=1) -> PolynomialProblem:
    """Draw ``n_train + n_test`` points of ``truth`` plus N(0, noise²), split them at random, and build the
    degree-``degree`` standardized polynomial features from the training points.

    Defaults: 15 training points of sin(πx) on [−1, 1] with noise σ = 0.25 and a degree-12 polynomial:
    12 coefficients and an intercept for 15 points, enough to chase the noise.
    """
    degree = check_scalar(degree, "degree", low=1, integer=True)
    n_train = check_scalar(n_train, "n_train", low=2, integer=True)
    n_test = check_scalar(n_test, "n_test", low=1, integer=True)
    x, y, f = make_polynomial_problem(n_train + n_test, truth=truth, noise=noise, seed=seed)
    X_tr, X_te, y_tr, y_te = train_test_split(x[:, None], y, test_size=n_test, seed=seed)
    _, mean, scale = standardize(polynomial_features(X_tr[:, 0], degree), return_params=True)
    return PolynomialProblem(degree=degree, x_train=X_tr[:, 0].copy(), y_train=y_tr, x_test=X_te[:, 0].copy(),
                             y_test=y_te, truth=f, noise=float(noise), mean=mean, scale=scale)
