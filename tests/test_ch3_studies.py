"""Chapter 3 studies: exact zero sets (ridge roots, lasso zero intervals), the irrepresentable condition and the
exact recovery window, relaxed and adaptive lasso — each checked against an independent computation."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.core.agreement import decade_above
from course_lib.studies import ch3_irrepresentable as irr
from course_lib.studies import ch3_relaxed_lasso as relax
from course_lib.studies import ch3_zero_sets as zs


def small_problem(seed, n=60, p=6):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) @ np.linalg.cholesky(0.4 * np.ones((p, p)) + 0.6 * np.eye(p)).T
    w = np.zeros(p)
    w[:3] = [2.0, -1.5, 1.0]
    return X, X @ w + 0.5 * rng.standard_normal(n) + 1.0


def support_at(X, y, lam):
    w = cl.lasso(X, y, lam, tol=1e-14, max_iter=200_000).coef
    return tuple(np.flatnonzero(w)), tuple(np.sign(w[w != 0]))


@pytest.mark.parametrize("seed", range(4))
def test_recovery_window_is_exact(seed):
    """Inside the window the lasso's support and signs are (S, s); just outside they are not."""
    X, y = small_problem(seed)
    fit = cl.lasso(X, y, 0.3 * cl.lam_max(X, y), tol=1e-14)
    S = np.flatnonzero(fit.coef)
    s = np.sign(fit.coef[S])
    win = irr.recovery_window(X, y, S, s)
    assert not win.empty and win.lo < 0.3 * cl.lam_max(X, y) < win.hi
    for lam in np.geomspace(win.lo, win.hi, 5)[1:-1] if win.lo > 0 else [0.5 * win.hi]:
        assert support_at(X, y, lam) == (tuple(S), tuple(s))
    for lam in (win.lo * 0.97, win.hi * 1.03):
        if 0 < lam < cl.lam_max(X, y):
            assert support_at(X, y, lam) != (tuple(S), tuple(s))


def test_irrepresentable_value_of_the_decoy_is_two_rho():
    rho = 0.6
    Sigma = np.array([[1.0, 0.0, rho], [0.0, 1.0, rho], [rho, rho, 1.0]])
    np.testing.assert_allclose(irr.irrepresentable_values(Sigma, [0, 1], [1.0, 1.0]), [2 * rho])


def test_noiseless_decoy_never_recovers_the_support():
    X, y, _ = irr.correlated_decoy_design(n=200, rho=0.6, noise_std=0.0, seed=1)
    assert irr.recovery_window(X, y, [0, 1], [1.0, 1.0]).empty
    lmax = cl.lam_max(X, y)
    for frac in np.geomspace(0.95, 1e-4, 25):
        assert cl.lasso(X, y, frac * lmax, tol=1e-14).coef[2] != 0.0  # x₃ is never dropped
    X, y, _ = irr.correlated_decoy_design(n=200, rho=0.3, noise_std=0.0, seed=1)  # condition holds (0.6)
    assert not irr.recovery_window(X, y, [0, 1], [1.0, 1.0]).empty


def test_recovery_window_rejects_bad_supports():
    X, y = small_problem(0)
    with pytest.raises(ValueError, match="signs"):
        irr.recovery_window(X, y, [0, 1], [1.0, 0.5])
    with pytest.raises(ValueError, match="support"):
        irr.recovery_window(X, y, [0, 0], [1.0, 1.0])


def ridge_coef_direct(X, y, lam):
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    n, p = X.shape
    return np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(p), Xc.T @ yc / n)


def test_ridge_roots_are_sign_changes_of_the_closed_form():
    X, y, _ = cl.load_diabetes(standardized=True)
    lams = np.logspace(4, -3, 60)
    coefs = np.array([ridge_coef_direct(X, y, lam) for lam in lams])
    roots = zs.ridge_roots(X, y, lams, coefs)
    assert len(roots) >= 4
    for r in roots:
        below, above = (ridge_coef_direct(X, y, f * r.lam)[r.feature] for f in (1 - 1e-6, 1 + 1e-6))
        assert below * above < 0
        assert r.coef_at_ends <= 1e-10 * np.abs(coefs[:, r.feature]).max()


def test_lasso_zero_interval_ends_where_the_coefficient_moves():
    X, y, _ = cl.load_diabetes(standardized=True)
    path = cl.lasso_path(X, y, n_lams=200, eps=1e-4, tol=1e-12)
    j = 1  # sex
    z = zs.lasso_zero_interval(X, y, path.lams, path.coefs, j, 0)
    assert np.isinf(z.hi) and 0 < z.lo < cl.lam_max(X, y)
    assert cl.lasso(X, y, z.lo * 1.001, tol=1e-14).coef[j] == 0.0
    assert cl.lasso(X, y, z.lo * 0.999, tol=1e-14).coef[j] != 0.0
    coarse = cl.lasso_path(X, y, n_lams=4, eps=1e-4, tol=1e-12)
    with pytest.raises(ValueError, match="finer grid"):
        zs.lasso_zero_interval(X, y, coarse.lams, coarse.coefs, 0, 0)


def test_refit_on_support_is_least_squares_on_the_support():
    X, y = small_problem(2)
    coef = np.array([1.0, 0.0, -2.0, 0.0, 0.0, 0.5])
    w, b = relax.refit_on_support(X, y, coef)
    A = np.column_stack([np.ones(len(y)), X[:, [0, 2, 5]]])
    sol = np.linalg.lstsq(A, y, rcond=None)[0]
    np.testing.assert_allclose(w[[0, 2, 5]], sol[1:], atol=1e-10)
    np.testing.assert_allclose(b, sol[0], atol=1e-10)
    assert np.all(w[[1, 3, 4]] == 0.0)


def test_adaptive_path_satisfies_the_weighted_lasso_conditions():
    X, y = small_problem(3)
    lams, coefs, icpts = relax.adaptive_path(X, y, n_lams=30, tol=1e-14)
    weights = 1.0 / np.abs(np.linalg.lstsq(np.column_stack([np.ones(len(y)), X]), y, rcond=None)[0][1:])
    for k in (5, 15, 25):
        r = y - X @ coefs[k] - icpts[k]
        g = X.T @ r / len(y)
        on = coefs[k] != 0
        np.testing.assert_allclose(g[on], lams[k] * weights[on] * np.sign(coefs[k][on]), rtol=1e-6, atol=1e-9)
        assert np.all(np.abs(g[~on]) <= lams[k] * weights[~on] * (1 + 1e-6))


def test_compare_methods_scores_on_fresh_data():
    scores = relax.compare_methods(n_reps=2, n_test=500, n_lams=40)
    assert scores.test_mse.shape == (2, len(relax.METHODS))
    assert np.all(scores.test_mse > 0.8 * scores.noise_mse)  # nobody beats the noise floor by much
    assert np.all(scores.true_positives <= 5)
    mean, se = scores.paired_difference(1)
    assert np.isfinite(mean) and se >= 0


def test_decade_above():
    assert [decade_above(x) for x in (1.8e-14, 1e-12, 7.6e-11, 0.0, -3e-5)] == ["1e-13", "1e-12", "1e-10", "0", "1e-04"]
