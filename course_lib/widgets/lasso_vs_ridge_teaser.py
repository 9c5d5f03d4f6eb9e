"""The start-here demo: one λ slider, ridge and lasso fitted side by side on the same small problem.

It previews the course's whole story in one picture: as λ grows, ridge shrinks every coefficient but
keeps them all non-zero, while lasso sets some exactly to zero.
"""
from __future__ import annotations

import numpy as np

from ..plots.style import L1_COLOR, L2_COLOR, TRUTH_COLOR
from .demo import Demo, log_slider, register_demo

TRUE_COEF = np.array([3.0, -2.0, 1.5, 0.0, 0.0, 0.0, 0.0, 0.0])


def teaser_problem(n=60, noise=1.0, seed=0):
    """A small regression with 3 informative features out of 8 (independent standard normal columns)."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, TRUE_COEF.size))
    y = X @ TRUE_COEF + noise * rng.standard_normal(n)
    return X, y


@register_demo("00_lasso_vs_ridge")
class LassoVsRidgeTeaser(Demo):
    title = "Ridge (L2) and lasso (L1) on the same data: move λ"

    def __init__(self, seed=0):
        from ..solvers.lasso import lasso
        from ..solvers.ridge import ridge

        self._lasso, self._ridge = lasso, ridge
        self.X, self.y = teaser_problem(seed=seed)
        self._warm = None
        super().__init__()

    def controls(self):
        return {"lam": log_slider("λ", 0.1, -3, 1)}

    def setup(self, fig):
        ax = self.axes
        p = TRUE_COEF.size
        idx = np.arange(p)
        self.ridge_bars = ax.bar(idx - 0.2, np.zeros(p), width=0.4, color=L2_COLOR, label="ridge (L2)")
        self.lasso_bars = ax.bar(idx + 0.2, np.zeros(p), width=0.4, color=L1_COLOR, label="lasso (L1)")
        truth = ax.scatter(idx, TRUE_COEF, marker="_", s=400, color=TRUTH_COLOR, zorder=3, label="true weight")
        self.zero_marks = ax.scatter(idx, np.zeros(p), marker="x", s=60, color=L1_COLOR, zorder=4,
                                     label="lasso: exactly 0")
        zero_line = ax.axhline(0.0, color="0.3", lw=0.8)
        ax.set_xticks(idx, [f"$w_{j + 1}$" for j in idx])
        ax.set_ylim(-3, 3.6)
        ax.set_ylabel("coefficient")
        legend = ax.legend(loc="upper right", ncols=2, fontsize=10)
        self.lam_title = ax.set_title("λ = 0.1", fontsize=12)  # the still frame (static site, slides) shows its λ
        # blit: axes, ticks and labels are painted once; only what lies over the bars is redrawn per frame
        self.animate(*self.ridge_bars, *self.lasso_bars, zero_line, truth, self.zero_marks, legend, self.lam_title)

    def draw(self, lam):
        ridge_fit = self._ridge(self.X, self.y, lam)
        lasso_fit = self._lasso(self.X, self.y, lam, coef_init=self._warm)
        self._warm = lasso_fit.coef
        for bar, h in zip(self.ridge_bars, ridge_fit.coef):
            bar.set_height(h)
        for bar, h in zip(self.lasso_bars, lasso_fit.coef):
            bar.set_height(h)
        zeros = lasso_fit.coef == 0.0
        self.lam_title.set_text(f"λ = {lam:.3g}: lasso {int(zeros.sum())} exact zeros, ridge "
                                f"{int(np.sum(ridge_fit.coef == 0.0))}")
        idx = np.arange(TRUE_COEF.size)
        self.zero_marks.set_offsets(np.column_stack([idx[zeros] + 0.2, np.zeros(zeros.sum())]))
        return (f"λ = {lam:.3g}: lasso has <b>{int(zeros.sum())}</b> of {zeros.size} coefficients exactly zero; "
                f"ridge has <b>{int(np.sum(ridge_fit.coef == 0.0))}</b>.")
