"""The subgradient method for the lasso / elastic net, with the classical step rules.

Objective (every solver): ``(1/(2n))·||y − Xw − b||² + λ·(r||w||₁ + (1−r)/2·||w||²)``, b unpenalized
(fit by centering; scikit-learn's ``Lasso/ElasticNet(alpha=λ, l1_ratio=r)``).

One step moves against a subgradient ``g = −X_cᵀ(y_c − X_c w)/n + λ(1−r)w + λr·sign(w)`` (taking
sign(0) = 0, one valid choice in [−1, 1]) with step size α_k:

* ``"constant_step"``:   α_k = step
* ``"constant_length"``: α_k = step / ||g_k||   (every move has length ``step``)
* ``"diminishing"``:     α_k = step / √k

The objective is not monotone along the iterates, so the method keeps the best point seen so far
(best-so-far tracking); ``Fit.coef`` is that point.  Unlike coordinate descent or ISTA, nothing here
thresholds: the iterates hover around 0 instead of landing on it, so the result has no exact zeros in
general (compare ``np.count_nonzero`` with ``lasso(method="cd")``).
"""
from __future__ import annotations

import math

import numpy as np

from .._internal.jit import njit
from ._problem import (NO_RECORD_1D, NO_RECORD_2D, Data, check_common, check_record, history_buffers,
                       make_fit, trim_history)
from .._internal.validation import check_choice, check_scalar
from .._internal.vector_ops import dot
from ..core.duality import primal_and_gap

__all__ = ["subgradient_method"]

STEP_RULES = ("constant_step", "constant_length", "diminishing")
GAP_EVERY = 10


@njit(cache=True)
def subgradient_steps(XT, y, w, l1, l2, rule, step, tol_abs, k_start, k_stop, gap_every, dual_floor,
                      best_w, best_r, state, rec_coef, rec_obj, rec_best, rec_gap):
    """Subgradient steps k_start+1 … k_stop from w (in place).  ``best_w``/``best_r`` hold the best point
    so far and its residual, ``state`` = [best objective, gap at best], kept between calls so that a long
    run is a sequence of short calls returning to Python (where an interrupt is seen).
    Returns (last step, status): 0 converged, 1 chunk finished.  A diverging constant step is a lesson of
    chapter 4, so non-finite iterates are kept (recorded) while ``best_w`` stays the best finite point."""
    p, n = XT.shape
    feats = np.arange(p)
    xtr = np.empty(p)
    record = rec_coef.shape[0] > 0
    r = y.copy()
    for j in range(p):
        if w[j] != 0.0:
            xj = XT[j]
            for i in range(n):
                r[i] -= w[j] * xj[i]
    if k_start == 0:
        primal, gap = primal_and_gap(XT, y, w, r, feats, l1, l2, dual_floor, xtr)
        state[0] = primal
        state[1] = gap
        best_w[:] = w
        best_r[:] = r
        if record:
            rec_coef[0] = w
            rec_obj[0] = primal
            rec_best[0] = primal
            rec_gap[0] = gap
        if gap <= tol_abs:
            return 0, 0
    best = state[0]
    gap = state[1]
    g = np.empty(p)
    for k in range(k_start + 1, k_stop + 1):
        g_sq = 0.0
        for j in range(p):
            d = dot(XT[j], r)
            s = 0.0
            if w[j] > 0.0:
                s = 1.0
            elif w[j] < 0.0:
                s = -1.0
            g[j] = -d / n + l2 * w[j] + l1 * s
            g_sq += g[j] * g[j]
        if rule == 0:
            alpha = step
        elif rule == 1:
            alpha = step / math.sqrt(g_sq) if g_sq > 0.0 else 0.0
        else:
            alpha = step / math.sqrt(k)
        for j in range(p):
            w[j] -= alpha * g[j]
        r[:] = y
        for j in range(p):
            if w[j] != 0.0:
                xj = XT[j]
                for i in range(n):
                    r[i] -= w[j] * xj[i]
        rr = 0.0
        for i in range(n):
            rr += r[i] * r[i]
        primal = 0.5 * rr / n + l1 * np.sum(np.abs(w)) + 0.5 * l2 * np.sum(w * w)
        improved = primal < best
        if improved:
            best = primal
            best_w[:] = w
            best_r[:] = r
        if record or k % gap_every == 0 or k == k_stop:
            if improved or record or k == k_stop:
                _, gap = primal_and_gap(XT, y, best_w, best_r, feats, l1, l2, dual_floor, xtr)
            if record:
                rec_coef[k] = w
                rec_obj[k] = primal
                rec_best[k] = best
                rec_gap[k] = gap
            if gap <= tol_abs:
                state[0] = best
                state[1] = gap
                return k, 0
    state[0] = best
    state[1] = gap
    return k_stop, 1


