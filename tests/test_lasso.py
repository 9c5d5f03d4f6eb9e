"""Lasso: closed forms, KKT conditions, agreement with scikit-learn, gaps, edge cases."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso

import course_lib as cl
from lasso_problems import FAMILIES, centered, family, kkt_scale, kkt_violation


def sk_objective(X, y, lam, l1_ratio=1.0):
    sk = Lasso(alpha=lam, tol=1e-12, max_iter=1_000_000).fit(X, y)
    return cl.objective(X, y, sk.coef_, sk.intercept_, lam, l1_ratio), sk


def test_orthonormal_design_gives_soft_thresholded_ols():
    rng = np.random.default_rng(3)
    n, p = 50, 6
    A = rng.standard_normal((n, p))
    A -= A.mean(axis=0)  # columns orthogonal to the intercept too
    Q, _ = np.linalg.qr(A)
    X = np.sqrt(n) * Q  # XᵀX/n = I
    y = X @ np.array([3.0, -2.0, 0.5, 0.0, 0.1, -0.05]) + 2.0 + 0.1 * rng.standard_normal(n)
    lam = 0.3
    ols = X.T @ (y - y.mean()) / n
    expected = np.sign(ols) * np.maximum(np.abs(ols) - lam, 0.0)
    fit = cl.lasso(X, y, lam)
    np.testing.assert_allclose(fit.coef, expected, atol=1e-10)
    assert np.count_nonzero(fit.coef) == np.count_nonzero(expected) < p  # exact zeros, not tiny values
    assert fit.intercept == pytest.approx(y.mean() - X.mean(axis=0) @ fit.coef)


@pytest.mark.parametrize("name", FAMILIES)
@pytest.mark.parametrize("frac", [0.5, 0.1, 0.02])
def test_objective_matches_sklearn_and_kkt_holds(name, frac):
    X, y = family(name)
    lam = frac * cl.lam_max(X, y)
    fit = cl.lasso(X, y, lam, tol=1e-12, max_iter=100_000)
    ref, sk = sk_objective(X, y, lam)
    assert fit.converged
    assert abs(fit.objective - ref) <= 1e-8 * ref
    assert fit.objective == pytest.approx(cl.objective(X, y, fit.coef, fit.intercept, lam), rel=1e-12)
    # the gap certifies the objective; the KKT residual (a gradient) needs a tighter solve
    tight = cl.lasso(X, y, lam, tol=1e-15, max_iter=100_000)
    assert kkt_violation(X, y, tight.coef, lam) < 1e-7 * kkt_scale(X, y)
    # the reported gap is a true bound: objective − (sklearn's objective) <= gap (up to rounding)
    assert fit.objective - ref <= fit.gap + 1e-12 * ref
    assert fit.gap <= 1e-12 * np.var(y) + 1e-300


@pytest.mark.parametrize("name", FAMILIES)
def test_reported_gap_within_scaled_tol_and_matches_duality_gap(name):
    X, y = family(name, seed=5)
    lam = 0.05 * cl.lam_max(X, y)
    for tol in (1e-4, 1e-8):
        fit = cl.lasso(X, y, lam, tol=tol)
        assert fit.converged
        assert fit.gap <= tol * np.sum((y - y.mean()) ** 2) / len(y)
        # the solver's gap uses the best dual point it found (extrapolated): never worse than the
        # gap of the residual-based dual point that duality_gap evaluates
        assert fit.gap <= cl.duality_gap(X, y, fit.coef, lam) * (1 + 1e-9) + 1e-15
    # a deliberately bad point has a large gap
    assert cl.duality_gap(X, y, np.zeros(X.shape[1]) + 0.1, lam) > 1e-3


def test_lam_max_formula_and_exact_zeros():
    X, y = family("p<n")
    Xc, yc = centered(X, y)
    top = np.max(np.abs(Xc.T @ yc)) / len(y)
    assert cl.lam_max(X, y) == pytest.approx(top, rel=1e-14)
    assert cl.lam_max(X, y, l1_ratio=0.5) == pytest.approx(2 * top, rel=1e-14)
    assert cl.lam_max(X, y, l1_ratio=0.0) == np.inf
    assert cl.lam_max(X, y, fit_intercept=False) == pytest.approx(np.max(np.abs(X.T @ y)) / len(y))
    # `top` (numpy's rounding) may sit an ulp below the solver's lam_max: still exact zeros, with the honest gap
    # ½(1 − λ/lam_max)²·||y − ȳ||²/n of the zero solution (~1e-32 here), 0 at and above lam_max
    fit = cl.lasso(X, y, top, coef_init=np.ones(X.shape[1]))
    assert np.all(fit.coef == 0.0) and fit.n_iter == 0 and fit.gap <= 1e-28 * np.var(y)
    at_top = cl.lasso(X, y, cl.lam_max(X, y))
    assert np.all(at_top.coef == 0.0) and at_top.gap == 0.0
    assert fit.intercept == pytest.approx(y.mean())
    just_below = cl.lasso(X, y, 0.999 * top)
    assert np.count_nonzero(just_below.coef) == 1


def test_fit_intercept_false_matches_sklearn():
    X, y = family("p<n", seed=2)
    lam = 0.05
    fit = cl.lasso(X, y, lam, fit_intercept=False, tol=1e-15)
    sk = Lasso(alpha=lam, fit_intercept=False, tol=1e-12, max_iter=1_000_000).fit(X, y)
    assert fit.intercept == 0.0
    np.testing.assert_allclose(fit.coef, sk.coef_, atol=1e-6)
    np.testing.assert_allclose(fit.predict(X), X @ fit.coef)


def test_warm_start_takes_fewer_epochs():
    X, y = family("correlated", seed=1)
    lam = 0.02 * cl.lam_max(X, y)
    cold = cl.lasso(X, y, lam)
    warm = cl.lasso(X, y, 0.98 * lam, coef_init=cold.coef)
    again = cl.lasso(X, y, 0.98 * lam)
    assert warm.n_iter < again.n_iter
    assert warm.objective == pytest.approx(again.objective, rel=1e-8)


def test_record_history_per_epoch_and_per_update():
    X, y = family("p<n")
    lam = 0.1 * cl.lam_max(X, y)
    fit = cl.lasso(X, y, lam, record=True)
    h = fit.history
    p = X.shape[1]
    assert h["coef"].shape == (fit.n_iter + 1, p)
    assert h["objective"].shape == h["gap"].shape == (fit.n_iter + 1,)
    assert np.all(h["coef"][0] == 0.0)
    np.testing.assert_array_equal(h["coef"][-1], fit.coef)
    assert np.all(np.diff(h["objective"]) <= 1e-12)  # coordinate descent is monotone
    assert h["gap"][-1] == fit.gap and h["gap"][0] > h["gap"][-1]
    up = cl.lasso(X, y, lam, record="updates").history["coef_updates"]
    assert up.shape == (fit.n_iter * p + 1, p)
    # a coordinate update changes one coordinate at a time (the staircase)
    assert np.all(np.count_nonzero(np.diff(up, axis=0), axis=1) <= 1)
    np.testing.assert_array_equal(up[p], h["coef"][1])
    assert cl.lasso(X, y, lam).history is None


def test_lasso_problem_matches_function_and_lam_max():
    X, y = family("p>n")
    prob = cl.LassoProblem(X, y)
    assert prob.lam_max() == cl.lam_max(X, y)
    lam = 0.1 * prob.lam_max()
    a = prob.fit(lam)
    b = cl.lasso(X, y, lam)
    np.testing.assert_array_equal(a.coef, b.coef)
    c = prob.fit(0.9 * lam, coef_init=a.coef)
    assert c.converged and c.objective < a.objective
    np.testing.assert_allclose(prob.path(n_lams=5).coefs, cl.lasso_path(X, y, n_lams=5).coefs)


def test_convergence_warning_gives_gap_and_tol():
    X, y = family("correlated")
    lam = 0.001 * cl.lam_max(X, y)
    with pytest.warns(cl.ConvergenceWarning, match=r"duality gap .* tol"):
        fit = cl.lasso(X, y, lam, max_iter=2)
    assert not fit.converged and fit.n_iter == 2
    assert fit.gap > fit.extras["tol_abs"]


def test_edge_cases_constant_column_constant_y_and_lambda_zero():
    X, y = family("p<n", seed=4)
    X[:, 3] = 7.0
    fit = cl.lasso(X, y, 0.01, coef_init=np.ones(X.shape[1]))
    assert fit.coef[3] == 0.0 and fit.converged
    flat = cl.lasso(X, np.full(len(y), 2.5), 0.1)
    assert np.all(flat.coef == 0) and flat.intercept == 2.5 and flat.converged
    # λ = 0, p < n: ordinary least squares
    ols = cl.lasso(X, y, 0.0, tol=1e-12)
    Xc, yc = centered(X, y)
    w_ls = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    np.testing.assert_allclose(np.delete(ols.coef, 3), np.delete(w_ls, 3), atol=1e-5)
    assert ols.converged
    # λ = 0, p > n: warns, and interpolates
    Xw, yw = family("p>n")
    with pytest.warns(cl.ConvergenceWarning, match="infinitely many"):
        interp = cl.lasso(Xw, yw, 0.0, tol=1e-6)
    assert interp.objective < 1e-6 * np.var(yw)


def test_p_greater_than_n_at_most_n_nonzeros():
    X, y = family("p>n", seed=7)
    fit = cl.lasso(X, y, 0.005 * cl.lam_max(X, y))
    assert fit.converged and fit.n_nonzero <= X.shape[0]


@pytest.mark.parametrize("l1_ratio", [1.0, 0.6])
def test_working_set_solver_on_a_wide_problem_matches_sklearn(l1_ratio):
    """p >= 100 switches coordinate descent to working sets + gap-safe screening + dual extrapolation."""
    from sklearn.linear_model import ElasticNet
    from lasso_problems import ar1_design

    rng = np.random.default_rng(9)
    X = ar1_design(80, 400, 0.7, rng) + 2.0
    truth = np.zeros(400)
    truth[rng.choice(400, 8, replace=False)] = 1.5
    y = X @ truth + rng.standard_normal(80)
    for frac in (0.3, 0.05, 0.01):
        lam = frac * cl.lam_max(X, y, l1_ratio)
        fit = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-12)
        sk = ElasticNet(alpha=lam, l1_ratio=l1_ratio, tol=1e-12, max_iter=1_000_000).fit(X, y)
        ref = cl.objective(X, y, sk.coef_, sk.intercept_, lam, l1_ratio)
        assert fit.converged
        assert abs(fit.objective - ref) <= 1e-8 * ref
        assert kkt_violation(X, y, fit.coef, lam, l1_ratio) < 1e-6 * kkt_scale(X, y)
        # the reported gap is the one of the returned point
        assert fit.gap <= 1e-12 * np.var(y)
        assert cl.duality_gap(X, y, fit.coef, lam, l1_ratio) >= fit.objective - ref - 1e-14 * ref
