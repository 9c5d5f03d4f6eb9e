"""Chapter 5: the factorial design, the Bayesian lasso's Gibbs sampler, the exact elastic-net corner threshold."""
import numpy as np

from course_lib.studies import ch5_bayesian_lasso as bl
from course_lib.studies import ch5_factorial as fa
from course_lib.toys import elastic_net_ball as eb


def test_factorial_design_crosses_the_factors_and_summarises_consistently():
    s = fa.factorial_study(2, seed=3, n=40, p_small=15, p_large=80, n_sparse=3, n_test=200)
    assert [(c.truth, c.shape) for c in s.cells] == [("sparse", "p < n"), ("sparse", "p ≫ n"),
                                                     ("dense", "p < n"), ("dense", "p ≫ n")]
    assert {c.scenario.n for c in s.cells} == {40} and {c.scenario.snr for c in s.cells} == {2.0}
    d = s.relative_mse[:, :, 0] - s.relative_mse[:, :, 1]
    for i in range(4):
        assert np.isclose(s.paired_difference(i)[0], d[i].mean())
        assert s.lasso_wins(i) == int(np.sum(d[i] < 0))
    eff = s.main_effects()
    assert np.isclose(eff["truth"]["sparse"][0], d[:2].mean()) and np.isclose(eff["shape"]["p ≫ n"][0], d[[1, 3]].mean())
    assert np.all(np.isnan(s.zero_given_null[2:])) and np.all((s.zero_given_null[:2] >= 0) & (s.zero_given_null[:2] <= 1))
    again = fa.factorial_study(2, seed=3, n=40, p_small=15, p_large=80, n_sparse=3, n_test=200)
    assert np.array_equal(again.relative_mse, s.relative_mse)


def test_gibbs_posterior_mean_matches_quadrature_in_one_dimension():
    rng = np.random.default_rng(0)
    x = rng.normal(size=30)
    y = 0.3 * x + rng.normal(size=30)
    exact = bl.posterior_mean_1d(x, y, 0.2, 1.0)
    post = bl.bayesian_lasso_gibbs(x[:, None], y, 0.2, 1.0, n_draws=30_000, burn_in=500, seed=1)
    assert abs(post.mean[0] - exact) < 5 * post.mc_se()[0] + 1e-3
    assert np.count_nonzero(post.draws == 0.0) == 0          # the posterior puts no mass on exact zeros


def test_bridge_threshold_is_exact_and_matches_the_solver():
    for rho in (0.0, 0.5, 0.9):
        r_star = eb.first_ratio_with_zero(rho)
        assert np.isclose(r_star, (rho + 0.8) / (1 + 0.8 * rho), rtol=1e-12)
        assert eb.bridge_solution(r_star, rho)[1] == 0.0
        assert eb.bridge_solution(r_star - 1e-4, rho)[1] > 0.0
        grid = eb.first_ratio_with_zero(rho, np.linspace(0.0, 1.0, 401))
        assert r_star <= grid < r_star + 1 / 400 + 1e-12       # a grid only brackets the threshold
    assert eb.corner_threshold_ratio(np.eye(2), [2.0, 3.0]) > 1.0    # corner never optimal: None from the bridge API
