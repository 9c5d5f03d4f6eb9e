"""Chapter 6 study: lasso, elastic-net and ridge logistic regression on the Khan (2001) tumour data.

Multiclass by one-vs-rest: four binary problems (one tumour type against the other three), each with its
own λ chosen by stratified K-fold cross-validation of the binomial deviance (as scikit-learn's
``LogisticRegressionCV`` does for one-vs-rest).  Why not a multinomial model: each binary lasso gives its
own short gene list per tumour type (the question a biologist asks), and the binary solver and its λ
convention are reused unchanged.  (A multinomial lasso would select genes for all four types jointly; it
is not measured here.)

The grid edge.  The held-out deviance keeps falling to the end of glmnet's default grid (λ_max/100 for the
lasso and the elastic net) on this data, so every grid is continued ``extra_decades`` further down at the
same spacing and the study reports both readouts: the standard grid is the extended one truncated (the
warm-started paths compute its λ values first, identically), so the comparison isolates the grid's end.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np

from .._internal.validation import check_scalar, check_seed
from ..solvers.logistic import LogisticProblem, OneVsRest, SeparationWarning

MODELS = (("lasso", 1.0), ("elastic net", 0.5), ("ridge", 0.0))
SPAN = (1.0, 1e-2)         # lasso and elastic net: λ_max → λ_max/100 (glmnet's lambda.min.ratio when p > n)
RIDGE_SPAN = (10.0, 1e-3)  # ridge has no λ_max: its grid spans these multiples of the lasso's λ_max
EXTRA_DECADES = 2.0        # the edge check: every grid continued this many decades further down
TOL = 1e-10                # duality gap / H(ȳ) of every fit: at λ = λ_max/10⁴ the optimum itself is ~1e-4·H(ȳ)


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


def lam_grid(X, yb, l1_ratio, n_lams, extra_decades=0.0):
    """The standard grid (``n_lams`` values over ``SPAN`` × λ_max, or ``RIDGE_SPAN`` × the lasso's λ_max for
    ridge), continued by the whole number of steps of the same spacing nearest to ``extra_decades``."""
    top = LogisticProblem(X, yb).lam_max(l1_ratio if l1_ratio > 0 else 1.0)
    hi, lo = SPAN if l1_ratio > 0 else RIDGE_SPAN
    step = np.log10(hi / lo) / (n_lams - 1)
    n_extra = int(np.floor(extra_decades / step + 0.5))
    return top * hi * 10.0 ** (-step * np.arange(n_lams + n_extra))


def deviance(yb, prob):
    prob = np.clip(prob, 1e-15, 1 - 1e-15)
    return -2.0 * np.mean(yb * np.log(prob) + (1 - yb) * np.log(1 - prob))


@dataclass
class BinaryCV:
    """CV of one binary problem: lams (k,), mean and se of the held-out deviance, lam_min and its index.

    heldout_errors (k,): held-out samples misclassified, summed over the folds (each sample is held out once);
    separated (k,): training folds whose fit classifies every training sample correctly (margin > 0);
    n_standard: how many of the λ form the standard grid (the rest is the extension)."""

    lams: np.ndarray
    mean: np.ndarray
    se: np.ndarray
    heldout_errors: np.ndarray = None
    separated: np.ndarray = None
    n_standard: int = None

    def standard(self) -> "BinaryCV":
        """The same CV read on the standard grid only (its first ``n_standard`` λ)."""
        k = self.lams.shape[0] if self.n_standard is None else self.n_standard
        cut = (lambda a: None if a is None else a[:k].copy())
        return BinaryCV(lams=self.lams[:k].copy(), mean=self.mean[:k].copy(), se=self.se[:k].copy(),
                        heldout_errors=cut(self.heldout_errors), separated=cut(self.separated), n_standard=k)

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


def cv_binary(X, yb, l1_ratio, folds, n_lams=20, tol=TOL, extra_decades=0.0):
    """K-fold CV of the held-out binomial deviance on ``lam_grid(..., extra_decades)`` (warm-started paths).

    Separated training folds are expected here (p = 2,308 > n) and are recorded in ``separated`` instead of
    warned about once per fold: their SeparationWarning is silenced, nothing else is."""
    lams = lam_grid(X, yb, l1_ratio, n_lams, extra_decades)
    k_lams = lams.shape[0]
    dev = np.empty((len(folds), k_lams))
    errors = np.zeros(k_lams, dtype=np.int64)
    separated = np.zeros(k_lams, dtype=np.int64)
    for k, (tr, te) in enumerate(folds):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SeparationWarning)
            path = LogisticProblem(X[tr], yb[tr]).path(lams=lams, l1_ratio=l1_ratio, tol=tol)
        probs = path.predict_proba(X[te])
        dev[k] = [deviance(yb[te], probs[:, i]) for i in range(k_lams)]
        errors += np.sum((probs > 0.5) != (yb[te] == 1)[:, None], axis=0)
        margins = (2.0 * yb[tr] - 1.0)[:, None] * path.decision_function(X[tr])
        separated += margins.min(axis=0) > 0
    return BinaryCV(lams=lams, mean=dev.mean(axis=0), se=dev.std(axis=0, ddof=1) / np.sqrt(len(folds)),
                    heldout_errors=errors, separated=separated, n_standard=n_lams)


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

    @property
    def train_separated(self) -> int:
        """How many of the binary fits on all training rows classify every training sample correctly."""
        return int(sum(f.extras["min_margin"] > 0 for f in self.ovr.fits))


CLASS_NAMES = ("BL", "EWS", "NB", "RMS")


@dataclass
class KhanStudy:
    """``models``: the fits chosen on the standard grid; ``extended``: the same CV read on the longer grid."""

    classes: np.ndarray
    models: dict = field(default_factory=dict)
    extended: dict = field(default_factory=dict)
    extra_decades: float = 0.0
    n_folds: int = 5

    class_names = CLASS_NAMES

    def table(self, which="standard") -> str:
        models = self.models if which == "standard" else self.extended
        lines = [f"{'model':12s} {'test accuracy':>14s} {'errors':>7s} {'genes used':>11s}   genes per class "
                 f"({', '.join(map(str, self.class_names))})",
                 "-" * 84]
        for m in models.values():
            lines.append(f"{m.name:12s} {m.test_accuracy:14.2f} {m.test_errors:4d}/20 {m.n_genes:7d}/2308   "
                         + ", ".join(f"{g:4d}" for g in m.genes_per_class))
        return "\n".join(lines)

    def edge_table(self) -> str:
        """Per model and tumour type: where λ_min lies on the longer grid, the held-out deviance at the
        standard grid's end and its minimum beyond it (over the extension only), λ_1se and the genes used on each grid,
        and the held-out samples still misclassified at the longer grid's end (of the 63, over the folds)."""
        if not self.extended:
            raise ValueError("the study was run with extra_decades=0: there is no longer grid to compare")
        head = (f"{'model':12s} {'type':4s} {'λ_min, longer grid':>19s}  {'CV deviance: std end → min beyond':>33s}  "
                f"{'λ_1se/λ_max':>20s}  {'genes':>11s}  {'held-out errors':>15s}")
        lines = [head, "-" * len(head)]
        for name, m in self.models.items():
            ext = self.extended[name]
            for k, (cs, ce) in enumerate(zip(m.cvs, ext.cvs)):
                unit = ce.lams[0] / (RIDGE_SPAN[0] if m.l1_ratio == 0 else SPAN[0])
                where = "edge" if ce.at_grid_edge else "interior"
                i = cs.lams.shape[0] - 1
                dev = f"{cs.mean[i]:.2e} ± {cs.se[i]:.1e} → {ce.mean[i + 1:].min():.2e}"
                lam = f"{cs.lam_1se / unit:.1e} → {ce.lam_1se / unit:.1e}"
                genes = f"{m.genes_per_class[k]:d} → {ext.genes_per_class[k]:d}"
                lines.append(f"{name:12s} {self.class_names[k]:4s} {where:>8s} ({ce.idx_min + 1:2d} of {ce.lams.shape[0]:2d})  "
                             f"{dev:>33s}  {lam:>20s}  {genes:>11s}  {int(ce.heldout_errors[-1]):9d} of 63")
        lines.append("λ_1se and genes: standard grid → longer grid; held-out errors: of the 63, at the longer grid's end; "
                     "ridge's λ in units of the lasso's λ_max")
        return "\n".join(lines)

    def edge_summary(self) -> dict:
        """Counts over the (model, type) fits of what extending the grid changed; "fell": the smallest CV
        deviance beyond the standard grid's end is below the deviance there (by more than its SE)."""
        pairs = [(m, self.extended[name]) for name, m in self.models.items()]
        fits = [(cs, ce) for m, e in pairs for cs, ce in zip(m.cvs, e.cvs)]
        last = [cs.lams.shape[0] - 1 for cs, _ in fits]
        clean = [ce.heldout_errors[-1] == 0 for _, ce in fits]
        return dict(
            fits=len(fits),
            interior=sum(not ce.at_grid_edge for _, ce in fits),
            fell=sum(ce.mean[i + 1:].min() < cs.mean[i] for (cs, ce), i in zip(fits, last)),
            fell_beyond_se=sum(cs.mean[i] - ce.mean[i + 1:].min() > cs.se[i] for (cs, ce), i in zip(fits, last)),
            lam_1se_moved=sum(cs.idx_1se != ce.idx_1se for cs, ce in fits),
            no_heldout_error=sum(clean),
            no_heldout_error_at_edge=sum(c and ce.at_grid_edge for c, (_, ce) in zip(clean, fits)),
            folds_separated=int(sum(cs.separated[i] for (cs, _), i in zip(fits, last))),
            fold_fits=self.n_folds * len(fits),
            refits_separated=sum(m.train_separated + e.train_separated for m, e in pairs),
            refits=2 * len(fits),
        )


