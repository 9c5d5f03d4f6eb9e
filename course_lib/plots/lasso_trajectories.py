"""Solver trajectories on the contours of a two-feature lasso objective (chapter 4).

The contours are those of the whole objective ``F(w) = ½(w − c)ᵀH(w − c) + F₀ + λ||w||₁`` (not only the
least-squares part), so they have kinks where they cross the axes; the solution of the default problem
(``course_lib.toys.two_feature_lasso``) sits on the w1-axis.  The same drawing serves the static figure
``04_trajectories`` and the widget ``04_lasso_trajectories``.
"""
from __future__ import annotations

import numpy as np

from ..toys.two_feature_lasso import solver_trajectory, two_feature_lasso
from .contours import draw_axes_cross, function_on_grid
from .registry import figure
from .style import L1_COLOR, OLS_COLOR, PALETTE, new_figure

__all__ = ["TRAJECTORY_COLORS", "lasso_contours", "draw_lasso_landscape", "trajectories_figure", "WINDOW",
           "ZOOM_WINDOW", "ZOOM_OFFSETS"]

WINDOW = ((-1.2, 1.8), (-1.1, 1.9))   # (w1 range, w2 range): a 3 × 3 square
TRAJECTORY_COLORS = {
    "subgradient, constant step": PALETTE["orange"],
    "subgradient, constant length": PALETTE["sky"],
    "subgradient, step η/√k": PALETTE["vermillion"],
    "ISTA (step 1/L)": PALETTE["blue"],
    "FISTA (step 1/L)": PALETTE["purple"],
    "coordinate descent": PALETTE["green"],
}
LEVEL_OFFSETS = (0.005, 0.03, 0.1, 0.25, 0.5, 0.85, 1.3, 1.9, 2.6)
ZOOM_WINDOW = ((0.3, 0.9), (-0.3, 0.3))  # around the default solution (0.6, 0)
ZOOM_OFFSETS = (0.0005, 0.002, 0.005, 0.01, 0.02, 0.04, 0.07)


def lasso_contours(ax, problem, window=WINDOW, n_grid=161, offsets=LEVEL_OFFSETS):
    """Contours of F at levels F* + offsets over ``window``; returns the ContourSet."""
    W1, W2, Z = function_on_grid(problem.objective, window[0], window[1], n=n_grid)
    f_star = float(problem.objective(*problem.solution()))
    return ax.contour(W1, W2, Z, levels=f_star + np.asarray(offsets), colors="0.55", linewidths=0.9)


def draw_lasso_landscape(ax, problem=None, n_grid=161, mathtext=True):
    """Contours of F, the axes, the least-squares point and the lasso solution; returns the ContourSet."""
    problem = two_feature_lasso() if problem is None else problem
    contours = lasso_contours(ax, problem, WINDOW, n_grid)
    sol = problem.solution()
    draw_axes_cross(ax, color="0.25")
    ax.plot(*problem.ols, "X", color=OLS_COLOR, ms=10, mec="k", zorder=4, label="least squares")
    ax.plot(*sol, "*", color=L1_COLOR, ms=17, mec="k", zorder=6,
            label=r"lasso solution $w^\star$" if mathtext else "lasso solution w*")
    ax.plot(*problem.start, "o", color="k", ms=6, zorder=4, label="start")
    ax.set_xlim(*WINDOW[0])
    ax.set_ylim(*WINDOW[1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel(r"$w_1$" if mathtext else "w1")
    ax.set_ylabel(r"$w_2$" if mathtext else "w2")
    return contours


@figure("04_trajectories")
def trajectories_figure(n_iter: int = 30, cd_epochs: int = 3, step: float | None = None):
    """Four panels: subgradient (constant step η = 1/L), ISTA, FISTA and coordinate descent from the same
    start on the same contours.  The subgradient iterates zig-zag across the w1-axis; the proximal ones
    land on it; coordinate descent moves along one axis at a time."""
    problem = two_feature_lasso()
    step = 1.0 / problem.lipschitz if step is None else step
    fig, axes = new_figure(1, 4, figsize=(15.0, 4.4))
    panels = [("subgradient, constant step", n_iter), ("ISTA (step 1/L)", n_iter), ("FISTA (step 1/L)", n_iter),
              ("coordinate descent", cd_epochs)]
    sol = problem.solution()
    for ax, (method, its) in zip(axes, panels):
        draw_lasso_landscape(ax, problem)
        path = solver_trajectory(problem, method, its, step)
        color = TRAJECTORY_COLORS[method]
        ax.plot(path[:, 0], path[:, 1], "-o", color=color, ms=3.5, lw=1.3, zorder=5)
        on_axis = int(np.count_nonzero(path[1:, 1] == 0.0))
        unit = "updates" if method == "coordinate descent" else "steps"
        ax.set_title(f"{method}\n$w_2$ exactly 0 in {on_axis} of {len(path) - 1} {unit}", fontsize=11)
        dist = float(np.linalg.norm(path[-1] - sol))
        ax.text(0.03, 0.03, f"final distance to $w^\\star$: {dist:.1e}", transform=ax.transAxes, fontsize=10,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8})
    axes[0].legend(loc="upper right", fontsize=10)
    return fig
