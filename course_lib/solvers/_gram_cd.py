"""Covariance-mode coordinate descent (glmnet's "covariance" updates) for tall problems, n ≫ p.

With G = X_cᵀX_c/n (p × p) and c = X_cᵀy_c/n computed once, the correlation of every column with the
residual, q = X_cᵀr/n = c − Gw, is kept instead of the residual itself.  One coordinate update then costs
O(p) instead of O(n)::

    z   = q_j + G_jj·w_j,     w_j ← S(z, λr) / (G_jj + λ(1−r)),     q ← q − (w_j,new − w_j,old)·G[:, j]

and so does the duality gap, because every quantity it needs is a function of q::

    ||r||²/n = ||y_c||²/n − wᵀc − wᵀq,     y_cᵀr/n = ||y_c||²/n − wᵀc,     X_cᵀr/n = q.

Those two differences lose digits when the residual is much smaller than y, so a gap computed this way is
only trusted to say "probably converged": the kernel then rebuilds the residual from X (O(np), once), takes
the exact gap from it with the residual-mode formula, refreshes q from that residual, and goes on if the
exact gap is still above tol.  The reported gap is always the exact one.

Used by the paths when p <= GRAM_MAX_FEATURES and n >= GRAM_MIN_RATIO·p (as glmnet, which uses covariance
mode below 500 features; scikit-learn's ``precompute="auto"`` uses the Gram matrix whenever n > p).
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from ..core.duality import gap_from_terms, primal_and_gap_centered
from ._problem import rebuild_residual
from ..core.penalties import soft_threshold_scalar

GRAM_MAX_FEATURES = 500
GRAM_MIN_RATIO = 2


def use_gram(n, p):
    """Covariance mode pays off when an epoch over G (p² per epoch at most) is cheaper than over X (np)."""
    return p <= GRAM_MAX_FEATURES and n >= GRAM_MIN_RATIO * p


@njit(cache=True)
def _gram_gap(w, q, c, yy, feats, l1, l2, n):
    """(objective, duality gap) from q = X_cᵀr/n alone (see the module docstring for the identities)."""
    wc = 0.0
    wq = 0.0
    w1 = 0.0
    w2 = 0.0
    dual_norm = 0.0
    excess = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        wj = w[j]
        wc += wj * c[j]
        wq += wj * q[j]
        w1 += abs(wj)
        w2 += wj * wj
        v = abs(q[j] - l2 * wj)
        if v > dual_norm:
            dual_norm = v
        e = abs(q[j]) - l1
        if e > 0.0:
            excess += e * e
    return gap_from_terms(n * (yy - wc - wq), n * (yy - wc), w1, w2, dual_norm, excess, l1, l2, n, -np.inf)


@njit(cache=True)
def gram_cd(G, c, yy, Xt, xm, y, w, q, feats, l1, l2, tol_abs, max_epochs, coef_tol, r, xtr):
    """Covariance-mode coordinate descent over ``feats`` from (w, q = c − Gw), in place.

    Returns (epochs, objective, exact duality gap).  Converged when the exact gap (from the rebuilt
    residual) is <= tol_abs and, when ``coef_tol`` > 0, the last epoch moved no coefficient by more than
    coef_tol·max_j|w_j|.  ``r`` and ``xtr`` are workspaces (n and p).
    """
    n = y.shape[0]
    m = feats.shape[0]
    p = G.shape[0]
    primal = np.inf
    gap = np.inf
    refreshed = False
    for epoch in range(1, max_epochs + 1):
        w_max = 0.0
        d_max = 0.0
        for jj in range(m):
            j = feats[jj]
            old = w[j]
            cs = G[j, j]
            new = soft_threshold_scalar(q[j] + cs * old, l1) / (cs + l2)
            if new != old:
                d = new - old
                Gj = G[j]
                for k in range(p):
                    q[k] -= d * Gj[k]
                w[j] = new
                if abs(d) > d_max:
                    d_max = abs(d)
            if abs(new) > w_max:
                w_max = abs(new)
        if coef_tol > 0.0 and d_max > coef_tol * w_max:
            continue
        primal, gap = _gram_gap(w, q, c, yy, feats, l1, l2, n)
        if gap <= tol_abs or epoch == max_epochs or d_max == 0.0:
            # the cheap gap says converged (or we must stop): certify with the residual itself
            rebuild_residual(Xt, xm, y, w, feats, r)
            primal, gap = primal_and_gap_centered(Xt, xm, y, w, r, feats, l1, l2, -np.inf, xtr)
            if gap <= tol_abs:
                return epoch, primal, gap
            if d_max == 0.0 and refreshed:  # nothing moves even from the exact q: the rounding floor
                return epoch, primal, gap
            for jj in range(m):  # q has drifted by rounding: refresh it from the exact residual
                q[feats[jj]] = xtr[feats[jj]]
            refreshed = True
        else:
            refreshed = False
    return max_epochs, primal, gap


@njit(cache=True)
def gram_path(G, c, yy, Xt, xm, y, feats, lams, l1_ratio, top, tol_abs, max_epochs, coef_tol, coefs, gaps,
              n_iters):
    """A warm-started path in covariance mode, every λ in one kernel call (no per-λ Python overhead).

    λ >= top (= lam_max) gives exact zeros without iterating.  Rows of coefs/gaps/n_iters are written."""
    p = G.shape[0]
    n = y.shape[0]
    w = np.zeros(p)
    q = c.copy()
    r = np.empty(n)
    xtr = np.empty(p)
    for i in range(lams.shape[0]):
        lam = lams[i]
        if lam >= top:
            gaps[i] = 0.0
            n_iters[i] = 0
            continue
        l1 = lam * l1_ratio
        l2 = lam * (1.0 - l1_ratio)
        n_ep, _, gap = gram_cd(G, c, yy, Xt, xm, y, w, q, feats, l1, l2, tol_abs, max_epochs, coef_tol, r, xtr)
        coefs[i] = w
        gaps[i] = gap
        n_iters[i] = n_ep
