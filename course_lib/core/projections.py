"""The constrained ("budget") form of regularization: projections onto norm balls and exact minimisers
of a quadratic inside an L1 or L2 ball.

The geometry chapters draw the penalized problem ``min f(w) + λ·P(w)`` as the constrained problem
``min f(w) subject to ||w||_q <= t``: the solution is where the smallest contour of f touches the ball.
For the course's least-squares loss ``f(w) = (1/(2n))||y − Xw − b||²`` the two forms have the same
solutions: each λ corresponds to the budget ``t = ||w(λ)||_q`` and each active budget t to a multiplier
λ(t) (``penalized_to_budget`` / ``budget_to_penalized``).  With ``H = XᵀX/n`` (centered X) and, when H is
invertible, ``c = `` the OLS solution, ``f(w) = ½(w − c)ᵀH(w − c) + const``: an ellipse centred at c.

Solvers (all exact to rounding, no tolerance to choose):
* L2 ball: ``w(μ) = (H + μI)⁻¹Hc`` with the multiplier μ >= 0 found from ``||w(μ)|| = t`` by a
  safeguarded Newton iteration on the eigen-decomposed secular equation (to machine precision).
* L1 ball: the homotopy (LARS-lasso) path of ``½(w − c)ᵀH(w − c) + μ||w||₁``, which is piecewise linear
  in μ; we follow it from μ = max|Hc| (w = 0) down to the segment where ``||w(μ)||₁ = t`` and solve that
  linear equation.  Coordinates off the active set are exact zeros.
"""
from __future__ import annotations

import math

import numpy as np

from .._internal.jit import njit
from .norms import l2_norm
from .._internal.validation import as_design, as_vector, as_Xy, check_choice, check_lam, check_scalar

__all__ = [
    "project_l2_ball", "project_l1_ball", "quadratic_min_in_ball", "quadratic_min_in_ball_batch",
    "penalized_to_budget", "budget_to_penalized",
]


# ----------------------------------------------------------------------------------------------- balls
def project_l2_ball(v, radius=1.0):
    """Euclidean projection onto ``{w : ||w||₂ <= radius}``: v itself if inside, else ``radius·v/||v||``."""
    v = as_vector(v, "v")
    radius = check_scalar(radius, "radius", low=0.0)
    norm = l2_norm(v)  # overflow-safe for huge entries
    if norm <= radius:
        return v.copy()
    return v * (radius / norm)


@njit(cache=True)
def _project_l1_ball(v, radius):
    """Duchi, Shalev-Shwartz, Singer & Chandra (2008), the O(p log p) sort-based algorithm, written in
    differences of the sorted magnitudes so that it stays exact when |v| ≫ radius (e.g. v = (1e17, 1e17),
    radius 1: θ = (Σu − r)/k would lose the radius to rounding; u_i − θ = (u_i − u_k) + (r − D_k)/k does not).
    """
    p = v.shape[0]
    a = np.abs(v)
    if a.sum() <= radius:
        return v.copy()
    if radius == 0.0:
        return np.zeros(p)
    u = np.sort(a)[::-1]
    # D_j = Σ_{i<=j} (u_i − u_j) grows with j; the support is {j : D_j < radius} (u_j above the threshold)
    k = 1
    D = 0.0
    D_k = 0.0
    for j in range(1, p):
        D += j * (u[j - 1] - u[j])
        if D < radius:
            k = j + 1
            D_k = D
        else:
            break
    u_k = u[k - 1]
    shift = (radius - D_k) / k  # = u_k − θ > 0
    out = np.empty(p)
    for i in range(p):
        if a[i] >= u_k:
            m = (a[i] - u_k) + shift
            out[i] = np.sign(v[i]) * m
        else:
            out[i] = 0.0
    return out


