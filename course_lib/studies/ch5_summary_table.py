"""The article's L1-vs-L2 summary table, rebuilt from measurements, and the one computation it needs
beyond the rest of chapter 5: how ridge shrinks each coefficient relative to least squares.

Ridge (objective ``(1/(2n))||y − Xw − b||² + λ·½||w||²``) gives ``w = (XᵀX + nλI)⁻¹Xᵀy`` (centered data).
When the design is orthonormal in the course's scaling, ``XᵀX/n = I``, this is ``w_OLS/(1 + λ)``: every
coefficient shrunk by the SAME factor — "proportional shrinkage".  For any other design the factor
differs from coefficient to coefficient, and can exceed 1 or be negative (a coefficient can grow or flip
sign as λ grows), because ridge shrinks along the principal directions of X, not along the axes.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_Xy, check_lam, check_scalar, check_seed

__all__ = ["orthonormal_design", "ridge_to_ols_ratios", "SummaryRow", "SummaryTable"]


def orthonormal_design(n, p, *, seed):
    """An n×p design with centered columns and ``XᵀX/n = I`` exactly (to rounding): QR of a centered
    Gaussian matrix, scaled by √n."""
    n = check_scalar(n, "n", low=2, integer=True)
    p = check_scalar(p, "p", low=1, high=n - 1, integer=True)
    rng = check_seed(seed)
    G = rng.standard_normal((n, p))
    G -= G.mean(axis=0)
    Q, _ = np.linalg.qr(G)
    return np.ascontiguousarray(Q * np.sqrt(n))


def ridge_to_ols_ratios(X, y, lam):
    """Per coefficient, ``w_ridge,j(λ) / w_OLS,j`` (OLS = λ = 0); needs p < n and a full-rank design."""
    from ..solvers.ridge import ridge

    X, y = as_Xy(X, y)
    lam = check_lam(lam)
    ols = ridge(X, y, 0.0).coef
    return ridge(X, y, lam).coef / ols


@dataclass
class SummaryRow:
    aspect: str
    article_l1: str
    article_l2: str
    measured_l1: str
    measured_l2: str
    verdict: str


class SummaryTable:
    """Rows of (aspect, what the article says for L1 / L2, what this chapter measured, verdict); shown as
    an HTML table in the notebook and as aligned text elsewhere."""

    def __init__(self, rows):
        self.rows = list(rows)

    def __repr__(self) -> str:
        out = []
        for r in self.rows:
            out.append(f"■ {r.aspect}")
            out.append(f"   article  L1: {r.article_l1}  |  L2: {r.article_l2}")
            out.append(f"   measured L1: {r.measured_l1}")
            out.append(f"   measured L2: {r.measured_l2}")
            out.append(f"   verdict: {r.verdict}")
        return "\n".join(out)

    def _repr_html_(self) -> str:
        head = ("<tr><th>aspect</th><th>article: L1 (lasso)</th><th>article: L2 (ridge)</th>"
                "<th>measured here: L1</th><th>measured here: L2</th><th>verdict</th></tr>")
        body = "".join(
            "<tr>" + "".join(f"<td style='text-align:left;vertical-align:top'>{html.escape(c)}</td>"
                             for c in (r.aspect, r.article_l1, r.article_l2, r.measured_l1, r.measured_l2,
                                       r.verdict)) + "</tr>"
            for r in self.rows)
        return f"<table>{head}{body}</table>"