def khan_study(X, y, X_test, y_test, models=MODELS, n_folds=5, n_lams=20, seed=0, tol=TOL, rule="1se",
               extra_decades=EXTRA_DECADES):
    """CV per class and per model, refit on all 63 rows at λ_1se (or λ_min), score on the 20 test rows.

    The CV runs once, on the standard grid continued ``extra_decades`` further down; ``study.models`` are
    chosen on the standard grid (the first ``n_lams`` λ), ``study.extended`` on the whole longer grid."""
    n_lams = check_scalar(n_lams, "n_lams", low=2, integer=True)
    extra_decades = check_scalar(extra_decades, "extra_decades", low=0.0)
    classes = np.unique(y)
    folds = stratified_folds(y, n_folds, seed)
    study = KhanStudy(classes=classes, extra_decades=float(extra_decades), n_folds=len(folds))
    for name, r in models:
        cvs = [cv_binary(X, (y == c).astype(float), r, folds, n_lams, tol, extra_decades) for c in classes]
        study.models[name] = _chosen_model(X, y, X_test, y_test, name, r, [cv.standard() for cv in cvs], rule, tol)
        if extra_decades > 0:
            study.extended[name] = _chosen_model(X, y, X_test, y_test, name, r, cvs, rule, tol)
    return study


