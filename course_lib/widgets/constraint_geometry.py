"""Demo ``03_constraint_geometry``: move the loss ellipses and the budget, watch where each ball is touched.

Controls: the unconstrained optimum (c₁, c₂), the rotation and the stretch of the ellipses, and the
budget t.  Left: the L1 diamond ``||w||₁ ≤ t``; right: the L2 disk ``||w||₂ ≤ t``.  Each touching point is
the exact constrained minimiser (``projections.quadratic_min_in_ball``), so "exactly zero" in the
readout means zero, not "close to a sampled boundary point".  The readout also gives the penalty λ that
produces the same solution in the penalized form (the Lagrange multiplier of the budget).
"""
from __future__ import annotations

import numpy as np

from ..plots.constraint_geometry import (draw_constraint_geometry, quadratic_from_shape, solve_in_ball,
                                         update_constraint_geometry, zero_coordinates)
from ..plots.style import new_figure
from .demo import Demo, register_demo, slider

HALF_WIDTH = 3.2


def equivalent_lambda(H, center, solution, norm) -> float:
    """The λ of the penalized form with the same solution (0 when the budget is not binding).

    KKT of ``min ½(w−c)ᵀH(w−c) + λ·P(w)`` at ŵ:  ``H(c − ŵ) ∈ λ·∂P(ŵ)``.
    L1 (``P = ||w||₁``): λ = ||H(c − ŵ)||∞;  L2 with the course's ``P = ½||w||₂²``: λ = ||H(c − ŵ)||₂ / ||ŵ||₂.
    """
    g = np.asarray(H, dtype=float) @ (np.asarray(center, dtype=float) - np.asarray(solution, dtype=float))
    if norm == "l1":
        return float(np.max(np.abs(g)))
    nw = float(np.linalg.norm(solution))
    return float(np.linalg.norm(g) / nw) if nw > 0 else float("inf")


def _describe(name, w, budget, lam):
    zeros = zero_coordinates(w, budget)
    if lam == 0.0:  # the optimum is inside the ball: ŵ is the OLS point, zeros only by coincidence
        return (f"{name}: ŵ = ({w[0]:+.3f}, {w[1]:+.3f}) is the unconstrained optimum, inside the ball — "
                f"the budget does not bind (same solution as penalty λ = 0)")
    if zeros:
        status = "<b>" + " and ".join(f"w<sub>{j + 1}</sub>" for j in zeros) + " exactly 0</b>"
    else:
        status = "no coordinate is zero"
    return f"{name}: ŵ = ({w[0]:+.3f}, {w[1]:+.3f}), {status}; same solution as penalty λ = {lam:.3g}"


@register_demo("03_constraint_geometry")
class ConstraintGeometryDemo(Demo):
    """The budget form of lasso and ridge in two dimensions, solved exactly."""

    title = "Loss ellipses against the L1 diamond and the L2 disk (budget form, exact solutions)"
    # Fixed margins instead of the solved constrained layout: with equal-aspect axes the constrained layout
    # leaves no room for the titles.
    margins = dict(left=0.06, right=0.99, bottom=0.12, top=0.9, wspace=0.18)

    def controls(self):
        return {
            "c1": slider("optimum c₁", 1.6, -3.0, 3.0, 0.05),
            "c2": slider("optimum c₂", 1.2, -3.0, 3.0, 0.05),
            "angle": slider("rotation (°)", 120.0, 0.0, 180.0, 5.0),
            "stretch": slider("stretch", 4.0, 1.0, 20.0, 0.5),
            "budget": slider("budget t", 1.0, 0.1, 3.0, 0.05),
        }

    def setup(self, fig):
        H = quadratic_from_shape(120.0, 4.0)
        c = np.array([1.6, 1.2])
        self.artists = {}
        self.titles = {}
        for ax, norm in zip(self.axes, ("l1", "l2")):
            self.artists[norm] = draw_constraint_geometry(ax, H, c, 1.0, norm=norm)
            ax.set_xlim(-HALF_WIDTH, HALF_WIDTH)
            ax.set_ylim(-HALF_WIDTH, HALF_WIDTH)
            ax.set_aspect("equal", adjustable="box")
            ax.set_xlabel("$w_1$")
            ax.set_ylabel("$w_2$")
            self.titles[norm] = ax.set_title(" ", y=1.0)  # fixed position: the text changes every frame
        self.animate(*self.moving_artists())

    def moving_artists(self):
        """Everything that changes between frames; the rest is painted once (``Demo.animate``)."""
        moving = list(self.titles.values())
        for art in self.artists.values():
            moving += art.ellipses + [art.ball, art.ball_fill, art.solution, art.center]  # incl. the solid one
        return moving

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize)  # placed by ``margins``

    def solve(self, c1, c2, angle, stretch, budget):
        """The exact L1 and L2 solutions and their equivalent λ, for tests and the readout."""
        H = quadratic_from_shape(angle, stretch)
        c = np.array([c1, c2], dtype=float)
        out = {}
        for norm in ("l1", "l2"):
            w = solve_in_ball(H, c, budget, norm)
            out[norm] = (w, equivalent_lambda(H, c, w, norm))
        return H, c, out

    def draw(self, c1, c2, angle, stretch, budget):
        H, c, sols = self.solve(c1, c2, angle, stretch, budget)
        lines = []
        for norm, name in (("l1", "L1 (lasso)"), ("l2", "L2 (ridge)")):
            w, lam = sols[norm]
            update_constraint_geometry(self.artists[norm], H, c, budget, norm=norm, solution=w)
            zeros = zero_coordinates(w, budget)
            label = "||w||₁" if norm == "l1" else "||w||₂"
            if lam == 0.0:
                tail = " — not binding"
            else:
                tail = (" — w" + "".join("₁₂"[j] for j in zeros) + " = 0") if zeros else ""
            self.titles[norm].set_text(f"{name}: {label} ≤ {budget:.2f}{tail}")
            lines.append(_describe(name, w, budget, lam))
        return "<br>".join(lines)

    def benchmark_updates(self):
        return [dict(c1=c1, c2=c2, angle=a, stretch=s, budget=t)
                for c1, c2, a, s, t in [(2.2, 0.9, 30, 4, 1.0), (0.3, 0.2, 30, 4, 1.0), (-1.5, 2.5, 120, 10, 0.6),
                                        (1.0, 1.0, 0, 1, 0.5), (2.9, -0.4, 75, 20, 2.5), (-2.0, -2.0, 160, 2, 1.5)]]
