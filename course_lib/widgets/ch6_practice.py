"""Chapter 6 demos: the Khan lasso/elastic net at the λ you choose (``06_khan_penalty``) and SGD's zeros
per epoch for each L1 treatment (``06_sgd_zeros``)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..plots.style import L1_COLOR, PALETTE
from ..plots.ch6_practice import METHOD_COLORS
from .demo import Demo, dropdown, log_slider, register_demo, slider

__all__ = ["KhanPenaltyDemo", "SGDZerosDemo"]

CLASSES = {"BL (Burkitt)": 1, "EWS (Ewing)": 2, "NB (neuroblastoma)": 3, "RMS (rhabdomyosarcoma)": 4}


@lru_cache(maxsize=1)
def _khan():
    from ..data.loaders import load_khan

    return load_khan()


@lru_cache(maxsize=8)
def _problem(code):
    from ..solvers.logistic import LogisticProblem

    X, y, _, _ = _khan()
    return LogisticProblem(X, (y == code).astype(float))


@register_demo("06_khan_penalty")
class KhanPenaltyDemo(Demo):
    title = "Khan data, one tumour type against the rest: the weights of 2,308 genes at your λ and r"
    figsize = (9.0, 3.6)

    def controls(self):
        return {
            "tumour": dropdown("tumour type", CLASSES, 2),
            "lam_rel": log_slider("λ / λ_max", 0.1, -2.0, 0.0),
            "l1_ratio": slider("l1_ratio r", 1.0, 0.1, 1.0, 0.1),
        }

    def setup(self, fig):
        ax = self.axes
        p = _khan()[0].shape[1]
        (self.stems,) = ax.plot(np.arange(p), np.zeros(p), "|", color=L1_COLOR, ms=6)
        (self.dots,) = ax.plot([], [], "o", color=L1_COLOR, ms=4)
        ax.axhline(0.0, color="0.5", lw=0.8)
        ax.set_xlim(-10, p + 10)
        ax.set_ylim(-1.0, 1.0)
        ax.set_xlabel("gene index (1 … 2308)")
        ax.set_ylabel("weight w_j (clipped to ±1)")
        self.animate(self.stems, self.dots)

    def draw(self, tumour, lam_rel, l1_ratio):
        prob = _problem(tumour)
        _, _, Xt, yt = _khan()
        lam = lam_rel * prob.lam_max(l1_ratio)
        fit = prob.fit(lam, l1_ratio, tol=1e-6)
        w = np.clip(fit.coef, -1.0, 1.0)
        nz = np.flatnonzero(fit.coef)
        self.stems.set_ydata(w)
        self.dots.set_data(nz, w[nz])
        acc = fit.accuracy(Xt, (yt == tumour).astype(float))
        return (f"λ = {lam:.3g} (r = {l1_ratio:g}) · <b>{nz.size}</b> of {w.size} genes non-zero · training "
                f"accuracy {fit.accuracy(prob.XT.T, prob.y):.2f} · test accuracy (20 held-out) {acc:.2f}")

    def benchmark_updates(self):
        return [{"tumour": 2, "lam_rel": 0.1, "l1_ratio": 1.0}, {"tumour": 2, "lam_rel": 0.03, "l1_ratio": 1.0},
                {"tumour": 4, "lam_rel": 0.3, "l1_ratio": 0.5}, {"tumour": 1, "lam_rel": 0.05, "l1_ratio": 0.2}]


@lru_cache(maxsize=16)
def _sgd_run(method, step0):
    from ..solvers.logistic import logistic, logistic_lam_max
    from ..solvers.sgd import sgd_logistic

    X, y, _, _ = _khan()
    yb = (y == 2).astype(float)
    lam = 0.1 * logistic_lam_max(X, yb)
    return sgd_logistic(X, yb, lam, 1.0, method, 50, step0, seed=0), logistic(X, yb, lam, tol=1e-10)


@register_demo("06_sgd_zeros")
class SGDZerosDemo(Demo):
    title = "SGD on Khan (EWS vs rest, λ = λ_max/10): how many weights are exactly zero after each epoch?"
    figsize = (9.0, 3.6)

    def controls(self):
        return {
            "method": dropdown("L1 step", {"subgradient": "subgradient", "truncated (prox)": "truncated",
                                           "cumulative (Tsuruoka)": "cumulative"}, "subgradient"),
            "step0": dropdown("η₀", [0.1, 0.5, 2.0], 0.5),
            "epoch": slider("epoch", 50, 1, 50, 1),
        }

    def new_figure(self):
        from ..plots.style import new_figure

        return new_figure(1, 2, figsize=self.figsize)

    def setup(self, fig):
        ax_h, ax_z = self.axes
        self.bins = np.r_[-17.0, np.linspace(-12, 1, 27)]
        self.bars = ax_h.bar(self.bins[:-1], np.zeros(self.bins.size - 1), width=np.diff(self.bins), align="edge",
                             color=PALETTE["blue"], edgecolor="white")
        ax_h.set_xlim(-17.5, 1)
        ax_h.set_ylim(0, 2400)
        ax_h.set_xticks([-16, -12, -8, -4, 0], ["exact 0", "1e-12", "1e-8", "1e-4", "1"])
        ax_h.set_xlabel("|w_j| (log scale; exact zeros in the left bar)")
        ax_h.set_ylabel("genes")
        (self.curve,) = ax_z.plot([], [], lw=2, color=PALETTE["orange"])
        (self.mark,) = ax_z.plot([], [], "o", color="k")
        self.full_line = ax_z.axhline(0, color="k", ls="--", lw=1)
        ax_z.set_xlim(0, 50)
        ax_z.set_ylim(-50, 2400)
        ax_z.set_xlabel("epoch")
        ax_z.set_ylabel("exact zeros")
        self.animate(*self.bars, self.curve, self.mark, self.full_line)

    def draw(self, method, step0, epoch):
        run, full = _sgd_run(method, float(step0))
        w = run.coefs[epoch]
        logw = np.where(w == 0, -16.5, np.log10(np.maximum(np.abs(w), 1e-12)))
        counts, _ = np.histogram(logw, self.bins)
        for bar, c in zip(self.bars, counts):
            bar.set_height(c)
            bar.set_color(PALETTE["vermillion"] if bar.get_x() < -13 else METHOD_COLORS[method])
        self.curve.set_data(np.arange(run.n_zero.size), run.n_zero)
        self.curve.set_color(METHOD_COLORS[method])
        self.mark.set_data([epoch], [run.n_zero[epoch]])
        full_zeros = int(np.sum(full.coef == 0))
        self.full_line.set_ydata([full_zeros, full_zeros])
        return (f"{method}, η₀ = {step0:g}, epoch {epoch}: <b>{int(run.n_zero[epoch])}</b> exact zeros "
                f"(full batch: {full_zeros}) · F − F* = {run.objective[epoch] - full.objective:.3g}")

    def benchmark_updates(self):
        return [{"method": "subgradient", "step0": 0.5, "epoch": 50}, {"method": "truncated", "step0": 0.5, "epoch": 10},
                {"method": "cumulative", "step0": 2.0, "epoch": 30}, {"method": "truncated", "step0": 0.1, "epoch": 5}]
