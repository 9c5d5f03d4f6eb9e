"""Chapter 1 demo: overfitting and its cure — a λ slider (log scale) on a high-degree polynomial ridge fit.

Three panels: the fitted curve over the training and test points and the truth; the coefficients |w_j| of
the standardized powers on a log axis (blue positive, orange negative), so shrinkage over many decades is
visible; and the training and test MSE against λ with a marker at the chosen λ.  Each update calls
``cl.ridge`` at exactly the slider's λ (a 15×12 closed form, well under a millisecond); the error curves
come from one ``cl.ridge_path`` per degree, cached.
"""
from __future__ import annotations

import numpy as np

from ..plots.style import L2_COLOR, PALETTE, TRUTH_COLOR, new_figure
from ..studies.ch1_polynomial_overfitting import polynomial_problem
from .demo import Demo, log_slider, register_demo, slider
from .._internal.validation import check_scalar

MAX_DEGREE = 14
LAMS = np.logspace(2, -10, 121)
COEF_FLOOR = 1e-4  # bars start here on the log axis; |w_j| below it shows as no bar
COEF_CEIL = 1e5


@register_demo("01_ridge_polynomial")
class RidgePolynomialDemo(Demo):
    title = "Ridge on a degree-d polynomial: move λ (log scale) and watch fit, coefficients and errors"
    figsize = (8.0, 3.6)

    def __init__(self, lam=1e-3, degree=12, seed=1):
        self._lam0 = check_scalar(lam, "lam", low=0.0, low_inclusive=False)  # a log slider
        self._degree0 = check_scalar(degree, "degree", low=1, high=MAX_DEGREE, integer=True)
        self._seed = seed
        self._problems = {}
        self._curves = {}
        super().__init__()

    # --- data, cached per degree (same points for every degree: same seed) -----------------------
    def problem(self, degree):
        if degree not in self._problems:
            pb = polynomial_problem(degree, seed=self._seed)
            self._problems[degree] = pb
            self._curves[degree] = pb.error_curves(LAMS)
        return self._problems[degree]

    def controls(self):
        return {
            "lam": log_slider("λ", self._lam0, -10, 2, step=0.1, readout_format=".2g"),
            "degree": slider("degree", self._degree0, 1, MAX_DEGREE, 1),
        }

    def new_figure(self):
        return new_figure(1, 3, figsize=self.figsize)

    def setup(self, fig):
        ax_fit, ax_coef, ax_err = self.axes
        pb = self.problem(self._degree0)
        self._grid = np.linspace(-1.0, 1.0, 300)
        ax_fit.plot(pb.x_test, pb.y_test, ".", color="0.75", ms=3)
        ax_fit.plot(self._grid, pb.truth(self._grid), "--", color=TRUTH_COLOR, lw=1.2)
        (self.fit_line,) = ax_fit.plot(self._grid, np.zeros_like(self._grid), color=L2_COLOR, lw=2.2)
        ax_fit.plot(pb.x_train, pb.y_train, "o", color=PALETTE["black"], ms=4, zorder=5)
        ax_fit.set_xlim(-1.0, 1.0)
        ax_fit.set_ylim(-2.0, 2.0)
        ax_fit.set_xticks([-1.0, 0.0, 1.0])
        ax_fit.set_yticks([-2.0, 0.0, 2.0])
        ax_fit.set_xlabel("x")
        ax_fit.set_ylabel("y")
        ax_fit.set_title("fit; truth dashed", fontsize=10)

        idx = np.arange(1, MAX_DEGREE + 1)
        self.bars = ax_coef.bar(idx, np.full(MAX_DEGREE, COEF_FLOOR), bottom=COEF_FLOOR, color=L2_COLOR, width=0.8)
        ax_coef.set_yscale("log")
        ax_coef.set_ylim(COEF_FLOOR, COEF_CEIL)
        ax_coef.set_xlim(0.3, MAX_DEGREE + 0.7)
        ax_coef.set_xticks([1, 7, MAX_DEGREE])  # few tick labels: each drawn text costs ~0.5 ms a frame
        ax_coef.set_yticks([1e-4, 1e0, 1e4])
        ax_coef.set_xlabel("power j of x")
        ax_coef.set_ylabel("size of coefficient")
        ax_coef.set_title("|w_j|; orange if w_j < 0", fontsize=10)

        lams, train, test = self._curves[self._degree0]
        (self.train_line,) = ax_err.loglog(lams, train, color=PALETTE["green"], lw=1.8)
        (self.test_line,) = ax_err.loglog(lams, test, color=PALETTE["vermillion"], lw=1.8)
        ax_err.axhline(pb.noise ** 2, color="0.4", ls=":", lw=1.0)
        self.lam_line = ax_err.axvline(self._lam0, color=L2_COLOR, lw=1.2)
        (self.train_dot,) = ax_err.plot([self._lam0], [1.0], "o", color=PALETTE["green"], ms=5)
        (self.test_dot,) = ax_err.plot([self._lam0], [1.0], "o", color=PALETTE["vermillion"], ms=5)
        ax_err.set_xlim(LAMS[-1], LAMS[0])
        ax_err.set_ylim(1e-3, 1e4)
        ax_err.set_xticks([1e-10, 1e-4, 1e2])
        ax_err.set_yticks([1e-2, 1e1, 1e4])
        ax_err.set_xlabel("λ")
        ax_err.set_ylabel("MSE")
        ax_err.set_title("MSE: train green, test vermillion", fontsize=10)
        for ax in (ax_coef, ax_err):  # dozens of minor log ticks cost more to draw than the data
            ax.minorticks_off()

    def draw(self, lam, degree):
        degree = int(degree)
        pb = self.problem(degree)
        fit = pb.fit(lam)
        self.fit_line.set_ydata(fit.predict(pb.features(self._grid)))

        mags = np.abs(fit.coef)
        for j, bar in enumerate(self.bars):
            if j < degree:
                bar.set_height(max(float(mags[j]), COEF_FLOOR) - COEF_FLOOR)
                bar.set_color(L2_COLOR if fit.coef[j] >= 0 else PALETTE["orange"])
            else:
                bar.set_height(0.0)

        lams, train_curve, test_curve = self._curves[degree]
        self.train_line.set_data(lams, train_curve)
        self.test_line.set_data(lams, test_curve)
        train, test = pb.mse(fit)
        self.lam_line.set_xdata([lam, lam])
        self.train_dot.set_data([lam], [train])
        self.test_dot.set_data([lam], [test])
        best = int(np.argmin(test_curve))
        return (f"λ = {lam:.3g}, degree {degree}: training MSE = {train:.4g}, test MSE = {test:.4g} "
                f"(noise variance {pb.noise ** 2:.4g}); ||w||₂ = {np.linalg.norm(fit.coef):.4g}, "
                f"effective degrees of freedom = {pb.dof(lam):.3g} of {degree}.<br>"
                f"Lowest test MSE on the grid: {test_curve[best]:.4g} at λ ≈ {lams[best]:.2g}.")

    def benchmark_updates(self):
        ups = [{"lam": float(v)} for v in np.logspace(-10, 2, 13)]
        return ups + [{"degree": d} for d in (3, 8, 14, 12)]
