"""Chapter 2's Monte Carlo (resampling), conditioning formulas and grouping preview."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch2_conditioning as conditioning, ch2_grouping_preview as grouping_preview, ch2_resampling as resampling


def _rebuild(seed, n, n_draws, d, rho, w, sigma):
    """Data set d of CorrelatedPairDraws, rebuilt from the same seed."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n_draws, n, 2))
    eps = rng.standard_normal((n_draws, n))
    X = np.column_stack([z[d, :, 0], rho * z[d, :, 0] + np.sqrt(1 - rho ** 2) * z[d, :, 1]])
    return X, X @ np.asarray(w) + sigma * eps[d]


@pytest.mark.parametrize("rho", [0.0, 0.7, 0.97])
def test_pair_draws_equal_fits_on_the_rebuilt_data(rho):
    draws = resampling.CorrelatedPairDraws(n=30, n_draws=20, w_true=(1.0, 0.5), sigma=0.8, seed=11)
    est = draws.all_estimates(rho, 0.05)
    for d in (0, 7, 19):
        X, y = _rebuild(11, 30, 20, d, rho, (1.0, 0.5), 0.8)
        np.testing.assert_allclose(est["ols"][d], cl.ridge(X, y, 0.0).coef, rtol=1e-9)
        np.testing.assert_allclose(est["ridge"][d], cl.ridge(X, y, 0.05).coef, rtol=1e-9)
        fit = cl.lasso(X, y, 0.05, tol=1e-14)
        # CD stops at a duality gap; strong convexity (μ = λ_min of the Gram matrix) bounds its error
        G = draws.gram(rho)[0][d]
        bound = np.sqrt(2 * (max(fit.gap, 0.0) + 1e-15) / np.linalg.eigvalsh(G)[0])
        assert np.linalg.norm(est["lasso"][d] - fit.coef) <= bound


def test_ols_variance_matches_the_wishart_formula():
    draws = resampling.CorrelatedPairDraws(n=40, n_draws=4000, seed=5)
    rho = 0.9
    spread = resampling.coefficient_spread(draws.estimates(rho, method="ols"), draws.w_true)
    exact = resampling.ols_variance_theory(resampling.equicorrelated_covariance(2, rho), 40, 1.0)
    assert np.all(np.abs(spread["var"] - exact) < 4 * spread["var_se"])
    assert exact[0] == pytest.approx(1.0 / ((1 - rho ** 2) * (40 - 4)))
    assert np.all(np.abs(spread["bias"]) < 0.05)  # OLS is unbiased


def test_ridge_has_less_variance_than_ols_when_features_are_collinear():
    draws = resampling.CorrelatedPairDraws(seed=2)
    est = draws.all_estimates(0.95, 0.1)
    ols, rdg = (resampling.coefficient_spread(est[m], draws.w_true) for m in ("ols", "ridge"))
    assert rdg["variance"] < ols["variance"] / 5
    assert rdg["bias2"] > ols["bias2"]
    assert np.mean(np.any(est["lasso"] == 0.0, axis=1)) > 0.05


def test_spread_decomposition_is_exact():
    rng = np.random.default_rng(0)
    est = rng.standard_normal((300, 3)) + [1.0, 2.0, 3.0]
    s = resampling.coefficient_spread(est, [0.5, 2.0, 3.5])
    assert s["mse"] == pytest.approx(s["bias2"] + s["variance"], rel=1e-12)


def test_random_design_estimates_k_features():
    cov = resampling.equicorrelated_covariance(4, 0.8)
    est = resampling.random_design_estimates(cov, [1.0, 0.0, -1.0, 0.5], n=40, n_draws=1500, sigma=1.0, lam=0.1,
                                             seed=3)
    exact = resampling.ols_variance_theory(cov, 40, 1.0)
    s = resampling.coefficient_spread(est["ols"], [1.0, 0.0, -1.0, 0.5])
    assert np.all(np.abs(s["var"] - exact) < 4 * s["var_se"])
    assert np.all(est["ridge"].var(axis=0) < s["var"])


