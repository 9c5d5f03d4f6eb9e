"""The course objective and the elastic-net duality gap that every sparse solver uses to stop.

Objective (every solver)::

    P(w, b) = (1/(2n))·||y − Xw − b||² + λ·(r·||w||₁ + (1−r)/2·||w||₂²),     r = l1_ratio,

the intercept b unpenalized (fit by centering X and y).  r = 1 is the lasso, r = 0 ridge.

Duality gap.  For any dual point θ, weak duality gives ``P(w) − P* <= P(w) − D(θ)``: the gap is a
computable certificate of how far the objective is from its minimum.  From the residual ρ = y_c − X_c w
(centered data) we build the dual point as scikit-learn and celer do: treat the elastic net as a lasso on
augmented data and rescale the residual so that it is dual-feasible,

    θ = s·ρ/n,   s = min(1, λr / ||X_cᵀρ/n − λ(1−r)w||∞),
    gap_rescaled = (1+s²)/2·(||ρ||²/n + λ(1−r)||w||²) − s·y_cᵀρ/n + λr||w||₁.

When r < 1 the penalty is strongly convex and the Fenchel dual needs no rescaling; we also evaluate it at
θ = ρ/n (``gap_fenchel``) and report the smaller of the two, both being valid bounds.  This matters for
ridge-like problems (r → 0), where the rescaled point degenerates to θ = 0.  At λ = 0 the solvers pass the
exact dual optimum (the least-squares residual) instead.  The solvers stop when
``gap <= tol·||y − ȳ||²/n`` (scikit-learn's and celer's convention).
"""
from __future__ import annotations

import math

import numpy as np

from .._internal.jit import njit
from .._internal.vector_ops import dot
from .._internal.validation import as_design, as_target, as_vector, check_l1_ratio, check_lam, check_scalar

__all__ = ["objective", "duality_gap", "lipschitz_constant"]


# ------------------------------------------------------------------ the formulas (one definition each)
@njit(inline="always", cache=True)
def objective_value(rr, w1, w2, l1, l2, n):
    """P(w) from ||r||², ||w||₁, ||w||²: ``½||r||²/n + λr||w||₁ + ½λ(1−r)||w||²``."""
    return 0.5 * rr / n + l1 * w1 + 0.5 * l2 * w2


@njit(inline="always", cache=True)
def dual_scale(dual_norm, l1):
    """s = min(1, λr / ||X_cᵀρ/n − λ(1−r)w||∞): the factor that makes θ = s·ρ/n dual-feasible."""
    return 1.0 if dual_norm <= l1 else l1 / dual_norm


@njit(inline="always", cache=True)
def rescaled_dual(rr, yr, w2, s, l2, n):
    """D(θ) at θ = s·(augmented residual)/n: ``s·y_cᵀρ/n − ½s²(||ρ||²/n + λ(1−r)||w||²)``.

    The elastic net is a lasso on augmented data [X_c; sqrt(nλ(1−r))·I]; its residual is
    [ρ; −sqrt(nλ(1−r))·w].  Any such value bounds the minimum from below (weak duality), so
    ``objective − rescaled_dual`` is the rescaled duality gap."""
    return s * yr / n - 0.5 * s * s * (rr / n + l2 * w2)


@njit(inline="always", cache=True)
def fenchel_gap(rr, yr, w1, w2, excess, l1, l2, n):
    """Gap at the unscaled θ = ρ/n (valid for λ(1−r) > 0, where the dual has no constraint):
    ``(||ρ||² − y_cᵀρ)/n + λr||w||₁ + ½λ(1−r)||w||² + Σ_j (|x_jᵀρ/n| − λr)₊² / (2λ(1−r))``."""
    return (rr - yr) / n + l1 * w1 + 0.5 * l2 * w2 + 0.5 * excess / l2


