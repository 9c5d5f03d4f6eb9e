"""Chapter 4: demos update for every control value, figures have labelled axes, measurements are sane."""
import numpy as np
import pytest
from matplotlib.figure import Figure

from course_lib.studies import ch4_solver_comparison as sc
from course_lib.plots import lasso_convergence, lasso_trajectories, subdifferential
from course_lib.plots.registry import FIGURES
from course_lib.toys.two_feature_lasso import TRAJECTORY_METHODS, solver_trajectory, two_feature_lasso
from course_lib.widgets import DEMOS
from course_lib.widgets.convergence_race import ConvergenceRaceDemo
from course_lib.widgets.lasso_trajectories import LassoTrajectoriesDemo, trajectory_readout
from course_lib.widgets.prox_vs_subgradient import ProxVsSubgradientDemo


def _labelled(fig):
    assert isinstance(fig, Figure)
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel(), ax.get_title()


# --- the two-feature problem ---------------------------------------------------------------------------
def test_two_feature_problem_has_the_advertised_geometry():
    p = two_feature_lasso()
    n = p.X.shape[0]
    np.testing.assert_allclose(p.X.T @ p.X / n, p.gram, atol=1e-12)
    np.testing.assert_allclose(p.X.T @ p.y / n, p.gram @ p.ols, atol=1e-12)
    np.testing.assert_allclose(p.X.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(p.solution(), [0.6, 0.0], atol=1e-12)
    w = np.array([0.3, -0.2])
    direct = np.sum((p.y - p.X @ w) ** 2) / (2 * n) + p.lam * np.abs(w).sum()
    assert p.objective(*w) == pytest.approx(direct, abs=1e-12)


@pytest.mark.parametrize("method", list(TRAJECTORY_METHODS))
def test_trajectories_start_at_the_start_and_prox_methods_reach_the_axis(method):
    p = two_feature_lasso()
    path = solver_trajectory(p, method, 40, 0.3)
    np.testing.assert_array_equal(path[0], p.start)
    info = trajectory_readout(p, method, path)
    if method.startswith("subgradient"):
        assert info["w2_zero_count"] == 0
    else:
        assert info["w2_first_zero"] is not None
        assert info["suboptimality"] < 1e-8


# --- demos -----------------------------------------------------------------------------------------------
def test_demos_are_registered():
    assert DEMOS["04_lasso_trajectories"] is LassoTrajectoriesDemo
    assert DEMOS["04_prox_vs_subgradient"] is ProxVsSubgradientDemo
    assert DEMOS["04_convergence_race"] is ConvergenceRaceDemo


@pytest.mark.parametrize("cls", [LassoTrajectoriesDemo, ProxVsSubgradientDemo, ConvergenceRaceDemo])
def test_demo_benchmark_updates_run_and_render(cls):
    demo = cls()
    for values in demo.benchmark_updates():
        demo.update(**values)
        assert demo.image.value[:8] == b"\x89PNG\r\n\x1a\n"
        assert demo.readout.value
        assert demo.error.value == ""
    assert "Interactive demo" in demo._repr_mimebundle_()[0]["text/plain"]


def test_trajectory_demo_every_method_and_step_control_state():
    demo = LassoTrajectoriesDemo()
    for method in TRAJECTORY_METHODS:
        for zoom in (False, True):
            demo.update(method=method, n_iter=7, zoom=zoom)
            assert demo.control_widgets["step"].disabled == (not method.startswith("subgradient"))
    demo.update(method="ISTA (step 1/L)", n_iter=60)
    assert "exactly 0" in demo.readout.value
    demo.update(method="subgradient, constant step", step=3.0, n_iter=100)
    assert "diverged" in demo.readout.value


def test_prox_demo_every_control_extreme():
    demo = ProxVsSubgradientDemo()
    controls = demo.control_widgets
    for name in ("z", "lam", "step"):
        for value in (controls[name].min, controls[name].max):
            demo.update(**{name: value})
    for rule in ("constant", "diminishing"):
        demo.update(rule=rule)
    demo.update(z=0.4, lam=0.6, step=0.5, rule="constant")
    assert "exactly 0 from step 4" in demo.readout.value


def test_race_ranks_the_methods_and_every_correlation_works():
    from course_lib.widgets.convergence_race import race, race_problem

    demo = ConvergenceRaceDemo()
    for rho in demo.control_widgets["rho"].options.values():
        demo.update(rho=rho, lam_fraction=0.1)
        assert "L/μ" in demo.readout.value
    prepared, L, mu = race_problem(0.8)
    results, ref = race(prepared, L, 0.1)

    def first(method):
        work, sub, _ = results[method]
        hit = np.flatnonzero(sub <= 1e-6)
        return work[hit[0]] if hit.size else np.inf

    assert first("cd") < first("fista") < first("ista") < first("subgradient") == np.inf
    assert results["subgradient"][2] == prepared.p          # no exact zeros
    assert results["cd"][2] == ref.n_nonzero


# --- figures ---------------------------------------------------------------------------------------------
def test_figures_are_registered():
    for name in ("04_subdifferential", "04_subgradient_convergence", "04_exact_zeros", "04_prox_convergence",
                 "04_gap_certificate", "04_trajectories"):
        assert name in FIGURES


def test_static_figures_have_labelled_axes():
    _labelled(subdifferential.subdifferential_figure())
    _labelled(lasso_trajectories.trajectories_figure(n_iter=5, cd_epochs=2))


@pytest.fixture(scope="module")
def chapter():
    return sc.chapter_runs()


def test_convergence_figures_have_labelled_axes(chapter):
    problem, ref, runs = chapter
    for fn in (lasso_convergence.subgradient_convergence_figure, lasso_convergence.exact_zeros_figure,
               lasso_convergence.prox_convergence_figure, lasso_convergence.gap_certificate_figure):
        _labelled(fn(problem, ref, runs))


# --- the measurements the notebook states ---------------------------------------------------------------
def test_subgradient_runs_have_no_exact_zeros_and_prox_runs_do(chapter):
    problem, ref, runs = chapter
    target = int(np.count_nonzero(ref.coef == 0))
    assert target > problem.p // 2
    for key in ("constant_step", "constant_length", "diminishing"):
        assert runs[key].zeros[1:].max() == 0
    for key in ("ista", "fista", "cd"):
        assert runs[key].zeros[-1] == target
        assert sc.support_identification(runs[key], ref.coef == 0) is not None


def test_guarantees_hold_and_gap_is_a_certificate(chapter):
    problem, ref, runs = chapter
    for key in ("constant_step", "constant_length", "diminishing"):
        bound = sc.subgradient_bound(runs[key], problem, ref.coef)
        assert np.all(runs[key].best_suboptimality[1:] <= bound[1:])
    for key in ("ista", "fista", "cd", "diminishing"):
        assert np.all(runs[key].gap >= runs[key].suboptimality - 1e-15)


def test_rescaled_gaps_match_the_library_gap(chapter):
    import course_lib as cl

    problem, ref, runs = chapter
    rows = runs["ista"].coefs[[0, 5, 50]]
    expected = [cl.duality_gap(problem.X, problem.y, w, problem.lam) for w in rows]
    np.testing.assert_allclose(sc.rescaled_gaps(problem, rows), expected, rtol=1e-9, atol=1e-15)


def test_iterations_to_gap_table(chapter):
    problem, _, _ = chapter
    rows = sc.iterations_to_gap(problem, tol=1e-6)
    by = {r["method"]: r for r in rows}
    assert by["coordinate descent"]["reached"] and by["ISTA"]["reached"] and by["FISTA"]["reached"]
    assert not by["subgradient"]["reached"]
    assert by["coordinate descent"]["iterations"] < by["FISTA"]["iterations"] < by["ISTA"]["iterations"]
    text = sc.format_gap_table(rows)
    assert "not in 5,000" in text
