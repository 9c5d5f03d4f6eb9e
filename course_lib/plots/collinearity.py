"""Chapter 2 figures on correlated features: clouds of estimates over resampled data sets, the condition
number of ``XᵀX + nλI``, the grouping effect, and the bias–variance trade-off in λ.

Convention: objective ``(1/(2n))||y − Xw − b||² + λ·P(w)`` (ridge ``P = ½||w||²``, lasso ``P = ||w||₁``).
The settings below are the chapter's; the notebook passes the same values explicitly.
"""
from __future__ import annotations

import numpy as np

from ..studies import ch2_conditioning as conditioning, ch2_resampling as resampling
from .registry import figure
from .style import L1_COLOR, L2_COLOR, OLS_COLOR, PALETTE, TRUTH_COLOR, new_figure

__all__ = ["PAIR", "CLOUD", "GROUPING", "CONDITION", "BIAS_VARIANCE", "pair_draws", "draw_clouds",
           "coefficient_clouds", "condition_number_figure", "grouping_figure", "grouping_result", "bias_variance_figure",
           "condition_design", "grouping_design", "bias_variance_design", "bias_variance_result",
           "METHOD_COLORS", "METHOD_LABELS"]

PAIR = dict(n=50, n_draws=500, w_true=(1.0, 0.5), sigma=1.0, seed=2)
CLOUD = dict(rho=0.95, lam=0.1, lim=(-1.5, 3.5))
CONDITION = dict(n=50, rho=0.95, k=5, seed=3, lams=np.logspace(-5, 1, 61))
GROUPING = dict(n=100, k=5, rho=0.95, noise=2.0, seed=4, lam_max_fraction=0.3)
BIAS_VARIANCE = dict(n=40, k=5, rho=0.9, w=(1.5, 0.5, 0.0, -0.5, 1.0), noise=1.0, seed=5, sigma=2.0,
                     lams=np.logspace(-4, 1, 26), n_draws=2000, mc_seed=6)

METHOD_COLORS = {"ols": OLS_COLOR, "ridge": L2_COLOR, "lasso": L1_COLOR}
METHOD_LABELS = {"ols": "OLS (λ = 0)", "ridge": "ridge", "lasso": "lasso"}


def pair_draws(**overrides):
    """The chapter's ``CorrelatedPairDraws`` (settings ``PAIR``, overridable)."""
    return resampling.CorrelatedPairDraws(**{**PAIR, **overrides})


