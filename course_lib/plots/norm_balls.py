"""Chapter 1 figures about the shape of p-norm balls and what that shape prefers.

* ``unit_balls_figure``: the 2-D unit balls of p = 1, 1.5, 2, 4 and ∞ (all convex: norms), beside the
  p = ½ "ball", whose chord between (1, 0) and (0, 1) leaves the set (not convex: not a norm).
* ``split_cost_figure``: the p-norm of (t, 1 − t) — the cost of splitting one unit of weight between two
  coefficients.  p > 1 is cheapest at an even split, p = 1 does not care, p < 1 prefers all-on-one.
"""
from __future__ import annotations

import numpy as np

from .contours import draw_axes_cross, square_limits
from .registry import figure
from .style import L1_COLOR, L2_COLOR, PALETTE, new_figure

# One colour per p, fixed across the chapter (L1 and L2 keep the course's colours).
BALL_COLORS = {0.5: PALETTE["purple"], 1.0: L1_COLOR, 1.5: PALETTE["orange"], 2.0: L2_COLOR,
               4.0: PALETTE["green"], np.inf: PALETTE["black"]}


def p_label(p) -> str:
    """``'p = ∞'``, ``'p = 2'``, ``'p = 0.5'``."""
    return "p = ∞" if p == np.inf else f"p = {p:g}"


def split_cost(t, p):
    """``||(t, 1 − t)||_p`` for t in [0, 1] (p may be np.inf); a vectorised helper for the figures."""
    t = np.asarray(t, dtype=float)
    a, b = np.abs(t), np.abs(1.0 - t)
    if p == np.inf:
        return np.maximum(a, b)
    return (a ** p + b ** p) ** (1.0 / p)


def ball_outline(p, radius=1.0, n=721):
    """Points (2, n) on the sphere ``||w||_p = radius`` in 2-D, for any p > 0 or np.inf.

    The superellipse parametrisation ``(sgn(cos t)|cos t|^(2/p), sgn(sin t)|sin t|^(2/p))`` lands exactly on
    the axes, so the cusps of p < 1 are drawn sharp (sampling by angle would cut them off).
    """
    t = np.linspace(0.0, 2.0 * np.pi, n)
    c, s = np.cos(t), np.sin(t)
    if p == np.inf:  # the square, corners included
        m = np.maximum(np.abs(c), np.abs(s))
        return radius * np.vstack([c / m, s / m])
    e = 2.0 / p
    return radius * np.vstack([np.sign(c) * np.abs(c) ** e, np.sign(s) * np.abs(s) ** e])


def draw_p_ball(ax, p, *, color=None, fill_alpha=0.0, lw=2.0, label=None, ls="-"):
    """Draw the unit p-ball; returns (line, patch) so a widget can update them with set_data / set_xy."""
    color = BALL_COLORS.get(p, PALETTE["sky"]) if color is None else color
    xy = ball_outline(p)
    (line,) = ax.plot(xy[0], xy[1], color=color, lw=lw, label=label, ls=ls)
    (patch,) = ax.fill(xy[0], xy[1], color=color, alpha=fill_alpha, lw=0)
    return line, patch


def unit_balls_figure(ps=(1.0, 1.5, 2.0, 4.0, np.inf), nonconvex_p=0.5):
    """Left: nested unit balls of true norms.  Right: the non-convex p < 1 "ball" and a chord leaving it."""
    fig, (ax_norms, ax_quasi) = new_figure(1, 2, figsize=(12.0, 5.0))
    for p in ps:
        draw_p_ball(ax_norms, p, label=p_label(p))
    draw_axes_cross(ax_norms)
    square_limits(ax_norms, 1.25)
    ax_norms.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), framealpha=0.9, title="$\\|w\\|_p = 1$")
    ax_norms.set_title("Norms (p ≥ 1): every unit ball is convex")

    draw_p_ball(ax_quasi, nonconvex_p, fill_alpha=0.2, label=p_label(nonconvex_p))
    draw_p_ball(ax_quasi, 1.0, lw=1.0, ls=":", label="p = 1 (for reference)")
    draw_axes_cross(ax_quasi)
    ax_quasi.plot([1.0, 0.0], [0.0, 1.0], "o--", color=PALETTE["black"], ms=6, lw=1.5,
                  label="chord between (1, 0) and (0, 1)")
    mid = 0.5 * 2.0 ** (1.0 / nonconvex_p)  # ||(½, ½)||_p
    ax_quasi.plot([0.5], [0.5], "s", color=PALETTE["vermillion"], ms=8,
                  label=f"midpoint (½, ½): $\\|\\cdot\\|_{{{nonconvex_p:g}}}$ = {mid:.3g}")
    square_limits(ax_quasi, 1.25)
    ax_quasi.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), framealpha=0.9, fontsize=9)
    ax_quasi.set_title(f"{p_label(nonconvex_p)}: not convex, so not a norm")
    return fig


def split_cost_figure(ps=(0.5, 1.0, 2.0, 4.0, np.inf)):
    """The p-norm of (t, 1 − t) against t: where is splitting one unit of weight cheapest?"""
    fig, ax = new_figure(figsize=(7.0, 4.2))
    t = np.linspace(0.0, 1.0, 401)
    for p in ps:
        ax.plot(t, split_cost(t, p), color=BALL_COLORS.get(p, PALETTE["sky"]), lw=2, label=p_label(p))
    ax.axvline(0.5, color="0.5", lw=0.8, ls=":")
    ax.set_xlabel("share t of the unit on the first weight:  w = (t, 1 − t)")
    ax.set_ylabel("$\\|w\\|_p$")
    ax.set_title("Spreading is cheapest for p > 1, free for p = 1, dearest for p < 1")
    ax.legend(loc="lower center", ncol=len(ps), fontsize=9, framealpha=0.9)
    ax.set_ylim(0.0, 2.2)
    return fig


@figure("01_unit_balls")
def _unit_balls():
    return unit_balls_figure()


@figure("01_split_cost")
def _split_cost():
    return split_cost_figure()
