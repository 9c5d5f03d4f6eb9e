"""Chapter 1 demo: Adam with an L2 penalty vs AdamW (decoupled weight decay) on a 2-feature least squares.

Left: contours of the least-squares loss in the (w1, w2) plane, the least-squares solution (grey), the ridge
solution (blue) with its L2 disk, and the box ``||w||∞ ≤ 1/λ`` (black, dashed) with the box-constrained
solution (black square).  Both optimizers start at 0 and run the same number of full-batch steps with the
same λ and learning rate; their paths are drawn.  Right: each path's distance to the ridge solution and to
the box solution, step by step (log–log).  Adam + L2 heads for ridge; AdamW heads for the box solution.
"""
from __future__ import annotations

import numpy as np

from ..solvers.gradient_descent import adam
from ..plots.contours import draw_axes_cross, quadratic_on_grid
from ..plots.norm_balls import ball_outline
from ..plots.style import L2_COLOR, OLS_COLOR, PALETTE, new_figure
from ..solvers.ridge import ridge
from ..studies.ch1_adamw_box import box_least_squares_exact, two_feature_problem
from .demo import Demo, log_slider, register_demo, slider
from .._internal.validation import check_scalar

ADAMW_COLOR = PALETTE["orange"]
HALF_WIDTH = 3.0  # the (w1, w2) window is [−0.5, 3]² (the solutions lie in the first quadrant)


def _subsample(n_rows, k=400):
    """Up to k row indices, log-spaced, always including the first and the last."""
    idx = np.unique(np.round(np.geomspace(1, n_rows, k)).astype(int) - 1)
    return np.concatenate([[0], idx]) if idx[0] != 0 else idx


