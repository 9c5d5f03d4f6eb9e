"""Proximal gradient methods for the lasso / elastic net: ISTA and its accelerated form FISTA.

Objective (every solver): ``(1/(2n))·||y − Xw − b||² + λ·(r||w||₁ + (1−r)/2·||w||²)``, b unpenalized
(fit by centering).  The smooth part f(w) = (1/(2n))||y_c − X_c w||² + λ(1−r)/2·||w||² has an
L-Lipschitz gradient with L = σ_max(X_c)²/n + λ(1−r) (σ_max computed once).  One ISTA step::

    w ← S(w − ∇f(w)/L, λr/L)        (S = soft threshold, the prox of the L1 term)

FISTA takes the same step from an extrapolated point z = w_k + (t_{k−1} − 1)/t_k·(w_k − w_{k−1}), which
improves the rate from O(1/k) to O(1/k²).  With ``backtracking=True`` L starts at a cheap lower bound
(the largest ||x_j||²/n) and doubles until the sufficient-decrease test holds, instead of using σ_max.
Stopping: duality gap <= tol·||y − ȳ||²/n (checked every ``GAP_EVERY`` iterations, every iteration
when recording, and at the end of every chunk).  What that tol means: the gap bounds the OBJECTIVE's
suboptimality, F(w) − F* <= gap; the coefficients are within sqrt(2·gap/μ) of the solution only where the
objective is μ-strongly convex (``cl.coefficient_error_bound``); for the lasso with p > n there is no such
bound, so lower tol when coefficient accuracy matters.  The kernel runs in chunks of about ``CHUNK_FLOPS``
multiply-adds that return to Python, so Kernel → Interrupt stops a long run within a fraction of a second.  These kernels serve ``lasso(method="ista"|"fista")`` and ``elastic_net``.
"""
from __future__ import annotations

import math
import warnings

import numpy as np

from .._internal.jit import njit
from ._problem import NO_RECORD_1D, NO_RECORD_2D, history_buffers, trim_history
from .._internal.vector_ops import dot
from ..core.duality import primal_and_gap
from ..core.penalties import soft_threshold_scalar

__all__ = []

GAP_EVERY = 10


@njit(cache=True)
def _times(XT, w, out):
    """out = X_c w, touching only the nonzero coefficients."""
    out[:] = 0.0
    p, n = XT.shape
    for j in range(p):
        wj = w[j]
        if wj != 0.0:
            xj = XT[j]
            for i in range(n):
                out[i] += wj * xj[i]


@njit(cache=True)
def proximal_gradient(XT, y, w, l1, l2, lipschitz, accelerate, backtrack, tol_abs, k_start, k_stop, gap_every,
                      dual_floor, z, Xz, t_state, L_cap, rec_coef, rec_obj, rec_gap):
    """ISTA (accelerate=False) or FISTA iterations k_start+1 … k_stop from w (updated in place).

    The extrapolation state (z, Xz = X_c z, t in ``t_state[0]``) lives in the caller's arrays, so a long run
    is a sequence of short calls (see ``solve_proximal``) that return to Python, where Kernel → Interrupt
    is honoured.  Backtracking doubles L at most up to ``L_cap`` (an upper bound on the true Lipschitz
    constant, so the sufficient-decrease test must hold there unless rounding breaks it).
    Returns (last iteration, objective, gap, L, status): status 0 converged, 1 chunk finished, 2 the
    arithmetic broke down (non-finite objective or L).
    """
    p, n = XT.shape
    feats = np.arange(p)
    xtr = np.empty(p)
    record = rec_coef.shape[0] > 0
    Xw = np.empty(n)
    _times(XT, w, Xw)
    r = y - Xw
    primal = 0.0
    gap = np.inf
    if k_start == 0:
        primal, gap = primal_and_gap(XT, y, w, r, feats, l1, l2, dual_floor, xtr)
        if record:
            rec_coef[0] = w
            rec_obj[0] = primal
            rec_gap[0] = gap
        if gap <= tol_abs:
            return 0, primal, gap, lipschitz, 0
        z[:] = w
        Xz[:] = Xw
        t_state[0] = 1.0
    L = lipschitz
    t = t_state[0]
    w_new = np.empty(p)
    Xw_new = np.empty(n)
    grad = np.empty(p)
    for k in range(k_start + 1, k_stop + 1):
        # gradient of the smooth part at z
        rz_sq = 0.0
        for i in range(n):
            r[i] = y[i] - Xz[i]
            rz_sq += r[i] * r[i]
        z_sq = 0.0
        for j in range(p):
            grad[j] = -dot(XT[j], r) / n + l2 * z[j]
            z_sq += z[j] * z[j]
        f_z = 0.5 * rz_sq / n + 0.5 * l2 * z_sq
        if not math.isfinite(f_z):
            t_state[0] = t
            return k, f_z, np.inf, L, 2
        while True:
            thresh = l1 / L
            for j in range(p):
                w_new[j] = soft_threshold_scalar(z[j] - grad[j] / L, thresh)
            _times(XT, w_new, Xw_new)
            if not backtrack or L >= L_cap:
                break
            # sufficient decrease: f(w+) <= f(z) + ∇f(z)ᵀ(w+ − z) + L/2·||w+ − z||²
            f_new = 0.0
            for i in range(n):
                f_new += (y[i] - Xw_new[i]) ** 2
            f_new *= 0.5 / n
            lin = 0.0
            quad = 0.0
            w_sq = 0.0
            for j in range(p):
                d = w_new[j] - z[j]
                lin += grad[j] * d
                quad += d * d
                w_sq += w_new[j] * w_new[j]
            f_new += 0.5 * l2 * w_sq
            if f_new <= f_z + lin + 0.5 * L * quad + 1e-14 * abs(f_z):
                break
            L = min(2.0 * L, L_cap)
        if accelerate:
            t_new = 0.5 * (1.0 + math.sqrt(1.0 + 4.0 * t * t))
            beta = (t - 1.0) / t_new
            t = t_new
            for j in range(p):
                z[j] = w_new[j] + beta * (w_new[j] - w[j])
            for i in range(n):
                Xz[i] = Xw_new[i] + beta * (Xw_new[i] - Xw[i])
        else:
            z[:] = w_new
            Xz[:] = Xw_new
        w[:] = w_new
        Xw[:] = Xw_new
        if record or k % gap_every == 0 or k == k_stop:
            for i in range(n):
                r[i] = y[i] - Xw[i]
            primal, gap = primal_and_gap(XT, y, w, r, feats, l1, l2, dual_floor, xtr)
            if record:
                rec_coef[k] = w
                rec_obj[k] = primal
                rec_gap[k] = gap
            if not math.isfinite(primal):
                t_state[0] = t
                return k, primal, gap, L, 2
            if gap <= tol_abs:
                t_state[0] = t
                return k, primal, gap, L, 0
    t_state[0] = t
    return k_stop, primal, gap, L, 1


