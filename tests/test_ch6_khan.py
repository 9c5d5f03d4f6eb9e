"""Chapter 6's Khan study: the λ grids and their extension, the CV read-outs (recomputed here from single
cold-started fits), the one-SE rule, the grid-edge report, the error-rate bound, stability and grouping."""
import warnings
from types import SimpleNamespace

import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch6_khan as K


def three_classes(seed=0, n=45, p=60):
    rng = np.random.default_rng(seed)
    y = np.repeat([1, 2, 3], n // 3)
    X = rng.standard_normal((n, p))
    X[:, :3] += 1.5 * (y[:, None] == np.array([1, 2, 3]))  # gene k-1 marks class k
    Xt = rng.standard_normal((15, p))
    yt = np.repeat([1, 2, 3], 5)
    Xt[:, :3] += 1.5 * (yt[:, None] == np.array([1, 2, 3]))
    return X, y, Xt, yt


def lam_max_by_hand(X, yb):
    return np.max(np.abs(X.T @ (yb - yb.mean()))) / X.shape[0]


def deviance_by_hand(yb, eta):
    # −2·mean log-likelihood of a logistic model with linear predictor eta, written without the study's clip
    return 2.0 * np.mean(np.logaddexp(0.0, eta) - yb * eta)


# ---------------------------------------------------------------------------------------------- grids
def test_lasso_grid_is_glmnets_then_continued_at_the_same_spacing():
    X, y, _, _ = three_classes()
    yb = (y == 1).astype(float)
    top = lam_max_by_hand(X, yb)
    std = K.lam_grid(X, yb, 1.0, 20)
    np.testing.assert_allclose(std, np.geomspace(top, top / 100, 20), rtol=1e-12)
    longer = K.lam_grid(X, yb, 1.0, 20, extra_decades=2.0)
    assert longer.shape == (39,)
    np.testing.assert_array_equal(longer[:20], std)  # the standard grid is the longer one's beginning, bit for bit
    np.testing.assert_allclose(longer[-1], top * 1e-4, rtol=1e-12)
    np.testing.assert_allclose(longer[1:] / longer[:-1], 10 ** (-2 / 19), rtol=1e-12)
    enet = K.lam_grid(X, yb, 0.5, 20)
    assert enet[0] == pytest.approx(2 * top)  # glmnet's alpha convention: λ_max / r


def test_ridge_grid_spans_multiples_of_the_lasso_lambda_max():
    X, y, _, _ = three_classes()
    yb = (y == 2).astype(float)
    top = lam_max_by_hand(X, yb)
    std = K.lam_grid(X, yb, 0.0, 20)
    np.testing.assert_allclose(std, np.geomspace(10 * top, 1e-3 * top, 20), rtol=1e-12)
    longer = K.lam_grid(X, yb, 0.0, 20, extra_decades=2.0)
    # 2 decades at 4/19 decade a step is 9.5 steps: the nearest whole number of steps (10) is taken
    assert longer.shape == (30,)
    np.testing.assert_allclose(longer[-1], 10 * top * 10 ** (-4 * 29 / 19), rtol=1e-12)


# ---------------------------------------------------------------------------------------------- the CV
@pytest.fixture(scope="module")
def cv_case():
    X, y, _, _ = three_classes(1)
    yb = (y == 3).astype(float)
    folds = K.stratified_folds(y, 3, seed=2)
    cv = K.cv_binary(X, yb, 1.0, folds, n_lams=6, tol=1e-12, extra_decades=2.0)
    return X, yb, folds, cv


def test_stratified_folds_partition_the_rows_and_spread_each_class():
    _, y, _, _ = three_classes()
    folds = K.stratified_folds(y, 5, seed=0)
    test_rows = np.concatenate([te for _, te in folds])
    assert np.array_equal(np.sort(test_rows), np.arange(y.size))
    for tr, te in folds:
        assert np.intersect1d(tr, te).size == 0 and tr.size + te.size == y.size
        assert np.bincount(y[te]).tolist() == [0, 3, 3, 3]


def test_cv_curve_equals_cold_started_single_fits(cv_case):
    X, yb, folds, cv = cv_case
    for i in (0, 3, cv.lams.size - 1):
        dev = []
        for tr, te in folds:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", cl.SeparationWarning)
                fit = cl.logistic(X[tr], yb[tr], cv.lams[i], tol=1e-13)
            dev.append(deviance_by_hand(yb[te], X[te] @ fit.coef + fit.intercept))
        assert cv.mean[i] == pytest.approx(np.mean(dev), rel=1e-6, abs=1e-9)
        assert cv.se[i] == pytest.approx(np.std(dev, ddof=1) / np.sqrt(len(folds)), rel=1e-5, abs=1e-9)


def test_heldout_errors_and_separated_folds_are_counted(cv_case):
    X, yb, folds, cv = cv_case
    i = cv.lams.size - 1
    errors = separated = 0
    for tr, te in folds:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cl.SeparationWarning)
            fit = cl.logistic(X[tr], yb[tr], cv.lams[i], tol=1e-13)
        errors += int(np.sum((X[te] @ fit.coef + fit.intercept > 0) != (yb[te] == 1)))
        separated += bool(np.all((2 * yb[tr] - 1) * (X[tr] @ fit.coef + fit.intercept) > 0))
    assert cv.heldout_errors[i] == errors and cv.separated[i] == separated