def project_l1_ball(v, radius=1.0):
    """Euclidean projection onto ``{w : ||w||₁ <= radius}`` (exact; Duchi et al. 2008).

    If v is outside, the answer is ``soft_threshold(v, θ)`` with the unique θ > 0 making its L1 norm
    equal ``radius``: small entries become exact zeros, which is why L1 constraints give sparse points.
    """
    v = as_vector(v, "v")
    radius = check_scalar(radius, "radius", low=0.0)
    return _project_l1_ball(v.copy(), radius)  # copy: a read-only v would compile a second version


# -------------------------------------------------------------------------------- small dense algebra
@njit(cache=True)
def _spd_solve_small(A, b):
    """Solve A x = b for small symmetric positive-definite A by Cholesky; ok=False if not SPD."""
    p = A.shape[0]
    L = np.zeros((p, p))
    for j in range(p):
        s = A[j, j]
        for k in range(j):
            s -= L[j, k] * L[j, k]
        if not s > 0.0:
            return np.zeros(p), False
        L[j, j] = np.sqrt(s)
        for i in range(j + 1, p):
            s = A[i, j]
            for k in range(j):
                s -= L[i, k] * L[j, k]
            L[i, j] = s / L[j, j]
    z = np.empty(p)
    for i in range(p):
        s = b[i]
        for k in range(i):
            s -= L[i, k] * z[k]
        z[i] = s / L[i, i]
    x = np.empty(p)
    for i in range(p - 1, -1, -1):
        s = z[i]
        for k in range(i + 1, p):
            s -= L[k, i] * x[k]
        x[i] = s / L[i, i]
    return x, True


# ------------------------------------------------------------------------------------------ L2 ball
# Plain loops, not ``@``: numba's matrix products need SciPy's BLAS, which the package does not require.
# (No boolean flags between jitted functions either: a constant True/False argument is typed as a
# literal and would compile a second copy of the callee.)
@njit(cache=True)
def _matvec(A, x):
    """A x."""
    n, m = A.shape
    out = np.zeros(n)
    for i in range(n):
        for j in range(m):
            out[i] += A[i, j] * x[j]
    return out


@njit(cache=True)
def _l2_secular_multiplier(evals, q, t):
    """μ >= 0 with ``Σ q_i²/(λ_i + μ)² = t²`` (λ_i = evals >= 0, assumed norm at μ = 0 exceeds t).

    Safeguarded Newton on φ(μ) = 1/t − 1/||w(μ)||, a nearly linear function of μ (Moré & Sorensen 1983);
    a bisection step replaces any Newton step that leaves the bracket [lo, hi].
    """
    qq = 0.0
    for i in range(q.shape[0]):
        qq += q[i] * q[i]
    lo = 0.0
    hi = np.sqrt(qq) / t  # ||w(μ)|| <= ||q||/μ, so ||w(hi)|| <= t
    mu = 0.0
    for _it in range(200):
        s = 0.0
        ds = 0.0
        infinite = False
        for i in range(q.shape[0]):
            den = evals[i] + mu
            if den <= 0.0:
                if q[i] != 0.0:
                    infinite = True
                continue
            r = q[i] / den
            s += r * r
            ds += r * r / den
        if infinite:
            phi = 1.0 / t
        else:
            phi = 1.0 / t - 1.0 / np.sqrt(s)
        if phi > 0.0:
            lo = mu
        elif phi < 0.0:
            hi = mu
        else:
            return mu
        if infinite or s == 0.0:
            new = 0.5 * (lo + hi)
        else:
            dphi = -(s ** -1.5) * ds  # dφ/dμ
            new = mu - phi / dphi if dphi != 0.0 else 0.5 * (lo + hi)
            if not (lo < new < hi):
                new = 0.5 * (lo + hi)
        if abs(new - mu) <= 4e-16 * max(abs(mu), abs(new)) or hi - lo <= 4e-16 * hi:
            return new
        mu = new
    return mu


