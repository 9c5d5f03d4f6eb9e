"""Every lasso method (cd, ista, fista, subgradient) on the same problems."""
import numpy as np
import pytest

import course_lib as cl
from lasso_problems import family


@pytest.fixture(scope="module")
def problem():
    X, y = family("p<n", seed=31)
    lam = 0.1 * cl.lam_max(X, y)
    return X, y, lam, cl.lasso(X, y, lam, tol=1e-13)


@pytest.mark.parametrize("method,options", [("ista", {}), ("fista", {}), ("ista", {"backtracking": True}),
                                            ("fista", {"backtracking": True})])
def test_proximal_methods_reach_the_cd_solution(problem, method, options):
    X, y, lam, ref = problem
    fit = cl.lasso(X, y, lam, method=method, tol=1e-12, **options)
    assert fit.converged and fit.method == method
    assert fit.objective == pytest.approx(ref.objective, rel=1e-10)
    np.testing.assert_allclose(fit.coef, ref.coef, atol=1e-5)
    np.testing.assert_array_equal(fit.coef == 0, ref.coef == 0)  # same exact zeros


def test_fista_needs_fewer_iterations_than_ista_on_a_hard_problem():
    X, y = family("correlated", seed=1)
    lam = 0.01 * cl.lam_max(X, y)
    ista = cl.lasso(X, y, lam, method="ista", tol=1e-6)
    fista = cl.lasso(X, y, lam, method="fista", tol=1e-6)
    assert fista.n_iter < ista.n_iter / 3


def test_record_histories_for_proximal_methods(problem):
    X, y, lam, ref = problem
    for method in ("ista", "fista"):
        fit = cl.lasso(X, y, lam, method=method, record=True, tol=1e-10)
        h = fit.history
        assert h["coef"].shape == (fit.n_iter + 1, X.shape[1])
        assert h["objective"].shape == h["gap"].shape == (fit.n_iter + 1,)
        np.testing.assert_array_equal(h["coef"][-1], fit.coef)
        assert h["gap"][-1] == fit.gap
    ista = cl.lasso(X, y, lam, method="ista", record=True).history["objective"]
    assert np.all(np.diff(ista) <= 1e-12)  # ISTA with step 1/L is monotone


def test_subgradient_objective_close_but_no_exact_zeros(problem):
    X, y, lam, ref = problem
    with pytest.warns(cl.ConvergenceWarning):
        fit = cl.lasso(X, y, lam, method="subgradient", step_rule="diminishing", step=0.5, max_iter=20_000)
    assert fit.objective == pytest.approx(ref.objective, rel=1e-3)
    assert fit.objective >= ref.objective - 1e-12
    assert np.count_nonzero(ref.coef == 0) >= 5  # CD: many exact zeros
    assert np.count_nonzero(fit.coef == 0) <= 1  # subgradient: hovers around 0


@pytest.mark.parametrize("rule", ["constant_step", "constant_length", "diminishing"])
def test_subgradient_step_rules_and_best_so_far(problem, rule):
    X, y, lam, ref = problem
    with pytest.warns(cl.ConvergenceWarning):
        fit = cl.subgradient_method(X, y, lam, step_rule=rule, step=0.05, max_iter=500, record=True)
    h = fit.history
    assert set(h) >= {"coef", "objective", "best_objective", "gap"}
    assert h["coef"].shape == (501, X.shape[1]) and fit.n_iter == 500
    assert np.all(np.diff(h["best_objective"]) <= 0)
    np.testing.assert_allclose(h["best_objective"], np.minimum.accumulate(h["objective"]))
    assert fit.objective == h["best_objective"][-1] < h["objective"][0]
    if rule == "constant_length":  # every move has the same length
        steps = np.linalg.norm(np.diff(h["coef"], axis=0), axis=1)
        np.testing.assert_allclose(steps[steps > 0], 0.05)


def test_subgradient_with_l1_ratio_and_start():
    X, y = family("p<n", seed=2)
    w0 = np.full(X.shape[1], 0.1)
    with pytest.warns(cl.ConvergenceWarning):
        fit = cl.subgradient_method(X, y, 0.05, l1_ratio=0.5, coef_init=w0, max_iter=50, record=True)
    np.testing.assert_array_equal(fit.history["coef"][0], w0)
    ref = cl.elastic_net(X, y, 0.05, l1_ratio=0.5)
    assert ref.objective <= fit.objective < fit.history["objective"][0]


def test_method_options_are_checked(problem):
    X, y, lam, _ = problem
    with pytest.raises(TypeError, match="step_rule"):
        cl.lasso(X, y, lam, method="cd", step_rule="diminishing")
    with pytest.raises(ValueError, match="step_rule"):
        cl.lasso(X, y, lam, method="subgradient", step_rule="armijo")
    with pytest.raises(ValueError, match="step"):
        cl.lasso(X, y, lam, method="subgradient", step=-1.0)
    with pytest.raises(ValueError, match="updates"):
        cl.lasso(X, y, lam, method="fista", record="updates")


def test_two_d_trajectory_for_widgets():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((40, 2)) @ np.array([[1.0, 0.8], [0.0, 0.6]])
    y = X @ np.array([1.0, -0.5]) + 0.3 * rng.standard_normal(40)
    prob = cl.LassoProblem(X, y)
    for method in ("cd", "ista", "fista"):
        fit = prob.fit(0.05, method=method, record=True, tol=1e-10)
        assert fit.history["coef"].shape[1] == 2 and fit.converged
    with pytest.warns(cl.ConvergenceWarning):
        sub = prob.fit(0.05, method="subgradient", record=True, max_iter=500, step=0.1)
    assert sub.history["coef"].shape == (501, 2)
