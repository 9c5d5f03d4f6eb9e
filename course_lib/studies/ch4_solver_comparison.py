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

import time
import warnings
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .._internal.warnings import ConvergenceWarning
from ..solvers.lasso import lam_max, lasso
from ..core.preprocessing import standardize
from ..data.simulate import make_regression
from ..solvers.subgradient import subgradient_method

__all__ = ["ChapterProblem", "mid_size_problem", "reference_solution", "Run", "run_method",
           "iterations_to_gap", "format_gap_table", "exact_zero_counts", "subgradient_bound", "chapter_runs",
           "support_identification", "wall_clock_to_gap", "subgradient_summary", "subgradient_rate_summary",
           "constant_step_floors", "step_one_report", "zeros_summary", "prox_rate_summary",
           "gap_certificate_summary", "rounding_report"]

METHOD_LABELS = {"cd": "coordinate descent", "ista": "ISTA", "fista": "FISTA", "subgradient": "subgradient"}
# Cost model (not a measurement): passes over X, i.e. n·p multiply-adds, per iteration / epoch.
PASSES_PER_ITERATION = {"cd": 1, "ista": 2, "fista": 2, "subgradient": 2}
SUBGRADIENT_BUDGET = 5_000
PROX_BUDGET = 3_000


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


def rescaled_gaps(problem, coefs) -> np.ndarray:
    """Duality gap of every row of ``coefs`` with one and the same dual point for every method.

    The dual point is the residual rescaled to be feasible (scikit-learn's choice; ``cl.duality_gap``):
    θ = s·r/n with s = min(1, λ/||X_cᵀr/n||∞).  The solvers may stop on a sharper dual point (coordinate
    descent uses dual extrapolation); recomputing one gap for all keeps the comparison fair.
    """
    X = problem.X - problem.X.mean(axis=0)
    y = problem.y - problem.y.mean()
    n = X.shape[0]
    W = np.asarray(coefs, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        R = y[None, :] - W @ X.T
        rr = np.einsum("ij,ij->i", R, R) / n
        yr = R @ y / n
        l1 = np.abs(W).sum(axis=1)
        dual_norm = np.abs(R @ X).max(axis=1) / n
        s = np.minimum(1.0, problem.lam / np.where(dual_norm > 0, dual_norm, 1.0))
        gap = 0.5 * (1.0 + s * s) * rr - s * yr + problem.lam * l1
    return np.maximum(gap, 0.0)


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
    gap: np.ndarray           # rescaled-residual duality gap of each iterate (see rescaled_gaps)
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
    return Run(method=method, label=label, coefs=h["coef"], objective=h["objective"],
               gap=rescaled_gaps(problem, h["coef"]), f_star=float(f_star), best_objective=h.get("best_objective"),
               step_rule=step_rule if method == "subgradient" else "",
               step=float(step) if step is not None else float("nan"),
               extras={"fit": fit, "solver_gap": h["gap"]})


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

    Every iterate is recorded and its gap recomputed with the same dual point for all methods
    (``rescaled_gaps``), so the counts are exact and comparable.  Returns a list of dicts: method, reached,
    iterations, gap (at that iteration, or the smallest reached), passes, nonzeros, and ``solver_stop``: the
    iteration at which the solver's own stopping rule (its own dual point) fired.
    The subgradient method uses the diminishing rule ``step/√k`` with step = 1/L by default.
    """
    budgets = {"cd": 1_000, "ista": 5_000, "fista": 5_000, "subgradient": SUBGRADIENT_BUDGET}
    if max_iter:
        budgets.update(max_iter)
    rows = []
    for method in ("cd", "fista", "ista", "subgradient"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            if method == "subgradient":
                step = 1.0 / problem.lipschitz if subgradient_step is None else subgradient_step
                fit = subgradient_method(problem.X, problem.y, problem.lam, step_rule="diminishing", step=step,
                                         max_iter=budgets[method], record=True, tol=1e-15)
            else:
                # run on a little past the tolerance, so the recomputed gap can reach it too
                fit = lasso(problem.X, problem.y, problem.lam, method=method, tol=tol * 1e-3,
                            max_iter=budgets[method], record=True)
        coefs = fit.history["coef"]
        gaps = rescaled_gaps(problem, coefs)
        hit = np.flatnonzero(gaps <= tol)
        reached = bool(hit.size)
        its = int(hit[0]) if reached else coefs.shape[0] - 1
        own = np.flatnonzero(fit.history["gap"] <= tol)
        rows.append({"method": METHOD_LABELS[method], "reached": reached, "iterations": its,
                     "gap": float(gaps[its] if reached else gaps.min()),
                     "passes": its * PASSES_PER_ITERATION[method],
                     "nonzeros": int(np.count_nonzero(coefs[its])), "p": problem.p,
                     "solver_stop": int(own[0]) if own.size else None})
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
                 "model (n·p multiply-adds each), not a timing;")
    lines.append("the gap uses the same dual point (the rescaled residual) for every method")
    for r in rows:  # no iteration count here: it depends on the solver's choice of dual point, not on its iterates
        if r["reached"] and r["solver_stop"] is not None and r["solver_stop"] < r["iterations"]:
            lines.append(f"({r['method']}'s own stopping rule uses a sharper dual point and stops earlier)")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def chapter_runs():
    """(problem, reference fit, runs) on ``mid_size_problem()``: the three subgradient step rules (5 000
    steps; constant step 1/L, constant length 0.01, diminishing (1/L)/√k), ISTA, FISTA (3 000 iterations)
    and coordinate descent (until the gap is at rounding level)."""
    problem = mid_size_problem()
    ref = reference_solution(problem)
    f_star = ref.objective
    L = problem.lipschitz
    runs = {
        "constant_step": run_method(problem, "subgradient", SUBGRADIENT_BUDGET, step_rule="constant_step",
                                       step=1.0 / L, f_star=f_star),
        "constant_length": run_method(problem, "subgradient", SUBGRADIENT_BUDGET,
                                         step_rule="constant_length", step=0.01, f_star=f_star),
        "diminishing": run_method(problem, "subgradient", SUBGRADIENT_BUDGET, step_rule="diminishing",
                                     step=1.0 / L, f_star=f_star),
        "ista": run_method(problem, "ista", PROX_BUDGET, f_star=f_star),
        "fista": run_method(problem, "fista", PROX_BUDGET, f_star=f_star),
        "cd": run_method(problem, "cd", 500, f_star=f_star),
    }
    return problem, ref, runs


def support_identification(run, final_zeros):
    """First iteration from which the set of exact zeros equals ``final_zeros`` (a boolean mask) for good;
    None if it never settles."""
    same = np.all((run.coefs == 0.0) == final_zeros[None, :], axis=1)
    if not same[-1]:
        return None
    differ = np.flatnonzero(~same)
    return 0 if differ.size == 0 else int(differ[-1] + 1)


def wall_clock_to_gap(problem, tol=1e-6, repeats=5):
    """Seconds (best of ``repeats``) for each method to reach the duality gap ``tol``, without recording.

    Timings vary between machines and runs; the notebook shows them in a cell whose output is not compared.
    """
    from ..solvers.lasso import LassoProblem

    prepared = LassoProblem(problem.X, problem.y)
    out = {}
    for method in ("cd", "fista", "ista", "subgradient"):
        options = ({"step_rule": "diminishing", "step": 1.0 / problem.lipschitz, "max_iter": SUBGRADIENT_BUDGET}
                   if method == "subgradient" else {"max_iter": 100_000})
        best = np.inf
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            prepared.fit(problem.lam, method=method, tol=tol, **options)       # compile / warm up
            for _ in range(repeats):
                start = time.perf_counter()
                fit = prepared.fit(problem.lam, method=method, tol=tol, **options)
                best = min(best, time.perf_counter() - start)
        out[METHOD_LABELS[method]] = (best, fit.converged)
    return out


# --- printed summaries (the notebook prints these; each line states how the number was obtained) ------
def _loglog_slope(k, values, k0, k1):
    """Slope of log(values) against log(k) between iterations k0 and k1 (two-point secant)."""
    return float(np.log(values[k1] / values[k0]) / np.log(k1 / k0))


def subgradient_summary(runs, ref) -> str:
    """Per step rule: best F − F*, exact zeros ever produced, and how close the should-be-zero weights get."""
    zero_set = ref.coef == 0.0
    lines = [f"{'step rule':<32}{'best F − F*':>15}{'exact zeros':>15}{'|w_j|, j in the solution’s zero set':>38}",
             f"{'':<32}{'(5,000 steps)':>15}{'(any iterate)':>15}{'smallest':>19}{'largest':>19}"]
    for key in ("constant_step", "constant_length", "diminishing"):
        run = runs[key]
        rule = {"constant_step": f"constant step η = 1/L = {run.step:.3g}",
                "constant_length": f"constant length {run.step:g}",
                "diminishing": f"diminishing (1/L)/√k"}[key]
        last = np.abs(run.coefs[-1][zero_set])
        ever = int(np.count_nonzero(run.coefs[1:] == 0.0))
        lines.append(f"{rule:<32}{run.best_suboptimality[-1]:>15.2e}{ever:>15}{last.min():>19.1e}{last.max():>19.1e}")
    lines.append("(smallest/largest: over the 77 should-be-zero weights, at the last iterate)".replace(
        "77", str(int(zero_set.sum()))))
    lines.append(f"for comparison, the solution (coordinate descent) has {int(zero_set.sum())} exact zeros "
                 f"of {zero_set.size}")
    return "\n".join(lines)


def subgradient_rate_summary(runs, problem, ref) -> str:
    """Measured log–log slopes of the best-so-far curves, and whether the textbook bound holds along each run."""
    lines = []
    for key in ("constant_step", "constant_length", "diminishing"):
        run = runs[key]
        best = run.best_suboptimality
        bound = subgradient_bound(run, problem, ref.coef)
        holds = bool(np.all(best[1:] <= bound[1:]))
        lines.append(f"{run.label:<34} slope k=10→100: {_loglog_slope(run.iterations, best, 10, 100):+.2f}   "
                     f"k=1000→5000: {_loglog_slope(run.iterations, best, 1000, 5000):+.2f}   "
                     f"below its guarantee at every k: {holds}")
    lines.append("(a slope of −0.5 is the O(1/√k) rate; 0 means stalled)")
    return "\n".join(lines)


def constant_step_floors(problem, ref, factors=(1.0, 0.3, 0.1), n_steps=SUBGRADIENT_BUDGET) -> str:
    """Constant steps η = factor/L: the floor F_best − F* reached and how far the should-be-zero weights
    swing (largest |w_j| over the last 100 iterates) next to ηλ, the penalty's push per step."""
    f_star = ref.objective
    zero_set = ref.coef == 0.0
    lines = [f"{'η':>10}{'best F − F*':>14}{'swing of zero weights':>24}{'ηλ':>11}"]
    for factor in factors:
        eta = factor / problem.lipschitz
        run = run_method(problem, "subgradient", n_steps, step_rule="constant_step", step=eta, f_star=f_star)
        swing = float(np.abs(run.coefs[-100:][:, zero_set]).max())
        lines.append(f"{eta:>10.3g}{run.best_suboptimality[-1]:>14.2e}{swing:>24.2e}{eta * problem.lam:>11.2e}")
    return "\n".join(lines)


def step_one_report(problem, ref, n_steps=SUBGRADIENT_BUDGET) -> str:
    """What a step of 1 does on the chapter's problem, for each step rule (measured)."""
    f_star = ref.objective
    lines = [f"L = {problem.lipschitz:.3g}: a constant gradient step is stable only below 2/L = {2 / problem.lipschitz:.3g}"]
    for rule in ("constant_step", "constant_length", "diminishing"):
        run = run_method(problem, "subgradient", n_steps, step_rule=rule, step=1.0, f_star=f_star)
        objective = run.objective
        finite = np.isfinite(objective)
        last = (f"{objective[-1]:.3g}" if finite[-1] else
                f"overflow (first non-finite value at step {int(np.argmax(~finite))})")
        best_k = int(np.argmin(np.where(finite, objective, np.inf)))
        fit = run.extras["fit"]
        where = "the start w = 0" if best_k == 0 else f"iterate {best_k}"
        lines.append(f"{rule.replace('_', ' '):<16} F after 10 steps {objective[10]:.3g}, after {run.n_iter:,}: {last}")
        lines.append(f"{'':<16} best point: {where}, F − F* = {run.best_suboptimality[-1]:.2e}, "
                     f"exact zeros in it: {int(np.count_nonzero(fit.coef == 0.0))}/{problem.p}")
    return "\n".join(lines)


def zeros_summary(runs, ref) -> str:
    """Exact zeros per iteration for the proximal methods and CD, and when their zero set settles."""
    final = ref.coef == 0.0
    lines = [f"the solution has {int(final.sum())} exact zeros of {final.size}",
             f"{'method':<28}{'k = 1':>7}{'k = 10':>8}{'k = 100':>9}{'zero set final from k =':>26}"]
    for key in ("ista", "fista", "cd", "constant_step", "diminishing"):
        run = runs[key]
        z = run.zeros

        def at(k):
            return str(z[min(k, run.n_iter)])

        settle = support_identification(run, final)
        lines.append(f"{run.label:<28}{at(1):>7}{at(10):>8}{at(100):>9}{str(settle) if settle is not None else 'never':>26}")
    lines.append("(coordinate descent: k counts epochs of p coordinate updates)")
    return "\n".join(lines)


def prox_rate_summary(runs, problem, ref) -> str:
    """ISTA/FISTA against their guarantees, iterations to F − F* ≤ 1e-6, and the strong convexity that
    explains why all three proximal-type methods end up converging linearly here."""
    L = problem.lipschitz
    R2 = float(np.sum((runs["ista"].coefs[0] - ref.coef) ** 2))
    lines = []
    for key, bound in (("ista", lambda k: L * R2 / (2 * k)), ("fista", lambda k: 2 * L * R2 / (k + 1) ** 2)):
        run = runs[key]
        k = run.iterations[1:]
        ratio = run.suboptimality[1:] / bound(k)
        hit = np.flatnonzero(run.suboptimality <= 1e-6)
        lines.append(f"{run.label:<6} below its guarantee at every k: {bool(np.all(ratio <= 1.0))} "
                     f"(largest measured/guaranteed ratio {ratio.max():.2f}); F − F* ≤ 1e-6 from k = {int(hit[0])}")
    cd = runs["cd"]
    hit = np.flatnonzero(cd.suboptimality <= 1e-6)
    lines.append(f"coordinate descent: F − F* ≤ 1e-6 from epoch {int(hit[0])}")
    Xc = problem.X - problem.X.mean(axis=0)
    eig = np.linalg.eigvalsh(Xc.T @ Xc / problem.n)
    lines.append(f"X_cᵀX_c/n has eigenvalues in [{eig[0]:.3g}, {eig[-1]:.3g}] (n > p): F is strongly convex with "
                 f"condition number L/μ = {eig[-1] / eig[0]:.0f}, so all three end up converging linearly")
    return "\n".join(lines)


def gap_certificate_summary(runs, tol=1e-6) -> str:
    """Is the duality gap above the true suboptimality at every iterate?  And what stopping on it costs."""
    lines = []
    for key in ("ista", "fista", "cd", "diminishing"):
        run = runs[key]
        sub = run.suboptimality
        ok = bool(np.all(run.gap >= sub - 1e-15))  # 1e-15: F* itself is only known to that accuracy
        by_gap = run.first_iteration_with_gap(tol)
        hit = np.flatnonzero(sub <= tol)
        by_sub = int(hit[0]) if hit.size else None

        def when(k):
            return f"from k = {k}" if k is not None else f"never in {run.n_iter:,}"

        lines.append(f"{run.label:<26} gap ≥ F − F* at every iterate: {ok};  "
                     f"F − F* ≤ {tol:g} {when(by_sub)}, gap ≤ {tol:g} {when(by_gap)}")
    lines.append("(every gap recomputed with the same dual point, the rescaled residual; F* from coordinate descent "
                 "to a gap of 1e-14)")
    return "\n".join(lines)


def rounding_report(coef, ref, cutoffs=(1e-4, 1e-3, 1e-2)) -> str:
    """Round a dense answer (e.g. the subgradient method's) to zero below a cut-off, and compare the
    resulting zero set with the lasso solution's: how many zeros, how many weights misclassified."""
    coef = np.asarray(coef, dtype=float)
    truth = ref.coef == 0.0
    lines = [f"the lasso solution has {int(truth.sum())} zeros"]
    for cut in cutoffs:
        zero = np.abs(coef) < cut
        wrong = int(np.count_nonzero(zero != truth))
        lines.append(f"set |w_j| < {cut:g} to 0: {int(zero.sum()):3d} zeros, {wrong:3d} weights on the wrong side "
                     f"of the solution's zero set")
    return "\n".join(lines)
