"""Demo: one lasso coordinate, a subgradient step against a proximal step (``04_prox_vs_subgradient``).

The problem is ``F(w) = ½(w − z)² + λ|w|`` (see ``course_lib.toys.scalar_lasso``).  Both methods start at
w₀ = 2 and take the same step η; the left panel shows where their iterates sit on F, the right panel
shows w_k against k.  With ``|z| ≤ λ`` the answer is exactly 0: the proximal iterates land on it and stay,
the subgradient iterates keep jumping across it.
"""
from __future__ import annotations

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.transforms import blended_transform_factory

from ..plots.style import L1_COLOR, PALETTE, new_figure
from ..toys.scalar_lasso import (first_exact_zero, prox_steps_1d, scalar_lasso_objective, scalar_lasso_solution,
                            subgradient_steps_1d)
from .demo import Demo, dropdown, log_slider, register_demo, slider

__all__ = ["ProxVsSubgradientDemo"]

SUBGRAD_COLOR = PALETTE["orange"]
PROX_COLOR = PALETTE["blue"]
SUBGRAD_TEXT = "#8A5A00"  # the orange darkened for text on white: 5.9:1 contrast (the orange itself is 2.0:1)
N_STEPS = 40
W0 = 2.0
W_GRID = np.linspace(-2.5, 2.5, 401)


@register_demo("04_prox_vs_subgradient")
class ProxVsSubgradientDemo(Demo):
    title = "One coordinate: subgradient step vs proximal (soft-thresholding) step"
    figsize = (9.0, 3.6)

    def controls(self):
        return {
            "z": slider("least-squares z", 0.4, -2.0, 2.0, 0.05),
            "lam": log_slider("λ", 0.6, -1.5, 0.5),
            "step": log_slider("step η", 0.5, -1.5, 0.3),
            "rule": dropdown("subgradient steps", {"constant η": "constant", "η/√k": "diminishing"}, "constant"),
        }

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize)

    def setup(self, fig):
        ax_f, ax_k = self.axes
        (self.curve,) = ax_f.plot(W_GRID, W_GRID, color="0.3", lw=2, label="F(w)")
        trans = blended_transform_factory(ax_f.transData, ax_f.transAxes)
        self.band = Rectangle((-0.1, 0.0), 0.2, 1.0, transform=trans, color=PROX_COLOR, alpha=0.12, lw=0,
                              label="prox gives 0 here: |v| ≤ ηλ")
        ax_f.add_patch(self.band)
        (self.f_sub,) = ax_f.plot([], [], "o", color=SUBGRAD_COLOR, ms=5, alpha=0.7, label="subgradient iterates")
        (self.f_prox,) = ax_f.plot([], [], "s", color=PROX_COLOR, ms=5, alpha=0.7, label="proximal iterates")
        (self.f_star,) = ax_f.plot([], [], "*", color=L1_COLOR, ms=14, mec="k", label="minimiser w*")
        ax_f.set_xlim(W_GRID[0], W_GRID[-1])
        ax_f.set_ylim(-0.05, 1.25)  # F is drawn scaled (see draw), so the axes never change
        ax_f.set_xlabel("w")
        ax_f.set_ylabel("(F(w) − F*) / (F(w₀) − F*)")
        ax_f.set_title("F(w) = ½(w − z)² + λ|w|, scaled", fontsize=10)
        ax_f.legend(loc="upper center", fontsize=10, ncols=2)
        k = np.arange(N_STEPS + 1)
        ax_k.axhline(0.0, color="0.4", lw=0.8)
        (self.star_line,) = ax_k.plot([0, N_STEPS], [0, 0], color=L1_COLOR, lw=1.5, ls="--", label="w*")
        (self.k_sub,) = ax_k.plot(k, np.zeros_like(k, dtype=float), "-o", color=SUBGRAD_COLOR, ms=3, lw=1,
                                  label="subgradient")
        (self.k_prox,) = ax_k.plot(k, np.zeros_like(k, dtype=float), "-s", color=PROX_COLOR, ms=3, lw=1,
                                   label="proximal")
        ax_k.set_xlim(0, N_STEPS)
        ax_k.set_ylim(-2.6, 2.6)  # fixed: iterates beyond are off-scale, the readout gives them
        ax_k.set_xlabel("step k")
        ax_k.set_ylabel("w_k")
        ax_k.legend(loc="upper right", fontsize=10)
        # axes, ticks and labels are painted once (Demo.animate); each frame redraws the curves, markers
        # and the legends (kept on top of them)
        self.animate(self.curve, self.band, self.f_sub, self.f_prox, self.f_star, ax_f.get_legend(),
                         self.star_line, self.k_sub, self.k_prox, ax_k.get_legend())

    def draw(self, z, lam, step, rule):
        sub = subgradient_steps_1d(z, lam, step, N_STEPS, W0, rule)
        prox = prox_steps_1d(z, lam, step, N_STEPS, W0)
        w_star = scalar_lasso_solution(z, lam)
        f_star = float(scalar_lasso_objective(w_star, z, lam))
        scale = max(float(scalar_lasso_objective(W0, z, lam)) - f_star, 1e-12)

        def scaled(w):
            return (scalar_lasso_objective(w, z, lam) - f_star) / scale

        self.curve.set_ydata(scaled(W_GRID))
        self.band.set_x(-step * lam)
        self.band.set_width(2 * step * lam)
        shown = np.abs(sub) <= W_GRID[-1]
        self.f_sub.set_data(sub[shown], scaled(sub[shown]))
        self.f_prox.set_data(prox, scaled(prox))
        self.f_star.set_data([w_star], [0.0])
        self.k_sub.set_ydata(sub)
        self.k_prox.set_ydata(prox)
        self.star_line.set_ydata([w_star, w_star])
        return self.readout_html(sub, prox, w_star)

    @staticmethod
    def readout_html(sub, prox, w_star):
        zero_prox = first_exact_zero(prox)
        sub_zeros = int(np.count_nonzero(sub[1:] == 0.0))
        prox_text = (f"exactly 0 from step {zero_prox} on" if zero_prox is not None
                     else f"w = {prox[-1]:.4g}")
        tail = np.abs(sub[-10:])
        return (f"minimiser w* = {w_star:.4g} · after {N_STEPS} steps: "
                f"<span style='color:{PROX_COLOR}'><b>proximal</b> {prox_text}</span> · "
                f"<span style='color:{SUBGRAD_TEXT}'><b>subgradient</b> w = {sub[-1]:.3g}, "
                f"|w| over the last 10 steps between {tail.min():.2g} and {tail.max():.2g}, "
                f"exact zeros hit: {sub_zeros}</span>")

    def benchmark_updates(self):
        return [{"z": 0.4, "lam": 0.6, "step": 0.5, "rule": "constant"},
                {"z": 1.5, "lam": 0.3, "step": 1.0, "rule": "constant"},
                {"z": -0.2, "lam": 1.0, "step": 0.2, "rule": "diminishing"},
                {"z": 0.0, "lam": 2.0, "step": 1.9, "rule": "constant"}]
