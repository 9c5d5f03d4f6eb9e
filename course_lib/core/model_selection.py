"""K-fold cross-validation of lasso, ridge and elastic net over a grid of λ, with the one-standard-error rule.

Every model minimises the course objective ``(1/(2n))·||y − Xw − b||² + λ·P(w)`` (intercept unpenalized):
lasso ``P = ||w||₁``, ridge ``P = ½||w||₂²``, elastic net ``P = r||w||₁ + (1−r)/2·||w||₂²``
(= glmnet; scikit-learn ``Lasso``/``ElasticNet(alpha=λ)``, ``Ridge(alpha=n·λ)``).

How it works (glmnet's recipe):

1. one λ grid for all folds, computed on the full data (``lambda_grid``);
2. for each fold k, the whole path is fitted on the other K−1 folds — lasso and elastic net with warm
   starts along decreasing λ (``lasso_path``/``elastic_net_path``), ridge from one factorization
   (``ridge_path``) — and the held-out squared error is recorded at every λ;
3. the CV curve is the mean of the K fold errors, its standard error ``sd/√K`` (sd with ddof=1);
4. ``λ_min`` minimises the mean curve; ``λ_1se`` is the LARGEST λ whose mean error is within one
   standard error of that minimum (Breiman's one-standard-error rule: the simplest model that the data
   cannot tell apart from the best one).

The fold errors are averaged with equal weights (the folds differ in size by at most one row).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._internal.blas_threads import single_threaded_blas
import numbers

from .._internal.validation import (as_Xy, as_vector, check_bool, check_choice, check_l1_ratio, check_lams,
                                   check_scalar, check_tol)
from .results import Path

__all__ = ["CVResult", "cross_validate", "lambda_grid", "fit_path", "one_se_index", "cv_fold_errors",
           "MODELS"]

MODELS = ("lasso", "ridge", "elastic_net")
# Ridge has no λ at which its solution becomes exactly zero, so its grid is set from the spectrum of the
# design instead: at λ = 10³·s₁² every direction keeps less than 0.1 % of its least-squares weight, at
# λ = 10⁻⁴·s₁² the leading directions keep more than 99.99 % (s₁² = largest eigenvalue of XᵀX/n, centered).
_RIDGE_GRID = (1e3, 1e-4)


def _check_model(model, l1_ratio):
    check_choice(model, "model", MODELS)
    if model in ("lasso", "ridge") and l1_ratio is not None:
        fixed = 1.0 if model == "lasso" else 0.0
        if check_l1_ratio(l1_ratio) != fixed:
            raise ValueError(f"l1_ratio={l1_ratio!r} does not apply to model={model!r} (whose l1_ratio is {fixed:g} "
                             f"by definition); for a mix of L1 and L2 use model='elastic_net', l1_ratio={l1_ratio!r}")
    if model == "lasso":
        return 1.0
    if model == "ridge":
        return 0.0
    r = check_l1_ratio(0.5 if l1_ratio is None else l1_ratio)
    if r == 0.0:
        raise ValueError("model='elastic_net' with l1_ratio=0 is ridge: use model='ridge' (its λ grid differs)")
    return r


def lambda_grid(X, y, model="lasso", *, l1_ratio=None, n_lams=50, eps=1e-3, fit_intercept=True):
    """A decreasing geometric grid of ``n_lams`` values of λ for ``model``.

    lasso / elastic net: from ``lam_max(X, y, l1_ratio)`` (the smallest λ whose solution is all zeros)
    down to ``eps·lam_max``.  ridge: from ``10³·s₁²`` down to ``10⁻⁴·s₁²`` (s₁² the largest eigenvalue of
    the centered ``XᵀX/n``), a range that runs from "everything shrunk to almost 0" to "almost least
    squares"; ``eps`` is not used for ridge.
    """
    from ..solvers.lasso import lam_max

    X, y = as_Xy(X, y)
    r = _check_model(model, l1_ratio)
    n_lams = check_scalar(n_lams, "n_lams", low=2, high=100_000, integer=True)
    eps = check_scalar(eps, "eps", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False)
    if model == "ridge":
        Xc = X - X.mean(axis=0) if fit_intercept else X
        s1_sq = float(np.linalg.norm(Xc, 2) ** 2 / X.shape[0])
        if s1_sq == 0.0:
            raise ValueError("X has no variation (all columns constant): there is nothing to fit")
        hi, lo = _RIDGE_GRID
        return np.geomspace(hi * s1_sq, lo * s1_sq, n_lams)
    top = float(lam_max(X, y, l1_ratio=r, fit_intercept=fit_intercept))
    if top == 0.0:
        raise ValueError("lam_max is 0 (y is constant or uncorrelated with every column): nothing to select")
    return np.geomspace(top, eps * top, n_lams)


def fit_path(X, y, model, lams, *, l1_ratio=None, tol=1e-10, fit_intercept=True) -> Path:
    """The solutions of ``model`` at every λ in ``lams`` (returned in decreasing order), via the course's
    path solvers: warm-started coordinate descent for lasso / elastic net, one factorization for ridge."""
    from ..solvers.lasso import elastic_net_path, lasso_path
    from ..solvers.ridge import ridge_path

    r = _check_model(model, l1_ratio)
    lams = np.sort(check_lams(lams))[::-1].copy()
    if model == "ridge":
        return ridge_path(X, y, lams, fit_intercept=fit_intercept)
    if model == "lasso":
        return lasso_path(X, y, lams=lams, tol=tol, fit_intercept=fit_intercept)
    return elastic_net_path(X, y, l1_ratio=r, lams=lams, tol=tol, fit_intercept=fit_intercept)


def _standardize_with(X_train, X_test):
    """Scale both parts with the TRAINING part's mean and (population) sd: no peeking at the held-out rows."""
    mean = X_train.mean(axis=0)
    scale = X_train.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    return (np.ascontiguousarray((X_train - mean) / scale), np.ascontiguousarray((X_test - mean) / scale))


