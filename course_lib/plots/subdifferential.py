"""The subdifferential of |w| and the optimality condition 0 ∈ ∂F(w), drawn (chapter 4).

Three panels: the V of |w| with the lines through the origin that stay below it (their slopes are the
subgradients at 0, the interval [−1, 1]); the set-valued graph of ∂|w|; and, for the one-coordinate lasso
``F(w) = ½(w − z)² + λ|w|``, the graph of ∂F(w) = w − z + λ·∂|w| crossing 0 — at w = 0 when |z| ≤ λ
(the vertical segment contains 0), at w = z − λ·sign(z) otherwise.
"""
from __future__ import annotations

import numpy as np

from ..toys.scalar_lasso import scalar_lasso_solution
from .registry import figure
from .style import L1_COLOR, L2_COLOR, PALETTE, new_figure

__all__ = ["subdifferential_figure"]


def _set_valued_abs(ax, shift_slope=0.0, shift=0.0, lam=1.0, wlim=2.0, **kw):
    """Draw w ↦ shift_slope·w − shift + lam·∂|w| as a set-valued graph (vertical segment at 0)."""
    left = np.array([-wlim, 0.0])
    right = np.array([0.0, wlim])
    (line,) = ax.plot(left, shift_slope * left - shift - lam, **kw)
    kw.pop("label", None)
    ax.plot(right, shift_slope * right - shift + lam, **kw)
    ax.plot([0.0, 0.0], [-shift - lam, -shift + lam], **kw)
    return line


@figure("04_subdifferential")
def subdifferential_figure(lam: float = 1.0, z_values=(0.6, -1.8)):
    """|w| and its supporting lines; the graph of ∂|w|; ∂F(w) for ½(w − z)² + λ|w| crossing zero."""
    fig, axes = new_figure(1, 3, figsize=(13.0, 4.2))
    w = np.linspace(-2.0, 2.0, 401)

    ax = axes[0]
    for s in np.linspace(-1.0, 1.0, 9):
        ax.plot(w, s * w, color=PALETTE["grey"], lw=0.8, alpha=0.8)
    ax.plot([], [], color=PALETTE["grey"], lw=0.8, label=r"$s\,w$ with $s\in[-1,1]$")
    ax.plot(w, np.abs(w), color=L1_COLOR, lw=3, label=r"$|w|$")
    ax.set_ylim(-1.0, 2.0)
    ax.set_xlabel(r"$w$")
    ax.set_ylabel("value")
    ax.set_title(r"Lines under $|w|$ through the kink")
    ax.legend(loc="upper center")

    ax = axes[1]
    _set_valued_abs(ax, color=L1_COLOR, lw=3, label=r"$\partial|w|$")
    ax.plot(w, np.tanh(4 * w), color=L2_COLOR, lw=1.5, ls="--", label="derivative of a smoothed |w|\n(one value at every w)")
    ax.annotate(r"$\partial|0| = [-1, 1]$", xy=(0.0, 0.3), xytext=(0.35, 0.2), fontsize=11,
                arrowprops={"arrowstyle": "->", "color": "0.3"})
    ax.set_ylim(-1.5, 1.5)
    ax.set_xlabel(r"$w$")
    ax.set_ylabel(r"subgradients $s$")
    ax.set_title(r"The subdifferential $\partial|w|$")
    ax.legend(loc="upper left", fontsize=10)

    ax = axes[2]
    colors = (PALETTE["blue"], PALETTE["orange"])
    for z, color in zip(z_values, colors):
        sol = scalar_lasso_solution(z, lam)
        _set_valued_abs(ax, shift_slope=1.0, shift=z, lam=lam, color=color, lw=2.5,
                        label=rf"$z={z:g}$: minimiser $w^\star={sol:g}$")
        ax.plot([sol], [0.0], "o", color=color, ms=9, mec="k", zorder=5)
    ax.axhline(0.0, color="k", lw=1)
    ax.set_ylim(-3.0, 3.0)
    ax.set_xlabel(r"$w$")
    ax.set_ylabel(r"$\partial F(w) = w - z + \lambda\,\partial|w|$")
    ax.set_title(r"Optimality: $0\in\partial F(w)$")
    ax.text(0.98, 0.03, rf"$F(w)=\frac{{1}}{{2}}(w-z)^2+\lambda|w|$, $\lambda={lam:g}$", transform=ax.transAxes,
            ha="right", va="bottom", fontsize=10)
    ax.legend(loc="upper left", fontsize=10)
    return fig
