"""Chapter 4's measurements: the four lasso algorithms run on one problem and compared by numbers.

Objective (every solver): ``(1/(2n))·||y − Xw − b||² + λ·||w||₁``, intercept b unpenalized.

``mid_size_problem()`` is the chapter's test bench: n = 200 samples, p = 100 standardised features with
AR(1) correlation 0.8, 10 informative, SNR 3, λ = 0.1·λmax.  The target is standardised too, so
``||y − ȳ||²/n = 1`` and the solvers' relative tolerance (gap ≤ tol·||y − ȳ||²/n) *is* the absolute
duality gap.  ``run_method`` runs one algorithm for a fixed budget with every iterate recorded;
``Run`` turns its history into what the chapter plots (suboptimality, gap, exact zeros per iteration),
and ``iterations_to_gap`` builds the table of iterations needed for a given duality gap.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from ._warnings import ConvergenceWarning
from .lasso import lam_max, lasso
from .preprocessing import standardize
from .simulate import make_regression
from .subgradient import subgradient_method

__all__ = ["ChapterProblem", "mid_size_problem", "reference_solution", "Run", "run_method",
           "iterations_to_gap", "format_gap_table", "exact_zero_counts", "subgradient_bound"]

METHOD_LABELS = {"cd": "coordinate descent", "ista": "ISTA", "fista": "FISTA", "subgradient": "subgradient"}
# Cost model (not a measurement): passes over X, i.e. n·p multiply-adds, per iteration / epoch.
PASSES_PER_ITERATION = {"cd": 1, "ista": 2, "fista": 2, "subgradient": 2}


@dataclass(frozen=True)
class ChapterProblem:
    """A lasso problem: data, λ, and the constants the step sizes need."""

    X: np.ndarray
    y: np.ndarray
    lam: float
    lam_max: float
    lipschitz: float      # L = σ_max(X_c)²/n
    w_true: np.ndarray
    description: str

    @property
    def n(self) -> int:
        return self.X.shape[0]

    @property
    def p(self) -> int:
        return self.X.shape[1]


def mid_size_problem(n=200, p=100, rho=0.8, n_informative=10, snr=3.0, lam_fraction=0.1, seed=4):
    """The chapter's problem (see the module docstring); deterministic for a given seed."""
    X, y, w_true = make_regression(n, p, n_informative=n_informative, rho=rho, snr=snr, seed=seed)
    X = standardize(X)
    y = (y - y.mean()) / y.std()      # ||y − ȳ||²/n = 1: relative and absolute gap coincide
    top = lam_max(X, y)
    Xc = X - X.mean(axis=0)
    L = float(np.linalg.eigvalsh(Xc.T @ Xc / n)[-1])
    desc = (f"n = {n}, p = {p}, AR(1) correlation {rho}, {n_informative} informative features, SNR {snr}; "
            f"λ = {lam_fraction}·λmax = {lam_fraction * top:.4g}")
    return ChapterProblem(X=X, y=y, lam=float(lam_fraction * top), lam_max=float(top), lipschitz=L,
                          w_true=w_true, description=desc)


def reference_solution(problem, tol=1e-14):
    """The lasso solution by coordinate descent run to a duality gap of ``tol`` (a stand-in for w*)."""
    return lasso(problem.X, problem.y, problem.lam, method="cd", tol=tol, max_iter=100_000)


def exact_zero_counts(coefs) -> np.ndarray:
    """Number of entries exactly equal to 0.0 in each row of ``coefs`` (no tolerance: exact zeros)."""
    return np.count_nonzero(np.asarray(coefs) == 0.0, axis=1)


@dataclass
class Run:
    """One recorded run.  Row k of every array belongs to iterate k (row 0 the start)."""

    method: str
    label: str
    coefs: np.ndarray
    objective: np.ndarray
    gap: np.ndarray
    f_star: float
    best_objective: np.ndarray | None = None
    step_rule: str = ""
    step: float = float("nan")
    extras: dict = field(default_factory=dict)

    @property
    def n_iter(self) -> int:
        return self.coefs.shape[0] - 1

    @property
    def iterations(self) -> np.ndarray:
        return np.arange(self.coefs.shape[0])

    @property
    def suboptimality(self) -> np.ndarray:
        """F(w_k) − F* (NaN where the iterate overflowed)."""
        with np.errstate(invalid="ignore"):
            return self.objective - self.f_star

    @property
    def best_suboptimality(self) -> np.ndarray:
        """min_{i ≤ k} F(w_i) − F*: what a method that keeps its best point has achieved."""
        best = self.best_objective if self.best_objective is not None else np.fmin.accumulate(self.objective)
        return best - self.f_star

    @property
    def zeros(self) -> np.ndarray:
        return exact_zero_counts(self.coefs)

    def first_iteration_with_gap(self, tol):
        """First k with gap_k ≤ tol, or None."""
        hit = np.flatnonzero(self.gap <= tol)
        return int(hit[0]) if hit.size else None


