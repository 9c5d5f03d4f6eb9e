"""Jitted kernels of penalized logistic regression: prox-Newton (glmnet's IRLS) with coordinate descent
on the quadratic model, working sets, and the duality gap.

Labels are coded y ∈ {0, 1} here (ỹ = 2y − 1), η = Xw + b, p = σ(η).  The objective is

    F(w, b) = (1/n)·Σ [log(1 + e^{η_i}) − y_i η_i] + λr||w||₁ + λ(1−r)/2·||w||²
            = (1/n)·Σ log(1 + exp(−ỹ_i η_i)) + ...                     (the same number)

One outer (Newton) step at (w, b): weights d_i = p_i(1 − p_i), gradient g_i = p_i − y_i, quadratic model

    Q(Δ) = (1/n)·Σ [g_i Δη_i + ½ d_i Δη_i²] + penalty(w + Δw)

minimized by cyclic coordinate descent over the working set (and the unpenalized intercept), then a
backtracking line search on F along the direction found (Tseng & Yun's sufficient-decrease rule, as
in skglm's ProxNewton): glmnet takes the full step, which can overshoot when p_i is near 0 or 1.

Duality gap (the stopping rule).  With u ∈ ℝⁿ, Σu_i = 0 (the intercept), q = y − u ∈ [0, 1]ⁿ, the dual is

    D(u) = −(1/n)·Σ h(q_i) − g*(Xᵀu/n),      h(q) = q log q + (1−q) log(1−q),

g* the conjugate of the penalty: for r < 1, Σ_j (|z_j| − λr)₊² / (2λ(1−r)); for the lasso the indicator of
||z||∞ <= λ.  The dual point is the "residual" ρ = y − p, made to sum to zero by an exact intercept
(one-dimensional Newton before every gap) and, for the lasso, rescaled into ||Xᵀu/n||∞ <= λ.  Rescaling by
s ∈ (0, 1] keeps q = (1−s)y + s·p inside [0, 1].  F − D >= F − F* always, and = 0 at the optimum.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit

MIN_WEIGHT = 1e-12        # floor on p(1−p): keeps a coordinate's curvature positive near separation
MAX_CD_PASSES = 50        # coordinate-descent passes per Newton step on the quadratic model
INNER_RTOL = 1e-4         # stop the passes when the largest move is this small relative to the first pass
MAX_BACKTRACK = 40
ARMIJO = 1e-4
ROUNDING_DECREASE = 1e-13  # a predicted decrease this small (relative to F) is at the level of rounding
ROUNDING_RISE = 1e-15
INNER_FRACTION = 0.3      # a working-set subproblem is solved until its gap is below 0.3 × the full gap
FIRST_WS = 10


@njit(cache=True)
def log1pexp(t):
    """log(1 + e^t) without overflow."""
    if t > 0.0:
        return t + np.log1p(np.exp(-t))
    return np.log1p(np.exp(t))


@njit(cache=True)
def sigmoid(t):
    if t >= 0.0:
        return 1.0 / (1.0 + np.exp(-t))
    e = np.exp(t)
    return e / (1.0 + e)


@njit(cache=True)
def mean_loss(eta, y):
    n = eta.shape[0]
    s = 0.0
    for i in range(n):
        s += log1pexp(eta[i]) - y[i] * eta[i]
    return s / n


@njit(cache=True)
def _xlogx(q):
    return q * np.log(q) if q > 0.0 else 0.0


@njit(cache=True)
def penalty_value(w, feats, l1, l2):
    s = 0.0
    for jj in range(feats.shape[0]):
        v = w[feats[jj]]
        s += l1 * abs(v) + 0.5 * l2 * v * v
    return s


@njit(cache=True)
def fit_intercept_exactly(y, eta, b_arr):
    """Newton in b alone (the others fixed) until Σ(p − y) = 0 to rounding; η and b_arr[0] updated."""
    n = eta.shape[0]
    for _ in range(100):
        g = 0.0
        h = 0.0
        for i in range(n):
            p = sigmoid(eta[i])
            g += p - y[i]
            h += p * (1.0 - p)
        if abs(g) <= 1e-14 * n or h <= 0.0:
            return
        step = -g / h
        # a plain Newton step on a 1-D convex function: halve until the loss does not go up
        f0 = mean_loss(eta, y)
        t = 1.0
        for _ in range(60):
            f1 = 0.0
            for i in range(n):
                e = eta[i] + t * step
                f1 += log1pexp(e) - y[i] * e
            if f1 / n <= f0 + 1e-16:
                break
            t *= 0.5
        for i in range(n):
            eta[i] += t * step
        b_arr[0] += t * step
        if abs(t * step) <= 1e-15 * (1.0 + abs(b_arr[0])):
            return


@njit(cache=True)
def primal_gap(XT, y, w, eta, feats, l1, l2, fit_intercept, z):
    """(objective, duality gap) at (w, b) over the features ``feats`` (the others must be 0).

    z[j] receives x_jᵀρ/n for j in feats (ρ = y − p, centred when there is an intercept).  The
    caller makes the intercept exact first (``fit_intercept_exactly``), so the centring is ~1e-16.
    """
    n = eta.shape[0]
    rho = np.empty(n)
    m = 0.0
    for i in range(n):
        rho[i] = y[i] - sigmoid(eta[i])
        m += rho[i]
    m /= n
    if fit_intercept:
        for i in range(n):
            rho[i] -= m
    primal = mean_loss(eta, y) + penalty_value(w, feats, l1, l2)
    zmax = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        xj = XT[j]
        s = 0.0
        for i in range(n):
            s += xj[i] * rho[i]
        z[j] = s / n
        if abs(z[j]) > zmax:
            zmax = abs(z[j])
    scale = 1.0
    if l2 == 0.0 and zmax > l1:
        scale = l1 / zmax
    ent = 0.0
    for i in range(n):
        q = y[i] - scale * rho[i]
        if q < 0.0:
            if q < -1e-12:
                return primal, np.inf
            q = 0.0
        elif q > 1.0:
            if q > 1.0 + 1e-12:
                return primal, np.inf
            q = 1.0
        ent += _xlogx(q) + _xlogx(1.0 - q)
    conj = 0.0
    if l2 > 0.0:
        for jj in range(feats.shape[0]):
            a = abs(scale * z[feats[jj]]) - l1
            if a > 0.0:
                conj += a * a
        conj /= 2.0 * l2
    dual = -ent / n - conj
    gap = primal - dual
    return primal, max(gap, 0.0)


@njit(cache=True)
def newton_step(XT, y, w, b_arr, eta, ws, l1, l2, fit_intercept, d_eta, w_new, curv):
    """One prox-Newton step over the working set ``ws`` (and b); w, b_arr, eta updated in place.

    Returns the accepted step size (0.0 when no decrease was found: the point is optimal to rounding).
    """
    n = eta.shape[0]
    m = ws.shape[0]
    g = np.empty(n)
    d = np.empty(n)
    sum_d = 0.0
    for i in range(n):
        p = sigmoid(eta[i])
        g[i] = p - y[i]
        d[i] = max(p * (1.0 - p), MIN_WEIGHT)
        sum_d += d[i]
        d_eta[i] = 0.0
    for jj in range(m):
        j = ws[jj]
        xj = XT[j]
        c = 0.0
        for i in range(n):
            c += d[i] * xj[i] * xj[i]
        curv[jj] = c / n
        w_new[jj] = w[j]
    db = 0.0
    first = -1.0
    for _ in range(MAX_CD_PASSES):
        biggest = 0.0
        for jj in range(m):
            c = curv[jj]
            if c <= 0.0:
                continue  # an all-zero column: its coefficient stays where it is (0)
            xj = XT[ws[jj]]
            a = 0.0
            for i in range(n):
                a += xj[i] * (g[i] + d[i] * d_eta[i])
            zz = c * w_new[jj] - a / n
            if zz > l1:
                new = (zz - l1) / (c + l2)
            elif zz < -l1:
                new = (zz + l1) / (c + l2)
            else:
                new = 0.0
            delta = new - w_new[jj]
            if delta != 0.0:
                for i in range(n):
                    d_eta[i] += delta * xj[i]
                w_new[jj] = new
                move = c * delta * delta
                if move > biggest:
                    biggest = move
        if fit_intercept:
            s = 0.0
            for i in range(n):
                s += g[i] + d[i] * d_eta[i]
            delta = -s / sum_d
            if delta != 0.0:
                for i in range(n):
                    d_eta[i] += delta
                db += delta
                move = sum_d / n * delta * delta
                if move > biggest:
                    biggest = move
        if first < 0.0:
            first = biggest
        if biggest <= INNER_RTOL * first or biggest == 0.0:
            break
    # line search on F along (Δw, Δb): sufficient decrease relative to the model's predicted decrease
    lin = 0.0
    for i in range(n):
        lin += g[i] * d_eta[i]
    lin /= n
    pen_old = 0.0
    pen_new = 0.0
    for jj in range(m):
        v = w[ws[jj]]
        u = w_new[jj]
        pen_old += l1 * abs(v) + 0.5 * l2 * v * v
        pen_new += l1 * abs(u) + 0.5 * l2 * u * u
    decrease = lin + pen_new - pen_old
    f_old = mean_loss(eta, y) + pen_old
    if decrease >= 0.0 and decrease > ROUNDING_DECREASE * (1.0 + abs(f_old)):
        return 0.0  # not a descent direction (cannot happen in exact arithmetic)
    t = 1.0
    trial = np.empty(n)
    for _ in range(MAX_BACKTRACK):
        for i in range(n):
            trial[i] = eta[i] + t * d_eta[i]
        pen_t = 0.0
        for jj in range(m):
            u = w[ws[jj]] + t * (w_new[jj] - w[ws[jj]])
            pen_t += l1 * abs(u) + 0.5 * l2 * u * u
        f_t = mean_loss(trial, y) + pen_t
        # near the optimum the predicted decrease falls below the rounding of F (~1e-16·F): a full step that
        # does not raise F beyond that rounding is taken, as glmnet always does (progress is judged by the gap)
        tiny = t == 1.0 and -decrease <= ROUNDING_DECREASE * (1.0 + abs(f_old)) and \
            f_t <= f_old + ROUNDING_RISE * (1.0 + abs(f_old))
        if f_t <= f_old + ARMIJO * t * decrease or tiny:
            for jj in range(m):
                j = ws[jj]
                w[j] = w[j] + t * (w_new[jj] - w[j])
            for i in range(n):
                eta[i] = trial[i]
            b_arr[0] += t * db
            return t
        t *= 0.5
    return 0.0


@njit(cache=True)
def _solve_on(XT, y, w, b_arr, eta, feats, l1, l2, fit_intercept, tol_sub, max_steps, z):
    """Prox-Newton steps on ``feats`` until the subproblem's gap <= tol_sub.  Returns (steps, primal, gap)."""
    n = eta.shape[0]
    m = feats.shape[0]
    d_eta = np.empty(n)
    w_new = np.empty(m)
    curv = np.empty(m)
    steps = 0
    while True:
        if fit_intercept:
            fit_intercept_exactly(y, eta, b_arr)
        primal, gap = primal_gap(XT, y, w, eta, feats, l1, l2, fit_intercept, z)
        if gap <= tol_sub or steps >= max_steps:
            return steps, primal, gap
        t = newton_step(XT, y, w, b_arr, eta, feats, l1, l2, fit_intercept, d_eta, w_new, curv)
        steps += 1
        if t == 0.0:
            if fit_intercept:
                fit_intercept_exactly(y, eta, b_arr)
            primal, gap = primal_gap(XT, y, w, eta, feats, l1, l2, fit_intercept, z)
            return steps, primal, gap