def cv_fold_errors(X, y, model, lams, folds, *, l1_ratio=None, tol=1e-10, standardize=False):
    """(K, k) array: mean squared error on held-out fold K at each λ of ``lams`` (decreasing order).

    ``folds`` is a list of ``(train_idx, test_idx)`` pairs (``cl.kfold_indices``).  With ``standardize``
    each training part is standardized with its own mean and sd, and its held-out part with the same.
    """
    X, y = as_Xy(X, y)
    lams = np.sort(check_lams(lams))[::-1].copy()
    folds = _check_folds(folds, X.shape[0])
    standardize = check_bool(standardize, "standardize")
    errors = np.empty((len(folds), lams.shape[0]))
    for k, (train, test) in enumerate(folds):
        X_tr, X_te = X[train], X[test]
        if standardize:
            X_tr, X_te = _standardize_with(X_tr, X_te)
        path = fit_path(X_tr, y[train], model, lams, l1_ratio=l1_ratio, tol=tol)
        residuals = y[test][:, None] - path.predict(X_te)  # (n_test, k)
        errors[k] = np.mean(residuals * residuals, axis=0)
    return errors


def one_se_index(lams, mean, se) -> int:
    """Index of λ_1se: the largest λ whose mean CV error is <= (minimum mean error) + (its standard error).

    ``lams`` must be in decreasing order (as every ``Path``), so this is the FIRST index meeting the bound.
    """
    lams = as_vector(lams, "lams")
    mean = as_vector(mean, "mean")
    se = as_vector(se, "se")
    if not (lams.shape == mean.shape == se.shape):
        raise ValueError(f"lams, mean and se must have the same length, got {lams.size}, {mean.size}, {se.size}")
    if np.any(np.diff(lams) > 0):
        raise ValueError("lams must be in decreasing order (as Path.lams and CVResult.lams are)")
    i_min = int(np.argmin(mean))
    bound = mean[i_min] + se[i_min]
    return int(np.flatnonzero(mean <= bound)[0])


