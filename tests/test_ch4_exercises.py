"""Chapter 4 exercise checks: right verdicts and specific hints on correct and typical wrong answers."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch4


# --- 4.4 one ISTA step ---------------------------------------------------------------------------------
def _ista_variants():
    return ch4._ista_variants(*ch4.ch4_ista_data())


def test_ista_step_correct_and_not_attempted():
    v = _ista_variants()
    fb = cl.exercises.check_ista_step(v["expected"])
    assert fb.correct and "exactly 0" in fb.message
    assert cl.exercises.check_ista_step(...).status == "not attempted"


def test_ista_step_data_makes_every_mistake_distinguishable():
    v = _ista_variants()
    names = list(v)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not np.allclose(v[a], v[b]), (a, b)
    assert np.count_nonzero(v["expected"] == 0.0) >= 1      # the threshold matters
    X, y, w, lam, step = ch4.ch4_ista_data()
    L = np.linalg.eigvalsh(X.T @ X / X.shape[0]).max()
    assert step <= 1.0 / L                                 # a legitimate ISTA step


@pytest.mark.parametrize("mistake, phrase", [
    ("no threshold", "soft-thresholding is missing"),
    ("threshold λ", "thresholded at λ"),
    ("gradient sign", "uphill"),
    ("no 1/n", "n times too large"),
    ("hard threshold", "hard-thresholding"),
    ("threshold before step", "order"),
    ("subgradient step", "subgradient step"),
    ("no gradient", "gradient step on the smooth part is missing"),
])
def test_ista_step_diagnoses(mistake, phrase):
    fb = cl.exercises.check_ista_step(_ista_variants()[mistake])
    assert not fb.correct
    assert phrase in fb.message


def test_ista_step_shape_and_generic_errors():
    assert "shape" in cl.exercises.check_ista_step(np.zeros(3)).message
    fb = cl.exercises.check_ista_step(_ista_variants()["expected"] + 0.3)
    assert not fb.correct and "expected" in fb.message


# --- 4.1 a subgradient ---------------------------------------------------------------------------------
def _grad():
    X, y, w, lam = ch4.ch4_subgradient_data()
    return -X.T @ (y - X @ w) / X.shape[0], w, lam


@pytest.mark.parametrize("s", [0.0, 1.0, -1.0, 0.37])
def test_any_valid_subgradient_is_accepted(s):
    g, w, lam = _grad()
    answer = g + lam * np.sign(w) + lam * s * (w == 0)
    fb = cl.exercises.check_lasso_subgradient(answer)
    assert fb.correct, fb
    assert "[1, 3, 4]" in fb.message


def test_subgradient_feedback_names_the_choice():
    g, w, lam = _grad()
    assert "sign(0) = 0" in cl.exercises.check_lasso_subgradient(g + lam * np.sign(w)).message
    min_norm = np.where(w != 0, g + lam * np.sign(w), np.clip(0.0, g - lam, g + lam))
    assert "minimum-norm" in cl.exercises.check_lasso_subgradient(min_norm).message


@pytest.mark.parametrize("kind, phrase", [
    ("outside", "outside it"), ("grad sign", "wrong sign"), ("penalty sign", "penalty term has the wrong sign"),
    ("no penalty", "missing"), ("no 1/n", "n times too large"),
])
def test_subgradient_diagnoses(kind, phrase):
    g, w, lam = _grad()
    X, _, _, _ = ch4.ch4_subgradient_data()
    answer = {
        "outside": g + lam * np.sign(w) + 1.5 * lam * (w == 0),
        "grad sign": -g + lam * np.sign(w),
        "penalty sign": g - lam * np.sign(w),
        "no penalty": g,
        "no 1/n": g * X.shape[0] + lam * np.sign(w),
    }[kind]
    fb = cl.exercises.check_lasso_subgradient(answer)
    assert not fb.correct
    assert phrase in fb.message


def test_subgradient_not_attempted_and_shape():
    assert cl.exercises.check_lasso_subgradient(...).status == "not attempted"
    assert "shape" in cl.exercises.check_lasso_subgradient([1.0, 2.0]).message


# --- 4.2 KKT violations --------------------------------------------------------------------------------
def good(X, y, w, lam):
    c = X.T @ (y - X @ w) / X.shape[0]
    return np.where(w != 0, np.abs(c - lam * np.sign(w)), np.maximum(np.abs(c) - lam, 0.0))


def sign_zero(X, y, w, lam):
    c = X.T @ (y - X @ w) / X.shape[0]
    return np.abs(c - lam * np.sign(w))


def no_n(X, y, w, lam):
    c = X.T @ (y - X @ w)
    return np.where(w != 0, np.abs(c - lam * np.sign(w)), np.maximum(np.abs(c) - lam, 0.0))


def negative(X, y, w, lam):
    c = X.T @ (y - X @ w) / X.shape[0]
    return np.where(w != 0, np.abs(c - lam * np.sign(w)), np.abs(c) - lam)


def flipped(X, y, w, lam):
    c = X.T @ (y - X @ w) / X.shape[0]
    return np.where(w != 0, np.abs(c + lam * np.sign(w)), np.maximum(np.abs(c) - lam, 0.0))


def largest_only(X, y, w, lam):
    return good(X, y, w, lam).max()


def raises(X, y, w, lam):
    raise RuntimeError("boom")


def placeholder(X, y, w, lam):
    ...


def test_kkt_check_accepts_a_correct_function():
    assert cl.exercises.check_kkt_violations(good).correct


@pytest.mark.parametrize("fn, phrase", [
    (sign_zero, "sign(0) = 0"), (no_n, "n times too large"), (negative, "negative"),
    (flipped, "−λ·sign"), (largest_only, "one violation per coordinate"), (raises, "RuntimeError"),
])
def test_kkt_check_diagnoses(fn, phrase):
    fb = cl.exercises.check_kkt_violations(fn)
    assert not fb.correct
    assert phrase in fb.message + " ".join(fb.hints)


def test_kkt_check_not_attempted():
    assert cl.exercises.check_kkt_violations(placeholder).status == "not attempted"
    assert cl.exercises.check_kkt_violations(...).status == "not attempted"
    assert "pass the function itself" in cl.exercises.check_kkt_violations(3).message.lower()


# --- 4.3 which candidate is optimal ------------------------------------------------------------------
def test_candidates_have_the_advertised_properties():
    from course_lib import kkt

    X, y, lam, cands = ch4.ch4_candidates()
    viol = {k: kkt.lasso_kkt_violations(X, y, w, lam, fit_intercept=False).max() for k, w in cands.items()}
    assert viol["Q"] < 1e-8 and viol["P"] > 0.01 and viol["R"] > 0.01
    assert np.max(np.abs(cands["P"] - cands["Q"])) <= 1e-4
    assert np.count_nonzero(cands["P"] == 0) == 0 or np.count_nonzero(cands["P"]) > np.count_nonzero(cands["Q"])


@pytest.mark.parametrize("answer, status, phrase", [
    ("Q", "correct", "R solves the problem for 1.3·λ"), ("q", "correct", "KKT"),
    ("P", "incorrect", "within 1e-4"), ("R", "incorrect", "1.3·λ"), ("S", "incorrect", "one label"),
    (..., "not attempted", "`...`"),
])
def test_optimal_candidate_feedback(answer, status, phrase):
    fb = cl.exercises.check_optimal_candidate(answer)
    assert fb.status == status
    assert phrase in fb.message
