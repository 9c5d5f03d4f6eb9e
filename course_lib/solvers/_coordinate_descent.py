"""Cyclic coordinate descent for the lasso / elastic net (kernel and its Python driver).

One coordinate update minimizes the objective exactly in w_j with the others fixed::

    z   = x_jᵀr/n + ||x_j||²/n · w_j          (r = y − Xw, the current residual)
    w_j = S(z, λr) / (||x_j||²/n + λ(1−r))     (S = soft threshold)

and updates the residual in O(n) only when w_j changed (zero updates are skipped, which is most of them
on a sparse problem).  The duality gap (one pass over X) is evaluated every ``GAP_EVERY`` epochs, or
earlier when an epoch barely moved the coefficients.

Two accelerations, every ``N_EXTRAPOLATE`` epochs, from the last few iterates:
* dual extrapolation (celer): the residuals are extrapolated to a better dual point, so the gap
  certifies convergence sooner (the plain residual's gap shrinks only like the square root of the
  objective's error);
* primal Anderson acceleration (skglm): the coefficients are extrapolated and the result kept only if it
  lowers the objective.  Switched off when recording, so a recorded history is textbook cyclic CD.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from ._problem import NO_RECORD_1D, NO_RECORD_2D, history_buffers, trim_history
from .._internal.vector_ops import dot
from ..core.duality import extrapolate, primal_and_gap, rescaled_dual_value

GAP_EVERY = 10
N_EXTRAPOLATE = 5  # snapshots combined by dual extrapolation (celer uses 5)


@njit(cache=True)
def _store_snapshot(w, r, feats, l2, accelerate, R, W, Wp, n_snap):
    """Store the current state as snapshot row ``n_snap``; returns the number of rows stored."""
    R[n_snap] = r
    if l2 > 0.0:
        W[n_snap] = w
    if accelerate:
        for jj in range(feats.shape[0]):
            Wp[n_snap, jj] = w[feats[jj]]
    return n_snap + 1


@njit(cache=True)
def _anderson_step(XT, y, w, r, feats, l1, l2, Wp, w_try, r_try, unused):
    """Primal Anderson extrapolation (as skglm does): combine the last K+1 iterates (rows of Wp, over
    ``feats``) towards their limit; keep the result only if it lowers the objective."""
    n = y.shape[0]
    if not extrapolate(Wp, unused, 0.0, w_try, unused[0]):
        return
    r_try[:] = r
    pen_now = 0.0
    pen_try = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        d = w_try[jj] - w[j]
        if d != 0.0:
            xj = XT[j]
            for i in range(n):
                r_try[i] -= d * xj[i]
        pen_now += l1 * abs(w[j]) + 0.5 * l2 * w[j] * w[j]
        pen_try += l1 * abs(w_try[jj]) + 0.5 * l2 * w_try[jj] * w_try[jj]
    if 0.5 * dot(r_try, r_try) / n + pen_try < 0.5 * dot(r, r) / n + pen_now:
        for jj in range(feats.shape[0]):
            w[feats[jj]] = w_try[jj]
        r[:] = r_try


@njit(cache=True)
def cd_epochs(XT, y, w, r, feats, col_sq, l1, l2, tol_abs, max_epochs, gap_every, dual_floor, xtr,
              rec_coef, rec_obj, rec_gap, rec_updates, best_r, best_w):
    """Coordinate-descent epochs over ``feats`` until gap <= tol_abs; w and r are updated in place.

    Returns (epochs run, objective, gap, best extrapolated dual value or −inf).  The dual point behind
    that value is written to (best_r, best_w) so that a caller can re-use it on a larger feature set.
    When the ``rec_*`` arrays are non-empty, row k receives the state after epoch k (row 0 the start) and
    ``rec_updates`` one row per coordinate visit.
    """
    n = y.shape[0]
    p = XT.shape[0]
    record = rec_coef.shape[0] > 0
    record_updates = rec_updates.shape[0] > 0
    # Snapshots after each of K consecutive epochs (row 0: the state before them).  Every K epochs they
    # give (1) an extrapolated dual point (celer) — residuals, and coefficients for the elastic net — and
    # (2) a primal Anderson step (skglm) on the coefficients over feats, kept only if it lowers the
    # objective.  (2) is off when recording, so that a recorded history is plain cyclic CD.
    accelerate = not record
    K1 = N_EXTRAPOLATE + 1
    m = feats.shape[0] if accelerate else 1
    R = np.empty((K1, n))
    W = np.empty((K1, p if l2 > 0.0 else 1))
    Wp = np.empty((K1, m))
    r_acc = np.empty(n)
    w_acc = np.zeros(p)
    w_try = np.empty(m)
    r_try = np.empty(n if accelerate else 1)
    unused = np.empty((1, 1))
    best_dual = -np.inf
    n_snap = 0
    primal, gap = primal_and_gap(XT, y, w, r, feats, l1, l2, dual_floor, xtr)
    if record:
        rec_coef[0] = w
        rec_obj[0] = primal
        rec_gap[0] = gap
    u = 0
    if record_updates:
        rec_updates[0] = w
        u = 1
    if gap <= tol_abs:
        return 0, primal, gap, best_dual
    n_snap = _store_snapshot(w, r, feats, l2, accelerate, R, W, Wp, 0)
    for epoch in range(1, max_epochs + 1):
        w_max = 0.0
        d_max = 0.0
        for jj in range(feats.shape[0]):
            j = feats[jj]
            old = w[j]
            cs = col_sq[j]
            if cs == 0.0:
                new = 0.0  # a constant column (after centering) cannot help the fit: keep it at 0
                w[j] = 0.0
            else:
                xj = XT[j]
                z = dot(xj, r) / n + cs * old
                if z > l1:
                    new = (z - l1) / (cs + l2)
                elif z < -l1:
                    new = (z + l1) / (cs + l2)
                else:
                    new = 0.0
                if new != old:
                    d = new - old
                    for i in range(n):
                        r[i] -= d * xj[i]
                    w[j] = new
            if abs(new - old) > d_max:
                d_max = abs(new - old)
            if abs(new) > w_max:
                w_max = abs(new)
            if record_updates:
                rec_updates[u] = w
                u += 1
        n_snap = _store_snapshot(w, r, feats, l2, accelerate, R, W, Wp, n_snap)
        if n_snap == K1:
            if extrapolate(R, W, n * l2, r_acc, w_acc):
                dual_acc = rescaled_dual_value(XT, y, r_acc, w_acc, feats, l1, l2)
                if dual_acc > best_dual:
                    best_dual = dual_acc
                    best_r[:] = r_acc
                    best_w[:] = w_acc
            if accelerate:
                _anderson_step(XT, y, w, r, feats, l1, l2, Wp, w_try, r_try, unused)
            n_snap = _store_snapshot(w, r, feats, l2, accelerate, R, W, Wp, 0)
        if record or epoch % gap_every == 0 or d_max <= 1e-6 * w_max or epoch == max_epochs:
            primal, gap = primal_and_gap(XT, y, w, r, feats, l1, l2, max(dual_floor, best_dual), xtr)
            if record:
                rec_coef[epoch] = w
                rec_obj[epoch] = primal
                rec_gap[epoch] = gap
            if gap <= tol_abs:
                return epoch, primal, gap, best_dual
    return max_epochs, primal, gap, best_dual


def solve_cd(data, l1, l2, w, r, tol_abs, max_iter, record=False, feats=None, gap_every=GAP_EVERY):
    """Run coordinate descent from (w, r) in place; returns (epochs, objective, gap, history or None)."""
    feats = data.all_feats if feats is None else feats
    xtr = np.empty(data.p)
    dual_floor = data.dual_floor(l1, l2)
    if not record:
        n_iter, primal, gap, _ = cd_epochs(data.XT, data.y, w, r, feats, data.col_sq, l1, l2, tol_abs, max_iter,
                                           gap_every, dual_floor, xtr, NO_RECORD_2D, NO_RECORD_1D, NO_RECORD_1D,
                                           NO_RECORD_2D, np.empty(data.n), np.empty(data.p))
        return n_iter, primal, gap, None
    bufs = history_buffers(max_iter + 1, data.p)
    updates = (history_buffers(max_iter * feats.shape[0] + 1, data.p)["coef"] if record == "updates"
               else NO_RECORD_2D)
    n_iter, primal, gap, _ = cd_epochs(data.XT, data.y, w, r, feats, data.col_sq, l1, l2, tol_abs, max_iter,
                                       gap_every, dual_floor, xtr, bufs["coef"], bufs["objective"], bufs["gap"],
                                       updates, np.empty(data.n), np.empty(data.p))
    history = trim_history(bufs, n_iter + 1)
    if record == "updates":
        history["coef_updates"] = updates[:n_iter * feats.shape[0] + 1].copy()
    return n_iter, primal, gap, history
