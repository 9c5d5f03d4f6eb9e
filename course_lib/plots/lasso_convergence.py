"""Convergence figures of chapter 4: how fast each lasso algorithm gets close, and whether it gives zeros.

Every function takes the runs of ``course_lib.studies.ch4_solver_comparison`` (so the notebook computes them once and
prints the numbers the figures show); called without arguments it computes them on the chapter's problem,
which is what ``make figures`` does.  Suboptimality ``F(w_k) − F*`` uses F* from coordinate descent run to a
duality gap of 1e-14, so values below ``FLOOR`` = 1e-12 are not resolved and are not drawn.
"""
from __future__ import annotations

import numpy as np

from ..studies import ch4_solver_comparison as sc
from .registry import figure
from .style import PALETTE, new_figure

__all__ = ["METHOD_COLORS", "subgradient_convergence_figure", "exact_zeros_figure",
           "prox_convergence_figure", "gap_certificate_figure"]

FLOOR = 1e-12
METHOD_COLORS = {
    "cd": PALETTE["green"], "ista": PALETTE["blue"], "fista": PALETTE["purple"],
    "constant_step": PALETTE["orange"], "constant_length": PALETTE["sky"], "diminishing": PALETTE["vermillion"],
}
PROX_BUDGET = sc.PROX_BUDGET


def _color(run):
    return METHOD_COLORS[run.step_rule] if run.method == "subgradient" else METHOD_COLORS[run.method]


def _resolve(problem, ref, runs):
    if problem is None or ref is None or runs is None:
        return sc.chapter_runs()
    return problem, ref, runs


def _loglog_positive(ax, k, values, **kw):
    v = np.asarray(values, dtype=float)
    keep = (k >= 1) & np.isfinite(v) & (v > FLOOR)
    return ax.loglog(k[keep], v[keep], **kw)


@figure("04_subgradient_convergence")
def subgradient_convergence_figure(problem=None, ref=None, runs=None):
    """Left: best-so-far F − F* of the three step rules, the a-posteriori guarantee of the diminishing rule
    and a 1/√k reference line.  Right: three weights that are 0 at the solution, over the last 60
    constant-step iterations: they zig-zag across 0 and never sit on it."""
    problem, ref, runs = _resolve(problem, ref, runs)
    fig, (ax, ax2) = new_figure(1, 2, figsize=(12.5, 4.6))
    for key in ("constant_step", "constant_length", "diminishing"):
        run = runs[key]
        k = run.iterations
        rule = {"constant_step": f"constant step η = {run.step:.3g}",
                "constant_length": f"constant length ||Δw|| = {run.step:g}",
                "diminishing": f"diminishing η = {run.step:.3g}/√k"}[key]
        _loglog_positive(ax, k, run.best_suboptimality, color=_color(run), lw=2, label=rule)
    dim = runs["diminishing"]
    bound = sc.subgradient_bound(dim, problem, ref.coef)
    k = dim.iterations
    _loglog_positive(ax, k, bound, color=_color(dim), lw=1.2, ls="--", label="its guarantee (computed along the run)")
    anchor = 100
    ref_line = dim.best_suboptimality[anchor] * np.sqrt(anchor / np.maximum(k, 1))
    _loglog_positive(ax, k, ref_line, color="k", lw=1.2, ls=":", label=r"$\propto 1/\sqrt{k}$")
    ax.set_xlabel("iteration k")
    ax.set_ylabel(r"best so far $\min_{i\leq k} F(w_i) - F^\star$")
    ax.set_title("Subgradient method: slow, and no better than its step allows")
    ax.legend(loc="lower left", fontsize=10)

    run = runs["constant_step"]
    inactive = np.flatnonzero(ref.coef == 0.0)
    last = run.coefs[-60:]
    chosen = inactive[np.argsort(np.abs(last[:, inactive]).max(axis=0))[-3:]]
    kk = run.iterations[-60:]
    for j, color in zip(chosen, (PALETTE["orange"], PALETTE["vermillion"], PALETTE["black"])):
        ax2.plot(kk, last[:, j], "-o", ms=3, lw=1, color=color, label=f"subgradient, $w_{{{j}}}$")
    ax2.plot(kk, np.zeros_like(kk, dtype=float), color=METHOD_COLORS["ista"], lw=3, alpha=0.7,
             label="ISTA, the same weights: exactly 0")
    ax2.axhline(0.0, color="0.3", lw=0.8)
    top = float(np.abs(last[:, chosen]).max())
    ax2.set_ylim(-1.15 * top, 1.9 * top)
    ax2.set_xlabel("iteration k")
    ax2.set_ylabel(r"$w_j$ (0 at the solution)")
    ax2.set_title(f"Weights that should be 0, last 60 steps (η = {run.step:.3g})")
    ax2.legend(loc="upper center", fontsize=10, ncols=2)
    return fig


