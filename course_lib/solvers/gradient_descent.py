"""Gradient-based training of the ridge objective, for chapter 1 (weight decay) and chapter 2 (penalty
dynamics).

Ridge objective (the course's convention; scikit-learn ``Ridge(alpha=n·λ)``)::

    (1/(2n))·||y − Xw − b||² + λ·½||w||₂²,      b unpenalized (handled by centering X and y)

with loss gradient ``∇L(w) = −Xcᵀ(yc − Xc w)/n`` on centered data.  Gradient descent on it can be written
two ways that are the same arithmetic rearranged:

* penalty gradient:  ``w ← w − η(∇L(w) + λw)``
* weight decay:      ``w ← (1 − ηλ)w − η∇L(w)``

Gradient descent works on the Gram form ``∇L(w) = Gw − b`` (G = XcᵀXc/n, b = Xcᵀyc/n, formed once), so
a step costs O(p²) whatever n; its recorded objective is ``½wᵀGw − bᵀw + ||yc||²/(2n) + λ·½||w||²`` (the
returned ``Fit.objective`` is recomputed from the residual).  Adam uses the residual form (see
``_residual_grad``).  Note: Adam with a constant lr does not settle exactly; where it ends after many
steps can depend on the last bits of rounding, so print such distances with few digits.

With Adam the two ideas part ways: adding λw to the gradient lets Adam's per-coordinate scaling rescale the
penalty too, while decoupled weight decay (AdamW, Loshchilov & Hutter 2019) shrinks w directly.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from .._internal.validation import as_vector, as_Xy, check_choice, check_coef_init, check_lam, check_scalar
from ..core.results import Fit

__all__ = ["ridge_gradient_descent", "adam", "adam_l2_vs_adamw", "penalty_only_dynamics", "ridge_duality_gap"]


def _centered(X, y, fit_intercept):
    X, y = as_Xy(X, y)
    if fit_intercept:
        x_mean = X.mean(axis=0)
        y_mean = float(y.mean())
        return np.ascontiguousarray(X - x_mean), np.ascontiguousarray(y - y_mean), x_mean, y_mean
    return X.copy(), y.copy(), np.zeros(X.shape[1]), 0.0  # writable copies: one numba specialization


# Plain loops instead of ``@`` inside jitted code: numba's matrix products need SciPy's BLAS, which is
# not a dependency of the package.
@njit(cache=True)
def _gram(Xc, yc):
    """G = XcᵀXc/n, b = Xcᵀyc/n and c0 = ||yc||²/(2n): then ∇L(w) = Gw − b and
    L(w) = ½wᵀGw − bᵀw + c0.  Each step then costs O(p²) instead of a pass over X."""
    n, p = Xc.shape
    G = np.zeros((p, p))
    b = np.zeros(p)
    c0 = 0.0
    for i in range(n):
        c0 += yc[i] * yc[i]
        for j in range(p):
            xij = Xc[i, j]
            b[j] += xij * yc[i]
            for k in range(j, p):
                G[j, k] += xij * Xc[i, k]
    for j in range(p):
        b[j] /= n
        for k in range(j, p):
            G[j, k] /= n
            G[k, j] = G[j, k]
    return G, b, c0 / (2.0 * n)


@njit(cache=True)
def _loss_grad_and_value(G, b, c0, w, grad):
    """Writes ∇L(w) = Gw − b into ``grad`` and returns L(w) = ½wᵀ(Gw) − bᵀw + c0."""
    p = w.shape[0]
    value = c0
    for j in range(p):
        gw = 0.0
        for k in range(p):
            gw += G[j, k] * w[k]
        grad[j] = gw - b[j]
        value += 0.5 * w[j] * gw - b[j] * w[j]
    return value


@njit(cache=True)
def _ridge_gd(Xc, yc, w0, lam, step, n_steps, weight_decay, record):
    p = Xc.shape[1]
    G, b, c0 = _gram(Xc, yc)
    w = w0.copy()
    grad = np.empty(p)
    rows = n_steps + 1 if record else 1
    coefs = np.empty((rows, p))
    objs = np.empty(rows)
    for k in range(n_steps + 1):
        loss = _loss_grad_and_value(G, b, c0, w, grad)  # ∇L(w), the loss alone
        if record:
            coefs[k] = w
            objs[k] = loss + 0.5 * lam * np.sum(w * w)
        if k == n_steps:
            break
        for j in range(p):
            if weight_decay:
                w[j] = (1.0 - step * lam) * w[j] - step * grad[j]
            else:
                w[j] = w[j] - step * (grad[j] + lam * w[j])
    return w, coefs, objs


@njit(cache=True)
def _residual_grad(Xc, yc, w, r, grad):
    """Writes r = yc − Xc w and ∇L(w) = −Xcᵀr/n into the buffers (one pass over X each).

    Adam uses this residual form rather than the Gram form: near its (non-)convergence Adam is sensitive
    to the last bit of the gradient, and this keeps its iterates bit-for-bit what the notebooks stored.
    """
    n, p = Xc.shape
    for i in range(n):
        s = yc[i]
        for j in range(p):
            s -= Xc[i, j] * w[j]
        r[i] = s
    for j in range(p):
        grad[j] = 0.0
    for i in range(n):
        ri = r[i] / n
        for j in range(p):
            grad[j] -= Xc[i, j] * ri


@njit(cache=True)
def _adam(Xc, yc, w0, lam, lr, n_steps, decoupled, beta1, beta2, eps, record):
    n, p = Xc.shape
    w = w0.copy()
    r = np.empty(n)
    grad = np.empty(p)
    m = np.zeros(p)
    v = np.zeros(p)
    rows = n_steps + 1 if record else 1
    coefs = np.empty((rows, p))
    objs = np.empty(rows)
    b1t = 1.0
    b2t = 1.0
    for k in range(n_steps + 1):
        _residual_grad(Xc, yc, w, r, grad)
        if record:
            coefs[k] = w
            objs[k] = np.sum(r * r) / (2.0 * n) + 0.5 * lam * np.sum(w * w)
        if k == n_steps:
            break
        b1t *= beta1
        b2t *= beta2
        for j in range(p):
            g = grad[j]
            if not decoupled:
                g = g + lam * w[j]  # L2 penalty inside the gradient: Adam rescales it per coordinate
            m[j] = beta1 * m[j] + (1.0 - beta1) * g
            v[j] = beta2 * v[j] + (1.0 - beta2) * g * g
            direction = (m[j] / (1.0 - b1t)) / (np.sqrt(v[j] / (1.0 - b2t)) + eps)
            if decoupled:
                w[j] = (1.0 - lr * lam) * w[j] - lr * direction  # AdamW: decay outside Adam's scaling
            else:
                w[j] = w[j] - lr * direction
    return w, coefs, objs


def ridge_duality_gap(X, y, coef, lam, fit_intercept=True) -> float:
    """Duality gap of the ridge objective at ``coef`` (>= 0; 0 exactly at the solution).

    Primal ``P(w) = (1/(2n))||r||² + (λ/2)||w||²`` with r = yc − Xc w; dual
    ``D(θ) = θᵀyc − (n/2)||θ||² − ||Xcᵀθ||²/(2λ)`` evaluated at θ = r/n.  For λ = 0 (no dual bound
    without a constraint) the suboptimality against the minimum-norm least-squares solution is returned.
    """
    Xc, yc, _, _ = _centered(X, y, fit_intercept)
    w = as_vector(coef, "coef")
    if w.shape[0] != Xc.shape[1]:
        raise ValueError(f"coef has {w.shape[0]} entries but X has {Xc.shape[1]} columns")
    lam = check_lam(lam)
    return _gap(Xc, yc, w, lam)


def _objective(Xc, yc, w, lam):
    r = yc - Xc @ w  # from the residual: exact to rounding even near the optimum
    return float(r @ r / (2 * Xc.shape[0]) + 0.5 * lam * (w @ w))


def _gap(Xc, yc, w, lam):
    n = Xc.shape[0]
    r = yc - Xc @ w
    primal = float(r @ r / (2 * n) + 0.5 * lam * (w @ w))
    if lam > 0:
        theta = r / n
        xt = Xc.T @ theta
        dual = float(theta @ yc - 0.5 * n * (theta @ theta) - (xt @ xt) / (2 * lam))
        return max(primal - dual, 0.0)
    w_ls = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    r_ls = yc - Xc @ w_ls
    return max(primal - float(r_ls @ r_ls / (2 * n)), 0.0)


def _fit(Xc, yc, x_mean, y_mean, fit_intercept, w, coefs, objs, lam, n_steps, record, method, extras):
    w = np.ascontiguousarray(w)
    gap = _gap(Xc, yc, w, lam)
    tol_scale = float(yc @ yc) / Xc.shape[0]
    history = None
    if record:
        intercepts = (y_mean - coefs @ x_mean) if fit_intercept else np.zeros(coefs.shape[0])
        history = {"coef": coefs, "objective": objs, "intercept": intercepts}
    return Fit(coef=w, intercept=float(y_mean - x_mean @ w) if fit_intercept else 0.0,
               objective=_objective(Xc, yc, w, lam), gap=gap, n_iter=n_steps,
               converged=bool(gap <= 1e-8 * tol_scale), history=history, lam=lam, method=method, extras=extras)


def ridge_gradient_descent(X, y, lam, step, n_steps, fit_intercept=True, form="weight_decay", record=True,
                           coef_init=None) -> Fit:
    """Plain gradient descent on ``(1/(2n))·||y − Xw − b||² + λ·½||w||₂²`` for exactly ``n_steps`` steps.

    form : "weight_decay" (``w ← (1 − ηλ)w − η∇L(w)``) or "penalty_gradient" (``w ← w − η(∇L(w) + λw)``),
        η = ``step``.  The two are algebraically identical; their iterates agree to rounding (≈1e-15).
    The intercept is handled by centering, so ``∇L(w) = −Xcᵀ(yc − Xc w)/n``.  Steps converge for
    ``step < 2/(L + λ)`` with L = largest eigenvalue of XcᵀXc/n (given in ``extras["step_limit"]``);
    larger steps diverge (a lesson in itself).
    Returns a ``Fit``: ``gap`` is the ridge duality gap at the last iterate (see ``ridge_duality_gap``),
    ``converged`` says whether gap <= 1e-8·||y − ȳ||²/n; ``history`` (if ``record``) holds ``"coef"``
    (n_steps+1, p), ``"objective"`` and ``"intercept"`` (n_steps+1,), first row the start (``coef_init``,
    default zeros).
    """
    Xc, yc, x_mean, y_mean = _centered(X, y, fit_intercept)
    lam = check_lam(lam)
    step = check_scalar(step, "step", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", low=0, integer=True)
    check_choice(form, "form", ("weight_decay", "penalty_gradient"))
    w0 = check_coef_init(coef_init, Xc.shape[1])
    with np.errstate(over="ignore", invalid="ignore"):
        w, coefs, objs = _ridge_gd(Xc, yc, w0, lam, step, n_steps, form == "weight_decay", bool(record))
    L = float(np.linalg.norm(Xc, 2) ** 2 / Xc.shape[0])
    return _fit(Xc, yc, x_mean, y_mean, fit_intercept, w, coefs, objs, lam, n_steps, record,
                f"gd ({form})", {"step_limit": 2.0 / (L + lam), "lipschitz": L})


def adam(X, y, lam, lr, n_steps, decoupled=False, betas=(0.9, 0.999), eps=1e-8, fit_intercept=True,
         record=True, coef_init=None) -> Fit:
    """Adam on the least-squares loss with either an L2 penalty or decoupled weight decay.

    decoupled=False ("Adam + L2"): Adam applied to the gradient of the ridge objective
        ``(1/(2n))||y − Xw − b||² + λ·½||w||²``, i.e. ``g = ∇L(w) + λw``.  At convergence it reaches the
        ridge solution: Adam's per-coordinate scaling divides penalty and loss gradients alike.
    decoupled=True ("AdamW", Loshchilov & Hutter 2019): ``g = ∇L(w)`` and
        ``w ← (1 − lr·λ)w − lr·m̂/(sqrt(v̂) + eps)``: the decay is applied outside the scaling, so
        coordinates with small gradients are decayed relatively more.  Its full-batch limit is generally NOT
        the ridge solution but least squares in the box ``||w||∞ ≤ 1/λ``, whatever lr (lr sets only how fast it
        gets there).  This is PyTorch's parametrization (λ is AdamW's ``weight_decay``); Loshchilov & Hutter
        scale the decay by the schedule multiplier instead of lr, which puts the box at ``α/λ``.
    The reported ``objective`` and ``gap`` are those of the ridge objective at λ for both variants, so the
    difference shows.  ``history`` as in ``ridge_gradient_descent``.
    """
    Xc, yc, x_mean, y_mean = _centered(X, y, fit_intercept)
    lam = check_lam(lam)
    lr = check_scalar(lr, "lr", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", low=0, integer=True)
    if len(betas) != 2:
        raise ValueError(f"betas must be a pair (beta1, beta2), got {betas!r}")
    b1 = check_scalar(betas[0], "betas[0]", low=0.0, high=1.0, high_inclusive=False)
    b2 = check_scalar(betas[1], "betas[1]", low=0.0, high=1.0, high_inclusive=False)
    eps = check_scalar(eps, "eps", low=0.0, low_inclusive=False)
    w0 = check_coef_init(coef_init, Xc.shape[1])
    with np.errstate(over="ignore", invalid="ignore"):
        w, coefs, objs = _adam(Xc, yc, w0, lam, lr, n_steps, bool(decoupled), b1, b2, eps, bool(record))
    return _fit(Xc, yc, x_mean, y_mean, fit_intercept, w, coefs, objs, lam, n_steps, record,
                "adamw" if decoupled else "adam (L2)", {"lr": lr, "betas": (b1, b2), "eps": eps})


def adam_l2_vs_adamw(X, y, lam, lr, n_steps, betas=(0.9, 0.999), eps=1e-8, fit_intercept=True, record=True):
    """Both Adam variants from the same start, plus the exact ridge solution, as a dict of Fits:
    ``{"adam_l2": ..., "adamw": ..., "ridge": ...}`` (see ``adam``)."""
    from .ridge import ridge

    kw = dict(betas=betas, eps=eps, fit_intercept=fit_intercept, record=record)
    return {
        "adam_l2": adam(X, y, lam, lr, n_steps, decoupled=False, **kw),
        "adamw": adam(X, y, lam, lr, n_steps, decoupled=True, **kw),
        "ridge": ridge(X, y, lam, fit_intercept=fit_intercept),
    }


@njit(cache=True)
def _penalty_steps(w0, lam, step, n_steps, kind):
    p = w0.shape[0]
    out = np.empty((n_steps + 1, p))
    out[0] = w0
    w = w0.copy()
    t = step * lam
    for k in range(n_steps):
        for i in range(p):
            if kind == 0:  # L2 gradient: shrink by a fixed FRACTION
                w[i] = (1.0 - t) * w[i]
            elif kind == 1:  # L1 subgradient: move by a fixed AMOUNT (sign(0) = 0)
                if w[i] > 0.0:
                    w[i] = w[i] - t
                elif w[i] < 0.0:
                    w[i] = w[i] + t
            else:  # L1 proximal step (soft-thresholding): lands on 0 and stays
                if w[i] > t:
                    w[i] = w[i] - t
                elif w[i] < -t:
                    w[i] = w[i] + t
                else:
                    w[i] = 0.0
        out[k + 1] = w
    return out


def penalty_only_dynamics(w0, lam, step, n_steps, penalty="l2"):
    """Iterates of gradient steps on the penalty alone, ``(n_steps + 1, p)`` (first row ``w0``).

    penalty "l2" (λ·½||w||²): ``w ← (1 − ηλ)w`` — geometric decay, never exactly zero (for ηλ < 1).
    penalty "l1" (λ||w||₁, subgradient sign(w), 0 at 0): ``w ← w − ηλ·sign(w)`` — steps of fixed size ηλ,
        so a weight overshoots zero and then hops around it (±ηλ) unless it lands exactly on 0.
    penalty "l1_prox": the proximal step ``w ← soft_threshold(w, ηλ)`` — reaches exactly 0 and stays.
    """
    w0 = as_vector(w0, "w0")
    lam = check_lam(lam)
    step = check_scalar(step, "step", low=0.0, low_inclusive=False)
    n_steps = check_scalar(n_steps, "n_steps", low=0, integer=True)
    check_choice(penalty, "penalty", ("l2", "l1", "l1_prox"))
    kind = {"l2": 0, "l1": 1, "l1_prox": 2}[penalty]
    return _penalty_steps(w0.copy(), lam, step, n_steps, kind)
