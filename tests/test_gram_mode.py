"""Covariance mode (n ≫ p): the path kernel that works on G = X_cᵀX_c/n instead of the residual."""
import warnings

import numpy as np
import pytest
from sklearn.linear_model import enet_path

import course_lib as cl
from course_lib.solvers import lasso as lasso_module
from course_lib.solvers._gram_cd import use_gram


def _residual_mode_path(monkeypatch, *args, **kwargs):
    with monkeypatch.context() as m:
        m.setattr(lasso_module, "use_gram", lambda n, p: False)
        return cl.elastic_net_path(*args, **kwargs)


def test_tall_problems_use_covariance_mode_and_wide_ones_do_not():
    assert use_gram(442, 10) and use_gram(10_000, 500)
    assert not use_gram(500, 5000) and not use_gram(100, 60) and not use_gram(100_000, 600)


@pytest.mark.parametrize("l1_ratio", [1.0, 0.5, 0.0])
def test_diabetes_path_agrees_with_residual_mode_and_scikit_learn(monkeypatch, l1_ratio):
    X, y, _ = cl.load_diabetes()  # raw units: badly scaled columns, the hard case for G's rounding
    lams = cl.lam_max(X, y, max(l1_ratio, 0.5)) * np.geomspace(1.0, 1e-3, 40)
    gram = cl.elastic_net_path(X, y, l1_ratio=l1_ratio, lams=lams, tol=1e-12, max_iter=1_000_000)
    resid = _residual_mode_path(monkeypatch, X, y, l1_ratio=l1_ratio, lams=lams, tol=1e-12, max_iter=1_000_000)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = enet_path(np.asfortranarray(Xc), yc, l1_ratio=l1_ratio, alphas=lams, tol=1e-14,
                       max_iter=1_000_000)[1].T
    scale = float(yc @ yc) / len(yc)
    for lam, wg, wr, ws in zip(lams, gram.coefs, resid.coefs, sk):
        og, orr, osk = (cl.objective(Xc, yc, w, 0.0, lam, l1_ratio) for w in (wg, wr, ws))
        assert abs(og - orr) <= 2e-12 * scale and og - osk <= 2e-12 * scale
    assert np.all(gram.gaps <= 1e-12 * scale)


def test_reported_gaps_are_the_exact_residual_gaps():
    X, y, _ = cl.load_diabetes()
    path = cl.lasso_path(X, y, n_lams=30, tol=1e-9)
    exact = np.array([cl.duality_gap(X, y, w, lam) for lam, w in zip(path.lams, path.coefs)])
    scale = float(np.var(y))
    np.testing.assert_allclose(path.gaps, exact, rtol=1e-6, atol=1e-15 * scale)
    assert np.all(exact <= 1e-9 * scale)


def test_constant_column_stays_zero_in_covariance_mode():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((200, 8))
    X[:, 3] = 7.0
    y = X[:, 0] - 2 * X[:, 5] + 0.1 * rng.standard_normal(200)
    path = cl.lasso_path(X, y, n_lams=20, tol=1e-10)
    assert np.all(path.coefs[:, 3] == 0.0)
    assert np.all(path.gaps <= 1e-10 * np.var(y))


def test_coef_tol_in_covariance_mode_tightens_the_coefficients():
    X, y, _ = cl.load_diabetes()
    lams = cl.lam_max(X, y) * np.geomspace(1.0, 1e-3, 20)
    loose = cl.lasso_path(X, y, lams=lams, tol=1e-4)
    tight = cl.lasso_path(X, y, lams=lams, tol=1e-4, coef_tol=1e-10)
    ref = cl.lasso_path(X, y, lams=lams, tol=1e-14, max_iter=1_000_000)
    err = lambda path: np.max(np.abs(path.coefs - ref.coefs))
    assert err(tight) < 1e-3 * err(loose)
    assert tight.n_iters.sum() > loose.n_iters.sum()
