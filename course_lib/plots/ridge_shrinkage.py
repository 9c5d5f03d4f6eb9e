"""Chapter 1 figures: ridge seen in the SVD basis of the (centered) design, and its effective degrees of freedom.

With ``Xc = U diag(d) Vᵀ``, ridge keeps the share ``f_j(λ) = d_j²/(d_j² + nλ)`` of each principal direction:
left panel, one curve per direction (strong directions, large d_j, survive to larger λ); right panel,
their sum ``df(λ) = Σ_j f_j(λ)``, the effective number of parameters, from p at λ = 0 down to 0.
"""
from __future__ import annotations

import numpy as np
from matplotlib import colormaps

from ..solvers.ridge import ridge_dof, ridge_shrinkage_factors
from .registry import figure
from .style import L2_COLOR, new_figure

LAMS = np.logspace(-4, 4, 161)


def _diabetes():
    from ..data.loaders import load_diabetes

    X, y, names = load_diabetes(standardized=True)
    return X, y, names


def svd_shrinkage_figure(X=None, lams=LAMS, marks=(0.1, 1.0, 10.0)):
    """Left: ``d_j²/(d_j² + nλ)`` against λ for each singular direction j.  Right: ``df(λ)`` against λ."""
    if X is None:
        X = _diabetes()[0]
    n = X.shape[0]
    factors = ridge_shrinkage_factors(X, lams)  # (k, r), directions by decreasing d_j
    dof = ridge_dof(X, lams)
    d2n = np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2 / n  # eigenvalues of XcᵀXc/n

    fig, (ax_f, ax_df) = new_figure(1, 2, figsize=(12.0, 5.0))
    cmap = colormaps["viridis"]
    r = factors.shape[1]
    for j in range(r):
        ax_f.semilogx(lams, factors[:, j], color=cmap(j / max(r - 1, 1)), lw=2,
                      label=f"$d_{{{j + 1}}}^2/n$ = {d2n[j]:.3g}")
    ax_f.set_xlabel("λ (log scale)")
    ax_f.set_ylabel("share kept  $d_j^2 / (d_j^2 + n\\lambda)$")
    ax_f.set_title("each principal direction is shrunk by its own factor")
    ax_f.set_ylim(-0.02, 1.02)
    ax_f.legend(loc="upper left", bbox_to_anchor=(1.0, 1.02), fontsize=10, title="direction j", title_fontsize=11)
    # direct labels where the text points: the strongest and the two weakest directions
    for j in (0, r - 2, r - 1):
        half = lams[np.argmin(np.abs(factors[:, j] - 0.5))]
        ax_f.annotate(f"j = {j + 1}", (half, 0.5), xytext=(-5, 0), textcoords="offset points", fontsize=10,
                      ha="right", va="center", color="black",
                      bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8))

    ax_df.semilogx(lams, dof, color=L2_COLOR, lw=2.5)
    for lam in marks:
        df = float(ridge_dof(X, lam))
        ax_df.plot([lam], [df], "o", color=L2_COLOR, ms=6)
        ax_df.annotate(f"λ = {lam:g}: df = {df:.2f}", (lam, df), textcoords="offset points", xytext=(8, 4),
                       fontsize=11)
    ax_df.axhline(r, color="0.5", lw=0.8, ls=":")
    ax_df.set_xlabel("λ (log scale)")
    ax_df.set_ylabel("effective degrees of freedom df(λ)")
    ax_df.set_title(f"df(λ) = Σ shares: from {r} (least squares) down to 0")
    ax_df.set_ylim(-0.2, r + 0.5)
    return fig


@figure("01_svd_shrinkage")
def _svd_shrinkage():
    return svd_shrinkage_figure()
