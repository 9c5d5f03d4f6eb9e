"""Chapter 3 exercise checks: soft-thresholding, λmax, and counting the features a lasso keeps.

Each check recognises the mistakes learners actually make (hard- instead of soft-thresholding, a lost
sign, a missing ``max(·, 0)``, λmax without centering or without the 1/n, counting every coefficient
instead of the non-zero ones) and names them.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_design, as_target, check_lam
from .feedback import (INCORRECT, RESTART_HINT, AnswerError, as_array, as_number, call_learner, check_callable,
                       compare_scalar, correct, not_attempted, pending, wrong)

__all__ = ["check_soft_threshold", "check_lam_max", "check_n_selected"]

# Test points for soft-thresholding: both signs, inside and outside [-t, t], the boundary, and zero.
_Z = np.array([-3.0, -1.5, -1.0, -0.4, 0.0, 0.3, 1.0, 1.2, 2.5])
_T = 1.0


def _soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def _returned_array(exercise, fname, value, shape):
    """The learner's return value as a float array of ``shape``, or a Feedback about what came back
    (the checker's own conversion is never blamed on the learner's function)."""
    try:
        return as_array(value, f"what `{fname}` returned"), None
    except AnswerError as err:
        return None, err.feedback(exercise, "Return a numpy array of numbers with the same shape as z, "
                                            "e.g. np.sign(z) * np.maximum(np.abs(z) - t, 0.0).")


def check_soft_threshold(fn) -> "Feedback":  # noqa: F821
    """Check a learner's ``soft_threshold(z, t)`` = ``sign(z)·max(|z| − t, 0)`` on an array of test points
    (the task asks for arrays; a function that only works one number at a time is told so)."""
    name = "Exercise 3.1 (soft-thresholding)"
    early = check_callable(name, fn, "check_soft_threshold(my_soft_threshold)")
    if early is not None:
        return early
    fname = getattr(fn, "__name__", "your function")
    call = call_learner(name, fn, _Z.copy(), _T, returns="the thresholded array")
    if call.feedback is not None:
        if call.feedback.status == INCORRECT and "raised" in call.feedback.message:
            scalar = call_learner(name, fn, float(_Z[0]), _T)
            if scalar.feedback is None:  # fine on one number, fails on an array
                return wrong(name, f"`{fname}` works on one number but fails on an array z: "
                                   f"{call.feedback.message.split(': ', 1)[-1]}",
                             "`if z > t:` cannot decide for a whole array at once; use np.sign(z), np.abs(z) and "
                             "np.maximum(..., 0), which work elementwise.")
        return call.feedback
    got, bad = _returned_array(name, fname, call.value, _Z.shape)
    if bad is not None:
        return bad
    leak = call.hints(fn)
    if got.shape != _Z.shape:
        return wrong(name, f"`{fname}` returned shape {got.shape} for an input z of shape {_Z.shape}.", *leak,
                     "Soft-thresholding acts elementwise: the output has the shape of z (no sum or max).")
    expected = _soft(_Z, _T)
    if not np.all(np.isfinite(got)):
        return wrong(name, "your function returned NaN or infinite values.", "No division is needed.")
    if np.allclose(got, expected, atol=1e-12):
        return correct(name, "Exact zeros on [−t, t] and every other value moved t towards 0.")
    if leak:
        return wrong(name, "your function does not use only its arguments.", *leak)
    inside = np.abs(_Z) <= _T
    hard = np.where(np.abs(_Z) > _T, _Z, 0.0)
    if np.allclose(got, hard):
        return wrong(name, "this is hard-thresholding: small values are zeroed but large ones are kept as they are.",
                     "Soft-thresholding also moves every surviving value t closer to zero: |z| − t, not |z|.")
    if np.allclose(got, np.abs(expected)) or np.allclose(got, np.maximum(np.abs(_Z) - _T, 0.0)):
        return wrong(name, "the negative inputs come out positive: the sign was lost.",
                     "Multiply by np.sign(z): the result has the sign of z.")
    if np.allclose(got, -expected):
        return wrong(name, "every value has the wrong sign.", "Use sign(z)·max(|z| − t, 0), not its negative.")
    if np.allclose(got, np.sign(_Z) * (np.abs(_Z) - _T)) or np.allclose(got, _Z - _T * np.sign(_Z)):
        return wrong(name, "values inside [−t, t] should be exactly 0, yours cross over to the other side.",
                     "Clip at zero: np.maximum(np.abs(z) − t, 0) before putting the sign back.")
    if np.allclose(got, _Z - _T) or np.allclose(got, np.maximum(_Z - _T, 0.0)):
        return wrong(name, "this only works for positive z: negative values must move up by t, towards 0.",
                     "Work with |z| and put the sign back: np.sign(z) * np.maximum(np.abs(z) - t, 0).")
    if np.allclose(got, _Z / (1.0 + _T)):
        return wrong(name, "this is ridge's proportional shrinkage z/(1 + t): it never gives an exact zero.",
                     "Subtract t from |z| instead of dividing.")
    if np.allclose(got[inside], 0.0) and not np.allclose(got[~inside], expected[~inside]):
        return wrong(name, "the zeros on [−t, t] are right but the values outside are not.",
                     "Outside [−t, t] the result is z − t for z > t and z + t for z < −t.")
    worst = int(np.argmax(np.abs(got - expected)))
    return wrong(name, f"at z = {_Z[worst]:g}, t = {_T:g} `{fname}` returns {got[worst]:.4g}; expected "
                       f"{expected[worst]:.4g}.",
                 f"{fname}(z, t) should be sign(z)·max(|z| − t, 0): zero on [−t, t], otherwise t closer to 0.")


def _lam_max(X, y):
    n = X.shape[0]
    return float(np.max(np.abs(X.T @ (y - y.mean()))) / n)


def _lam_max_diagnosis(got, X, y):
    """(message, hint) for a known wrong value of λmax on (X, y), or None."""
    n = X.shape[0]
    expected = _lam_max(X, y)
    corr = X.T @ (y - y.mean())
    uncentered = X.T @ y
    Xs = X - X.mean(axis=0)
    sd = np.sqrt(np.mean(Xs * Xs, axis=0))
    standardized = float(np.max(np.abs((Xs / np.where(sd > 0, sd, 1.0)).T @ (y - y.mean()))) / n)
    checks = [
        (standardized, f"{got:.6g} is λmax of the STANDARDIZED design; the question is about the original units.",
         "Use the columns as they are (no cl.standardize, no division by the standard deviations): λmax changes "
         "with the units of X."),
        (np.max(np.abs(uncentered)) / n, "you forgot to center y: with an intercept the correlations are "
         "Xᵀ(y − ȳ)/n, because the intercept absorbs the mean.", "Use y - y.mean()."),
        (np.max(np.abs(corr)), "this is n times too large: the objective has 1/(2n) in front, so the "
         "gradient of the loss carries a 1/n.", "Divide by n = X.shape[0]."),
        (np.max(np.abs(uncentered)), "two things are missing: the centering of y and the 1/n.",
         "λmax = np.max(np.abs(X.T @ (y - y.mean()))) / n."),
        (np.max(np.abs(corr)) / (2 * n), "this is half the right value: the 2 of the 1/(2n) cancels when you "
         "differentiate the square.", "Divide by n, not 2n."),
        (np.sum(np.abs(corr)) / n, "you summed the absolute correlations (an L1 norm); λmax is their maximum "
         "(the L∞ norm): the first feature enters when ITS correlation reaches λ.", "Use np.max, not np.sum."),
        (np.max(corr) / n, "you took the largest correlation with its sign; a strongly negative one counts too.",
         "Take np.abs before np.max."),
        (np.max(uncentered) / n, "two slips: y is not centered and the largest correlation kept its sign.",
         "λmax = np.max(np.abs(X.T @ (y - y.mean()))) / n."),
        (np.linalg.norm(corr) / n, "you used the Euclidean (L2) norm; λmax needs the largest absolute entry.",
         "Use np.max(np.abs(...)) (the L∞ norm, the dual of the L1 norm)."),
    ]
    for value, message, hint in checks:
        if np.isclose(got, value, rtol=1e-8) and not np.isclose(value, expected, rtol=1e-8):
            return message, hint
    return None


def _lam_max_cases(X, y):
    """The notebook's data, the same data with y negated (the largest correlation changes sign, so a
    missing np.abs shows), and a small design whose y has a large mean."""
    rng = np.random.default_rng(3)
    Xs = rng.normal(size=(25, 4)) + np.array([0.0, 3.0, -2.0, 1.0])
    ys = Xs @ np.array([-2.0, 0.5, 0.0, 1.0]) + 10.0 + rng.normal(size=25)
    return [("your (X, y)", X, y), ("the same X with y negated", X, -y), ("a small 25 × 4 test problem", Xs, ys)]


def check_lam_max(answer, X=None, y=None) -> "Feedback":  # noqa: F821
    """Check λmax = ||Xᵀ(y − ȳ)||∞ / n (lasso with an intercept).

    ``answer`` is either a function ``my_lam_max(X, y)`` — then it is tested on the given data, on the same
    data with y negated (so a missing ``np.abs`` cannot pass by luck) and on a small problem with a large
    mean of y — or a number, compared with λmax of the given ``X, y``."""
    name = "Exercise 3.2 (λmax)"
    if not_attempted(answer):
        return pending(name, "your λmax (a function my_lam_max(X, y) or a number)")
    if X is None or y is None:
        X, y, _ = _diabetes_raw()
    try:
        X = as_design(X, "X")
        y = as_target(y, X.shape[0], "y")
    except (TypeError, ValueError) as exc:
        return wrong(name, f"The data passed to the check are not usable ({exc}).",
                     f"Pass the X_raw, y_raw the exercise loads. {RESTART_HINT}")
    if callable(answer):
        fname = getattr(answer, "__name__", "your function")
        for label, Xk, yk in _lam_max_cases(X, y):
            call = call_learner(name, answer, Xk.copy(), yk.copy(), returns="one number, λmax")
            if call.feedback is not None:
                return call.feedback
            try:
                got = as_number(call.value, f"what `{fname}` returned")
            except AnswerError as err:
                return err.feedback(name, "λmax is one number: np.max(np.abs(...)) / n.")
            expected = _lam_max(Xk, yk)
            if np.isclose(got, expected, rtol=1e-8):
                continue
            found = _lam_max_diagnosis(got, Xk, yk)
            where = f"On {label} `{fname}` returns {got:.6g} instead of {expected:.6g}: "
            if found:
                return wrong(name, where + found[0], found[1], *call.hints(answer))
            return wrong(name, where + "not λmax.", *call.hints(answer), "λmax = max_j |x_jᵀ(y − ȳ)| / n.")
        return correct(name, f"Right on all three test problems (λmax = {_lam_max(X, y):.6g} for your data). At this "
                             "λ the gradient of the loss at w = 0 just fits inside λ·[−1, 1]^p.")
    expected = _lam_max(X, y)
    if isinstance(answer, np.ndarray) and answer.size == X.shape[1] and X.shape[1] > 1:
        return wrong(name, f"this is a vector of {answer.size} numbers; λmax is one number.",
                     "Take the largest absolute value: np.max(np.abs(...)).")
    try:
        got = as_number(answer, "λmax")
    except AnswerError as err:
        return err.feedback(name, "λmax = np.max(np.abs(X.T @ (y - y.mean()))) / n, one number.")
    if not np.isfinite(got):
        return wrong(name, f"λmax = {got} is not finite.", "Look for a division by zero.")
    if np.isclose(got, expected, rtol=1e-8):
        return correct(name, "At this λ the gradient of the loss at w = 0 just fits inside λ·[−1, 1]^p.")
    found = _lam_max_diagnosis(got, X, y)
    if found:
        return wrong(name, *found)
    return compare_scalar(name, got, expected, name="λmax", rtol=1e-8,
                          extra_hints=("λmax = max_j |x_jᵀ(y − ȳ)| / n.",))


def _diabetes_raw():
    from ..data.loaders import load_diabetes

    return load_diabetes()


def check_n_selected(answer, X, y, lam) -> "Feedback":  # noqa: F821
    """Check the number of non-zero lasso coefficients at ``lam`` (solved here with a tight tolerance)."""
    name = "Exercise 3.3 (features selected)"
    if not_attempted(answer):
        return pending(name, "the number of non-zero coefficients")
    from .. import lasso

    try:
        X = as_design(X, "X")
        y = as_target(y, X.shape[0], "y")
        lam = check_lam(lam)
    except (TypeError, ValueError) as exc:
        return wrong(name, f"The data passed to the check are not usable ({exc}).",
                     f"Pass X_sel, y_sel and lam_ex as in the exercise cell. {RESTART_HINT}")
    fit = lasso(X, y, lam, tol=1e-12, max_iter=100_000)
    coef = fit.coef
    expected = int(np.count_nonzero(coef))
    p = coef.size
    if isinstance(answer, np.ndarray) and answer.size > 1:
        return wrong(name, f"this is an array of {answer.size} numbers; the answer is one count.",
                     "np.count_nonzero(fit.coef) gives a single integer.")
    try:
        got = as_number(answer, "your count")
    except AnswerError as err:
        return err.feedback(name, "np.count_nonzero(fit.coef) gives a single integer.")
    if not np.isfinite(got):
        return wrong(name, f"{got} is not a count.", "Count with np.count_nonzero(fit.coef): a whole number.")
    if got != int(got):
        return wrong(name, f"{got:g} is not a whole number.", "Count the coefficients that are exactly non-zero.")
    got = int(got)
    if got == expected:
        return correct(name, f"{expected} of the {p} coefficients are non-zero at λ = {lam:.4g}; "
                             f"the other {p - expected} features are dropped.")
    if got == p - expected:
        return wrong(name, f"{got} is the number of ZERO coefficients (the dropped features).",
                     "Count the non-zero ones: np.count_nonzero(fit.coef).")
    if got == p:
        return wrong(name, f"{got} is the total number of features.", "Count only the non-zero coefficients.")
    small = int(np.sum(np.abs(coef) > 1e-2 * np.max(np.abs(coef)))) if expected else 0
    if got == small and small != expected:
        return wrong(name, "it looks like you counted only the large coefficients.",
                     "The lasso gives exact zeros: any coefficient != 0 counts, however small.")
    return wrong(name, f"{got} is not the number of non-zero coefficients at λ = {lam:.4g}.",
                 "Fit cl.lasso(X, y, lam) and count with np.count_nonzero(fit.coef) (use the given λ, not λmax).")
