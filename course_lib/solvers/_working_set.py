"""Working sets plus gap-safe screening around coordinate descent (the idea of celer, our own code).

On a wide problem most coefficients are 0 at the solution, and an epoch over all p features is mostly
wasted.  Each outer iteration:

1. one pass over the remaining features gives X_cᵀr, the duality gap and the rescaled dual point θ;
   stop when gap <= tol_abs;
2. gap-safe screening: the dual optimum θ* lies in a ball of radius sqrt(2·gap/n) around θ (the dual is
   n-strongly concave), so a feature with ``s·|x_jᵀr/n − λ(1−r)w_j| + sqrt(2·gap·(||x_j||²/n + λ(1−r)))
   < λr`` has w*_j = 0 for sure and is dropped for the rest of this λ;
3. the working set: the current support plus the features closest to violating their dual constraint,
   ``(λr − s·|x_jᵀr/n|) / sqrt(||x_j||²/n + λ(1−r))`` smallest first, twice the support in size (four
   times when the last working set filled up with nonzeros, twice the previous size after an outer
   iteration that did not halve the gap);
4. coordinate descent on the working set only, until its own gap is below 0.3 × the full gap — or
   straight to the target once the full gap equals the working set's own (nothing outside it matters).

The screening uses the rescaled dual point's gap (a ball around that θ); the stopping test uses the
reported gap (see ``course_lib.core.duality``).
"""
from __future__ import annotations

import numpy as np

from ._coordinate_descent import run_cd
from ._problem import subtract_columns
from ..core.duality import dual_scale, objective_value, primal_and_gap_centered, primal_gap_and_candidate, rescaled_dual

FIRST_SIZE = 10
INNER_FRACTION = 0.3
GAP_EVERY_INNER = 10
COMPLETE_RATIO = 1.01
FULL_FRACTION = 0.9


def solve_ws(data, l1, l2, w, r, tol_abs, max_iter, ws_size=FIRST_SIZE, coef_tol=0.0):
    """Working-set coordinate descent from (w, r), in place.  Returns (epochs, objective, gap, ws_size).

    Only for λr > 0: without an L1 term nothing is sparse, and the λ = 0 dual point (the full least-squares
    residual) would not certify a working-set subproblem.  ``ws_size`` is the working-set size to start
    from (a path passes the size the previous λ ended with); the returned one is the size at exit.

    ``n_iter`` counts inner epochs (each over the working set only).
    """
    Xt, xm, y, col_sq, n = data.Xt, data.x_mean, data.y, data.col_sq, data.n
    dual_floor = data.dual_floor(l1, l2)
    xtr = np.empty(data.p)
    active = data.nonconstant
    if w[data.constant].any():
        w[data.constant] = 0.0  # constant columns are zero after centering: no effect on r
    epochs = 0
    ws_size = max(int(ws_size), FIRST_SIZE)
    best_dual = dual_floor
    best_r, best_w = np.empty(n), np.empty(data.p)
    last_gap = np.inf
    inner_gap = np.inf
    candidate = False  # (best_r, best_w) holds the last inner solve's extrapolated dual point
    while True:
        if candidate:  # one pass: the gap, and the inner dual point's value made feasible for every feature
            primal, gap, cand = primal_gap_and_candidate(Xt, xm, y, w, r, active, l1, l2, best_dual, xtr,
                                                         best_r, best_w)
            best_dual = max(best_dual, cand)
        else:
            primal, gap = primal_and_gap_centered(Xt, xm, y, w, r, active, l1, l2, best_dual, xtr)
        if gap <= tol_abs or epochs >= max_iter:
            if gap <= tol_abs and coef_tol > 0.0 and epochs < max_iter:  # coefficient accuracy: polish
                n_ep, primal, gap, _, _ = run_cd(data, active, w, r, l1, l2, tol_abs, max_iter - epochs,
                                                 GAP_EVERY_INNER, best_dual, xtr, best_r, best_w, coef_tol)
                epochs += n_ep
            return epochs, primal, gap, ws_size
        # the full gap is (up to rounding) the working set's own: no feature outside it matters any more, so
        # the next inner solve goes straight to the target instead of another factor of 1/INNER_FRACTION
        complete = gap <= COMPLETE_RATIO * inner_gap
        if gap > 0.5 * last_gap and not complete:  # little progress: grow the working set
            ws_size = 2 * ws_size
        last_gap = gap
        wa = w[active]
        v = np.abs(xtr[active] - l2 * wa)
        dual_norm = v.max() if v.size else 0.0
        s = dual_scale(dual_norm, l1)
        # gap of the rescaled dual point (the ball for screening is centered there)
        rr, yr, w2 = float(r @ r), float(y @ r), float(wa @ wa)
        gap_s = max(objective_value(rr, float(np.abs(wa).sum()), w2, l1, l2, n)
                    - rescaled_dual(rr, yr, w2, s, l2, n), 0.0)
        norms = np.sqrt(col_sq[active] + l2)
        keep = s * v + np.sqrt(2.0 * gap_s) * norms >= l1
        if not keep.all():
            dropped = active[~keep]
            nz = dropped[w[dropped] != 0.0]
            if nz.size:  # safe: their optimal value is 0
                subtract_columns(Xt, xm, -w, nz, r)  # r += w_j (x_j − x̄_j): their contribution removed
                w[nz] = 0.0
            active, v, wa, norms = active[keep], v[keep], wa[keep], norms[keep]
        priority = (l1 - s * v) / norms
        priority[wa != 0.0] = -np.inf  # the support always stays in
        n_support = int(np.count_nonzero(wa))
        # twice the support (pruned as in celer), more after an outer iteration that made little progress
        size = max(ws_size, 2 * n_support, FIRST_SIZE)
        if n_support >= FULL_FRACTION * ws_size:  # the last working set filled up: it was far too small
            size = max(size, 4 * n_support)
        if complete:  # the working set holds every feature that matters: prune it to the support and a margin
            size = n_support + max(FIRST_SIZE, n_support // 10)
        size = min(size, active.size)
        if size < active.size:
            ws = np.sort(active[np.argpartition(priority, size - 1)[:size]])
        else:
            ws = active
        if size >= active.size:
            inner_tol = tol_abs
        elif complete:
            inner_tol = 0.5 * tol_abs
        else:
            inner_tol = max(INNER_FRACTION * gap, 0.5 * tol_abs)
        n_ep, primal, inner_gap, inner_dual, _ = run_cd(data, ws, w, r, l1, l2, inner_tol, max_iter - epochs,
                                                        GAP_EVERY_INNER, dual_floor, xtr, best_r, best_w)
        epochs += max(n_ep, 1)  # count a no-op inner solve too, so the loop always ends
        candidate = inner_dual > -np.inf
        ws_size = size