@figure("04_exact_zeros")
def exact_zeros_figure(problem=None, ref=None, runs=None):
    """Number of weights exactly 0.0 at each iteration, for every method, against the solution's count."""
    problem, ref, runs = _resolve(problem, ref, runs)
    fig, ax = new_figure(1, 1, figsize=(8.5, 4.4))
    target = int(np.count_nonzero(ref.coef == 0.0))
    for key in ("cd", "fista", "ista", "diminishing", "constant_step"):
        run = runs[key]
        k = run.iterations[1:]
        label = run.label + (" (epochs)" if key == "cd" else "")
        ax.semilogx(k, run.zeros[1:], color=_color(run), lw=2.5 if key != "constant_step" else 1.5,
                    ls="-" if key != "constant_step" else "--", label=label)
    ax.axhline(target, color="k", lw=1, ls=":", label=f"the solution: {target} of {problem.p} zeros")
    ax.set_ylim(-3, problem.p + 3)
    ax.set_xlabel("iteration k (log scale)")
    ax.set_ylabel("weights exactly 0.0")
    ax.set_title("Exact zeros come from soft-thresholding, not from subgradient steps")
    ax.legend(loc="center right", fontsize=10)
    return fig


@figure("04_prox_convergence")
def prox_convergence_figure(problem=None, ref=None, runs=None):
    """F(w_k) − F* on log–log axes for ISTA, FISTA, coordinate descent and the diminishing subgradient
    method, with the ISTA and FISTA guarantees L·R²/(2k) and 2L·R²/(k+1)² (R = ||w₀ − w*||)."""
    problem, ref, runs = _resolve(problem, ref, runs)
    fig, ax = new_figure(1, 1, figsize=(8.5, 4.8))
    L = problem.lipschitz
    R2 = float(np.sum((runs["ista"].coefs[0] - ref.coef) ** 2))
    k = np.arange(1, PROX_BUDGET + 1, dtype=float)
    ax.loglog(k, L * R2 / (2 * k), color=METHOD_COLORS["ista"], ls="--", lw=1.2, label=r"ISTA guarantee $LR^2/(2k)$")
    ax.loglog(k, 2 * L * R2 / (k + 1) ** 2, color=METHOD_COLORS["fista"], ls="--", lw=1.2,
              label=r"FISTA guarantee $2LR^2/(k+1)^2$")
    for key in ("diminishing", "ista", "fista", "cd"):
        run = runs[key]
        label = run.label + (" (per epoch)" if key == "cd" else "")
        _loglog_positive(ax, run.iterations, run.suboptimality, color=_color(run), lw=2.2, label=label)
    ax.set_ylim(FLOOR, None)
    ax.set_xlabel("iteration k (epochs for coordinate descent)")
    ax.set_ylabel(r"$F(w_k) - F^\star$")
    ax.set_title("Measured convergence against the guarantees")
    ax.legend(loc="lower left", fontsize=10)
    return fig


@figure("04_gap_certificate")
def gap_certificate_figure(problem=None, ref=None, runs=None):
    """The duality gap of ISTA's iterates above their true suboptimality: a certificate you can compute."""
    problem, ref, runs = _resolve(problem, ref, runs)
    fig, ax = new_figure(1, 1, figsize=(8.5, 4.4))
    for key in ("ista", "cd"):
        run = runs[key]
        k = run.iterations
        keep = (k >= 1) & (run.gap > FLOOR)
        ax.loglog(k[keep], run.gap[keep], color=_color(run), lw=2.2, label=f"{run.label}: duality gap")
        sub = run.suboptimality
        keep = (k >= 1) & (sub > FLOOR)
        ax.loglog(k[keep], sub[keep], color=_color(run), lw=1.8, ls=":",
                  label=rf"{run.label}: $F(w_k)-F^\star$ (needs $F^\star$)")
    ax.axhline(1e-6, color="k", lw=1, ls="--", label="stopping rule: gap ≤ 1e-6")
    ax.set_xlabel("iteration k (epochs for coordinate descent)")
    ax.set_ylabel("objective error (upper bound and true)")
    ax.set_title("The duality gap bounds the suboptimality from above")
    ax.legend(loc="lower left", fontsize=10)
    return fig