def _quad_l2(H, c, t):
    """argmin ½(w−c)ᵀH(w−c) s.t. ||w||₂ <= t, and its multiplier μ (H symmetric PD)."""
    p = c.shape[0]
    if math.sqrt(float(c @ c)) <= t:
        return c.copy(), 0.0
    if t == 0.0:
        return np.zeros(p), np.inf  # ½||w||² <= 0 is only met in the limit μ → ∞
    evals, Q = np.linalg.eigh(H)  # LAPACK, not a hand-written eigensolver
    q = evals * (Q.T @ c)  # Qᵀ H c in the eigenbasis
    mu = _l2_secular_multiplier(evals, q, t)
    return Q @ (q / (evals + mu)), mu


# ------------------------------------------------------------------------------------------ L1 ball
@njit(cache=True)
def _l1_homotopy(H, g, t, mu_target):
    """Exact solution path of ``½wᵀHw − gᵀw + μ||w||₁`` (LARS-lasso homotopy), followed from
    μ = max|g| (w = 0) downwards until ``μ = mu_target`` (if mu_target >= 0) or else ``||w||₁ = t``.

    On each segment the active set A and signs s are fixed and ``w_A(μ) = H_AA⁻¹(g_A − μ s_A)`` is linear
    in μ; a segment ends when an inactive |g_j − H_jA w_A| reaches μ (j joins) or an active w_i reaches 0
    (i leaves).  Returns (w, μ, status): status 0 ok, 1 an active block of H was not positive definite
    (H only semidefinite and the requested point lies where the solution is not unique).
    """
    p = g.shape[0]
    budget_mode = mu_target < 0.0
    w = np.zeros(p)
    gmax = 0.0
    first = 0
    for j in range(p):
        if abs(g[j]) > gmax:
            gmax = abs(g[j])
            first = j
    if gmax == 0.0:
        return w, 0.0, 0
    if budget_mode:
        if t == 0.0:
            return w, gmax, 0
    elif mu_target >= gmax:
        return w, mu_target, 0
    active = np.zeros(p, dtype=np.bool_)
    sign = np.zeros(p)
    active[first] = True
    sign[first] = 1.0 if g[first] > 0 else -1.0
    mu = gmax
    last_in = first
    last_out = -1
    idx = np.empty(p, dtype=np.int64)
    for _segment in range(50 * p + 50):
        k = 0
        for j in range(p):
            if active[j]:
                idx[k] = j
                k += 1
        HA = np.empty((k, k))
        gA = np.empty(k)
        sA = np.empty(k)
        for a in range(k):
            gA[a] = g[idx[a]]
            sA[a] = sign[idx[a]]
            for b in range(k):
                HA[a, b] = H[idx[a], idx[b]]
        a_vec, ok1 = _spd_solve_small(HA, gA)
        b_vec, ok2 = _spd_solve_small(HA, sA)
        if not (ok1 and ok2):
            return w, mu, 1
        # next event below μ
        m_next = 0.0
        event = -1
        joining = False
        for a in range(k):  # leave: w_i(m) = a_i − m b_i hits 0
            j = idx[a]
            if b_vec[a] != 0.0:
                m = a_vec[a] / b_vec[a]
                # the variable that just joined sits at 0 at μ: ignore that (rounded) root at μ itself
                upper = mu * (1.0 - 1e-9) if j == last_in else mu
                if m_next < m < upper:
                    m_next = m
                    event = j
                    joining = False
        for j in range(p):  # join: |α_j + m β_j| = m
            if active[j]:
                continue
            alpha = g[j]
            beta = 0.0
            for a in range(k):
                alpha -= H[j, idx[a]] * a_vec[a]
                beta += H[j, idx[a]] * b_vec[a]
            for sgn in (1.0, -1.0):
                den = sgn - beta
                if den != 0.0:
                    m = alpha / den
                    # at μ every inactive |r_j| <= μ; the one that just left has |r_j| = μ there
                    upper = mu * (1.0 - 1e-9) if j == last_out else mu * (1.0 - 1e-14)
                    if m_next < m < upper:
                        m_next = m
                        event = j
                        joining = True
        norm_slope = 0.0  # ||w(m)||₁ = s·a − m s·b on this segment
        norm_const = 0.0
        for a in range(k):
            norm_const += sA[a] * a_vec[a]
            norm_slope += sA[a] * b_vec[a]
        if budget_mode:
            if norm_const - m_next * norm_slope >= t:
                m_star = (norm_const - t) / norm_slope if norm_slope != 0.0 else m_next
                m_star = min(max(m_star, m_next), mu)
                done = True
            else:
                done = False
        else:
            done = mu_target >= m_next
            m_star = mu_target
        m_use = m_star if done else m_next
        for j in range(p):
            w[j] = 0.0
        for a in range(k):
            val = a_vec[a] - m_use * b_vec[a]
            w[idx[a]] = val if val * sA[a] > 0.0 else 0.0
        if done:
            return w, m_use, 0
        if event < 0:  # reached μ = 0: the unconstrained minimiser
            return w, 0.0, 0
        mu = m_next
        if joining:
            r = g[event]
            for a in range(k):
                r -= H[event, idx[a]] * w[idx[a]]
            active[event] = True
            sign[event] = 1.0 if r > 0 else -1.0
            last_in = event
            last_out = -1
        else:
            active[event] = False
            w[event] = 0.0
            last_out = event
            last_in = -1
    return w, mu, 0


