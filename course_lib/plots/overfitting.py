"""Chapter 1 figure: a degree-12 polynomial through 15 noisy points, without and with ridge.

Left: the fits at λ = 0 (least squares), at the λ with the lowest test error on a grid, and at a large λ,
over the truth sin(πx).  Right: training and test mean squared error against λ, the classic U for the test
error and the monotone rise of the training error.
"""
from __future__ import annotations

import numpy as np

from ..studies.ch1_polynomial_overfitting import polynomial_problem
from .registry import figure
from .style import L2_COLOR, OLS_COLOR, PALETTE, TRUTH_COLOR, new_figure

LAMS = np.logspace(2, -10, 121)
Y_LIMITS = (-2.0, 2.0)


def overfitting_figure(problem=None, lams=LAMS, large_lam=1.0):
    """Two panels: the fitted curves at three λ, and train/test MSE against λ (log–log)."""
    pb = problem if problem is not None else polynomial_problem()
    path_lams, train, test = pb.error_curves(lams)
    best = float(path_lams[np.argmin(test)])
    grid = np.linspace(-1.0, 1.0, 400)
    Zg = pb.features(grid)

    fig, (ax_fit, ax_err) = new_figure(1, 2, figsize=(12.0, 4.6))
    ax_fit.plot(pb.x_test, pb.y_test, ".", color="0.75", ms=4, label=f"test points ({pb.x_test.size})", zorder=1)
    ax_fit.plot(grid, pb.truth(grid), "--", color=TRUTH_COLOR, lw=1.5, label="truth sin(πx)")
    for lam, color, label in ((0.0, OLS_COLOR, "λ = 0 (least squares)"),
                              (best, L2_COLOR, f"λ = {best:.2g} (lowest test error)"),
                              (large_lam, PALETTE["orange"], f"λ = {large_lam:g} (too much)")):
        ax_fit.plot(grid, pb.fit(lam).predict(Zg), color=color, lw=2.2, label=label)
    ax_fit.plot(pb.x_train, pb.y_train, "o", color=PALETTE["black"], ms=6, label=f"training points ({pb.x_train.size})",
                zorder=5)
    ax_fit.set_ylim(*Y_LIMITS)
    ax_fit.set_xlim(-1.0, 1.0)
    ax_fit.set_xlabel("x")
    ax_fit.set_ylabel("y")
    ax_fit.set_title(f"degree-{pb.degree} polynomial, ridge on standardized powers")
    ax_fit.legend(loc="lower right", fontsize=8, framealpha=0.9)

    ax_err.loglog(path_lams, train, color=PALETTE["green"], lw=2, label="training MSE")
    ax_err.loglog(path_lams, test, color=PALETTE["vermillion"], lw=2, label="test MSE")
    ax_err.axhline(pb.noise ** 2, color="0.4", ls=":", lw=1.2, label=f"noise variance σ² = {pb.noise ** 2:g}")
    ax_err.axvline(best, color=L2_COLOR, lw=1.0, ls="--")
    ax_err.set_xlabel("λ (log scale)")
    ax_err.set_ylabel("mean squared error (log scale)")
    ax_err.set_title("λ trades training fit for test error")
    ax_err.legend(loc="upper center", fontsize=9, framealpha=0.9)
    return fig


@figure("01_overfitting")
def _overfitting():
    return overfitting_figure()
