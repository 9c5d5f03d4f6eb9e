"""Synthetic data with a known truth: correlated designs, sparse or dense coefficients, a chosen SNR.

Every generator takes a required ``seed`` (an int or ``np.random.Generator``): the same seed gives the
same data on every machine, so notebook outputs are reproducible.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import (as_design, as_target, as_vector, check_allocation, check_bool, check_choice,
                                   check_pair, check_scalar, check_seed)

__all__ = [
    "toeplitz_covariance", "make_regression", "make_correlated_pair", "make_collinear_features",
    "make_polynomial_problem", "train_test_split", "kfold_indices",
]


def _check_rho(rho, name="rho"):
    return check_scalar(rho, name, low=-1.0, high=1.0, low_inclusive=False, high_inclusive=False)


def toeplitz_covariance(p, rho):
    """The AR(1) (Toeplitz) covariance ``Σ_ij = rho^|i−j|`` (p×p, unit diagonal, |rho| < 1).

    Neighbouring features have correlation rho, features k apart rho^k: the standard "correlated design"
    of the lasso literature.
    """
    p = check_scalar(p, "p", low=1, integer=True)
    rho = _check_rho(rho)
    check_allocation(p * p, f"a {p} × {p} covariance matrix",
                     "make_regression draws AR(1) designs without forming it (O(n·p))")
    idx = np.arange(p)
    return rho ** np.abs(idx[:, None] - idx[None, :]).astype(np.float64)


def _ar1_design(n, p, rho, rng):
    """Rows ~ N(0, toeplitz_covariance(p, rho)) by the AR(1) recursion, O(np) (no Cholesky needed)."""
    Z = rng.standard_normal((n, p))
    X = np.empty((n, p))
    X[:, 0] = Z[:, 0]
    c = np.sqrt(1.0 - rho * rho)
    for j in range(1, p):
        X[:, j] = rho * X[:, j - 1] + c * Z[:, j]
    return X


def _ar1_cov_times(w, rho):
    """``toeplitz_covariance(p, rho) @ w`` in O(p) by two recursions (no p×p matrix for large p)."""
    p = w.shape[0]
    fwd = np.empty(p)
    bwd = np.empty(p)
    acc = 0.0
    for i in range(p):  # Σ_{j<=i} rho^(i-j) w_j
        acc = rho * acc + w[i]
        fwd[i] = acc
    acc = 0.0
    for i in range(p - 1, -1, -1):  # Σ_{j>=i} rho^(j-i) w_j
        acc = rho * acc + w[i]
        bwd[i] = acc
    return fwd + bwd - w


def make_regression(n, p, *, n_informative=None, rho=0.0, snr=3.0, coef="sparse", seed, intercept=0.0,
                    return_noise_std=False):
    """Linear-model data ``y = Xw + b + ε`` with X rows ~ N(0, Σ), ``Σ = toeplitz_covariance(p, rho)``.

    coef : "sparse" — ``n_informative`` (default max(1, p // 10)) nonzero entries equal to ±1 (random
        signs) at random positions, the rest exactly 0; "dense" — all p entries i.i.d. N(0, 1)
        (``n_informative`` is ignored); or an explicit length-p array used as the truth.
    snr : signal-to-noise ratio defined on the population as ``SNR = Var(xᵀw)/σ² = wᵀΣw/σ²``;
        the noise ε ~ N(0, σ²) with σ = sqrt(wᵀΣw / snr).  snr=inf gives noiseless y.
    Returns ``(X, y, w_true)`` (and σ last if ``return_noise_std``).
    """
    n = check_scalar(n, "n", low=1, integer=True)
    p = check_scalar(p, "p", low=1, integer=True)
    check_allocation(2 * n * p, f"a {n} × {p} design (and its noise draws)", "lower n or p")
    rho = _check_rho(rho)
    rng = check_seed(seed)
    intercept = check_scalar(intercept, "intercept")
    return_noise_std = check_bool(return_noise_std, "return_noise_std")
    if isinstance(snr, (int, float)) and snr == np.inf:
        snr_val = np.inf
    else:
        snr_val = check_scalar(snr, "snr", low=0.0, low_inclusive=False)
    if isinstance(coef, str):
        check_choice(coef, "coef", ("sparse", "dense"))
        if coef == "sparse":
            k = max(1, p // 10) if n_informative is None else check_scalar(
                n_informative, "n_informative", low=1, high=p, integer=True)
            w = np.zeros(p)
            support = np.sort(rng.choice(p, size=k, replace=False))
            w[support] = rng.choice([-1.0, 1.0], size=k)
        else:
            w = rng.standard_normal(p)
    else:
        w = as_vector(coef, "coef").copy()
        if w.shape[0] != p:
            raise ValueError(f"coef has {w.shape[0]} entries but p={p}; they must match")
    X = _ar1_design(n, p, rho, rng)
    signal_var = float(w @ _ar1_cov_times(w, rho))
    sigma = 0.0 if snr_val == np.inf else float(np.sqrt(signal_var / snr_val))
    y = X @ w + intercept + sigma * rng.standard_normal(n)
    if return_noise_std:
        return X, y, w, sigma
    return X, y, w


def make_collinear_features(n, k, rho, *, w=None, noise=0.5, seed):
    """k equicorrelated standard-normal features (every pair has correlation rho, 0 <= rho < 1) and
    ``y = Xw + σε`` with σ = ``noise``.

    Built as ``x_j = sqrt(rho)·z₀ + sqrt(1 − rho)·z_j`` (a shared factor z₀).  Default ``w`` is all ones:
    with rho near 1 the features are nearly interchangeable — the setting where the lasso picks one
    arbitrarily and ridge spreads the weight evenly.  Returns ``(X, y, w_true)``.
    """
    n = check_scalar(n, "n", low=1, integer=True)
    k = check_scalar(k, "k", low=1, integer=True)
    check_allocation(2 * n * k, f"a {n} × {k} design", "lower n or k")
    rho = check_scalar(rho, "rho", low=0.0, high=1.0, high_inclusive=False)
    noise = check_scalar(noise, "noise", low=0.0)
    rng = check_seed(seed)
    w = np.ones(k) if w is None else as_vector(w, "w").copy()
    if w.shape[0] != k:
        raise ValueError(f"w has {w.shape[0]} entries but k={k}; they must match")
    z0 = rng.standard_normal(n)
    Z = rng.standard_normal((n, k))
    X = np.sqrt(rho) * z0[:, None] + np.sqrt(1.0 - rho) * Z
    y = X @ w + noise * rng.standard_normal(n)
    return np.ascontiguousarray(X), y, w


def make_correlated_pair(n, rho, w=(1.0, 1.0), noise=0.5, *, seed):
    """Two standard-normal features with correlation ``rho`` (−1 < rho < 1) and ``y = Xw + σε``.

    For chapter 2's correlated-features story.  Returns ``(X, y, w_true)`` with X of shape (n, 2).
    """
    n = check_scalar(n, "n", low=1, integer=True)
    rho = _check_rho(rho)
    noise = check_scalar(noise, "noise", low=0.0)
    rng = check_seed(seed)
    w = as_vector(w, "w").copy()
    if w.shape[0] != 2:
        raise ValueError(f"w must have 2 entries (one per feature), got {w.shape[0]}")
    Z = rng.standard_normal((n, 2))
    X = np.empty((n, 2))
    X[:, 0] = Z[:, 0]
    X[:, 1] = rho * Z[:, 0] + np.sqrt(1.0 - rho * rho) * Z[:, 1]
    y = X @ w + noise * rng.standard_normal(n)
    return X, y, w


_TRUTHS = {
    "sine": lambda x: np.sin(np.pi * x),
    "cubic": lambda x: x ** 3 - 0.5 * x,
    "runge": lambda x: 1.0 / (1.0 + 25.0 * x * x),
}


def make_polynomial_problem(n, *, truth="sine", noise=0.2, seed, x_range=(-1.0, 1.0)):
    """Noisy samples of a smooth 1-D function, for the polynomial-overfitting demo of chapter 1.

    x ~ Uniform(x_range) (returned sorted, for plotting), ``y = f(x) + σε`` with σ = ``noise``.
    truth : "sine" (sin(πx)), "cubic" (x³ − x/2), "runge" (1/(1 + 25x²)), or any vectorized callable.
    Returns ``(x, y, f)`` where ``f`` is the true function (call it on a grid to draw it).
    Fit with ``polynomial_features(x, degree)`` then ``ridge``.
    """
    n = check_scalar(n, "n", low=1, integer=True)
    noise = check_scalar(noise, "noise", low=0.0)
    rng = check_seed(seed)
    if callable(truth):
        f = truth
        probe = np.asarray(f(np.array([0.0, 0.5])))
        if probe.shape != (2,) or not np.issubdtype(probe.dtype, np.number):
            raise TypeError("truth must be vectorized: f(np.array([0.0, 0.5])) should return 2 numbers (use np.sin, "
                            "not math.sin)")
    else:
        check_choice(truth, "truth", tuple(_TRUTHS))
        f = _TRUTHS[truth]
    lo, hi = check_pair(x_range, "x_range")
    check_allocation(n, f"{n} samples", "lower n")
    x = np.sort(rng.uniform(lo, hi, size=n))
    y = np.asarray(f(x), dtype=np.float64) + noise * rng.standard_normal(n)
    return x, y, f


def train_test_split(X, y, test_size=0.25, *, seed):
    """Random split ``(X_train, X_test, y_train, y_test)`` (scikit-learn's order).

    test_size : a fraction in (0, 1) (rounded up to whole rows, as scikit-learn) or a number of rows.
    """
    X = as_design(X)
    y = as_target(y, X.shape[0])
    n = X.shape[0]
    if isinstance(test_size, (bool, np.bool_)):
        raise TypeError(f"test_size must be a fraction in (0, 1) or a number of rows, got {test_size!r}")
    if isinstance(test_size, (float, np.floating)):  # a fraction
        frac = check_scalar(test_size, "test_size", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False)
        n_test = int(np.ceil(frac * n))
    else:  # a number of rows
        n_test = check_scalar(test_size, "test_size", low=1, integer=True)
    if not 1 <= n_test <= n - 1:
        raise ValueError(f"test_size={test_size!r} leaves an empty train or test set for n={n}")
    rng = check_seed(seed)
    perm = rng.permutation(n)
    test, train = np.sort(perm[:n_test]), np.sort(perm[n_test:])
    return X[train], X[test], y[train], y[test]


def kfold_indices(n, k, *, seed, shuffle=True):
    """``k`` pairs ``(train_idx, test_idx)`` covering 0..n−1, each row in exactly one test fold.

    Fold sizes differ by at most one.  With ``shuffle=False`` folds are contiguous blocks (seed unused
    but still required, for a uniform signature).
    """
    n = check_scalar(n, "n", low=2, integer=True)
    k = check_scalar(k, "k", low=2, high=n, integer=True)
    shuffle = check_bool(shuffle, "shuffle")
    rng = check_seed(seed)
    order = rng.permutation(n) if shuffle else np.arange(n)
    folds = np.array_split(order, k)
    out = []
    for i in range(k):
        test = np.sort(folds[i])
        train = np.sort(np.concatenate([folds[j] for j in range(k) if j != i]))
        out.append((train, test))
    return out
