"""Chapter 1 exercise checks: the ridge penalty of spread-out weights, ridge's closed form, its SVD
shrinkage factors, and one weight-decay step.

Each check recomputes the expected answer itself and, when the learner's answer is wrong, tests it against
the typical wrong answers (a forgotten ½, λ where the objective has nλ, no centering, a factor
added to every entry instead of the diagonal, singular values instead of their squares, the decay applied
without the step size…) so that the feedback names the mistake.
"""
from __future__ import annotations

import numpy as np

from .._internal.validation import as_design, as_target, as_vector, check_lam, check_scalar
from .feedback import (RESTART_HINT, AnswerError, as_array, as_number, call_learner, check_callable, compare_array,
                       compare_scalar, correct, not_attempted, pending, wrong)

__all__ = ["check_spread_penalty", "check_ridge_closed_form", "check_shrinkage_factors", "check_weight_decay_step",
           "ch1_uncentered_data"]


def _sentence(message: str) -> str:
    """Capitalise an ASCII first letter (a leading λ or x̄ stays as written: "Λ" would change the meaning)."""
    return message[0].upper() + message[1:] if message[:1].isascii() else message


def _close(a, b, rtol=1e-6, atol=1e-9):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


# --- 1.1 the ridge penalty of a spread-out vector ------------------------------------------------------------

def check_spread_penalty(answer, mass, k) -> "Feedback":  # noqa: F821
    """``answer`` should be the ridge penalty ``½||w||₂²`` of the vector that puts ``mass/k`` on each of
    ``k`` coordinates: ``½·k·(mass/k)² = mass²/(2k)``."""
    name = "Exercise 1.1 (the ridge penalty of spread-out weights)"
    if not_attempted(answer):
        return pending(name, "the penalty ½||w||² of the spread vector")
    mass = check_scalar(mass, "mass")
    k = check_scalar(k, "k", low=1, integer=True)
    expected = mass * mass / (2.0 * k)
    if isinstance(answer, np.ndarray) and answer.size > 1:
        return wrong(name, f"Your answer is an array of shape {answer.shape}; the penalty is one number.",
                     "Build w = np.full(k, mass / k), then compute 0.5 * np.sum(w**2).")
    try:
        got = as_number(answer, "your penalty")
    except AnswerError as err:
        return err.feedback(name, "Build w = np.full(k, mass / k), then compute 0.5 * np.sum(w**2).")
    known = [
        (mass * mass / k, "that is ||w||₂², without the ½.", "The course's ridge penalty is P(w) = ½||w||₂²."),
        (mass / np.sqrt(k), "that is the norm ||w||₂ itself, not the penalty.", "Square it and halve it: ½||w||₂²."),
        (mass, "That is the L1 norm Σ|wᵢ|: it does not change when the mass is spread.",
         "Square each entry: ½·Σ wᵢ²."),
        (0.5 * mass * mass, "That is the penalty of the CONCENTRATED vector (all the mass on one weight).",
         "Spread it: each of the k weights is mass/k."),
        (0.5 * mass * mass / (k * k), "that is the penalty of ONE of the k weights.", "Add up all k of them."),
    ]
    if np.isfinite(got) and not np.isclose(got, expected, rtol=1e-9):
        for value, message, hint in known:
            if np.isclose(got, value, rtol=1e-9):
                return wrong(name, _sentence(message), hint)
    fb = compare_scalar(name, got, expected, name="your penalty", rtol=1e-9,
                        extra_hints=("½||w||² of w = np.full(k, mass / k) is 0.5 * np.sum(w**2).",))
    if fb.correct:
        return correct(name, f"½||w||² = mass²/(2k) = {expected:.6g}: {k} times cheaper than putting all the "
                             f"mass on one weight ({0.5 * mass * mass:.6g}), while the L1 norm is {mass:g} either way.")
    return fb


# --- 1.2 ridge in closed form -----------------------------------------------------------------------------------

