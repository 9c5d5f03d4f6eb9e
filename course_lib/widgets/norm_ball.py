"""Chapter 1 demo: a p slider morphs the 2-D unit ball ``||w||_p = 1`` and the cost of splitting weight.

Left: the unit ball for the chosen p, with the chord from (1, 0) to (0, 1).  Both chord ends lie on the
sphere; the midpoint (½, ½) has p-"norm" ``½·2^(1/p)``, which is ≤ 1 exactly when p ≥ 1.  For p < 1 the
midpoint leaves the ball, so the set is not convex and ``||·||_p`` breaks the triangle inequality: it is not
a norm.  Right: ``||(t, 1 − t)||_p`` against t — for p > 1 an even split of one unit is cheapest.
"""
from __future__ import annotations

import numpy as np

from ..plots.contours import draw_axes_cross, square_limits
from ..plots.norm_balls import ball_outline, draw_p_ball, split_cost
from ..plots.style import L1_COLOR, L2_COLOR, PALETTE
from .demo import Demo, register_demo, slider
from .._internal.validation import check_scalar



def midpoint_norm(p) -> float:
    """``||(½, ½)||_p = ½·2^(1/p)``: the p-size of the midpoint of (1, 0) and (0, 1)."""
    return 0.5 * 2.0 ** (1.0 / p)


@register_demo("01_norm_ball")
class NormBallDemo(Demo):
    title = "The unit ball ‖w‖ₚ ≤ 1 as p changes (the slider starts at p = 2, the disk)"
    figsize = (8.0, 3.6)

    def __init__(self, p=2.0):
        self._p0 = check_scalar(p, "p", low=0.25, high=8.0)  # the slider's range
        super().__init__()

    def controls(self):
        return {"p": slider("p", self._p0, 0.25, 8.0, 0.05, readout_format=".2f")}

    def setup(self, fig):
        ax_ball, ax_split = self.axes
        draw_p_ball(ax_ball, 1.0, color=L1_COLOR, lw=1.0, ls=":", label="p = 1")
        draw_p_ball(ax_ball, 2.0, color=L2_COLOR, lw=1.0, ls=":", label="p = 2")
        self.ball_line, self.ball_patch = draw_p_ball(ax_ball, self._p0, color=PALETTE["purple"], fill_alpha=0.25,
                                                      lw=2.2, label="chosen p")
        draw_axes_cross(ax_ball)
        ax_ball.plot([1.0, 0.0], [0.0, 1.0], "o--", color=PALETTE["black"], ms=5, lw=1.2)
        (self.mid_marker,) = ax_ball.plot([0.5], [0.5], "s", ms=7, color=PALETTE["green"])
        square_limits(ax_ball, 1.2)
        ax_ball.set_xticks([-1.0, 0.0, 1.0])  # few tick labels: text is most of a frame's cost
        ax_ball.set_yticks([-1.0, 0.0, 1.0])
        ax_ball.legend(loc="lower left", fontsize=10, framealpha=0.9)
        self.ball_title = ax_ball.set_title("")

        t = np.linspace(0.0, 1.0, 201)
        self._t = t
        ax_split.plot(t, split_cost(t, 1.0), color=L1_COLOR, lw=1.0, ls=":", label="p = 1")
        ax_split.plot(t, split_cost(t, 2.0), color=L2_COLOR, lw=1.0, ls=":", label="p = 2")
        (self.split_line,) = ax_split.plot(t, split_cost(t, self._p0), color=PALETTE["purple"], lw=2.2,
                                           label="chosen p")
        (self.best_marker,) = ax_split.plot([0.5], [split_cost(0.5, self._p0)], "o", ms=7, color=PALETTE["purple"])
        ax_split.set_xlim(0.0, 1.0)
        ax_split.set_xticks([0.0, 0.5, 1.0])
        # log scale: the cost at t = ½ is 2^(1/p − 1), from 0.5 (p = ∞) to 8 (p = 0.25): every p fits
        ax_split.set_yscale("log")
        ax_split.set_ylim(0.45, 10.0)
        ax_split.set_yticks([0.5, 1.0, 2.0, 4.0, 8.0], ["0.5", "1", "2", "4", "8"])
        ax_split.minorticks_off()
        ax_split.set_xlabel("share t on the first weight, w = (t, 1 − t)")
        ax_split.set_ylabel("$\\|w\\|_p$ (log scale)")
        ax_split.set_title("cost of splitting one unit of weight")
        self.ball_title.set_text("p = 0.00: not convex, not a norm")  # longest title, for the layout

    def new_figure(self):
        from ..plots.style import new_figure

        return new_figure(1, 2, figsize=self.figsize)

    def draw(self, p):
        p = round(float(p), 2)  # the slider moves in steps of 0.05: make p = 1 and p = 2 exact
        xy = ball_outline(p)
        self.ball_line.set_data(xy[0], xy[1])
        self.ball_patch.set_xy(xy.T)
        mid = midpoint_norm(p)
        convex = p >= 1.0
        self.mid_marker.set_color(PALETTE["green"] if convex else PALETTE["vermillion"])
        self.ball_title.set_text(f"p = {p:.2f}: " + ("convex ball, a norm" if convex else "not convex, not a norm"))

        cost = split_cost(self._t, p)
        self.split_line.set_ydata(cost)
        best = int(np.argmin(cost))
        self.best_marker.set_data([self._t[best]], [cost[best]])
        if p > 1.0:
            split = "an even split (t = ½) is cheapest: spreading is rewarded"
        elif p == 1.0:
            split = "every split costs the same: L1 is indifferent"
        else:
            split = "putting everything on one weight (t = 0 or 1) is cheapest: concentration is rewarded"
        if convex:
            where = "on the boundary of" if abs(mid - 1.0) < 1e-12 else "inside"
            verdict = f"so it lies {where} the ball (the ball is convex)"
        else:  # ||(1,0) + (0,1)||_p = 2·mid > ||(1,0)||_p + ||(0,1)||_p = 2
            verdict = (f"so it lies <b>outside</b> the ball: not convex, and the triangle inequality fails "
                       f"(||(1, 1)||<sub>p</sub> = {2 * mid:.4g} > ||(1, 0)||<sub>p</sub> + ||(0, 1)||<sub>p</sub> = 2)")
        size_34 = float(np.sum(np.array([3.0, 4.0]) ** p) ** (1.0 / p))
        return (f"p = {p:.2f}: midpoint (½, ½) has ‖·‖<sub>p</sub> = {mid:.4g}, {verdict}.<br>"
                f"Right panel: {split}.<br>"
                f"One vector, measured with this p: ‖(3, 4)‖<sub>p</sub> = {size_34:.4g} "
                f"(7 for p = 1, 5 for p = 2 — its length —, and down to 4 = max(3, 4) as p → ∞).")

    def benchmark_updates(self):
        return [{"p": v} for v in (0.25, 0.5, 1.0, 1.5, 2.0, 4.0, 8.0)]
