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
from ._problem import NO_RECORD_1D, NO_RECORD_2D, history_buffers, rebuild_residual, trim_history
from .._internal.vector_ops import dot
from ..core.duality import (axpy_centered, dot_centered, extrapolate, objective_value, primal_and_gap_centered,
                            primal_gap_and_candidate)
from ..core.penalties import soft_threshold_scalar

GAP_EVERY = 10
N_EXTRAPOLATE = 5  # snapshots combined by dual extrapolation (celer uses 5)
# Kernel → Interrupt: the kernel returns to Python after about this many multiply-adds (≈ 0.05–0.2 s),
# where a pending KeyboardInterrupt is raised; its state (epoch, snapshots) carries over to the next call.
CHUNK_ELEMENTS = 20_000_000


@njit(cache=True)
def _store_snapshot(w, r, feats, keep_w, R, Wf, n_snap):
    """Store the current state as snapshot row ``n_snap`` (coefficients over ``feats`` only: the others do
    not move during these epochs); returns the number of rows stored."""
    R[n_snap] = r
    if keep_w:
        for jj in range(feats.shape[0]):
            Wf[n_snap, jj] = w[feats[jj]]
    return n_snap + 1


# Above this amplification (Σ|weights|) the combined stored residuals would carry too much rounding to
# compare objectives with: the residual of the extrapolated point is then recomputed from X.
MAX_COMBINED_AMPLIFICATION = 100.0


@njit(cache=True)
def _anderson_step(Xt, xm, y, w, r, feats, l1, l2, Wf, R, w_try, r_try):
    """Primal Anderson extrapolation (as skglm does): combine the last K+1 iterates (rows of Wf, over
    ``feats``) towards their limit; keep the result only if it lowers the objective.  Returns whether it
    was kept.  The residual of the combination is the same combination of the stored residuals (r is affine
    in w and the weights sum to 1), so no pass over X is needed — unless the weights are large enough to
    amplify rounding (MAX_COMBINED_AMPLIFICATION), when it is recomputed over the changed coordinates."""
    n = y.shape[0]
    amplification = extrapolate(Wf, R, 0.0, w_try, r_try, True)
    if amplification == 0.0:
        return False
    if amplification > MAX_COMBINED_AMPLIFICATION:
        r_try[:] = r
        for jj in range(feats.shape[0]):
            j = feats[jj]
            d = w_try[jj] - w[j]
            if d != 0.0:
                axpy_centered(d, Xt[j], xm[j], r_try)
    w1_now = 0.0
    w2_now = 0.0
    w1_try = 0.0
    w2_try = 0.0
    for jj in range(feats.shape[0]):
        j = feats[jj]
        w1_now += abs(w[j])
        w2_now += w[j] * w[j]
        w1_try += abs(w_try[jj])
        w2_try += w_try[jj] * w_try[jj]
    if (objective_value(dot(r_try, r_try), w1_try, w2_try, l1, l2, n)
            < objective_value(dot(r, r), w1_now, w2_now, l1, l2, n)):
        for jj in range(feats.shape[0]):
            w[feats[jj]] = w_try[jj]
        r[:] = r_try
        return True
    return False


