"""Lasso and elastic net: single fits, regularization paths, and ``lam_max``.

Objective (every solver)::

    (1/(2n))·||y − Xw − b||² + λ·(r·||w||₁ + (1−r)/2·||w||₂²),     r = l1_ratio,

intercept b unpenalized (fit by centering X and y; ``fit_intercept=False`` skips the centering).
r = 1 is the lasso, r = 0 ridge.  Same as glmnet and scikit-learn's ``Lasso``/``ElasticNet(alpha=λ,
l1_ratio=r)``.  No automatic standardization: scale the columns yourself if their units differ.

What ``tol`` means, precisely.  Every method stops at the first gap evaluation (coordinate descent: every
10 epochs, or after an epoch that moved no coefficient by more than 1e-6·max|w_j|) where the duality gap
(see ``course_lib.core.duality``) is ``<= tol·||y − ȳ||²/n``.  The gap bounds the *objective's* error:
``P(w) − P* <= tol·||y − ȳ||²/n``.  It does not bound the coefficients' error: on a flat objective
(correlated columns) coefficients that are 1e-4 apart can have objectives 1e-10 apart.  scikit-learn uses
the same gap test but evaluates it only once an epoch's largest coordinate change is below tol·max|w_j|, so
at equal ``tol`` its coefficients are usually closer to the optimum than ours (its own tests rely on it).
To ask for coefficient accuracy, pass ``coef_tol`` (method="cd"): the solver then also requires that the
last plain epoch changed no coefficient by more than ``coef_tol·max_j|w_j|`` (scikit-learn's criterion;
a small change per epoch, not a certified distance to w*).  For the elastic net (r < 1) the objective is
λ(1−r)-strongly convex, so ``||w − w*||² <= 2·gap/(λ(1−r))`` does give a certified bound.
``Fit.gap`` is the gap at exit; a solver that stops at ``max_iter`` first emits a ``ConvergenceWarning``
with the gap reached and the tolerance.

Memory: for a float64 Fortran-ordered X the coordinate-descent solvers allocate O(n + p) (the intercept is
fitted by implicit centering, no centered copy); any other X (C order, another dtype, a list) is converted
once to a float64 Fortran-ordered copy.  ISTA/FISTA and the subgradient method build one centered copy.
Kernel → Interrupt stops a coordinate-descent fit within a fraction of a second (the kernel returns to
Python every ~2·10⁷ multiply-adds and resumes where it was).

For widgets and loops that refit the same data many times, build a ``LassoProblem`` once (validation,
centering, transposition and column norms done once) and call its ``fit``/``path`` methods.
"""
from __future__ import annotations

import warnings

import numpy as np

from ._coordinate_descent import solve_cd
from ._gram_cd import gram_path, use_gram
from ._working_set import FIRST_SIZE, solve_ws
from ._problem import Data, check_common, check_record, is_zero_solution, make_fit, zero_fit
from .._internal.validation import check_choice, check_l1_ratio, check_lams, check_max_iter, check_scalar, check_tol
from .._internal.warnings import ConvergenceWarning
from .proximal import solve_proximal
from ..core.results import Path
from .subgradient import fit_subgradient

__all__ = ["lam_max", "lasso", "elastic_net", "lasso_path", "elastic_net_path", "LassoProblem"]

METHODS = ("cd", "ista", "fista", "subgradient")
# coordinate descent switches to working sets + gap-safe screening from this many features on (when λr > 0)
WORKING_SET_MIN_FEATURES = 100
DEFAULT_MAX_ITER = {"cd": 10_000, "ista": 100_000, "fista": 100_000, "subgradient": 5_000}
_OPTIONS = {"cd": ("coef_tol",), "ista": ("backtracking",), "fista": ("backtracking",),
            "subgradient": ("step_rule", "step")}


