"""Chapter 1 exercise checks: right verdicts on correct answers, specific hints on the typical wrong ones."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch1

X, Y, _ = cl.load_diabetes(standardized=True)


def _status(fb):
    return fb.status


# --- 1.1 -------------------------------------------------------------------------------------------------------
def test_spread_penalty_correct_and_pending():
    assert ch1.check_spread_penalty(4.5, 6.0, 4).correct
    assert ch1.check_spread_penalty(np.float64(4.5), 6.0, 4).correct
    assert _status(ch1.check_spread_penalty(..., 6.0, 4)) == "not attempted"


@pytest.mark.parametrize("answer, words", [
    (9.0, "without the ½"),               # ||w||² without the ½
    (3.0, "norm ||w||₂ itself"),           # the norm
    (6.0, "L1 norm"),                      # the mass
    (18.0, "CONCENTRATED"),                # all on one weight
    (1.125, "ONE of the k"),              # one weight's penalty
])
def test_spread_penalty_names_the_mistake(answer, words):
    fb = ch1.check_spread_penalty(answer, 6.0, 4)
    assert not fb.correct
    assert words in fb.message


def test_spread_penalty_rejects_arrays_and_strings():
    assert not ch1.check_spread_penalty(np.full(4, 1.5), 6.0, 4).correct
    assert not ch1.check_spread_penalty("4.5", 6.0, 4).correct


# --- 1.2 -------------------------------------------------------------------------------------------------------
def _good(X, y, lam):
    n, p = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc, yc = X - xm, y - ym
    w = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc)
    return w, ym - xm @ w


def _variant(shift=lambda n, lam: n * lam, center=True, everywhere=False, intercept="good"):
    def fn(X, y, lam):
        n, p = X.shape
        xm, ym = X.mean(axis=0), y.mean()
        Xc, yc = (X - xm, y - ym) if center else (X, y)
        A = Xc.T @ Xc + (shift(n, lam) if everywhere else shift(n, lam) * np.eye(p))
        w = np.linalg.solve(A, Xc.T @ yc)
        b = {"good": ym - xm @ w, "ybar": ym, "sign": ym + xm @ w, "zero": 0.0}[intercept]
        return w, b
    return fn


def test_closed_form_correct_matches_cl_ridge():
    fb = ch1.check_ridge_closed_form(_good)
    assert fb.correct, fb
    Xp, yp = ch1._ridge_problem()
    w, b = _good(Xp, yp, 0.5)
    fit = cl.ridge(Xp, yp, 0.5)
    np.testing.assert_allclose(w, fit.coef, rtol=1e-10)
    assert abs(b - fit.intercept) < 1e-9


def test_closed_form_accepts_a_fit_object():
    assert ch1.check_ridge_closed_form(lambda X, y, lam: cl.ridge(X, y, lam)).correct


@pytest.mark.parametrize("fn, words", [
    (_variant(shift=lambda n, lam: lam), "λ where the objective needs nλ"),
    (_variant(shift=lambda n, lam: 2 * n * lam), "2nλ"),
    (_variant(shift=lambda n, lam: n * lam / 2), "nλ/2"),
    (_variant(center=False), "without centering"),
    (_variant(everywhere=True), "EVERY entry"),
    (_variant(intercept="ybar"), "intercept is ȳ alone"),
    (_variant(intercept="sign"), "wrong sign"),
    (_variant(intercept="zero"), "intercept is 0"),
])
def test_closed_form_names_the_mistake(fn, words):
    fb = ch1.check_ridge_closed_form(fn)
    assert not fb.correct
    assert words.lower() in fb.message.lower(), fb


def test_closed_form_transpose_error_gets_the_shape_hint():
    def transposed(X, y, lam):
        n = X.shape[0]
        return np.linalg.solve(X @ X.T + n * lam * np.eye(n), X.T @ y), 0.0
    fb = ch1.check_ridge_closed_form(transposed)
    assert not fb.correct
    assert "raised" in fb.message and any("X.T @ X" in h for h in fb.hints)


def test_closed_form_coef_only_and_pending():
    fb = ch1.check_ridge_closed_form(lambda X, y, lam: _good(X, y, lam)[0])
    assert not fb.correct and "only them" in fb.message

    def body_is_ellipsis(X, y, lam):
        ...
    assert ch1.check_ridge_closed_form(body_is_ellipsis).status == "not attempted"
    assert ch1.check_ridge_closed_form(...).status == "not attempted"
    assert not ch1.check_ridge_closed_form(np.zeros(3)).correct  # not callable


# --- 1.3 -------------------------------------------------------------------------------------------------------
def _factors(lam, power=2, shift=None, raw=False):
    n = X.shape[0]
    d = np.linalg.svd(X if raw else X - X.mean(axis=0), compute_uv=False)
    return d ** power / (d ** power + (n * lam if shift is None else shift))


def test_shrinkage_correct_matches_library():
    fb = ch1.check_shrinkage_factors(_factors(1.0), X, 1.0)
    assert fb.correct, fb
    np.testing.assert_allclose(_factors(1.0), cl.ridge_shrinkage_factors(X, 1.0), rtol=1e-10)
    e = np.linalg.svd(X - X.mean(axis=0), compute_uv=False) ** 2 / X.shape[0]  # eigenvalues of XᵀX/n
    assert ch1.check_shrinkage_factors(e / (e + 1.0), X, 1.0).correct   # the equivalent form


@pytest.mark.parametrize("answer, words", [
    (_factors(1.0)[::-1], "wrong order"),
    (_factors(1.0, power=1), "not their squares"),
    (_factors(1.0, shift=1.0), "λ where the formula needs nλ"),
    (1 - _factors(1.0), "REMOVED"),
    (float(_factors(1.0).sum()), "SUM"),
])
def test_shrinkage_names_the_mistake(answer, words):
    fb = ch1.check_shrinkage_factors(answer, X, 1.0)
    assert not fb.correct
    assert words.lower() in fb.message.lower(), fb


def test_shrinkage_uncentered_design_is_detected():
    Xs = X + 3.0  # the same centered design, with non-zero column means
    d_raw = np.linalg.svd(Xs, compute_uv=False)  # singular values WITHOUT centering
    fb = ch1.check_shrinkage_factors(d_raw ** 2 / (d_raw ** 2 + Xs.shape[0]), Xs, 1.0)
    assert not fb.correct and "before centering" in fb.message, fb


# --- 1.4 -------------------------------------------------------------------------------------------------------
Xc, yc = X - X.mean(axis=0), Y - Y.mean()
W0 = np.linspace(-1.0, 1.0, 10)
ETA, LAM = 0.1, 0.5
GRAD = -Xc.T @ (yc - Xc @ W0) / Xc.shape[0]


def test_weight_decay_step_correct():
    good = (1 - ETA * LAM) * W0 - ETA * GRAD
    assert ch1.check_weight_decay_step(good, W0, Xc, yc, ETA, LAM).correct
    same = W0 - ETA * (GRAD + LAM * W0)  # the penalty-gradient form is the same step
    assert ch1.check_weight_decay_step(same, W0, Xc, yc, ETA, LAM).correct
    assert ch1.check_weight_decay_step(..., W0, Xc, yc, ETA, LAM).status == "not attempted"


@pytest.mark.parametrize("answer, words", [
    ((1 - ETA * LAM) * W0 + ETA * GRAD, "uphill"),
    ((1 - ETA * LAM) * W0 - ETA * GRAD * Xc.shape[0], "1/n"),
    ((1 - LAM) * W0 - ETA * GRAD, "(1 − λ)"),
    ((1 - 2 * ETA * LAM) * W0 - ETA * GRAD, "(1 − 2ηλ)"),
    ((1 - ETA * LAM) * (W0 - ETA * GRAD), "AFTER"),
    (W0 - ETA * GRAD, "no decay"),
    ((1 - ETA * LAM) * W0, "only the decay"),
])
def test_weight_decay_step_names_the_mistake(answer, words):
    fb = ch1.check_weight_decay_step(answer, W0, Xc, yc, ETA, LAM)
    assert not fb.correct
    assert words.lower() in fb.message.lower(), fb


def test_checks_are_reexported():
    for name in ch1.__all__:
        assert getattr(cl.exercises, name) is getattr(ch1, name)