@njit(cache=True)
def cd_epochs(Xt, xm, y, w, r, feats, col_sq, l1, l2, tol_abs, epoch_stop, max_epochs, gap_every, dual_floor,
              coef_tol, xtr, rec_coef, rec_obj, rec_gap, rec_updates, best_r, best_w, R, Wf, r_acc, w_acc,
              wf_acc, w_try, r_try, state):
    """Coordinate-descent epochs over ``feats`` until gap <= tol_abs; w and r are updated in place.

    Resumable: ``state = [epochs done, snapshots stored]`` (zeros for a fresh start) is updated, and the
    call returns after epoch ``epoch_stop`` (<= ``max_epochs``) so that Python can handle an interrupt;
    R, Wf, r_acc, w_acc, wf_acc, w_try, r_try are the caller's workspace (``cd_workspace``; w_acc all
    zeros outside ``feats``).
    Xt is the uncentered transposed design; columns are centered on the fly with ``xm``.
    Returns (objective, gap, best extrapolated dual value or −inf, converged).  The dual point behind that
    value is written to (best_r, best_w) so that a caller can re-use it on a larger feature set.
    Converged: gap <= tol_abs and, when ``coef_tol`` > 0, the last epoch moved no coefficient by more than
    coef_tol·max_j|w_j| (scikit-learn's criterion, on top of the gap).
    When the ``rec_*`` arrays are non-empty, row k receives the state after epoch k (row 0 the start) and
    ``rec_updates`` one row per coordinate visit.
    """
    n = y.shape[0]
    record = rec_coef.shape[0] > 0
    record_updates = rec_updates.shape[0] > 0
    # Snapshots after each of K consecutive epochs (row 0: the state before them).  Every K epochs they
    # give (1) an extrapolated dual point (celer) — residuals, and coefficients for the elastic net — and
    # (2) a primal Anderson step (skglm) on the coefficients over feats, kept only if it lowers the
    # objective.  (2) is off when recording, so that a recorded history is plain cyclic CD.
    accelerate = not record
    keep_w = accelerate or l2 > 0.0
    K1 = N_EXTRAPOLATE + 1
    best_dual = -np.inf
    m = feats.shape[0]
    start = state[0]
    n_snap = state[1]
    primal = np.inf
    gap = np.inf
    if start == 0:
        primal, gap = primal_and_gap_centered(Xt, xm, y, w, r, feats, l1, l2, dual_floor, xtr)
        if record:
            rec_coef[0] = w
            rec_obj[0] = primal
            rec_gap[0] = gap
        if record_updates:
            rec_updates[0] = w
        if gap <= tol_abs and coef_tol <= 0.0:
            return primal, gap, best_dual, True
        n_snap = _store_snapshot(w, r, feats, keep_w, R, Wf, 0)
        state[1] = n_snap
    u = 1 + start * m
    check_next = False
    has_candidate = False
    drifted = False
    for epoch in range(start + 1, epoch_stop + 1):
        extrapolated = False
        w_max = 0.0
        d_max = 0.0
        for jj in range(m):
            j = feats[jj]
            old = w[j]
            cs = col_sq[j]
            if cs == 0.0:
                new = 0.0  # a constant column (after centering) cannot help the fit: keep it at 0
                w[j] = 0.0
            else:
                xj = Xt[j]
                z = dot_centered(xj, xm[j], r) / n + cs * old
                new = soft_threshold_scalar(z, l1) / (cs + l2)
                if new != old:
                    axpy_centered(new - old, xj, xm[j], r)
                    w[j] = new
            if abs(new - old) > d_max:
                d_max = abs(new - old)
            if abs(new) > w_max:
                w_max = abs(new)
            if record_updates:
                rec_updates[u] = w
                u += 1
        n_snap = _store_snapshot(w, r, feats, keep_w, R, Wf, n_snap)
        if n_snap == K1:
            # the extrapolated dual point is evaluated at the next gap test, in the same pass over X
            if extrapolate(R, Wf, n * l2, r_acc, wf_acc, l2 > 0.0) > 0.0:
                if l2 > 0.0:
                    for jj in range(m):
                        w_acc[feats[jj]] = wf_acc[jj]
                has_candidate = True
            # an extrapolated point is a combination of iterates: a coefficient that is 0 in some of them comes
            # out tiny but not exactly 0, so it is never returned as it is — the next (plain) epoch
            # soft-thresholds every coordinate again before convergence is tested
            if accelerate and _anderson_step(Xt, xm, y, w, r, feats, l1, l2, Wf, R, w_try, r_try):
                extrapolated = True
                drifted = True
            n_snap = _store_snapshot(w, r, feats, keep_w, R, Wf, 0)
        state[0] = epoch
        state[1] = n_snap
        if extrapolated and epoch < max_epochs:
            check_next = True  # test after the next plain epoch instead
            continue
        if record or check_next or epoch % gap_every == 0 or d_max <= 1e-6 * w_max or epoch == max_epochs:
            check_next = False
            if drifted:
                rebuild_residual(Xt, xm, y, w, feats, r)
                drifted = False
            floor = max(dual_floor, best_dual)
            if has_candidate:
                primal, gap, cand = primal_gap_and_candidate(Xt, xm, y, w, r, feats, l1, l2, floor, xtr,
                                                             r_acc, w_acc)
                has_candidate = False
                if cand > best_dual:
                    best_dual = cand
                    best_r[:] = r_acc
                    best_w[:] = w_acc
            else:
                primal, gap = primal_and_gap_centered(Xt, xm, y, w, r, feats, l1, l2, floor, xtr)
            if record:
                rec_coef[epoch] = w
                rec_obj[epoch] = primal
                rec_gap[epoch] = gap
            if gap <= tol_abs and (coef_tol <= 0.0 or d_max <= coef_tol * w_max):
                return primal, gap, best_dual, True
    if drifted:  # hand back the true residual (the caller or the next chunk goes on from it)
        rebuild_residual(Xt, xm, y, w, feats, r)
    return primal, gap, best_dual, False


