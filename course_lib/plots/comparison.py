"""Chapter 5 figures: cross-validation curves, head-to-head comparisons, the diabetes fits, correlated
groups and the lasso's limits.  Each ``*_figure`` function takes the results computed in the notebook;
the ``@figure`` functions at the bottom recompute them with the notebook's seeds for ``make figures``.

Conventions as in the other chapters: λ axes logarithmic and inverted (large λ, simple models, on the
left), lasso in vermillion, ridge in blue, elastic net in green, the truth in black.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .registry import figure
from .style import ENET_COLOR, L1_COLOR, L2_COLOR, PALETTE, TRUTH_COLOR, new_figure

__all__ = ["MODEL_COLORS", "MODEL_LABELS", "cv_curves_figure", "head_to_head_figure", "diabetes_figure",
           "groups_figure", "selection_frequency_figure", "selection_cap_figure"]

MODEL_COLORS = {"lasso": L1_COLOR, "ridge": L2_COLOR, "elastic_net": ENET_COLOR}
MODEL_LABELS = {"lasso": "lasso", "ridge": "ridge", "elastic_net": "elastic net"}


def _label(model, l1_ratio=None):
    if model == "elastic_net" and l1_ratio is not None:
        return f"elastic net (r = {l1_ratio:g})"
    return MODEL_LABELS[model]


def cv_curves_figure(cvs, title=None):
    """One panel per model: mean K-fold CV error ± 1 SE against λ, with λ_min and λ_1se marked.

    ``cvs``: dict model name → ``CVResult``.  The number of non-zero coefficients of the full-data fit is
    written above λ_min and λ_1se.
    """
    fig, axes = new_figure(1, len(cvs), figsize=(5.0 * len(cvs), 4.2), sharey=True)
    axes = np.atleast_1d(axes)
    for ax, (model, cv) in zip(axes, cvs.items()):
        color = MODEL_COLORS[cv.model]
        ax.fill_between(cv.lams, cv.mean - cv.se, cv.mean + cv.se, color=color, alpha=0.2, lw=0,
                        label="± 1 standard error")
        ax.plot(cv.lams, cv.mean, color=color, lw=2, marker="o", ms=3, label="mean CV error")
        for idx, ls, name in ((cv.idx_min, "-", "λ_min"), (cv.idx_1se, "--", "λ_1se")):
            ax.axvline(cv.lams[idx], color="0.25", ls=ls, lw=1.2,
                       label=f"{name} ({cv.n_nonzero[idx]} non-zero)")
        ax.axhline(cv.mean[cv.idx_min] + cv.se[cv.idx_min], color="0.5", lw=0.8, ls=":")
        ax.set_xscale("log")
        ax.invert_xaxis()
        ax.set_xlabel("λ (log scale; smaller λ, more complex model →)")
        ax.set_title(_label(cv.model, cv.l1_ratio), color=color)
        # ridge's curve is high and flat and rises on the right: its legend goes below it
        ax.legend(loc="lower left" if cv.model == "ridge" else "upper right", fontsize=10)
    axes[0].set_ylabel(f"{cvs[next(iter(cvs))].fold_errors.shape[0]}-fold CV mean squared error")
    if title:
        fig.suptitle(title)
    return fig


def head_to_head_figure(sparse, dense):
    """Two panels, one per scenario (``HeadToHead`` results): the coefficients of each tuned model against
    the truth, features sorted by their true coefficient."""
    fig, axes = new_figure(1, 2, figsize=(12.0, 4.4))
    for ax, h in zip(axes, (sparse, dense)):
        order = np.argsort(h.w_true, kind="stable")
        x = np.arange(order.size)
        ax.plot(x, h.w_true[order], color=TRUTH_COLOR, lw=2, drawstyle="steps-mid", label="truth", zorder=4)
        for model, marker in (("ridge", "^"), ("lasso", "o"), ("elastic_net", ".")):
            if model not in h.scores:
                continue
            s = h.scores[model]
            ax.plot(x, s.coef[order], marker, color=MODEL_COLORS[model], ms=4 if model != "elastic_net" else 5,
                    alpha=0.85, label=f"{MODEL_LABELS[model]}: test MSE/σ² {s.relative_mse:.2f}, "
                                      f"{s.n_nonzero} non-zero")
        ax.axhline(0.0, color="0.4", lw=0.8)
        ax.set_xlabel("feature (sorted by true coefficient)")
        ax.set_title(f"{h.scenario.name}: n = {h.scenario.n}, p = {h.scenario.p}")
        ax.legend(loc="upper left", fontsize=10)
    axes[0].set_ylabel("coefficient")
    return fig


def diabetes_figure(cvs, names):
    """Horizontal grouped bars: each model's coefficients (standardized features) at λ_min and λ_1se."""
    fig, axes = new_figure(1, 2, figsize=(12.0, 4.8), sharey=True)
    y = np.arange(len(names))
    k = len(cvs)
    height = 0.8 / k
    for ax, which in zip(axes, ("min", "1se")):
        for i, (model, cv) in enumerate(cvs.items()):
            coef = cv.coef(which)
            ax.barh(y - 0.4 + (i + 0.5) * height, coef, height=height, color=MODEL_COLORS[cv.model],
                    label=f"{_label(cv.model, cv.l1_ratio)}: {np.count_nonzero(coef)} non-zero")
        ax.axvline(0.0, color="0.3", lw=0.8)
        ax.set_xlabel("coefficient (per standard deviation of the feature)")
        ax.set_title(f"at λ_{which} of each model's 10-fold CV")
        ax.legend(loc="best", fontsize=10, framealpha=0.95)
    axes[0].set_yticks(y, names)
    axes[0].invert_yaxis()
    axes[0].set_ylabel("feature")
    return fig


