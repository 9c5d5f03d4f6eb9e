"""Chapter 2 figures on the penalties' gradients: the 1-D derivatives, their pull over 2-D loss contours,
and the penalty-only dynamics (geometric decay under L2, fixed steps then hopping under L1).

Convention: objective ``(1/(2n))||y − Xw − b||² + λ·P(w)``; ridge ``P = ½||w||²`` (gradient λw), lasso
``P = ||w||₁`` (subgradient λ·sign(w), any value in [−λ, λ] at 0).
"""
from __future__ import annotations

import numpy as np

from ..toys.quadratic_2d import Quadratic2D
from .contours import draw_axes_cross, draw_trajectory, ellipse_levels, quadratic_on_grid, square_limits
from .registry import figure
from .style import L1_COLOR, L2_COLOR, OLS_COLOR, PALETTE, new_figure

__all__ = ["example_problem", "penalty_derivatives", "penalty_gradient_fields", "penalty_only_dynamics_figure",
           "descent_trajectories", "DESCENT",
           "penalty_only_iterates", "EXAMPLE", "DYNAMICS"]

# The chapter's running two-feature example and its penalty-only dynamics settings (notebook, figures and
# widgets all use these, so the numbers in the text and the pictures agree).
EXAMPLE = dict(n=60, rho=0.6, w=(1.5, 0.4), noise=1.0, seed=0)
DYNAMICS = dict(w0=1.0, lam=0.3, step=0.1, n_steps=1000)


def example_problem() -> Quadratic2D:
    """The running example in Gram form: ``make_correlated_pair(**EXAMPLE)`` → ``Quadratic2D``."""
    from ..data.simulate import make_correlated_pair

    X, y, _ = make_correlated_pair(EXAMPLE["n"], EXAMPLE["rho"], w=EXAMPLE["w"], noise=EXAMPLE["noise"],
                                   seed=EXAMPLE["seed"])
    return Quadratic2D.from_data(X, y)


@figure("02_penalty_gradients")
def penalty_derivatives(lam=1.0, wmax=2.0):
    """Left: the penalties λ/2·w² and λ|w|.  Right: their derivatives λw (a line through 0) and λ·sign(w)
    (a step of constant height λ; at 0 the whole interval [−λ, λ] of subgradients)."""
    fig, (ax_p, ax_g) = new_figure(1, 2, figsize=(10.0, 4.0))
    w = np.linspace(-wmax, wmax, 401)
    ax_p.plot(w, 0.5 * lam * w ** 2, color=L2_COLOR, lw=2.5, label=r"L2: $\frac{\lambda}{2}w^2$")
    ax_p.plot(w, lam * np.abs(w), color=L1_COLOR, lw=2.5, label=r"L1: $\lambda|w|$")
    ax_p.set_xlabel("weight $w$")
    ax_p.set_ylabel("penalty value")
    ax_p.set_title(f"The penalties (λ = {lam:g})")
    ax_p.legend(loc="upper center")

    ax_g.axvspan(-1.0, 1.0, color=PALETTE["yellow"], alpha=0.25, lw=0)
    ax_g.text(0.0, -0.93 * lam * wmax, "|w| < 1: the L1 pull\nis the stronger one", ha="center", va="bottom",
              fontsize=10)
    ax_g.plot(w, lam * w, color=L2_COLOR, lw=2.5, label=r"L2: $\lambda w$ (shrinks with $w$)")
    pos, neg = w > 0, w < 0
    ax_g.plot(w[pos], np.full(pos.sum(), lam), color=L1_COLOR, lw=2.5, label=r"L1: $\lambda\,\mathrm{sign}(w)$")
    ax_g.plot(w[neg], np.full(neg.sum(), -lam), color=L1_COLOR, lw=2.5)
    ax_g.plot([0, 0], [-lam, lam], color=L1_COLOR, lw=5, alpha=0.45, solid_capstyle="butt",
              label=r"subdifferential at 0: $[-\lambda, \lambda]$")
    ax_g.axhline(0.0, color="0.4", lw=0.8, zorder=0)
    ax_g.set_xlabel("weight $w$")
    ax_g.set_ylabel("derivative = pull towards 0")
    ax_g.set_title("Their (sub)gradients")
    ax_g.set_ylim(-1.05 * lam * wmax, 1.05 * lam * wmax)
    ax_g.legend(loc="upper left", fontsize=9)
    return fig


