"""Demo ``05_elastic_net_bridge``: slide l1_ratio from 1 (lasso) to 0 (ridge) and watch the constraint
region morph from the diamond to the disk, and the solution leave the corner.

Two standardized features with correlation ρ (loss curvature H = [[1, ρ], [ρ, 1]]) and least-squares
estimate c = (2.0, 0.8).  The region is the elastic-net ball ``r||w||₁ + (1−r)/2·||w||₂² <= r + (1−r)/2``,
which passes through (±1, 0) and (0, ±1) for every r.  Left: loss ellipses, the region (green; the diamond
and disk dotted for reference) and the exact constrained optimum (``cl.elastic_net_budget_optimum``).
Right: both coefficients of that optimum as l1_ratio varies, for the current ρ.
"""
from __future__ import annotations

import numpy as np

from ..toys.elastic_net_ball import (BRIDGE_CENTER, bridge_problem, bridge_solution,  # noqa: F401 (re-exported)
                                     elastic_net_ball_outline, elastic_net_unit_budget, first_ratio_with_zero)
from ..plots.constraint_geometry import ball_outline, draw_constraint_geometry, update_constraint_geometry
from ..plots.style import ENET_COLOR, L1_COLOR, L2_COLOR, PALETTE, new_figure
from .demo import Demo, register_demo, slider

CENTER = BRIDGE_CENTER
HALF_WIDTH = 2.3
RATIOS = np.linspace(0.0, 1.0, 41)


@register_demo("05_elastic_net_bridge")
class ElasticNetBridgeDemo(Demo):
    """Elastic net as the bridge between the diamond and the disk."""

    title = "Elastic net: from the L1 diamond (l1_ratio = 1) to the L2 disk (l1_ratio = 0)"
    figsize = (8.6, 3.9)

    def controls(self):
        return {
            "l1_ratio": slider("l1_ratio r", 1.0, 0.0, 1.0, 0.05),
            "rho": slider("correlation ρ", 0.9, 0.0, 0.95, 0.05),
        }

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize)

    def setup(self, fig):
        ax, ax2 = self.axes
        H, c = bridge_problem(0.9)
        w = bridge_solution(1.0, 0.9)
        t = elastic_net_unit_budget(1.0)
        for norm, color in (("l1", L1_COLOR), ("l2", L2_COLOR)):
            xy = ball_outline(norm, 1.0)
            ax.plot(xy[0], xy[1], color=color, lw=1.0, ls=":", zorder=1)
        self.art = draw_constraint_geometry(ax, H, c, t, norm="enet", solution=w,
                                            ball_xy=elastic_net_ball_outline(1.0), color=ENET_COLOR,
                                            label="elastic-net ball")
        ax.set_xlim(-HALF_WIDTH, HALF_WIDTH)
        ax.set_ylim(-HALF_WIDTH, HALF_WIDTH)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        self.title_left = ax.set_title("r = 1.00 (lasso)")
        (self.curve1,) = ax2.plot(RATIOS, np.zeros_like(RATIOS), color=PALETTE["vermillion"], lw=2,
                                  label="$\\hat w_1$")
        (self.curve2,) = ax2.plot(RATIOS, np.zeros_like(RATIOS), color=PALETTE["blue"], lw=2, label="$\\hat w_2$")
        (self.dots,) = ax2.plot([1.0, 1.0], [0.0, 0.0], "o", color="black", ms=6, zorder=5)
        self.vline = ax2.axvline(1.0, color="0.4", lw=1, ls="--")
        ax2.axhline(0.0, color="0.4", lw=0.8)
        ax2.set_xlim(0.0, 1.0)
        ax2.set_ylim(-0.05, 1.05)
        ax2.set_xlabel("l1_ratio r  (0 = ridge, 1 = lasso)")
        ax2.set_ylabel("coefficient of the optimum")
        ax2.legend(loc="center left", fontsize=10)
        self.title_right = ax2.set_title("ρ = 0.90")
        self._curves_rho = None
        art = self.art
        self.animate(art.ball_fill, art.ball, *art.ellipses, art.center, art.solution, self.curve1, self.curve2,
                     self.vline, self.dots, self.title_left, self.title_right)

    def _update_curves(self, rho):
        if self._curves_rho == rho:
            return
        W = np.array([bridge_solution(r, rho) for r in RATIOS])
        self.curve1.set_ydata(W[:, 0])
        self.curve2.set_ydata(W[:, 1])
        self._curves_rho = rho
        self._first_zero = first_ratio_with_zero(rho)

    def draw(self, l1_ratio, rho):
        H, c = bridge_problem(rho)
        w = bridge_solution(l1_ratio, rho)
        t = elastic_net_unit_budget(l1_ratio)
        update_constraint_geometry(self.art, H, c, t, solution=w, ball_xy=elastic_net_ball_outline(l1_ratio))
        self._update_curves(rho)
        self.dots.set_data([l1_ratio, l1_ratio], [w[0], w[1]])
        self.vline.set_xdata([l1_ratio, l1_ratio])
        name = "lasso" if l1_ratio == 1.0 else "ridge" if l1_ratio == 0.0 else "elastic net"
        self.title_left.set_text(f"r = {l1_ratio:.2f} ({name})")
        self.title_right.set_text(f"ρ = {rho:.2f}")
        zeros = [j for j in range(2) if w[j] == 0.0]
        status = (" and ".join(f"<b>w<sub>{j + 1}</sub> is exactly 0</b>" for j in zeros)
                  if zeros else "both coefficients non-zero")
        first = ("for no r ≤ 1" if self._first_zero is None
                 else f"exactly for r ≥ {self._first_zero:.4f}")
        return (f"r = {l1_ratio:.2f}, ρ = {rho:.2f}: ŵ = ({w[0]:.3f}, {w[1]:.3f}), {status}. "
                f"At this ρ the optimum sits on the corner (w<sub>2</sub> = 0) {first}.")

    def benchmark_updates(self):
        return [dict(l1_ratio=r, rho=rho) for r, rho in
                [(1.0, 0.9), (0.9, 0.9), (0.5, 0.9), (0.0, 0.9), (0.5, 0.0), (0.95, 0.5), (0.3, 0.95), (1.0, 0.0)]]
