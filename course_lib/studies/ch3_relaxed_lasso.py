"""The lasso's shrinkage bias and two fixes, measured against the lasso on chapter 3's known-support problem.

The lasso shrinks every kept coefficient towards 0 by about λ (exactly λ for an orthonormal design), so the λ
that predicts best is pushed down, and with it noise features come in.  Two remedies separate "which
features" from "how large":

* **relaxed lasso, φ = 0** (Meinshausen 2007; Hastie, Tibshirani & Tibshirani 2020): keep the lasso's support
  at each λ and refit ordinary least squares on it (``relaxed_path``);
* **adaptive lasso** (Zou 2006): a weighted lasso with penalty ``λ·Σ_j |w_j| / |w̃_j|^γ`` from a first
  estimate ``w̃`` (here OLS, which exists for n > p): large first estimates are penalized little, small ones
  much.  Solved as a plain lasso on the rescaled columns ``x_j·|w̃_j|^γ`` (``adaptive_path``).

``compare_methods`` draws fresh problems, tunes each method's λ on a validation set and scores it on a test
set, so no method is judged on the data that chose its λ.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_Xy, check_scalar

__all__ = ["refit_on_support", "relaxed_path", "adaptive_path", "MethodScores", "compare_methods", "METHODS"]

METHODS = ("lasso", "relaxed lasso (OLS refit)", "adaptive lasso")


def refit_on_support(X, y, coef):
    """Least squares (with intercept) on the columns where ``coef`` is non-zero: ``(coef_refit, intercept)``."""
    X, y = as_Xy(X, y)
    S = np.flatnonzero(np.asarray(coef, dtype=float))
    w = np.zeros(X.shape[1])
    x_mean, y_mean = X.mean(axis=0), y.mean()
    if S.size:
        w[S] = np.linalg.lstsq(X[:, S] - x_mean[S], y - y_mean, rcond=None)[0]
    return w, float(y_mean - x_mean @ w)


def relaxed_path(X, y, path):
    """OLS refits on the support of each λ of a lasso ``path``: ``(coefs (k, p), intercepts (k,))``."""
    coefs = np.zeros_like(path.coefs)
    intercepts = np.zeros(len(path.lams))
    cache = {}
    for k, coef in enumerate(path.coefs):
        key = tuple(np.flatnonzero(coef))
        if key not in cache:
            cache[key] = refit_on_support(X, y, coef)
        coefs[k], intercepts[k] = cache[key]
    return coefs, intercepts


def adaptive_path(X, y, gamma=1.0, n_lams=100, eps=1e-3, tol=1e-10):
    """Adaptive lasso path with OLS first-stage weights ``|w̃_j|^γ``: ``(lams, coefs (k, p), intercepts (k,))``.

    The weighted lasso ``(1/(2n))||y − Xw − b||² + λΣ|w_j|/|w̃_j|^γ`` is a plain lasso in ``v_j = w_j/|w̃_j|^γ``
    on the columns ``x_j·|w̃_j|^γ``; coefficients are returned on the original scale.  Needs n > p.
    """
    from ..solvers.lasso import lasso_path

    X, y = as_Xy(X, y)
    gamma = check_scalar(gamma, "gamma", low=0.0, low_inclusive=False)
    if X.shape[0] <= X.shape[1] + 1:
        raise ValueError(f"adaptive_path uses OLS first-stage weights, which need n > p + 1; got n = "
                         f"{X.shape[0]}, p = {X.shape[1]} (use a ridge first stage instead)")
    scale = np.abs(refit_on_support(X, y, np.ones(X.shape[1]))[0]) ** gamma
    path = lasso_path(X * scale, y, n_lams=n_lams, eps=eps, tol=tol)
    coefs = path.coefs * scale
    return path.lams, coefs, path.intercepts


@dataclass(frozen=True)
class MethodScores:
    """Per replicate (rows) and method (columns, in ``METHODS`` order), at each method's validation-chosen λ."""

    test_mse: np.ndarray        # test mean squared error
    noise_mse: float            # σ², the error of the true model (the floor)
    n_selected: np.ndarray
    true_positives: np.ndarray
    false_positives: np.ndarray
    real_coef_shrinkage: np.ndarray  # mean over real features of 1 − ŵ_j/β_j (0 = unbiased, 1 = zeroed)

    def mean_and_se(self, field: str):
        a = np.asarray(getattr(self, field), dtype=float)
        return a.mean(axis=0), a.std(axis=0, ddof=1) / np.sqrt(a.shape[0])

    def paired_difference(self, method: int, against: int = 0):
        """Mean and standard error over replicates of ``test_mse[method] − test_mse[against]`` (same data)."""
        d = self.test_mse[:, method] - self.test_mse[:, against]
        return float(d.mean()), float(d.std(ddof=1) / np.sqrt(d.size))

    def wins(self, method: int, against: int = 0) -> int:
        """Replicates where ``method`` has a strictly lower test error than ``against``."""
        return int(np.sum(self.test_mse[:, method] < self.test_mse[:, against]))


def compare_methods(n_reps=20, n_train=100, n_val=500, n_test=2000, p=40, n_informative=5, rho=0.5, snr=2.0,
                    seed=100, n_lams=100):
    """Lasso, relaxed lasso (OLS refit) and adaptive lasso on ``n_reps`` fresh draws of chapter 3's problem.

    Each replicate draws train/validation/test rows from one model (``data.simulate.make_regression``, as in
    ``ch3_selection.known_support_problem``), picks each method's λ by the validation error on its own path and
    reports test error and selection at that λ.
    """
    from ..data.simulate import make_regression
    from ..solvers.lasso import lasso_path

    n_reps = check_scalar(n_reps, "n_reps", low=2, integer=True)
    rows = {k: np.zeros((n_reps, len(METHODS))) for k in
            ("test_mse", "n_selected", "true_positives", "false_positives", "real_coef_shrinkage")}
    noise = []
    for r in range(n_reps):
        X, y, w_true, sigma = make_regression(n_train + n_val + n_test, p, n_informative=n_informative, rho=rho,
                                              snr=snr, intercept=5.0, seed=seed + r, return_noise_std=True)
        noise.append(sigma ** 2)
        tr, va, te = slice(0, n_train), slice(n_train, n_train + n_val), slice(n_train + n_val, None)
        Xtr, ytr = np.ascontiguousarray(X[tr]), y[tr]
        path = lasso_path(Xtr, ytr, n_lams=n_lams, eps=1e-3, tol=1e-10)
        relaxed = relaxed_path(Xtr, ytr, path)
        _, a_coefs, a_icpts = adaptive_path(Xtr, ytr, n_lams=n_lams)
        real = w_true != 0
        for m, (coefs, icpts) in enumerate([(path.coefs, path.intercepts), relaxed, (a_coefs, a_icpts)]):
            val = np.mean((X[va] @ coefs.T + icpts - y[va, None]) ** 2, axis=0)
            k = int(np.argmin(val))
            w = coefs[k]
            rows["test_mse"][r, m] = np.mean((X[te] @ w + icpts[k] - y[te]) ** 2)
            chosen = w != 0
            rows["n_selected"][r, m] = chosen.sum()
            rows["true_positives"][r, m] = np.sum(chosen & real)
            rows["false_positives"][r, m] = np.sum(chosen & ~real)
            rows["real_coef_shrinkage"][r, m] = np.mean(1.0 - w[real] / w_true[real])
    return MethodScores(noise_mse=float(np.mean(noise)), **rows)
