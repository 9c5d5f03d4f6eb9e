"""Chapter 2 checks: the ridge gradient, L2 decay steps, the conditioning of XᵀX + nλI, duplicated features.

Each check recognises the mistakes learners really make with the course's objective
``(1/(2n))·||y − Xw||² + λ·P(w)`` (ridge ``P = ½||w||²``) — the missing 1/n, the flipped sign, the forgotten
λw, λ where nλ belongs — and says which one it is.
"""
from __future__ import annotations

import math

import numpy as np

from .._internal.validation import as_design, as_vector, check_lam
from .feedback import (RESTART_HINT, AnswerError, as_array, as_number, call_learner, check_callable, compare_array,
                       compare_scalar, correct, not_attempted, pending, wrong)

__all__ = ["check_ridge_gradient", "check_l2_halving_steps", "check_regularized_condition_number",
           "check_duplicate_ridge_coef"]

# ---------------------------------------------------------------------------------------------------
# 1. The gradient of the ridge objective
# ---------------------------------------------------------------------------------------------------
_GRAD = "ridge gradient"


def _gradient_cases():
    rng = np.random.default_rng(20260)
    cases = []
    for n, p, lam in ((7, 3, 0.3), (12, 4, 1.7)):
        X = rng.standard_normal((n, p))
        y = rng.standard_normal(n)
        w = rng.standard_normal(p)
        cases.append((X, y, w, lam))
    return cases


def _gradient_variants(X, y, w, lam):
    """The right answer and the typical wrong ones, each with the hint it deserves."""
    n = X.shape[0]
    data = -X.T @ (y - X @ w)  # gradient of ½||y − Xw||²
    return {
        "correct": (data / n + lam * w, ""),
        "no 1/n": (data + lam * w,
                   "The loss is (1/(2n))||y − Xw||²: its gradient carries the factor 1/n. Divide Xᵀ(y − Xw) by n."),
        "1/(2n)": (data / (2 * n) + lam * w,
                   "The 2 of the square cancels the ½ of 1/(2n): the data term is −Xᵀ(y − Xw)/n, not /(2n)."),
        "data sign": (-data / n + lam * w,
                      "The data term has the wrong sign: d/dw of ||y − Xw||² is −2Xᵀ(y − Xw) (chain rule through −Xw)."),
        "both signs": (-(data / n + lam * w),
                       "Your result is minus the gradient — the descent direction. Return the gradient itself."),
        "no penalty": (data / n,
                       "The penalty term is missing: the gradient of λ·½||w||² is λw; add it."),
        "2 lam w": (data / n + 2 * lam * w,
                    "You differentiated λ||w||²; the course's ridge penalty is λ·½||w||², whose gradient is λw."),
        "n lam w": (data / n + n * lam * w,
                    "You used nλ in the gradient of the 1/(2n)-scaled objective: with this scaling the penalty's "
                    "gradient is simply λw (nλ appears only after multiplying the whole equation by n)."),
        "l1": (data / n + lam * np.sign(w),
               "λ·sign(w) is the L1 subgradient; the ridge penalty λ·½||w||² has gradient λw."),
        "no 1/n, no 1/n on penalty": ((data + lam * w) / n,
                                     "You divided the penalty's gradient by n too: only the loss has the 1/n."),
    }


def check_ridge_gradient(gradient_fn):
    """Check ``gradient_fn(X, y, w, lam)`` = gradient of ``(1/(2n))||y − Xw||² + λ·½||w||²`` (no intercept)."""
    early = check_callable(_GRAD, gradient_fn, "check_ridge_gradient(ridge_gradient)")
    if early is not None:
        return early
    results = []
    for X, y, w, lam in _gradient_cases():
        call = call_learner(_GRAD, gradient_fn, X.copy(), y.copy(), w.copy(), lam, returns="the gradient array",
                            error_hint="Use X.T @ (y - X @ w) for the data part; X is (n, p), w is (p,).")
        if call.feedback is not None:
            return call.feedback
        leak = call.hints(gradient_fn)
        try:
            got = as_array(call.value, "your gradient")
        except AnswerError as err:
            return err.feedback(_GRAD, "Return -X.T @ (y - X @ w) / n + lam * w, an array of length p.")
        if got.shape != w.shape:
            hint = ("A single number: did you return the objective instead of its gradient?" if got.size == 1
                    else "The gradient has one entry per weight: shape (p,). Check X.T @ (...) vs X @ (...).")
            return wrong(_GRAD, f"the gradient has shape {got.shape}, expected {w.shape}.", *leak, hint)
        if leak and not np.allclose(got, _gradient_variants(X, y, w, lam)["correct"][0], rtol=1e-7, atol=1e-10):
            return wrong(_GRAD, "not the gradient of the data the check passed in.", *leak)
        variants = _gradient_variants(X, y, w, lam)
        match = next((name for name, (value, _) in variants.items() if np.allclose(got, value, rtol=1e-7, atol=1e-10)),
                     None)
        results.append((match, variants))
    names = {m for m, _ in results}
    if names == {"correct"}:
        return correct(_GRAD, "∇f(w) = −Xᵀ(y − Xw)/n + λw, right on both test problems.")
    for match, variants in results:
        if match not in (None, "correct"):
            return wrong(_GRAD, "not the gradient of the ridge objective.", variants[match][1])
    fb = compare_array(_GRAD, got, results[-1][1]["correct"][0], name="your gradient")
    fb.hints.append("Expected −Xᵀ(y − Xw)/n + λw. Check it term by term on a tiny example (n = 2, p = 1).")
    return fb


