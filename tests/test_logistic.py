"""Penalized logistic regression against scikit-learn (a test dependency only), the KKT conditions, paths,
labels and bad input.  Objective: (1/n)Σ log(1 + exp(−ỹ(xᵀw + b))) + λ(r||w||₁ + (1−r)/2||w||²)."""
import warnings

import numpy as np
import pytest

import course_lib as cl

sklearn = pytest.importorskip("sklearn")
from sklearn.linear_model import LogisticRegression  # noqa: E402


def problem(kind, seed=0):
    rng = np.random.default_rng(seed)
    if kind == "p<n":
        n, p = 120, 15
        X = rng.standard_normal((n, p))
    elif kind == "p>>n":
        n, p = 40, 300
        X = rng.standard_normal((n, p))
    elif kind == "correlated":
        n, p = 80, 30
        z = rng.standard_normal((n, 1))
        X = 0.9 * z + np.sqrt(1 - 0.81) * rng.standard_normal((n, p))  # pairwise correlation ≈ 0.81
    elif kind == "separable":
        n, p = 60, 10
        X = rng.standard_normal((n, p))
    w = np.zeros(p)
    w[:4] = [2.0, -1.5, 1.0, 0.8]
    eta = X @ w + 0.3
    if kind == "separable":
        y = (eta > 0).astype(int)
    else:
        y = (rng.random(n) < 1 / (1 + np.exp(-eta))).astype(int)
    return X, y


