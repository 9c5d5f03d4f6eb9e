"""Chapter 5 exercise checks: right verdicts, specific hints for the typical wrong answers."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch5


class FakeCV:
    lams = np.array([10.0, 5.0, 2.0, 1.0, 0.5])
    mean = np.array([9.0, 6.0, 4.5, 4.0, 4.2])
    se = np.array([1.0, 1.0, 0.4, 0.6, 0.3])


def test_lambda_1se():
    cv = FakeCV()
    assert ch5.check_lambda_1se(..., cv).status == "not attempted"
    assert ch5.check_lambda_1se(2.0, cv).correct
    assert "λ_min" in ch5.check_lambda_1se(1.0, cv).message
    assert "SMALLEST" in ch5.check_lambda_1se(0.5, cv).message  # 4.2 <= 4.6 as well
    assert "on the grid but is not" in ch5.check_lambda_1se(5.0, cv).message
    assert "not one of the λ" in ch5.check_lambda_1se(3.0, cv).message
    assert not ch5.check_lambda_1se("2", cv).correct


def test_lambda_1se_pointwise_slip():
    cv = FakeCV()
    cv.se = np.array([1.0, 2.5, 0.4, 0.6, 0.3])  # pointwise rule picks λ = 5 (6.0 <= 4.0 + 2.5)
    fb = ch5.check_lambda_1se(5.0, cv)
    assert not fb.correct and "own standard error" in fb.message


def test_support_scores():
    coef = np.array([1.0, 0.0, 2.0, 0.5, 0.0, 0.0])
    w = np.array([1.0, 1.0, 0.0, 1.0, 0.0, 0.0])
    assert ch5.check_support_scores((..., ...), coef, w).status == "not attempted"
    assert ch5.check_support_scores((2 / 3, 2 / 3), coef, w).correct
    w2 = np.array([1.0, 0.0, 0.0, 1.0, 0.0, 0.0])  # precision 2/3, recall 1
    assert ch5.check_support_scores((2 / 3, 1.0), coef, w2).correct
    assert "swapped" in ch5.check_support_scores((1.0, 2 / 3), coef, w2).message
    assert "count" in ch5.check_support_scores((2, 2), coef, w2).message
    fb = ch5.check_support_scores((2 / 6, 1.0), coef, w2)
    assert not fb.correct and any("divided by p" in h for h in fb.hints)
    assert not ch5.check_support_scores(0.5, coef, w2).correct


def test_selection_cap():
    assert ch5.check_selection_cap(..., 30, 200).status == "not attempted"
    assert ch5.check_selection_cap(29, 30, 200).correct
    assert "without an intercept" in ch5.check_selection_cap(30, 30, 200).message
    assert "p is the cap only" in ch5.check_selection_cap(200, 30, 200).message
    assert ch5.check_selection_cap(30, 30, 200, fit_intercept=False).correct
    assert not ch5.check_selection_cap(29.5, 30, 200).correct


def test_which_penalty(monkeypatch):
    monkeypatch.setattr(ch5, "_which_penalty_truth", lambda: ("lasso", 2.5))
    assert ch5.check_which_penalty(..., ...).status == "not attempted"
    assert ch5.check_which_penalty("lasso", ...).status == "not attempted"
    assert ch5.check_which_penalty("lasso", 2.5).correct
    assert not ch5.check_which_penalty("ridge", 2.5).correct
    assert "upside down" in ch5.check_which_penalty("lasso", 0.4).message
    assert not ch5.check_which_penalty("LASSO", 2.5).correct


def test_checks_are_reexported():
    assert cl.exercises.check_lambda_1se is ch5.check_lambda_1se
    assert cl.exercises.check_which_penalty is ch5.check_which_penalty
