"""Coefficient paths (lasso beside ridge) and feature-selection scores along the lasso path.

Axes read left to right from "all coefficients zero / heavily shrunk" to "no penalty": λ axes are
logarithmic and inverted (large λ on the left), and the lasso is also drawn against the shrinkage ratio
``s = ||w(λ)||₁ / ||w_OLS||₁`` in [0, 1], the x-axis of the LARS paper (Efron et al. 2004, Fig. 1).
"""
from __future__ import annotations

import numpy as np

from .registry import figure
from .style import L1_COLOR, L2_COLOR, PALETTE, new_figure

__all__ = ["FEATURE_STYLES", "feature_style", "plot_coef_path", "spread_label_positions", "label_line_ends",
           "lasso_ridge_paths_figure", "selection_path_figure",
           "diabetes_paths", "selection_paths"]


# Ten features, ten distinct (colour, line style) pairs: seven Okabe–Ito hues solid (yellow is too pale on
# white), then three of them dashed.  Figures label the curves directly as well, so the colour never has to
# carry the identification alone.
_HUES = ("blue", "orange", "green", "vermillion", "purple", "sky", "black")
FEATURE_STYLES = [(PALETTE[h], "-") for h in _HUES] + [(PALETTE[h], "--") for h in ("orange", "sky", "purple")]
LABEL_FONTSIZE = 10  # points; at the figure's 100 dpi that is ~14 px, legible at 100 % zoom


def feature_style(j):
    """Colour and line style of feature j: distinct for the first ten features, then repeating."""
    return FEATURE_STYLES[j % len(FEATURE_STYLES)]


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


def spread_label_positions(values, min_gap) -> np.ndarray:
    """Label heights close to ``values`` but at least ``min_gap`` apart (same order as ``values``).

    Sort, push each label up to keep the gap, then shift the block down so it stays centred on the data."""
    values = np.asarray(values, dtype=float)
    order = np.argsort(values)
    placed = values[order].copy()
    for i in range(1, placed.size):
        placed[i] = max(placed[i], placed[i - 1] + min_gap)
    placed -= 0.5 * (placed.max() - values.max()) if placed.size else 0.0
    for i in range(1, placed.size):  # the shift may have undone nothing below: re-impose the gap
        placed[i] = max(placed[i], placed[i - 1] + min_gap)
    out = np.empty_like(placed)
    out[order] = placed
    return out


def label_line_ends(ax, lines, names, *, min_gap_fraction=0.06):
    """Write each feature's name just right of the axes, level with its line's last point (direct labels).

    Labels are spread vertically so none overlap; a thin leader in the line's colour joins label and line end.
    Call after the y-limits are set."""
    ends = [(line.get_xdata()[-1], line.get_ydata()[-1]) for line in lines]
    lo, hi = ax.get_ylim()
    heights = spread_label_positions([e[1] for e in ends], min_gap_fraction * abs(hi - lo))
    return [ax.annotate(name, xy=(x_end, y_end), xycoords="data", xytext=(1.03, y_text),
                        textcoords=("axes fraction", "data"), fontsize=LABEL_FONTSIZE, color=line.get_color(),
                        va="center", ha="left", annotation_clip=False,
                        arrowprops=dict(arrowstyle="-", color=line.get_color(), lw=0.6, shrinkA=1, shrinkB=0))
            for line, name, (x_end, y_end), y_text in zip(lines, names, ends, heights)]


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
    """Three panels: the lasso path against λ and against ``||w||₁/||w_OLS||₁``, and the ridge path against λ.

    Sized for the notebook's ~960 px column at 100 dpi, so text is drawn at its nominal size (10–11 pt) and
    not scaled down; every curve carries its feature's name at its right-hand end."""
    if paths is None:
        paths = diabetes_paths()
    names, lpath, rpath, ols = paths["names"], paths["lasso"], paths["ridge"], paths["ols"]
    fig, axes = new_figure(1, 3, figsize=(9.6, 4.6), sharey=True)
    top = 1.06 * max(lpath.coefs.max(), rpath.coefs.max(), ols.max())
    bottom = 1.06 * min(lpath.coefs.min(), rpath.coefs.min(), ols.min())
    for ax, x, coefs, log in ((axes[0], lpath.lams, lpath.coefs, True), (axes[1], paths["ratio"], lpath.coefs, False),
                              (axes[2], rpath.lams, rpath.coefs, True)):
        lines = plot_coef_path(ax, x, coefs, names, log_x=log, invert_x=log, lw=1.8)
        ax.set_ylim(bottom, top)
        label_line_ends(ax, lines, names)
    axes[0].set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    axes[0].set_ylabel("coefficient (per standard deviation)")
    axes[0].set_title("Lasso against λ", color=L1_COLOR)
    axes[1].scatter(np.ones(ols.size), ols, color="black", s=14, zorder=5, label="OLS")
    axes[1].set_xlabel(r"$\|w(\lambda)\|_1 \,/\, \|w_{\mathrm{OLS}}\|_1$")
    axes[1].set_title("Lasso against the ratio s", color=L1_COLOR)
    axes[1].set_xlim(0.0, 1.0)
    axes[2].set_xlabel(r"$\lambda$ (log scale, decreasing $\rightarrow$)")
    axes[2].set_title("Ridge against λ", color=L2_COLOR)
    for ax in axes:
        ax.tick_params(labelsize=LABEL_FONTSIZE)
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
    fig, axes = new_figure(1, 2, figsize=(9.6, 4.2))
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
    ax.legend(loc="center right", fontsize=10)
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
