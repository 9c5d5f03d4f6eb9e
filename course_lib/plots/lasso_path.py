"""Coefficient paths (lasso beside ridge) and feature-selection scores along the lasso path.

Axes read left to right from "all coefficients zero / heavily shrunk" to "no penalty": λ axes are
logarithmic and inverted (large λ on the left), and the lasso is also drawn against the shrinkage ratio
``s = ||w(λ)||₁ / ||w_OLS||₁`` in [0, 1], the x-axis of the LARS paper (Efron et al. 2004, Fig. 1).
"""
from __future__ import annotations

import numpy as np

from .registry import figure
from .style import CYCLE, L1_COLOR, L2_COLOR, PALETTE, new_figure

__all__ = ["feature_style", "plot_coef_path", "lasso_ridge_paths_figure", "selection_path_figure",
           "diabetes_paths", "selection_paths"]


def feature_style(j):
    """Colour and line style of feature j: 8 colour-blind-safe colours, then the same dashed."""
    return CYCLE[j % len(CYCLE)], "-" if j < len(CYCLE) else "--"


def plot_coef_path(ax, x, coefs, names=None, *, log_x=False, invert_x=False, lw=2.0):
    """One line per feature: ``coefs[:, j]`` against ``x``; returns the lines."""
    coefs = np.asarray(coefs, dtype=float)
    lines = []
    for j in range(coefs.shape[1]):
        color, ls = feature_style(j)
        (line,) = ax.plot(x, coefs[:, j], color=color, ls=ls, lw=lw,
                          label=None if names is None else names[j])
        lines.append(line)
    ax.axhline(0.0, color="0.4", lw=0.8, zorder=0)
    if log_x:
        ax.set_xscale("log")
    if invert_x:
        ax.invert_xaxis()
    return lines


def diabetes_paths(n_lams=200):
    """Lasso and ridge paths on the standardized diabetes data; returns a dict used by the figure.

    Keys: ``X, y, names, lasso`` (Path), ``ridge`` (Path), ``ols`` (coefficients), ``ratio``
    (``||w(λ)||₁/||w_OLS||₁`` along the lasso path).
    """
    from .. import lasso_path, load_diabetes, ridge, ridge_path

    X, y, names = load_diabetes(standardized=True)
    lpath = lasso_path(X, y, n_lams=n_lams, eps=1e-4, tol=1e-12)
    rpath = ridge_path(X, y, np.logspace(4, -3, n_lams))
    ols = ridge(X, y, 0.0).coef
    ratio = np.abs(lpath.coefs).sum(axis=1) / np.abs(ols).sum()
    return {"X": X, "y": y, "names": names, "lasso": lpath, "ridge": rpath, "ols": ols, "ratio": ratio}


def lasso_ridge_paths_figure(paths=None):
    """Three panels: the lasso path against λ and against ``||w||₁/||w_OLS||₁``, and the ridge path against λ."""
    if paths is None:
        paths = diabetes_paths()
    names, lpath, rpath, ols = paths["names"], paths["lasso"], paths["ridge"], paths["ols"]
    fig, axes = new_figure(1, 3, figsize=(15.0, 5.0), sharey=True)
    plot_coef_path(axes[0], lpath.lams, lpath.coefs, names, log_x=True, invert_x=True)
    axes[0].set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    axes[0].set_ylabel("coefficient (per standard deviation of the feature)")
    axes[0].set_title("Lasso path against λ", color=L1_COLOR)
    plot_coef_path(axes[1], paths["ratio"], lpath.coefs, names)
    axes[1].scatter(np.ones(ols.size), ols, color="black", s=18, zorder=5, label="OLS")
    axes[1].set_xlabel(r"$\|w(\lambda)\|_1 \,/\, \|w_{\mathrm{OLS}}\|_1$")
    axes[1].set_title("Lasso path against the shrinkage ratio", color=L1_COLOR)
    axes[1].set_xlim(0.0, 1.02)
    plot_coef_path(axes[2], rpath.lams, rpath.coefs, names, log_x=True, invert_x=True)
    axes[2].set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    axes[2].set_title("Ridge path against λ: nothing is ever exactly 0", color=L2_COLOR)
    axes[2].legend(loc="center left", bbox_to_anchor=(1.01, 0.5), title="feature")
    return fig


def selection_paths(problem=None, n_lams=100):
    """The lasso path on the known-support problem, with precision, recall and held-out error per λ."""
    from .. import lasso_path
    from ..core.metrics import selection_scores_along_path
    from ..studies.ch3_selection import known_support_problem

    X, y, Xt, yt, w_true = problem if problem is not None else known_support_problem()
    path = lasso_path(X, y, n_lams=n_lams, eps=1e-3, tol=1e-10)
    scores = selection_scores_along_path(path.coefs, w_true)
    test_mse = np.mean((path.predict(Xt) - yt[:, None]) ** 2, axis=0)
    return {"path": path, "w_true": w_true, "test_mse": test_mse, **scores}


def selection_path_figure(sel=None):
    """Two panels along the lasso path: precision and recall of the selected set; held-out error."""
    if sel is None:
        sel = selection_paths()
    lams = sel["path"].lams
    best = int(np.argmin(sel["test_mse"]))
    n_true = int(np.count_nonzero(sel["w_true"]))
    fig, axes = new_figure(1, 2, figsize=(12.0, 4.6))
    ax = axes[0]
    ax.plot(lams, sel["precision"], color=L1_COLOR, lw=2.5, label="precision (selected that are real)")
    ax.plot(lams, sel["recall"], color=PALETTE["blue"], lw=2.5, ls="--", label="recall (real that are selected)")
    ax.set_xscale("log")
    ax.invert_xaxis()
    ax.set_ylim(-0.03, 1.05)
    ax.set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    ax.set_ylabel("fraction")
    ax.axvline(lams[best], color="0.3", ls=":", lw=1.5, label="λ with the lowest held-out error")
    ax.set_title(f"Selected set against the true support ({n_true} real features)")
    ax.legend(loc="center right", fontsize=9)
    ax = axes[1]
    ax.plot(lams, sel["test_mse"], color="black", lw=2.5, label="held-out MSE")
    ax.set_xscale("log")
    ax.invert_xaxis()
    ax.set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    ax.set_ylabel("held-out mean squared error")
    ax.axvline(lams[best], color="0.3", ls=":", lw=1.5)
    right = ax.twinx()
    right.step(lams, sel["n_selected"], where="mid", color=L1_COLOR, lw=1.8, label="features selected")
    right.axhline(n_true, color=L1_COLOR, ls=":", lw=1)
    right.set_ylabel("number of non-zero coefficients", color=L1_COLOR)
    right.grid(False)
    ax.set_title("Held-out error and model size")
    return fig


@figure("03_lasso_ridge_paths")
def _lasso_ridge_paths():
    return lasso_ridge_paths_figure()


@figure("03_selection_path")
def _selection_path():
    return selection_path_figure()