class LassoProblem:
    """One (X, y) prepared once — the lean entry point for widgets and repeated fits.

    ``LassoProblem(X, y, fit_intercept=True)`` validates, centers and transposes the data and computes the
    column norms once; ``prob.fit(lam, ...)`` then costs only the solver itself (a warm-started fit on
    100 × 20 takes a few tens of µs).  Same objective and arguments as ``lasso``/``elastic_net``::

        prob = cl.LassoProblem(X, y)
        fit = prob.fit(0.1)                                 # lasso, coordinate descent
        fit = prob.fit(0.09, coef_init=fit.coef)            # warm start (slider moved)
        fit = prob.fit(0.1, l1_ratio=0.5, method="fista")   # elastic net, FISTA
        path = prob.path(n_lams=50)
    Attributes: ``n``, ``p``, ``lam_max(l1_ratio=1.0)``.
    """

    def __init__(self, X, y, fit_intercept=True):
        self.data = Data(X, y, fit_intercept)
        self.n, self.p = self.data.n, self.data.p

    def lam_max(self, l1_ratio=1.0):
        """Smallest λ whose solution is all zeros: ||X_cᵀ(y − ȳ)||∞/(n·l1_ratio) (inf for l1_ratio=0)."""
        return self.data.lam_max(check_l1_ratio(l1_ratio))

    def fit(self, lam, l1_ratio=1.0, method="cd", tol=1e-8, max_iter=None, coef_init=None, record=False,
            **options):
        """Fit at one λ (see ``elastic_net`` for the arguments); returns a ``Fit``."""
        return _fit(self.data, lam, l1_ratio, method, tol, max_iter, coef_init, record, options, stacklevel=3)

    def path(self, lams=None, l1_ratio=1.0, n_lams=100, eps=1e-3, tol=1e-8, max_iter=10_000, coef_tol=None):
        """Warm-started path (see ``elastic_net_path``); returns a ``Path``."""
        return _path(self.data, lams, l1_ratio, n_lams, eps, tol, max_iter, stacklevel=3, coef_tol=coef_tol)


def _fit(data, lam, l1_ratio, method, tol, max_iter, coef_init, record, options, stacklevel):
    method = check_choice(method, "method", METHODS)
    unknown = set(options) - set(_OPTIONS[method])
    if unknown:
        allowed = ", ".join(_OPTIONS[method]) or "none"
        raise TypeError(f"unexpected argument(s) {sorted(unknown)} for method={method!r} (allowed: {allowed})")
    if max_iter is None:
        max_iter = DEFAULT_MAX_ITER[method]
    if method == "subgradient":
        return fit_subgradient(data, lam, l1_ratio, tol, max_iter, coef_init, record,
                               options.get("step_rule", "diminishing"), options.get("step", 0.1),
                               stacklevel=stacklevel + 2)
    lam, l1_ratio, tol, max_iter, w = check_common(data, lam, l1_ratio, tol, max_iter, coef_init)
    record = check_record(record)
    if record == "updates" and method != "cd":
        raise ValueError("record='updates' (one row per coordinate update) is only for method='cd'")
    l1, l2 = lam * l1_ratio, lam * (1.0 - l1_ratio)
    if not record and is_zero_solution(data, lam, l1_ratio):
        return zero_fit(data, lam, l1_ratio, tol, method)
    if lam == 0.0 and data.p >= data.n:
        warnings.warn(ConvergenceWarning(
            f"λ = 0 with p = {data.p} >= n = {data.n}: least squares has infinitely many solutions and "
            "coordinate descent / ISTA may converge very slowly; use cl.ridge(X, y, 0) for the minimum-norm "
            "solution or pick λ > 0"), stacklevel=stacklevel)
    tol_abs = tol * data.y_scale
    if method == "cd":
        coef_tol = _check_coef_tol(options.get("coef_tol"))
        r = data.residual(w)
        if record or data.p < WORKING_SET_MIN_FEATURES or l1 == 0.0:  # no L1 term: nothing to screen
            n_iter, primal, gap, history = solve_cd(data, l1, l2, w, r, tol_abs, max_iter, record,
                                                    coef_tol=coef_tol)
        else:
            n_iter, primal, gap, _ = solve_ws(data, l1, l2, w, r, tol_abs, max_iter, coef_tol=coef_tol)
            history = None
        unit = "epochs"
    else:
        n_iter, primal, gap, history = solve_proximal(data, l1, l2, w, tol_abs, max_iter, record,
                                                      accelerate=(method == "fista"),
                                                      backtracking=bool(options.get("backtracking", False)))
        unit = "iterations"
    return make_fit(data, w, primal, gap, n_iter, tol_abs, tol, lam, l1_ratio, method, history, unit=unit,
                    stacklevel=stacklevel + 1)


def _check_coef_tol(coef_tol):
    """0.0 (off) or a relative coefficient-change threshold in (0, 1)."""
    if coef_tol is None:
        return 0.0
    return check_scalar(coef_tol, "coef_tol", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False)


def _lam_grid(data, lams, l1_ratio, n_lams, eps):
    if lams is not None:
        return np.sort(check_lams(lams))[::-1].copy()
    n_lams = check_scalar(n_lams, "n_lams", low=1, high=100_000, integer=True)
    eps = check_scalar(eps, "eps", low=0.0, high=1.0, low_inclusive=False)
    if l1_ratio == 0.0:
        raise ValueError("l1_ratio=0 (ridge) has no finite lam_max, so there is no default λ grid; "
                         "pass lams explicitly (or use cl.ridge_path)")
    top = data.lam_max(l1_ratio)
    if top == 0.0:  # y (or every column) constant: every λ gives the zero solution
        top = 1.0
    return top * np.geomspace(1.0, eps, n_lams)