# ---------------------------------------------------------------------------------------------------
# 2. Steps for the L2 penalty alone to halve a weight
# ---------------------------------------------------------------------------------------------------
_HALF = "L2 halving steps"
HALVING = dict(w0=1.0, step=0.1, lam=0.2)


def check_l2_halving_steps(answer, w0=HALVING["w0"], step=HALVING["step"], lam=HALVING["lam"]):
    """Smallest k with |w_k| <= |w0|/2 when ``w_{k+1} = (1 − ηλ) w_k`` (gradient descent on λ·½w² alone)."""
    if not_attempted(answer):
        return pending(_HALF, "a whole number of steps")
    q = 1.0 - step * lam
    real = math.log(0.5) / math.log(q)
    k_exact = math.ceil(real)
    approx = math.log(2.0) / (step * lam)
    l1_steps = math.ceil(0.5 * abs(w0) / (step * lam))
    try:
        a = as_number(answer, "your number of steps")
    except AnswerError as err:
        return err.feedback(_HALF, "If you simulated, count the steps: e.g. int(np.argmax(w_path <= 0.5 * w0)).")
    if not np.isfinite(a):
        return wrong(_HALF, f"{a} is not a number of steps.", "Solve (1 − ηλ)^k ≤ 1/2 for the smallest whole k.")
    if a == k_exact:
        return correct(_HALF, f"{k_exact} steps: (1 − ηλ)^{k_exact} = {q ** k_exact:.4f} ≤ 1/2 < "
                              f"(1 − ηλ)^{k_exact - 1} = {q ** (k_exact - 1):.4f}.")
    if not a.is_integer():
        if math.isclose(a, real, rel_tol=1e-3):
            return wrong(_HALF, f"{a:.4g} solves (1 − ηλ)^k = 1/2 exactly, but steps come whole.",
                         "After k steps the weight is (1 − ηλ)^k w0: take the smallest whole k that reaches half (round up).")
        if math.isclose(a, approx, rel_tol=1e-3):
            return wrong(_HALF, f"{a:.4g} is ln 2/(ηλ): it uses ln(1 − ηλ) ≈ −ηλ.",
                         "Use the exact ratio ln(1/2)/ln(1 − ηλ), then round up to a whole step.")
        return wrong(_HALF, f"{a:.4g} is not a whole number of steps.", "Count steps: the answer is an integer.")
    if a == k_exact - 1:
        return wrong(_HALF, f"after {int(a)} steps the weight is still {q ** int(a) * abs(w0):.4f} > {abs(w0) / 2:g}.",
                     "You rounded down; the weight only drops to half one step later.")
    if a == l1_steps:
        return wrong(_HALF, f"{int(a)} steps is what the L1 penalty would take (it moves ηλ = {step * lam:g} per step).",
                     "Under L2 the step is ηλ·w: it shrinks as w shrinks, so the decay is geometric: w_k = (1 − ηλ)^k w0.")
    if a < 0:
        return wrong(_HALF, "a number of steps cannot be negative.", "ln(1/2) and ln(1 − ηλ) are both negative.")
    return wrong(_HALF, f"{int(a)} steps is not right: (1 − ηλ)^{int(a)} w0 = {q ** int(a) * abs(w0):.4g}.",
                 "Each step multiplies the weight by (1 − ηλ); solve (1 − ηλ)^k ≤ 1/2 for the smallest whole k.")


# ---------------------------------------------------------------------------------------------------
# 3. Condition number of the regularized Gram matrix
# ---------------------------------------------------------------------------------------------------
_COND = "condition number of XᵀX + nλI"