@njit(cache=True)
def _quad_l1(H, c, t):
    p = c.shape[0]
    s = 0.0
    for i in range(p):
        s += abs(c[i])
    if s <= t:
        return c.copy(), 0.0, 0
    return _l1_homotopy(H, _matvec(H, c), t, -1.0)


def _solve_one(H, c, t, use_l1):
    """Dispatch to the jitted solvers (H: C-contiguous SPD, c: C-contiguous).

    The minimiser does not change when H is multiplied by a constant (only the multiplier does), so H is
    first scaled by a power of two (exact) to a largest entry near 1: the secular equation's safeguards
    are absolute, and at 1e±200 they failed."""
    top = float(np.max(np.abs(H))) if H.size else 1.0
    shift = 0 if top == 0.0 else -int(np.floor(np.log2(top)))
    Hs = np.ascontiguousarray(np.ldexp(H, shift)) if shift else H
    if use_l1:
        w, mu, _status = _quad_l1(Hs, c, t)  # H is PD: every principal block is PD, status is 0
    else:
        w, mu = _quad_l2(Hs, c, t)
    return w + 0.0, float(np.ldexp(mu, -shift)) if shift else float(mu)


def _check_spd(H, name="H"):
    H = as_design(H, name)
    p = H.shape[0]
    if H.shape[1] != p:
        raise ValueError(f"{name} must be square (p, p), got shape {H.shape}")
    scale = max(float(np.max(np.abs(H))), np.finfo(float).tiny)
    if np.max(np.abs(H - H.T)) > 1e-10 * scale:
        raise ValueError(f"{name} must be symmetric; use ({name} + {name}.T) / 2")
    H = np.ascontiguousarray(0.5 * (H + H.T))
    try:
        np.linalg.cholesky(H)
    except np.linalg.LinAlgError:
        raise ValueError(f"{name} must be positive definite (all eigenvalues > 0); "
                         f"for a least-squares loss with collinear columns use budget_to_penalized") from None
    return H