@njit(inline="always", cache=True)
def gap_from_terms(rr, yr, w1, w2, dual_norm, excess, l1, l2, n, dual_floor):
    """(objective, duality gap) from the sums a gap pass collects: ||ρ||², y_cᵀρ, ||w||₁, ||w||², the dual
    norm max_j|x_jᵀρ/n − λ(1−r)w_j|, the excess Σ_j(|x_jᵀρ/n| − λr)₊² and the value of a known dual point.

    The smallest of the rescaled gap, the Fenchel gap (when λ(1−r) > 0) and primal − dual_floor, never < 0."""
    primal = objective_value(rr, w1, w2, l1, l2, n)
    gap = primal - rescaled_dual(rr, yr, w2, dual_scale(dual_norm, l1), l2, n)
    if l2 > 0.0:  # Fenchel dual at the unscaled residual: no feasibility constraint when r < 1
        gap_f = fenchel_gap(rr, yr, w1, w2, excess, l1, l2, n)
        if gap_f < gap:
            gap = gap_f
    if primal - dual_floor < gap:
        gap = primal - dual_floor
    if gap < 0.0:  # rounding at the optimum
        gap = 0.0
    return primal, gap


@njit(inline="always", cache=True)
def dot_centered(x, m, r):
    """Σ (x_i − m)·r_i, eight interleaved partial sums (see ``_internal.vector_ops.dot``): the centered
    column's inner product without a centered copy of the column."""
    n = x.shape[0]
    k = n - n % 8
    s0 = 0.0
    s1 = 0.0
    s2 = 0.0
    s3 = 0.0
    s4 = 0.0
    s5 = 0.0
    s6 = 0.0
    s7 = 0.0
    for i in range(0, k, 8):
        s0 += (x[i] - m) * r[i]
        s1 += (x[i + 1] - m) * r[i + 1]
        s2 += (x[i + 2] - m) * r[i + 2]
        s3 += (x[i + 3] - m) * r[i + 3]
        s4 += (x[i + 4] - m) * r[i + 4]
        s5 += (x[i + 5] - m) * r[i + 5]
        s6 += (x[i + 6] - m) * r[i + 6]
        s7 += (x[i + 7] - m) * r[i + 7]
    for i in range(k, n):
        s0 += (x[i] - m) * r[i]
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))


@njit(inline="always", cache=True)
def axpy_centered(d, x, m, r):
    """r −= d·(x − m), in place (the residual update of one coordinate, centered implicitly)."""
    c = d * m
    for i in range(r.shape[0]):
        r[i] += c - d * x[i]


@njit(cache=True)
def primal_and_gap_centered(Xt, x_mean, y, w, r, feats, l1, l2, dual_floor, xtr):
    """(objective, duality gap) of the elastic net restricted to the features ``feats``.

    Xt: (p, n) design, transposed, NOT centered — column j is centered on the fly with x_mean[j];
    y: centered target; r = y − X_c w (kept by the caller); l1 = λ·r, l2 = λ·(1−r);
    ``dual_floor`` = the dual value of a known dual point (−inf if none).
    Writes x_jᵀr/n (centered x_j) into ``xtr[j]`` for j in feats (screening and working sets reuse it).
    Features outside ``feats`` must have w_j = 0.
    """
    n = y.shape[0]
    rr = dot(r, r)
    yr = dot(y, r)
    w1 = 0.0
    w2 = 0.0
    dual_norm = 0.0
    excess = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        d = dot_centered(Xt[j], x_mean[j], r) / n
        xtr[j] = d
        wj = w[j]
        w1 += abs(wj)
        w2 += wj * wj
        v = abs(d - l2 * wj)
        if v > dual_norm:
            dual_norm = v
        e = abs(d) - l1
        if e > 0.0:
            excess += e * e
    return gap_from_terms(rr, yr, w1, w2, dual_norm, excess, l1, l2, n, dual_floor)


