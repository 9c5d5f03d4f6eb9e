"""Chapter 3: support scores along a path, entry order, best subset by enumeration, printed agreement."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.core.metrics import (entry_order, selection_score, selection_scores_along_path, support,
                                     support_changes)
from course_lib.studies.ch3_selection import best_subset_l0, known_support_problem


def test_support_is_exactly_nonzero_by_default():
    assert support([0.0, 1e-300, -2.0, 0.0]).tolist() == [1, 2]
    assert support([0.0, 1e-3, -2.0], tol=1e-2).tolist() == [2]


def test_selection_score_counts():
    truth = np.array([1.0, -1.0, 0.0, 0.0, 0.0])
    s = selection_score([0.5, 0.0, 0.2, 0.0, 0.0], truth)
    assert (s.n_selected, s.true_positives, s.false_positives, s.false_negatives) == (2, 1, 1, 1)
    assert s.precision == 0.5 and s.recall == 0.5 and s.noise_dropped == 2
    assert "precision 0.50" in str(s)


def test_empty_selection_has_precision_one_and_recall_zero():
    s = selection_score(np.zeros(4), [1.0, 0.0, 0.0, 0.0])
    assert s.precision == 1.0 and s.recall == 0.0


def test_selection_score_rejects_mismatched_lengths():
    with pytest.raises(ValueError, match="must match"):
        selection_score([1.0, 0.0], [1.0, 0.0, 0.0])


def test_scores_along_path_match_single_scores():
    truth = np.array([1.0, 0.0, -1.0])
    coefs = np.array([[0.0, 0.0, 0.0], [0.3, 0.0, 0.0], [0.5, 0.1, -0.2]])
    out = selection_scores_along_path(coefs, truth)
    assert out["n_selected"].tolist() == [0, 1, 3]
    np.testing.assert_allclose(out["recall"], [0.0, 0.5, 1.0])
    np.testing.assert_allclose(out["precision"], [1.0, 1.0, 2 / 3])


def test_entry_order_and_support_changes_see_a_coefficient_leave():
    lams = np.array([4.0, 3.0, 2.0, 1.0])
    coefs = np.array([[0, 0, 0], [0, 1.0, 0], [0.5, 0.0, 0], [0.6, 0.2, 0]], dtype=float)
    order, at = entry_order(lams, coefs)
    assert order.tolist() == [1, 0] and at.tolist() == [3.0, 2.0]  # feature 2 never enters
    assert support_changes(lams, coefs) == [(3.0, 1, "enters"), (2.0, 0, "enters"), (2.0, 1, "leaves"),
                                            (1.0, 1, "enters")]


def test_entry_order_needs_decreasing_lams():
    with pytest.raises(ValueError, match="decreasing"):
        entry_order([1.0, 2.0], np.zeros((2, 3)))


def test_diabetes_lasso_entry_order_starts_with_bmi_and_s3_leaves():
    X, y, names = cl.load_diabetes(standardized=True)
    path = cl.lasso_path(X, y, n_lams=200, eps=1e-4, tol=1e-12)
    order, _ = entry_order(path.lams, path.coefs)
    assert [names[j] for j in order[:4]] == ["bmi", "s5", "bp", "s3"]
    leaves = [names[j] for _, j, what in support_changes(path.lams, path.coefs) if what == "leaves"]
    assert leaves == ["s3"]


def _orthonormal(n=40, p=5, seed=1):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((n, p))
    A -= A.mean(axis=0)
    X = np.sqrt(n) * np.linalg.qr(A)[0]
    y = X @ np.array([1.5, -0.9, 0.4, 0.1, 0.0]) + rng.standard_normal(n)
    return X, y


def test_best_subset_is_hard_thresholding_on_an_orthonormal_design():
    X, y = _orthonormal()
    z = X.T @ (y - y.mean()) / X.shape[0]
    for lam in (0.01, 0.1, 0.3, 1.0):
        coef, value = best_subset_l0(X, y, lam)
        np.testing.assert_allclose(coef, cl.hard_threshold(z, np.sqrt(2 * lam)), atol=1e-12)
        r = y - y.mean() - (X - X.mean(axis=0)) @ coef
        assert value == pytest.approx(0.5 * r @ r / X.shape[0] + lam * np.count_nonzero(coef))


def test_best_subset_refuses_large_p():
    with pytest.raises(ValueError, match="too many"):
        best_subset_l0(np.ones((5, 13)) + np.eye(5, 13), np.arange(5.0), 0.1)


def test_known_support_problem_is_deterministic_and_sparse():
    a = known_support_problem()
    b = known_support_problem()
    for u, v in zip(a, b):
        np.testing.assert_array_equal(u, v)
    X, y, Xt, yt, w = a
    assert X.shape == (100, 40) and Xt.shape == (1000, 40) and y.shape == (100,) and yt.shape == (1000,)
    assert np.count_nonzero(w) == 5 and set(np.abs(w[w != 0])) == {1.0}


def test_describe_difference_floors_rounding_noise():
    assert cl.agreement.describe_difference([1.0, 2.0], [1.0, 2.0 + 1e-15]) == "< 1e-12"
    assert cl.agreement.describe_difference([1.0], [1.5]) == "0.5"
    assert cl.agreement.describe_difference([0.0], [3e-10], floor=1e-9) == "< 1e-09"
    with pytest.raises(ValueError, match="shapes differ"):
        cl.agreement.max_abs_difference([1.0, 2.0], [1.0])