def test_bias_variance_simulation_agrees_with_the_closed_form():
    X, _, w = cl.make_collinear_features(30, 4, 0.9, w=[1.0, -0.5, 0.0, 2.0], seed=1)
    lams = np.logspace(-3, 1, 9)
    bv = resampling.ridge_bias_variance(X, w, sigma=1.5, lams=lams, n_draws=4000, seed=2)
    b2, var, mse = bv.exact_at(bv.lams)
    np.testing.assert_allclose(bv.variance_sim, var, rtol=0.06)
    np.testing.assert_allclose(bv.mse_sim, mse, rtol=0.06)
    big = b2 > 0.05
    np.testing.assert_allclose(bv.bias2_sim[big], b2[big], rtol=0.1)
    # OLS limit and the prediction error at λ → 0: σ²·tr((XcᵀXc)⁻¹) and σ²p/n
    Xc = X - X.mean(axis=0)
    assert bv.ols_mse_exact == pytest.approx(1.5 ** 2 * np.trace(np.linalg.inv(Xc.T @ Xc)), rel=1e-10)
    assert bv.prediction_error_at(1e-14)[0] == pytest.approx(1.5 ** 2 * 4 / 30, rel=1e-8)
    assert 0 < bv.lam_best_exact < 10


def test_bias_variance_rejects_rank_deficient_design():
    x = np.arange(10.0)
    with pytest.raises(ValueError, match="full column rank"):
        resampling.ridge_bias_variance(np.column_stack([x, 2 * x]), [1.0, 1.0], 1.0, [0.1], 10, seed=0)


def test_condition_number_formula_matches_numpy():
    X, _, _ = cl.make_collinear_features(50, 5, 0.95, seed=3)
    Xc = X - X.mean(axis=0)
    lams = np.logspace(-5, 1, 13)
    np.testing.assert_allclose(conditioning.gram_condition_formula(Xc, lams),
                               conditioning.gram_condition_numeric(Xc, lams), rtol=1e-9)
    kappa = conditioning.gram_condition_formula(Xc, lams)
    assert np.all(np.diff(kappa) < 0) and kappa[-1] > 1.0


def test_condition_number_is_infinite_for_wide_designs_at_zero():
    X = np.random.default_rng(0).standard_normal((3, 5))
    k = conditioning.gram_condition_formula(X, [0.0, 0.1])
    assert np.isinf(k[0]) and np.isfinite(k[1])


def test_grouping_comparison_matches_totals_and_spreads_weight():
    X, y, _ = cl.make_collinear_features(100, 5, 0.95, noise=2.0, seed=4)
    r = grouping_preview.grouping_comparison(X, y, 0.3 * cl.lam_max(X, y))
    assert r["ridge"].sum() == pytest.approx(r["lasso"].sum(), rel=1e-9)
    assert np.count_nonzero(r["lasso"]) < 5 and np.count_nonzero(r["ridge"]) == 5
    assert r["ridge"].max() / r["ridge"].min() < 1.2


def test_matching_fails_clearly_when_the_total_is_out_of_reach():
    X, y, _ = cl.make_collinear_features(50, 3, 0.5, seed=0)
    with pytest.raises(ValueError, match="does not cross"):
        grouping_preview.ridge_lam_matching_total(X, y, 1e6)


def test_ridge_splits_exact_duplicates_evenly():
    x = np.random.default_rng(1).standard_normal(40)
    y = 2 * x + np.random.default_rng(2).standard_normal(40)
    w = cl.ridge(np.column_stack([x, x]), y, 0.1).coef
    assert w[0] == pytest.approx(w[1], rel=1e-12)


def test_random_design_lasso_method_equals_per_data_set_fits():
    cov = resampling.equicorrelated_covariance(3, 0.5)
    est = resampling.random_design_estimates(cov, [1.0, 0.0, -1.0], n=30, n_draws=4, sigma=1.0, lam=0.1, seed=9,
                                             methods=("ols", "lasso"))
    rng = np.random.default_rng(9)
    X = rng.standard_normal((4, 30, 3)) @ np.linalg.cholesky(cov).T
    y = X @ [1.0, 0.0, -1.0] + rng.standard_normal((4, 30))
    for d in range(4):
        np.testing.assert_allclose(est["lasso"][d], cl.lasso(X[d], y[d], 0.1).coef, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(est["ols"][d], cl.ridge(X[d], y[d], 0.0).coef, rtol=1e-9)
    with pytest.raises(ValueError, match="not supported"):
        resampling.random_design_estimates(cov, [1.0, 0.0, -1.0], 30, 4, 1.0, 0.1, seed=9, methods=("elastic",))
