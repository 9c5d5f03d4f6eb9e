"""Demo ``05_which_penalty_wins``: set n, p, the number of non-zero true coefficients and the correlation,
and see which penalty predicts better.

Each update draws one data set with ``cl.make_regression`` (n training rows, 300 test rows, true
coefficients ±1 on k random features, AR(1) correlation ρ, SNR 2), then for lasso, ridge and elastic net
(r = 0.5): fits the whole λ path on 75 % of the training rows (warm-started coordinate descent; one
factorization for ridge), keeps the λ with the smallest error on the other 25 % (a single holdout split,
NOT the K-fold cross-validation of the notebook: K-fold would cost K times more and miss the 100 ms
budget), and reports the test MSE divided by the noise variance (1.0 = perfect).
One draw is noisy: change the seed to see how often the winner changes.
"""
from __future__ import annotations

import warnings

import numpy as np

from .._internal.blas_threads import single_threaded_blas
from ..solvers.lasso import LassoProblem
from ..plots.style import ENET_COLOR, L1_COLOR, L2_COLOR, TRUTH_COLOR, new_figure
from ..solvers.ridge import ridge_path
from ..data.simulate import make_regression
from .demo import Demo, register_demo, slider

N_TEST = 300
SNR = 2.0
N_LAMS = 20
MODELS = ("lasso", "ridge", "elastic net")
COLORS = (L1_COLOR, L2_COLOR, ENET_COLOR)
N_SHOWN = 40  # coefficients drawn: the truly non-zero ones first (up to 20), then zero ones
Y_TOP = 6.0  # fixed bar-axis limit (the background is frozen); taller bars are clipped, their label says so
TOL = 1e-3  # duality gap <= 1e-3·Var(y): ample for ranking three models on a noisy holdout


def _holdout_best(coefs, intercepts, X_val, y_val):
    resid = y_val[:, None] - (X_val @ coefs.T + intercepts)
    err = np.mean(resid * resid, axis=0)
    i = int(np.argmin(err))
    return coefs[i], float(intercepts[i])


def which_penalty_wins(n, p, k, rho, seed, snr=SNR):
    """One draw, three tuned models: dict model → (test MSE/σ², n non-zero, coef), and the truth w.

    ``scores["unconverged"]`` counts path points whose duality gap stayed above the tolerance.
    """
    X, y, w, sigma = make_regression(n + N_TEST, p, n_informative=min(k, p), rho=rho, snr=snr, coef="sparse",
                                     seed=seed, return_noise_std=True)
    n_fit = int(round(0.75 * n))
    X_fit, y_fit = X[:n_fit], y[:n_fit]
    X_val, y_val = X[n_fit:n], y[n_fit:n]
    X_test, y_test = X[n:], y[n:]
    prob = LassoProblem(X_fit, y_fit)
    out = {}
    unconverged = 0
    for name, r in (("lasso", 1.0), ("elastic net", 0.5)):
        # eps 0.03 when p > n: the near-interpolating end of the path is slow and never wins on a holdout
        with warnings.catch_warnings(record=True):  # counted below and shown in the readout instead
            warnings.simplefilter("always")
            path = prob.path(l1_ratio=r, n_lams=N_LAMS, eps=3e-2 if p > n_fit else 1e-3, tol=TOL, max_iter=1000)
        unconverged += int(np.sum(path.gaps > TOL * float(np.var(y_fit))))
        out[name] = _holdout_best(path.coefs, path.intercepts, X_val, y_val)
    Xc = X_fit - X_fit.mean(axis=0)
    trace = float(np.sum(Xc * Xc) / n_fit)  # sum of the eigenvalues of XᵀX/n: no SVD needed for a grid
    rpath = ridge_path(X_fit, y_fit, np.geomspace(1e2 * trace, 1e-5 * trace, N_LAMS))
    out["ridge"] = _holdout_best(rpath.coefs, rpath.intercepts, X_val, y_val)
    scores = {}
    for name in MODELS:
        coef, b = out[name]
        resid = y_test - X_test @ coef - b
        scores[name] = (float(resid @ resid / N_TEST) / sigma ** 2, int(np.count_nonzero(coef)), coef)
    scores["unconverged"] = unconverged
    return scores, w


def shown_features(w, n_shown=N_SHOWN):
    """Indices drawn in the coefficient panel: up to 20 truly non-zero features, then zero ones."""
    support = np.flatnonzero(w)[:20]
    rest = np.flatnonzero(w == 0)[: n_shown - support.size]
    return np.concatenate([support, rest]), support.size


