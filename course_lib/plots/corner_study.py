"""Figures of the "optimum on a corner" Monte Carlo (``course_lib.studies.ch5_corner_monte_carlo``): exact zero rates
by budget and dimension, and the sampling artefact of the popular 100-point version."""
from __future__ import annotations

import numpy as np

from .constraint_geometry import ellipse_xy
from .registry import figure
from .style import CYCLE, L1_COLOR, L2_COLOR, PALETTE, new_figure

__all__ = ["corner_study_figure", "sampling_pitfall_figure"]


def corner_study_figure(study):
    """Left: share of problems whose exact L1 optimum has an exact zero, against the budget fraction s, one
    line per dimension d; the L2 ball's share (0 for every d and s) dashed.  Right: mean share of zero
    coordinates."""
    fig, axes = new_figure(1, 2, figsize=(12.0, 4.4), sharex=True)
    s = np.asarray(study.fractions)
    for i, d in enumerate(study.dims):
        color = CYCLE[i % len(CYCLE)] if CYCLE[i % len(CYCLE)] not in (L2_COLOR,) else PALETTE["purple"]
        for ax, values in zip(axes, (study.p_zero_l1[i], study.frac_zero_l1[i])):
            ax.errorbar(s, values, yerr=1.96 * study.se(values) if ax is axes[0] else None, color=color,
                        marker="o", ms=4, lw=2, capsize=2, label=f"L1 diamond, d = {d}")
    for ax, values in zip(axes, (study.p_zero_l2, study.frac_zero_l2)):
        ax.plot(s, values.max(axis=0), color=L2_COLOR, ls="--", lw=2.5,
                label="L2 ball, every d" + (": no exact zero" if values.max() == 0 else " (max over d)"))
        ax.set_xlabel("budget t as a fraction s of ||c|| (the unconstrained optimum's norm)")
        ax.set_ylim(-0.03, 1.03)
    axes[0].set_ylabel("share of problems with an exact zero")
    axes[1].set_ylabel("mean share of coordinates exactly zero")
    axes[0].set_title(f"{study.n_problems} random quadratics per d, solved exactly (bars: 95 % CI)")
    axes[1].set_title("How many coordinates are zero")
    handles, labels = axes[0].get_legend_handles_labels()
    axes[1].legend(handles, labels, loc="upper right", fontsize=10)  # the right panel's top right is empty
    return fig


def sampling_pitfall_figure(pitfall):
    """Left: zoom on one problem of the "one feature unimportant" family where the sampled circle reports
    a zero — the exact optimum sits just off the axis.  Right: zero rates (%), exact vs sampled, with the
    rates reported by the popular article as black ticks."""
    from ..studies.ch5_corner_monte_carlo import POPULAR_REPORTED

    fig, axes = new_figure(1, 2, figsize=(12.0, 4.6), gridspec_kw={"width_ratios": [1, 1.4]})
    ax = axes[0]
    ex = pitfall.example
    if ex:
        pts, w, ws, r = ex["points"], ex["exact"], ex["sampled"], ex["radius"]
        theta = np.linspace(0, 2 * np.pi, 2001)
        ax.plot(r * np.cos(theta), r * np.sin(theta), color=L2_COLOR, lw=1.5, label=f"circle of radius {r:g}")
        ax.plot(pts[:, 0], pts[:, 1], "o", color=L2_COLOR, ms=4, mfc="white", label="the 100 sampled points")
        d = w - ex["centre"]
        level = 0.5 * float(d @ ex["H"] @ d)
        xy = ellipse_xy(ex["H"], ex["centre"], level, n=4001)
        ax.plot(xy[0], xy[1], color="0.3", lw=1.2, label="loss contour through the exact optimum")
        ax.plot([w[0]], [w[1]], "*", color="black", ms=14, label=f"exact optimum ({w[0]:.4f}, {w[1]:.4f})")
        ax.plot([ws[0]], [ws[1]], "X", color=L1_COLOR, ms=11,
                label=f"best sampled point ({ws[0]:.4f}, {abs(ws[1]):.4f}): a \"zero\"")
        ax.axhline(0, color="0.4", lw=0.8)
        ax.axvline(0, color="0.4", lw=0.8)
        # zoom on the two points
        cx, cy = 0.5 * (w + ws)
        half = max(0.25, 2.5 * float(np.max(np.abs(w - ws))))
        ax.set_xlim(cx - half, cx + half)
        ax.set_ylim(cy - half, cy + half)
        ax.set_aspect("equal", adjustable="box")
        angle = np.degrees(np.arctan2(min(abs(w[0]), abs(w[1])), max(abs(w[0]), abs(w[1]))))
        ax.set_title(f"Zoom: the exact L2 optimum is {angle:.2f}° off the axis")
        ax.legend(loc="lower left", fontsize=10)
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax = axes[1]
    kinds = list(pitfall.kinds)
    x = np.arange(len(kinds))
    bars = (("exact_l1", "L1 exact", L1_COLOR, None), ("sampled_l1", "L1 sampled", L1_COLOR, "//"),
            ("exact_l2", "L2 exact", L2_COLOR, None), ("sampled_l2", "L2 sampled", L2_COLOR, "//"))
    width = 0.2
    for i, (key, label, color, hatch) in enumerate(bars):
        values = [getattr(pitfall, key)[k] for k in kinds]
        pos = x - 0.3 + i * width
        ax.bar(pos, values, width=width, color=color if hatch is None else "white", edgecolor=color, hatch=hatch,
               lw=1.5, label=label)
        for xx, v in zip(pos, values):
            ax.text(xx, v + 1.0, f"{v:.1f}", ha="center", va="bottom", fontsize=10)
    for j, k in enumerate(kinds):
        l1, l2 = POPULAR_REPORTED[k]
        for pos, v in ((x[j] - 0.2, l1), (x[j] + 0.2, l2)):
            ax.plot([pos - 0.18, pos + 0.18], [v, v], color="black", lw=2)
    ax.plot([], [], color="black", lw=2, label="reported by the article")
    ax.set_xticks(x, [k.replace("_", " ") for k in kinds])
    ax.set_xlabel("family of random 2-D losses")
    ax.set_ylabel("% of problems with a zero coordinate")
    ax.set_ylim(0, 100)
    ax.set_title(f"{pitfall.n_problems} problems per family and ball")
    ax.legend(loc="upper left", fontsize=10, ncol=2)
    return fig


@figure("05_corner_monte_carlo")
def _corner():
    from ..studies.ch5_corner_monte_carlo import corner_study

    return corner_study_figure(corner_study(n_problems=2000, seed=0))


@figure("05_sampling_pitfall")
def _pitfall():
    from ..studies.ch5_corner_monte_carlo import sampling_pitfall

    return sampling_pitfall_figure(sampling_pitfall(n_problems=2000, seed=0))