def _chosen_model(X, y, X_test, y_test, name, r, cvs, rule, tol):
    classes = np.unique(y)
    fits = []
    for c, cv in zip(classes, cvs):
        yb = (y == c).astype(float)
        prob = LogisticProblem(X, yb)
        with warnings.catch_warnings():  # separation is expected and recorded (``min_margin``), not warned
            warnings.simplefilter("ignore", SeparationWarning)
            fit = prob.fit(cv.lam_1se if rule == "1se" else cv.lam_min, r, tol=tol)
        fit.extras["min_margin"] = float(np.min((2.0 * yb - 1.0) * fit.decision_function(X)))
        fits.append(fit)
    ovr = OneVsRest(classes=classes, fits=fits)
    pred = ovr.predict(X_test)
    return KhanModel(name=name, l1_ratio=r, cvs=cvs, ovr=ovr, rule=rule, train_accuracy=ovr.accuracy(X, y),
                     test_accuracy=float(np.mean(pred == y_test)), test_errors=int(np.sum(pred != y_test)))


def error_rate_upper_bound(errors, n, level=0.95):
    """One-sided exact (Clopper–Pearson) upper confidence bound on an error rate after ``errors`` of ``n``:
    the p at which P(Binomial(n, p) <= errors) = 1 − level (bisection on the binomial CDF)."""
    errors = check_scalar(errors, "errors", low=0, integer=True)
    n = check_scalar(n, "n", low=1, integer=True)
    level = check_scalar(level, "level", low=0.0, high=1.0, low_inclusive=False, high_inclusive=False)
    if errors >= n:
        return 1.0
    k = np.arange(errors + 1)
    log_choose = np.array([np.sum(np.log(np.arange(n - j + 1, n + 1))) - np.sum(np.log(np.arange(1, j + 1)))
                           for j in k])

    def cdf(p):
        return float(np.sum(np.exp(log_choose + k * np.log(p) + (n - k) * np.log1p(-p))))

    lo, hi = 0.0, 1.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mid <= 0.0 or cdf(mid) > 1.0 - level:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


