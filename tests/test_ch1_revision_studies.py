"""Chapter 1's revision studies: spreading by design, ridge as a posterior mean, PCR, Adam's per-coordinate decay.

Expected values come from independent computations (a different formula, a dense solve, theory), never from
the code under test."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch1_adam_decay, ch1_bayes_prior, ch1_pcr, ch1_spreading


def test_orthogonal_design_is_orthogonal_and_standardized():
    X = ch1_spreading.orthogonal_design(40, 5, seed=3)
    assert np.allclose(X.T @ X, 40 * np.eye(5), atol=1e-10)
    assert np.allclose(X.mean(axis=0), 0.0, atol=1e-12)


def test_orthogonal_case_is_ols_over_one_plus_lambda():
    out = ch1_spreading.orthogonal_case(lam=0.7, w_true=[2.0, -1.0, 0.3], seed=1)
    np.testing.assert_allclose(out["ratio"], 1 / 1.7, rtol=1e-10)


def test_top_share_by_hand():
    assert ch1_spreading.top_share([3.0, -1.0, 0.0]) == pytest.approx(0.75)
    np.testing.assert_allclose(ch1_spreading.top_share(np.array([[1.0, 1.0], [2.0, 0.0]])), [0.5, 1.0])


def test_concentrated_truth_among_correlated_features_ridge_spreads_and_loses():
    conc = ch1_spreading.correlated_case([3.0, 0, 0, 0, 0], rho=0.9, lam=0.1, n_draws=60, seed=2)
    spread = ch1_spreading.correlated_case([1.0] * 5, rho=0.9, lam=0.1, n_draws=60, seed=2)
    assert conc["ridge_share"] < conc["ols_share"] < conc["true_share"] == 1.0  # weight moves off feature 1
    assert conc["ridge_mse"] > conc["ols_mse"]       # spreading a concentrated truth is a bias
    assert spread["ridge_mse"] < spread["ols_mse"]   # spreading a spread truth helps
    direct = np.mean(np.sum((conc["ridge"] - [3.0, 0, 0, 0, 0]) ** 2, axis=1))
    assert conc["ridge_mse"] == pytest.approx(direct)


def test_posterior_mean_equals_ridge_at_sigma2_over_n_tau2():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 4))
    y = X @ [1.0, -2.0, 0.0, 0.5] + rng.standard_normal(30)
    lam = ch1_bayes_prior.ridge_lam_for_prior(30, 1.5, 0.8)
    assert lam == pytest.approx(1.5 ** 2 / (30 * 0.8 ** 2))
    w_ridge = np.linalg.solve(X.T @ X + 30 * lam * np.eye(4), X.T @ y)
    np.testing.assert_allclose(ch1_bayes_prior.posterior_mean(X, y, 1.5, 0.8), w_ridge, rtol=1e-10)
    with pytest.raises(ValueError, match="tau"):
        ch1_bayes_prior.posterior_mean(X, y, 1.0, 0.0)


def test_pcr_with_all_components_is_least_squares_and_with_k_projects():
    X, y, _ = cl.load_diabetes(standardized=True)
    coef, _ = ch1_pcr.pcr(X, y, 10)
    np.testing.assert_allclose(coef, np.linalg.lstsq(X - X.mean(0), y - y.mean(), rcond=None)[0], atol=1e-9)
    coef2, b2 = ch1_pcr.pcr(X, y, 2)
    Xc = X - X.mean(0)
    scores = Xc @ np.linalg.svd(Xc, full_matrices=False)[2][:2].T  # regress on the first two PC scores
    gamma = np.linalg.lstsq(scores, y - y.mean(), rcond=None)[0]
    np.testing.assert_allclose(Xc @ coef2, scores @ gamma, atol=1e-8)
    lam = ch1_pcr.ridge_lam_for_dof(X, 4.0)
    d = np.linalg.svd(Xc, compute_uv=False)
    assert np.sum(d ** 2 / (d ** 2 + len(y) * lam)) == pytest.approx(4.0, abs=1e-9)


def test_adam_l2_decay_weakens_with_gradient_noise_adamw_does_not():
    quiet_noisy = [0.01, 10.0]
    l2, _ = ch1_adam_decay.share_left(quiet_noisy, lam=0.1, lr=0.01, n_steps=693, decoupled=False, n_coords=100, seed=1)
    w, se = ch1_adam_decay.share_left(quiet_noisy, lam=0.1, lr=0.01, n_steps=693, decoupled=True, n_coords=100, seed=1)
    assert l2[0] < 0.1 and l2[1] > 0.85
    np.testing.assert_allclose(w, (1 - 0.001) ** 693, atol=5 * se.max() + 0.01)  # plain decay, in expectation