def _field(ax, quad, lam, penalty, half, scale):
    color = L2_COLOR if penalty == "l2" else L1_COLOR
    center = quad.ols
    W1, W2, Z = quadratic_on_grid(quad.G, center, (-half, half), (-half, half), n=121)
    sol = quad.minimizer(lam, penalty)
    levels = ellipse_levels(quad.G, center, [sol], extra=[0.02, 0.1, 0.4, 1.0, 2.0, 3.5])
    ax.contour(W1, W2, Z, levels=levels, colors=OLS_COLOR, linewidths=1.0)
    g = np.linspace(-half * 0.9, half * 0.9, 9)
    G1, G2 = np.meshgrid(g, g)
    if penalty == "l2":
        U, V = -lam * G1, -lam * G2
    else:
        U, V = -lam * np.sign(G1), -lam * np.sign(G2)
    ax.quiver(G1, G2, U, V, color=color, angles="xy", scale_units="xy", scale=scale, width=0.006)
    draw_axes_cross(ax)
    ax.plot(*center, marker="o", color=PALETTE["black"], ms=7, ls="none", label="least squares (OLS)")
    name = "ridge" if penalty == "l2" else "lasso"
    ax.plot(*sol, marker="*", color=color, mec=PALETTE["black"], ms=15, ls="none",
            label=f"{name} solution ({sol[0]:.2f}, {sol[1]:.2f})")
    square_limits(ax, half)
    ax.legend(loc="lower left", fontsize=9, framealpha=0.9)


@figure("02_penalty_gradient_fields")
def penalty_gradient_fields(quad=None, lam=0.3, half=2.5):
    """The pull −λ∇P(w) of each penalty drawn over the least-squares contours of the running example.

    L2 arrows point at the origin and shrink with the distance to it; L1 arrows all have the same size
    (λ per coordinate) and point towards the nearest axes, whatever the distance."""
    quad = example_problem() if quad is None else quad
    fig, (ax2, ax1) = new_figure(1, 2, figsize=(10.0, 5.0))
    cell = 2 * 0.9 * half / 8
    scale = lam * 0.9 * half * np.sqrt(2) / (0.9 * cell)  # one scale for both panels: longest L2 arrow = 0.9 cell
    _field(ax2, quad, lam, "l2", half, scale)
    ax2.set_title(r"L2 pull $-\lambda w$: proportional to $w$")
    _field(ax1, quad, lam, "l1", half, scale)
    ax1.set_title(r"L1 pull $-\lambda\,\mathrm{sign}(w)$: constant size")
    fig.suptitle(f"Penalty gradients over the loss contours (λ = {lam:g})")
    return fig


def penalty_only_iterates(w0, lam, step, n_steps):
    """{"l2", "l1", "l1_prox"} → iterates (n_steps + 1,) of one weight under the penalty alone, from
    ``cl.penalty_only_dynamics``: ``w ← w − ηλw``, ``w ← w − ηλ·sign(w)``, ``w ← soft_threshold(w, ηλ)``."""
    from ..solvers.gradient_descent import penalty_only_dynamics

    return {kind: np.asarray(penalty_only_dynamics([w0], lam, step, n_steps, penalty=kind), dtype=float)[:, 0]
            for kind in ("l2", "l1", "l1_prox")}


