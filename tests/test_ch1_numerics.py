"""Chapter 1 computational helpers: ridge zeros, the AdamW box, the polynomial problem — and the claims the
notebook prints, checked independently of the notebook."""
import numpy as np
import pytest

import course_lib as cl

X, Y, NAMES = cl.load_diabetes(standardized=True)


# --- ridge_zeros ----------------------------------------------------------------------------------------------
def test_sign_changes_counts_each_column():
    coefs = np.array([[1.0, 1.0, -1.0], [-1.0, 2.0, -1.0], [1.0, 3.0, -2.0]])
    assert cl.studies.ch1_ridge_zeros.sign_changes(coefs).tolist() == [2, 0, 0]


def test_ridge_path_on_diabetes_has_no_exact_zero_but_sign_changes():
    path = cl.ridge_path(X, Y, np.logspace(3, -4, 200))
    assert int(np.sum(path.coefs == 0.0)) == 0
    assert cl.studies.ch1_ridge_zeros.sign_changes(path.coefs).tolist() == [1, 1, 0, 0, 1, 2, 1, 0, 0, 0]


def test_ridge_coefficient_root_brackets_a_zero():
    j = NAMES.index("s1")
    lo, hi, w_lo, w_hi = cl.studies.ch1_ridge_zeros.ridge_coefficient_root(X, Y, j, 0.5, 1.0)
    assert 0.81 < lo <= hi < 0.82
    assert max(abs(w_lo), abs(w_hi)) < 1e-13
    assert cl.ridge(X, Y, 0.999 * lo).coef[j] * cl.ridge(X, Y, 1.001 * hi).coef[j] < 0


def test_ridge_coefficient_root_needs_a_sign_change():
    with pytest.raises(ValueError, match="same sign"):
        cl.studies.ch1_ridge_zeros.ridge_coefficient_root(X, Y, NAMES.index("bmi"), 0.1, 1.0)


def test_orthogonal_column_uncorrelated_with_y_is_exactly_zero_for_every_lambda():
    Xo = np.array([[1.0, 1.0, 1.0], [-1.0, 1.0, -1.0], [1.0, -1.0, -1.0], [-1.0, -1.0, 1.0]])
    yo = np.array([2.0, 1.0, 4.0, 3.0])
    for lam in np.logspace(-3, 3, 13):
        assert cl.ridge(Xo, yo, lam).coef[2] == 0.0


def test_large_lambda_limit_is_the_covariance():
    Xc, yc = X - X.mean(axis=0), Y - Y.mean()
    lam = 1e8
    np.testing.assert_allclose(X.shape[0] * lam * cl.ridge(X, Y, lam).coef, Xc.T @ yc, rtol=1e-6)


# --- weight decay / AdamW box -----------------------------------------------------------------------------------
def test_box_constrained_least_squares_satisfies_kkt():
    w, b = cl.studies.ch1_adamw_box.box_constrained_least_squares(X, Y, bound=10.0, n_steps=50000)
    Xc, yc = X - X.mean(axis=0), Y - Y.mean()
    g = -Xc.T @ (yc - Xc @ w) / X.shape[0]
    at_bound = np.isclose(np.abs(w), 10.0)
    assert np.all(np.abs(w) <= 10.0 + 1e-12)
    assert np.all(np.abs(g[~at_bound]) < 1e-6)                 # interior: zero gradient
    assert np.all(np.sign(g[at_bound]) == -np.sign(w[at_bound]))  # bound: gradient pushes outwards
    assert abs(b - (Y.mean() - X.mean(axis=0) @ w)) < 1e-9


def test_box_with_a_huge_bound_is_least_squares():
    w, _ = cl.studies.ch1_adamw_box.box_constrained_least_squares(X, Y, bound=1e6, n_steps=100000)
    np.testing.assert_allclose(w, cl.ridge(X, Y, 0.0).coef, atol=1e-3)


def test_adamw_converges_to_the_box_and_adam_l2_to_ridge():
    runs = cl.adam_l2_vs_adamw(X, Y, lam=1.0, lr=0.01, n_steps=20000, record=False)
    box, _ = cl.studies.ch1_adamw_box.box_constrained_least_squares(X, Y, bound=1.0)
    assert np.max(np.abs(runs["adamw"].coef - box)) < 1e-3
    assert np.max(np.abs(runs["adam_l2"].coef - runs["ridge"].coef)) < 1e-3
    assert np.max(np.abs(runs["adamw"].coef - runs["ridge"].coef)) > 10


# --- the polynomial problem -------------------------------------------------------------------------------------
def test_polynomial_problem_is_deterministic_and_standardized_on_train():
    a = cl.studies.ch1_polynomial_overfitting.polynomial_problem(degree=12, seed=1)
    b = cl.studies.ch1_polynomial_overfitting.polynomial_problem(degree=12, seed=1)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    assert a.x_train.size == 15 and a.x_test.size == 200
    np.testing.assert_allclose(a.Z_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(a.Z_train.std(axis=0), 1.0, rtol=1e-10)


def test_polynomial_error_curves_match_single_fits():
    pb = cl.studies.ch1_polynomial_overfitting.polynomial_problem(degree=8, seed=1)
    lams, train, test = pb.error_curves([1e-4, 1e-2, 1.0])
    assert lams.tolist() == [1.0, 1e-2, 1e-4]
    for lam, tr, te in zip(lams, train, test):
        np.testing.assert_allclose(pb.mse(pb.fit(lam)), (tr, te), rtol=1e-8)
    assert np.all(np.diff(train) < 0)  # less λ, smaller training error


def test_overfitting_story_numbers():
    """The numbers §7 of the notebook states: least squares overfits, the best λ nears the noise floor."""
    pb = cl.studies.ch1_polynomial_overfitting.polynomial_problem(degree=12, seed=1)
    lams, train, test = pb.error_curves(np.logspace(2, -10, 121))
    ols_train, ols_test = pb.mse(pb.fit(0.0))
    assert ols_train < 0.01 and ols_test > 100
    assert test.min() < 2 * pb.noise ** 2
    assert np.linalg.norm(pb.fit(0.0).coef) > 1000 * np.linalg.norm(pb.fit(lams[np.argmin(test)]).coef)


def test_scikit_learn_alpha_is_n_lambda():
    """The notebook's claim (§3): scikit-learn's Ridge(alpha) is our ridge with alpha = n·λ."""
    sklearn = pytest.importorskip("sklearn.linear_model")
    lam = 0.1
    ours = cl.ridge(X, Y, lam)
    theirs = sklearn.Ridge(alpha=X.shape[0] * lam).fit(X, Y)
    np.testing.assert_allclose(ours.coef, theirs.coef_, rtol=1e-10, atol=1e-10)
    assert abs(ours.intercept - theirs.intercept_) < 1e-8


def test_duplicated_feature_gets_equal_weights():
    bmi = NAMES.index("bmi")
    fit = cl.ridge(np.column_stack([X, X[:, bmi]]), Y, 0.1)
    assert abs(fit.coef[bmi] - fit.coef[-1]) < 1e-10
    assert fit.coef[bmi] + fit.coef[-1] > cl.ridge(X, Y, 0.1).coef[bmi]


def test_units_change_ridge_but_not_least_squares():
    Xr, yr, _ = cl.load_diabetes()
    Xs = Xr.copy()
    Xs[:, 2] *= 0.01
    for lam, small in ((0.0, True), (1.0, False)):
        change = np.max(np.abs(cl.ridge(Xr, yr, lam).predict(Xr) - cl.ridge(Xs, yr, lam).predict(Xs)))
        assert bool(change < 1e-6) is small
