"""Chapter 1 figures and widget demos: registered, labelled, every control works, the readouts tell the truth."""
import numpy as np
import pytest
from matplotlib.figure import Figure

import course_lib as cl
from course_lib.plots import load_all as load_figures
from course_lib.widgets import load_all as load_demos

CH1_FIGURES = ["01_unit_balls", "01_split_cost", "01_svd_shrinkage", "01_ridge_path_diabetes", "01_overfitting",
               "01_adam_vs_adamw"]
CH1_DEMOS = ["01_norm_ball", "01_ridge_polynomial", "01_adam_weight_decay"]


@pytest.fixture(scope="module")
def figures():
    return load_figures()


@pytest.mark.parametrize("name", CH1_FIGURES)
def test_figure_is_registered_and_labelled(figures, name):
    assert name in figures
    fig = figures[name]()
    assert isinstance(fig, Figure)
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
    main = [ax for ax in axes if ax.get_xlabel() or ax.get_ylabel() or ax.lines]
    assert main, f"{name}: no axes with content"
    for ax in main:
        if ax.lines or ax.patches or ax.collections:
            assert ax.get_xlabel(), f"{name}: an axes without an x label"
            assert ax.get_ylabel(), f"{name}: an axes without a y label"
            assert ax.get_title() or fig._suptitle, f"{name}: an axes without a title"


def test_ridge_path_figure_draws_every_coefficient():
    X, y, names = cl.load_diabetes(standardized=True)
    fig = cl.plots.ridge_coefficient_path.ridge_path_figure(X, y, names)
    ax = fig.axes[0]
    curves = [line for line in ax.lines if len(line.get_xdata()) > 2]
    assert len(curves) == X.shape[1]
    labels = {t.get_text() for t in ax.texts}
    assert set(names) <= labels
    # the curves are the library's path, λ increasing to the right like the neighbouring figures
    path = cl.ridge_path(X, y, cl.plots.ridge_coefficient_path.LAMS)
    order = np.argsort(path.lams)
    assert np.all(np.diff(curves[2].get_xdata()) > 0)
    np.testing.assert_allclose(curves[2].get_xdata(), path.lams[order])
    np.testing.assert_allclose(curves[2].get_ydata(), path.coefs[order, 2])


def test_ball_outline_is_on_the_unit_sphere():
    from course_lib.plots.norm_balls import ball_outline

    for p in [0.3, 0.5, 1.0, 1.5, 2.0, 4.0, np.inf]:
        xy = ball_outline(p)
        sizes = [cl.lp_norm(pt, p) for pt in xy.T if np.any(pt != 0)]
        np.testing.assert_allclose(sizes, 1.0, rtol=1e-9)
    # the p < 1 cusps reach the axes exactly (an angle parametrisation would cut them off)
    xy = ball_outline(0.5)
    assert np.isclose(xy[0].max(), 1.0) and np.isclose(xy[1].max(), 1.0)


# --- demos ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demos():
    return load_demos()


@pytest.mark.parametrize("name", CH1_DEMOS)
def test_demo_registered_and_every_benchmark_update_works(demos, name):
    demo = demos[name]()
    assert demo.fig.get_layout_engine() is None, "layout must be frozen after setup (speed)"
    for values in demo.benchmark_updates():
        demo.update(**values)
        assert demo.error.value == ""
        assert demo.image.value[:8] == b"\x89PNG\r\n\x1a\n"
        assert demo.readout.value


def test_norm_ball_readout_and_picture_follow_p(demos):
    demo = demos["01_norm_ball"]()
    demo.update(p=0.5)
    assert "outside" in demo.readout.value and "‖·‖<sub>p</sub> = 2," in demo.readout.value
    assert "not a norm" in demo.ball_title.get_text()
    x, y = demo.ball_line.get_data()
    np.testing.assert_allclose(np.abs(x) ** 0.5 + np.abs(y) ** 0.5, 1.0, rtol=1e-9)
    image_half = demo.image.value
    demo.update(p=3.0)
    assert "inside the ball" in demo.readout.value and "even split" in demo.readout.value
    assert demo.image.value != image_half