def quadratic_min_in_ball(H, center, budget, norm="l2", return_multiplier=False):
    """Exact minimiser of ``½(w − c)ᵀH(w − c)`` subject to ``||w||_q <= t`` (q = 1 or 2).

    H : (p, p) symmetric positive-definite matrix (the loss's curvature); center c : (p,) the
    unconstrained minimiser (centre of the elliptical contours); budget t >= 0; norm "l2" or "l1".

    The solution also minimises the penalized problem ``½(w − c)ᵀH(w − c) + μ·P(w)`` for the returned
    multiplier μ >= 0, with ``P = ½||w||₂²`` for "l2" (so ``(H + μI)w = Hc``, the ridge convention) and
    ``P = ||w||₁`` for "l1" (the lasso convention).  μ = 0 when c is inside the ball.  Budget 0 gives
    w = 0 with μ = max|Hc| for "l1" (the smallest valid multiplier) and μ = inf for "l2" (reached only in
    the limit).
    L2: eigendecomposition of H + safeguarded Newton on the secular equation; no coordinate is zero
    unless it is already zero in an eigen-sense (generically never).  L1: exact homotopy path, exact zeros.
    Both are jitted; for many problems at once use ``quadratic_min_in_ball_batch``.

    Returns w (p,), or ``(w, mu)`` if ``return_multiplier=True``.
    """
    H = _check_spd(H)
    c = as_vector(center, "center")
    if c.shape[0] != H.shape[0]:
        raise ValueError(f"center has {c.shape[0]} entries but H is {H.shape[0]}×{H.shape[0]}; they must match")
    t = check_scalar(budget, "budget", low=0.0)
    check_choice(norm, "norm", ("l1", "l2"))
    w, mu = _solve_one(H, c.copy(), t, norm == "l1")  # copy: a read-only c would compile a second version
    return (w, mu) if return_multiplier else w


def quadratic_min_in_ball_batch(Hs, centers, budgets, norm="l2"):
    """``quadratic_min_in_ball`` for m problems at once, without per-call input checks (Monte Carlo).

    Hs (m, p, p) symmetric PD, centers (m, p), budgets scalar or (m,).  Returns ``(W (m, p), mus (m,))``.
    Inputs are checked once for shape and finiteness; positive definiteness is checked for each H.
    """
    # writable C-ordered copies: a read-only input would otherwise compile a second numba specialization
    Hs = np.array(Hs, dtype=np.float64, order="C")
    centers = np.array(centers, dtype=np.float64, order="C")
    if Hs.ndim != 3 or Hs.shape[1] != Hs.shape[2]:
        raise ValueError(f"Hs must have shape (m, p, p), got {Hs.shape}")
    if centers.shape != Hs.shape[:2]:
        raise ValueError(f"centers must have shape {Hs.shape[:2]} to match Hs, got {centers.shape}")
    if not (np.all(np.isfinite(Hs)) and np.all(np.isfinite(centers))):
        raise ValueError("Hs and centers must be finite (no NaN or inf)")
    budgets = np.array(np.broadcast_to(np.asarray(budgets, dtype=np.float64), (Hs.shape[0],)))  # writable copy
    if np.any(~np.isfinite(budgets)) or np.any(budgets < 0):
        raise ValueError("budgets must be finite and >= 0")
    check_choice(norm, "norm", ("l1", "l2"))
    if np.max(np.abs(Hs - np.transpose(Hs, (0, 2, 1))), initial=0.0) > 1e-10 * max(np.max(np.abs(Hs)), 1e-300):
        raise ValueError("every H in Hs must be symmetric")
    Hs = np.ascontiguousarray(0.5 * (Hs + np.transpose(Hs, (0, 2, 1))))  # as the single call does
    try:
        np.linalg.cholesky(Hs)
    except np.linalg.LinAlgError:
        raise ValueError("every H in Hs must be positive definite") from None
    # A Python loop over the jitted single solver: ~µs of dispatch per problem, and no extra (slow)
    # numba compilation of a batch kernel.
    m, p = centers.shape
    W = np.empty((m, p))
    mus = np.empty(m)
    use_l1 = norm == "l1"
    for i in range(m):
        W[i], mus[i] = _solve_one(Hs[i], centers[i], budgets[i], use_l1)
    return W, mus


