"""Chapter 5: head-to-head scenarios score what they say they score."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch5_scenarios as sc

TINY = sc.Scenario("tiny", n=40, p=8, n_informative=3, rho=0.3, snr=3.0, coef="sparse", n_test=300)


@pytest.fixture(scope="module")
def h():
    return sc.head_to_head(TINY, seed=0, n_lams=10)


def test_scores_are_recomputable(h):
    X, y, X_test, y_test, w, sigma = sc.scenario_data(TINY, seed=np.random.default_rng(0))
    np.testing.assert_array_equal(w, h.w_true)
    for model, s in h.scores.items():
        cv = h.cv[model]
        resid = y_test - cv.predict(X_test)
        assert np.isclose(s.test_mse, np.mean(resid ** 2))
        assert np.isclose(s.relative_mse, s.test_mse / sigma ** 2)
        sel = cl.metrics.selection_score(s.coef, w)
        assert (s.precision, s.recall) == (sel.precision, sel.recall)
        assert s.n_nonzero == np.count_nonzero(s.coef)
    assert h.scores["ridge"].n_nonzero == TINY.p
    assert h.winner in h.scores
    assert "test MSE/σ²" in h.table()


def test_models_share_the_same_folds(h):
    folds = [h.cv[m].folds for m in h.cv]
    for other in folds[1:]:
        for (a, b), (c, d) in zip(folds[0], other):
            assert np.array_equal(a, c) and np.array_equal(b, d)


def test_replication_summary():
    rep = sc.replicate_head_to_head(TINY, 3, seed=1, n_lams=8)
    assert rep.relative_mse.shape == (3, 2)
    assert rep.wins("lasso") + rep.wins("ridge") == 3
    assert rep.beats("lasso", "ridge") + rep.beats("ridge", "lasso") == 3
    d, se = rep.paired_difference("lasso", "ridge")
    assert np.isclose(d, np.mean(rep.relative_mse[:, 0] - rep.relative_mse[:, 1]))
    assert se > 0 and "wins" in rep.table()


def test_the_textbook_winners_on_the_chapter_scenarios():
    sparse = sc.head_to_head(sc.SPARSE_HIGH_DIM.with_(p=200, n_test=500), seed=1, models=("lasso", "ridge"))
    assert sparse.winner == "lasso"
    assert sparse.scores["lasso"].recall == 1.0
