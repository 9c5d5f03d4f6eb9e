"""Chapter 4: subdifferentials, KKT checks and the one-coordinate lasso."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.core import kkt
from course_lib.toys import scalar_lasso


def _data(seed=0, n=40, p=8):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    w = np.zeros(p)
    w[:3] = (2.0, -1.0, 0.5)
    y = X @ w + 0.3 * rng.normal(size=n) + 1.5
    return X, y


def test_abs_subdifferential_is_the_interval_at_zero():
    lo, hi = kkt.abs_subdifferential([-3.0, 0.0, 2.0])
    np.testing.assert_array_equal(lo, [-1.0, -1.0, 1.0])
    np.testing.assert_array_equal(hi, [-1.0, 1.0, 1.0])


def test_kkt_violations_vanish_at_a_converged_solution_and_not_elsewhere():
    X, y = _data()
    lam = 0.1 * cl.lam_max(X, y)
    fit = cl.lasso(X, y, lam, tol=1e-14, max_iter=100_000)
    viol = kkt.lasso_kkt_violations(X, y, fit.coef, lam)
    assert viol.shape == (X.shape[1],)
    assert viol.max() < 1e-6
    assert kkt.lasso_kkt_violations(X, y, np.zeros(X.shape[1]), lam).max() > 0.1
    report = kkt.lasso_kkt_report(X, y, fit.coef, lam)
    assert report.is_optimal(1e-6)
    assert report.support.size == fit.n_nonzero
    assert 0.0 <= report.largest_inactive_ratio <= 1.0
    assert "largest violation" in repr(report)


def test_w_zero_is_optimal_exactly_from_lam_max():
    X, y = _data(1)
    top = cl.lam_max(X, y)
    zero = np.zeros(X.shape[1])
    assert kkt.lasso_kkt_violations(X, y, zero, top * 1.0001).max() == 0.0
    assert kkt.lasso_kkt_violations(X, y, zero, top * 0.99).max() > 0.0


def test_min_norm_subgradient_lies_in_the_subdifferential_and_sign_choice_too():
    X, y = _data(2)
    lam = 0.2
    w = np.array([1.0, 0.0, -0.5, 0.0, 0.0, 0.3, 0.0, 0.0])
    lo, hi = kkt.lasso_subdifferential(X, y, w, lam)
    for g in (kkt.min_norm_subgradient(X, y, w, lam), kkt.sign_subgradient(X, y, w, lam)):
        assert np.all(g >= lo - 1e-12) and np.all(g <= hi + 1e-12)
    np.testing.assert_allclose(np.abs(kkt.min_norm_subgradient(X, y, w, lam)),
                               kkt.lasso_kkt_violations(X, y, w, lam))


def test_intercept_handling_matches_centering():
    X, y = _data(3)
    w = np.linspace(-1, 1, X.shape[1])
    a = kkt.lasso_correlations(X, y, w)
    b = kkt.lasso_correlations(X - X.mean(0), y - y.mean(), w, fit_intercept=False)
    np.testing.assert_allclose(a, b, atol=1e-12)


def test_kkt_rejects_bad_input():
    X, y = _data()
    with pytest.raises(ValueError, match="coef has 3 entries"):
        kkt.lasso_kkt_violations(X, y, np.zeros(3), 0.1)
    with pytest.raises(ValueError, match="lam"):
        kkt.lasso_kkt_violations(X, y, np.zeros(X.shape[1]), -1.0)


def test_optimality_table_orders_points_by_gap():
    X, y = _data(4)
    lam = 0.1 * cl.lam_max(X, y)
    fit = cl.lasso(X, y, lam, tol=1e-14, max_iter=100_000)
    text = kkt.optimality_table(X, y, lam, {"solution": fit.coef, "zero": np.zeros(X.shape[1])}, fit.objective)
    lines = text.splitlines()
    assert lines[1].startswith("solution") and lines[2].startswith("zero")
    assert "duality gap" in lines[0]


@pytest.mark.parametrize("z", [-2.0, -0.5, 0.0, 0.7, 1.5])
def test_scalar_lasso_solution_satisfies_zero_in_subdifferential(z):
    lam = 0.8
    w = scalar_lasso.scalar_lasso_solution(z, lam)
    lo, hi = scalar_lasso.scalar_lasso_subdifferential(w, z, lam)
    assert lo - 1e-12 <= 0.0 <= hi + 1e-12
    grid = np.linspace(-3, 3, 6001)
    assert scalar_lasso.scalar_lasso_objective(w, z, lam) <= scalar_lasso.scalar_lasso_objective(grid, z, lam).min() + 1e-12


def test_prox_steps_land_on_zero_and_subgradient_steps_do_not():
    prox = scalar_lasso.prox_steps_1d(0.4, 0.6, 0.5, 40)
    sub = scalar_lasso.subgradient_steps_1d(0.4, 0.6, 0.5, 40)
    assert scalar_lasso.first_exact_zero(prox) == 4
    assert np.all(prox[4:] == 0.0)
    assert scalar_lasso.first_exact_zero(sub, stays=False) is None
    assert np.abs(sub[-10:]).max() > 0.01        # still oscillating
    dim = scalar_lasso.subgradient_steps_1d(0.4, 0.6, 0.5, 40, rule="diminishing")
    assert np.count_nonzero(dim == 0.0) == 0


def test_first_exact_zero_semantics():
    assert scalar_lasso.first_exact_zero([1.0, 0.0, 0.5, 0.0, 0.0]) == 3
    assert scalar_lasso.first_exact_zero([1.0, 0.0, 0.5, 0.0, 0.0], stays=False) == 1
    assert scalar_lasso.first_exact_zero([1.0, 0.5]) is None