@figure("02_penalty_only_dynamics")
def penalty_only_dynamics_figure(w0=DYNAMICS["w0"], lam=DYNAMICS["lam"], step=DYNAMICS["step"],
                                 n_steps=DYNAMICS["n_steps"], zoom=60):
    """Left: the first ``zoom`` iterates of penalty-only descent (L2 decays, L1 walks down then hops).
    Right: |w_k| on a log scale over all steps (L2 a straight line that never reaches 0)."""
    it = penalty_only_iterates(w0, lam, step, n_steps)
    l2, l1, prox = it["l2"], it["l1"], it["l1_prox"]
    k = np.arange(n_steps + 1)
    fig, (ax_lin, ax_log) = new_figure(1, 2, figsize=(10.0, 4.0))
    ax_lin.plot(k[: zoom + 1], l2[: zoom + 1], color=L2_COLOR, marker="o", ms=3, lw=1.5,
                label=r"L2: $w_k = (1-\eta\lambda)^k w_0$")
    ax_lin.plot(k[: zoom + 1], l1[: zoom + 1], color=L1_COLOR, marker="s", ms=3, lw=1.5,
                label=r"L1: $w_{k+1} = w_k - \eta\lambda\,\mathrm{sign}(w_k)$")
    ax_lin.plot(k[: zoom + 1], prox[: zoom + 1], color=PALETTE["black"], ls=":", lw=1.5,
                label="L1 proximal step (chapter 4): lands on 0")
    ax_lin.axhline(0.0, color="0.4", lw=0.8, zorder=0)
    ax_lin.set_xlabel("step $k$")
    ax_lin.set_ylabel("weight $w_k$")
    ax_lin.set_title(f"First {zoom} steps (η = {step:g}, λ = {lam:g})")
    ax_lin.legend(loc="upper right", fontsize=9)

    ax_log.semilogy(k, np.abs(l2), color=L2_COLOR, lw=2, label="L2: |w_k| (never 0)")
    l1_abs = np.abs(l1)
    ax_log.semilogy(k, np.where(l1_abs > 0, l1_abs, np.nan), color=L1_COLOR, lw=1, label="L1: |w_k| (hops)")
    ax_log.axhline(step * lam, color=L1_COLOR, ls="--", lw=1, label=rf"$\eta\lambda$ = {step * lam:g}: width of one hop")
    ax_log.set_xlabel("step $k$")
    ax_log.set_ylabel("|weight| (log scale)")
    ax_log.set_title(f"All {n_steps} steps")
    ax_log.legend(loc="lower left", fontsize=9)
    return fig


DESCENT = dict(lam=0.3, step=0.1, n_steps=500, w0=(-1.0, 2.0))


@figure("02_descent_trajectories")
def descent_trajectories(quad=None, lam=DESCENT["lam"], step=DESCENT["step"], n_steps=DESCENT["n_steps"],
                         w0=DESCENT["w0"], half=2.5):
    """Fixed-step gradient descent with the L2 penalty (left) and the L1 subgradient (right) on the running
    example: the L2 path converges to the ridge solution; the L1 path reaches the lasso solution's zero
    coordinate and then zigzags across the axis (inset: the last 40 values of w2)."""
    quad = example_problem() if quad is None else quad
    fig, axes = new_figure(1, 2, figsize=(10.0, 5.0))
    W1, W2, Z = quadratic_on_grid(quad.G, quad.ols, (-half, half), (-half, half), n=121)
    levels = ellipse_levels(quad.G, quad.ols, [(0.0, 0.0), w0], extra=[0.01, 0.05, 0.15, 0.4, 1.0])
    for ax, penalty, name, color in ((axes[0], "l2", "L2 gradient", L2_COLOR),
                                     (axes[1], "l1", "L1 subgradient", L1_COLOR)):
        path = quad.descend(lam, step, n_steps, w0=w0, penalty=penalty)
        sol = quad.minimizer(lam, penalty)
        ax.contour(W1, W2, Z, levels=levels, colors=OLS_COLOR, linewidths=0.9)
        draw_axes_cross(ax)
        draw_trajectory(ax, path, color=color, ms=2, lw=1, label=f"{n_steps} steps, η = {step:g}")
        ax.plot(*quad.ols, "o", color=PALETTE["black"], ms=6, ls="none", label="OLS")
        ax.plot(*sol, "*", color=color, mec=PALETTE["black"], ms=15, ls="none",
                label=f"exact solution ({sol[0]:.3f}, {sol[1]:.3f})")
        square_limits(ax, half)
        ax.set_title(f"{name}, λ = {lam:g}")
        ax.legend(loc="lower left" if penalty == "l2" else "upper right", fontsize=9, framealpha=0.9)
        if penalty == "l1":
            inset = ax.inset_axes([0.60, 0.12, 0.37, 0.28])
            tail = path[-40:, 1]
            inset.plot(np.arange(n_steps - 39, n_steps + 1), tail, color=color, marker=".", ms=3, lw=0.8)
            inset.axhline(0.0, color="0.4", lw=0.8)
            inset.set_title("last 40 values of $w_2$", fontsize=8)
            inset.set_xlabel("step", fontsize=8)
            inset.tick_params(labelsize=7)
    return fig