# multiply-adds per kernel call (≈0.1 s) so that Kernel → Interrupt is seen within about a second
CHUNK_FLOPS = 20_000_000


def solve_subgradient(data, l1, l2, w, tol_abs, max_iter, record, step_rule, step):
    rule = STEP_RULES.index(step_rule)
    dual_floor = data.dual_floor(l1, l2)
    if record:
        bufs = history_buffers(max_iter + 1, data.p, extra_keys=("best_objective",))
        rec = (bufs["coef"], bufs["objective"], bufs["best_objective"], bufs["gap"])
    else:
        rec = (NO_RECORD_2D, NO_RECORD_1D, NO_RECORD_1D, NO_RECORD_1D)
    per_iter = 3 * data.n * data.p + data.n + data.p
    chunk = max(GAP_EVERY, (CHUNK_FLOPS // per_iter) // GAP_EVERY * GAP_EVERY)
    best_w = np.empty(data.p)
    best_r = np.empty(data.n)
    state = np.zeros(2)
    k = 0
    while True:
        k_stop = min(k + chunk, max_iter)
        k, status = subgradient_steps(data.XT, data.y, w, l1, l2, rule, step, tol_abs, k, k_stop, GAP_EVERY,
                                      dual_floor, best_w, best_r, state, *rec)
        if status == 0 or k >= max_iter:
            break
    history = trim_history(bufs, k + 1) if record else None
    return k, best_w, float(state[0]), float(state[1]), history


def check_step(step_rule, step):
    step_rule = check_choice(step_rule, "step_rule", STEP_RULES)
    step = check_scalar(step, "step", low=0.0, low_inclusive=False)
    return step_rule, step


def subgradient_method(X, y, lam, step_rule="diminishing", step=0.1, max_iter=5_000, coef_init=None,
                       l1_ratio=1.0, fit_intercept=True, record=False, tol=1e-8):
    """Minimize the lasso / elastic-net objective with the subgradient method; returns a ``Fit``.

    Objective: ``(1/(2n))·||y − Xw − b||² + λ·(r||w||₁ + (1−r)/2·||w||²)``, r = ``l1_ratio`` (1 = lasso),
    intercept b unpenalized (centering).  Subgradient of ||w||₁: sign(w) with sign(0) = 0.

    step_rule : ``"constant_step"`` (α = step), ``"constant_length"`` (α = step/||g||) or
        ``"diminishing"`` (α = step/√k, the only rule that converges to the minimum).
    max_iter : number of steps (the method is usually run for a fixed budget).
    tol : stop early when the duality gap at the best point is <= tol·||y − ȳ||²/n (checked every 10 steps;
        rarely reached: expect a ``ConvergenceWarning``, which is the point of the comparison).  The gap
        bounds the objective (F(best) − F* <= gap), not the coefficients: see ``cl.coefficient_error_bound``.
    The steps run in chunks that return to Python, so Kernel → Interrupt stops a long run promptly.

    ``Fit.coef`` is the best iterate seen (best-so-far tracking).  The iterates hover around 0 instead of
    landing on it: the result has no exact zeros in general, unlike coordinate descent / ISTA.
    ``record=True``: ``history`` has ``"coef"`` (n_iter+1, p, the raw iterates, first row the start),
    ``"objective"`` (their objective values), ``"best_objective"`` (best so far) and ``"gap"`` (duality gap
    of the best point so far).
    """
    data = Data(X, y, fit_intercept)
    return fit_subgradient(data, lam, l1_ratio, tol, max_iter, coef_init, record, step_rule, step)


def fit_subgradient(data, lam, l1_ratio, tol, max_iter, coef_init, record, step_rule, step, stacklevel=4):
    lam, l1_ratio, tol, max_iter, w = check_common(data, lam, l1_ratio, tol, max_iter, coef_init)
    step_rule, step = check_step(step_rule, step)
    record = check_record(record)
    if record == "updates":
        raise ValueError("record='updates' is only for coordinate descent; use record=True")
    tol_abs = tol * data.y_scale
    l1, l2 = lam * l1_ratio, lam * (1.0 - l1_ratio)
    n_iter, best_w, best, gap, history = solve_subgradient(data, l1, l2, w, tol_abs, max_iter, bool(record),
                                                           step_rule, step)
    return make_fit(data, best_w, best, gap, n_iter, tol_abs, tol, lam, l1_ratio, "subgradient", history,
                    unit="steps", stacklevel=stacklevel)