@njit(cache=True)
def solve_logistic(XT, y, w, b_arr, eta, all_feats, col_norm, l1, l2, fit_intercept, tol_abs, max_iter,
                   use_ws, ws_size):
    """Working-set prox-Newton from (w, b) in place (eta = Xw + b kept in step).

    Returns (Newton steps, objective, gap, working-set size).  Each outer iteration computes the full
    gap and x_jᵀρ/n; the working set is the support plus the features closest to violating
    |x_jᵀρ/n| <= λr (score (λr − |x_jᵀρ/n|)/||x_j||), at least twice the support, doubled after an outer
    iteration that did not halve the gap; the subproblem is solved to 0.3 × the full gap.
    """
    p = XT.shape[0]
    z = np.zeros(p)
    steps = 0
    last_gap = np.inf
    while True:
        if fit_intercept:
            fit_intercept_exactly(y, eta, b_arr)
        primal, gap = primal_gap(XT, y, w, eta, all_feats, l1, l2, fit_intercept, z)
        if gap <= tol_abs or steps >= max_iter:
            return steps, primal, gap, ws_size
        if not use_ws or l1 == 0.0:
            k, primal, gap = _solve_on(XT, y, w, b_arr, eta, all_feats, l1, l2, fit_intercept, tol_abs,
                                       max_iter - steps, z)
            steps += max(k, 1)
            if k == 0 or gap <= tol_abs or steps >= max_iter:
                return steps, primal, gap, ws_size
            continue
        if gap > 0.5 * last_gap:
            ws_size = 2 * ws_size
        last_gap = gap
        m = all_feats.shape[0]
        score = np.empty(m)
        n_support = 0
        for jj in range(m):
            j = all_feats[jj]
            if w[j] != 0.0:
                score[jj] = -np.inf
                n_support += 1
            elif col_norm[j] == 0.0:
                score[jj] = np.inf
            else:
                score[jj] = (l1 - abs(z[j])) / col_norm[j]
        size = min(max(ws_size, 2 * n_support, FIRST_WS), m)
        order = np.argsort(score, kind="mergesort")
        ws = np.sort(all_feats[order[:size]])
        ws_size = size
        sub_tol = max(INNER_FRACTION * gap, 0.5 * tol_abs) if size < m else tol_abs
        k, primal, gap_ws = _solve_on(XT, y, w, b_arr, eta, ws, l1, l2, fit_intercept, sub_tol,
                                      max_iter - steps, z)
        steps += max(k, 1)
