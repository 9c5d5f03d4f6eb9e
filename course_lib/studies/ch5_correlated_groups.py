"""Groups of strongly correlated features: the lasso keeps one member, the elastic net keeps the group.

Data in the spirit of Zou & Hastie (2005, "Regularization and variable selection via the elastic net",
JRSS-B 67(2), their simulation example 4): ``n_groups`` hidden factors z_g ~ N(0, 1); each group has
``group_size`` features ``x = z_g + δ·ε`` (δ = ``within_noise``, so the correlation inside a group is
1/(1 + δ²) ≈ 0.99 for δ = 0.1); then ``n_noise`` independent N(0, 1) features with no effect.  Every
group feature has the same true coefficient ``beta``, so the truth is "the whole group matters, equally".
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._internal.blas_threads import single_threaded_blas
from .._internal.validation import check_scalar, check_seed

__all__ = ["make_grouped_regression", "GroupedData", "group_report", "GroupReport", "lasso_pick_frequency",
           "GroupReplication", "replicate_group_study"]


@dataclass
class GroupedData:
    X: np.ndarray
    y: np.ndarray
    w_true: np.ndarray
    groups: list  # list of index arrays, one per group
    noise_features: np.ndarray
    sigma: float

    @property
    def within_correlation(self) -> float:
        """Mean sample correlation between members of the same group."""
        cors = []
        C = np.corrcoef(self.X, rowvar=False)
        for g in self.groups:
            sub = C[np.ix_(g, g)]
            cors.append(sub[np.triu_indices(len(g), 1)])
        return float(np.mean(np.concatenate(cors)))


def make_grouped_regression(n=100, *, n_groups=3, group_size=5, n_noise=25, within_noise=0.1, beta=3.0,
                            sigma=6.0, seed) -> GroupedData:
    """Grouped-feature data (see the module docstring); the groups come first, the noise features last."""
    n = check_scalar(n, "n", low=2, integer=True)
    n_groups = check_scalar(n_groups, "n_groups", low=1, integer=True)
    group_size = check_scalar(group_size, "group_size", low=2, integer=True)
    n_noise = check_scalar(n_noise, "n_noise", low=0, integer=True)
    within_noise = check_scalar(within_noise, "within_noise", low=0.0, low_inclusive=False)
    sigma = check_scalar(sigma, "sigma", low=0.0)
    rng = check_seed(seed)
    p = n_groups * group_size + n_noise
    X = np.empty((n, p))
    groups = []
    for g in range(n_groups):
        z = rng.standard_normal(n)
        idx = np.arange(g * group_size, (g + 1) * group_size)
        X[:, idx] = z[:, None] + within_noise * rng.standard_normal((n, group_size))
        groups.append(idx)
    noise_idx = np.arange(n_groups * group_size, p)
    X[:, noise_idx] = rng.standard_normal((n, n_noise))
    w = np.zeros(p)
    w[: n_groups * group_size] = beta
    y = X @ w + sigma * rng.standard_normal(n)
    return GroupedData(X=np.ascontiguousarray(X), y=y, w_true=w, groups=groups, noise_features=noise_idx,
                       sigma=sigma)


@dataclass
class GroupReport:
    """How one fitted coefficient vector treats the groups."""

    model: str
    kept_per_group: np.ndarray  # members with a non-zero coefficient, per group
    group_size: int
    noise_kept: int
    within_spread: float  # mean over groups of (max − min) of the members' coefficients
    coef: np.ndarray = field(repr=False)

    def line(self) -> str:
        kept = ", ".join(f"{k}/{self.group_size}" for k in self.kept_per_group)
        return (f"{self.model:<12} members kept per group: {kept}; noise features kept: {self.noise_kept}; "
                f"within-group coefficient range: {self.within_spread:.2f}")


def group_report(model, coef, data: GroupedData) -> GroupReport:
    coef = np.asarray(coef, dtype=float)
    kept = np.array([int(np.count_nonzero(coef[g])) for g in data.groups])
    spread = float(np.mean([coef[g].max() - coef[g].min() for g in data.groups]))
    return GroupReport(model=model, kept_per_group=kept, group_size=len(data.groups[0]),
                       noise_kept=int(np.count_nonzero(coef[data.noise_features])), within_spread=spread,
                       coef=coef.copy())


@single_threaded_blas()
def lasso_pick_frequency(data: GroupedData, lam, n_resamples=100, *, seed, l1_ratio=1.0, group=0):
    """Over bootstrap resamples, how often each member of ``group`` has the LARGEST |coefficient|
    (and how often it is non-zero) in the lasso (or elastic net, ``l1_ratio`` < 1) fit at a fixed λ.

    Returns ``(top_share, nonzero_share)``, two arrays of length group_size: which member "wins" changes
    from resample to resample when the choice among near-copies is arbitrary.
    """
    from ..solvers.lasso import elastic_net, lasso

    rng = check_seed(seed)
    n_resamples = check_scalar(n_resamples, "n_resamples", low=1, integer=True)
    members = data.groups[group]
    top = np.zeros(len(members))
    nonzero = np.zeros(len(members))
    n = data.X.shape[0]
    for _ in range(n_resamples):
        rows = rng.integers(0, n, size=n)
        Xb, yb = data.X[rows], data.y[rows]
        fit = (lasso(Xb, yb, lam, tol=1e-10) if l1_ratio == 1.0
               else elastic_net(Xb, yb, lam, l1_ratio=l1_ratio, tol=1e-10))
        c = fit.coef[members]
        nonzero += c != 0.0
        if np.any(c != 0.0):
            top[int(np.argmax(np.abs(c)))] += 1
    return top / n_resamples, nonzero / n_resamples


@dataclass
class GroupReplication:
    """Lasso, elastic net and ridge on ``n_reps`` independent draws of the grouped data, each tuned by
    5-fold CV (λ_min) and scored on fresh rows.  Arrays are (n_reps, n_models)."""

    models: tuple
    relative_mse: np.ndarray      # test MSE / σ²
    group_kept: np.ndarray        # group members with a non-zero coefficient (of n_groups·group_size)
    noise_kept: np.ndarray        # noise features with a non-zero coefficient (of n_noise)
    n_group_features: int
    n_noise: int

    @property
    def n_reps(self) -> int:
        return self.relative_mse.shape[0]

    def mean_se(self, values):
        return values.mean(axis=0), values.std(axis=0, ddof=1) / np.sqrt(self.n_reps)

    def paired_difference(self, a, b):
        """Mean and SE of (MSE_a − MSE_b)/σ² over the draws."""
        d = self.relative_mse[:, self.models.index(a)] - self.relative_mse[:, self.models.index(b)]
        return float(d.mean()), float(d.std(ddof=1) / np.sqrt(d.size))

    def table(self) -> str:
        head = f"{'model':<12}{'test MSE/σ²':>16}{'group members kept':>22}{'noise features kept':>23}"
        lines = [head, "-" * len(head)]
        mse, mse_se = self.mean_se(self.relative_mse)
        gk, gk_se = self.mean_se(self.group_kept)
        nk, nk_se = self.mean_se(self.noise_kept)
        for i, m in enumerate(self.models):
            lines.append(f"{m:<12}{mse[i]:>9.3f} ± {mse_se[i]:.3f}{gk[i]:>10.1f} ± {gk_se[i]:.1f} of "
                         f"{self.n_group_features:<3d}{nk[i]:>10.1f} ± {nk_se[i]:.1f} of {self.n_noise}")
        lines.append(f"(mean ± SE over {self.n_reps} independent draws; each model tuned by 5-fold CV at λ_min)")
        return "\n".join(lines)


@single_threaded_blas()
def replicate_group_study(n_reps=10, *, seed, n=100, n_test=1000, l1_ratio=0.5, **data_options) -> GroupReplication:
    """Is the elastic net's group behaviour worth anything?  Test error and selection over ``n_reps`` draws
    of ``make_grouped_regression`` (n training rows + ``n_test`` fresh rows from the same model)."""
    from ..core.model_selection import cross_validate
    from ..data.simulate import kfold_indices

    n_reps = check_scalar(n_reps, "n_reps", low=2, integer=True)
    rng = check_seed(seed)
    models = ("lasso", "elastic_net", "ridge")
    rel = np.empty((n_reps, 3))
    gk = np.empty((n_reps, 3))
    nk = np.empty((n_reps, 3))
    for r in range(n_reps):
        data = make_grouped_regression(n + n_test, seed=rng, **data_options)
        X, y, Xt, yt = data.X[:n], data.y[:n], data.X[n:], data.y[n:]
        folds = kfold_indices(n, 5, seed=rng)
        in_groups = np.concatenate(data.groups)
        for i, model in enumerate(models):
            cv = cross_validate(X, y, model, folds=folds, l1_ratio=l1_ratio if model == "elastic_net" else None,
                                n_lams=30, tol=1e-6)
            resid = yt - cv.predict(Xt)
            rel[r, i] = float(resid @ resid / resid.size) / data.sigma ** 2
            coef = cv.coef("min")
            gk[r, i] = np.count_nonzero(coef[in_groups])
            nk[r, i] = np.count_nonzero(coef[data.noise_features])
    return GroupReplication(models=models, relative_mse=rel, group_kept=gk, noise_kept=nk,
                            n_group_features=int(in_groups.size), n_noise=int(data.noise_features.size))
