"""Penalized logistic regression: single fits, regularization paths, ``logistic_lam_max``, one-vs-rest.

Objective (ỹ ∈ {−1, +1}, intercept b unpenalized)::

    (1/n)·Σ log(1 + exp(−ỹᵢ(xᵢᵀw + b))) + λ·(r·||w||₁ + (1−r)/2·||w||₂²),      r = l1_ratio,

r = 1 the lasso, r = 0 ridge.  The same objective as scikit-learn's
``LogisticRegression(C=1/(nλ), l1_ratio=r, solver="saga")`` (which minimises C·Σ loss + P(w); saga, lbfgs
and newton-cg leave the intercept unpenalized, **liblinear penalizes it** like a weight), and as glmnet's
``family="binomial"`` with ``alpha=r, lambda=λ, standardize=FALSE``.  No automatic standardization.

Labels: any two distinct values (numbers, strings, booleans).  As in scikit-learn the positive class
(ỹ = +1) is the larger one in sorted order, ``classes[1]``; ``predict`` returns the original labels.

Solver: prox-Newton (glmnet's IRLS) — each outer step minimizes the quadratic model of the loss plus the
exact penalty by coordinate descent, followed by a backtracking line search — inside working sets (celer
and skglm's strategy: the support plus the features nearest to entering).  See ``_logistic_cd``.

Stopping rule: the duality gap falls to ``tol·H(ȳ)``, where H(ȳ) = −ȳ log ȳ − (1−ȳ) log(1−ȳ) is the
objective of the intercept-only model (the null deviance / 2n): the data's own scale, as
``tol·||y − ȳ||²/n`` is for the lasso.  The gap bounds the suboptimality F(w) − F*, so a converged fit is
certified to within ``tol·H(ȳ)`` of the optimum.  ``Fit.gap`` is the gap at exit; stopping at ``max_iter``
first emits a ``ConvergenceWarning``.

Separation: when a fit classifies every training point correctly and λ is at most ``SEPARATION_RATIO``
times λ_max (or λ = 0), the unpenalized problem has no minimiser (the weights would grow without bound as
λ → 0) and a ``SeparationWarning`` says so.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from ._logistic_cd import FIRST_WS, fit_intercept_exactly, primal_gap, solve_logistic
from .._internal.validation import as_design, check_coef_init, check_l1_ratio, check_lam, check_lams, check_max_iter, \
    check_scalar, check_tol
from .._internal.warnings import ConvergenceWarning
from ..core.results import Fit, Path

__all__ = ["logistic", "logistic_path", "logistic_lam_max", "logistic_objective", "LogisticFit", "LogisticPath",
           "LogisticProblem", "SeparationWarning", "ovr_fit", "OneVsRest"]

DEFAULT_MAX_ITER = 500         # prox-Newton steps per λ
WORKING_SET_MIN_FEATURES = 50  # below this many features every step is over all of them
SEPARATION_RATIO = 1e-4        # λ <= this × λ_max and a perfect training fit: warn (no finite minimiser as λ → 0)
STEP_LIMIT = 36.0              # |η| beyond which σ(η) is 1 or 0 to double precision


class SeparationWarning(ConvergenceWarning):
    """The training data are perfectly separated and λ is (nearly) zero: the weights have no finite limit."""


def _labels(y, n):
    if hasattr(y, "to_numpy"):
        y = y.to_numpy()
    arr = np.asarray(y)
    if arr.ndim == 2 and 1 in arr.shape:
        raise ValueError(f"y must be 1-D, got shape {arr.shape}; pass y.ravel()")
    if arr.ndim != 1:
        raise ValueError(f"y must be 1-D (n_samples,), got shape {arr.shape}")
    if arr.shape[0] != n:
        raise ValueError(f"X has {n} rows but y has {arr.shape[0]} entries; they must match")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError("y contains NaN or infinite labels; drop those rows before fitting")
    if arr.dtype == object and any(v is None for v in arr):
        raise ValueError("y contains None labels; drop those rows before fitting")
    try:
        classes, codes = np.unique(arr, return_inverse=True)
    except TypeError as exc:
        raise TypeError(f"y mixes labels that cannot be compared ({exc}); use one type for the labels") from exc
    if classes.shape[0] != 2:
        shown = ", ".join(map(repr, classes[:6].tolist())) + (" ..." if classes.shape[0] > 6 else "")
        hint = ("both classes are needed to fit a classifier" if classes.shape[0] < 2 else
                "for more than two classes use cl.ovr_fit (one-vs-rest)")
        raise ValueError(f"logistic regression needs exactly 2 distinct labels in y, got {classes.shape[0]} "
                         f"({shown}); {hint}")
    return classes, codes.astype(np.float64)


class LogisticProblem:
    """(X, y) validated and prepared once (transposed design, labels coded 0/1, scale of the gap)."""

    def __init__(self, X, y, fit_intercept=True):
        X = as_design(X)
        self.n, self.p = X.shape
        self.classes, self.y = _labels(y, self.n)
        self.fit_intercept = bool(fit_intercept)
        self.XT = np.ascontiguousarray(X.T)
        self.col_norm = np.sqrt(np.einsum("ij,ij->i", self.XT, self.XT) / self.n)
        self.all_feats = np.arange(self.p, dtype=np.int64)
        ybar = self.y.mean()
        if self.fit_intercept:
            self.b0 = float(np.log(ybar / (1.0 - ybar)))
            self.scale = float(-(ybar * np.log(ybar) + (1 - ybar) * np.log(1 - ybar)))
        else:
            self.b0 = 0.0
            self.scale = float(np.log(2.0))  # objective of w = 0, b = 0
        self._lam_max = {}

    def grad0(self):
        """x_jᵀ(y − p₀)/n at w = 0 (p₀ the intercept-only fit, or 1/2 without intercept)."""
        p0 = 1.0 / (1.0 + np.exp(-self.b0))
        return self.XT @ (self.y - p0) / self.n

    def lam_max(self, l1_ratio=1.0):
        l1_ratio = check_l1_ratio(l1_ratio)
        if l1_ratio not in self._lam_max:
            top = float(np.max(np.abs(self.grad0())))
            self._lam_max[l1_ratio] = (top / l1_ratio if l1_ratio > 0 else (np.inf if top > 0 else 0.0))
        return self._lam_max[l1_ratio]

    def _run(self, lam, l1_ratio, tol_abs, max_iter, w, b, ws_size):
        l1, l2 = lam * l1_ratio, lam * (1.0 - l1_ratio)
        b_arr = np.array([b])
        eta = w @ self.XT + b if w.any() else np.full(self.n, b)
        if l1 == 0.0 and l2 > 0.0:
            steps, primal, gap = _ridge_newton(self, w, b_arr, eta, l2, tol_abs, max_iter)
            return steps, primal, gap, float(b_arr[0]), eta, ws_size
        use_ws = self.p >= WORKING_SET_MIN_FEATURES
        steps, primal, gap, ws_size = solve_logistic(self.XT, self.y, w, b_arr, eta, self.all_feats, self.col_norm,
                                                     l1, l2, self.fit_intercept, tol_abs, max_iter, use_ws, ws_size)
        return steps, primal, gap, float(b_arr[0]), eta, ws_size

    def fit(self, lam, l1_ratio=1.0, tol=1e-8, max_iter=None, coef_init=None, intercept_init=None, stacklevel=2):
        lam, l1_ratio, tol = check_lam(lam), check_l1_ratio(l1_ratio), check_tol(tol)
        max_iter = DEFAULT_MAX_ITER if max_iter is None else check_max_iter(max_iter)
        w = check_coef_init(coef_init, self.p)
        b = self.b0 if intercept_init is None else check_scalar(intercept_init, "intercept_init")
        if not self.fit_intercept:
            b = 0.0
        tol_abs = tol * self.scale
        top = self.lam_max(l1_ratio)
        if l1_ratio > 0 and lam >= top:  # KKT at w = 0 holds: exact zeros, no iterations
            w = np.zeros(self.p)
            b = self.b0
            eta = np.full(self.n, b)
            steps, primal, gap = 0, self.objective(w, b, lam, l1_ratio), 0.0
        else:
            steps, primal, gap, b, eta, _ = self._run(lam, l1_ratio, tol_abs, max_iter, w, b, FIRST_WS)
        converged = bool(gap <= tol_abs)
        if not converged:
            warnings.warn(ConvergenceWarning(
                f"logistic: stopped after {steps} prox-Newton steps with duality gap {gap:.3g} > tol·H(ȳ) = "
                f"{tol_abs:.3g} (tol={tol:g}); increase max_iter or tol"), stacklevel=stacklevel + 1)
        self._check_separation(eta, lam, l1_ratio, stacklevel + 1)
        return LogisticFit(coef=w, intercept=b, objective=float(primal), gap=float(gap), n_iter=int(steps),
                           converged=converged, lam=float(lam), method="prox-newton", classes=self.classes,
                           extras={"l1_ratio": l1_ratio, "tol": tol, "tol_abs": tol_abs})

    def _check_separation(self, eta, lam, l1_ratio, stacklevel, where=""):
        margins = (2.0 * self.y - 1.0) * eta
        if margins.min() <= 0.0:
            return
        top = self.lam_max(l1_ratio if l1_ratio > 0 else 1.0)
        if lam <= SEPARATION_RATIO * top:
            warnings.warn(SeparationWarning(
                f"logistic{where}: the fit separates the training data perfectly (smallest margin "
                f"{margins.min():.3g}) at λ = {lam:.3g} <= {SEPARATION_RATIO:g}·λ_max: as λ → 0 the weights grow "
                "without bound (no maximum-likelihood estimate exists). Use a larger λ; the λ = 0 answer "
                "is not a model"), stacklevel=stacklevel)

    def objective(self, coef, intercept, lam, l1_ratio=1.0):
        eta = np.asarray(coef) @ self.XT + intercept
        return _objective_from_eta(eta, self.y, coef, lam, l1_ratio)

    def path(self, lams=None, l1_ratio=1.0, n_lams=100, eps=None, tol=1e-8, max_iter=DEFAULT_MAX_ITER,
             stacklevel=2):
        l1_ratio, tol = check_l1_ratio(l1_ratio), check_tol(tol)
        max_iter = check_max_iter(max_iter)
        if lams is not None:
            grid = np.sort(check_lams(lams))[::-1].copy()
        else:
            n_lams = check_scalar(n_lams, "n_lams", low=1, integer=True)
            if eps is None:
                eps = 1e-2 if self.p > self.n else 1e-4  # glmnet's default lambda.min.ratio
            eps = check_scalar(eps, "eps", low=0.0, high=1.0, low_inclusive=False)
            if l1_ratio == 0.0:
                raise ValueError("l1_ratio=0 (ridge) has no finite lam_max, so there is no default λ grid; "
                                 "pass lams explicitly")
            grid = self.lam_max(l1_ratio) * np.geomspace(1.0, eps, n_lams)
        k = grid.shape[0]
        coefs = np.zeros((k, self.p))
        intercepts = np.zeros(k)
        gaps = np.zeros(k)
        n_iters = np.zeros(k, dtype=np.int64)
        tol_abs = tol * self.scale
        top = self.lam_max(l1_ratio)
        w = np.zeros(self.p)
        b = self.b0
        ws_size = FIRST_WS
        eta = np.full(self.n, b)
        for i, lam in enumerate(grid):
            if l1_ratio > 0 and lam >= top:
                intercepts[i] = self.b0
                continue
            n_iters[i], _, gaps[i], b, eta, ws_size = self._run(lam, l1_ratio, tol_abs, max_iter, w, b, ws_size)
            coefs[i] = w
            intercepts[i] = b
        bad = np.flatnonzero(gaps > tol_abs)
        if bad.size:
            warnings.warn(ConvergenceWarning(
                f"logistic_path: {bad.size} of {k} λ values stopped at max_iter={max_iter} with duality gap up "
                f"to {gaps[bad].max():.3g} > tol·H(ȳ) = {tol_abs:.3g}; increase max_iter or tol"),
                stacklevel=stacklevel + 1)
        self._check_separation(eta, grid[-1], l1_ratio, stacklevel + 1, where="_path (smallest λ)")
        return LogisticPath(lams=grid, coefs=coefs, intercepts=intercepts, gaps=gaps, n_iters=n_iters,
                            l1_ratio=l1_ratio, method="prox-newton", classes=self.classes)


def _ridge_newton(prob, w, b_arr, eta, l2, tol_abs, max_iter):
    """Ridge (r = 0): exact Newton steps, the intercept profiled out by weighted centring.

    The reduced system (XᵀD̃X/n + λI)Δw = −(Xᵀg̃/n + λw), D̃ = D − ddᵀ/Σd, is solved through the n × n
    matrix AAᵀ + λI (A = (I − uuᵀ)D^½X/√n, Woodbury) when p > n: coordinate descent on an ill-conditioned
    p ≫ n quadratic model needs many passes, one n × n solve does not.  Line search and gap as in the kernel.
    """
    XT, y, n, p = prob.XT, prob.y, prob.n, prob.p
    z = np.zeros(p)
    feats = prob.all_feats
    for steps in range(max_iter + 1):
        if prob.fit_intercept:
            fit_intercept_exactly(y, eta, b_arr)
        primal, gap = primal_gap(XT, y, w, eta, feats, 0.0, l2, prob.fit_intercept, z)
        if gap <= tol_abs or steps == max_iter:
            return steps, primal, gap
        pr = _sigmoid(eta)
        g = pr - y
        d = np.maximum(pr * (1.0 - pr), 1e-12)
        if prob.fit_intercept:
            g_t = g - d * (g.sum() / d.sum())
            u = np.sqrt(d / d.sum())
        else:
            g_t, u = g, np.zeros(n)
        rhs = -(XT @ g_t / n + l2 * w)
        B = np.sqrt(d)[:, None] * XT.T / np.sqrt(n)          # D^½X/√n, (n, p)
        A = B - np.outer(u, u @ B)                            # (I − uuᵀ)B
        if p > n:
            K = A @ A.T + l2 * np.eye(n)
            dw = (rhs - A.T @ np.linalg.solve(K, A @ rhs)) / l2
        else:
            dw = np.linalg.solve(A.T @ A + l2 * np.eye(p), rhs)
        dxw = dw @ XT
        db = -(g.sum() + d @ dxw) / d.sum() if prob.fit_intercept else 0.0
        d_eta = dxw + db
        f0 = primal
        slope = float(g @ d_eta / n + l2 * w @ dw)
        t = 1.0
        for _ in range(40):
            w_t = w + t * dw
            f_t = _objective_from_eta(eta + t * d_eta, y, w_t, l2, 0.0)
            if f_t <= f0 + 1e-4 * t * slope or (t == 1.0 and abs(slope) <= 1e-13 * (1 + abs(f0))
                                                 and f_t <= f0 + 1e-15 * (1 + abs(f0))):
                break
            t *= 0.5
        else:
            return steps, primal, gap
        w += t * dw
        eta += t * d_eta
        b_arr[0] += t * db
    return max_iter, primal, gap


def _objective_from_eta(eta, y01, coef, lam, l1_ratio):
    coef = np.asarray(coef, dtype=float)
    loss = np.mean(np.logaddexp(0.0, eta) - y01 * eta)
    pen = lam * (l1_ratio * np.abs(coef).sum() + 0.5 * (1.0 - l1_ratio) * coef @ coef)
    return float(loss + pen)


def _sigmoid(t):
    return np.exp(-np.logaddexp(0.0, -t))


@dataclass(repr=False)
class LogisticFit(Fit):
    """A ``Fit`` for two classes: ``predict`` returns labels; ``decision_function`` is Xw + b."""

    classes: np.ndarray = field(default_factory=lambda: np.array([0, 1]))

    def decision_function(self, X) -> np.ndarray:
        return Fit.predict(self, X)

    def predict_proba(self, X) -> np.ndarray:
        """(n, 2) probabilities of ``classes[0]`` and ``classes[1]``."""
        p1 = _sigmoid(self.decision_function(X))
        return np.column_stack([1.0 - p1, p1])

    def predict(self, X) -> np.ndarray:
        return self.classes[(self.decision_function(X) > 0).astype(int)]

    def accuracy(self, X, y) -> float:
        """Share of rows whose predicted label equals y."""
        return float(np.mean(self.predict(X) == np.asarray(y)))


@dataclass(repr=False)
class LogisticPath(Path):
    classes: np.ndarray = field(default_factory=lambda: np.array([0, 1]))

    def decision_function(self, X) -> np.ndarray:
        return Path.predict(self, X)

    def predict_proba(self, X) -> np.ndarray:
        """(n, k) probability of ``classes[1]`` at each λ."""
        return _sigmoid(self.decision_function(X))

    def predict(self, X) -> np.ndarray:
        """(n, k) labels, one column per λ."""
        return self.classes[(self.decision_function(X) > 0).astype(int)]


# ---------------------------------------------------------------------------------------------- public
def logistic_objective(X, y, coef, intercept, lam, l1_ratio=1.0) -> float:
    """The objective (1/n)Σ log(1 + exp(−ỹᵢ(xᵢᵀw + b))) + λ(r||w||₁ + (1−r)/2||w||²) at (coef, intercept)."""
    X = as_design(X)
    _, y01 = _labels(y, X.shape[0])
    coef = np.asarray(coef, dtype=float)
    return _objective_from_eta(X @ coef + float(intercept), y01, coef, check_lam(lam), check_l1_ratio(l1_ratio))


def logistic_lam_max(X, y, l1_ratio=1.0, fit_intercept=True) -> float:
    """Smallest λ whose solution has w = 0: ``||Xᵀ(y₀₁ − ȳ)||∞ / (n·l1_ratio)`` (inf for l1_ratio = 0).

    y₀₁ codes the labels 0/1; ȳ is the intercept-only fit's probability (1/2 without intercept).
    """
    return LogisticProblem(X, y, fit_intercept).lam_max(l1_ratio)


def logistic(X, y, lam, l1_ratio=1.0, tol=1e-8, max_iter=None, fit_intercept=True, coef_init=None):
    """Penalized logistic regression at one λ; returns a ``LogisticFit``.

    Minimizes ``(1/n)·Σ log(1 + exp(−ỹᵢ(xᵢᵀw + b))) + λ(r||w||₁ + (1−r)/2||w||²)``, b unpenalized.
    = scikit-learn's ``LogisticRegression(C=1/(nλ), l1_ratio=r, solver="saga")``.

    y : two distinct labels of any kind; ``fit.classes`` holds them sorted, the second is the positive class.
    tol : stop when the duality gap <= tol·H(ȳ) (H the entropy of the class shares: the objective of the
        intercept-only model), default 1e-8.
    max_iter : prox-Newton steps (default 500); each step is a few coordinate-descent passes over the
        working set.  coef_init : warm start (length p).
    For λ >= ``logistic_lam_max`` (and r > 0) the exact zero solution is returned without iterating.
    ``fit.predict(X)`` gives labels, ``fit.predict_proba(X)`` (n, 2) probabilities, ``fit.accuracy(X, y)``.
    """
    return LogisticProblem(X, y, fit_intercept).fit(lam, l1_ratio, tol, max_iter, coef_init, stacklevel=2)


def logistic_path(X, y, lams=None, l1_ratio=1.0, n_lams=100, eps=None, tol=1e-8, max_iter=DEFAULT_MAX_ITER,
                  fit_intercept=True):
    """Warm-started solutions along decreasing λ; returns a ``LogisticPath``.

    lams : the λ values (sorted decreasing); default ``n_lams`` values from ``logistic_lam_max`` down to
        ``eps·lam_max``, eps = 1e-2 when p > n and 1e-4 otherwise (glmnet's ``lambda.min.ratio``).
    Each λ stops at duality gap <= tol·H(ȳ).  ``path.predict_proba(X)`` is (n, k).
    """
    return LogisticProblem(X, y, fit_intercept).path(lams, l1_ratio, n_lams, eps, tol, max_iter, stacklevel=2)


# ---------------------------------------------------------------------------------------------- one-vs-rest
@dataclass
class OneVsRest:
    """K binary fits, class k against the rest; ``predict`` takes the class with the largest xᵀw_k + b_k."""

    classes: np.ndarray
    fits: list

    @property
    def coefs(self) -> np.ndarray:
        return np.array([f.coef for f in self.fits])

    def decision_function(self, X) -> np.ndarray:
        return np.column_stack([f.decision_function(X) for f in self.fits])

    def predict(self, X) -> np.ndarray:
        return self.classes[np.argmax(self.decision_function(X), axis=1)]

    def accuracy(self, X, y) -> float:
        return float(np.mean(self.predict(X) == np.asarray(y)))

    @property
    def n_features_used(self) -> int:
        """Features with a non-zero weight in at least one of the K binary models."""
        return int(np.count_nonzero(np.any(self.coefs != 0, axis=0)))


def ovr_fit(X, y, lam, l1_ratio=1.0, tol=1e-8, max_iter=None, fit_intercept=True):
    """One-vs-rest: one ``logistic`` fit per class (that class = 1, the others = 0) at the same λ.

    ``lam`` may be one λ or one per class (sorted like ``np.unique(y)``).  Returns a ``OneVsRest``.
    """
    X = as_design(X)
    arr = np.asarray(y)
    classes = np.unique(arr)
    if classes.shape[0] < 3:
        raise ValueError(f"ovr_fit is for 3 or more classes, got {classes.shape[0]}; use cl.logistic")
    lams = np.broadcast_to(np.asarray(lam, dtype=float), classes.shape)
    fits = [LogisticProblem(X, (arr == c).astype(int), fit_intercept).fit(float(lk), l1_ratio, tol, max_iter,
                                                                           stacklevel=2)
            for c, lk in zip(classes, lams)]
    return OneVsRest(classes=classes, fits=fits)