def sk_objective(X, y, lam, r):
    n = X.shape[0]
    sk = LogisticRegression(C=1.0 / (n * lam), l1_ratio=r, solver="saga", tol=1e-15, max_iter=200_000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk.fit(X, y)
    return cl.logistic_objective(X, y, sk.coef_[0], sk.intercept_[0], lam, r), sk


@pytest.mark.parametrize("kind", ["p<n", "p>>n", "correlated", "separable"])
@pytest.mark.parametrize("r", [1.0, 0.5, 0.0])
def test_objective_agrees_with_scikit_learn_saga(kind, r):
    X, y = problem(kind)
    lam = 0.05 * cl.logistic_lam_max(X, y, 1.0)
    fit = cl.logistic(X, y, lam, l1_ratio=r, tol=1e-12)
    assert fit.converged
    ours = cl.logistic_objective(X, y, fit.coef, fit.intercept, lam, r)
    assert ours == pytest.approx(fit.objective, rel=1e-13)
    theirs, _ = sk_objective(X, y, lam, r)
    # ours is certified within 1e-12·H(ȳ) of the optimum, so it cannot be beaten by more than that
    assert ours <= theirs + 1e-12
    assert abs(ours - theirs) <= 1e-8 * abs(theirs), f"{kind}, r={r}: {ours!r} vs scikit-learn {theirs!r}"


def test_default_logistic_regression_is_ridge_with_lambda_one_over_n():
    X, y = problem("p<n", seed=3)
    n = X.shape[0]
    sk = LogisticRegression(tol=1e-12, max_iter=10_000).fit(X, y)  # scikit-learn's default: L2, C = 1
    lam = 1.0 / (n * 1.0)
    fit = cl.logistic(X, y, lam, l1_ratio=0.0, tol=1e-13)
    np.testing.assert_allclose(fit.coef, sk.coef_[0], rtol=1e-5, atol=1e-7)
    assert fit.intercept == pytest.approx(sk.intercept_[0], rel=1e-5, abs=1e-7)
    np.testing.assert_allclose(fit.predict_proba(X), sk.predict_proba(X), atol=1e-7)


def test_liblinear_penalizes_the_intercept_and_differs():
    X, y = problem("p<n", seed=4)
    X = X + 3.0  # an offset makes the intercept large, so penalizing it matters
    n = X.shape[0]
    lam = 0.05
    lib = LogisticRegression(C=1 / (n * lam), l1_ratio=1.0, solver="liblinear", tol=1e-10, max_iter=10_000).fit(X, y)
    ours = cl.logistic(X, y, lam, tol=1e-12)
    theirs = cl.logistic_objective(X, y, lib.coef_[0], lib.intercept_[0], lam, 1.0)
    assert theirs > ours.objective + 1e-6  # liblinear solved another problem


def kkt_violation(X, y01, fit, lam, r):
    n = X.shape[0]
    p = 1 / (1 + np.exp(-(X @ fit.coef + fit.intercept)))
    g = X.T @ (p - y01) / n + lam * (1 - r) * fit.coef
    nz = fit.coef != 0
    v_nz = np.abs(g[nz] + lam * r * np.sign(fit.coef[nz]))
    v_z = np.maximum(np.abs(g[~nz]) - lam * r, 0.0)
    return max(v_nz.max(initial=0.0), v_z.max(initial=0.0), abs(np.mean(p - y01)))


@pytest.mark.parametrize("kind", ["p<n", "p>>n", "correlated"])
@pytest.mark.parametrize("r", [1.0, 0.5])
def test_kkt_conditions_at_the_solution(kind, r):
    X, y = problem(kind, seed=1)
    lam = 0.1 * cl.logistic_lam_max(X, y, r)
    fit = cl.logistic(X, y, lam, l1_ratio=r, tol=1e-12)
    assert kkt_violation(X, y.astype(float), fit, lam, r) < 1e-5 * lam
    assert 0 < fit.n_nonzero < X.shape[1]


def test_lam_max_is_the_first_lambda_with_a_non_zero():
    X, y = problem("p>>n", seed=2)
    top = cl.logistic_lam_max(X, y)
    assert cl.logistic(X, y, top).n_nonzero == 0
    assert cl.logistic(X, y, 0.999 * top, tol=1e-12).n_nonzero >= 1
    assert cl.logistic_lam_max(X, y, 0.5) == pytest.approx(2 * top)
    assert cl.logistic_lam_max(X, y, 0.0) == np.inf


def test_path_matches_single_fits_and_warm_starts():
    X, y = problem("p>>n", seed=5)
    path = cl.logistic_path(X, y, n_lams=20, tol=1e-11)
    assert path.lams[0] == pytest.approx(cl.logistic_lam_max(X, y))
    assert path.lams[-1] == pytest.approx(1e-2 * path.lams[0])  # p > n: glmnet's lambda.min.ratio
    assert path.n_nonzero[0] == 0 and path.n_nonzero[-1] > 5
    for i in (3, 10, 19):
        fit = cl.logistic(X, y, path.lams[i], tol=1e-11)
        assert cl.logistic_objective(X, y, path.coefs[i], path.intercepts[i], path.lams[i]) == pytest.approx(
            fit.objective, rel=1e-9)
    assert path.predict_proba(X).shape == (X.shape[0], 20)


def test_enet_path_against_scikit_learn_at_three_lambdas():
    X, y = problem("correlated", seed=6)
    path = cl.logistic_path(X, y, l1_ratio=0.5, n_lams=10, eps=1e-3, tol=1e-12)
    for i in (2, 5, 9):
        theirs, _ = sk_objective(X, y, path.lams[i], 0.5)
        ours = cl.logistic_objective(X, y, path.coefs[i], path.intercepts[i], path.lams[i], 0.5)
        assert abs(ours - theirs) <= 1e-8 * theirs


def test_any_two_labels_and_the_positive_class():
    X, y = problem("p<n", seed=7)
    base = cl.logistic(X, y, 0.01, tol=1e-12)
    for labels in (np.where(y == 1, "tumour", "normal"), np.where(y == 1, 1, -1), y.astype(bool), y + 10.0):
        fit = cl.logistic(X, labels, 0.01, tol=1e-12)
        np.testing.assert_allclose(fit.coef, base.coef, atol=1e-10)
        assert set(fit.predict(X)) <= set(labels)
        assert fit.accuracy(X, labels) == pytest.approx(base.accuracy(X, y))
    strings = np.where(y == 1, "b", "a")
    sk = LogisticRegression(C=1 / (X.shape[0] * 0.01), l1_ratio=0.0, tol=1e-12).fit(X, strings)
    ours = cl.logistic(X, strings, 0.01, l1_ratio=0.0, tol=1e-13)
    assert list(ours.classes) == list(sk.classes_)
    assert np.array_equal(ours.predict(X), sk.predict(X))


@pytest.mark.parametrize("y, match", [
    (np.zeros(20), "exactly 2 distinct labels.*got 1"),
    (np.arange(20) % 3, "exactly 2 distinct labels.*got 3.*ovr_fit"),
    (np.r_[np.zeros(10), np.ones(9), np.nan], "NaN"),
    (np.zeros(19), "20 rows but y has 19"),
    (np.zeros((20, 1)), "ravel"),
])
def test_bad_labels_get_a_clear_error(y, match):
    X = np.random.default_rng(0).standard_normal((20, 3))
    with pytest.raises(ValueError, match=match):
        cl.logistic(X, y, 0.1)


def test_bad_arguments_get_a_clear_error():
    X, y = problem("p<n")
    with pytest.raises(ValueError, match="lam must be >= 0"):
        cl.logistic(X, y, -1.0)
    with pytest.raises(ValueError, match="l1_ratio must be <= 1"):
        cl.logistic(X, y, 0.1, l1_ratio=2.0)
    with pytest.raises(ValueError, match="tol must be > 0"):
        cl.logistic(X, y, 0.1, tol=0.0)
    bad = X.copy()
    bad[0, 0] = np.inf
    with pytest.raises(ValueError, match="X contains 1 NaN or infinite"):
        cl.logistic(bad, y, 0.1)
    with pytest.raises(ValueError, match="coef_init has 3 entries"):
        cl.logistic(X, y, 0.1, coef_init=np.zeros(3))
    with pytest.raises(ValueError, match="no finite lam_max"):
        cl.logistic_path(X, y, l1_ratio=0.0)


def test_separable_data_without_penalty_warns_instead_of_diverging():
    X, y = problem("separable")
    with pytest.warns(cl.SeparationWarning, match="separates the training data"):
        fit = cl.logistic(X, y, 0.0, l1_ratio=0.0, max_iter=200)
    assert fit.accuracy(X, y) == 1.0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # penalized: a finite minimiser, no warning
        cl.logistic(X, y, 0.01, l1_ratio=0.0)


def test_max_iter_reached_warns_with_the_gap():
    X, y = problem("p>>n")
    with pytest.warns(cl.ConvergenceWarning, match="duality gap"):
        fit = cl.logistic(X, y, 0.01, max_iter=1)
    assert not fit.converged and fit.gap > 1e-8


def test_one_vs_rest_on_three_classes():
    rng = np.random.default_rng(8)
    centers = np.array([[2.0, 0, 0], [0, 2.0, 0], [0, 0, 2.0]])
    labels = np.repeat(["a", "b", "c"], 30)
    X = centers[np.repeat([0, 1, 2], 30)] + rng.standard_normal((90, 3))
    ovr = cl.ovr_fit(X, labels, 0.01)
    assert list(ovr.classes) == ["a", "b", "c"]
    assert ovr.accuracy(X, labels) > 0.8
    for k, c in enumerate(ovr.classes):
        single = cl.logistic(X, labels == c, 0.01)
        np.testing.assert_allclose(ovr.fits[k].coef, single.coef, atol=1e-12)
    with pytest.raises(ValueError, match="3 or more classes"):
        cl.ovr_fit(X[:60], labels[:60], 0.01)