@register_demo("01_adam_weight_decay")
class AdamWeightDecayDemo(Demo):
    title = "Adam + L2 penalty vs AdamW on the same problem: where does each one stop?"
    figsize = (8.0, 3.6)

    def __init__(self, lam=0.5, lr=0.05, n_steps=20000):
        self._init = {"lam": check_scalar(lam, "lam", low=0.0, low_inclusive=False), "lr": check_scalar(lr, "lr", low=0.0, low_inclusive=False),
                      "n_steps": check_scalar(n_steps, "n_steps", low=1, high=200_000, integer=True)}
        self.X, self.y = two_feature_problem()
        super().__init__()

    def controls(self):
        return {
            "lam": log_slider("λ", self._init["lam"], -1.5, 0.5, step=0.05, readout_format=".3g"),
            "lr": log_slider("learning rate", self._init["lr"], -3, -1, step=0.1, readout_format=".2g"),
            "n_steps": slider("steps", self._init["n_steps"], 200, 20000, 200),
        }

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize)

    def setup(self, fig):
        ax, ax_d = self.axes
        n = self.X.shape[0]
        Xc = self.X - self.X.mean(axis=0)
        self._w_ols = ridge(self.X, self.y, 0.0).coef
        H = Xc.T @ Xc / n  # the loss is ½(w − w_ols)ᵀH(w − w_ols) + const
        W1, W2, Z = quadratic_on_grid(H, self._w_ols, (-HALF_WIDTH, HALF_WIDTH), (-HALF_WIDTH, HALF_WIDTH), n=81)
        ax.contour(W1, W2, Z, levels=np.geomspace(0.02, 8.0, 8), colors="0.75", linewidths=0.8)
        draw_axes_cross(ax)
        ax.plot(*self._w_ols, "o", color=OLS_COLOR, ms=6, label="least squares")
        (self.disk,) = ax.plot([], [], color=L2_COLOR, lw=1.0, ls=":")
        (self.box,) = ax.plot([], [], color=PALETTE["black"], lw=1.2, ls="--")
        (self.path_l2,) = ax.plot([], [], color=L2_COLOR, lw=1.8, label="Adam + L2")
        (self.path_w,) = ax.plot([], [], color=ADAMW_COLOR, lw=1.8, label="AdamW")
        (self.ridge_pt,) = ax.plot([], [], "o", color=L2_COLOR, ms=7, mfc="white", mew=2, label="ridge")
        (self.box_pt,) = ax.plot([], [], "s", color=PALETTE["black"], ms=7, mfc="white", mew=2, label="box solution")
        ax.set_xlim(-0.5, HALF_WIDTH)
        ax.set_ylim(-0.5, HALF_WIDTH)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xticks([0, 2])  # few texts: each drawn text costs ~0.5 ms a frame
        ax.set_yticks([0, 2])
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        ax.set_title("paths from w = 0")
        ax.legend(loc="upper left", fontsize=10, framealpha=0.9, ncol=1, handlelength=1.2, borderaxespad=0.2)

        (self.d_l2_ridge,) = ax_d.loglog([1, 2], [1, 1], color=L2_COLOR, lw=1.8, label="Adam + L2 → ridge")
        (self.d_w_box,) = ax_d.loglog([1, 2], [1, 1], color=ADAMW_COLOR, lw=1.8, label="AdamW → box solution")
        (self.d_w_ridge,) = ax_d.loglog([1, 2], [1, 1], color=ADAMW_COLOR, lw=1.2, ls=":", label="AdamW → ridge")
        ax_d.set_xlim(1, 20000)
        ax_d.set_ylim(1e-8, 1e1)
        ax_d.set_xticks([1, 100, 10000])
        ax_d.set_yticks([1e-8, 1e-4, 1e0])
        ax_d.minorticks_off()
        ax_d.set_xlabel("step")
        ax_d.set_ylabel("max |w − target|")
        ax_d.set_title("distance to each target", fontsize=11)
        ax_d.legend(loc="center right", fontsize=10, framealpha=0.9, handlelength=1.6, borderaxespad=0.2)

    def draw(self, lam, lr, n_steps):
        n_steps = int(n_steps)
        fit_l2 = adam(self.X, self.y, lam, lr, n_steps, decoupled=False, record=True)
        fit_w = adam(self.X, self.y, lam, lr, n_steps, decoupled=True, record=True)
        w_ridge = ridge(self.X, self.y, lam).coef
        w_box = box_least_squares_exact(self.X, self.y, 1.0 / lam)[0]

        disk = ball_outline(2.0, radius=float(np.linalg.norm(w_ridge)), n=181)
        self.disk.set_data(disk[0], disk[1])
        b = 1.0 / lam
        self.box.set_data([-b, b, b, -b, -b], [-b, -b, b, b, -b])
        self.ridge_pt.set_data([w_ridge[0]], [w_ridge[1]])
        self.box_pt.set_data([w_box[0]], [w_box[1]])

        idx = _subsample(n_steps + 1)
        path_l2 = fit_l2.history["coef"][idx]
        path_w = fit_w.history["coef"][idx]
        self.path_l2.set_data(path_l2[:, 0], path_l2[:, 1])
        self.path_w.set_data(path_w[:, 0], path_w[:, 1])

        steps = idx + 1  # step k ↦ k + 1 on the log axis (the start, k = 0, sits at 1)
        floor = 1e-12  # keep log-axis values finite once a path lands exactly
        d_l2_ridge = np.maximum(np.max(np.abs(path_l2 - w_ridge), axis=1), floor)
        d_w_box = np.maximum(np.max(np.abs(path_w - w_box), axis=1), floor)
        d_w_ridge = np.maximum(np.max(np.abs(path_w - w_ridge), axis=1), floor)
        self.d_l2_ridge.set_data(steps, d_l2_ridge)
        self.d_w_box.set_data(steps, d_w_box)
        self.d_w_ridge.set_data(steps, d_w_ridge)

        def dist(d):
            return f"< {floor:.0e}" if d <= floor else f"{d:.2g}"

        return (f"λ = {lam:.3g} (box |w<sub>j</sub>| ≤ 1/λ = {b:.3g}), learning rate {lr:.2g}, {n_steps} steps.<br>"
                f"Adam + L2 ends at ({fit_l2.coef[0]:.3f}, {fit_l2.coef[1]:.3f}); ridge is "
                f"({w_ridge[0]:.3f}, {w_ridge[1]:.3f}): distance {dist(d_l2_ridge[-1])}.<br>"
                f"AdamW ends at ({fit_w.coef[0]:.3f}, {fit_w.coef[1]:.3f}); the box solution is "
                f"({w_box[0]:.3f}, {w_box[1]:.3f}): distance {dist(d_w_box[-1])} (to ridge: {dist(d_w_ridge[-1])}).")

    def benchmark_updates(self):
        ups = [{"lam": v} for v in (0.05, 0.2, 0.5, 1.0, 2.0)]
        ups += [{"lr": v} for v in (0.001, 0.01, 0.1, 0.05)]
        return ups + [{"n_steps": s} for s in (200, 2000, 10000, 20000)]
