"""Chapter 3 constraint geometry: the exact 2-D solvers satisfy the optimality conditions, the drawing
functions return artists that a widget can move, and t ↔ λ round-trips."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.plots import constraint_geometry as cg
from course_lib.widgets.constraint_geometry import equivalent_lambda


def random_problems(m, seed):
    rng = np.random.default_rng(seed)
    for _ in range(m):
        H = cg.quadratic_from_shape(rng.uniform(0, 180), rng.uniform(1, 20))
        yield H, rng.uniform(-3, 3, 2), rng.uniform(0.1, 3)


def test_quadratic_from_shape_has_the_requested_eigenvalues_and_axis():
    H = cg.quadratic_from_shape(30.0, 4.0)
    np.testing.assert_allclose(np.linalg.eigvalsh(H), [1.0, 4.0])
    axis = np.array([np.cos(np.pi / 6), np.sin(np.pi / 6)])
    np.testing.assert_allclose(H @ axis, axis, atol=1e-14)


def test_ellipse_points_lie_on_the_level_set():
    H = cg.quadratic_from_shape(70.0, 9.0)
    c = np.array([0.5, -1.0])
    xy = cg.ellipse_xy(H, c, 0.7)
    d = xy - c[:, None]
    np.testing.assert_allclose(0.5 * np.einsum("in,ij,jn->n", d, H, d), 0.7, rtol=1e-12)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_exact_solutions_satisfy_kkt(norm):
    """Feasible, on the boundary when c is outside, and −∇ = H(c − w) lies in μ·∂||w|| with μ >= 0."""
    for H, c, t in random_problems(400, seed=7 if norm == "l1" else 8):
        w = cg.solve_in_ball(H, c, t, norm)
        g = H @ (c - w)
        size = np.abs(w).sum() if norm == "l1" else np.linalg.norm(w)
        outside = (np.abs(c).sum() if norm == "l1" else np.linalg.norm(c)) > t
        if not outside:
            np.testing.assert_allclose(w, c)
            continue
        assert size == pytest.approx(t, rel=1e-10)
        mu = equivalent_lambda(H, c, w, norm)
        assert mu > 0
        if norm == "l1":
            for j in range(2):
                if w[j] != 0.0:
                    assert g[j] == pytest.approx(mu * np.sign(w[j]), abs=1e-9)
                else:
                    assert abs(g[j]) <= mu + 1e-9
        else:  # ridge convention P = ½||w||²: H(c − w) = μ w
            np.testing.assert_allclose(g, mu * w, atol=1e-9)


def test_diamond_solver_agrees_with_the_package_solver_where_it_is_right():
    """Cross-check against projections.quadratic_min_in_ball by objective value: ours is never worse."""
    for H, c, t in random_problems(300, seed=3):
        ours = cg.min_in_diamond_2d(H, c, t)
        theirs = cl.quadratic_min_in_ball(H, c, t, norm="l1")
        q = lambda w: 0.5 * (w - c) @ H @ (w - c)  # noqa: E731
        assert q(ours) <= q(theirs) + 1e-12
        assert np.abs(theirs).sum() <= t * (1 + 1e-12)


def test_corner_solutions_are_exact_zeros_and_the_disk_has_none():
    H, c, t = cg.EXAMPLE_H, cg.EXAMPLE_CENTER, cg.EXAMPLE_BUDGET
    w1 = cg.solve_in_ball(H, c, t, "l1")
    w2 = cg.solve_in_ball(H, c, t, "l2")
    assert w1[1] == 0.0 and w1[0] == t
    assert np.all(w2 != 0.0)
    assert cg.zero_coordinates(w1, t) == [1] and cg.zero_coordinates(w2, t) == []


def test_fraction_with_zero_is_zero_for_the_disk_and_depends_on_the_budget():
    small, m_small = cg.fraction_with_zero(np.eye(2), 0.5, "l1", n_grid=20)
    large, _ = cg.fraction_with_zero(np.eye(2), 2.0, "l1", n_grid=20)
    disk, _ = cg.fraction_with_zero(np.eye(2), 0.5, "l2", n_grid=20)
    assert 0 < large < small < 1 and disk == 0.0 and m_small > 0


def test_round_contours_zero_region_matches_the_projection_formula():
    """With H = I the solution is the projection onto the diamond: w₂ = 0 exactly when |c₁| − |c₂| >= t."""
    rng = np.random.default_rng(5)
    for _ in range(300):
        c = rng.uniform(-3, 3, 2)
        t = rng.uniform(0.2, 2)
        if np.abs(c).sum() <= t or abs(abs(c[0]) - abs(c[1]) - t) < 1e-9:
            continue
        w = cg.solve_in_ball(np.eye(2), c, t, "l1")
        assert (w[1] == 0.0) == (abs(c[0]) - abs(c[1]) >= t)
        np.testing.assert_allclose(w, cl.project_l1_ball(c, t), atol=1e-12)


def test_drawing_returns_movable_artists():
    from course_lib.plots.style import new_figure

    fig, ax = new_figure()
    art = cg.draw_constraint_geometry(ax, cg.EXAMPLE_H, cg.EXAMPLE_CENTER, 1.0, norm="l1")
    assert len(art.ellipses) == len(cg.LEVEL_FACTORS) and art.touching in art.ellipses
    before = art.touching.get_xydata().copy()
    w = cg.update_constraint_geometry(art, cg.quadratic_from_shape(10, 2), np.array([-1.0, 2.0]), 0.5, norm="l1")
    assert not np.allclose(before, art.touching.get_xydata())
    np.testing.assert_allclose([art.solution.get_xdata()[0], art.solution.get_ydata()[0]], w)
    np.testing.assert_allclose(np.abs(art.ball.get_xydata()).sum(axis=1), 0.5)


def test_custom_ball_outline_and_solution_for_reuse():
    """Chapter 5 passes its own ball (e.g. elastic net) and solution."""
    from course_lib.plots.style import new_figure

    fig, ax = new_figure()
    s = np.linspace(0, 2 * np.pi, 50)
    ball = np.vstack([np.cos(s), 0.5 * np.sin(s)])
    art = cg.draw_constraint_geometry(ax, np.eye(2), [2.0, 2.0], 1.0, ball_xy=ball, solution=[0.7, 0.3],
                                      color="green", label="my ball")
    np.testing.assert_allclose(art.ball.get_xydata(), ball.T)
    assert art.ball.get_label() == "my ball"


def test_budget_and_penalty_forms_agree_on_diabetes():
    X, y, _ = cl.load_diabetes(standardized=True)
    for lam in (20.0, 1.0, 0.2, 0.05):  # 0.05: after s3 has left and re-entered the path
        w_pen = cl.lasso(X, y, lam, tol=1e-15, max_iter=100_000).coef
        w_con, lam_back = cl.budget_to_penalized(X, y, cl.l1_norm(w_pen), "l1")
        # The loss is flat to rounding along its smallest eigen-direction (eigenvalue 0.0086), so the
        # coefficients are only determined to ~1e-6 by the objective; the objectives agree far better.
        np.testing.assert_allclose(w_con, w_pen, atol=1e-5)
        assert lam_back == pytest.approx(lam, rel=1e-5)
        values = [cl.objective(X, y, w, y.mean(), lam) for w in (w_pen, w_con)]
        assert abs(values[0] - values[1]) < 1e-9
