"""Chapter 5: the elastic-net ball, correlated groups, the lasso's limits and the summary-table helpers."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch5_correlated_groups as cg
from course_lib.toys import elastic_net_ball as eb
from course_lib.studies import ch5_lasso_limits as ll
from course_lib.studies import ch5_summary_table as st


def test_ball_outline_passes_through_the_unit_points_for_every_ratio():
    for r in (0.0, 0.3, 0.7, 1.0):
        xy = eb.elastic_net_ball_outline(r, n=721)  # angles include the four axis directions
        radii = np.hypot(xy[0], xy[1])
        np.testing.assert_allclose(radii[[0, 180, 360, 540]], 1.0)
        pen = [cl.elastic_net_penalty(p, r) for p in xy.T]
        np.testing.assert_allclose(pen, eb.elastic_net_unit_budget(r), rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_budget_optimum_matches_the_l1_and_l2_exact_solvers(seed):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((2, 2))
    H = A @ A.T + 0.2 * np.eye(2)
    c = 3 * rng.standard_normal(2)
    w1, _ = eb.elastic_net_budget_optimum(H, c, 1.0, budget=1.0)
    np.testing.assert_allclose(w1, cl.quadratic_min_in_ball(H, c, 1.0, norm="l1"), atol=1e-10)
    w0, _ = eb.elastic_net_budget_optimum(H, c, 0.0, budget=0.5)  # P = ½||w||² <= 0.5 is the unit disk
    np.testing.assert_allclose(w0, cl.quadratic_min_in_ball(H, c, 1.0, norm="l2"), atol=1e-10)


def test_budget_optimum_solves_the_penalized_elastic_net_with_its_multiplier():
    # data whose centred Gram is H and whose OLS solution is c: the loss is ½(w−c)ᵀH(w−c) + const
    X, y, _ = cl.make_correlated_pair(200, 0.8, seed=1)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    H = Xc.T @ Xc / 200
    c = np.linalg.solve(H, Xc.T @ yc / 200)
    w, mu = eb.elastic_net_budget_optimum(H, c, 0.6, budget=0.3)
    assert mu > 0 and np.isclose(cl.elastic_net_penalty(w, 0.6), 0.3, rtol=1e-9)
    fit = cl.elastic_net(X, y, mu, l1_ratio=0.6, tol=1e-14)
    np.testing.assert_allclose(fit.coef, w, atol=1e-7)


def test_corner_survives_a_little_l2_only_at_low_correlation():
    from course_lib.toys.elastic_net_ball import bridge_solution, first_ratio_with_zero

    assert bridge_solution(1.0, 0.9)[1] == 0.0  # lasso: exact corner
    assert bridge_solution(0.9, 0.9)[1] > 0.1   # 10 % L2 at ρ = 0.9: both kept
    assert first_ratio_with_zero(0.0) < first_ratio_with_zero(0.9)
    with pytest.raises(ValueError):
        eb.elastic_net_budget_optimum(np.array([[1.0, 2.0], [2.0, 1.0]]), [1.0, 1.0], 0.5)  # not PD


def test_grouped_data_and_reports():
    data = cg.make_grouped_regression(n=80, n_groups=2, group_size=4, n_noise=6, seed=0)
    assert data.X.shape == (80, 14) and len(data.groups) == 2
    assert data.within_correlation > 0.98
    rep = cg.group_report("lasso", np.r_[[1.0, 0, 0, 0], [2.0, 2.0, 0, 0], np.zeros(6)], data)
    assert rep.kept_per_group.tolist() == [1, 2] and rep.noise_kept == 0
    assert np.isclose(rep.within_spread, (1.0 + 2.0) / 2)
    top, nonzero = cg.lasso_pick_frequency(data, 0.5, 20, seed=1, l1_ratio=0.5)
    assert top.shape == (4,) and np.all((0 <= nonzero) & (nonzero <= 1)) and top.sum() <= 1.0 + 1e-12


def test_lasso_selection_cap_is_the_rank_and_elastic_net_exceeds_it():
    X, y, _ = cl.make_regression(20, 80, n_informative=15, rho=0.1, snr=5.0, seed=2)
    cap = ll.selection_cap(X, y, n_lams=30)
    assert cap.rank == 19
    assert cap.lasso_max <= cap.rank
    assert cap.enet_max > cap.rank


def test_bootstrap_selection_bookkeeping():
    X, y, w = cl.make_regression(50, 30, n_informative=3, rho=0.0, snr=4.0, seed=3)
    lam = 0.3 * cl.lam_max(X, y)
    b = ll.bootstrap_selection(X, y, lam, n_resamples=12, seed=4)
    assert b.frequency.shape == (30,) and np.all((0 <= b.frequency) & (b.frequency <= 1))
    assert sum(b.counts()) == 30
    assert np.isclose(b.frequency.sum(), np.mean([s.size for s in b.supports]))
    assert 0.0 <= b.mean_jaccard <= 1.0 and 1 <= b.distinct_supports <= 12
    np.testing.assert_array_equal(b.full_support, np.flatnonzero(cl.lasso(X, y, lam).coef))


def test_units_flip_on_diabetes():
    X, y, names = cl.load_diabetes()
    flip = ll.units_flip(X, y, names, k=3, n_lams=80)
    assert sorted(flip.raw_order) == sorted(names) == sorted(flip.std_order)
    assert flip.raw_support != flip.std_support  # units change the selection
    assert flip.std_order[0] == "bmi"


def test_ridge_shrinkage_is_proportional_only_for_an_orthonormal_design():
    X = st.orthonormal_design(80, 4, seed=0)
    np.testing.assert_allclose(X.T @ X / 80, np.eye(4), atol=1e-12)
    y = X @ np.array([2.0, -1.0, 0.5, 1.0]) + np.random.default_rng(1).standard_normal(80)
    np.testing.assert_allclose(st.ridge_to_ols_ratios(X, y, 0.25), 1 / 1.25, rtol=1e-10)
    Xd, yd, _ = cl.load_diabetes(standardized=True)
    r = st.ridge_to_ols_ratios(Xd, yd, 0.4)
    assert r.min() < 0 < r.max() and r.max() > 1  # sign flips and growth


def test_summary_table_renders_text_and_html():
    t = st.SummaryTable([st.SummaryRow("a<b", "x", "y", "1", "2", "ok")])
    assert "a<b" in repr(t) and "a&lt;b" in t._repr_html_() and t._repr_html_().startswith("<table>")
