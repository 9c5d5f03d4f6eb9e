"""Chapter 2's exact two-feature solvers and fixed-step descent (course_lib.toys.quadratic_2d)."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.toys.quadratic_2d import Quadratic2D, descend_2d, lasso_2d, ridge_2d


def _problem(seed, rho=0.8, n=40):
    X, y, _ = cl.make_correlated_pair(n, rho, w=(1.0, -0.3), noise=1.0, seed=seed)
    return X, y, Quadratic2D.from_data(X, y)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("frac", [0.01, 0.1, 0.3, 0.6, 0.95, 1.2])
def test_lasso_2d_matches_coordinate_descent(seed, frac):
    X, y, quad = _problem(seed, rho=[-0.9, -0.3, 0.0, 0.5, 0.9, 0.99][seed])
    lam = frac * cl.lam_max(X, y)
    fit = cl.lasso(X, y, lam, tol=1e-14, max_iter=200_000)
    exact = lasso_2d(quad.G, quad.c, lam)
    # The exact solver is never worse than coordinate descent ...
    assert quad.objective(exact, lam, "l1") <= quad.objective(fit.coef, lam, "l1") + 1e-14
    # ... and CD's duality gap bounds its distance to the exact solution: F is μ-strongly convex
    # (μ = λ_min(G)), so ||w − w*||² <= 2·(F(w) − F*)/μ <= 2·gap/μ (plus rounding in the objectives).
    mu = np.linalg.eigvalsh(quad.G)[0]
    bound = np.sqrt(2 * (max(fit.gap, 0.0) + 1e-15) / mu)
    assert np.linalg.norm(exact - fit.coef) <= bound
    if frac >= 1.0:
        assert np.all(lasso_2d(quad.G, quad.c, lam) == 0.0)


def test_lasso_2d_satisfies_the_optimality_conditions():
    rng = np.random.default_rng(3)
    for _ in range(200):
        A = rng.standard_normal((2, 2))
        G = A @ A.T + 0.05 * np.eye(2)
        c = rng.standard_normal(2)
        lam = rng.uniform(0.0, 2.0)
        w = lasso_2d(G, c, lam)
        grad = G @ w - c
        for j in range(2):
            if w[j] != 0.0:
                assert grad[j] == pytest.approx(-lam * np.sign(w[j]), abs=1e-10)
            else:
                assert abs(grad[j]) <= lam + 1e-10


def test_batches_equal_single_solves():
    rng = np.random.default_rng(0)
    A = rng.standard_normal((50, 2, 2))
    G = A @ A.transpose(0, 2, 1) + 0.1 * np.eye(2)
    c = rng.standard_normal((50, 2))
    batch = lasso_2d(G, c, 0.3)
    assert batch.shape == (50, 2)
    for i in (0, 17, 49):
        np.testing.assert_array_equal(batch[i], lasso_2d(G[i], c[i], 0.3))
        np.testing.assert_allclose(ridge_2d(G, c, 0.3)[i], np.linalg.solve(G[i] + 0.3 * np.eye(2), c[i]), rtol=1e-12)


@pytest.mark.parametrize("lam", [0.0, 0.05, 1.0])
def test_ridge_2d_and_objective_match_cl_ridge(lam):
    X, y, quad = _problem(1)
    fit = cl.ridge(X, y, lam)
    np.testing.assert_allclose(quad.minimizer(lam, "l2"), fit.coef, rtol=1e-10)
    assert quad.objective(fit.coef, lam, "l2") == pytest.approx(fit.objective, rel=1e-12)


def test_lasso_objective_matches_cl_lasso():
    X, y, quad = _problem(2)
    fit = cl.lasso(X, y, 0.2, tol=1e-14)
    assert quad.objective(fit.coef, 0.2, "l1") == pytest.approx(fit.objective, rel=1e-10)


def test_l2_descent_converges_and_l1_descent_keeps_hopping():
    _, _, quad = _problem(0, rho=0.6)
    lam = 0.3
    l2 = quad.descend(lam, 0.5, 500, w0=(-1.0, 2.0), penalty="l2")
    assert l2.shape == (501, 2)
    np.testing.assert_allclose(l2[-1], quad.minimizer(lam, "l2"), atol=1e-12)
    # step above 2/(L + λ) diverges
    bad = quad.descend(lam, 1.05 * quad.max_stable_step(lam, "l2"), 400, w0=(-1.0, 2.0), penalty="l2")
    assert np.linalg.norm(bad[-1]) > 1e3
    l1 = quad.descend(lam, 0.1, 2000, w0=(-1.0, 2.0), penalty="l1")
    sol = quad.minimizer(lam, "l1")
    zero = int(np.flatnonzero(sol == 0.0)[0])
    tail = l1[-50:, zero]
    assert np.all(tail != 0.0) and tail.max() > 0 > tail.min()  # hops across zero, never lands


def test_descent_is_the_textbook_recursion():
    G = np.array([[2.0, 0.5], [0.5, 1.0]])
    c = np.array([1.0, -1.0])
    path = descend_2d(G, c, 0.4, 0.2, 3, w0=(0.5, -0.25), penalty="l1")
    w = np.array([0.5, -0.25])
    for k in range(3):
        w = w - 0.2 * (G @ w - c + 0.4 * np.sign(w))
        np.testing.assert_allclose(path[k + 1], w, rtol=1e-15)


@pytest.mark.parametrize("kwargs, match", [
    (dict(penalty="l3"), "penalty"),
    (dict(step=0.0), "step"),
    (dict(n_steps=-1), "n_steps"),
    (dict(w0=(1.0, 2.0, 3.0)), "w0"),
])
def test_descent_rejects_bad_input(kwargs, match):
    args = dict(lam=0.1, step=0.1, n_steps=5, w0=(0.0, 0.0), penalty="l2")
    args.update(kwargs)
    with pytest.raises((ValueError, TypeError), match=match):
        descend_2d(np.eye(2), np.ones(2), **args)


def test_gram_shape_errors_are_clear():
    with pytest.raises(ValueError, match="G must be"):
        lasso_2d(np.eye(3), np.ones(3), 0.1)
    with pytest.raises(ValueError, match="2 columns"):
        Quadratic2D.from_data(np.ones((5, 3)), np.ones(5))