@njit(cache=True)
def primal_gap_and_candidate(Xt, x_mean, y, w, r, feats, l1, l2, dual_floor, xtr, r_c, w_c):
    """``primal_and_gap_centered`` plus, in the same pass over the columns, the dual value of a candidate
    point: the rescaled dual point built from the (residual, coefficient) pair (r_c, w_c) — the augmented
    residual [r_c; −sqrt(nλ(1−r))·w_c] of the elastic net written as a lasso, scaled by
    s = min(1, λr / max_j |x_jᵀr_c/n − λ(1−r)w_c,j|) into the dual-feasible set (``rescaled_dual``).

    Returns (objective, gap, candidate's dual value); the gap already uses the better of the two dual points.
    Reading each column once for both inner products halves the memory traffic of two separate passes.
    """
    n = y.shape[0]
    rr = dot(r, r)
    yr = dot(y, r)
    w1 = 0.0
    w2 = 0.0
    dual_norm = 0.0
    excess = 0.0
    dual_norm_c = 0.0
    w2_c = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        xj = Xt[j]
        m = x_mean[j]
        d = dot_centered(xj, m, r) / n
        dc = dot_centered(xj, m, r_c) / n
        xtr[j] = d
        wj = w[j]
        w1 += abs(wj)
        w2 += wj * wj
        v = abs(d - l2 * wj)
        if v > dual_norm:
            dual_norm = v
        e = abs(d) - l1
        if e > 0.0:
            excess += e * e
        vc = abs(dc - l2 * w_c[j])
        if vc > dual_norm_c:
            dual_norm_c = vc
        w2_c += w_c[j] * w_c[j]
    cand = rescaled_dual(dot(r_c, r_c), dot(y, r_c), w2_c, dual_scale(dual_norm_c, l1), l2, n)
    primal, gap = gap_from_terms(rr, yr, w1, w2, dual_norm, excess, l1, l2, n, max(dual_floor, cand))
    return primal, gap, cand


@njit(cache=True)
def primal_and_gap(XT, y, w, r, feats, l1, l2, dual_floor, xtr):
    """``primal_and_gap_centered`` for an already centered, transposed design ``XT`` (p, n)."""
    return primal_and_gap_centered(XT, np.zeros(XT.shape[0]), y, w, r, feats, l1, l2, dual_floor, xtr)


@njit(cache=True)
def extrapolate(R, W, n_l2, r_out, w_out, with_w):
    """Anderson-style extrapolation of the last K+1 (residual, coef) snapshots (rows of R, W, oldest
    first) towards their limit, as celer does for its dual points: with the differences U_k = x_k − x_{k−1}
    solve (UᵀU)z = 1 and combine the last K snapshots with weights z/Σz.  Returns Σ|z|/|Σz| (>= 1, how much
    the combination can amplify the snapshots' rounding), or 0.0 when UᵀU is (numerically) singular — then
    the snapshots have already converged and no extrapolation is needed.

    The differences are those of R, plus n_l2 times those of W when n_l2 > 0; r_out receives the combination
    of R's rows and, when ``with_w``, w_out that of W's rows with the same weights (so a caller can
    extrapolate coefficients and carry their residuals along: residuals are affine in the coefficients).
    """
    K = R.shape[0] - 1
    G = np.empty((K, K))
    for a in range(K):
        for b in range(a, K):
            g = 0.0
            for i in range(R.shape[1]):
                g += (R[a + 1, i] - R[a, i]) * (R[b + 1, i] - R[b, i])
            if n_l2 > 0.0:
                for i in range(W.shape[1]):
                    g += n_l2 * (W[a + 1, i] - W[a, i]) * (W[b + 1, i] - W[b, i])
            G[a, b] = g
            G[b, a] = g
    # solve G z = 1 by Gaussian elimination with partial pivoting (K is tiny)
    z = np.ones(K)
    for c in range(K):
        piv = c
        for a in range(c + 1, K):
            if abs(G[a, c]) > abs(G[piv, c]):
                piv = a
        if G[piv, c] == 0.0:  # ill-conditioned G is normal here (the differences align); only 0 fails
            return 0.0
        if piv != c:
            for b in range(K):
                G[c, b], G[piv, b] = G[piv, b], G[c, b]
            z[c], z[piv] = z[piv], z[c]
        for a in range(c + 1, K):
            f = G[a, c] / G[c, c]
            for b in range(c, K):
                G[a, b] -= f * G[c, b]
            z[a] -= f * z[c]
    for c in range(K - 1, -1, -1):
        acc = z[c]
        for b in range(c + 1, K):
            acc -= G[c, b] * z[b]
        z[c] = acc / G[c, c]
    total = z.sum()
    if total == 0.0 or not np.isfinite(total):
        return 0.0
    r_out[:] = 0.0
    if with_w:
        w_out[:] = 0.0
    for k in range(K):
        c = z[k] / total
        r_out += c * R[k + 1]
        if with_w:
            w_out += c * W[k + 1]
    return np.abs(z).sum() / abs(total)