@pytest.mark.parametrize("p", [0.25, 0.5, 1.0, 8.0])
def test_norm_ball_split_curve_stays_inside_its_axes(demos, p):
    """Issue 20: for p < 1 the split-cost curve left the axes; every p of the slider must fit."""
    demo = demos["01_norm_ball"]()
    demo.update(p=p)
    ax = demo.axes[1]
    cost = demo.split_line.get_ydata()
    low, high = ax.get_ylim()
    assert low < cost.min() and cost.max() < high
    t = demo.split_line.get_xdata()
    np.testing.assert_allclose(cost, (t ** p + (1 - t) ** p) ** (1 / p), rtol=1e-12)  # the p-norm of (t, 1 − t)
    # the readout explains the (3, 4) line: its size for this p, next to the p = 1, 2, ∞ anchors
    assert f"{(3 ** p + 4 ** p) ** (1 / p):.4g}" in demo.readout.value and "p → ∞" in demo.readout.value
    demo.update(p=1.0)
    assert "indifferent" in demo.readout.value


def test_ridge_polynomial_readout_matches_the_solver(demos):
    demo = demos["01_ridge_polynomial"]()
    demo.update(lam=1e-2, degree=12)
    pb = demo.problem(12)
    train, test = pb.mse(pb.fit(1e-2))
    assert f"training MSE = {train:.4g}" in demo.readout.value
    assert f"test MSE = {test:.4g}" in demo.readout.value
    # the plotted curve is the fit
    np.testing.assert_allclose(demo.fit_line.get_ydata(), pb.fit(1e-2).predict(pb.features(demo._grid)))
    # lower degree: bars beyond the degree are empty
    demo.update(degree=3)
    heights = [bar.get_height() for bar in demo.bars]
    assert all(h == 0.0 for h in heights[3:]) and any(h > 0 for h in heights[:3])
    # λ → large: coefficients shrink
    demo.update(lam=100.0)
    small = np.linalg.norm(demo.problem(3).fit(100.0).coef)
    demo.update(lam=1e-8)
    assert small < np.linalg.norm(demo.problem(3).fit(1e-8).coef)


def test_adam_demo_readout_targets_are_the_library_solutions(demos):
    demo = demos["01_adam_weight_decay"]()
    demo.update(lam=1.0, lr=0.05, n_steps=20000)
    w_ridge = cl.ridge(demo.X, demo.y, 1.0).coef
    w_box = cl.studies.ch1_adamw_box.box_least_squares_exact(demo.X, demo.y, 1.0)[0]
    assert f"ridge is ({w_ridge[0]:.3f}, {w_ridge[1]:.3f})" in demo.readout.value
    assert f"box solution is ({w_box[0]:.3f}, {w_box[1]:.3f})" in demo.readout.value
    x, y = demo.path_l2.get_data()
    assert abs(x[-1] - w_ridge[0]) < 1e-4 and abs(y[-1] - w_ridge[1]) < 1e-4   # Adam + L2 reached ridge
    x, y = demo.path_w.get_data()
    assert max(abs(x[-1] - w_box[0]), abs(y[-1] - w_box[1])) < 0.1            # AdamW close to the box
    assert max(abs(x[-1] - w_ridge[0]), abs(y[-1] - w_ridge[1])) > 0.2         # and not at ridge
    bx, by = demo.box.get_data()
    assert max(bx) == 1.0 and min(by) == -1.0


def test_box_exact_matches_projected_gradient():
    X, y, _ = cl.load_diabetes(standardized=True)
    for bound in (1.0, 5.0, 30.0):
        exact = cl.studies.ch1_adamw_box.box_least_squares_exact(X[:, :5], y, bound)[0]
        pgd = cl.studies.ch1_adamw_box.box_constrained_least_squares(X[:, :5], y, bound, n_steps=50000)[0]
        np.testing.assert_allclose(exact, pgd, atol=1e-8)
    with pytest.raises(ValueError, match="3\\^p"):
        cl.studies.ch1_adamw_box.box_least_squares_exact(np.ones((3, 9)), np.ones(3), 1.0)
