"""Chapter 6 figures: cross-validation on Khan, stability of the lasso's genes, SGD's zeros."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .registry import figure
from .style import ENET_COLOR, L1_COLOR, L2_COLOR, PALETTE, new_figure

METHOD_COLORS = {"subgradient": PALETTE["orange"], "truncated": PALETTE["blue"], "cumulative": PALETTE["green"]}
MODEL_COLORS = {"lasso": L1_COLOR, "elastic net": ENET_COLOR, "ridge": L2_COLOR}
CLASS_NAMES = ("BL", "EWS", "NB", "RMS")


def khan_cv_figure(study):
    """Held-out deviance against λ/λ_max for each model (one panel) and tumour type (one line).

    With a longer grid (``study.extended``) the curves run over all of it, a dotted line marks where the
    standard grid ends, filled dots the λ_1se chosen on the standard grid and open dots the one chosen on
    the longer grid.  Ridge's λ is in units of the lasso's λ_max."""
    fig, axes = new_figure(1, len(study.models), figsize=(12.0, 3.8))
    for ax, (name, model) in zip(np.atleast_1d(axes), study.models.items()):
        longer = study.extended.get(name)
        for k, cs in enumerate(model.cvs):
            cv = longer.cvs[k] if longer is not None else cs
            unit = cv.lams[0] / (10.0 if model.l1_ratio == 0 else 1.0)
            color = PALETTE[("blue", "orange", "green", "purple")[k]]
            ax.errorbar(cv.lams / unit, cv.mean, yerr=cv.se, color=color, lw=1.4, capsize=0, elinewidth=0.6,
                        label=CLASS_NAMES[k])
            ax.plot(cs.lam_1se / unit, cs.mean[cs.idx_1se], "o", color=color, mec="k", ms=6)
            if longer is not None:
                ax.plot(cv.lam_1se / unit, cv.mean[cv.idx_1se], "o", mfc="white", mec=color, mew=1.6, ms=6)
        if longer is not None:
            ax.axvline(model.cvs[0].lams[-1] / (model.cvs[0].lams[0] / (10.0 if model.l1_ratio == 0 else 1.0)),
                       color="0.4", ls=":", lw=1)
        ax.set_xscale("log")
        ax.set_yscale("log", nonpositive="clip")
        ax.invert_xaxis()
        ax.set_xlabel("λ / λ_max (log scale, decreasing →)" if model.l1_ratio > 0 else
                      "λ / lasso's λ_max (log scale, decreasing →)")
        ax.set_title(f"{model.name} (r = {model.l1_ratio:g})", color=MODEL_COLORS.get(model.name, "k"))
    axes[0].set_ylabel("held-out binomial deviance (5-fold, log scale)")
    axes[0].legend(fontsize=8, title="class vs rest", title_fontsize=8, loc="lower left")
    if study.extended:
        axes[-1].text(0.03, 0.03, "dotted: end of the standard grid\n● λ_1se, standard grid\n○ λ_1se, longer grid",
                      transform=axes[-1].transAxes, va="bottom", fontsize=8)
    return fig


def stability_figure(stab, lasso):
    """Share of 50 bootstrap refits selecting each gene, genes sorted by it, one line per tumour type."""
    fig, ax = new_figure(figsize=(8.0, 3.8))
    for k in range(stab.freq.shape[0]):
        f = np.sort(stab.freq[k][stab.freq[k] > 0])[::-1]
        color = PALETTE[("blue", "orange", "green", "purple")[k]]
        ax.plot(np.arange(1, f.size + 1), f, "-o", ms=3, color=color,
                label=f"{CLASS_NAMES[k]}: {len(stab.full_support[k])} genes on all rows, {f.size} ever")
    ax.axhline(0.8, color="0.4", ls=":", lw=1)
    ax.set_xscale("log")
    ax.set_xlabel("gene rank (by selection frequency, log scale)")
    ax.set_ylabel(f"share of {stab.n_resamples} bootstrap refits")
    ax.set_title("How stable are the lasso's genes? (same λ, resampled rows)")
    ax.legend(fontsize=8)
    return fig


def sgd_zeros_figure(comparison):
    """Left: exact zeros after each epoch, per method, and the full-batch count. Right: F − F* per epoch."""
    fig, (ax_z, ax_f) = new_figure(1, 2, figsize=(12.0, 4.0))
    full_zeros = int(np.sum(comparison.full.coef == 0))
    for m, r in comparison.runs.items():
        epochs = np.arange(r.coefs.shape[0])
        ax_z.plot(epochs, r.n_zero, color=METHOD_COLORS[m], lw=2, label=m)
        ax_f.semilogy(epochs[1:], np.maximum(r.objective[1:] - comparison.full.objective, 1e-16),
                      color=METHOD_COLORS[m], lw=2, label=m)
    ax_z.axhline(full_zeros, color="k", ls="--", lw=1.2, label=f"full batch ({full_zeros})")
    ax_z.set_xlabel("epoch")
    ax_z.set_ylabel(f"exact zeros (of {comparison.full.coef.size} weights)")
    ax_z.set_title("Which SGD gives exact zeros?")
    ax_z.legend(fontsize=8, loc="center right")
    ax_f.set_xlabel("epoch")
    ax_f.set_ylabel("F(w) − F*  (log scale)")
    ax_f.set_title("Objective reached")
    ax_f.legend(fontsize=8)
    return fig


@lru_cache(maxsize=1)
def _khan_default():
    from ..data.loaders import load_khan
    from ..studies.ch6_khan import bootstrap_stability, khan_study

    X, y, Xt, yt = load_khan()
    study = khan_study(X, y, Xt, yt)
    return X, y, study, bootstrap_stability(X, y, study.models["lasso"], 50, seed=1, X_test=Xt, y_test=yt)


@figure("06_khan_cv")
def _khan_cv():
    return khan_cv_figure(_khan_default()[2])


@figure("06_khan_stability")
def _khan_stability():
    X, y, study, stab = _khan_default()
    return stability_figure(stab, study.models["lasso"])


@figure("06_sgd_zeros")
def _sgd_zeros():
    from ..data.loaders import load_khan
    from ..solvers.logistic import logistic_lam_max
    from ..studies.ch6_sgd import compare_sgd

    X, y, _, _ = load_khan()
    yb = (y == 2).astype(float)
    return sgd_zeros_figure(compare_sgd(X, yb, 0.1 * logistic_lam_max(X, yb), n_epochs=50, step0=0.5, seed=0))
