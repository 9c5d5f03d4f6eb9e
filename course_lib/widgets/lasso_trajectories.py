"""Demo: the course's lasso solvers on a two-feature problem, drawn in the (w1, w2) plane
(``04_lasso_trajectories``).

Choose the method (three subgradient step rules, ISTA, FISTA, coordinate descent), the subgradient step
and the number of iterations.  Left: the iterates on the contours of the full lasso objective (the
solution lies on the w1-axis).  Right: F(w_k) − F* against k.  Each update reruns the real solver
(``LassoProblem.fit`` with ``record=True``) — a few hundred microseconds — and moves the artists.
"""
from __future__ import annotations

import numpy as np

from ..solvers.lasso import LassoProblem
import ipywidgets as widgets
from matplotlib import ticker

from ..plots.lasso_trajectories import (TRAJECTORY_COLORS, WINDOW, ZOOM_OFFSETS, ZOOM_WINDOW, draw_lasso_landscape,
                                       lasso_contours)
from ..toys.two_feature_lasso import TRAJECTORY_METHODS, solver_trajectory, two_feature_lasso
from ..plots.style import new_figure
from .demo import Demo, dropdown, log_slider, register_demo, slider

__all__ = ["LassoTrajectoriesDemo", "trajectory_readout"]

FLOOR = 1e-16
K_MAX = 200   # the right panel's fixed x-range: up to 100 CD epochs of 2 coordinate updates


def _decade_ticks(axis, exponents):
    """Decade ticks labelled '1e-8' (plain text: no mathtext to parse when the background is repainted)."""
    axis.set_major_locator(ticker.FixedLocator([10.0 ** e for e in exponents]))
    axis.set_minor_locator(ticker.NullLocator())
    axis.set_major_formatter(ticker.FixedFormatter([f"1e{e}" if e else "1" for e in exponents]))


def trajectory_readout(problem, method, path):
    """The facts the demo reports about one trajectory (a dict; also used by the tests)."""
    sol = problem.solution()
    f_star = float(problem.objective(*sol))
    finite = bool(np.all(np.isfinite(path[-1])))
    on_axis = np.flatnonzero(path[1:, 1] == 0.0) + 1
    return {
        "method": method,
        "last": path[-1],
        "finite": finite,
        "suboptimality": float(problem.objective(*path[-1]) - f_star) if finite else float("inf"),
        "n_steps": path.shape[0] - 1,
        "w2_zero_count": int(on_axis.size),
        "w2_first_zero": int(on_axis[0]) if on_axis.size else None,
        "min_abs_w2": float(np.min(np.abs(path[1:, 1]))) if path.shape[0] > 1 else float("nan"),
    }