def check_regularized_condition_number(answer, X, lam):
    """κ(XᵀX + nλI) = (d_max² + nλ)/(d_min² + nλ) for the X and λ given (X used as is)."""
    if not_attempted(answer):
        return pending(_COND, "a number")
    try:
        X = as_design(X, "X_cond")
        lam = check_lam(lam)
    except (TypeError, ValueError) as exc:
        return wrong(_COND, f"The data passed to the check are not usable ({exc}).",
                     f"Pass X_cond and lam_cond as in the exercise cell. {RESTART_HINT}")
    n = X.shape[0]
    d = np.linalg.svd(X, compute_uv=False)
    dmax2, dmin2 = d[0] ** 2, d[-1] ** 2
    expected = (dmax2 + n * lam) / (dmin2 + n * lam)
    fb = compare_scalar(_COND, answer, expected, name="your condition number", rtol=1e-6)
    if fb.correct or fb.status != "incorrect":
        if fb.correct:
            fb.message = f"κ = (d_max² + nλ)/(d_min² + nλ) = {expected:.6g}."
        return fb
    try:
        a = as_number(answer)
    except AnswerError:
        return fb
    known = [
        (dmax2 / dmin2, "That is κ(XᵀX) without the ridge term: add nλ to every eigenvalue."),
        ((dmax2 + lam) / (dmin2 + lam), "You added λ; the ridge system is XᵀX + nλI (n times λ, from the 1/(2n) scaling)."),
        (d[0] / d[-1], "That is κ(X); XᵀX has eigenvalues d², so κ(XᵀX) = κ(X)² — and then add nλ."),
        ((d[0] + n * lam) / (d[-1] + n * lam), "Add nλ to the squared singular values d² (the eigenvalues of XᵀX), not to d."),
        (1.0 / expected, "Upside down: κ = largest eigenvalue / smallest, which is ≥ 1."),
    ]
    for value, hint in known:
        if math.isclose(a, value, rel_tol=1e-6):
            return wrong(_COND, f"{a:.6g} is not κ(XᵀX + nλI).", hint)
    return fb


# ---------------------------------------------------------------------------------------------------
# 4. Ridge on an exactly duplicated feature
# ---------------------------------------------------------------------------------------------------
_DUP = "ridge on a duplicated feature"


def check_duplicate_ridge_coef(answer, x, y, lam):
    """Ridge (no intercept, x and y centered) on the design [x, x]: both weights equal xᵀy/(2xᵀx + nλ)."""
    if not_attempted(answer):
        return pending(_DUP, "the two coefficients, e.g. np.array([a, b])")
    try:
        x = as_vector(x, "x_dup")
        y = as_vector(y, "y_dup")
        lam = check_lam(lam)
        if x.shape != y.shape:
            raise ValueError(f"x_dup has {x.size} entries but y_dup has {y.size}")
    except (TypeError, ValueError) as exc:
        return wrong(_DUP, f"The data passed to the check are not usable ({exc}).",
                     f"Pass x_dup, y_dup, lam_dup as in the exercise cell. {RESTART_HINT}")
    n = x.shape[0]
    xx, xy = float(x @ x), float(x @ y)
    a = xy / (2 * xx + n * lam)
    expected = np.array([a, a])
    try:
        got = as_array(answer, "your coefficients").ravel()
    except AnswerError as err:
        return err.feedback(_DUP, "Give the two coefficients as np.array([w1, w2]).")
    if not np.all(np.isfinite(got)):
        return wrong(_DUP, "your coefficients contain NaN or infinite values.",
                     "Look for a division by zero: 2xᵀx + nλ > 0 here.")
    if got.shape != (2,):
        return wrong(_DUP, f"give both coefficients (2 numbers), got {got.size}.",
                     "The design [x, x] has two columns, so w has two entries.")
    if np.allclose(got, expected, rtol=1e-6, atol=1e-12):
        return correct(_DUP, f"w1 = w2 = xᵀy/(2xᵀx + nλ) = {a:.6g}: the weight is split exactly in half.")
    single = xy / (xx + n * lam)
    if np.allclose(np.sort(got), np.sort([single, 0.0]), rtol=1e-6, atol=1e-12) or \
            np.allclose(np.sort(got), np.sort([2 * a, 0.0]), rtol=1e-6, atol=1e-12):
        return wrong(_DUP, "all the weight on one copy is what a lasso solver may return, not ridge.",
                     "Swapping the two columns leaves the ridge objective unchanged and it has a unique minimiser, "
                     "so w1 = w2.")
    if np.allclose(got, [single, single], rtol=1e-6):
        return wrong(_DUP, "that is the one-feature ridge coefficient given to both copies: the fit would count x twice.",
                     "Set w1 = w2 = a and minimise (1/(2n))||y − 2a·x||² + λa² over a.")
    if np.allclose(got, [single / 2, single / 2], rtol=1e-6):
        return wrong(_DUP, "halving the one-feature ridge solution is not the same problem.",
                     "Two half-weights pay penalty λ·½(a² + a²) = λa², half what one weight 2a pays: "
                     "minimise (1/(2n))||y − 2a·x||² + λa².")
    if not np.isclose(got[0], got[1], rtol=1e-6):
        return wrong(_DUP, "the two coefficients differ, but the two columns are identical.",
                     "By symmetry and uniqueness the ridge weights of identical columns are equal.")
    return compare_array(_DUP, got, expected, name="your coefficients",
                         extra_hints=("Stationarity for w1 = w2 = a: −xᵀ(y − 2a·x)/n + λa = 0.",))