def _path(data, lams, l1_ratio, n_lams, eps, tol, max_iter, stacklevel, coef_tol=None):
    coef_tol = _check_coef_tol(coef_tol)
    l1_ratio = check_l1_ratio(l1_ratio)
    tol = check_tol(tol)
    max_iter = check_max_iter(max_iter)
    grid = _lam_grid(data, lams, l1_ratio, n_lams, eps)
    k, p = grid.shape[0], data.p
    coefs = np.zeros((k, p))
    gaps = np.zeros(k)
    n_iters = np.zeros(k, dtype=np.int64)
    tol_abs = tol * data.y_scale
    top = data.lam_max(l1_ratio)
    if use_gram(data.n, p) and grid[-1] > 0.0:  # tall data: covariance mode, the whole path in one kernel
        feats = data.nonconstant
        gram_path(data.gram(), data.xty, data.y_scale, data.Xt, data.x_mean, data.y, feats, grid, l1_ratio, top,
                  tol_abs, max_iter, coef_tol, coefs, gaps, n_iters)
        return _finish_path(data, grid, coefs, gaps, n_iters, l1_ratio, tol, tol_abs, max_iter, stacklevel + 1)
    w = np.zeros(p)
    r = data.y.copy()
    ws_size = FIRST_SIZE  # carried from one λ to the next
    for i, lam in enumerate(grid):
        if lam >= top:
            continue  # exact zeros (w stays 0 for the warm start)
        l1, l2 = lam * l1_ratio, lam * (1.0 - l1_ratio)
        if p < WORKING_SET_MIN_FEATURES or l1 == 0.0:
            n_iter, _, gap, _ = solve_cd(data, l1, l2, w, r, tol_abs, max_iter, coef_tol=coef_tol)
        else:
            n_iter, _, gap, ws_size = solve_ws(data, l1, l2, w, r, tol_abs, max_iter, ws_size, coef_tol=coef_tol)
        coefs[i] = w
        gaps[i] = gap
        n_iters[i] = n_iter
    return _finish_path(data, grid, coefs, gaps, n_iters, l1_ratio, tol, tol_abs, max_iter, stacklevel + 1)


def _finish_path(data, grid, coefs, gaps, n_iters, l1_ratio, tol, tol_abs, max_iter, stacklevel):
    k = grid.shape[0]
    bad = np.flatnonzero(gaps > tol_abs)
    if bad.size:
        warnings.warn(ConvergenceWarning(
            f"path: {bad.size} of {k} λ values stopped at max_iter={max_iter} with duality gap up to "
            f"{gaps[bad].max():.3g} > tol·||y−ȳ||²/n = {tol_abs:.3g} (tol={tol:g}); increase max_iter or tol"),
            stacklevel=stacklevel)
    intercepts = (data.y_mean - coefs @ data.x_mean) if data.fit_intercept else np.zeros(k)
    return Path(lams=grid, coefs=coefs, intercepts=intercepts, gaps=gaps, n_iters=n_iters, l1_ratio=l1_ratio,
                method="cd")


# ---------------------------------------------------------------------------------------------- public
def lam_max(X, y, l1_ratio=1.0, fit_intercept=True) -> float:
    """Smallest λ whose solution is all zeros: ``||X_cᵀ(y − ȳ)||∞ / (n·l1_ratio)``.

    X_c, y − ȳ are the centered data (not centered when ``fit_intercept=False``).  For every λ >= lam_max
    the lasso / elastic net returns exact zeros.  With ``l1_ratio=0`` (ridge) no finite λ gives exact zeros:
    the result is ``inf`` (or 0.0 when X_cᵀ(y − ȳ) = 0).
    """
    return Data(X, y, fit_intercept).lam_max(check_l1_ratio(l1_ratio))