@register_demo("04_lasso_trajectories")
class LassoTrajectoriesDemo(Demo):
    title = "Lasso solvers in the (w1, w2) plane: zig-zag, snap, or staircase"
    figsize = (9.0, 3.9)

    def __init__(self):
        self.problem = two_feature_lasso()
        self.prepared = LassoProblem(self.problem.X, self.problem.y)
        self.solution = self.problem.solution()
        self.f_star = float(self.problem.objective(*self.solution))
        super().__init__()

    def controls(self):
        return {
            "method": dropdown("method", list(TRAJECTORY_METHODS), "subgradient, constant step"),
            "step": log_slider("subgradient step η", 0.3, -2.0, 0.5),
            "n_iter": slider("iterations (epochs for CD)", 30, 1, 100, 1),
            "zoom": widgets.Checkbox(value=False, description="zoom on the solution", indent=False),
        }

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize, gridspec_kw={"width_ratios": [1.0, 1.25]})

    def setup(self, fig):
        ax, ax_f = self.axes
        self.contours = draw_lasso_landscape(ax, self.problem, n_grid=121, mathtext=False)
        self.zoom_contours = lasso_contours(ax, self.problem, ZOOM_WINDOW, n_grid=81, offsets=ZOOM_OFFSETS)
        self.zoom_contours.set_visible(False)
        ax.legend(loc="upper left", fontsize=10)
        (self.path_line,) = ax.plot([], [], "-o", ms=3, lw=1.2, zorder=5)
        (self.last_point,) = ax.plot([], [], "o", ms=9, mfc="none", mew=2, zorder=7)
        (self.curve,) = ax_f.loglog([1], [1], "-o", ms=2.5, lw=1.3)
        (self.zero_marks,) = ax_f.loglog([], [], "|", ms=10, mew=1.5, color="k", label="w2 exactly 0")
        ax_f.set_ylim(FLOOR, 10.0)
        ax_f.set_xlim(1, K_MAX)  # fixed, so moving a slider never changes the axes
        _decade_ticks(ax_f.yaxis, [-16, -12, -8, -4, 0])
        ax_f.xaxis.set_major_locator(ticker.FixedLocator([1, 10, 100]))
        ax_f.xaxis.set_minor_locator(ticker.NullLocator())
        ax_f.xaxis.set_major_formatter(ticker.FixedFormatter(["1", "10", "100"]))
        ax_f.set_xlabel("iteration k (coordinate update for CD)")
        ax_f.set_ylabel("F(w_k) − F*")
        ax_f.legend(loc="upper right", fontsize=10)
        # contours, axes and ticks are painted once (Demo.animate); each frame redraws the path and the curve
        self.animate(self.path_line, self.last_point, ax.get_legend(), self.curve, self.zero_marks,
                     ax_f.get_legend())
        self._zoomed = False

    def draw(self, method, step, n_iter, zoom=False):
        self._controls["step"].disabled = not method.startswith("subgradient")
        if zoom != self._zoomed:  # a new window: the static background must be repainted
            window = ZOOM_WINDOW if zoom else WINDOW
            self.axes[0].set_xlim(*window[0])
            self.axes[0].set_ylim(*window[1])
            self.contours.set_visible(not zoom)
            self.zoom_contours.set_visible(zoom)
            self._zoomed = zoom
            self.invalidate_background()
        path = solver_trajectory(self.problem, method, n_iter, step, prepared=self.prepared)
        color = TRAJECTORY_COLORS[method]
        shown = np.clip(path, -1e3, 1e3)            # a diverging run stays drawable
        self.path_line.set_data(shown[:, 0], shown[:, 1])
        self.path_line.set_color(color)
        self.last_point.set_data(shown[-1:, 0], shown[-1:, 1])
        self.last_point.set_color(color)
        with np.errstate(over="ignore", invalid="ignore"):
            sub = self.problem.objective(path[:, 0], path[:, 1]) - self.f_star
        sub = np.where(np.isfinite(sub), np.clip(sub, FLOOR, 1e3), 1e3)
        k = np.arange(path.shape[0])
        self.curve.set_data(k[1:], sub[1:])   # log axis: from iteration 1
        self.curve.set_color(color)
        zero = np.flatnonzero(path[:, 1] == 0.0)
        zero = zero[zero >= 1]
        self.zero_marks.set_data(zero, np.full(zero.size, 3 * FLOOR))
        return self.readout_html(trajectory_readout(self.problem, method, path))

    @staticmethod
    def readout_html(info):
        w1, w2 = info["last"]
        if not info["finite"] or max(abs(w1), abs(w2)) > 1e6:
            size = max(abs(w1), abs(w2))
            return (f"<b>{info['method']}</b>: the iterates diverged (|w| = {size:.1e} after {info['n_steps']} "
                    f"steps): the step is too large for this problem.")
        if info["w2_first_zero"] is not None:
            zeros = (f"w2 is exactly 0 in {info['w2_zero_count']} of {info['n_steps']} iterates "
                     f"(first at k = {info['w2_first_zero']})")
        else:
            zeros = f"w2 is never exactly 0 (smallest |w2| = {info['min_abs_w2']:.2g})"
        sub = info["suboptimality"]
        sub_text = "0 up to rounding" if sub < 1e-14 else f"{sub:.2e}"
        return (f"<b>{info['method']}</b>: last iterate ({w1:.4g}, {w2:.3g}), F − F* = {sub_text}; {zeros}. "
                f"Solution (0.6, 0).")

    def benchmark_updates(self):
        return [{"method": m, "step": s, "n_iter": k} for m, s, k in (
            ("subgradient, constant step", 0.3, 30), ("subgradient, constant length", 0.1, 60),
            ("subgradient, step η/√k", 1.0, 100), ("ISTA (step 1/L)", 0.3, 50), ("FISTA (step 1/L)", 0.3, 50),
            ("coordinate descent", 0.3, 10), ("subgradient, constant step", 3.0, 100))] + [
            {"method": "subgradient, constant step", "step": 0.3, "n_iter": 60, "zoom": True}]