@dataclass
class CVResult:
    """K-fold cross-validation of one model over a λ grid (decreasing).

    lams (k,), fold_errors (K, k) held-out MSE, mean (k,), se (k,) = sd/√K,
    idx_min / lam_min (minimum of ``mean``), idx_1se / lam_1se (one-standard-error rule),
    path: the model fitted on ALL the data at every λ (``path.coefs[idx_min]`` is the λ_min model),
    folds: the ``(train, test)`` index pairs used.
    """

    model: str
    l1_ratio: float
    lams: np.ndarray
    fold_errors: np.ndarray
    mean: np.ndarray
    se: np.ndarray
    idx_min: int
    idx_1se: int
    path: Path
    folds: list = field(repr=False, default_factory=list)
    standardized: bool = False
    x_mean: np.ndarray | None = field(default=None, repr=False)
    x_scale: np.ndarray | None = field(default=None, repr=False)

    @property
    def lam_min(self) -> float:
        return float(self.lams[self.idx_min])

    @property
    def lam_1se(self) -> float:
        return float(self.lams[self.idx_1se])

    @property
    def n_nonzero(self) -> np.ndarray:
        return self.path.n_nonzero

    def _index(self, which) -> int:
        check_choice(which, "which", ("min", "1se"))
        return self.idx_min if which == "min" else self.idx_1se

    def coef(self, which="min") -> np.ndarray:
        """Coefficients of the full-data fit at λ_min (``which="min"``) or λ_1se (``"1se"``), on the scale
        the model was fitted on (standardized units when ``standardize=True``)."""
        return self.path.coefs[self._index(which)].copy()

    def intercept(self, which="min") -> float:
        return float(self.path.intercepts[self._index(which)])

    def predict(self, X, which="min") -> np.ndarray:
        """Predictions of the full-data fit at λ_min or λ_1se (new X in original units)."""
        from .._internal.validation import check_predict_design

        Xa = check_predict_design(X, self.path.coefs.shape[1], "the cross-validated model")
        if self.standardized:
            Xa = (Xa - self.x_mean) / self.x_scale
        return Xa @ self.coef(which) + self.intercept(which)

    @property
    def at_grid_edge(self) -> bool:
        """True when λ_min is the smallest λ of the grid: the minimum may lie beyond it (extend the grid)."""
        return self.idx_min == self.lams.shape[0] - 1

    def summary(self) -> str:
        """One line: λ_min and λ_1se with their mean CV error ± SE and the size of the full-data model."""
        i, j = self.idx_min, self.idx_1se
        name = self.model if self.model != "elastic_net" else f"elastic net (r={self.l1_ratio:g})"
        return (f"{name:<20} λ_min = {self.lam_min:<9.4g} CV MSE {self.mean[i]:.4g} ± {self.se[i]:.2g} "
                f"({self.n_nonzero[i]} non-zero) | λ_1se = {self.lam_1se:<9.4g} CV MSE {self.mean[j]:.4g} "
                f"({self.n_nonzero[j]} non-zero)")

    def __repr__(self) -> str:
        return (f"CVResult(model={self.model!r}, K={self.fold_errors.shape[0]}, k={self.lams.size}, "
                f"lam_min={self.lam_min:.4g} (cv mse {self.mean[self.idx_min]:.4g}, {self.n_nonzero[self.idx_min]} "
                f"nonzero), lam_1se={self.lam_1se:.4g} (cv mse {self.mean[self.idx_1se]:.4g}, "
                f"{self.n_nonzero[self.idx_1se]} nonzero))")


def cross_validate(X, y, model="lasso", *, l1_ratio=None, lams=None, n_lams=50, eps=1e-3, n_folds=5, seed=None,
                   folds=None, standardize=False, tol=1e-10) -> CVResult:
    """K-fold cross-validation of ``model`` ("lasso", "ridge" or "elastic_net") over a λ grid.

    Objective of every fit: ``(1/(2n))·||y − Xw − b||² + λ·P(w)`` (see the module docstring).
    lams : the grid (any order, sorted decreasing); default ``lambda_grid(X, y, model, ...)`` on all data.
    n_folds, seed : the folds are ``cl.kfold_indices(n, n_folds, seed=seed)`` (seed required then); pass
        ``folds`` instead to use the same folds for several models (a fair comparison).
    standardize : standardize inside each fold with the training part's statistics (as glmnet does); the
        final path is fitted on the standardized full data and ``predict`` applies the same scaling.
    tol : duality-gap tolerance of every lasso / elastic-net fit, relative to Var(y) (ridge is solved in
        closed form).  The default 1e-10 is deliberately tight: the coefficients are only accurate to about
        √tol, and with 1e-5 the elastic net's λ_min in chapter 5's dense scenario moved to a neighbouring grid
        point (its CV curve is flat there).  Warm starts keep the cost low.
    Returns a ``CVResult`` (λ_min, λ_1se, mean and SE curves, the full-data path).
    """
    with single_threaded_blas():  # small matrices: extra BLAS threads only contend for the cores
        return _cross_validate(X, y, model, l1_ratio, lams, n_lams, eps, n_folds, seed, folds, standardize, tol)


