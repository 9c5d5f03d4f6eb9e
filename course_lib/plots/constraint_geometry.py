"""The constrained ("budget") picture of a penalty: loss ellipses against a norm ball, and where they touch.

Least squares in two coefficients is a quadratic ``½(w − c)ᵀH(w − c)`` plus a constant, with ``H = XᵀX/n``
and ``c`` the OLS solution.  The budget form of the lasso (ridge) asks for its minimum over the ball
``||w||₁ ≤ t`` (``||w||₂ ≤ t``).  The answer is where the smallest ellipse that reaches the ball touches
it; with the diamond that point is often a corner, i.e. a coefficient exactly zero.

Ellipses are drawn as parametric curves (not with ``contour``) so a widget can move them with
``set_data``: the level set ``½(w − c)ᵀH(w − c) = L`` is ``c + V·diag(√(2L/e))·(cos s, sin s)`` with
``H = V diag(e) Vᵀ``.  The touching point comes from an exact solver
(``course_lib.core.projections.quadratic_min_in_ball``), never from sampling the boundary.

Reuse (e.g. the elastic-net ball of chapter 5): pass your own ``ball_xy`` outline and ``solution``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .contours import draw_axes_cross, unit_ball_outline
from ..toys.diamond_2d import min_in_diamond_2d  # re-exported: callers import it from here too
from .registry import figure
from .style import L1_COLOR, L2_COLOR, OLS_COLOR, PALETTE, new_figure

__all__ = [
    "quadratic_from_shape", "ellipse_xy", "min_in_diamond_2d", "solve_in_ball", "ball_outline", "GeometryArtists",
    "draw_constraint_geometry", "update_constraint_geometry", "zero_coordinates", "fraction_with_zero",
    "constraint_geometry_figure",
]

ELLIPSE_COLOR = "0.25"
LEVEL_FACTORS = (0.2, 0.5, 1.0, 1.8)  # levels drawn, as multiples of the touching level
ZERO_TOL = 0.0  # the exact solvers return true zeros, so "zero" means == 0.0 (no tolerance)


def quadratic_from_shape(angle_deg: float, stretch: float) -> np.ndarray:
    """A 2×2 curvature matrix H with eigenvalues 1 and ``stretch`` whose first axis is at ``angle_deg``.

    The ellipses of ``½(w − c)ᵀH(w − c)`` are then rotated by the angle and elongated by √stretch.
    """
    a = np.deg2rad(angle_deg)
    V = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return V @ np.diag([1.0, float(stretch)]) @ V.T


def ellipse_xy(H, center, level, n=241) -> np.ndarray:
    """Points (2, n) on the level set ``½(w − c)ᵀH(w − c) = level`` (H symmetric positive definite)."""
    evals, V = np.linalg.eigh(np.asarray(H, dtype=float))
    s = np.linspace(0.0, 2.0 * np.pi, n)
    radii = np.sqrt(2.0 * max(level, 0.0) / evals)
    return np.asarray(center, dtype=float)[:, None] + V @ (radii[:, None] * np.vstack([np.cos(s), np.sin(s)]))


def solve_in_ball(H, center, budget, norm="l1") -> np.ndarray:
    """The exact minimiser of ``½(w − c)ᵀH(w − c)`` over ``||w|| <= budget`` (norm "l1" or "l2").

    L1 in two dimensions: ``min_in_diamond_2d`` (edge enumeration).  Otherwise the package solver
    ``projections.quadratic_min_in_ball``.
    """
    H = np.asarray(H, dtype=float)
    center = np.asarray(center, dtype=float)
    if norm == "l1" and center.shape == (2,):
        return min_in_diamond_2d(H, center, budget)
    from ..core.projections import quadratic_min_in_ball

    return np.asarray(quadratic_min_in_ball(H, center, float(budget), norm=norm), dtype=float)


def ball_outline(norm, budget, n=401) -> np.ndarray:
    """Boundary points (2, n) of the "l1" diamond or "l2" disk of radius ``budget``."""
    if norm == "l1":  # exact corners, so a touching corner is drawn as a corner
        return budget * np.array([[1.0, 0.0, -1.0, 0.0, 1.0], [0.0, 1.0, 0.0, -1.0, 0.0]])
    if norm == "l2":
        return unit_ball_outline(2, budget, n)
    raise ValueError(f"norm={norm!r} is not supported; choose 'l1' or 'l2' (or pass ball_xy)")


def _levels(H, center, solution, budget, factors):
    """Loss levels to draw and the level through the solution (None when the optimum is inside the ball:
    then the levels are of a fixed size around c, and none of them passes through ŵ = c)."""
    d = np.asarray(solution, dtype=float) - np.asarray(center, dtype=float)
    touching = 0.5 * float(d @ np.asarray(H, dtype=float) @ d)
    if touching <= 1e-12 * max(budget, 1.0) ** 2:  # optimum inside the ball: show ellipses of a fixed size
        evals = np.linalg.eigvalsh(np.asarray(H, dtype=float))
        touching = 0.5 * evals.max() * (0.5 * budget) ** 2
        return [touching * f for f in factors], None
    return [touching * f for f in factors], touching


@dataclass
class GeometryArtists:
    """What ``draw_constraint_geometry`` created, to be updated in place by a widget."""

    ax: object
    ellipses: list
    touching: object          # the solid ellipse through ŵ (a Line2D; hidden when the optimum is inside the ball)
    ball: object              # Line2D outline
    ball_fill: object         # Polygon
    solution: object          # Line2D marker
    center: object            # Line2D marker (unconstrained optimum)
    factors: tuple = LEVEL_FACTORS
    extras: dict = field(default_factory=dict)


def draw_constraint_geometry(ax, H, center, budget, *, norm="l1", solution=None, ball_xy=None, color=None,
                             label=None, factors=LEVEL_FACTORS, show_center=True) -> GeometryArtists:
    """Draw loss ellipses, the constraint ball and the touching point on ``ax``; return the artists.

    H (2, 2) SPD and center (2,) define the loss ``½(w − c)ᵀH(w − c)``; ``budget`` is t in ``||w|| ≤ t``.
    ``norm`` "l1" or "l2" selects the ball and the exact solver.  For another ball (e.g. elastic net)
    pass its boundary ``ball_xy`` (2, m) and its ``solution`` (2,) (``norm`` then only sets the default
    colour; use ``color=`` and ``label=``).
    Dashed ellipses are levels ``factors × (touching level)``; the solid one touches the ball.
    Axis limits are left to the caller (``contours.square_limits``).
    """
    if color is None:
        color = L1_COLOR if norm == "l1" else L2_COLOR if norm == "l2" else PALETTE["green"]
    if solution is None:
        solution = solve_in_ball(H, center, budget, norm)
    if ball_xy is None:
        ball_xy = ball_outline(norm, budget)
    draw_axes_cross(ax)
    (fill,) = ax.fill(ball_xy[0], ball_xy[1], color=color, alpha=0.18, lw=0, zorder=1)
    (ball,) = ax.plot(ball_xy[0], ball_xy[1], color=color, lw=2.5, zorder=2,
                      label=label or (f"{norm.upper()} ball, budget t" if norm in ("l1", "l2") else None))
    levels, touching_level = _levels(H, center, solution, budget, factors)
    ellipses = []
    touching = None
    for f, level in zip(factors, levels):
        xy = ellipse_xy(H, center, level)
        solid = f == 1.0
        (line,) = ax.plot(xy[0], xy[1], color=ELLIPSE_COLOR, lw=1.8 if solid else 1.0,
                          ls="-" if solid else "--", zorder=3, label="loss contour through ŵ" if solid else None)
        ellipses.append(line)
        if solid:
            touching = line
    # Optimum inside the ball: ŵ = c and the contour through ŵ is the single point c, so no solid ellipse.
    touching.set_visible(touching_level is not None)
    (cmark,) = ax.plot([center[0]], [center[1]], marker="X", ms=10, color=OLS_COLOR, mec="black", ls="none",
                       zorder=5, label="unconstrained optimum (OLS)", visible=show_center)
    (smark,) = ax.plot([solution[0]], [solution[1]], marker="o", ms=10, color=color, mec="black", mew=1.5,
                       ls="none", zorder=6, label="constrained solution ŵ")
    return GeometryArtists(ax=ax, ellipses=ellipses, touching=touching, ball=ball, ball_fill=fill,
                           solution=smark, center=cmark, factors=tuple(factors))


def update_constraint_geometry(artists: GeometryArtists, H, center, budget, *, norm="l1", solution=None,
                               ball_xy=None) -> np.ndarray:
    """Move the artists of ``draw_constraint_geometry`` to a new problem; returns the solution used."""
    if solution is None:
        solution = solve_in_ball(H, center, budget, norm)
    if ball_xy is None:
        ball_xy = ball_outline(norm, budget)
    artists.ball.set_data(ball_xy[0], ball_xy[1])
    artists.ball_fill.set_xy(np.column_stack([ball_xy[0], ball_xy[1]]))
    levels, touching_level = _levels(H, center, solution, budget, artists.factors)
    for line, level in zip(artists.ellipses, levels):
        xy = ellipse_xy(H, center, level)
        line.set_data(xy[0], xy[1])
    artists.touching.set_visible(touching_level is not None)
    artists.center.set_data([center[0]], [center[1]])
    artists.solution.set_data([solution[0]], [solution[1]])
    return np.asarray(solution, dtype=float)


def zero_coordinates(solution, budget, tol=ZERO_TOL) -> list:
    """Indices of coordinates of a constrained solution that are exactly zero (``|w_j| <= tol·max(t, 1)``;
    pass a small ``tol`` for a solver that only approaches zero)."""
    w = np.asarray(solution, dtype=float)
    return [j for j in range(w.size) if abs(w[j]) <= tol * max(budget, 1.0)]


def fraction_with_zero(H, budget, norm="l1", half_width=3.0, n_grid=40):
    """Share of optimum positions c on an ``n_grid × n_grid`` grid over ``[−h, h]²``, outside the ball,
    whose exact constrained solution has a coordinate that is exactly zero.

    A deterministic grid, not a random sample: the answer describes THIS grid of centres and THIS H and
    budget, which is the point — how "often" the diamond is hit at a corner depends on where the loss
    minima are assumed to lie.  Returns ``(fraction, n_outside)``.
    With the default grid (step 6/39) no grid point lies on an axis, and for H = I no optimum sits exactly
    on the boundary between "zero" and "no zero" unless the budget is a multiple of 2/13: avoid those
    budgets (e.g. 2.0) if the printed fraction must not depend on the last bit of the arithmetic.
    """
    axis = np.linspace(-half_width, half_width, n_grid)
    zeros = outside = 0
    for c1 in axis:
        for c2 in axis:
            c = np.array([c1, c2])
            size = abs(c1) + abs(c2) if norm == "l1" else float(np.hypot(c1, c2))
            if size <= budget:
                continue  # the budget does not bind: the solution is c itself
            outside += 1
            w = solve_in_ball(H, c, budget, norm)
            zeros += bool(np.any(w == 0.0))
    return zeros / outside, outside


# A fixed example where the diamond is touched at a corner and the disk is not.
EXAMPLE_H = quadratic_from_shape(120.0, 4.0)
EXAMPLE_CENTER = np.array([1.6, 1.2])
EXAMPLE_BUDGET = 1.0


def constraint_geometry_figure(H=None, center=None, budget=None, half_width=2.4):
    """Side by side: the same loss ellipses against the L1 diamond and the L2 disk of the same budget."""
    H = EXAMPLE_H if H is None else np.asarray(H, dtype=float)
    center = EXAMPLE_CENTER if center is None else np.asarray(center, dtype=float)
    budget = EXAMPLE_BUDGET if budget is None else float(budget)
    fig, axes = new_figure(1, 2, figsize=(9.6, 4.8))
    for ax, norm in zip(axes, ("l1", "l2")):
        art = draw_constraint_geometry(ax, H, center, budget, norm=norm)
        w = art.solution.get_xdata()[0], art.solution.get_ydata()[0]
        zeros = zero_coordinates(w, budget)
        note = ("$w_{%d}$ is exactly 0" % (zeros[0] + 1)) if zeros else "no coordinate is zero"
        ax.set_title(f"{'Lasso: ||w||₁' if norm == 'l1' else 'Ridge: ||w||₂'} ≤ t = {budget:g}\n"
                     f"ŵ = ({w[0]:.3f}, {w[1]:.3f}): {note}")
        ax.set_xlim(-half_width, half_width)
        ax.set_ylim(-half_width, half_width)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
    axes[0].legend(loc="lower left", fontsize=10)
    return fig


@figure("03_constraint_geometry")
def _constraint_geometry():
    return constraint_geometry_figure()
