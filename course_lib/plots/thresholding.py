"""The three coordinate maps of an orthonormal design: lasso, ridge and best subset.

When the design satisfies ``XᵀX = n·I`` the course's objective ``(1/(2n))||y − Xw||² + λ·P(w)`` splits
into one problem per coordinate, ``½(w_j − z_j)² + λ·P(w_j)`` with ``z = Xᵀy/n`` the OLS estimate, and
each estimator becomes a fixed function of z_j:

* lasso, ``P = |w|``:        soft-thresholding ``sign(z)·max(|z| − λ, 0)`` (shrink, and zero on [−λ, λ]);
* ridge, ``P = ½w²``:        proportional shrinkage ``z / (1 + λ)`` (never zero);
* best subset, ``P = 1{w ≠ 0}`` (the L0 "norm"): hard-thresholding ``z·1{|z| > √(2λ)}`` (keep or kill).
"""
from __future__ import annotations

import numpy as np

from ..core.penalties import hard_threshold, soft_threshold
from .registry import figure
from .style import L1_COLOR, L2_COLOR, OLS_COLOR, PALETTE, new_figure

__all__ = ["ridge_shrink", "best_subset_threshold", "threshold_maps_figure"]

SUBSET_COLOR = PALETTE["purple"]


def ridge_shrink(z, lam):
    """Ridge on an orthonormal design (``XᵀX = nI``): ``z / (1 + λ)``."""
    return np.asarray(z, dtype=float) / (1.0 + lam)


def best_subset_threshold(lam) -> float:
    """The cut-off of best subset with penalty ``λ·||w||₀``: keep z_j iff ½z_j² > λ, i.e. |z_j| > √(2λ)."""
    return float(np.sqrt(2.0 * lam))


def threshold_maps_figure(lam: float = 1.0, zmax: float = 3.0):
    """Three panels: the estimate as a function of the OLS coefficient z for lasso, ridge and best subset."""
    z = np.linspace(-zmax, zmax, 1201)
    cut = best_subset_threshold(lam)
    maps = [
        ("Lasso: soft-thresholding", soft_threshold(z, lam), L1_COLOR,
         rf"$\mathrm{{sign}}(z)\,\max(|z|-\lambda,0)$, zero on $[-\lambda,\lambda]$"),
        ("Ridge: proportional shrinkage", ridge_shrink(z, lam), L2_COLOR, r"$z/(1+\lambda)$, never zero"),
        ("Best subset: hard-thresholding", hard_threshold(z, cut), SUBSET_COLOR,
         r"$z\cdot 1\{|z|>\sqrt{2\lambda}\}$, keep or kill"),
    ]
    fig, axes = new_figure(1, 3, figsize=(9.6, 4.3), sharey=True)
    for ax, (title, w, color, formula) in zip(axes, maps):
        ax.plot(z, z, color=OLS_COLOR, ls="--", lw=1.5, label="OLS (no penalty)")
        if "Best" in title:  # draw the jump as a gap, not as a vertical line
            for side in (z < -cut, np.abs(z) <= cut, z > cut):
                ax.plot(z[side], w[side], color=color, lw=3)
            ax.plot([], [], color=color, lw=3, label="estimate")
        else:
            ax.plot(z, w, color=color, lw=3, label="estimate")
        ax.axhline(0.0, color="0.4", lw=0.8, zorder=0)
        ax.axvline(0.0, color="0.4", lw=0.8, zorder=0)
        ax.set_title(title)
        ax.set_xlabel(r"OLS coefficient $z = x_j^\top y / n$")
        ax.text(0.03, 0.97, formula, transform=ax.transAxes, va="top", fontsize=10)
        ax.set_xlim(-zmax, zmax)
        ax.set_ylim(-zmax, zmax)
        ax.set_aspect("equal", adjustable="box")
    axes[0].set_ylabel(r"penalized estimate $\hat w_j$")
    axes[0].legend(loc="lower right")
    fig.suptitle(rf"Orthonormal design ($X^\top X = nI$), $\lambda = {lam:g}$")
    return fig


@figure("03_threshold_maps")
def _threshold_maps():
    return threshold_maps_figure()
