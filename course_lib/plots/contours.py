"""Shared 2-D drawing primitives: loss contours of a quadratic, norm balls, and a trajectory.

Chapters 1–5 all draw the same picture family — elliptical least-squares contours in the (w1, w2) plane
with the L1 diamond or the L2 disk — so the pieces live here once.  Each function draws on the given
axes and returns the artists it created, so a widget can update them instead of re-plotting.
"""
from __future__ import annotations

import numpy as np

from .style import L1_COLOR, L2_COLOR, PALETTE


def quadratic_on_grid(H, center, xlim, ylim, n=121, offset=0.0):
    """``½(w−c)ᵀH(w−c) + offset`` evaluated on an n×n grid: returns (W1, W2, Z)."""
    H = np.asarray(H, dtype=float)
    c = np.asarray(center, dtype=float)
    w1, w2 = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    d1, d2 = w1 - c[0], w2 - c[1]
    Z = 0.5 * (H[0, 0] * d1 * d1 + 2.0 * H[0, 1] * d1 * d2 + H[1, 1] * d2 * d2) + offset
    return w1, w2, Z


def function_on_grid(f, xlim, ylim, n=121):
    """Any vectorised ``f(W1, W2)`` on an n×n grid: returns (W1, W2, Z)."""
    w1, w2 = np.meshgrid(np.linspace(*xlim, n), np.linspace(*ylim, n))
    return w1, w2, f(w1, w2)


def ellipse_levels(H, center, through_points, extra=()):
    """Contour levels of the quadratic that pass through given points (e.g. the constrained optimum)."""
    H = np.asarray(H, dtype=float)
    c = np.asarray(center, dtype=float)
    levels = [0.5 * (np.asarray(p) - c) @ H @ (np.asarray(p) - c) for p in through_points]
    return np.unique(np.concatenate([levels, np.asarray(extra, dtype=float)]))


def unit_ball_outline(p, radius=1.0, n=400):
    """Points (2, m) on the boundary of the 2-D p-norm ball of the given radius (p may be np.inf)."""
    t = np.linspace(0.0, 2.0 * np.pi, n)
    x, y = np.cos(t), np.sin(t)
    if p == np.inf:
        scale = np.maximum(np.abs(x), np.abs(y))
    else:
        scale = (np.abs(x) ** p + np.abs(y) ** p) ** (1.0 / p)
    return radius * np.vstack([x / scale, y / scale])


def draw_ball(ax, p, radius=1.0, *, color=None, fill_alpha=0.15, label=None, lw=2.0):
    """Draw the p-norm ball (p=1 diamond in the L1 colour, p=2 disk in the L2 colour by default)."""
    if color is None:
        color = L1_COLOR if p == 1 else L2_COLOR if p == 2 else PALETTE["purple"]
    xy = unit_ball_outline(p, radius)
    (line,) = ax.plot(xy[0], xy[1], color=color, lw=lw, label=label)
    (patch,) = ax.fill(xy[0], xy[1], color=color, alpha=fill_alpha, lw=0)
    return line, patch


def draw_axes_cross(ax, color="0.4"):
    """Thin lines on the coordinate axes, where sparse solutions live."""
    return ax.axhline(0.0, color=color, lw=0.8, zorder=0), ax.axvline(0.0, color=color, lw=0.8, zorder=0)


def draw_trajectory(ax, iterates, *, color=PALETTE["black"], label=None, marker="o", ms=3, lw=1.2):
    """A path of 2-D iterates, shape (k, 2); returns the Line2D (update with ``set_data``)."""
    it = np.asarray(iterates, dtype=float)
    (line,) = ax.plot(it[:, 0], it[:, 1], color=color, marker=marker, ms=ms, lw=lw, label=label)
    return line


def square_limits(ax, half_width, center=(0.0, 0.0)):
    """Equal aspect, square window around ``center``."""
    ax.set_xlim(center[0] - half_width, center[0] + half_width)
    ax.set_ylim(center[1] - half_width, center[1] + half_width)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
