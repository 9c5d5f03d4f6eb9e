"""Chapter 3 exercise checks: right verdicts and the specific hint for each typical mistake."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch3


def verdict(fb):
    return fb.status, fb.message + " " + " ".join(fb.hints)


# ---------------------------------------------------------------------------- soft-thresholding
def soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def soft_scalar_only(z, t):
    if z > t:
        return z - t
    if z < -t:
        return z + t
    return 0.0


@pytest.mark.parametrize("fn, status, words", [
    (soft, "correct", "Exact zeros"),
    (soft_scalar_only, "incorrect", "works on one number but fails on an array"),
    (cl.soft_threshold, "correct", ""),
    (lambda z, t: np.where(np.abs(z) > t, z, 0.0), "incorrect", "hard-thresholding"),
    (lambda z, t: np.maximum(np.abs(z) - t, 0.0), "incorrect", "sign was lost"),
    (lambda z, t: np.sign(z) * (np.abs(z) - t), "incorrect", "cross over"),
    (lambda z, t: z - t * np.sign(z), "incorrect", "cross over"),
    (lambda z, t: np.maximum(z - t, 0.0), "incorrect", "only works for positive"),
    (lambda z, t: z / (1 + t), "incorrect", "ridge"),
    (lambda z, t: -soft(z, t), "incorrect", "wrong sign"),
    (lambda z, t: soft(z, 2 * t), "incorrect", "zeros on [−t, t] are right"),
    (lambda z, t: soft(z, t) + 0.1, "incorrect", "at z ="),
])
def test_soft_threshold_check(fn, status, words):
    got, text = verdict(ch3.check_soft_threshold(fn))
    assert got == status, text
    assert words in text


def test_soft_threshold_check_not_attempted_and_errors():
    def empty(z, t):
        ...

    assert ch3.check_soft_threshold(empty).status == "not attempted"
    assert ch3.check_soft_threshold(...).status == "not attempted"
    status, text = verdict(ch3.check_soft_threshold(lambda z, t: 1 / 0))
    assert status == "incorrect" and "ZeroDivisionError" in text
    status, text = verdict(ch3.check_soft_threshold(3.0))
    assert status == "incorrect" and "without calling it" in text


def test_the_check_is_re_exported_for_notebooks():
    assert cl.exercises.check_soft_threshold is ch3.check_soft_threshold
    assert cl.exercises.check_lam_max is ch3.check_lam_max
    assert cl.exercises.check_n_selected is ch3.check_n_selected


# ---------------------------------------------------------------------------- λmax
@pytest.fixture(scope="module")
def raw():
    X, y, _ = cl.load_diabetes()
    return X, y


def test_lam_max_check_verdicts(raw):
    X, y = raw
    n = X.shape[0]
    corr = X.T @ (y - y.mean())
    right = np.max(np.abs(corr)) / n
    assert right == pytest.approx(cl.lam_max(X, y), rel=1e-12)
    cases = [
        (right, "correct", ""),
        (np.max(np.abs(X.T @ y)) / n, "incorrect", "center y"),
        (np.max(np.abs(corr)), "incorrect", "n times too large"),
        (np.max(np.abs(X.T @ y)), "incorrect", "two things are missing"),
        (right / 2, "incorrect", "half"),
        (np.sum(np.abs(corr)) / n, "incorrect", "L1 norm"),
        (np.linalg.norm(corr) / n, "incorrect", "Euclidean"),
        (corr / n, "incorrect", "vector"),
        (right * 1.3, "incorrect", "max_j"),
        (str(right), "incorrect", "text"),
    ]
    for answer, status, words in cases:
        got, text = verdict(ch3.check_lam_max(answer, X, y))
        assert got == status, (answer, text)
        assert words in text, (words, text)
    assert ch3.check_lam_max(..., X, y).status == "not attempted"


def test_lam_max_check_signed_max():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((30, 3))
    y = -5.0 * X[:, 0] + rng.standard_normal(30)   # the largest correlation is negative
    corr = X.T @ (y - y.mean()) / 30
    status, text = verdict(ch3.check_lam_max(np.max(corr), X, y))
    assert status == "incorrect" and "np.abs" in text


# ---------------------------------------------------------------------------- features selected
@pytest.fixture(scope="module")
def sel():
    X, y, _, _, _ = cl.studies.ch3_selection.known_support_problem()
    lam = 0.1 * cl.lam_max(X, y)
    return X, y, lam, int(np.count_nonzero(cl.lasso(X, y, lam, tol=1e-12).coef))


def test_n_selected_check_verdicts(sel):
    X, y, lam, k = sel
    p = X.shape[1]
    assert k == 16
    assert ch3.check_n_selected(k, X, y, lam).status == "correct"
    assert ch3.check_n_selected(np.int64(k), X, y, lam).status == "correct"
    for answer, words in [(p - k, "ZERO"), (p, "total number"), (k + 0.5, "whole number"),
                          (np.ones(3), "array"), (True, "True/False"), (k + 1, "not the number"),
                          ("16", "text")]:
        status, text = verdict(ch3.check_n_selected(answer, X, y, lam))
        assert status == "incorrect", (answer, text)
        assert words in text, (answer, text)
    assert ch3.check_n_selected(..., X, y, lam).status == "not attempted"


def test_default_tolerance_gives_the_same_count(sel):
    X, y, lam, k = sel
    assert np.count_nonzero(cl.lasso(X, y, lam).coef) == k
