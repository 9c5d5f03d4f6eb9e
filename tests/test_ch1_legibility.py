"""Issue 20: demo frames of chapters 0–2 must be legible at 100 % zoom: no legend or tick label drawn
smaller than 10 pixels in the frame as rendered (font size in points × frame dpi / 72)."""
import pytest

from course_lib.widgets import load_all as load_demos

DEMOS = ["00_lasso_vs_ridge", "01_norm_ball", "01_ridge_polynomial", "01_adam_weight_decay",
         "02_collinear_cloud", "02_gradient_descent_2d"]
MIN_LEGEND_PX = 10.5


@pytest.fixture(scope="module")
def demos():
    return load_demos()


@pytest.mark.parametrize("name", DEMOS)
def test_legends_are_readable(demos, name):
    demo = demos[name]()
    dpi = demo.fig.dpi
    legends = [ax.get_legend() for ax in demo.fig.axes if ax.get_legend() is not None]
    for legend in legends:
        for text in legend.get_texts():
            px = text.get_fontsize() * dpi / 72
            assert px >= MIN_LEGEND_PX, f"{name}: legend entry {text.get_text()!r} is {px:.1f} px"


def test_teaser_frame_shows_its_lambda(demos):
    demo = demos["00_lasso_vs_ridge"]()
    demo.update(lam=0.3)
    assert demo.axes.get_title().startswith("λ = 0.3")