# ------------------------------------------------------------------------- λ ↔ t for least squares
def _least_squares_quadratic(X, y, fit_intercept):
    """H = XcᵀXc/n and g = Xcᵀyc/n, so (1/(2n))||yc − Xc w||² = ½wᵀHw − gᵀw + const."""
    X, y = as_Xy(X, y)
    n = X.shape[0]
    if fit_intercept:
        X = X - X.mean(axis=0)
        y = y - y.mean()
    return np.ascontiguousarray(X.T @ X / n), np.ascontiguousarray(X.T @ y / n)


def penalized_to_budget(X, y, lam, penalty="l1", fit_intercept=True):
    """The budget t that makes the constrained problem equivalent to the penalized one at λ.

    Penalized: ``(1/(2n))||y − Xw − b||² + λ·P(w)`` (P = ||w||₁ for "l1", ½||w||₂² for "l2").
    Constrained: the same loss subject to ``||w||_q <= t``.  The penalized solution w(λ) solves the
    constrained problem with ``t = ||w(λ)||_q`` (q matching the penalty); that t is returned together with
    w(λ) as ``(t, w)``.  λ = 0 gives the (minimum-norm) least-squares norm: the budget no longer binds.
    """
    check_choice(penalty, "penalty", ("l1", "l2"))
    lam = check_lam(lam)
    if penalty == "l2":
        from ..solvers.ridge import ridge

        w = ridge(X, y, lam, fit_intercept=fit_intercept).coef
        return float(np.linalg.norm(w)), w
    H, g = _least_squares_quadratic(X, y, fit_intercept)
    w, _mu, status = _l1_homotopy(H, g, 0.0, lam)
    if status != 0:
        raise ValueError(f"at lam={lam!r} the lasso solution is not unique (collinear or p > n design and "
                         f"lam too small); use a larger lam")
    w = w + 0.0
    return float(np.sum(np.abs(w))), w


def budget_to_penalized(X, y, budget, penalty="l1", fit_intercept=True):
    """Solve ``min (1/(2n))||y − Xw − b||²  s.t.  ||w||_q <= t`` exactly and return ``(w, lam)``:
    the constrained solution and the λ at which the penalized problem (P = ||w||₁ for "l1",
    ½||w||₂² for "l2") has the same solution.

    If t is at least the norm of the least-squares solution (the minimum-norm one for "l2"), the budget
    does not bind: w is that solution and lam = 0.  With H = XᵀX/n singular (p > n or collinear columns)
    the least-squares solution is not unique; "l2" still works (the minimum-norm solution is the limit
    t → its norm), and so does "l1" (the homotopy keeps at most rank(X) active features, like LARS),
    except that a ValueError is raised if an active block of XᵀX becomes numerically singular.
    Budget 0: w = 0 with lam = max|Xᵀ(y − ȳ)|/n (= lam_max) for "l1" and lam = inf for "l2".
    """
    check_choice(penalty, "penalty", ("l1", "l2"))
    t = check_scalar(budget, "budget", low=0.0)
    H, g = _least_squares_quadratic(X, y, fit_intercept)
    if penalty == "l1":
        w, mu, status = _l1_homotopy(H, g, t, -1.0)
        if status != 0:
            raise ValueError(f"budget={t!r} is too large for this design: XᵀX is singular and the constrained "
                             f"lasso solution is no longer unique; use a smaller budget")
        return w + 0.0, float(mu)
    evals, Q = np.linalg.eigh(H)
    q = Q.T @ g
    top = max(float(evals[-1]), 0.0)
    rank_tol = H.shape[0] * np.finfo(float).eps * top
    keep = evals > rank_tol
    w_ls = Q[:, keep] @ (q[keep] / evals[keep])  # minimum-norm least squares
    if np.linalg.norm(w_ls) <= t:
        return w_ls, 0.0
    if t == 0.0:
        return np.zeros(H.shape[0]), float("inf")
    ev = np.where(keep, evals, 0.0)
    qk = np.where(keep, q, 0.0)
    mu = _l2_secular_multiplier(np.ascontiguousarray(ev), np.ascontiguousarray(qk), t)
    return Q @ (qk / (ev + mu)), float(mu)