def _cross_validate(X, y, model, l1_ratio, lams, n_lams, eps, n_folds, seed, folds, standardize, tol):
    from ..data.simulate import kfold_indices

    X, y = as_Xy(X, y)
    r = _check_model(model, l1_ratio)
    tol = check_tol(tol)
    standardize = check_bool(standardize, "standardize")
    n = X.shape[0]
    if folds is None:
        n_folds = check_scalar(n_folds, "n_folds", low=2, high=n, integer=True)
        if seed is None:
            raise TypeError("cross_validate needs seed=... to draw its folds (or pass folds=cl.kfold_indices(...))")
        folds = kfold_indices(n, n_folds, seed=seed)
    else:
        folds = _check_folds(folds, n)
    x_mean = x_scale = None
    X_fit = X
    if standardize:
        x_mean = X.mean(axis=0)
        x_scale = X.std(axis=0)
        x_scale = np.where(x_scale > 0, x_scale, 1.0)
        X_fit = np.ascontiguousarray((X - x_mean) / x_scale)
    if lams is None:
        lams = lambda_grid(X_fit, y, model, l1_ratio=r, n_lams=n_lams, eps=eps)
    lams = np.sort(check_lams(lams))[::-1].copy()
    errors = cv_fold_errors(X, y, model, lams, folds, l1_ratio=r, tol=tol, standardize=standardize)
    mean = errors.mean(axis=0)
    se = errors.std(axis=0, ddof=1) / np.sqrt(errors.shape[0])
    idx_min = int(np.argmin(mean))
    idx_1se = one_se_index(lams, mean, se)
    path = fit_path(X_fit, y, model, lams, l1_ratio=r, tol=tol)
    result = CVResult(model=model, l1_ratio=r, lams=lams, fold_errors=errors, mean=mean, se=se, idx_min=idx_min,
                      idx_1se=idx_1se, path=path, folds=list(folds), standardized=bool(standardize),
                      x_mean=x_mean, x_scale=x_scale)
    return result


def _check_folds(folds, n):
    """Every row in exactly one test fold, and train = complement of test."""
    if isinstance(folds, (numbers.Number, str)) or not hasattr(folds, "__iter__"):
        raise TypeError(f"folds must be a list of (train, test) index pairs, got {folds!r}; for {folds!r} folds "
                        f"write n_folds={folds!r}, seed=0 (or folds=cl.kfold_indices(n, {folds!r}, seed=0))"
                        if isinstance(folds, numbers.Integral) else
                        f"folds must be a list of (train, test) index pairs such as cl.kfold_indices(n, 5, seed=0), "
                        f"got {type(folds).__name__}")
    folds = list(folds)
    seen = np.zeros(n, dtype=int)
    for fold in folds:
        if not (isinstance(fold, (tuple, list)) and len(fold) == 2):
            raise TypeError("each fold must be a pair (train_indices, test_indices), as cl.kfold_indices returns")
        train = np.asarray(fold[0])
        test = np.asarray(fold[1])
        for idx in (train, test):
            if idx.ndim != 1 or not np.issubdtype(idx.dtype, np.integer) or (idx.size and (idx.min() < 0 or idx.max() >= n)):
                raise ValueError(f"fold indices must be 1-D integer arrays with values in 0 … {n - 1}")
        if np.intersect1d(train, test).size:
            raise ValueError("a fold's train and test indices overlap")
        if train.size + test.size != n:
            raise ValueError(f"a fold's train and test indices do not cover the {n} rows")
        seen[test] += 1
    if len(folds) < 2 or np.any(seen != 1):
        raise ValueError("folds must put every row in exactly one test fold (use cl.kfold_indices)")
    return folds
