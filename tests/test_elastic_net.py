"""Elastic net: the lasso and ridge limits, scikit-learn agreement, KKT, every method."""
import numpy as np
import pytest
from sklearn.linear_model import ElasticNet

import course_lib as cl
from lasso_problems import FAMILIES, centered, family, kkt_scale, kkt_violation


def test_l1_ratio_one_is_the_lasso():
    X, y = family("p>n")
    lam = 0.05 * cl.lam_max(X, y)
    a = cl.elastic_net(X, y, lam, l1_ratio=1.0)
    b = cl.lasso(X, y, lam)
    np.testing.assert_array_equal(a.coef, b.coef)
    assert a.objective == b.objective


@pytest.mark.parametrize("name", FAMILIES)
@pytest.mark.parametrize("method", ["cd", "fista"])
def test_l1_ratio_zero_is_ridge_closed_form(name, method):
    X, y = family(name)
    n, p = X.shape
    lam = 0.2
    fit = cl.elastic_net(X, y, lam, l1_ratio=0.0, method=method, tol=1e-14)
    Xc, yc = centered(X, y)
    expected = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc)
    assert fit.converged
    np.testing.assert_allclose(fit.coef, expected, atol=1e-5)
    ref = cl.objective(X, y, expected, y.mean() - X.mean(axis=0) @ expected, lam, 0.0)
    assert abs(fit.objective - ref) <= 1e-10 * ref


@pytest.mark.parametrize("name", FAMILIES)
@pytest.mark.parametrize("l1_ratio", [0.2, 0.7])
def test_objective_matches_sklearn_elastic_net(name, l1_ratio):
    X, y = family(name, seed=11)
    lam = 0.05 * cl.lam_max(X, y, l1_ratio)
    fit = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-15, max_iter=100_000)
    sk = ElasticNet(alpha=lam, l1_ratio=l1_ratio, tol=1e-12, max_iter=1_000_000).fit(X, y)
    ref = cl.objective(X, y, sk.coef_, sk.intercept_, lam, l1_ratio)
    assert fit.converged
    assert abs(fit.objective - ref) <= 1e-8 * ref
    assert kkt_violation(X, y, fit.coef, lam, l1_ratio) < 1e-7 * kkt_scale(X, y)
    np.testing.assert_allclose(fit.coef, sk.coef_, atol=1e-4)


def test_elastic_net_lam_max_gives_zeros_and_just_below_does_not():
    X, y = family("correlated")
    top = cl.lam_max(X, y, l1_ratio=0.3)
    assert np.all(cl.elastic_net(X, y, top, l1_ratio=0.3).coef == 0.0)
    assert cl.elastic_net(X, y, 0.99 * top, l1_ratio=0.3).n_nonzero >= 1


@pytest.mark.parametrize("method", ["ista", "fista", "cd"])
def test_methods_agree_on_elastic_net(method):
    X, y = family("correlated", seed=2)
    lam = 0.03 * cl.lam_max(X, y, 0.5)
    ref = cl.elastic_net(X, y, lam, l1_ratio=0.5, tol=1e-13)
    fit = cl.elastic_net(X, y, lam, l1_ratio=0.5, method=method, tol=1e-12)
    assert fit.converged
    assert fit.objective == pytest.approx(ref.objective, rel=1e-10)
    np.testing.assert_allclose(fit.coef, ref.coef, atol=1e-5)
    assert fit.gap <= 1e-12 * np.var(y)


def test_elastic_net_is_less_sparse_than_lasso_on_correlated_columns():
    X, y = family("correlated", seed=3)
    lam = 0.05 * cl.lam_max(X, y)
    lasso = cl.lasso(X, y, lam)
    enet = cl.elastic_net(X, y, lam / 0.3, l1_ratio=0.3)  # same L1 weight, plus ridge
    assert enet.n_nonzero > lasso.n_nonzero


def test_enet_duality_gap_bounds_suboptimality():
    X, y = family("p>n", seed=8)
    lam, r = 0.1, 0.4
    best = cl.elastic_net(X, y, lam, l1_ratio=r, tol=1e-14)
    w = best.coef + 0.01
    b = y.mean() - X.mean(axis=0) @ w
    sub = cl.objective(X, y, w, b, lam, r) - best.objective
    gap = cl.duality_gap(X, y, w, lam, r)
    assert 0 < sub <= gap
    assert gap < 100 * sub  # and it is informative, not a vacuous bound


def test_wide_ridge_limit_and_least_squares_limit_through_working_sets():
    """p >= 100 goes through the working-set solver; its ridge (r = 0) and λ = 0 limits are closed forms."""
    rng = np.random.default_rng(12)
    n, p = 150, 120
    X = rng.standard_normal((n, p)) + 1.0
    y = X[:, :4] @ np.array([1.0, -1.0, 2.0, 0.5]) + rng.standard_normal(n)
    Xc, yc = centered(X, y)
    lam = 0.05
    ridge = cl.elastic_net(X, y, lam, l1_ratio=0.0, tol=1e-14)
    expected = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc)
    assert ridge.converged
    np.testing.assert_allclose(ridge.coef, expected, atol=1e-6)
    ols = cl.lasso(X, y, 0.0, tol=1e-12)
    assert ols.converged
    np.testing.assert_allclose(ols.coef, np.linalg.lstsq(Xc, yc, rcond=None)[0], atol=1e-5)


def test_lasso_problem_elastic_net_and_record_staircase():
    X, y = family("p<n", seed=6)
    prob = cl.LassoProblem(X, y)
    lam = 0.1 * prob.lam_max(0.5)
    a = prob.fit(lam, l1_ratio=0.5, method="fista", tol=1e-12)
    b = cl.elastic_net(X, y, lam, l1_ratio=0.5, tol=1e-12)
    assert a.objective == pytest.approx(b.objective, rel=1e-10)
    rec = prob.fit(lam, l1_ratio=0.5, record="updates")
    up = rec.history["coef_updates"]
    assert up.shape == (rec.n_iter * X.shape[1] + 1, X.shape[1])
    np.testing.assert_array_equal(up[-1], rec.coef)
