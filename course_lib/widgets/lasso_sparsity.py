"""Demo ``03_lasso_sparsity``: a log-λ slider, the lasso coefficients as bars, and the held-out error.

Data: ``studies.ch3_selection.known_support_problem()`` — 100 training rows, 40 features of which 5 are real, and
1000 held-out rows.  Each slider move solves the lasso at the new λ by coordinate descent, warm-started
from the previous solution (consecutive λ have close solutions, so a few epochs suffice), then updates
the bar heights and the marker on the held-out error curve.  The curve itself is computed once, from a
warm-started path, when the demo is built.
"""
from __future__ import annotations

import numpy as np

from ..plots.style import L1_COLOR, OLS_COLOR, TRUTH_COLOR, new_figure
from .demo import Demo, log_slider, register_demo

TOL = 1e-10


@register_demo("03_lasso_sparsity")
class LassoSparsityDemo(Demo):
    """How many coefficients survive at each λ, which ones, and what it does to held-out error."""

    title = "Lasso: move λ and watch coefficients reach exactly zero"
    figsize = (8.0, 3.6)

    def __init__(self, problem=None):
        from .. import lam_max, lasso_path
        from ..studies.ch3_selection import known_support_problem

        self.X, self.y, self.X_test, self.y_test, self.w_true = (
            problem if problem is not None else known_support_problem())
        self.lam_max = float(lam_max(self.X, self.y))
        self.curve = lasso_path(self.X, self.y, n_lams=80, eps=1e-3, tol=TOL)
        self.curve_mse = np.mean((self.curve.predict(self.X_test) - self.y_test[:, None]) ** 2, axis=0)
        self._coef = np.zeros(self.X.shape[1])
        super().__init__()

    def controls(self):
        hi = np.log10(self.lam_max)
        return {"lam": log_slider("λ", 10 ** (hi - 1.0), hi - 3.0, hi + 0.2, step=0.02)}

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize, width_ratios=[1.5, 1.0])

    def setup(self, fig):
        ax, err = self.axes
        p = self.X.shape[1]
        idx = np.arange(p)
        real = self.w_true != 0
        self.bars = ax.bar(idx, np.zeros(p), color=np.where(real, L1_COLOR, OLS_COLOR), width=0.8)
        self.truth_marks = ax.scatter(idx[real], self.w_true[real], marker="_", s=120, linewidths=2.5,
                                      color=TRUTH_COLOR, zorder=5, label="true coefficient")
        self.zero_line = ax.axhline(0.0, color="0.4", lw=0.8)
        lim = 1.25 * max(np.abs(self.curve.coefs).max(), np.abs(self.w_true).max())
        ax.set_ylim(-lim, lim)
        ax.set_xlim(-0.8, p - 0.2)
        ax.set_xlabel("feature index")
        ax.set_ylabel("coefficient")
        ax.legend(loc="lower right", fontsize=8)
        self.bar_title = ax.set_title("40 non-zero of 40  (real: vermillion, noise: grey)", y=1.0)
        err.plot(self.curve.lams, self.curve_mse, color="black", lw=2)
        err.set_xscale("log")
        err.invert_xaxis()
        err.set_xlabel("λ (log scale)")
        err.set_ylabel("held-out MSE")
        self.vline = err.axvline(self.lam_max, color=L1_COLOR, lw=1.5)
        (self.marker,) = err.plot([self.lam_max], [self.curve_mse[0]], "o", color=L1_COLOR, mec="black", ms=8)
        lo, hi = self.curve_mse.min(), self.curve_mse.max()
        err.set_ylim(lo - 0.05 * (hi - lo), hi + 0.1 * (hi - lo))
        self.err_title = err.set_title("held-out MSE 0.000", y=1.0)
        # Drawn every frame (Demo.animate): what moves, and what must stay on top of the bars (truth marks,
        # zero line); axes, ticks, labels, legend and the error curve are painted once.
        self.animate(*self.bars, self.truth_marks, self.zero_line, self.vline, self.marker, self.bar_title,
                     self.err_title)

    def fit(self, lam):
        """Warm-started lasso fit at ``lam`` (the previous solution is the starting point)."""
        from .. import lasso

        fit = lasso(self.X, self.y, lam, tol=TOL, coef_init=self._coef)
        self._coef = fit.coef.copy()
        return fit

    def draw(self, lam):
        fit = self.fit(lam)
        w = fit.coef
        for bar, h in zip(self.bars, w):
            bar.set_height(h)
        nnz = int(np.count_nonzero(w))
        found = int(np.count_nonzero(w[self.w_true != 0]))
        kept_noise = nnz - found
        mse = float(np.mean((fit.predict(self.X_test) - self.y_test) ** 2))
        self.vline.set_xdata([lam, lam])
        self.marker.set_data([lam], [mse])
        self.bar_title.set_text(f"{nnz} non-zero of {w.size}  (real: vermillion, noise: grey)")
        self.err_title.set_text(f"held-out MSE {mse:.3f}")
        n_true = int(np.count_nonzero(self.w_true))
        return (f"λ = {lam:.4g} = {lam / self.lam_max:.3g}·λmax: <b>{nnz}</b> non-zero coefficients; "
                f"{found} of the {n_true} real features found, {kept_noise} noise features kept; "
                f"held-out MSE {mse:.3f}")

    def benchmark_updates(self):
        return [{"lam": self.lam_max * f} for f in (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 1.2, 0.15)]
