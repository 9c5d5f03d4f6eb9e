"""Regularization paths against scikit-learn's lasso_path / enet_path on the same λ grid."""
import warnings

import numpy as np
import pytest
from sklearn.linear_model import enet_path, lasso_path

import course_lib as cl
from lasso_problems import FAMILIES, centered, family


def objectives(X, y, path, l1_ratio):
    return np.array([cl.objective(X, y, c, b, lam, l1_ratio)
                     for lam, c, b in zip(path.lams, path.coefs, path.intercepts)])


@pytest.mark.parametrize("name", FAMILIES)
def test_lasso_path_matches_sklearn(name):
    X, y = family(name, seed=21)
    path = cl.lasso_path(X, y, n_lams=30, eps=1e-2, tol=1e-12)
    Xc, yc = centered(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sk_coefs, _ = lasso_path(Xc, yc, alphas=path.lams, tol=1e-12, max_iter=1_000_000)
    sk_coefs = sk_coefs.T
    sk_intercepts = y.mean() - sk_coefs @ X.mean(axis=0)
    ours = objectives(X, y, path, 1.0)
    ref = np.array([cl.objective(X, y, c, b, lam) for lam, c, b in zip(path.lams, sk_coefs, sk_intercepts)])
    assert np.all(np.abs(ours - ref) <= 1e-8 * ref)
    np.testing.assert_allclose(path.coefs, sk_coefs, atol=1e-4)
    assert np.all(path.gaps <= 1e-12 * np.var(y) + 1e-300)


@pytest.mark.parametrize("l1_ratio", [0.3, 0.8])
def test_enet_path_matches_sklearn(l1_ratio):
    X, y = family("correlated", seed=22)
    path = cl.elastic_net_path(X, y, l1_ratio=l1_ratio, n_lams=25, eps=1e-2, tol=1e-12)
    Xc, yc = centered(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sk_coefs, _ = enet_path(Xc, yc, l1_ratio=l1_ratio, alphas=path.lams, tol=1e-12, max_iter=1_000_000)
    sk_coefs = sk_coefs.T
    ours = objectives(X, y, path, l1_ratio)
    ref = np.array([cl.objective(X, y, c, y.mean() - X.mean(axis=0) @ c, lam, l1_ratio)
                    for lam, c in zip(path.lams, sk_coefs)])
    assert np.all(np.abs(ours - ref) <= 1e-8 * ref)
    np.testing.assert_allclose(path.coefs, sk_coefs, atol=1e-4)


def test_default_grid_shape_and_first_solution_is_zero():
    X, y = family("p>n")
    path = cl.lasso_path(X, y)
    top = cl.lam_max(X, y)
    assert len(path) == 100 and path.coefs.shape == (100, X.shape[1])
    assert path.lams[0] == pytest.approx(top) and path.lams[-1] == pytest.approx(1e-3 * top)
    assert np.all(np.diff(path.lams) < 0)
    assert np.all(path.coefs[0] == 0) and path.n_nonzero[-1] > 5
    assert path.intercepts[0] == pytest.approx(y.mean())
    assert path.gaps.shape == path.n_iters.shape == (100,)
    np.testing.assert_allclose(path.predict(X)[:, 0], y.mean())


def test_path_equals_independent_fits_and_sorts_lams():
    X, y = family("p<n", seed=3)
    lams = np.array([0.01, 0.5, 0.1])  # unsorted on purpose
    path = cl.lasso_path(X, y, lams=lams, tol=1e-12)
    np.testing.assert_array_equal(path.lams, [0.5, 0.1, 0.01])
    for lam, coef in zip(path.lams, path.coefs):
        np.testing.assert_allclose(coef, cl.lasso(X, y, lam, tol=1e-12).coef, atol=1e-6)


def test_ridge_path_via_enet_needs_explicit_lams():
    X, y = family("p<n")
    with pytest.raises(ValueError, match="lams"):
        cl.elastic_net_path(X, y, l1_ratio=0.0)
    path = cl.elastic_net_path(X, y, l1_ratio=0.0, lams=[1.0, 0.1], tol=1e-14)
    Xc, yc = centered(X, y)
    n, p = X.shape
    expected = np.linalg.solve(Xc.T @ Xc + n * 0.1 * np.eye(p), Xc.T @ yc)
    np.testing.assert_allclose(path.coefs[1], expected, atol=1e-6)


def test_path_warns_when_max_iter_too_small():
    X, y = family("correlated")
    with pytest.warns(cl.ConvergenceWarning, match="path"):
        cl.lasso_path(X, y, n_lams=10, max_iter=1)


def test_wide_path_with_working_sets_matches_sklearn():
    from lasso_problems import ar1_design

    rng = np.random.default_rng(4)
    X = ar1_design(60, 300, 0.5, rng)
    y = X[:, :10] @ rng.standard_normal(10) + rng.standard_normal(60)
    path = cl.lasso_path(X, y, n_lams=40, eps=1e-2, tol=1e-10)
    Xc, yc = centered(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, sk_coefs, _ = lasso_path(Xc, yc, alphas=path.lams, tol=1e-12, max_iter=1_000_000)
    sk_coefs = sk_coefs.T
    ours = objectives(X, y, path, 1.0)
    ref = np.array([cl.objective(X, y, c, y.mean() - X.mean(axis=0) @ c, lam) for lam, c in zip(path.lams, sk_coefs)])
    assert np.all(np.abs(ours - ref) <= 1e-8 * ref)
    assert np.all(path.gaps <= 1e-10 * np.var(y))
    np.testing.assert_array_equal(path.n_nonzero, np.count_nonzero(sk_coefs, axis=1))