@register_demo("05_which_penalty_wins")
class WhichPenaltyWinsDemo(Demo):
    """Lasso vs ridge vs elastic net on data you design (holdout-tuned, one draw)."""

    title = "Which penalty wins? Design the data, compare test errors"
    figsize = (8.6, 3.6)

    def controls(self):
        return {
            "n": slider("n (train)", 60, 20, 200, 10, continuous_update=False),
            "p": slider("p (features)", 200, 10, 300, 10, continuous_update=False),
            "k": slider("non-zero true coefs", 5, 1, 300, 1, continuous_update=False),
            "rho": slider("correlation ρ", 0.3, 0.0, 0.95, 0.05, continuous_update=False),
            "seed": slider("seed", 0, 0, 19, 1, continuous_update=False),
        }

    def new_figure(self):
        return new_figure(1, 2, figsize=self.figsize, gridspec_kw={"width_ratios": [1, 2]})

    def setup(self, fig):
        ax, ax2 = self.axes
        self.bars = ax.bar(range(3), [1, 1, 1], color=COLORS, edgecolor="black")
        self.bar_text = [ax.text(i, 1.0, "", ha="center", va="bottom", fontsize=10) for i in range(3)]
        ax.axhline(1.0, color="0.3", lw=1, ls="--")
        ax.set_xticks(range(3), ["lasso", "ridge", "e-net"])
        ax.set_ylabel("test MSE / noise variance")
        ax.set_ylim(0, Y_TOP)
        self.bar_title = ax.set_title("winner: elastic net")
        idx = np.arange(N_SHOWN)
        (self.truth,) = ax2.plot(idx, np.zeros(N_SHOWN), "s", color=TRUTH_COLOR, ms=6, mfc="none", label="truth")
        self.est = []
        for name, color, marker in zip(MODELS, COLORS, ("o", "^", ".")):
            (line,) = ax2.plot(idx, np.zeros(N_SHOWN), marker, color=color, ms=5, label=name, alpha=0.9)
            self.est.append(line)
        ax2.axhline(0.0, color="0.4", lw=0.8)
        self.separator = ax2.axvline(4.5, color="0.3", lw=1, ls=":")
        ax2.set_xlim(-1, N_SHOWN)
        ax2.set_ylim(-1.6, 1.6)
        ax2.set_xticks([])
        ax2.set_xlabel("features: truly non-zero ones left of the dotted line")
        ax2.set_ylabel("coefficient")
        ax2.legend(loc="upper right", fontsize=10, ncol=4)
        self.animate(*self.bars, *self.bar_text, self.bar_title, self.truth, *self.est, self.separator)

    def draw(self, n, p, k, rho, seed):
        k_eff = min(k, p)
        with single_threaded_blas():
            scores, w = which_penalty_wins(n, p, k_eff, rho, seed)
        slow = scores.pop("unconverged")
        rel = [scores[m][0] for m in MODELS]
        for bar, text, value, i in zip(self.bars, self.bar_text, rel, range(3)):
            bar.set_height(value)
            text.set_position((i, min(value, 0.93 * Y_TOP)))
            text.set_text(f"{value:.2f}" + (" ↑" if value > Y_TOP else ""))
        shown, n_true = shown_features(w)
        x = np.arange(shown.size)
        self.truth.set_data(x, w[shown])
        for line, name in zip(self.est, MODELS):
            line.set_data(x, scores[name][2][shown])
        self.separator.set_xdata([n_true - 0.5, n_true - 0.5])
        winner = MODELS[int(np.argmin(rel))]
        self.bar_title.set_text(f"winner: {winner}")
        nnz = ", ".join(f"{name} {scores[name][1]}" for name in MODELS)
        return (f"n = {n}, p = {p}, {k_eff} non-zero true coefficients (±1), ρ = {rho:.2f}, SNR = {SNR:g}. "
                f"Test MSE/σ²: lasso {rel[0]:.3f}, ridge {rel[1]:.3f}, elastic net {rel[2]:.3f} → "
                f"<b>{winner}</b> wins this draw. Non-zero coefficients: {nnz}.<br>"
                f"<i>λ tuned on a single 75/25 holdout split of the training rows (not K-fold CV, to stay under "
                f"100 ms); one draw is noisy — try other seeds.</i>"
                + (f" ({slow} path points stopped at the iteration cap)" if slow else ""))

    def benchmark_updates(self):
        return [dict(n=n, p=p, k=k, rho=rho, seed=s) for n, p, k, rho, s in
                [(60, 200, 5, 0.3, 0), (200, 300, 5, 0.3, 1), (40, 300, 300, 0.9, 2), (200, 20, 20, 0.9, 3),
                 (100, 100, 10, 0.0, 4), (20, 10, 1, 0.95, 5), (200, 300, 300, 0.5, 6), (60, 200, 5, 0.3, 0)]]