def groups_figure(data, reports):
    """Coefficients of each model on the grouped data (``GroupReport``s): groups shaded, truth as a line."""
    p = data.w_true.size
    fig, ax = new_figure(figsize=(12.0, 4.2))
    for g, idx in enumerate(data.groups):
        ax.axvspan(idx[0] - 0.5, idx[-1] + 0.5, color=PALETTE["yellow"] if g % 2 == 0 else PALETTE["sky"],
                   alpha=0.15, lw=0)
    x = np.arange(p)
    ax.step(x, data.w_true, where="mid", color=TRUTH_COLOR, lw=1.5, label="truth")
    width = 0.8 / len(reports)
    for i, rep in enumerate(reports):
        color = MODEL_COLORS.get(rep.model, PALETTE["grey"])
        ax.bar(x - 0.4 + (i + 0.5) * width, rep.coef, width=width, color=color,
               label=f"{MODEL_LABELS.get(rep.model, rep.model)}: kept {', '.join(map(str, rep.kept_per_group))} of {rep.group_size} per group")
    ax.axhline(0.0, color="0.3", lw=0.8)
    ax.set_xlim(-1, p)
    ax.set_xlabel("feature (shaded: groups of near-copies; the rest: pure noise)")
    ax.set_ylabel("coefficient")
    ax.legend(loc="upper right", fontsize=10)
    return fig


def selection_frequency_figure(boot, w_true=None, n_show=40):
    """Bars: share of bootstrap resamples in which each feature was selected (the ``n_show`` most frequent),
    true features in black outline when ``w_true`` is given."""
    order = np.argsort(-boot.frequency, kind="stable")[:n_show]
    fig, ax = new_figure(figsize=(12.0, 4.0))
    colors = [L1_COLOR if (w_true is not None and w_true[j] != 0) else PALETTE["grey"] for j in order]
    ax.bar(np.arange(order.size), boot.frequency[order], color=colors, edgecolor="black", lw=0.5)
    ax.set_xticks(np.arange(order.size), [str(j) for j in order], rotation=90, fontsize=10)
    ax.axhline(0.9, color="0.3", ls="--", lw=1)
    ax.axhline(0.1, color="0.3", ls=":", lw=1)
    always, sometimes, never = boot.counts()
    ax.set_title(f"Lasso at one fixed λ on {boot.n_resamples} bootstrap resamples: {always} features kept in "
                 f"≥ 90 %, {sometimes} in between 10 % and 90 %; {boot.distinct_supports} distinct supports")
    ax.set_xlabel("feature index (the most often selected first)" +
                  ("; vermillion = truly non-zero" if w_true is not None else ""))
    ax.set_ylabel("selection frequency")
    ax.set_ylim(0, 1.05)
    return fig


