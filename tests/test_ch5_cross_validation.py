"""Chapter 5: K-fold cross-validation (course_lib.core.model_selection) against brute-force loops."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.core.model_selection import cross_validate, lambda_grid, one_se_index


@pytest.fixture(scope="module")
def data():
    X, y, w = cl.make_regression(60, 12, n_informative=4, rho=0.4, snr=3.0, seed=11)
    return X, y, w


def test_folds_partition_the_rows(data):
    X, y, _ = data
    res = cross_validate(X, y, "lasso", n_folds=5, seed=0, n_lams=8)
    tests = np.concatenate([test for _, test in res.folds])
    assert np.array_equal(np.sort(tests), np.arange(X.shape[0]))  # each row held out exactly once
    for train, test in res.folds:
        assert np.intersect1d(train, test).size == 0
        assert train.size + test.size == X.shape[0]


@pytest.mark.parametrize("model", ["lasso", "ridge", "elastic_net"])
def test_cv_curve_matches_a_brute_force_loop(data, model):
    X, y, _ = data
    folds = cl.kfold_indices(X.shape[0], 4, seed=3)
    res = cross_validate(X, y, model, folds=folds, n_lams=6, tol=1e-12, l1_ratio=0.3 if model == "elastic_net" else None)
    brute = np.empty((len(folds), res.lams.size))
    for k, (train, test) in enumerate(folds):
        for i, lam in enumerate(res.lams):
            if model == "ridge":
                fit = cl.ridge(X[train], y[train], lam)
            elif model == "lasso":
                fit = cl.lasso(X[train], y[train], lam, tol=1e-12)
            else:
                fit = cl.elastic_net(X[train], y[train], lam, l1_ratio=0.3, tol=1e-12)
            r = y[test] - fit.predict(X[test])
            brute[k, i] = np.mean(r * r)
    # a duality gap of ε certifies the coefficients only to ~√ε, and held-out errors are first-order in them
    np.testing.assert_allclose(res.fold_errors, brute, rtol=1e-5)
    np.testing.assert_allclose(res.mean, brute.mean(axis=0), rtol=1e-5)
    np.testing.assert_allclose(res.se, brute.std(axis=0, ddof=1) / np.sqrt(len(folds)), rtol=1e-4)


def test_lam_min_minimises_the_mean_curve_and_lam_1se_is_the_largest_within_one_se(data):
    X, y, _ = data
    res = cross_validate(X, y, "lasso", n_folds=5, seed=1, n_lams=20)
    assert res.mean[res.idx_min] == res.mean.min()
    assert res.lam_min == res.lams[np.argmin(res.mean)]
    bound = res.mean[res.idx_min] + res.se[res.idx_min]
    assert res.mean[res.idx_1se] <= bound
    assert np.all(res.mean[: res.idx_1se] > bound)  # every larger λ is outside the band
    assert res.lam_1se >= res.lam_min
    assert res.n_nonzero[res.idx_1se] <= res.n_nonzero[res.idx_min] + 1  # simpler model (up to path wiggles)


def test_one_se_index_by_hand():
    lams = np.array([10.0, 5.0, 2.0, 1.0, 0.5])
    mean = np.array([9.0, 6.0, 4.5, 4.0, 4.2])
    se = np.array([1.0, 1.0, 0.4, 0.6, 0.5])
    assert one_se_index(lams, mean, se) == 2  # bound 4.6: 4.5 at λ = 2 is the largest λ inside
    with pytest.raises(ValueError, match="decreasing"):
        one_se_index(lams[::-1], mean, se)


def test_refit_path_and_predict_use_all_the_data(data):
    X, y, _ = data
    res = cross_validate(X, y, "lasso", n_folds=5, seed=2, n_lams=10, tol=1e-12)
    fit = cl.lasso(X, y, res.lam_min, tol=1e-12)
    np.testing.assert_allclose(res.coef("min"), fit.coef, atol=1e-8)
    np.testing.assert_allclose(res.predict(X[:5]), fit.predict(X[:5]), atol=1e-8)


def test_standardize_inside_folds_uses_training_statistics(data):
    X, y, _ = data
    Xs = X * np.array([1.0, 100.0] * 6)  # wildly different units
    folds = cl.kfold_indices(X.shape[0], 3, seed=4)
    res = cross_validate(Xs, y, "lasso", folds=folds, n_lams=5, standardize=True, tol=1e-12)
    train, test = folds[0]
    mu, sd = Xs[train].mean(axis=0), Xs[train].std(axis=0)
    fit = cl.lasso((Xs[train] - mu) / sd, y[train], res.lams[2], tol=1e-12)
    r = y[test] - fit.predict((Xs[test] - mu) / sd)
    assert np.isclose(res.fold_errors[0, 2], np.mean(r * r), rtol=1e-5)


def test_grids_and_input_errors(data):
    X, y, _ = data
    g = lambda_grid(X, y, "lasso", n_lams=5, eps=0.01)
    assert np.isclose(g[0], cl.lam_max(X, y)) and np.isclose(g[-1], 0.01 * g[0]) and np.all(np.diff(g) < 0)
    assert np.all(np.diff(lambda_grid(X, y, "ridge", n_lams=5)) < 0)
    with pytest.raises(ValueError, match="model"):
        cross_validate(X, y, "lars", seed=0)
    with pytest.raises(TypeError, match="seed"):
        cross_validate(X, y, "lasso")
    with pytest.raises(ValueError, match="exactly one test fold"):
        cross_validate(X, y, "lasso", folds=[(np.arange(30), np.arange(30, 60))])
