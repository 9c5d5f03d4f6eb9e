"""Chapter 2 demo: fixed-step gradient descent on a two-feature penalized least-squares problem.

Objective ``(1/(2n))||y − Xw − b||² + λ·P(w)`` of the chapter's running example (``EXAMPLE`` in
``course_lib.plots.penalty_gradients``), in Gram form ``½wᵀGw − cᵀw + λP(w) + const``.  Each step is
``w ← w − η(Gw − c + λ·∂P(w))`` with ∂P = w (L2) or sign(w) (L1 subgradient).  The trajectory is drawn on
the least-squares contours next to the exact solution; the right panel shows how far the objective is
from its minimum.  A 500-step trajectory is 500 × a few flops (``course_lib.toys.quadratic_2d.descend_2d``).
"""
from __future__ import annotations

import numpy as np
from matplotlib import ticker

from ..plots.contours import draw_axes_cross, ellipse_levels, quadratic_on_grid, square_limits
from ..plots.penalty_gradients import example_problem
from ..plots.style import L1_COLOR, L2_COLOR, OLS_COLOR, PALETTE, new_figure
from .demo import Demo, dropdown, log_slider, register_demo, slider

START = (-1.0, 2.0)
HALF = 2.5
GAP_FLOOR = 1e-16


def plain_log_ticks(axis, exponents):
    """Fixed decade ticks labelled '1e-8' instead of mathtext 10⁻⁸: mathtext parsing of tick labels is the
    slowest part of redrawing a log axis."""
    axis.set_major_locator(ticker.FixedLocator([10.0 ** e for e in exponents]))
    axis.set_minor_locator(ticker.NullLocator())
    axis.set_major_formatter(ticker.FixedFormatter([f"1e{e}" if e else "1" for e in exponents]))


def trajectory_summary(quad, path, lam, penalty, step, tail=20):
    """Numbers the readout reports about a trajectory (also used by the tests and the notebook)."""
    sol = quad.minimizer(lam, penalty)
    f_star = float(quad.objective(sol, lam, penalty))
    last = path[-1]
    finite = bool(np.all(np.isfinite(last)))
    tail_pts = path[-min(tail, len(path)):]
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging path overflows; reported, not warned
        return _summary(quad, sol, f_star, last, finite, tail_pts, lam, penalty)


def _summary(quad, sol, f_star, last, finite, tail_pts, lam, penalty):
    return {
        "solution": sol,
        "last": last,
        "finite": finite,
        "distance": float(np.linalg.norm(last - sol)) if finite else float("inf"),
        "gap": float(quad.objective(last, lam, penalty) - f_star) if finite else float("inf"),
        "tail_range": (tail_pts.max(axis=0) - tail_pts.min(axis=0)) if finite else np.full(2, np.inf),
        "max_stable_step": quad.max_stable_step(lam, penalty),
        "f_star": f_star,
    }


