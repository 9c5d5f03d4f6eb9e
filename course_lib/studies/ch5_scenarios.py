"""Head-to-head comparisons of lasso, ridge and elastic net on simulated data with a known truth.

Every model is tuned the same way — K-fold cross-validation over its own λ grid on the SAME folds
(``cl.cross_validate``) — then refitted on the whole training set and scored on a large independent test
set drawn from the same distribution.  Reported per model:

* test MSE divided by the noise variance σ² (1.0 is the best any model can do: the irreducible noise);
* the number of non-zero coefficients;
* support recovery against the true coefficients: precision (share of the selected features that are
  real) and recall (share of the real features that were selected), ``cl.selection_score``.

Two scenarios sit at the two ends of the textbook advice:

* ``SPARSE_HIGH_DIM`` ("genomics-like"): n = 100 samples, p = 500 features, 10 of them matter;
* ``DENSE_LOW_DIM``: n = 60 samples, p = 30 strongly correlated features (ρ = 0.8), all of them matter.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .._internal.blas_threads import single_threaded_blas
from .._internal.validation import check_scalar, check_seed

__all__ = ["Scenario", "SPARSE_HIGH_DIM", "DENSE_LOW_DIM", "scenario_data", "ModelScore", "HeadToHead",
           "head_to_head", "score_cv_results", "replicate_head_to_head", "ReplicationSummary"]


@dataclass(frozen=True)
class Scenario:
    """A data-generating process for ``cl.make_regression`` plus the sizes of the train and test sets."""

    name: str
    n: int
    p: int
    n_informative: int | None
    rho: float
    snr: float
    coef: str
    n_test: int = 2000

    def describe(self) -> str:
        truth = (f"{self.n_informative} non-zero coefficients (±1)" if self.coef == "sparse"
                 else "all coefficients non-zero (N(0, 1))")
        return (f"{self.name}: n = {self.n}, p = {self.p}, {truth}, AR(1) correlation ρ = {self.rho:g}, "
                f"SNR = {self.snr:g}")

    def with_(self, **changes) -> "Scenario":
        return replace(self, **changes)


SPARSE_HIGH_DIM = Scenario("sparse truth, p ≫ n", n=100, p=500, n_informative=10, rho=0.3, snr=3.0,
                           coef="sparse")
DENSE_LOW_DIM = Scenario("dense truth, correlated, p < n", n=60, p=30, n_informative=None, rho=0.8, snr=2.0,
                         coef="dense")


def scenario_data(scenario: Scenario, *, seed):
    """``(X_train, y_train, X_test, y_test, w_true, sigma)``: one draw of n + n_test rows, split in two."""
    from ..data.simulate import make_regression

    X, y, w, sigma = make_regression(scenario.n + scenario.n_test, scenario.p,
                                     n_informative=scenario.n_informative, rho=scenario.rho, snr=scenario.snr,
                                     coef=scenario.coef, seed=seed, return_noise_std=True)
    n = scenario.n
    return (np.ascontiguousarray(X[:n]), y[:n].copy(), np.ascontiguousarray(X[n:]), y[n:].copy(), w, sigma)


@dataclass
class ModelScore:
    """One tuned model on one data set."""

    model: str
    lam: float
    test_mse: float
    relative_mse: float  # test MSE / σ²
    n_nonzero: int
    precision: float
    recall: float
    coef: np.ndarray = field(repr=False)


@dataclass
class HeadToHead:
    """Scores of every model on one draw of a scenario, with the CV results behind them."""

    scenario: Scenario
    scores: dict
    cv: dict = field(repr=False)
    w_true: np.ndarray = field(repr=False)
    sigma: float = 0.0
    which: str = "min"

    @property
    def winner(self) -> str:
        return min(self.scores, key=lambda m: self.scores[m].test_mse)

    def table(self) -> str:
        """A plain-text table (fixed-width, rounded) of the scores."""
        head = f"{'model':<12}{'test MSE/σ²':>13}{'non-zero':>10}{'precision':>11}{'recall':>8}"
        lines = [head, "-" * len(head)]
        for m, s in self.scores.items():
            lines.append(f"{m:<12}{s.relative_mse:>13.3f}{s.n_nonzero:>7d}/{self.w_true.size:<4d}"
                         f"{s.precision:>9.2f}{s.recall:>8.2f}")
        return "\n".join(lines)


def score_cv_results(scenario: Scenario, cvs: dict, X_test, y_test, w_true, sigma, which="min") -> HeadToHead:
    """Score already cross-validated models (dict name → ``CVResult``) on the test set against the truth."""
    from .._internal.validation import check_choice
    from ..core.metrics import selection_score

    check_choice(which, "which", ("min", "1se"))
    scores = {}
    for model, cv in cvs.items():
        coef = cv.coef(which)
        resid = y_test - cv.predict(X_test, which)
        mse = float(resid @ resid / resid.size)
        sel = selection_score(coef, w_true)
        scores[model] = ModelScore(model=model, lam=cv.lam_min if which == "min" else cv.lam_1se, test_mse=mse,
                                   relative_mse=mse / sigma ** 2, n_nonzero=int(np.count_nonzero(coef)),
                                   precision=sel.precision, recall=sel.recall, coef=coef)
    return HeadToHead(scenario=scenario, scores=scores, cv=dict(cvs), w_true=w_true, sigma=sigma, which=which)


@single_threaded_blas()
def head_to_head(scenario: Scenario, *, seed, models=("lasso", "ridge", "elastic_net"), l1_ratio=0.5,
                 n_folds=5, n_lams=30, eps=None, which="min", tol=1e-10) -> HeadToHead:
    """Draw the data (``scenario_data``), tune every model by ``n_folds``-fold CV on the same folds
    (``cl.model_selection.cross_validate``), refit on all training rows and score on the test set.

    which : "min" (λ_min) or "1se" (λ_1se) decides the λ kept for each model.
    eps : smallest λ of the lasso / elastic-net grids as a fraction of lam_max (default 0.02 when p > n,
        as glmnet's 0.01, else 1e-3).
    tol : duality-gap tolerance of every fit, relative to Var(y) (default 1e-10, see ``cross_validate``).
    """
    from ..core.model_selection import cross_validate
    from ..data.simulate import kfold_indices

    rng = check_seed(seed)
    X, y, X_test, y_test, w, sigma = scenario_data(scenario, seed=rng)
    folds = kfold_indices(X.shape[0], check_scalar(n_folds, "n_folds", low=2, integer=True), seed=rng)
    if eps is None:
        eps = 0.02 if scenario.p > scenario.n else 1e-3
    cvs = {model: cross_validate(X, y, model, l1_ratio=l1_ratio if model == "elastic_net" else None, folds=folds,
                                 n_lams=n_lams, eps=eps, seed=0, tol=tol)
           for model in models}
    return score_cv_results(scenario, cvs, X_test, y_test, w, sigma, which)


@dataclass
class ReplicationSummary:
    """Many independent draws of one scenario: test MSE/σ² per model and draw, and who won each draw."""

    scenario: Scenario
    models: tuple
    relative_mse: np.ndarray  # (n_reps, n_models)
    n_nonzero: np.ndarray  # (n_reps, n_models)

    @property
    def n_reps(self) -> int:
        return self.relative_mse.shape[0]

    @property
    def mean(self) -> np.ndarray:
        return self.relative_mse.mean(axis=0)

    @property
    def se(self) -> np.ndarray:
        return self.relative_mse.std(axis=0, ddof=1) / np.sqrt(self.n_reps)

    def wins(self, model) -> int:
        """In how many draws ``model`` had the lowest test MSE."""
        best = np.argmin(self.relative_mse, axis=1)
        return int(np.sum(best == self.models.index(model)))

    def beats(self, a, b) -> int:
        """In how many draws model ``a`` had a strictly lower test MSE than model ``b``."""
        ia, ib = self.models.index(a), self.models.index(b)
        return int(np.sum(self.relative_mse[:, ia] < self.relative_mse[:, ib]))

    def paired_difference(self, a, b):
        """Mean and standard error of (MSE_a − MSE_b)/σ² over the draws (paired: same data for both)."""
        diff = self.relative_mse[:, self.models.index(a)] - self.relative_mse[:, self.models.index(b)]
        return float(diff.mean()), float(diff.std(ddof=1) / np.sqrt(diff.size))

    def table(self) -> str:
        head = f"{'model':<12}{'mean test MSE/σ²':>18}{'± SE':>8}{'wins':>7}{'mean non-zero':>15}"
        lines = [head, "-" * len(head)]
        for i, m in enumerate(self.models):
            lines.append(f"{m:<12}{self.mean[i]:>18.3f}{self.se[i]:>8.3f}{self.wins(m):>4d}/{self.n_reps:<3d}"
                         f"{self.n_nonzero[:, i].mean():>14.1f}")
        return "\n".join(lines)


@single_threaded_blas()
def replicate_head_to_head(scenario: Scenario, n_reps=10, *, seed, models=("lasso", "ridge"), n_folds=5,
                           n_lams=30, which="min", tol=1e-10) -> ReplicationSummary:
    """``head_to_head`` on ``n_reps`` independent draws (seeded from ``seed``): is one draw's winner luck?"""
    rng = check_seed(seed)
    n_reps = check_scalar(n_reps, "n_reps", low=2, integer=True)
    rel = np.empty((n_reps, len(models)))
    nnz = np.empty((n_reps, len(models)))
    for r in range(n_reps):
        h = head_to_head(scenario, seed=rng, models=models, n_folds=n_folds, n_lams=n_lams, which=which, tol=tol)
        rel[r] = [h.scores[m].relative_mse for m in models]
        nnz[r] = [h.scores[m].n_nonzero for m in models]
    return ReplicationSummary(scenario=scenario, models=tuple(models), relative_mse=rel, n_nonzero=nnz)
