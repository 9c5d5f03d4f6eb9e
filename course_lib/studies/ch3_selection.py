"""Chapter 3's selection study: an exact L0 (best-subset) baseline and a test bed with a known sparse truth."""
from __future__ import annotations

import numpy as np

__all__ = ["best_subset_l0", "known_support_problem"]


def best_subset_l0(X, y, lam):
    """Best subset selection with an L0 penalty, by trying every subset (small p only).

    Minimises ``(1/(2n))·||y − X_S w_S − b||² + λ·|S|`` over all subsets S of the columns (least squares on
    each S, intercept unpenalized).  2^p least-squares fits: fine for p <= 12, hopeless beyond — which
    is why the lasso, its convex relaxation, exists.  Returns ``(coef, objective)``.
    """
    from itertools import combinations

    from .._internal.validation import as_Xy, check_lam

    X, y = as_Xy(X, y)
    lam = check_lam(lam)
    n, p = X.shape
    if p > 12:
        raise ValueError(f"best_subset_l0 tries all 2^p subsets; p = {p} is too many (at most 12)")
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    best_coef, best_val = np.zeros(p), 0.5 * float(yc @ yc) / n
    for k in range(1, p + 1):
        for subset in combinations(range(p), k):
            cols = list(subset)
            w_s = np.linalg.lstsq(Xc[:, cols], yc, rcond=None)[0]
            r = yc - Xc[:, cols] @ w_s
            val = 0.5 * float(r @ r) / n + lam * k
            if val < best_val:
                best_val = val
                best_coef = np.zeros(p)
                best_coef[cols] = w_s
    return best_coef, best_val


def known_support_problem(n_train=100, n_test=1000, p=40, n_informative=5, rho=0.5, snr=2.0, intercept=5.0,
                          seed=3):
    """A regression problem with a known sparse truth and a large held-out set (chapter 3's test bed).

    Rows of X ~ N(0, Σ) with AR(1) correlation ``rho`` between neighbouring features (unit variances, so
    no standardization is needed); ``n_informative`` true coefficients are ±1, the other ``p − n_informative``
    are exactly 0 ("noise features"); ``snr = wᵀΣw/σ²``; y has an intercept.  The first ``n_train`` rows
    are for fitting, the remaining ``n_test`` for measuring held-out error.
    Returns ``(X_train, y_train, X_test, y_test, w_true)``.
    """
    from ..data.simulate import make_regression

    X, y, w_true = make_regression(n_train + n_test, p, n_informative=n_informative, rho=rho, snr=snr,
                                   intercept=intercept, seed=seed)
    return (np.ascontiguousarray(X[:n_train]), y[:n_train].copy(), np.ascontiguousarray(X[n_train:]),
            y[n_train:].copy(), w_true)
