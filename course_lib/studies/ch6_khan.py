"""Chapter 6 study: lasso, elastic-net and ridge logistic regression on the Khan (2001) tumour data.

Multiclass by one-vs-rest: four binary problems (one tumour type against the other three), each with its
own λ chosen by stratified K-fold cross-validation of the binomial deviance (as scikit-learn's
``LogisticRegressionCV`` does for one-vs-rest).  Why not a multinomial model: each binary lasso gives its
own short gene list per tumour type (the question a biologist asks), the binary solver and its λ
convention are reused unchanged, and with 63 samples the two are known to predict alike (ESL 18.3).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._internal.validation import check_seed
from ..solvers.logistic import LogisticProblem, OneVsRest

MODELS = (("lasso", 1.0), ("elastic net", 0.5), ("ridge", 0.0))
RIDGE_SPAN = (10.0, 1e-3)  # ridge has no λ_max: its grid spans these multiples of the lasso's λ_max


def stratified_folds(y, n_folds, seed):
    """K folds with each class spread evenly over them (seeded); a list of (train, test) index arrays."""
    rng = check_seed(seed)
    y = np.asarray(y)
    fold_of = np.empty(y.shape[0], dtype=np.int64)
    offset = 0
    for c in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == c))
        fold_of[idx] = (np.arange(idx.size) + offset) % n_folds
        offset += idx.size
    return [(np.flatnonzero(fold_of != k), np.flatnonzero(fold_of == k)) for k in range(n_folds)]


def lam_grid(X, yb, l1_ratio, n_lams):
    top = LogisticProblem(X, yb).lam_max(l1_ratio if l1_ratio > 0 else 1.0)
    if l1_ratio > 0:
        return top * np.geomspace(1.0, 1e-2, n_lams)
    return top * np.geomspace(*RIDGE_SPAN, n_lams)


def deviance(yb, prob):
    prob = np.clip(prob, 1e-15, 1 - 1e-15)
    return -2.0 * np.mean(yb * np.log(prob) + (1 - yb) * np.log(1 - prob))


@dataclass
class BinaryCV:
    """CV of one binary problem: lams (k,), mean and se of the held-out deviance, lam_min and its index."""

    lams: np.ndarray
    mean: np.ndarray
    se: np.ndarray

    @property
    def idx_min(self) -> int:
        return int(np.argmin(self.mean))

    @property
    def lam_min(self) -> float:
        return float(self.lams[self.idx_min])

    @property
    def idx_1se(self) -> int:
        """The largest λ whose mean deviance is within one SE (at the minimum) of the minimum."""
        i = self.idx_min
        return int(np.flatnonzero(self.mean <= self.mean[i] + self.se[i])[0])

    @property
    def lam_1se(self) -> float:
        return float(self.lams[self.idx_1se])

    @property
    def at_grid_edge(self) -> bool:
        """λ_min is the grid's smallest λ: the held-out deviance was still falling there."""
        return self.idx_min == self.lams.shape[0] - 1


def cv_binary(X, yb, l1_ratio, folds, n_lams=20, tol=1e-6):
    lams = lam_grid(X, yb, l1_ratio, n_lams)
    dev = np.empty((len(folds), lams.shape[0]))
    for k, (tr, te) in enumerate(folds):
        path = LogisticProblem(X[tr], yb[tr]).path(lams=lams, l1_ratio=l1_ratio, tol=tol)
        probs = path.predict_proba(X[te])
        dev[k] = [deviance(yb[te], probs[:, i]) for i in range(lams.shape[0])]
    return BinaryCV(lams=lams, mean=dev.mean(axis=0), se=dev.std(axis=0, ddof=1) / np.sqrt(len(folds)))


@dataclass
class KhanModel:
    name: str
    l1_ratio: float
    cvs: list                 # one BinaryCV per class
    ovr: OneVsRest
    train_accuracy: float
    test_accuracy: float
    test_errors: int

    rule: str = "1se"

    @property
    def lams(self) -> np.ndarray:
        """The λ used for each class (λ_1se by default, glmnet's ``predict`` default; else λ_min)."""
        return np.array([cv.lam_1se if self.rule == "1se" else cv.lam_min for cv in self.cvs])

    @property
    def genes_per_class(self) -> np.ndarray:
        return np.count_nonzero(self.ovr.coefs, axis=1)

    @property
    def n_genes(self) -> int:
        return self.ovr.n_features_used


@dataclass
class KhanStudy:
    classes: np.ndarray
    models: dict = field(default_factory=dict)

    def table(self) -> str:
        lines = [f"{'model':12s} {'test accuracy':>14s} {'errors':>7s} {'genes used':>11s}   genes per class "
                 f"({', '.join(map(str, self.class_names))})",
                 "-" * 84]
        for m in self.models.values():
            lines.append(f"{m.name:12s} {m.test_accuracy:14.2f} {m.test_errors:4d}/20 {m.n_genes:7d}/2308   "
                         + ", ".join(f"{g:4d}" for g in m.genes_per_class))
        return "\n".join(lines)

    class_names = ("BL", "EWS", "NB", "RMS")


