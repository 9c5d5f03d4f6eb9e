"""Gradient descent on the ridge objective, Adam + L2 vs AdamW, and penalty-only dynamics."""
import numpy as np
import pytest

import course_lib as cl


@pytest.fixture(scope="module")
def data():
    X, y, _ = cl.make_regression(80, 6, rho=0.5, snr=5.0, seed=0)
    return X + 3.0, y + 1.0  # non-centered on purpose: the intercept is handled by centering


def test_weight_decay_equals_penalty_gradient(data):
    X, y = data
    a = cl.ridge_gradient_descent(X, y, 0.2, 0.1, 300, form="weight_decay")
    b = cl.ridge_gradient_descent(X, y, 0.2, 0.1, 300, form="penalty_gradient")
    assert a.history["coef"].shape == (301, 6)
    assert np.max(np.abs(a.history["coef"] - b.history["coef"])) <= 1e-13
    assert not np.array_equal(a.history["coef"][1:], np.zeros((300, 6)))


def test_gd_converges_to_closed_form_and_decreases(data):
    X, y = data
    lam = 0.1
    fit = cl.ridge_gradient_descent(X, y, lam, 0.5, 4000)
    exact = cl.ridge(X, y, lam)
    assert 0.5 < fit.extras["step_limit"]
    assert np.allclose(fit.coef, exact.coef, atol=1e-9)
    assert fit.intercept == pytest.approx(exact.intercept, abs=1e-8)
    assert fit.converged and fit.gap <= 1e-10
    assert fit.objective == pytest.approx(exact.objective, rel=1e-12)
    obj = fit.history["objective"]
    assert np.all(np.diff(obj) <= 1e-15)  # step < 1/L: monotone
    assert fit.history["intercept"][-1] == pytest.approx(fit.intercept)
    # after few steps the gap is clearly positive and the flag says so
    early = cl.ridge_gradient_descent(X, y, lam, 0.01, 3, record=False)
    assert early.history is None and early.gap > 1e-3 and not early.converged


def test_gd_diverges_above_step_limit_without_crashing(data):
    X, y = data
    limit = cl.ridge_gradient_descent(X, y, 0.1, 0.1, 0).extras["step_limit"]
    fit = cl.ridge_gradient_descent(X, y, 0.1, 1.5 * limit, 60)
    assert fit.history["objective"][-1] > 1e3 * fit.history["objective"][0]


def test_ridge_duality_gap_is_zero_at_solution_only(data):
    X, y = data
    exact = cl.ridge(X, y, 0.3)
    assert cl.ridge_duality_gap(X, y, exact.coef, 0.3) <= 1e-12
    assert cl.ridge_duality_gap(X, y, exact.coef * 0.9, 0.3) > 1e-6
    assert cl.ridge_duality_gap(X, y, cl.ridge(X, y, 0.0).coef, 0.0) <= 1e-12


def test_adam_l2_reaches_ridge_but_adamw_does_not(data):
    X, y = data
    lam = 0.5
    runs = cl.adam_l2_vs_adamw(X, y, lam, lr=0.01, n_steps=6000)
    exact = runs["ridge"].coef
    err_l2 = np.max(np.abs(runs["adam_l2"].coef - exact))
    err_w = np.max(np.abs(runs["adamw"].coef - exact))
    assert err_l2 < 1e-3
    assert err_w > 20 * err_l2
    assert runs["adamw"].objective > runs["adam_l2"].objective
    assert runs["adam_l2"].history["coef"].shape == (6001, 6)
    # with λ = 0 both variants are the same algorithm
    a = cl.adam(X, y, 0.0, 0.01, 50, decoupled=False)
    b = cl.adam(X, y, 0.0, 0.01, 50, decoupled=True)
    assert np.array_equal(a.coef, b.coef)


def test_penalty_only_dynamics():
    l2 = cl.penalty_only_dynamics([1.0, -2.0], lam=1.0, step=0.1, n_steps=200, penalty="l2")
    k = np.arange(201)[:, None]
    assert np.allclose(l2, np.array([1.0, -2.0]) * 0.9 ** k, rtol=1e-12)
    assert np.all(l2 != 0.0)  # geometric decay never reaches zero
    l1 = cl.penalty_only_dynamics([1.03], lam=1.0, step=0.1, n_steps=40, penalty="l1")[:, 0]
    steps = np.abs(np.diff(l1))
    assert np.allclose(steps, 0.1)  # fixed-size steps, even near zero
    tail = l1[15:]
    assert np.all(np.abs(tail) <= 0.1 + 1e-12) and np.all(tail[:-1] * tail[1:] < 0)  # hops around 0
    prox = cl.penalty_only_dynamics([1.03], lam=1.0, step=0.1, n_steps=40, penalty="l1_prox")[:, 0]
    assert np.all(prox[11:] == 0.0)
    assert cl.penalty_only_dynamics(2.0, 1.0, 0.1, 3).shape == (4, 1)


def test_bad_inputs(data):
    X, y = data
    with pytest.raises(ValueError, match="step"):
        cl.ridge_gradient_descent(X, y, 0.1, 0.0, 10)
    with pytest.raises(ValueError, match="form"):
        cl.ridge_gradient_descent(X, y, 0.1, 0.1, 10, form="momentum")
    with pytest.raises(ValueError, match="n_steps"):
        cl.ridge_gradient_descent(X, y, 0.1, 0.1, -1)
    with pytest.raises(ValueError, match="coef_init"):
        cl.ridge_gradient_descent(X, y, 0.1, 0.1, 10, coef_init=[1.0])
    with pytest.raises(ValueError, match="betas"):
        cl.adam(X, y, 0.1, 0.01, 10, betas=(0.9, 1.5))
    with pytest.raises(ValueError, match="lr"):
        cl.adam(X, y, 0.1, -0.01, 10)
    with pytest.raises(ValueError, match="penalty"):
        cl.penalty_only_dynamics([1.0], 1.0, 0.1, 5, penalty="l0")