def _ridge_problem(seed=7, n=40, p=6):
    """A small design whose columns have non-zero means and different scales, and a y with a non-zero mean."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p)) * np.linspace(0.5, 3.0, p) + np.linspace(-2.0, 4.0, p)
    y = X @ rng.standard_normal(p) + 5.0 + rng.standard_normal(n)
    return X, y


def _solve(X, y, shift, *, center=True, diag_only=True):
    """Coefficients of ``(XᵀX + shift·I) w = Xᵀy`` (optionally on centered data, optionally shift everywhere)."""
    Xc = X - X.mean(axis=0) if center else X
    yc = y - y.mean() if center else y
    A = Xc.T @ Xc
    A = A + shift * np.eye(X.shape[1]) if diag_only else A + shift
    return np.linalg.solve(A, Xc.T @ yc)


def _unpack(out):
    """(coef, intercept) from what the learner returned; intercept None when only coef came back."""
    if isinstance(out, (tuple, list)) and len(out) == 2:
        return out[0], out[1]
    if hasattr(out, "coef") and hasattr(out, "intercept"):  # a Fit object
        return out.coef, out.intercept
    return out, None


def _penalized_intercept(X, y, shift):
    """(coef, intercept) when the intercept is a column of ones INSIDE the penalty (the classic slip)."""
    n = X.shape[0]
    Xa = np.column_stack([np.ones(n), X])
    beta = np.linalg.solve(Xa.T @ Xa + shift * np.eye(Xa.shape[1]), Xa.T @ y)
    return beta[1:], float(beta[0])


_INTERCEPT_PENALIZED = ("The intercept is not penalized: center X and y instead of adding a column of ones "
                        "to X (a ones column inside (XᵀX + nλI) shrinks the intercept too), then b = ȳ − x̄ᵀw.")


def check_ridge_closed_form(fn, lam=0.5) -> "Feedback":  # noqa: F821
    """``fn(X, y, lam)`` should return ``(coef, intercept)`` minimising
    ``(1/(2n))||y − Xw − b||² + λ·½||w||²``, i.e. ``coef = (XcᵀXc + nλI)⁻¹Xcᵀyc`` on centered data and
    ``intercept = ȳ − x̄ᵀcoef``.  Tested on a design with non-zero column means, so centering matters."""
    name = "Exercise 1.2 (ridge in closed form)"
    fname = getattr(fn, "__name__", "ridge_closed_form")
    early = check_callable(name, fn, "check_ridge_closed_form(ridge_closed_form)")
    if early is not None:
        return early
    lam = check_lam(lam)
    X, y = _ridge_problem()
    n, p = X.shape
    call = call_learner(name, fn, X.copy(), y.copy(), lam, returns="coef, intercept",
                        error_hint="The matrix to invert is p×p: X.T @ X (not X @ X.T), and the right-hand side "
                                   "is X.T @ y.")
    if call.feedback is not None:
        return call.feedback
    leak = call.hints(fn)
    coef, intercept = _unpack(call.value)
    try:
        coef = as_array(coef, "coef")
    except AnswerError as err:
        return err.feedback(name, *leak, "Return a tuple (coef, intercept) with coef = np.linalg.solve(A, b).")
    pen_coef, pen_b = _penalized_intercept(X, y, n * lam)
    if coef.shape != (p,):
        if coef.size == p + 1 and (_close(coef.ravel()[1:], pen_coef) or _close(coef.ravel()[:-1], pen_coef)):
            return wrong(name, f"Your coef has {p + 1} entries: the intercept is in it, as a penalized coefficient.",
                         _INTERCEPT_PENALIZED)
        if coef.size == p:
            return wrong(name, f"Your coef has shape {coef.shape}, expected ({p},).", "Flatten it with coef.ravel().",
                         *leak)
        if coef.shape == (n,):
            return wrong(name, f"Your coef has {n} entries, one per sample; it needs one per feature ({p}).",
                         *leak, "Solve the p×p system (X.T @ X + n·λ·I) w = X.T @ y.")
        return wrong(name, f"Your coef has shape {coef.shape}, expected ({p},).", *leak,
                     "Return (coef, intercept): coef a length-p array, intercept a number.")
    if not np.all(np.isfinite(coef)):
        return wrong(name, "Your coef contains NaN or infinite values.", *leak,
                     "np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc) needs no division.")
    expected = _solve(X, y, n * lam)
    expected_b = float(y.mean() - X.mean(axis=0) @ expected)
    if not _close(coef, expected):
        if leak:
            return wrong(name, "Your coefficients are not those of the data the check passed in.", *leak)
        mistakes = [
            (pen_coef, "The intercept was fitted as a column of ones inside the penalty.", _INTERCEPT_PENALIZED),
            (_solve(X, y, lam), "Your coefficients solve (XᵀX + λI)w = Xᵀy: λ where the objective needs nλ.",
             "With the 1/(2n) in front of the squared error the normal equations are (XᵀX + nλI)w = Xᵀy "
             "(scikit-learn's Ridge(alpha) has alpha = nλ)."),
            (_solve(X, y, 2 * n * lam), "Your coefficients use 2nλ: that is the penalty λ||w||² without the ½.",
             "The course's ridge penalty is λ·½||w||², whose gradient is λw, so the shift is nλ."),
            (_solve(X, y, n * lam / 2), "Your coefficients use nλ/2 instead of nλ.",
             "Differentiate (1/(2n))||y − Xw||² + (λ/2)||w||²: multiply through by n to get XᵀX + nλI."),
            (_solve(X, y, n * lam, center=False), "The coefficients come from X and y without centering.",
             "Subtract the column means of X and the mean of y first: otherwise the intercept is left out "
             "(the model is forced through the origin) and the coefficients absorb it."),
            (_solve(X, y, n * lam, diag_only=False), "Nλ was added to EVERY entry of XᵀX, not only its diagonal.",
             "Add n·λ·np.eye(p): the penalty adds nλ on the diagonal only."),
            (_solve(X, y, n * n * lam), "your coefficients use n²λ.", "The shift is n·λ, once."),
        ]
        for candidate, message, hint in mistakes:
            if _close(coef, candidate):
                return wrong(name, _sentence(message), hint)
        return compare_array(name, coef, expected, name="coef", rtol=1e-6,
                             extra_hints=("The normal equations on centered data: (XcᵀXc + nλI) w = Xcᵀyc.",))
    if intercept is None:
        return wrong(name, "The coefficients are right, but the function returned only them.",
                     f"Return a tuple from `{fname}`: return coef, y.mean() - X.mean(axis=0) @ coef.")
    try:
        b = as_number(intercept, "the intercept")
    except AnswerError as err:
        return err.feedback(name, "intercept = ȳ − x̄ᵀw, one number.")
    if np.isclose(b, expected_b, rtol=1e-6, atol=1e-9):
        return correct(name, "Centered normal equations with nλ on the diagonal, and b = ȳ − x̄ᵀw: "
                             "the same answer as cl.ridge.")
    if np.isclose(b, float(y.mean()), rtol=1e-9):
        return wrong(name, "The coefficients are right; the intercept is ȳ alone.",
                     "Undo the centering of X as well: b = ȳ − x̄ᵀw.")
    if np.isclose(b, float(y.mean() + X.mean(axis=0) @ expected), rtol=1e-9):
        return wrong(name, "The coefficients are right; the intercept has x̄ᵀw with the wrong sign.",
                     "b = ȳ − x̄ᵀw: the fitted line passes through (x̄, ȳ).")
    if np.isclose(b, 0.0, atol=1e-12):
        return wrong(name, "The coefficients are right; the intercept is 0.", "b = ȳ − x̄ᵀw (here y has mean ≈ "
                     f"{y.mean():.3g}).")
    return wrong(name, f"The coefficients are right; the intercept {b:.6g} is not (expected {expected_b:.6g}).",
                 *leak, "b = ȳ − x̄ᵀw.")


# --- 1.3 shrinkage factors ----------------------------------------------------------------------------------------

def ch1_uncentered_data():
    """``X, y`` for exercises 1.3 and 1.4: 40 samples, 6 columns whose means (−2 … 4) and scales (0.5 … 3)
    differ, as raw data do, so forgetting to center gives a different (wrong) answer."""
    return _ridge_problem(seed=2026)


def _centered_singular_values(X):
    Xc = np.asarray(X, dtype=float) - np.asarray(X, dtype=float).mean(axis=0)
    return np.linalg.svd(Xc, compute_uv=False)


def _notebook_design(exercise, X, what):
    """X from the notebook, validated; a Feedback saying which cell to run when it is not usable."""
    try:
        return as_design(X, what), None
    except (TypeError, ValueError) as exc:
        return None, wrong(exercise, f"The {what} passed to the check is not usable ({exc}).",
                           f"Pass the {what} the exercise names. {RESTART_HINT}")


def check_shrinkage_factors(answer, X, lam) -> "Feedback":  # noqa: F821
    """``answer`` should be ``d_j²/(d_j² + nλ)`` for the singular values d_j of the centered X,
    in the order of decreasing d_j (as ``np.linalg.svd`` returns them)."""
    name = "Exercise 1.3 (shrinkage factors)"
    if not_attempted(answer):
        return pending(name, "the array of factors")
    X, bad = _notebook_design(name, X, "design X")
    if bad is not None:
        return bad
    lam = check_lam(lam)
    n, p = X.shape
    d = _centered_singular_values(X)
    d2 = d * d
    expected = d2 / (d2 + n * lam)
    try:
        got = as_array(answer, "your factors")
    except AnswerError as err:
        return err.feedback(name, "factors = d**2 / (d**2 + n * lam) with d from np.linalg.svd(Xc, compute_uv=False).")
    if got.size == 1:
        value = float(got.reshape(-1)[0])
        if np.isclose(value, expected.sum(), rtol=1e-6):
            return wrong(name, "That is their SUM, the effective degrees of freedom.",
                         "Return the whole array of factors, one per singular direction.")
        return wrong(name, "The answer should be an array with one factor per singular direction.",
                     "Use np.linalg.svd(Xc, compute_uv=False) to get all singular values.")
    got = got.ravel()
    d_raw = np.linalg.svd(X, compute_uv=False)
    ones = np.column_stack([np.ones(n), X])
    d_ones = np.linalg.svd(ones, compute_uv=False)
    d_ones_c = np.linalg.svd(ones - ones.mean(axis=0), compute_uv=False)
    if got.size == p + 1:
        for dd in (d_ones, d_ones_c):
            if _close(got, dd ** 2 / (dd ** 2 + n * lam)):
                return wrong(name, f"You have {p + 1} factors: a column of ones (the intercept) was added to X "
                                   f"and is shrunk like a feature.",
                             "The intercept is not penalized: center X (subtract its column means) and use the "
                             "p singular values of the centered X only.")
    if got.shape == expected.shape and not _close(got, expected):
        mistakes = [
            (expected[::-1], "right values in the wrong order (smallest first).",
             "Keep np.linalg.svd's order: decreasing singular values, so the factors decrease too."),
            (d / (d + n * lam), "You used the singular values d, not their squares d².",
             "The factor is d²/(d² + nλ): square the singular values."),
            (d2 / (d2 + lam), "λ where the formula needs nλ.", "The factor is d²/(d² + nλ) with n = X.shape[0]."),
            (n * lam / (d2 + n * lam), "That is 1 − factor, the share REMOVED from each direction.",
             "The factor kept is d²/(d² + nλ)."),
            ((d2 / n) / (d2 / n + n * lam), "You used the eigenvalues of XᵀX/n with nλ: the n is counted twice.",
             "Either d²/(d² + nλ) with d the singular values of X, or e/(e + λ) with e those of XᵀX/n."),
            ((d_raw ** 2) / (d_raw ** 2 + n * lam), "Those are the singular values of X before centering.",
             "Subtract the column means first: the intercept is not penalized, so ridge works on centered X."),
            ((d_raw / (d_raw + n * lam)), "Two slips: X was not centered and d was not squared.",
             "Center X, then use d²/(d² + nλ)."),
        ]
        for candidate, message, hint in mistakes:
            if _close(got, candidate):
                return wrong(name, _sentence(message), hint)
    fb = compare_array(name, got, expected, name="your factors", rtol=1e-8,
                       extra_hints=("d = np.linalg.svd(X - X.mean(axis=0), compute_uv=False); "
                                    "factors = d**2 / (d**2 + n * lam).",))
    if fb.correct:
        return correct(name, f"Factors from {expected[0]:.4g} (strongest direction) down to {expected[-1]:.4g} "
                             f"(weakest); their sum, the effective degrees of freedom, is {expected.sum():.4g}.")
    return fb


# --- 1.4 one weight-decay step --------------------------------------------------------------------------------------

def check_weight_decay_step(answer, w, X, y, eta, lam, fit_intercept=True) -> "Feedback":  # noqa: F821
    """``answer`` should be ``(1 − ηλ)·w − η·∇L(w)`` with ``L(w) = (1/(2n))||yc − Xc w||²`` on centered data
    (the intercept is unpenalized and handled by centering; ``fit_intercept=False`` uses X and y as they are),
    i.e. ``∇L(w) = −Xcᵀ(yc − Xc w)/n``.  Data that are already centered give the same answer either way."""
    name = "Exercise 1.4 (one weight-decay step)"
    if not_attempted(answer):
        return pending(name, "the new weight vector")
    X, bad = _notebook_design(name, X, "design X")
    if bad is not None:
        return bad
    try:
        y = as_target(y, X.shape[0])
        w = as_vector(w, "w0")
        if w.shape[0] != X.shape[1]:
            raise ValueError(f"w0 has {w.shape[0]} entries but X has {X.shape[1]} columns")
    except (TypeError, ValueError) as exc:
        return wrong(name, f"The data passed to the check do not fit together ({exc}).",
                     f"Pass w0, X, y, eta, lam as in the exercise cell. {RESTART_HINT}")
    eta = check_scalar(eta, "eta", low=0.0, low_inclusive=False)
    lam = check_lam(lam)
    n = X.shape[0]
    Xc = X - X.mean(axis=0) if fit_intercept else X
    yc = y - y.mean() if fit_intercept else y
    grad = -Xc.T @ (yc - Xc @ w) / n
    expected = (1.0 - eta * lam) * w - eta * grad
    try:
        got_arr = as_array(answer, "your new w")
    except AnswerError as err:
        return err.feedback(name, "w1 = (1 - eta * lam) * w0 - eta * grad, an array like w0.")
    if got_arr.shape == expected.shape and not _close(got_arr, expected, rtol=1e-9):
        grad_raw = -X.T @ (y - X @ w) / n
        grad_y_only = -X.T @ (yc - X @ w) / n
        mistakes = [
            ((1.0 - eta * lam) * w + eta * grad, "the gradient step goes uphill: its sign is flipped.",
             "∇L(w) = −Xᵀ(y − Xw)/n; the step subtracts η·∇L(w)."),
            ((1.0 - eta * lam) * w - eta * grad * n, "the gradient is missing its 1/n.",
             "L(w) = (1/(2n))||y − Xw||², so ∇L(w) = −Xᵀ(y − Xw)/n."),
            ((1.0 - lam) * w - eta * grad, "the decay factor is (1 − λ); it should be (1 − ηλ).",
             "The penalty's gradient λw is also multiplied by the step size η."),
            ((1.0 - 2.0 * eta * lam) * w - eta * grad, "the decay factor is (1 − 2ηλ).",
             "The penalty is λ·½||w||², whose gradient is λw (not 2λw)."),
            ((1.0 - eta * lam) * (w - eta * grad), "You decayed the weights AFTER the gradient step.",
             "Both terms use the current w: (1 − ηλ)·w − η·∇L(w)."),
            (w - eta * grad, "There is no decay: this is a plain gradient step on the unpenalized loss.",
             "Multiply w by (1 − ηλ) before subtracting η·∇L(w)."),
            ((1.0 - eta * lam) * w, "only the decay is there; the gradient step of the loss is missing.",
             "Subtract η·∇L(w) with ∇L(w) = −Xᵀ(y − Xw)/n."),
            ((1.0 - eta * lam) * w - eta * grad_raw, "the gradient uses X and y without centering.",
             "The intercept is unpenalized and handled by centering: Xc = X − X.mean(axis=0), yc = y − y.mean(), "
             "then ∇L(w) = −Xcᵀ(yc − Xc w)/n."),
            ((1.0 - eta * lam) * w - eta * grad_y_only, "y was centered but X was not.",
             "Center both: Xc = X − X.mean(axis=0) as well as yc = y − y.mean()."),
        ]
        for candidate, message, hint in mistakes:
            if _close(got_arr, candidate, rtol=1e-9):
                return wrong(name, _sentence(message), hint)
    fb = compare_array(name, got_arr, expected, name="your new w", rtol=1e-9,
                       extra_hints=("grad = -Xc.T @ (yc - Xc @ w0) / n on centered data; "
                                    "w1 = (1 - eta * lam) * w0 - eta * grad.",))
    if fb.correct:
        return correct(name, "(1 − ηλ)·w − η·∇L(w): exactly a gradient step on the ridge objective, "
                             "w − η·(∇L(w) + λw), written as a decay followed by the loss step.")
    return fb
