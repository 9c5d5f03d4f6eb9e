"""Stochastic gradient descent on the penalized logistic objective, four ways to apply the penalty.

Objective (as ``cl.logistic``): F(w, b) = (1/n)Σ log(1 + exp(−ỹᵢ(xᵢᵀw + b))) + λ(r||w||₁ + (1−r)/2||w||²).
One step on sample i with step η_t, gradient of its loss G = −ỹᵢ σ(−ỹᵢηᵢ)·xᵢ (b gets the same, unpenalized):

* ``"subgradient"``: w ← w − η_t (G + λr·sign(w) + λ(1−r)·w), sign(0) = 0 — what autograd does with
  ``lam * w.abs().sum()`` added to the loss.  A weight lands on exactly 0.0 only by accident.
* ``"truncated"``: w ← S(w − η_t(G + λ(1−r)w), η_t λr), S the soft threshold: the proximal step, i.e. the
  truncated gradient of Langford, Li & Zhang (2009) with truncation every step (K = 1) and θ = ∞.
* ``"cumulative"``: the cumulative L1 penalty of Tsuruoka, Tsujii & Ananiadou (2009) (scikit-learn's
  ``SGDClassifier(penalty="l1")``): u_t = Σ η_s λr is the penalty a weight could have received so far,
  q_j the penalty it actually received; after the gradient step a positive weight becomes
  max(0, w − (u + q_j)), a negative one min(0, w + (u − q_j)), and q_j records the change.  Weights are
  clipped at zero, not pushed across it, and the penalty is not lost when a step overshoots.
* the L2 part is always **weight decay**: w ← (1 − η_t λ(1−r))·w − η_t G (exactly the gradient step on
  λ(1−r)/2·||w||²).  With r = 0 the three methods are the same algorithm.

Steps: η_t = η₀ / (1 + t/n) (t counts samples seen), one random permutation of the rows per epoch (seeded).
The iterates after every epoch are recorded for the chapter.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.jit import njit
from .._internal.validation import as_design, check_choice, check_l1_ratio, check_lam, check_scalar, check_seed
from .logistic import _labels, _objective_from_eta

__all__ = ["sgd_logistic", "SGDResult", "SGD_METHODS"]

SGD_METHODS = ("subgradient", "truncated", "cumulative")
_CODES = {"subgradient": 0, "truncated": 1, "cumulative": 2}


@njit(cache=True)
def _sgd_epochs(X, ytil, w, b_arr, l1, l2, step0, order, method, fit_intercept, rec_w, rec_b):
    """Run the epochs given by the rows of ``order``; w, b_arr updated in place; rec_* one row per epoch."""
    n, p = X.shape
    q = np.zeros(p)   # cumulative method: L1 penalty actually applied to each weight
    u = 0.0           # cumulative method: L1 penalty each weight could have received
    t = 0
    for epoch in range(order.shape[0]):
        for k in range(n):
            i = order[epoch, k]
            eta_t = step0 / (1.0 + t / n)
            t += 1
            xi = X[i]
            margin = b_arr[0]
            for j in range(p):
                margin += xi[j] * w[j]
            m = ytil[i] * margin
            # −dℓ/dη = ỹ σ(−m), computed without overflow
            if m >= 0.0:
                e = np.exp(-m)
                coef = ytil[i] * e / (1.0 + e)
            else:
                coef = ytil[i] / (1.0 + np.exp(m))
            decay = 1.0 - eta_t * l2
            if fit_intercept:
                b_arr[0] += eta_t * coef
            if method == 0:
                for j in range(p):
                    wj = w[j]
                    s = 1.0 if wj > 0.0 else (-1.0 if wj < 0.0 else 0.0)
                    w[j] = decay * wj + eta_t * coef * xi[j] - eta_t * l1 * s
            elif method == 1:
                thr = eta_t * l1
                for j in range(p):
                    v = decay * w[j] + eta_t * coef * xi[j]
                    if v > thr:
                        w[j] = v - thr
                    elif v < -thr:
                        w[j] = v + thr
                    else:
                        w[j] = 0.0
            else:
                u += eta_t * l1
                for j in range(p):
                    v = decay * w[j] + eta_t * coef * xi[j]
                    if v > 0.0:
                        new = max(0.0, v - (u + q[j]))
                    elif v < 0.0:
                        new = min(0.0, v + (u - q[j]))
                    else:
                        new = 0.0
                    q[j] += new - v
                    w[j] = new
        rec_w[epoch + 1] = w
        rec_b[epoch + 1] = b_arr[0]


@dataclass
class SGDResult:
    """Iterates of one SGD run.  coefs (n_epochs+1, p) and intercepts after each epoch (row 0 the start),
    objective (n_epochs+1,) the full objective F at each; coef/intercept the last iterate."""

    method: str
    lam: float
    l1_ratio: float
    step0: float
    coefs: np.ndarray
    intercepts: np.ndarray
    objective: np.ndarray

    @property
    def coef(self) -> np.ndarray:
        return self.coefs[-1]

    @property
    def intercept(self) -> float:
        return float(self.intercepts[-1])

    @property
    def n_zero(self) -> np.ndarray:
        """Exact zeros (== 0.0) after each epoch."""
        return np.count_nonzero(self.coefs == 0.0, axis=1)

    def n_small(self, threshold) -> np.ndarray:
        """Weights with |w| <= threshold after each epoch."""
        return np.count_nonzero(np.abs(self.coefs) <= threshold, axis=1)


def sgd_logistic(X, y, lam, l1_ratio=1.0, method="truncated", n_epochs=50, step0=0.5, seed=0,
                 fit_intercept=True):
    """SGD on the penalized logistic objective (see the module docstring); returns an ``SGDResult``.

    method : ``"subgradient"``, ``"truncated"`` (proximal) or ``"cumulative"`` (Tsuruoka et al.).
    step0 : η₀ of the schedule η_t = η₀/(1 + t/n).  seed : the row order of every epoch.
    """
    X = as_design(X)
    n, p = X.shape
    _, y01 = _labels(y, n)
    lam, l1_ratio = check_lam(lam), check_l1_ratio(l1_ratio)
    method = check_choice(method, "method", SGD_METHODS)
    n_epochs = check_scalar(n_epochs, "n_epochs", low=1, integer=True)
    step0 = check_scalar(step0, "step0", low=0.0, low_inclusive=False)
    if step0 * lam * (1.0 - l1_ratio) >= 1.0:
        raise ValueError(f"step0·λ(1−r) = {step0 * lam * (1 - l1_ratio):.3g} >= 1: weight decay would flip the "
                         "sign of every weight; use a smaller step0")
    rng = check_seed(seed)
    order = np.array([rng.permutation(n) for _ in range(n_epochs)], dtype=np.int64)
    w = np.zeros(p)
    b = np.zeros(1)
    rec_w = np.zeros((n_epochs + 1, p))
    rec_b = np.zeros(n_epochs + 1)
    _sgd_epochs(X, 2.0 * y01 - 1.0, w, b, lam * l1_ratio, lam * (1.0 - l1_ratio), step0, order,
                _CODES[method], bool(fit_intercept), rec_w, rec_b)
    eta = rec_w @ X.T + rec_b[:, None]
    objective = np.array([_objective_from_eta(eta[k], y01, rec_w[k], lam, l1_ratio) for k in range(n_epochs + 1)])
    if not np.all(np.isfinite(objective)):
        raise FloatingPointError(f"SGD diverged (objective {objective[-1]!r}); use a smaller step0")
    return SGDResult(method=method, lam=lam, l1_ratio=l1_ratio, step0=step0, coefs=rec_w, intercepts=rec_b,
                     objective=objective)