def cd_workspace(n, p, m, l2, record):
    """The snapshot buffers of ``cd_epochs`` for m features (O(n + p) memory; coefficients are stored over
    the m features only)."""
    K1 = N_EXTRAPOLATE + 1
    acc = not record
    keep_w = acc or l2 > 0.0
    return (np.empty((K1, n)), np.zeros((K1, max(m, 1) if keep_w else 1)), np.empty(n), np.zeros(p),
            np.empty(max(m, 1)), np.empty(max(m, 1) if acc else 1), np.empty(n if acc else 1))


def run_cd(data, feats, w, r, l1, l2, tol_abs, max_epochs, gap_every, dual_floor, xtr, best_r, best_w,
           coef_tol=0.0, rec=(NO_RECORD_2D, NO_RECORD_1D, NO_RECORD_1D, NO_RECORD_2D)):
    """``cd_epochs`` in chunks of about CHUNK_ELEMENTS multiply-adds, so that Kernel → Interrupt stops it.

    Returns (epochs, objective, gap, best extrapolated dual value or −inf, converged)."""
    m = max(feats.shape[0], 1)
    chunk = max(1, CHUNK_ELEMENTS // (data.n * m))
    work = cd_workspace(data.n, data.p, feats.shape[0], l2, rec[0].shape[0] > 0)
    state = np.zeros(2, dtype=np.int64)
    best = -np.inf
    while True:
        stop = min(int(state[0]) + chunk, max_epochs)
        primal, gap, bd, converged = cd_epochs(data.Xt, data.x_mean, data.y, w, r, feats, data.col_sq, l1, l2,
                                               tol_abs, stop, max_epochs, gap_every, max(dual_floor, best),
                                               coef_tol, xtr, *rec, best_r, best_w, *work, state)
        best = max(best, bd)
        if converged or state[0] >= max_epochs:
            return int(state[0]), primal, gap, best, converged


def solve_cd(data, l1, l2, w, r, tol_abs, max_iter, record=False, feats=None, gap_every=GAP_EVERY, coef_tol=0.0):
    """Run coordinate descent from (w, r) in place; returns (epochs, objective, gap, history or None)."""
    if feats is None:
        if record:
            feats = data.all_feats  # a recorded run visits every coordinate, as the textbook does
        else:
            feats = data.nonconstant
            w[data.constant] = 0.0  # constant columns are zero after centering: no effect on r
    xtr = np.empty(data.p)
    dual_floor = data.dual_floor(l1, l2)
    best_r, best_w = np.empty(data.n), np.empty(data.p)
    if not record:
        n_iter, primal, gap, _, _ = run_cd(data, feats, w, r, l1, l2, tol_abs, max_iter, gap_every, dual_floor,
                                           xtr, best_r, best_w, coef_tol)
        return n_iter, primal, gap, None
    bufs = history_buffers(max_iter + 1, data.p)
    updates = (history_buffers(max_iter * feats.shape[0] + 1, data.p)["coef"] if record == "updates"
               else NO_RECORD_2D)
    n_iter, primal, gap, _, _ = run_cd(data, feats, w, r, l1, l2, tol_abs, max_iter, gap_every, dual_floor, xtr,
                                       best_r, best_w, coef_tol,
                                       (bufs["coef"], bufs["objective"], bufs["gap"], updates))
    history = trim_history(bufs, n_iter + 1)
    if record == "updates":
        history["coef_updates"] = updates[:n_iter * feats.shape[0] + 1].copy()
    return n_iter, primal, gap, history