def lasso(X, y, lam, method="cd", tol=1e-8, max_iter=None, coef_init=None, record=False, fit_intercept=True,
          **options):
    """Lasso: minimize ``(1/(2n))·||y − Xw − b||² + λ·||w||₁`` (b unpenalized, fit by centering).

    = scikit-learn's ``Lasso(alpha=λ)``.  Returns a ``Fit``.

    method : ``"cd"`` (cyclic coordinate descent, default), ``"ista"``, ``"fista"`` (proximal gradient,
        step 1/L with L = σ_max(X_c)²/n; option ``backtracking=True``) or ``"subgradient"`` (options
        ``step_rule``, ``step``; see ``subgradient_method``).
    tol : stop when the duality gap <= ``tol·||y − ȳ||²/n`` (default 1e-8): a bound on the objective's
        error, not on the coefficients' (see the module docstring).
    coef_tol : (method="cd" only; default None = off) also require that the last epoch changed no
        coefficient by more than ``coef_tol·max|w_j|`` — ask for this when you compare coefficients to
        another solver's (e.g. ``coef_tol=1e-8``).
    max_iter : epochs for cd (default 10 000), iterations for ista/fista (100 000), steps for subgradient
        (5 000).  Reaching it first gives a ``ConvergenceWarning``.
    coef_init : warm start (length p).
    record : ``True`` stores ``history`` = {"coef": (n_iter+1, p) iterates, first row the start,
        "objective": (n_iter+1,), "gap": (n_iter+1,) duality gaps} — one row per epoch for cd, per iteration
        for ista/fista (ista/fista also "lipschitz"; subgradient also "best_objective").  ``"updates"`` (cd
        only) adds "coef_updates": one row per coordinate update (n_iter·p + 1, p; row 0 the start), for
        drawing the coordinate-wise staircase.  A recorded cd run is plain cyclic coordinate descent over all
        features; without recording cd adds Anderson acceleration and, from p >= 100 on, working sets with
        gap-safe screening (then n_iter counts epochs over the working set), so n_iter differs.
        For λ >= lam_max (and record=False) exact zeros are returned without iterating.

    ``Fit.gap`` is the smallest gap over the dual points the solver built (extrapolated ones included),
    so it can be below ``duality_gap(X, y, fit.coef, lam)``, which only uses the residual.
    λ = 0 is least squares; with p >= n it has infinitely many solutions and a warning is emitted.
    """
    return _fit(Data(X, y, fit_intercept), lam, 1.0, method, tol, max_iter, coef_init, record, options,
                stacklevel=3)


def elastic_net(X, y, lam, l1_ratio=0.5, method="cd", tol=1e-8, max_iter=None, coef_init=None, record=False,
                fit_intercept=True, **options):
    """Elastic net: minimize ``(1/(2n))·||y − Xw − b||² + λ·(r||w||₁ + (1−r)/2·||w||₂²)``, r = l1_ratio.

    = scikit-learn's ``ElasticNet(alpha=λ, l1_ratio=r)``; r = 1 is the lasso, r = 0 ridge (whose
    solution is (X_cᵀX_c + nλI)⁻¹X_cᵀ(y − ȳ)).  Methods, tol (duality gap <= tol·||y − ȳ||²/n), max_iter,
    coef_init and record as in ``lasso``.  For ista/fista, L = σ_max(X_c)²/n + λ(1−r).
    """
    return _fit(Data(X, y, fit_intercept), lam, l1_ratio, method, tol, max_iter, coef_init, record, options,
                stacklevel=3)


def lasso_path(X, y, lams=None, n_lams=100, eps=1e-3, tol=1e-8, max_iter=10_000, fit_intercept=True, coef_tol=None):
    """Lasso solutions along decreasing λ (coordinate descent, warm starts); returns a ``Path``.

    Objective ``(1/(2n))·||y − Xw − b||² + λ||w||₁`` at each λ (b unpenalized, centering).
    lams : the λ values (sorted decreasing); default a geometric grid of ``n_lams`` values from
        ``lam_max`` down to ``eps·lam_max``.
    tol : each λ stops when its duality gap <= tol·||y − ȳ||²/n;  max_iter : epochs per λ.
    coef_tol : as in ``lasso`` (coefficient accuracy on top of the gap; None = off).
    Solver: coordinate descent with warm starts (each λ starts from the previous solution), Anderson
    acceleration and dual extrapolation; from p >= 100 on also working sets with gap-safe screening.
    ``Path.n_iters`` counts epochs (over the working set when one is used).
    """
    return _path(Data(X, y, fit_intercept), lams, 1.0, n_lams, eps, tol, max_iter, stacklevel=3, coef_tol=coef_tol)


def elastic_net_path(X, y, l1_ratio=0.5, lams=None, n_lams=100, eps=1e-3, tol=1e-8, max_iter=10_000,
                     fit_intercept=True, coef_tol=None):
    """Elastic-net solutions along decreasing λ (as ``lasso_path``), penalty λ(r||w||₁ + (1−r)/2||w||²).

    The default grid runs from ``lam_max(X, y, l1_ratio)`` down; ``l1_ratio=0`` needs explicit ``lams``.
    """
    return _path(Data(X, y, fit_intercept), lams, l1_ratio, n_lams, eps, tol, max_iter, stacklevel=3,
                 coef_tol=coef_tol)