def run_method(problem, method, max_iter, *, step_rule="diminishing", step=None, f_star=None, tol=1e-15,
               coef_init=None, label=None):
    """Run one method for up to ``max_iter`` iterations (epochs for CD) with every iterate recorded.

    ``method``: "cd", "ista", "fista" or "subgradient" (then ``step_rule`` and ``step``, default 1/L).
    The solvers' ``ConvergenceWarning`` is expected here (a fixed budget) and silenced.
    """
    if f_star is None:
        f_star = reference_solution(problem).objective
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if method == "subgradient":
            step = 1.0 / problem.lipschitz if step is None else step
            fit = subgradient_method(problem.X, problem.y, problem.lam, step_rule=step_rule, step=step,
                                     max_iter=max_iter, coef_init=coef_init, record=True, tol=tol)
        else:
            fit = lasso(problem.X, problem.y, problem.lam, method=method, tol=tol, max_iter=max_iter,
                        coef_init=coef_init, record=True)
    h = fit.history
    if label is None:
        label = METHOD_LABELS[method] if method != "subgradient" else f"subgradient, {step_rule.replace('_', ' ')}"
    return Run(method=method, label=label, coefs=h["coef"], objective=h["objective"], gap=h["gap"],
               f_star=float(f_star), best_objective=h.get("best_objective"),
               step_rule=step_rule if method == "subgradient" else "",
               step=float(step) if step is not None else float("nan"), extras={"fit": fit})


def subgradient_bound(run, problem, w_star):
    """The textbook guarantee, evaluated along the run (a posteriori): for every k

        min_{i<k} F(w_i) − F*  ≤  (||w_0 − w*||² + Σ_{i<k} α_i²·||g_i||²) / (2·Σ_{i<k} α_i),

    with α_i the step taken and g_i the subgradient used at w_i (recomputed here, sign(0) = 0).
    Returns an array aligned with the run's iterations (entry 0 is inf).
    """
    X = problem.X - problem.X.mean(axis=0)
    y = problem.y - problem.y.mean()
    n = X.shape[0]
    W = run.coefs[:-1]
    G = -(y[None, :] - W @ X.T) @ X / n + problem.lam * np.sign(W)
    g_norm = np.sqrt(np.einsum("ij,ij->i", G, G))
    k = np.arange(1, W.shape[0] + 1)
    if run.step_rule == "constant_step":
        alpha = np.full(W.shape[0], run.step)
    elif run.step_rule == "constant_length":
        alpha = np.where(g_norm > 0, run.step / np.where(g_norm > 0, g_norm, 1.0), 0.0)
    else:
        alpha = run.step / np.sqrt(k)
    r0 = float(np.sum((run.coefs[0] - w_star) ** 2))
    num = r0 + np.cumsum(alpha ** 2 * g_norm ** 2)
    den = 2.0 * np.cumsum(alpha)
    return np.concatenate([[np.inf], num / den])


def iterations_to_gap(problem, tol=1e-6, max_iter=None, subgradient_step=None):
    """For each method: iterations (epochs for CD) until the duality gap first falls to ``tol``.

    Runs with every iterate recorded, so the gap is checked at every iteration (the solvers check it
    every 10 when not recording).  Returns a list of dicts: method, reached, iterations, gap, passes,
    nonzeros.  The subgradient method uses the diminishing rule ``step/√k`` with step = 1/L by default.
    """
    budgets = {"cd": 1_000, "ista": 5_000, "fista": 5_000, "subgradient": 5_000}
    if max_iter:
        budgets.update(max_iter)
    rows = []
    for method in ("cd", "fista", "ista", "subgradient"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            if method == "subgradient":
                step = 1.0 / problem.lipschitz if subgradient_step is None else subgradient_step
                fit = subgradient_method(problem.X, problem.y, problem.lam, step_rule="diminishing", step=step,
                                         max_iter=budgets[method], record=True, tol=tol)
            else:
                fit = lasso(problem.X, problem.y, problem.lam, method=method, tol=tol,
                            max_iter=budgets[method], record=True)
        gaps = fit.history["gap"]
        hit = np.flatnonzero(gaps <= tol)
        reached = bool(hit.size)
        its = int(hit[0]) if reached else budgets[method]
        rows.append({"method": METHOD_LABELS[method], "reached": reached, "iterations": its,
                     "gap": float(gaps[its] if reached else gaps.min()),
                     "passes": its * PASSES_PER_ITERATION[method],
                     "nonzeros": int(np.count_nonzero(fit.coef)), "p": problem.p})
    return rows


def format_gap_table(rows, tol=1e-6) -> str:
    """The rows of ``iterations_to_gap`` as a fixed-width text table."""
    head = (f"{'method':<20}{'iterations to gap ≤ ' + format(tol, 'g'):>26}{'≈ passes over X':>18}"
            f"{'non-zeros':>11}")
    lines = [head, "-" * len(head)]
    for r in rows:
        its = (f"{r['iterations']:,}" if r["reached"]
               else f"not in {r['iterations']:,} (gap {r['gap']:.1e})")
        passes = f"{r['passes']:,}" if r["reached"] else f"> {r['passes']:,}"
        lines.append(f"{r['method']:<20}{its:>26}{passes:>18}{str(r['nonzeros']) + '/' + str(r['p']):>11}")
    lines.append("iterations = epochs (p coordinate updates) for coordinate descent; passes over X is a cost "
                 "model (n·p multiply-adds each), not a timing")
    return "\n".join(lines)