def test_standard_readout_is_the_cv_run_on_the_standard_grid(cv_case):
    X, yb, folds, cv = cv_case
    alone = K.cv_binary(X, yb, 1.0, folds, n_lams=6, tol=1e-12)
    std = cv.standard()
    np.testing.assert_array_equal(std.lams, alone.lams)
    np.testing.assert_array_equal(std.mean, alone.mean)
    np.testing.assert_array_equal(std.heldout_errors, alone.heldout_errors)
    assert (std.idx_min, std.idx_1se) == (alone.idx_min, alone.idx_1se)


def test_one_se_rule_and_grid_edge_on_hand_made_curves():
    lams = np.geomspace(1.0, 1e-2, 5)
    falling = K.BinaryCV(lams, mean=np.array([1.0, 0.6, 0.35, 0.3, 0.25]), se=np.full(5, 0.12))
    assert falling.idx_min == 4 and falling.at_grid_edge
    assert falling.idx_1se == 2  # 0.35 <= 0.25 + 0.12, 0.6 is not
    dipping = K.BinaryCV(lams, mean=np.array([1.0, 0.5, 0.2, 0.3, 0.4]), se=np.array([0.1, 0.1, 0.05, 0.1, 0.1]))
    assert dipping.idx_min == 2 and not dipping.at_grid_edge and dipping.idx_1se == 2
    assert dipping.standard().lams.size == 5  # no n_standard: the whole grid is the standard one


# ---------------------------------------------------------------------------------------------- the study
@pytest.fixture(scope="module")
def small_study():
    X, y, Xt, yt = three_classes(3)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the study itself must not warn
        study = K.khan_study(X, y, Xt, yt, n_folds=3, n_lams=8, seed=0, tol=1e-10, extra_decades=1.0)
    return X, y, Xt, yt, study


def test_models_are_refitted_at_lambda_1se_and_scored(small_study):
    X, y, Xt, yt, study = small_study
    for models in (study.models, study.extended):
        for m in models.values():
            for k, (c, cv, fit) in enumerate(zip(study.classes, m.cvs, m.ovr.fits)):
                assert fit.lam == cv.lam_1se
                yb = (y == c).astype(float)
                ref = cl.logistic(X, yb, cv.lam_1se, l1_ratio=m.l1_ratio, tol=1e-12)
                np.testing.assert_allclose(fit.coef, ref.coef, atol=1e-4 * max(1.0, np.abs(ref.coef).max()))
            scores = np.column_stack([Xt @ f.coef + f.intercept for f in m.ovr.fits])
            assert m.test_errors == int(np.sum(study.classes[np.argmax(scores, axis=1)] != yt))
            assert m.n_genes == int(np.sum(np.any(np.array([f.coef for f in m.ovr.fits]) != 0, axis=0)))
    assert study.extended["lasso"].cvs[0].lams.size == 8 + 4  # one decade at 2/7 decade a step: 3.5, so 4 steps
    assert study.models["lasso"].cvs[0].lams.size == 8