@register_demo("02_gradient_descent_2d")
class GradientDescent2D(Demo):
    title = "Gradient descent with an L2 or L1 (subgradient) penalty on two correlated features"
    figsize = (8.0, 3.6)

    def __init__(self, quad=None):
        self.quad = example_problem() if quad is None else quad
        super().__init__()

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize, width_ratios=[1.0, 1.1])

    def controls(self):
        return {
            "penalty": dropdown("penalty", {"L2 (gradient λw)": "l2", "L1 (subgradient λ·sign w)": "l1"}, "l1"),
            "lam": log_slider("λ", 0.3, -3, 0, step=0.05),
            "step": log_slider("step η", 0.5, -2, 0.2, step=0.05),
            "n_steps": slider("steps", 200, 1, 500, 1),
        }

    def setup(self, fig):
        self.ax, self.ax_gap = self.axes
        quad = self.quad
        W1, W2, Z = quadratic_on_grid(quad.G, quad.ols, (-HALF, HALF), (-HALF, HALF), n=101)
        levels = ellipse_levels(quad.G, quad.ols, [(0.0, 0.0), START], extra=[0.01, 0.05, 0.15, 0.4, 1.0])
        self.ax.contour(W1, W2, Z, levels=levels, colors=OLS_COLOR, linewidths=0.9)
        draw_axes_cross(self.ax)
        self.ax.plot(*quad.ols, "o", color=PALETTE["black"], ms=5, label="OLS")
        (self.path_line,) = self.ax.plot([], [], "-o", color=L1_COLOR, ms=2, lw=1)
        (self.start,) = self.ax.plot(*START, "s", color=PALETTE["black"], ms=5, label="start")
        (self.end,) = self.ax.plot([], [], "o", color="white", mec=PALETTE["black"], ms=6, label="last iterate")
        (self.star,) = self.ax.plot([], [], "*", color=L1_COLOR, mec=PALETTE["black"], ms=13,
                                    label="exact solution")
        square_limits(self.ax, HALF)
        self.ax.set_xlabel("w₁")  # plain text: mathtext labels are re-parsed on every redraw
        self.ax.set_ylabel("w₂")
        self.ax.legend(loc="lower left", fontsize=10, framealpha=0.9)
        (self.gap_line,) = self.ax_gap.semilogy([], [], color=L1_COLOR, lw=1.2)
        self.ax_gap.set_ylim(1e-16, 1e2)
        # x range of the longest run, so the layout (solved once) leaves room for its right-most tick label
        self.ax_gap.set_xlim(0, self._controls["n_steps"].max)
        self.ax_gap.set_xlabel("step k")
        self.ax_gap.set_ylabel("f(w_k) − f*")
        self.ax_gap.set_title("distance to the optimal objective", fontsize=10)
        plain_log_ticks(self.ax_gap.yaxis, [-16, -12, -8, -4, 0])
        # the changing caption is a plain Text at a fixed place (an axes title would be re-positioned on
        # every full redraw, which the blitted frames skip)
        self.caption = self.ax.text(0.5, 1.03, "placeholder", transform=self.ax.transAxes, ha="center",
                                    va="bottom", fontsize=10)
        # the legend is redrawn too so that it stays on top of the path, as in a full redraw
        # the gap panel's x axis (ticks, labels, grid) follows n_steps, so it is redrawn too
        # contours, axes and ticks are painted once (Demo.animate); each frame redraws what is listed here
        self.animate(self.path_line, self.start, self.end, self.star, self.ax.get_legend(),
                     self.ax_gap.xaxis, self.gap_line, self.caption)

    def draw(self, penalty, lam, step, n_steps):
        quad = self.quad
        path = quad.descend(lam, step, n_steps, w0=START, penalty=penalty)
        s = trajectory_summary(quad, path, lam, penalty, step)
        color = L2_COLOR if penalty == "l2" else L1_COLOR
        shown = np.clip(path, -1e3, 1e3)  # a diverging path is drawn to the edge, not to infinity
        self.path_line.set_data(shown[:, 0], shown[:, 1])
        self.path_line.set_color(color)
        self.end.set_data([shown[-1, 0]], [shown[-1, 1]])
        self.star.set_data([s["solution"][0]], [s["solution"][1]])
        self.star.set_color(color)
        with np.errstate(over="ignore", invalid="ignore"):
            gaps = quad.objective(path, lam, penalty) - s["f_star"]
        gaps = np.where(np.isfinite(gaps), np.maximum(gaps, GAP_FLOOR), np.nan)
        self.gap_line.set_data(np.arange(n_steps + 1), gaps)
        self.gap_line.set_color(color)
        self.ax_gap.set_xlim(0, max(n_steps, 1))
        self.caption.set_text(f"{'L2' if penalty == 'l2' else 'L1'}, λ = {lam:.3g}, η = {step:.3g}, {n_steps} steps")
        return self.readout_html(s, penalty, lam, step)

    @staticmethod
    def readout_html(s, penalty, lam, step):
        sol = s["solution"]
        if not s["finite"] or step > s["max_stable_step"]:
            return (f"<b>Diverged</b>: η = {step:.3g} is above 2/(L{' + λ' if penalty == 'l2' else ''}) = "
                    f"{s['max_stable_step']:.3g}. Take a smaller step.")
        text = (f"last iterate ({s['last'][0]:.4f}, {s['last'][1]:.4f}) · exact solution ({sol[0]:.4f}, "
                f"{sol[1]:.4f}) · distance {s['distance']:.2e} · objective gap {max(s['gap'], 0.0):.2e}")
        if penalty == "l1":
            zero = np.flatnonzero(sol == 0.0)
            if zero.size:
                j = int(zero[0])
                text += (f"<br>The solution has w{j + 1} = 0 exactly, but the subgradient iterates never settle: "
                         f"over the last 20 steps w{j + 1} spans {s['tail_range'][j]:.4f} "
                         f"(the hop size is of order ηλ = {step * lam:.4f}).")
            else:
                text += ("<br>No coordinate of the solution is 0: near it λ||w||₁ is smooth, so fixed steps "
                         "converge as they do for L2. The hopping comes from zeros in the solution.")
        elif step >= s["max_stable_step"]:
            text += f"<br>η is at the stability limit 2/(L + λ) = {s['max_stable_step']:.3g}."
        return text

    def benchmark_updates(self):
        worst = [dict(penalty=p, lam=lam, step=step, n_steps=500)
                 for p in ("l2", "l1") for lam in (0.01, 0.3, 1.0) for step in (0.05, 0.5, 1.2)]
        return worst + [dict(penalty="l1", lam=0.3, step=0.5, n_steps=k) for k in (1, 20, 200)]
