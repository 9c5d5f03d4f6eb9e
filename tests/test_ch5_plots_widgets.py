"""Chapter 5: plot functions return labelled Figures; the two demos update for every control."""
import numpy as np
import pytest
from matplotlib.figure import Figure

import course_lib as cl
from course_lib.plots import comparison, corner_study
from course_lib.widgets.elastic_net_bridge import ElasticNetBridgeDemo
from course_lib.widgets.which_penalty_wins import WhichPenaltyWinsDemo, which_penalty_wins


def _labelled(fig):
    assert isinstance(fig, Figure)
    for ax in fig.axes:
        assert ax.get_xlabel(), f"axes {ax.get_title()!r} has no x label"
    assert any(ax.get_ylabel() for ax in fig.axes)


@pytest.fixture(scope="module")
def small():
    X, y, w = cl.make_regression(40, 15, n_informative=3, rho=0.3, snr=3.0, seed=0)
    folds = cl.kfold_indices(40, 4, seed=0)
    cvs = {m: cl.model_selection.cross_validate(X, y, m, folds=folds, n_lams=8,
                                                 l1_ratio=0.5 if m == "elastic_net" else None)
           for m in ("lasso", "ridge", "elastic_net")}
    return X, y, w, cvs


def test_comparison_figures(small):
    X, y, w, cvs = small
    _labelled(comparison.cv_curves_figure(cvs))
    tiny = cl.studies.ch5_scenarios.Scenario("tiny", n=40, p=8, n_informative=3, rho=0.3, snr=3.0, coef="sparse", n_test=100)
    h = cl.studies.ch5_scenarios.head_to_head(tiny, seed=0, n_lams=6)
    _labelled(comparison.head_to_head_figure(h, h))
    _labelled(comparison.diabetes_figure(cvs, [f"x{j}" for j in range(15)]))
    data = cl.studies.ch5_correlated_groups.make_grouped_regression(n=40, n_groups=2, group_size=3, n_noise=4, seed=0)
    reps = [cl.studies.ch5_correlated_groups.group_report(m, np.ones(10), data) for m in ("lasso", "ridge")]
    _labelled(comparison.groups_figure(data, reps))
    boot = cl.studies.ch5_lasso_limits.bootstrap_selection(X, y, 0.3 * cl.lam_max(X, y), n_resamples=5, seed=1)
    _labelled(comparison.selection_frequency_figure(boot, w))
    X2, y2, _ = cl.make_regression(12, 30, n_informative=5, seed=2)
    _labelled(comparison.selection_cap_figure(cl.studies.ch5_lasso_limits.selection_cap(X2, y2, n_lams=10)))


def test_corner_figures():
    study = cl.studies.ch5_corner_monte_carlo.corner_study(dims=(2, 3), fractions=(0.3, 0.8), n_problems=50, seed=0)
    _labelled(corner_study.corner_study_figure(study))
    pf = cl.studies.ch5_corner_monte_carlo.sampling_pitfall(n_problems=300, seed=0)
    assert pf.example, "the figure needs one sampled-zero example"
    _labelled(corner_study.sampling_pitfall_figure(pf))


def test_chapter_figures_are_registered():
    figures = cl.plots.load_all()
    for name in ("05_cv_curves", "05_head_to_head", "05_diabetes", "05_corner_monte_carlo", "05_sampling_pitfall"):
        assert name in figures


@pytest.mark.parametrize("cls", [ElasticNetBridgeDemo, WhichPenaltyWinsDemo])
def test_demos_update_for_every_control(cls):
    demo = cls()
    for name, control in demo.control_widgets.items():
        for value in (control.min, control.max, control.value):
            demo.update(**{name: value})
            assert demo.error.value == ""
            assert demo.image.value[:4] == b"\x89PNG"
    assert len(demo.timings) >= 3 * len(demo.control_widgets)


def test_bridge_readout_reports_exact_zero():
    demo = ElasticNetBridgeDemo()
    demo.update(l1_ratio=1.0, rho=0.9)
    assert "exactly 0" in demo.readout.value
    demo.update(l1_ratio=0.5)
    assert "both coefficients non-zero" in demo.readout.value


def test_which_penalty_wins_is_deterministic_and_sensible():
    a, w = which_penalty_wins(60, 200, 5, 0.3, 0)
    b, _ = which_penalty_wins(60, 200, 5, 0.3, 0)
    assert a["lasso"][0] == b["lasso"][0]
    assert a["ridge"][1] == 200 and np.count_nonzero(w) == 5
    assert a["lasso"][0] < a["ridge"][0]  # sparse truth, p > n
