"""Chapter 5: the exact corner Monte Carlo and the sampled version's artefact."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch5_corner_monte_carlo as cmc
from course_lib.plots.constraint_geometry import min_in_diamond_2d


def _l1_kkt_ok(H, c, w, t, tol=1e-8):
    """KKT of min ½(w−c)ᵀH(w−c) s.t. ||w||₁ <= t with multiplier μ = max|H(c − w)| (budget active)."""
    g = H @ (c - w)
    mu = np.max(np.abs(g))
    active = w != 0
    ok_active = np.allclose(g[active], mu * np.sign(w[active]), atol=tol * max(mu, 1))
    ok_zero = np.all(np.abs(g[~active]) <= mu * (1 + tol) + tol)
    return ok_active and ok_zero and np.isclose(np.abs(w).sum(), t, rtol=1e-9)


def test_random_quadratics_are_symmetric_positive_definite():
    H, c = cmc.random_quadratics(50, 6, np.random.default_rng(0))
    assert H.shape == (50, 6, 6) and c.shape == (50, 6)
    np.testing.assert_allclose(H, np.transpose(H, (0, 2, 1)))
    ev = np.linalg.eigvalsh(H)
    assert ev.min() > 0.09 and ev.max() < 10.1  # eigenvalues drawn in [0.1, 10]


def test_l1_solutions_are_exact_kkt_points_with_exact_zeros():
    rng = np.random.default_rng(1)
    H, c = cmc.random_quadratics(200, 8, rng)
    t = 0.4 * np.abs(c).sum(axis=1)
    W = cmc.constrained_optima(H, c, t, "l1")
    n_zero = 0
    for i in range(200):
        assert _l1_kkt_ok(H[i], c[i], W[i], t[i])
        n_zero += np.any(W[i] == 0.0)
    assert n_zero > 100  # zeros are common at s = 0.4, d = 8


def test_two_d_rates_match_an_independent_edge_enumeration_solver():
    rng = np.random.default_rng(2)
    H, c = cmc.random_quadratics(300, 2, rng)
    t = 0.5 * np.abs(c).sum(axis=1)
    W = cmc.constrained_optima(H, c, t, "l1")
    for i in range(300):
        w2 = min_in_diamond_2d(H[i], c[i], t[i])
        np.testing.assert_allclose(W[i], w2, atol=1e-9)
        assert np.any(W[i] == 0.0) == np.any(w2 == 0.0)


def test_l2_zero_rate_is_exactly_zero_on_generic_problems():
    study = cmc.corner_study(dims=(2, 6), fractions=(0.2, 0.7), n_problems=300, seed=3)
    assert study.l2_zero_count == 0
    assert np.all(study.p_zero_l2 == 0.0) and np.all(study.frac_zero_l2 == 0.0)
    assert 0.0 < study.closest_l2 < 0.05
    # L1: zeros common, more of them with a tighter budget and in higher dimension
    assert np.all(study.p_zero_l1[:, 0] >= study.p_zero_l1[:, 1])
    assert study.p_zero_l1[1, 0] >= study.p_zero_l1[0, 0] > 0.5
    assert "d = 6" in study.table()


def test_corner_study_is_reproducible():
    a = cmc.corner_study(dims=(3,), fractions=(0.5,), n_problems=100, seed=7)
    b = cmc.corner_study(dims=(3,), fractions=(0.5,), n_problems=100, seed=7)
    assert np.array_equal(a.p_zero_l1, b.p_zero_l1)


def test_popular_boundary_sample_has_eight_points_on_the_axes():
    pts = cmc.popular_boundary_points("l2", 2.0, 100)
    assert pts.shape == (100, 2)
    np.testing.assert_allclose(np.hypot(pts[:, 0], pts[:, 1]), 2.0)
    assert np.sum(np.any(np.isclose(pts, 0.0), axis=1)) == 8
    d = cmc.popular_boundary_points("l1", 2.0, 100)
    np.testing.assert_allclose(np.abs(d).sum(axis=1), 2.0)


def test_sampling_pitfall_reports_l2_zeros_that_the_exact_solver_does_not_have():
    pf = cmc.sampling_pitfall(n_problems=400, seed=4)
    for kind in pf.kinds:
        assert pf.exact_l2[kind] == 0.0
        assert abs(pf.exact_l1[kind] - pf.sampled_l1[kind]) < 6.0
        assert np.all(pf.l2_axis_angle_deg[kind] <= 1.875 + 1e-9)  # only optima within half a step snap
    assert pf.sampled_l2["one_unimportant"] > 30.0
    assert pf.sampled_l2["symmetric"] > 0.0
    assert "one unimportant" in pf.table()