def draw_clouds(axes, estimates, w_true, lim):
    """Scatter each method's (n_draws, 2) estimates on its own axes; returns the artists by method:
    {method: (scatter, mean_marker, title_text, truth_marker)} so a widget can ``set_offsets`` / ``set_data``."""
    artists = {}
    for ax, (method, est) in zip(axes, estimates.items()):
        color = METHOD_COLORS[method]
        scatter = ax.scatter(est[:, 0], est[:, 1], s=7, color=color, alpha=0.45, lw=0)
        ax.axhline(0.0, color="0.4", lw=0.8, zorder=0)
        ax.axvline(0.0, color="0.4", lw=0.8, zorder=0)
        (mean,) = ax.plot(*est.mean(axis=0), marker="o", color="white", mec=TRUTH_COLOR, mew=1.5, ms=11,
                          ls="none", zorder=5)
        # the truth on top: visible inside the mean's ring when the estimator is unbiased
        (truth,) = ax.plot(*w_true, marker="X", color=TRUTH_COLOR, ms=8, mec="white", ls="none", zorder=6)
        ax.set_xlim(*lim)
        ax.set_ylim(*lim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel(r"$\hat w_1$")
        title = ax.set_title(METHOD_LABELS[method], color=color)
        artists[method] = (scatter, mean, title, truth)
    axes[0].set_ylabel(r"$\hat w_2$")
    return artists


@figure("02_coefficient_clouds")
def coefficient_clouds(draws=None, rho=CLOUD["rho"], lam=CLOUD["lam"], lim=CLOUD["lim"]):
    """OLS, ridge and lasso estimates of (w1, w2) over many data sets with correlation ρ between features.
    Black cross: the truth; white dot: the mean of the estimates."""
    draws = pair_draws() if draws is None else draws
    est = draws.all_estimates(rho, lam)
    fig, axes = new_figure(1, 3, figsize=(11.0, 4.0), sharex=True, sharey=True)
    draw_clouds(axes, est, draws.w_true, lim)
    spread = {m: resampling.coefficient_spread(e, draws.w_true) for m, e in est.items()}
    for ax, m in zip(axes, est):
        ax.text(0.03, 0.97, f"Var(ŵ₁) = {spread[m]['var'][0]:.3f}\nVar(ŵ₂) = {spread[m]['var'][1]:.3f}",
                transform=ax.transAxes, va="top", fontsize=10,
                bbox=dict(boxstyle="round", fc="white", ec="0.8", alpha=0.9))
    fig.suptitle(f"{draws.n_draws} data sets, n = {draws.n}, correlation ρ = {rho:g}, λ = {lam:g}")
    return fig


def condition_design(n=CONDITION["n"], rho=CONDITION["rho"], k=CONDITION["k"], seed=CONDITION["seed"]):
    """Centered designs for the condition-number figure: {"2 features": X2, "k features": Xk}."""
    from ..data.simulate import make_collinear_features, make_correlated_pair

    X2 = make_correlated_pair(n, rho, seed=seed)[0]
    Xk = make_collinear_features(n, k, rho, seed=seed)[0]
    return {"2 features": X2 - X2.mean(axis=0), f"{k} features": Xk - Xk.mean(axis=0)}


@figure("02_condition_number")
def condition_number_figure(designs=None, lams=CONDITION["lams"]):
    """κ(XᵀX + nλI) against λ: the formula (d_max² + nλ)/(d_min² + nλ) as lines, ``np.linalg.cond`` as dots."""
    designs = condition_design() if designs is None else designs
    fig, ax = new_figure(figsize=(7.5, 4.5))
    for (name, X), color in zip(designs.items(), (L2_COLOR, PALETTE["green"], PALETTE["purple"])):
        formula = conditioning.gram_condition_formula(X, lams)
        numeric = conditioning.gram_condition_numeric(X, lams[::4])
        ax.loglog(lams, formula, color=color, lw=2, label=rf"{name}: $(d_{{max}}^2+n\lambda)/(d_{{min}}^2+n\lambda)$")
        ax.loglog(lams[::4], numeric, "o", color=color, mfc="white", ms=6, label=f"{name}: np.linalg.cond")
    ax.axhline(1.0, color="0.4", lw=0.8, ls=":")
    ax.set_xlabel("λ (log scale)")
    ax.set_ylabel("condition number of $X^TX + n\\lambda I$")
    ax.set_title(f"Ridge conditions the system it solves (ρ = {CONDITION['rho']:g}, n = {CONDITION['n']})")
    ax.legend(fontsize=9)
    return fig


def grouping_design(n=GROUPING["n"], k=GROUPING["k"], rho=GROUPING["rho"], noise=GROUPING["noise"],
                    seed=GROUPING["seed"]):
    """(X, y, w_true) for the grouping effect: k equicorrelated features, all true weights 1."""
    from ..data.simulate import make_collinear_features

    return make_collinear_features(n, k, rho, noise=noise, seed=seed)


def grouping_result():
    """``grouping_preview.grouping_comparison`` on ``grouping_design()`` with λ_lasso = fraction·lam_max."""
    from ..studies.ch2_grouping_preview import grouping_comparison
    from ..solvers.lasso import lam_max

    X, y, _ = grouping_design()
    return grouping_comparison(X, y, GROUPING["lam_max_fraction"] * lam_max(X, y))


@figure("02_grouping_effect")
def grouping_figure(result=None):
    """Bars of lasso and ridge coefficients on k strongly correlated features (truth: all equal to 1), the
    ridge λ chosen so that both fits give the group the same total weight."""
    r = grouping_result() if result is None else result
    k = len(r["ridge"])
    x = np.arange(1, k + 1)
    fig, ax = new_figure(figsize=(7.5, 4.2))
    ax.bar(x - 0.2, r["ridge"], width=0.4, color=L2_COLOR,
           label=f"ridge (λ = {r['lam_ridge']:.3g}): total {np.sum(r['ridge']):.2f}")
    ax.bar(x + 0.2, r["lasso"], width=0.4, color=L1_COLOR,
           label=f"lasso (λ = {r['lam_lasso']:.3g}): total {np.sum(r['lasso']):.2f}")
    ax.axhline(1.0, color=TRUTH_COLOR, ls="--", lw=1, label="true weight (each 1)")
    ax.axhline(0.0, color="0.4", lw=0.8)
    ax.set_xticks(x)
    ax.set_xlabel("feature (every pair correlated ρ = {:g})".format(GROUPING["rho"]))
    ax.set_ylabel("estimated coefficient")
    ax.set_title("Same total weight: ridge spreads it, lasso concentrates it")
    ax.legend(fontsize=9)
    return fig


def bias_variance_design(n=BIAS_VARIANCE["n"], k=BIAS_VARIANCE["k"], rho=BIAS_VARIANCE["rho"],
                         w=BIAS_VARIANCE["w"], noise=BIAS_VARIANCE["noise"], seed=BIAS_VARIANCE["seed"]):
    """(X, w_true): the fixed design of the bias–variance experiment (k equicorrelated features)."""
    from ..data.simulate import make_collinear_features

    X, _, w_true = make_collinear_features(n, k, rho, w=w, noise=noise, seed=seed)
    return X, w_true


def bias_variance_result():
    """``resampling.ridge_bias_variance`` with the chapter's settings ``BIAS_VARIANCE``."""
    X, w_true = bias_variance_design()
    return resampling.ridge_bias_variance(X, w_true, sigma=BIAS_VARIANCE["sigma"], lams=BIAS_VARIANCE["lams"],
                                          n_draws=BIAS_VARIANCE["n_draws"], seed=BIAS_VARIANCE["mc_seed"])


@figure("02_bias_variance")
def bias_variance_figure(result=None):
    """Squared bias, variance and their sum E||ŵ(λ) − w||² against λ: simulation (dots) and exact (lines)."""
    r = bias_variance_result() if result is None else result
    fig, ax = new_figure(figsize=(8.0, 5.5))
    curves = (("bias2", "squared bias", PALETTE["orange"]), ("variance", "variance", L2_COLOR),
              ("mse", "sum = E||ŵ − w||²", TRUTH_COLOR))
    for key, label, color in curves:
        ax.semilogx(r.lams_exact, getattr(r, f"{key}_exact"), color=color, lw=2, label=f"{label} (exact)")
        ax.semilogx(r.lams, getattr(r, f"{key}_sim"), "o", color=color, mfc="white", ms=5,
                  label=f"{label} ({r.n_draws} simulations)")
    ax.axvline(r.lam_best_exact, color="0.3", ls="--", lw=1)
    # the label sits at the top of the dashed line, where no curve passes (the curves stay below 2·MSE_best)
    ax.text(r.lam_best_exact * 1.12, 1.08 * r.ols_mse_exact, f"best λ ≈ {r.lam_best_exact:.3g}", fontsize=11,
            ha="left", va="top", bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none"))
    ax.axhline(r.ols_mse_exact, color=OLS_COLOR, ls=":", lw=1.5, label="OLS (λ = 0)")
    ax.set_xlabel("λ (log scale)")
    ax.set_ylim(0.0, 1.12 * r.ols_mse_exact)
    ax.set_ylabel("squared error of the coefficients")
    ax.set_title("Bias–variance trade-off of ridge (fixed design, noise redrawn)")
    ax.legend(fontsize=10, ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.15))
    return fig