def test_edge_summary_counts_what_the_curves_show(small_study):
    *_, study = small_study
    s = study.edge_summary()
    std = [cv for m in study.models.values() for cv in m.cvs]
    ext = [cv for m in study.extended.values() for cv in m.cvs]
    assert s["fits"] == 9 and s["fold_fits"] == 27 and s["refits"] == 18
    assert s["interior"] == sum(int(np.argmin(e.mean)) < e.mean.size - 1 for e in ext)
    assert s["lam_1se_moved"] == sum(a.lam_1se != b.lam_1se for a, b in zip(std, ext))
    assert s["no_heldout_error"] == sum(e.heldout_errors[-1] == 0 for e in ext)
    n = std[0].lams.size
    assert s["fell"] == sum(e.mean[n:].min() < a.mean[-1] for a, e in zip(std, ext))
    table = study.edge_table()
    assert len(table.splitlines()) == 2 + 9 + 1
    assert all(("edge" in line) != ("interior" in line) for line in table.splitlines()[2:-1])


def test_edge_table_needs_a_longer_grid():
    X, y, Xt, yt = three_classes(4)
    study = K.khan_study(X, y, Xt, yt, models=(("lasso", 1.0),), n_folds=3, n_lams=5, extra_decades=0.0)
    assert study.extended == {}
    with pytest.raises(ValueError, match="extra_decades=0"):
        study.edge_table()


# ---------------------------------------------------------------------------------------------- the rest
def test_error_rate_upper_bound():
    assert K.error_rate_upper_bound(0, 20) == pytest.approx(1 - 0.05 ** (1 / 20), rel=1e-9)  # 0.139
    assert K.error_rate_upper_bound(0, 20, level=0.99) == pytest.approx(1 - 0.01 ** (1 / 20), rel=1e-9)
    assert K.error_rate_upper_bound(20, 20) == 1.0
    stats = pytest.importorskip("scipy.stats")
    for k, n in ((1, 20), (3, 20), (5, 63)):
        assert K.error_rate_upper_bound(k, n) == pytest.approx(stats.beta.ppf(0.95, k + 1, n - k), rel=1e-9)
    with pytest.raises(ValueError, match="level"):
        K.error_rate_upper_bound(0, 20, level=95)


def test_bootstrap_test_errors_are_the_resampled_classifiers(small_study):
    X, y, Xt, yt, study = small_study
    lasso = study.models["lasso"]
    stab = K.bootstrap_stability(X, y, lasso, n_resamples=3, seed=5, tol=1e-10, X_test=Xt, y_test=yt)
    rng = np.random.default_rng(5)
    for r in range(3):
        idx = rng.integers(0, X.shape[0], X.shape[0])
        fits = [cl.logistic(X[idx], (y[idx] == c).astype(float), lam, tol=1e-12)
                for c, lam in zip(study.classes, lasso.lams)]
        pred = study.classes[np.argmax(np.column_stack([Xt @ f.coef + f.intercept for f in fits]), axis=1)]
        assert stab.test_errors[r] == int(np.sum(pred != yt))
    assert K.bootstrap_stability(X, y, lasso, n_resamples=2, seed=5).test_errors is None


def test_correlated_partners_on_a_design_with_known_pairs():
    rng = np.random.default_rng(0)
    n = 200
    X = rng.standard_normal((n, 6))
    X[:, 1] = X[:, 0] + 0.05 * rng.standard_normal(n)  # gene 1 ≈ gene 0
    X[:, 3] = X[:, 2] + 0.05 * rng.standard_normal(n)  # gene 3 ≈ gene 2
    X[:, 4] = X[:, 2] - 0.05 * rng.standard_normal(n)  # gene 4 ≈ gene 2 (so also ≈ gene 3)

    def model(name, *coefs):
        fits = [SimpleNamespace(coef=np.array(c, float)) for c in coefs]
        used = int(np.sum(np.any(np.array(coefs) != 0, axis=0)))
        return SimpleNamespace(name=name, ovr=SimpleNamespace(fits=fits), n_genes=used)

    lasso = model("lasso", [1, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 1])  # class 1 picks gene 0; class 2 genes 2, 5
    enet = model("enet", [1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 0, 1])
    g = K.correlated_partners(X, lasso, [enet], threshold=0.8)
    assert g.n_partners == 3            # class 1: gene 1; class 2: genes 3, 4
    assert g.n_partner_genes == 3
    assert g.n_lasso_picks == 3 and g.with_partner == 2   # gene 5 has no partner
    assert g.partners_kept == {"enet": 2}                  # gene 1 in class 1, gene 3 in class 2
    # chance: class 1 has 1 partner, enet uses 1 other gene out of the 5 the lasso left out; class 2: 2 partners,
    # 1 other gene out of 4
    assert g.chance["enet"] == pytest.approx(1 * 1 / 5 + 2 * 1 / 4)