def lipschitz_constant(X, x_mean=None) -> float:
    """σ_max(X − 1·x̄ᵀ)²/n: the Lipschitz constant of the least-squares gradient ∇(½||y − X_c w||²/n).

    ``x_mean`` (length p) centers the columns implicitly (None: X is used as given).  Computed from the
    smaller Gram matrix (p × p or n × n), built a block at a time so that no centered copy of X is made.
    """
    X = np.asarray(X, dtype=np.float64)
    n, p = X.shape
    if n == 0 or p == 0:
        return 0.0
    m = np.zeros(p) if x_mean is None else np.asarray(x_mean, dtype=np.float64)
    block = max(1, (1 << 20) // max(n, p))
    if p <= n:  # G = Σ_rows (x_i − m)(x_i − m)ᵀ
        G = np.zeros((p, p))
        for i0 in range(0, n, block):
            B = X[i0:i0 + block] - m
            G += B.T @ B
    else:  # K = Σ_column-blocks (X_b − m_b)(X_b − m_b)ᵀ, same nonzero eigenvalues
        G = np.zeros((n, n))
        for j0 in range(0, p, block):
            B = X[:, j0:j0 + block] - m[j0:j0 + block]
            G += B @ B.T
    return float(np.linalg.eigvalsh(G)[-1]) / n


def objective(X, y, coef, intercept, lam, l1_ratio=1.0) -> float:
    """The course objective ``(1/(2n))·||y − X·coef − intercept||² + λ·(r||coef||₁ + (1−r)/2·||coef||²)``.

    ``l1_ratio`` r = 1 (default) is the lasso, r = 0 ridge (penalty ½λ||w||²); same scaling as glmnet and
    scikit-learn's ``Lasso``/``ElasticNet(alpha=λ, l1_ratio=r)``.
    """
    Xa = as_design(X)
    ya = as_target(y, Xa.shape[0])
    w = as_vector(coef, "coef")
    if w.shape[0] != Xa.shape[1]:
        raise ValueError(f"coef has {w.shape[0]} entries but X has {Xa.shape[1]} columns; they must match")
    b = check_scalar(intercept, "intercept")
    lam = check_lam(lam)
    r = check_l1_ratio(l1_ratio)
    res = ya - Xa @ w - b
    n = Xa.shape[0]
    return float(0.5 * (res @ res) / n + lam * (r * np.abs(w).sum() + 0.5 * (1.0 - r) * (w @ w)))


def duality_gap(X, y, coef, lam, l1_ratio=1.0, fit_intercept=True) -> float:
    """Duality gap of ``coef`` for the (elastic-net) objective; an upper bound on objective − minimum.

    With ``fit_intercept=True`` the intercept is the optimal one for ``coef`` (X and y centered).
    Dual point: the residual rescaled to be dual-feasible (scikit-learn, celer); for ``l1_ratio < 1`` also
    the Fenchel dual at the plain residual, the smaller gap is returned (see the module docstring).
    The solvers stop when this is ``<= tol·||y − ȳ||²/n``.  At λ = 0 (least squares) the rescaled point is
    not informative and the gap equals the objective unless X_cᵀ(y − X_c w) = 0; use ``lasso``'s reported
    gap there (it uses the exact least-squares dual point).
    """
    Xa = as_design(X)
    ya = as_target(y, Xa.shape[0])
    w = as_vector(coef, "coef")
    if w.shape[0] != Xa.shape[1]:
        raise ValueError(f"coef has {w.shape[0]} entries but X has {Xa.shape[1]} columns; they must match")
    lam = check_lam(lam)
    ratio = check_l1_ratio(l1_ratio)
    if fit_intercept:
        Xa = Xa - Xa.mean(axis=0)
        ya = ya - ya.mean()
    XT = np.ascontiguousarray(Xa.T)
    res = ya - Xa @ w
    p = Xa.shape[1]
    _, gap = primal_and_gap(XT, ya, w, res, np.arange(p), lam * ratio, lam * (1.0 - ratio), -math.inf, np.empty(p))
    return float(gap)
