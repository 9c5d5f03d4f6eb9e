"""Ridge closed form, ridge_path, degrees of freedom — against the normal equations and scikit-learn."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import course_lib as cl

sklearn_linear = pytest.importorskip("sklearn.linear_model")


def problem(n, p, seed=0, shift=True):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, p)
    if shift:
        X = X + rng.normal(0.0, 5.0, p)
    y = X @ rng.standard_normal(p) + 2.0 + rng.standard_normal(n)
    return X, y


def centered(X, y):
    return X - X.mean(axis=0), y - y.mean()


@pytest.mark.parametrize("n,p", [(60, 8), (25, 70), (40, 40)])
@pytest.mark.parametrize("lam", [1e-3, 0.1, 5.0])
def test_normal_equations_and_intercept(n, p, lam):
    X, y = problem(n, p)
    fit = cl.ridge(X, y, lam)
    Xc, yc = centered(X, y)
    lhs = (Xc.T @ Xc + n * lam * np.eye(p)) @ fit.coef
    assert np.allclose(lhs, Xc.T @ yc, rtol=0, atol=1e-9 * np.abs(Xc.T @ yc).max())
    assert fit.intercept == pytest.approx(y.mean() - X.mean(axis=0) @ fit.coef, abs=1e-10)
    r = y - X @ fit.coef - fit.intercept
    assert fit.objective == pytest.approx(r @ r / (2 * n) + lam * 0.5 * fit.coef @ fit.coef, rel=1e-12)
    assert fit.gap == 0.0 and fit.n_iter == 0 and fit.converged
    assert np.allclose(fit.predict(X), X @ fit.coef + fit.intercept)


@pytest.mark.parametrize("n,p,fit_intercept", [(80, 10, True), (30, 90, True), (50, 20, False), (20, 60, False)])
def test_matches_sklearn_ridge(n, p, fit_intercept):
    X, y = problem(n, p, seed=3)
    for lam in (1e-2, 0.3, 10.0):
        ours = cl.ridge(X, y, lam, fit_intercept=fit_intercept)
        ref = sklearn_linear.Ridge(alpha=n * lam, fit_intercept=fit_intercept, solver="svd").fit(X, y)
        scale = max(1.0, np.abs(ref.coef_).max())
        assert np.max(np.abs(ours.coef - ref.coef_)) <= 1e-10 * scale
        assert ours.intercept == pytest.approx(float(ref.intercept_), abs=1e-10 * max(1.0, abs(ref.intercept_)))


def test_primal_and_dual_branches_agree():
    # The p <= n branch factors XᵀX + nλI, the p > n branch XXᵀ + nλI: check each against the other formula.
    for n, p in [(50, 12), (12, 50)]:
        X, y = problem(n, p, seed=5)
        Xc, yc = centered(X, y)
        lam = 0.05
        fit = cl.ridge(X, y, lam)
        primal = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc)
        dual = Xc.T @ np.linalg.solve(Xc @ Xc.T + n * lam * np.eye(n), yc)
        assert np.allclose(primal, dual, atol=1e-11)
        assert np.allclose(fit.coef, primal, atol=1e-11)
        assert fit.method == ("cholesky" if p <= n else "dual")


@pytest.mark.parametrize("n,p", [(60, 10), (20, 50)])
def test_ridge_path_equals_looped_ridge(n, p):
    X, y = problem(n, p, seed=7)
    lams = np.array([0.01, 3.0, 0.3, 1e-4, 30.0])
    path = cl.ridge_path(X, y, lams)
    assert np.all(np.diff(path.lams) < 0)
    assert np.array_equal(path.lams, np.sort(lams)[::-1])
    assert path.coefs.shape == (5, p) and path.intercepts.shape == (5,)
    assert np.all(path.gaps == 0) and np.all(path.n_iters == 0)
    for k, lam in enumerate(path.lams):
        fit = cl.ridge(X, y, lam)
        assert np.max(np.abs(path.coefs[k] - fit.coef)) <= 1e-9 * max(1.0, np.abs(fit.coef).max())
        assert path.intercepts[k] == pytest.approx(fit.intercept, abs=1e-9 * max(1.0, abs(fit.intercept)))


def test_ridge_path_svd_branch_on_ill_conditioned_design():
    # Nearly collinear columns and a tiny λ: the Gram route would lose digits, the SVD route is used.
    rng = np.random.default_rng(0)
    z = rng.standard_normal(100)
    X = np.column_stack([z, z + 1e-7 * rng.standard_normal(100), rng.standard_normal(100)])
    y = z + rng.standard_normal(100)
    path = cl.ridge_path(X, y, [1e-9, 1e-3])
    assert "SVD" in path.method
    ref = sklearn_linear.Ridge(alpha=100 * 1e-9, solver="svd").fit(X, y)
    assert np.allclose(path.coefs[1], ref.coef_, rtol=1e-6, atol=1e-6)
    # the single fit falls back to the SVD too (polynomial features, tiny λ)
    x, yp, _ = cl.make_polynomial_problem(30, seed=0)
    Z = cl.standardize(cl.polynomial_features(x, 15))
    fit = cl.ridge(Z, yp, 1e-10)
    ref = sklearn_linear.Ridge(alpha=30 * 1e-10, solver="svd").fit(Z, yp)
    assert fit.method == "svd" and np.allclose(fit.coef, ref.coef_, rtol=0, atol=1e-9 * np.abs(ref.coef_).max())
    # well-conditioned problem with λ > 0: the fast Gram eigendecomposition
    X2, y2 = problem(200, 10)
    assert "eigh" in cl.ridge_path(X2, y2, [1.0, 0.1]).method


def test_lambda_zero_is_minimum_norm_least_squares():
    X, y = problem(15, 40, seed=2)
    Xc, yc = centered(X, y)
    w_pinv = np.linalg.pinv(Xc) @ yc
    fit = cl.ridge(X, y, 0.0)
    assert np.allclose(fit.coef, w_pinv, atol=1e-10)
    assert np.allclose(X @ fit.coef + fit.intercept, y, atol=1e-8)  # interpolates
    path = cl.ridge_path(X, y, [1.0, 0.0])
    assert np.allclose(path.coefs[-1], w_pinv, atol=1e-9)
    # p < n: λ = 0 is ordinary least squares
    X2, y2 = problem(50, 5)
    ols = sklearn_linear.LinearRegression().fit(X2, y2)
    assert np.allclose(cl.ridge(X2, y2, 0).coef, ols.coef_, atol=1e-10)


def test_ridge_coefficients_shrink_but_never_vanish():
    X, y = problem(40, 6)
    path = cl.ridge_path(X, y, np.logspace(3, -3, 30))
    norms = np.linalg.norm(path.coefs, axis=1)
    assert np.all(np.diff(norms) > 0)  # λ decreasing → norm increasing
    assert np.all(path.coefs != 0.0)


def test_dof_and_shrinkage_factors():
    X, y = problem(30, 8, seed=4)
    Xc, _ = centered(X, y)
    n = 30
    for lam in (0.0, 0.1, 2.0):
        hat = Xc @ np.linalg.pinv(Xc.T @ Xc + n * lam * np.eye(8)) @ Xc.T
        assert cl.ridge_dof(X, lam) == pytest.approx(np.trace(hat), rel=1e-10)
    assert cl.ridge_dof(X, 0.0) == pytest.approx(8.0)
    # p > n: at most n − 1 directions survive centering
    Xw, yw = problem(10, 30)
    assert cl.ridge_dof(Xw, 0.0) == pytest.approx(9.0)
    lams = np.array([0.0, 0.1, 1.0, 10.0])
    dofs = cl.ridge_dof(X, lams)
    assert dofs.shape == (4,) and np.all(np.diff(dofs) < 0)
    f = cl.ridge_shrinkage_factors(X, 0.5)
    d = np.linalg.svd(Xc, compute_uv=False)
    assert np.allclose(f, d ** 2 / (d ** 2 + n * 0.5))
    assert np.all((f > 0) & (f < 1)) and np.all(np.diff(f) <= 0)
    assert cl.ridge_shrinkage_factors(X, lams).shape == (4, 8)


def test_edge_cases_constant_column_and_constant_y():
    X, y = problem(30, 4)
    X[:, 2] = 7.0
    fit = cl.ridge(X, y, 0.1)
    assert fit.coef[2] == pytest.approx(0.0, abs=1e-12)
    fit = cl.ridge(X, np.full(30, 3.0), 0.1)
    assert np.allclose(fit.coef, 0.0, atol=1e-12) and fit.intercept == pytest.approx(3.0)


def test_accepts_lists_float32_fortran_and_noncontiguous():
    X, y = problem(30, 5)
    ref = cl.ridge(X, y, 0.2).coef
    assert np.allclose(cl.ridge(X.tolist(), y.tolist(), 0.2).coef, ref)
    assert np.allclose(cl.ridge(np.asfortranarray(X), y, 0.2).coef, ref)
    assert np.allclose(cl.ridge(X.astype(np.float32), y.astype(np.float32), 0.2).coef, ref, atol=1e-4)
    big = np.zeros((30, 10))
    big[:, ::2] = X
    assert np.allclose(cl.ridge(big[:, ::2], y, 0.2).coef, ref)
    assert np.allclose(cl.ridge_path(X, y, 0.2).coefs[0], ref)  # a scalar λ is a path of length one


def test_bad_inputs():
    X, y = problem(20, 3)
    with pytest.raises(ValueError, match="lam"):
        cl.ridge(X, y, -1.0)
    with pytest.raises(TypeError, match="lam"):
        cl.ridge(X, y, "big")
    Xn = X.copy()
    Xn[0, 0] = np.nan
    with pytest.raises(ValueError, match="NaN"):
        cl.ridge(Xn, y, 0.1)
    with pytest.raises(ValueError, match="rows"):
        cl.ridge(X, y[:-1], 0.1)
    with pytest.raises(ValueError, match="2-D"):
        cl.ridge(X[:, 0], y, 0.1)
    with pytest.raises(TypeError, match="lams"):
        cl.ridge_path(X, y, None)
    with pytest.raises(ValueError, match="lams"):
        cl.ridge_path(X, y, [0.1, -0.2])
    with pytest.raises(ValueError, match="lam"):
        cl.ridge_dof(X, -0.5)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 12), p=st.integers(1, 12), lam=st.floats(1e-3, 1e2), seed=st.integers(0, 10_000))
def test_property_normal_equations(n, p, lam, seed):
    X, y = problem(n, p, seed=seed, shift=False)
    fit = cl.ridge(X, y, lam)
    Xc, yc = centered(X, y)
    grad = -Xc.T @ (yc - Xc @ fit.coef) / n + lam * fit.coef  # gradient of the objective
    assert np.max(np.abs(grad)) <= 1e-9 * max(1.0, np.abs(Xc.T @ yc).max() / n)
    path = cl.ridge_path(X, y, [lam])
    assert np.allclose(path.coefs[0], fit.coef, atol=1e-8 * max(1.0, np.abs(fit.coef).max()))