@dataclass
class Stability:
    """Selection frequency of every gene, per class, over bootstrap refits at a fixed λ."""

    freq: np.ndarray          # (classes, p) share of resamples in which each gene is non-zero
    full_support: list        # per class, the genes selected on all rows
    jaccard: np.ndarray       # per class, mean pairwise Jaccard similarity of the resampled supports
    n_resamples: int
    test_errors: np.ndarray = None  # (n_resamples,) test errors of each resample's one-vs-rest classifier

    def stable(self, threshold=0.8) -> np.ndarray:
        return (self.freq >= threshold).sum(axis=1)

    def ever(self) -> np.ndarray:
        return (self.freq > 0).sum(axis=1)

    def full_kept(self, threshold=0.8) -> np.ndarray:
        """Per class, how many of the full-data genes are selected in >= threshold of the resamples."""
        return np.array([int(np.sum(self.freq[k, s] >= threshold)) for k, s in enumerate(self.full_support)])


def bootstrap_stability(X, y, model: KhanModel, n_resamples=50, seed=1, tol=TOL, X_test=None, y_test=None):
    """Refit each class's binary model at its CV λ on bootstrap resamples of the 63 rows.

    With ``X_test, y_test`` each resample's four fits are also combined one-vs-rest and scored on the test
    rows (a class missing from a resample gets no fit and is never predicted)."""
    rng = check_seed(seed)
    n, p = X.shape
    classes = np.unique(y)
    freq = np.zeros((classes.size, p))
    supports = [[] for _ in classes]
    test_errors = []
    for _ in range(n_resamples):
        idx = rng.integers(0, n, n)
        scores = []
        for k, c in enumerate(classes):
            yb = (y[idx] == c).astype(float)
            if yb.min() == yb.max():  # a resample without this class: nothing to fit (counted as no genes)
                supports[k].append(np.zeros(p, bool))
                if X_test is not None:
                    scores.append(np.full(X_test.shape[0], -np.inf))
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", SeparationWarning)
                fit = LogisticProblem(X[idx], yb).fit(model.lams[k], model.l1_ratio, tol=tol)
            supports[k].append(fit.coef != 0)
            freq[k] += fit.coef != 0
            if X_test is not None:
                scores.append(fit.decision_function(X_test))
        if X_test is not None:
            pred = classes[np.argmax(np.column_stack(scores), axis=1)]
            test_errors.append(int(np.sum(pred != np.asarray(y_test))))
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
    return Stability(freq=freq, full_support=full, jaccard=jac, n_resamples=n_resamples,
                     test_errors=None if X_test is None else np.array(test_errors))


@dataclass
class Grouping:
    """For the genes a sparse model selects: their strongly correlated partners, and how many are kept.

    Counted per tumour type (a gene can be a partner in two types' models): ``n_partners`` (type, gene)
    pairs, ``n_partner_genes`` distinct genes; ``with_partner`` of the ``n_lasso_picks`` lasso selections
    (summed over types) have at least one partner; ``chance[m]`` is how many partners model m would keep if
    its other genes in each type were drawn at random from the genes the lasso left out there."""

    threshold: float
    n_selected: dict          # model → genes used (union over classes)
    n_partners: int           # (class, gene) pairs: |corr| >= threshold with a lasso gene of that class, not chosen
    partners_kept: dict       # model → how many of those pairs the model also uses (same class)
    n_partner_genes: int = 0
    n_lasso_picks: int = 0
    with_partner: int = 0
    chance: dict = field(default_factory=dict)


def correlated_partners(X, lasso: KhanModel, others, threshold=0.8):
    """Does each model keep the genes strongly correlated with the lasso's genes, in the same class model?"""
    C = np.corrcoef(X, rowvar=False)
    p = X.shape[1]
    n_partners = picks = with_partner = 0
    genes = set()
    kept = {m.name: 0 for m in others}
    chance = {m.name: 0.0 for m in others}
    for k, fit in enumerate(lasso.ovr.fits):
        chosen = np.flatnonzero(fit.coef)
        if chosen.size == 0:
            continue
        strong = np.abs(C[chosen]) >= threshold
        strong[np.arange(chosen.size), chosen] = False  # a gene is not its own partner
        picks += chosen.size
        with_partner += int(np.sum(strong.any(axis=1)))
        near = strong.any(axis=0)
        near[chosen] = False
        partners = np.flatnonzero(near)
        n_partners += partners.size
        genes.update(partners.tolist())
        for m in others:
            coef = m.ovr.fits[k].coef
            kept[m.name] += int(np.count_nonzero(coef[partners]))
            others_used = np.count_nonzero(coef) - np.count_nonzero(coef[chosen])
            chance[m.name] += partners.size * others_used / (p - chosen.size)
    return Grouping(threshold=threshold, n_selected={m.name: m.n_genes for m in (lasso, *others)},
                    n_partners=n_partners, partners_kept=kept, n_partner_genes=len(genes), n_lasso_picks=picks,
                    with_partner=with_partner, chance=chance)