# One kernel call does about this many multiply-adds before returning to Python (≈0.1 s), so that
# Kernel → Interrupt stops a long run within about a second.
CHUNK_FLOPS = 20_000_000
# Above this many multiply-adds (≈ a minute) the run is announced up front.
LONG_RUN_FLOPS = 30_000_000_000


def solve_proximal(data, l1, l2, w, tol_abs, max_iter, record=False, accelerate=True, backtracking=False):
    """Run ISTA/FISTA from w (in place); returns (iterations, objective, gap, history or None).

    The iterations run in chunks of about CHUNK_FLOPS multiply-adds, so an interrupt is seen between
    chunks; a run whose budget exceeds LONG_RUN_FLOPS warns before it starts."""
    trace = float(data.col_sq.sum()) + l2  # >= the true Lipschitz constant σ_max²/n + l2
    if backtracking:
        lipschitz = max(float(data.col_sq.max()), 1e-300) + l2  # a lower bound on L; doubled as needed
    else:
        lipschitz = max(data.lipschitz(), 1e-300) + l2
    L_cap = max(2.0 * trace, lipschitz)
    dual_floor = data.dual_floor(l1, l2)
    if record:
        bufs = history_buffers(max_iter + 1, data.p)
        rec = (bufs["coef"], bufs["objective"], bufs["gap"])
    else:
        rec = (NO_RECORD_2D, NO_RECORD_1D, NO_RECORD_1D)
    per_iter = 2 * data.n * data.p + data.n + data.p
    if per_iter * max_iter > LONG_RUN_FLOPS:
        warnings.warn(f"{'FISTA' if accelerate else 'ISTA'} on a {data.n} × {data.p} problem may run up to "
                      f"max_iter={max_iter} iterations (≈{per_iter * max_iter / 5e8 / 60:.0f} min); Kernel → Interrupt "
                      f"stops it within a second. Coordinate descent (method='cd') is usually far faster here.",
                      UserWarning, stacklevel=4)
    chunk = max(GAP_EVERY, (CHUNK_FLOPS // per_iter) // GAP_EVERY * GAP_EVERY)
    z = np.empty(data.p)
    Xz = np.empty(data.n)
    t_state = np.ones(1)
    k = 0
    L = lipschitz
    while True:
        k_stop = min(k + chunk, max_iter)
        k, primal, gap, L, status = proximal_gradient(data.XT, data.y, w, l1, l2, L, bool(accelerate),
                                                      bool(backtracking), tol_abs, k, k_stop, GAP_EVERY,
                                                      dual_floor, z, Xz, t_state, L_cap, *rec)
        if status == 2:
            raise FloatingPointError(f"{'FISTA' if accelerate else 'ISTA'} broke down at iteration {k} (objective "
                                     f"{primal!r}): the data's scale exceeds what float64 can carry here; rescale "
                                     f"X and y (e.g. cl.standardize(X), y / y.std())")
        if status == 0 or k >= max_iter:
            break
    history = None
    if record:
        history = trim_history(bufs, k + 1)
        history["lipschitz"] = L
    return k, primal, gap, history
