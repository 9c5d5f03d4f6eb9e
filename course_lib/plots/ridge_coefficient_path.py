"""Chapter 1 figure: the ridge coefficient path on the diabetes data (standardized features) against λ.

λ increases to the right, as in the SVD-shrinkage and degrees-of-freedom figures next to it: least squares at
the left edge, every coefficient near 0 at the right.  Each curve is labelled with its feature name at the
least-squares end.  No coefficient is ever exactly zero along the path; several cross zero once or twice
(ridge shrinks the principal directions, not the coordinates, so a coordinate can change sign).
"""
from __future__ import annotations

import numpy as np

from ..solvers.ridge import ridge_dof, ridge_path
from .registry import figure
from .style import CYCLE, PALETTE, new_figure

LAMS = np.logspace(3, -4, 200)


def ridge_path_figure(X=None, y=None, names=None, lams=LAMS):
    """Coefficients of ``cl.ridge_path`` against λ (log scale, increasing to the right), with df on top."""
    if X is None:
        from ..data.loaders import load_diabetes

        X, y, names = load_diabetes(standardized=True)
    path = ridge_path(X, y, np.sort(np.asarray(lams, dtype=float)))  # λ increasing
    order_lam = np.argsort(path.lams)
    lams_sorted, coefs = path.lams[order_lam], path.coefs[order_lam]
    p = X.shape[1]
    names = list(names) if names is not None else [f"x{j + 1}" for j in range(p)]
    # eight Okabe–Ito colours (yellow left out: too pale on white), then the first ones again, dashed
    base = [c for c in CYCLE if c != PALETTE["yellow"]] + [PALETTE["grey"]]
    styles = [(base[j % len(base)], "-" if j < len(base) else "--") for j in range(p)]

    fig, ax = new_figure(figsize=(10.0, 5.2))
    ends = coefs[0]  # the least-squares end (smallest λ, left edge)
    order = np.argsort(ends)
    # spread the labels at the left end so they do not overlap
    span = ends.max() - ends.min()
    label_y = np.empty(p)
    gap = 0.045 * span
    for rank, j in enumerate(order):
        label_y[j] = ends[j] if rank == 0 else max(ends[j], label_y[order[rank - 1]] + gap)
    for j in range(p):
        color, ls = styles[j]
        ax.plot(lams_sorted, coefs[:, j], color=color, ls=ls, lw=2)
        ax.annotate(names[j], (lams_sorted[0], label_y[j]), xytext=(-6, 0), textcoords="offset points",
                    va="center", ha="right", fontsize=11, color=color)
    ax.set_xscale("log")
    ax.set_xlim(lams_sorted[0], lams_sorted[-1])  # small λ (least squares) on the left
    ax.axhline(0.0, color="0.3", lw=0.8)
    ax.set_xlabel("λ (log scale; least squares at the left edge)")
    ax.set_ylabel("coefficient (standardized features)")
    ax.yaxis.tick_right()  # the feature names take the left margin, next to the least-squares end
    ax.yaxis.set_label_position("right")
    ax.spines["right"].set_visible(True)
    ax.spines["left"].set_visible(False)
    ax.set_title(f"Ridge path on the diabetes data: {p} coefficients, none ever exactly 0")

    top = ax.secondary_xaxis("top")
    ticks = np.array([1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3])
    top.set_xticks(ticks)
    top.set_xticklabels([f"{ridge_dof(X, t):.1f}" for t in ticks])
    top.set_xlabel("effective degrees of freedom df(λ)")
    top.minorticks_off()
    return fig


@figure("01_ridge_path_diabetes")
def _ridge_path_diabetes():
    return ridge_path_figure()
