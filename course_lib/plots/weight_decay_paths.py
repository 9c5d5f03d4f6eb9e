"""Chapter 1 figure: Adam with an L2 penalty and AdamW (decoupled weight decay) stop at different points.

Two standardized features (``cl.studies.ch1_adamw_box.two_feature_problem``), the same λ, learning rate and number of
full-batch steps for both.  Left: least-squares loss contours, the ridge solution on its L2 disk, the box
``||w||∞ ≤ 1/λ`` and the box-constrained least-squares solution, with both optimizers' paths from 0.
Right: distance of each path to the two candidate limits, step by step.
"""
from __future__ import annotations

import numpy as np

from ..solvers.gradient_descent import adam
from ..solvers.ridge import ridge
from ..studies.ch1_adamw_box import box_least_squares_exact, two_feature_problem
from .contours import draw_axes_cross, quadratic_on_grid
from .norm_balls import ball_outline
from .registry import figure
from .style import L2_COLOR, OLS_COLOR, PALETTE, new_figure

ADAMW_COLOR = PALETTE["orange"]


def adam_vs_adamw_figure(lam=0.5, lr=0.05, n_steps=20000):
    """Paths (left) and distances to ridge / to the box solution (right) for Adam + L2 and AdamW."""
    X, y = two_feature_problem()
    fit_l2 = adam(X, y, lam, lr, n_steps, decoupled=False, record=True)
    fit_w = adam(X, y, lam, lr, n_steps, decoupled=True, record=True)
    w_ols = ridge(X, y, 0.0).coef
    w_ridge = ridge(X, y, lam).coef
    w_box = box_least_squares_exact(X, y, 1.0 / lam)[0]

    fig, (ax, ax_d) = new_figure(1, 2, figsize=(12.0, 4.8))
    Xc = X - X.mean(axis=0)
    W1, W2, Z = quadratic_on_grid(Xc.T @ Xc / X.shape[0], w_ols, (-0.5, 3.0), (-0.5, 3.0), n=151)
    ax.contour(W1, W2, Z, levels=np.geomspace(0.02, 8.0, 8), colors="0.75", linewidths=0.8)
    draw_axes_cross(ax)
    disk = ball_outline(2.0, radius=float(np.linalg.norm(w_ridge)))
    ax.plot(disk[0], disk[1], color=L2_COLOR, lw=1.0, ls=":")
    b = 1.0 / lam
    ax.plot([-b, b, b, -b, -b], [-b, -b, b, b, -b], color=PALETTE["black"], lw=1.2, ls="--",
            label=f"box $|w_j| \\leq 1/\\lambda$ = {b:g}")
    path_l2, path_w = fit_l2.history["coef"], fit_w.history["coef"]
    ax.plot(path_l2[:, 0], path_l2[:, 1], color=L2_COLOR, lw=2, label="Adam + L2 penalty")
    ax.plot(path_w[:, 0], path_w[:, 1], color=ADAMW_COLOR, lw=2, label="AdamW (decoupled decay)")
    ax.plot(*w_ols, "o", color=OLS_COLOR, ms=7, label="least squares")
    ax.plot(*w_ridge, "o", color=L2_COLOR, ms=9, mfc="white", mew=2, label="ridge solution")
    ax.plot(*w_box, "s", color=PALETTE["black"], ms=9, mfc="white", mew=2, label="least squares in the box")
    ax.set_xlim(-0.5, 3.0)
    ax.set_ylim(-0.5, 3.0)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(f"λ = {lam:g}, learning rate {lr:g}, {n_steps} steps from w = 0")
    ax.legend(loc="upper left", fontsize=8, framealpha=0.9)

    steps = np.arange(1, n_steps + 2)
    floor = 1e-12
    ax_d.loglog(steps, np.maximum(np.max(np.abs(path_l2 - w_ridge), axis=1), floor), color=L2_COLOR, lw=2,
                label="Adam + L2 → ridge")
    ax_d.loglog(steps, np.maximum(np.max(np.abs(path_w - w_box), axis=1), floor), color=ADAMW_COLOR, lw=2,
                label="AdamW → box solution")
    ax_d.loglog(steps, np.maximum(np.max(np.abs(path_w - w_ridge), axis=1), floor), color=ADAMW_COLOR, lw=1.5,
                ls=":", label="AdamW → ridge")
    ax_d.set_ylim(1e-9, 1e1)
    ax_d.set_xlabel("step (log scale)")
    ax_d.set_ylabel("max |w − target| (log scale)")
    ax_d.set_title("Adam + L2 reaches ridge; AdamW heads for the box solution")
    ax_d.legend(loc="lower left", fontsize=9, framealpha=0.9)
    return fig


@figure("01_adam_vs_adamw")
def _adam_vs_adamw():
    return adam_vs_adamw_figure()