def selection_cap_figure(cap):
    """Non-zero coefficients along the lasso and elastic-net paths (p > n), with the cap n − 1."""
    fig, ax = new_figure(figsize=(7.5, 4.2))
    ax.plot(cap.lams_ratio, cap.lasso_counts, color=L1_COLOR, lw=2, marker="o", ms=3, label="lasso")
    ax.plot(cap.lams_ratio, cap.enet_counts, color=ENET_COLOR, lw=2, marker="s", ms=3,
            label=f"elastic net (r = {cap.l1_ratio:g})")
    ax.axhline(cap.rank, color="0.2", ls="--", lw=1.2, label=f"rank of centered X = n − 1 = {cap.rank}")
    ax.set_xscale("log")
    ax.invert_xaxis()
    ax.set_xlabel("λ / lam_max (log scale, decreasing →)")
    ax.set_ylabel("number of non-zero coefficients")
    ax.set_title(f"n = {cap.n} samples, p = {cap.p} features")
    ax.legend(loc="lower right")
    return fig


# --- the registered figures (``make figures``), recomputed exactly as in the notebook ----------------------

@lru_cache(maxsize=1)
def _sparse_setup():
    """The notebook's §1–2 objects: scenario data (seed 1), 5 folds (seed 0), CV of the three models."""
    from ..core.model_selection import cross_validate
    from ..studies.ch5_scenarios import SPARSE_HIGH_DIM, scenario_data
    from ..data.simulate import kfold_indices

    X, y, X_test, y_test, w, sigma = scenario_data(SPARSE_HIGH_DIM, seed=1)
    folds = kfold_indices(X.shape[0], 5, seed=0)
    cvs = {m: cross_validate(X, y, m, folds=folds, n_lams=30, eps=0.02,
                             l1_ratio=0.5 if m == "elastic_net" else None)
           for m in ("lasso", "ridge", "elastic_net")}
    return X, y, X_test, y_test, w, sigma, cvs


@figure("05_cv_curves")
def _cv_curves():
    cvs = _sparse_setup()[-1]
    return cv_curves_figure({m: cvs[m] for m in ("lasso", "ridge")})


@figure("05_head_to_head")
def _head_to_head():
    from ..studies.ch5_scenarios import DENSE_LOW_DIM, SPARSE_HIGH_DIM, head_to_head, score_cv_results

    X, y, X_test, y_test, w, sigma, cvs = _sparse_setup()
    sparse = score_cv_results(SPARSE_HIGH_DIM, cvs, X_test, y_test, w, sigma)
    return head_to_head_figure(sparse, head_to_head(DENSE_LOW_DIM, seed=1))


@figure("05_diabetes")
def _diabetes():
    from ..core.model_selection import cross_validate
    from ..data.loaders import load_diabetes
    from ..data.simulate import kfold_indices

    X, y, names = load_diabetes(standardized=True)
    folds = kfold_indices(X.shape[0], 10, seed=0)
    cvs = {m: cross_validate(X, y, m, folds=folds, eps=1e-4, l1_ratio=0.5 if m == "elastic_net" else None)
           for m in ("lasso", "ridge", "elastic_net")}
    return diabetes_figure(cvs, names)


@figure("05_correlated_groups")
def _groups():
    from ..studies.ch5_correlated_groups import group_report, make_grouped_regression
    from ..core.model_selection import cross_validate
    from ..data.simulate import kfold_indices

    data = make_grouped_regression(n=100, seed=0)
    folds = kfold_indices(data.X.shape[0], 5, seed=0)
    reports = [group_report(m, cross_validate(data.X, data.y, m, folds=folds,
                                              l1_ratio=0.5 if m == "elastic_net" else None).coef("min"), data)
               for m in ("lasso", "elastic_net", "ridge")]
    return groups_figure(data, reports)


@figure("05_selection_cap")
def _selection_cap():
    from ..studies.ch5_lasso_limits import selection_cap
    from ..data.simulate import make_regression

    X, y, _ = make_regression(30, 200, n_informative=20, rho=0.2, snr=5.0, seed=3)
    return selection_cap_figure(selection_cap(X, y, l1_ratio=0.5))


@figure("05_selection_frequency")
def _selection_frequency():
    from ..studies.ch5_lasso_limits import bootstrap_selection

    X, y, _, _, w, _, cvs = _sparse_setup()
    return selection_frequency_figure(bootstrap_selection(X, y, cvs["lasso"].lam_1se, n_resamples=100, seed=2), w)
