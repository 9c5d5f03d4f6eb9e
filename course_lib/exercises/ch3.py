"""Chapter 3 exercise checks: soft-thresholding, λmax, and counting the features a lasso keeps.

Each check recognises the mistakes learners actually make (hard- instead of soft-thresholding, a lost
sign, a missing ``max(·, 0)``, λmax without centering or without the 1/n, counting every coefficient
instead of the non-zero ones) and names them.
"""
from __future__ import annotations

import numpy as np

from .feedback import compare_scalar, correct, not_attempted, pending, wrong

__all__ = ["check_soft_threshold", "check_lam_max", "check_n_selected"]

# Test points for soft-thresholding: both signs, inside and outside [-t, t], the boundary, and zero.
_Z = np.array([-3.0, -1.5, -1.0, -0.4, 0.0, 0.3, 1.0, 1.2, 2.5])
_T = 1.0


def _soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def _call_vectorised(fn, z, t):
    """fn(z, t) on an array; falls back to element by element for a scalar-only implementation."""
    try:
        out = fn(z.copy(), t)
        if out is None:
            return None, False
        out = np.asarray(out, dtype=float)
        if out.shape == z.shape:
            return out, True
    except Exception:  # noqa: BLE001 — a scalar-only function (e.g. uses `if z > t`) fails on arrays
        pass
    vals = []
    for zi in z:
        v = fn(float(zi), t)
        if v is None:
            return None, False
        vals.append(float(np.asarray(v, dtype=float).reshape(-1)[0]))
    return np.array(vals), False


def check_soft_threshold(fn) -> "Feedback":  # noqa: F821
    """Check a learner's ``soft_threshold(z, t)`` = ``sign(z)·max(|z| − t, 0)`` on a set of test points."""
    name = "Exercise 3.1 (soft-thresholding)"
    if not_attempted(fn):
        return pending(name, "your function")
    if not callable(fn):
        return wrong(name, f"pass the function itself (got a {type(fn).__name__}).",
                     "Write check_soft_threshold(soft_threshold), without calling it.")
    try:
        got, vectorised = _call_vectorised(fn, _Z, _T)
    except Exception as exc:  # noqa: BLE001 — show the learner their own error
        return wrong(name, f"calling your function raised {type(exc).__name__}: {exc}",
                     "Test it by hand first, e.g. soft_threshold(np.array([-2.0, 0.5, 2.0]), 1.0).")
    if got is None:
        return pending(name, "a body that returns the thresholded values")
    expected = _soft(_Z, _T)
    if not np.all(np.isfinite(got)):
        return wrong(name, "your function returned NaN or infinite values.", "No division is needed.")
    if np.allclose(got, expected, atol=1e-12):
        if vectorised:
            return correct(name, "Exact zeros on [−t, t] and every other value moved t towards 0.")
        return correct(name, "Right values. It only works one number at a time: with np.sign, np.abs and "
                             "np.maximum it would work on whole arrays too.")
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
    return wrong(name, f"at z = {_Z[worst]:g}, t = {_T:g} you return {got[worst]:.4g}; expected {expected[worst]:.4g}.",
                 "sign(z)·max(|z| − t, 0): zero on [−t, t], otherwise t closer to 0.")


def _lam_max(X, y):
    n = X.shape[0]
    return float(np.max(np.abs(X.T @ (y - y.mean()))) / n)


def check_lam_max(answer, X, y) -> "Feedback":  # noqa: F821
    """Check λmax = ||Xᵀ(y − ȳ)||∞ / n for the given data (lasso with an intercept)."""
    name = "Exercise 3.2 (λmax)"
    if not_attempted(answer):
        return pending(name, "your value of λmax")
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n = X.shape[0]
    expected = _lam_max(X, y)
    if isinstance(answer, str):
        return wrong(name, f"{answer!r} is text, not a number.", "Compute it with numpy instead of typing it in quotes.")
    if isinstance(answer, np.ndarray) and answer.size == X.shape[1] and X.shape[1] > 1:
        return wrong(name, f"this is a vector of {answer.size} numbers; λmax is one number.",
                     "Take the largest absolute value: np.max(np.abs(...)).")
    try:
        got = float(answer)
    except (TypeError, ValueError):
        return compare_scalar(name, answer, expected, name="λmax")
    if np.isclose(got, expected, rtol=1e-8):
        return correct(name, "At this λ the gradient of the loss at w = 0 just fits inside λ·[−1, 1]^p.")
    corr = X.T @ (y - y.mean())
    uncentered = X.T @ y
    checks = [
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
        (np.linalg.norm(corr) / n, "you used the Euclidean (L2) norm; λmax needs the largest absolute entry.",
         "Use np.max(np.abs(...)) (the L∞ norm, the dual of the L1 norm)."),
    ]
    for value, message, hint in checks:
        if np.isclose(got, value, rtol=1e-8) and not np.isclose(value, expected, rtol=1e-8):
            return wrong(name, message, hint)
    return compare_scalar(name, got, expected, name="λmax", rtol=1e-8,
                          extra_hints=("λmax = max_j |x_jᵀ(y − ȳ)| / n.",))


def check_n_selected(answer, X, y, lam) -> "Feedback":  # noqa: F821
    """Check the number of non-zero lasso coefficients at ``lam`` (solved here with a tight tolerance)."""
    name = "Exercise 3.3 (features selected)"
    if not_attempted(answer):
        return pending(name, "the number of non-zero coefficients")
    from .. import lasso

    fit = lasso(X, y, lam, tol=1e-12, max_iter=100_000)
    coef = fit.coef
    expected = int(np.count_nonzero(coef))
    p = coef.size
    if isinstance(answer, (bool, np.bool_)):
        return wrong(name, "a True/False is not a count.", "Use np.count_nonzero(fit.coef).")
    if isinstance(answer, str):
        return wrong(name, f"{answer!r} is text, not a number.", "Remove the quotes: give the count as a whole number.")
    if isinstance(answer, np.ndarray) and answer.size > 1:
        return wrong(name, f"this is an array of {answer.size} numbers; the answer is one count.",
                     "np.count_nonzero(fit.coef) gives a single integer.")
    try:
        got = float(answer)
    except (TypeError, ValueError):
        return wrong(name, f"expected a whole number, got {type(answer).__name__}.", "Use np.count_nonzero(fit.coef).")
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
