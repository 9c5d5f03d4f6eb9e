"""Chapter 2 demo: the cloud of estimated (w1, w2) over many data sets, for OLS, ridge and lasso.

Sliders: the correlation ρ between the two features and λ.  The data sets are ``CorrelatedPairDraws``
(500 data sets of n = 50 rows drawn once, seeded; every ρ reuses the same standard normals), so an update is
a batch of 2×2 solves: ridge by the explicit inverse, lasso by the exact 2-D solver
(``course_lib.toys.quadratic_2d.lasso_2d``).  Objective ``(1/(2n))||y − Xw − b||² + λ·P(w)``.
"""
from __future__ import annotations

import numpy as np

from ..plots.collinearity import CLOUD, draw_clouds, pair_draws
from ..studies.ch2_resampling import coefficient_spread
from ..plots.style import new_figure
from .demo import Demo, log_slider, register_demo, slider


def cloud_table(estimates, w_true, lim):
    """An HTML table: per method Var(ŵ1), Var(ŵ2), squared bias, E||ŵ − w||², share of exact zeros and of
    points outside the drawing window."""
    rows = []
    for method, est in estimates.items():
        s = coefficient_spread(est, w_true)
        zeros = np.mean(np.any(est == 0.0, axis=1))
        outside = np.mean(np.any((est < lim[0]) | (est > lim[1]), axis=1))
        rows.append(f"<tr><td>{method}</td><td>{s['var'][0]:.3f}</td><td>{s['var'][1]:.3f}</td>"
                    f"<td>{s['bias2']:.3f}</td><td>{s['mse']:.3f}</td><td>{zeros:.0%}</td><td>{outside:.0%}</td></tr>")
    head = ("<tr><th></th><th>Var(ŵ₁)</th><th>Var(ŵ₂)</th><th>bias²</th><th>E‖ŵ−w‖²</th>"
            "<th>a coef = 0</th><th>off-plot</th></tr>")
    return f"<table style='font-size:90%'>{head}{''.join(rows)}</table>"


@register_demo("02_collinear_cloud")
class CollinearCloud(Demo):
    title = "Estimates of (w1, w2) over 500 data sets: OLS, ridge and lasso as the features become collinear"
    figsize = (8.0, 3.6)

    def __init__(self, draws=None):
        self.draws = pair_draws() if draws is None else draws
        self.lim = CLOUD["lim"]
        super().__init__()

    def new_figure(self):
        return new_figure(1, 3, figsize=self.figsize, sharex=True, sharey=True)

    def controls(self):
        return {
            "rho": slider("correlation ρ", 0.9, 0.0, 0.99, 0.01),
            "lam": log_slider("λ", CLOUD["lam"], -3, 0.5, step=0.05),
        }

    def setup(self, fig):
        est = self.draws.all_estimates(0.9, CLOUD["lam"])
        self.artists = draw_clouds(self.axes, est, self.draws.w_true, self.lim)
        ticks = [t for t in range(int(np.ceil(self.lim[0])), int(self.lim[1]) + 1)]
        for ax in self.axes:  # plain-text labels (mathtext is re-parsed on every redraw), few fixed ticks
            ax.set_xlabel("ŵ₁")
            ax.set_xticks(ticks)
            ax.set_yticks(ticks)
        self.axes[0].set_ylabel("ŵ₂")
        self.suptitle = fig.suptitle("placeholder", fontsize=10)
        # axes, ticks and labels are painted once (Demo.animate); each frame redraws the clouds, their means,
        # the truth markers (kept on top) and the title
        self.animate(*[a for scatter, mean, _, truth in self.artists.values() for a in (scatter, mean, truth)],
                     self.suptitle)

    def draw(self, rho, lam):
        est = self.draws.all_estimates(rho, lam)
        for method, (scatter, mean, _title, _truth) in self.artists.items():
            scatter.set_offsets(est[method])
            m = est[method].mean(axis=0)
            mean.set_data([m[0]], [m[1]])
        self.suptitle.set_text(f"{self.draws.n_draws} data sets, n = {self.draws.n}, ρ = {rho:.2f}, "
                               f"λ = {lam:.3g} (ridge and lasso); ✕ truth, ○ mean of the estimates")
        return cloud_table(est, self.draws.w_true, self.lim)

    def benchmark_updates(self):
        return [dict(rho=rho, lam=lam) for rho in (0.0, 0.5, 0.9, 0.99) for lam in (0.001, 0.1, 1.0)]