def khan_study(X, y, X_test, y_test, models=MODELS, n_folds=5, n_lams=20, seed=0, tol=1e-6, rule="1se"):
    """CV per class and per model, refit on all 63 rows at λ_1se (or λ_min), score on the 20 test rows."""
    classes = np.unique(y)
    folds = stratified_folds(y, n_folds, seed)
    study = KhanStudy(classes=classes)
    for name, r in models:
        cvs, fits = [], []
        for c in classes:
            yb = (y == c).astype(float)
            cv = cv_binary(X, yb, r, folds, n_lams, tol)
            cvs.append(cv)
            fits.append(LogisticProblem(X, yb).fit(cv.lam_1se if rule == "1se" else cv.lam_min, r, tol=tol))
        ovr = OneVsRest(classes=classes, fits=fits)
        pred = ovr.predict(X_test)
        study.models[name] = KhanModel(name=name, l1_ratio=r, cvs=cvs, ovr=ovr, rule=rule,
                                       train_accuracy=ovr.accuracy(X, y), test_accuracy=float(np.mean(pred == y_test)),
                                       test_errors=int(np.sum(pred != y_test)))
    return study


@dataclass
class Stability:
    """Selection frequency of every gene, per class, over bootstrap refits at a fixed λ."""

    freq: np.ndarray          # (classes, p) share of resamples in which each gene is non-zero
    full_support: list        # per class, the genes selected on all rows
    jaccard: np.ndarray       # per class, mean pairwise Jaccard similarity of the resampled supports
    n_resamples: int

    def stable(self, threshold=0.8) -> np.ndarray:
        return (self.freq >= threshold).sum(axis=1)

    def ever(self) -> np.ndarray:
        return (self.freq > 0).sum(axis=1)

    def full_kept(self, threshold=0.8) -> np.ndarray:
        """Per class, how many of the full-data genes are selected in >= threshold of the resamples."""
        return np.array([int(np.sum(self.freq[k, s] >= threshold)) for k, s in enumerate(self.full_support)])


def bootstrap_stability(X, y, model: KhanModel, n_resamples=50, seed=1, tol=1e-6):
    """Refit each class's binary model at its CV λ on bootstrap resamples of the 63 rows."""
    rng = check_seed(seed)
    n, p = X.shape
    classes = np.unique(y)
    freq = np.zeros((classes.size, p))
    supports = [[] for _ in classes]
    for _ in range(n_resamples):
        idx = rng.integers(0, n, n)
        for k, c in enumerate(classes):
            yb = (y[idx] == c).astype(float)
            if yb.min() == yb.max():  # a resample without this class: nothing to fit (counted as no genes)
                supports[k].append(np.zeros(p, bool))
                continue
            fit = LogisticProblem(X[idx], yb).fit(model.lams[k], model.l1_ratio, tol=tol)
            supports[k].append(fit.coef != 0)
            freq[k] += fit.coef != 0
    freq /= n_resamples
    jac = np.zeros(classes.size)
    for k in range(classes.size):
        S = np.array(supports[k])
        inter = S.astype(float) @ S.T.astype(float)
        sizes = S.sum(axis=1)
        union = sizes[:, None] + sizes[None, :] - inter
        iu = np.triu_indices(n_resamples, 1)
        jac[k] = float(np.mean(np.where(union[iu] > 0, inter[iu] / np.maximum(union[iu], 1), 1.0)))
    full = [np.flatnonzero(f.coef) for f in model.ovr.fits]
    return Stability(freq=freq, full_support=full, jaccard=jac, n_resamples=n_resamples)


@dataclass
class Grouping:
    """For the genes a sparse model selects: their strongly correlated partners, and how many are kept."""

    threshold: float
    n_selected: dict          # model → genes selected (union over classes, from the lasso's list)
    n_partners: int           # partners of the lasso's genes (|corr| >= threshold), not themselves selected by it
    partners_kept: dict       # model → how many of those partners the model also uses (same class)


def correlated_partners(X, lasso: KhanModel, others, threshold=0.8):
    """Does each model keep the genes strongly correlated with the lasso's genes, in the same class model?"""
    C = np.corrcoef(X, rowvar=False)
    n_partners = 0
    kept = {m.name: 0 for m in others}
    for k, fit in enumerate(lasso.ovr.fits):
        chosen = np.flatnonzero(fit.coef)
        if chosen.size == 0:
            continue
        near = np.any(np.abs(C[chosen]) >= threshold, axis=0)
        near[chosen] = False
        partners = np.flatnonzero(near)
        n_partners += partners.size
        for m in others:
            kept[m.name] += int(np.count_nonzero(m.ovr.fits[k].coef[partners]))
    return Grouping(threshold=threshold, n_selected={m.name: m.n_genes for m in (lasso, *others)},
                    n_partners=n_partners, partners_kept=kept)
