"""Chapter 4 exercise checks: a subgradient of the lasso objective, the KKT check, deciding optimality, and
one ISTA step.

The exercises use small centred data sets (so the intercept is 0 and the objective is
``(1/(2n))||y − Xw||² + λ||w||₁``), built from explicit seeds.  Each check recognises the mistakes that
learners actually make with these formulas — a missing soft-threshold, the threshold λ instead of ηλ, a
flipped gradient sign, a lost 1/n, treating a zero weight as if sign(0) = 0 settled optimality — and
names them.
"""
from __future__ import annotations

import numpy as np

from .feedback import AnswerError, as_array, call_learner, check_callable, correct, not_attempted, pending, wrong

__all__ = ["ch4_ista_data", "check_ista_step", "ch4_subgradient_data", "check_lasso_subgradient",
           "ch4_kkt_data", "check_kkt_violations", "ch4_candidates", "check_optimal_candidate"]


def _centred_data(seed, n, p):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p))
    X -= X.mean(axis=0)
    X /= np.sqrt((X ** 2).mean(axis=0))          # standardised columns: x_jᵀx_j/n = 1
    w_true = np.zeros(p)
    w_true[:2] = (1.5, -1.0)
    y = X @ w_true + 0.5 * rng.normal(size=n)
    y -= y.mean()
    return X, y


def _grad(X, y, w):
    """Gradient of (1/(2n))||y − Xw||²: −Xᵀ(y − Xw)/n."""
    return -X.T @ (y - X @ w) / X.shape[0]


def _soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0


def _as_float_array(answer, shape):
    try:
        got = as_array(answer, "it")
    except AnswerError as err:
        text = err.message[3:] if err.message.startswith("it ") else err.message
        return None, text.rstrip(".")
    if got.size == int(np.prod(shape)) and got.shape != shape and got.ndim <= 2 and 1 in got.shape:
        got = got.reshape(shape)  # a column or row version of the vector: the same answer
    if got.shape != shape:
        return None, f"has shape {got.shape}, expected {shape}"
    if not np.all(np.isfinite(got)):
        return None, "contains NaN or infinite values"
    return got, ""


# --- Exercise 4.4: one ISTA step ---------------------------------------------------------------------
def ch4_ista_data():
    """``X, y, w, lam, step`` for exercise 4.4 (centred data, n = 12, p = 5, step ≤ 1/L)."""
    X, y = _centred_data(41, 12, 5)
    w = np.array([0.8, -0.3, 0.05, 0.4, -0.1])
    return X, y, w, 0.5, 0.25


def _ista_variants(X, y, w, lam, step):
    g = _grad(X, y, w)
    v = w - step * g
    n = X.shape[0]
    return {
        "expected": _soft(v, step * lam),
        "no threshold": v,
        "threshold λ": _soft(v, lam),
        "gradient sign": _soft(w + step * g, step * lam),
        "no 1/n": _soft(w - step * g * n, step * lam),
        "hard threshold": np.where(np.abs(v) > step * lam, v, 0.0),
        "threshold before step": _soft(w, step * lam) - step * g,
        "subgradient step": w - step * (g + lam * np.sign(w)),
        "no gradient": _soft(w, step * lam),
    }


def check_ista_step(answer) -> "Feedback":  # noqa: F821
    """Check ``w_next = S(w − η∇f(w), ηλ)`` for the data of :func:`ch4_ista_data`."""
    name = "Exercise 4.4 (one ISTA step)"
    if not_attempted(answer):
        return pending(name, "the new weight vector")
    X, y, w, lam, step = ch4_ista_data()
    v = _ista_variants(X, y, w, lam, step)
    got, problem = _as_float_array(answer, w.shape)
    if got is None:
        return wrong(name, f"your answer {problem}.", "Return the 5 new weights as a numpy array.")

    def same(key):
        return np.allclose(got, v[key], rtol=1e-9, atol=1e-12)

    if same("expected"):
        zeros = int(np.count_nonzero(v["expected"] == 0.0))
        return correct(name, f"{zeros} of the 5 weights are now exactly 0: the soft-threshold returns 0 for every "
                             f"entry of w − η∇f(w) within ±ηλ = ±{step * lam:g}.")
    diagnoses = [
        ("no threshold", "this is a plain gradient step on the smooth part: the soft-thresholding is missing.",
         "Finish with cl.soft_threshold(v, step * lam); that is the step that creates the exact zeros."),
        ("threshold λ", "you thresholded at λ; the proximal step of η·λ||w||₁ thresholds at η·λ.",
         f"The threshold scales with the step: here η·λ = {step} × {lam} = {step * lam:g}."),
        ("gradient sign", "you moved uphill: the gradient step must subtract η∇f(w).",
         "∇f(w) = −Xᵀ(y − Xw)/n, and the step is v = w − η·∇f(w) = w + η·Xᵀ(y − Xw)/n."),
        ("no 1/n", "the gradient is n times too large: the loss is (1/(2n))||y − Xw||², so ∇f(w) = −Xᵀ(y − Xw)/n.",
         "Divide Xᵀ(y − Xw) by n = X.shape[0]."),
        ("hard threshold", "small entries are zeroed, but the surviving ones were not shrunk (hard-thresholding).",
         "Soft-thresholding also moves each surviving entry ηλ towards 0."),
        ("threshold before step", "you thresholded w first and took the gradient step after; the order is the "
                                  "other way round.",
         "First v = w − η∇f(w) (gradient step on the smooth part), then S(v, ηλ)."),
        ("subgradient step", "this is a subgradient step w − η(∇f(w) + λ·sign(w)), not a proximal step: it "
                             "never lands exactly on 0.",
         "Take the gradient step on the smooth part only, then soft-threshold at ηλ."),
        ("no gradient", "you soft-thresholded w itself: the gradient step on the smooth part is missing.",
         "v = w − η∇f(w) first."),
    ]
    for key, message, hint in diagnoses:
        if same(key):
            return wrong(name, message, hint)
    err = np.abs(got - v["expected"])
    j = int(np.argmax(err))
    return wrong(name, f"weight {j} is {got[j]:.6g}, expected {v['expected'][j]:.6g}.",
                 "Compute g = −X.T @ (y − X @ w) / n, v = w − step·g, then cl.soft_threshold(v, step·lam).")


# --- Exercise 4.1: a subgradient at a point with zeros ----------------------------------------------
def ch4_subgradient_data():
    """``X, y, w, lam`` for exercise 4.1: w has exact zeros in coordinates 1, 3 and 4."""
    X, y = _centred_data(42, 12, 5)
    w = np.array([1.2, 0.0, -0.5, 0.0, 0.0])
    return X, y, w, 0.4


def check_lasso_subgradient(answer) -> "Feedback":  # noqa: F821
    """Accept any element of ∂F(w): ∇f_j + λ·sign(w_j) on the support, anything in [∇f_j − λ, ∇f_j + λ] off it."""
    name = "Exercise 4.1 (a subgradient of the lasso objective)"
    if not_attempted(answer):
        return pending(name, "a vector g in ∂F(w)")
    X, y, w, lam = ch4_subgradient_data()
    g_smooth = _grad(X, y, w)
    got, problem = _as_float_array(answer, w.shape)
    if got is None:
        return wrong(name, f"your answer {problem}.", "Return a numpy array with one entry per weight.")
    on = w != 0
    lo = np.where(on, g_smooth + lam * np.sign(w), g_smooth - lam)
    hi = np.where(on, g_smooth + lam * np.sign(w), g_smooth + lam)
    tol = 1e-9
    ok = (got >= lo - tol) & (got <= hi + tol)
    if ok.all():
        off = np.flatnonzero(~on)
        choice = (got[off] - g_smooth[off]) / lam      # the value picked from ∂|0| = [−1, 1]
        picked = ", ".join(f"{c + 0.0:.3g}" for c in choice)
        extra = ""
        if np.allclose(choice, 0.0):
            extra = " You chose sign(0) = 0, the choice a subgradient method makes."
        elif np.allclose(got[off], np.clip(0.0, lo[off], hi[off])):
            extra = " You chose the minimum-norm subgradient: the one whose size measures (non-)optimality."
        return correct(name, f"A valid subgradient. On the zero weights {[int(j) for j in off]} your entries are ∇f_j + λ·s_j "
                             f"with s = ({picked}), inside ∂|0| = [−1, 1]; any such choice is right.{extra}")
    bad = np.flatnonzero(~ok)
    j = int(bad[0])
    if np.allclose(got, -lo, atol=1e-9) or np.allclose(got[on], -g_smooth[on] + lam * np.sign(w[on])):
        return wrong(name, "the gradient of the smooth part has the wrong sign.",
                     "∇f(w) = −Xᵀ(y − Xw)/n (minus the correlation with the residual).")
    if np.allclose(got[on], g_smooth[on] - lam * np.sign(w[on])):
        return wrong(name, "on the non-zero weights the penalty term has the wrong sign.",
                     "The derivative of λ|w_j| is +λ·sign(w_j).")
    if np.allclose(got[on], g_smooth[on] * X.shape[0] + lam * np.sign(w[on])):
        return wrong(name, "the smooth part's gradient is n times too large.",
                     "The loss is (1/(2n))||y − Xw||²: divide Xᵀ(y − Xw) by n.")
    if np.allclose(got[on], g_smooth[on]):
        return wrong(name, "on the non-zero weights the penalty's derivative λ·sign(w_j) is missing.",
                     "Where w_j ≠ 0 the subgradient is unique: ∇f_j + λ·sign(w_j).")
    if on[j]:
        return wrong(name, f"weight {j} is non-zero ({w[j]:g}), so its entry is fixed: ∇f_{j} + λ·sign(w_{j}) = "
                           f"{lo[j]:.6g}; you have {got[j]:.6g}.",
                     "Where |w| is differentiable the subdifferential has one element, its derivative.")
    return wrong(name, f"weight {j} is 0, and the allowed values there form the interval "
                       f"[∇f_{j} − λ, ∇f_{j} + λ] = [{lo[j]:.4g}, {hi[j]:.4g}]; {got[j]:.6g} is outside it.",
                 "At w_j = 0 the derivative of |w_j| can be any number in [−1, 1], so the entry is ∇f_j + λ·s "
                 "with −1 ≤ s ≤ 1 (s = 0 is a simple choice).")


# --- Exercise 4.2: the KKT check ---------------------------------------------------------------------
def ch4_kkt_data():
    """``X, y, lam`` for exercise 4.2 (centred data, n = 30, p = 6)."""
    X, y = _centred_data(43, 30, 6)
    return X, y, 0.15


def _kkt_reference(X, y, w, lam):
    c = X.T @ (y - X @ w) / X.shape[0]
    return np.where(w != 0, np.abs(c - lam * np.sign(w)), np.maximum(np.abs(c) - lam, 0.0))


def _kkt_test_points(X, y, lam):
    p = X.shape[1]
    rng = np.random.default_rng(430)
    points = [np.zeros(p)]
    for _ in range(3):
        w = rng.normal(size=p)
        w[rng.permutation(p)[:p // 2]] = 0.0
        points.append(w)
    points.append(rng.normal(scale=0.01, size=p))
    return points


def check_kkt_violations(fn) -> "Feedback":  # noqa: F821
    """Check a learner's ``kkt_violations(X, y, w, lam)`` (per-coordinate, no intercept) on test points."""
    name = "Exercise 4.2 (KKT violations)"
    early = check_callable(name, fn, "check_kkt_violations(kkt_violations)")
    if early is not None:
        return early
    X, y, lam = ch4_kkt_data()
    n = X.shape[0]
    for w in _kkt_test_points(X, y, lam):
        call = call_learner(name, fn, X.copy(), y.copy(), w.copy(), lam, returns="the array of violations",
                            error_hint="c = X.T @ (y - X @ w) / n has one entry per coefficient; compare it "
                                       "coordinate by coordinate with λ.")
        if call.feedback is not None:
            return call.feedback
        out = call.value
        expected = _kkt_reference(X, y, w, lam)
        got, problem = _as_float_array(out, w.shape)
        if got is None:
            hint = ("Return one violation per coordinate (an array of length p), not only the largest."
                    if np.ndim(out) == 0 else "")
            return wrong(name, f"the result {problem}.", hint, *call.hints(fn))
        if np.allclose(got, expected, rtol=1e-7, atol=1e-10):
            continue
        if call.leaks:
            return wrong(name, "the violations are not those of the data the check passed in.", *call.hints(fn))
        c = X.T @ (y - X @ w) / n
        zero = w == 0
        where = f" (at w = {np.round(w, 3)})"
        if np.any(got < -1e-12):
            return wrong(name, "some violations are negative" + where + ".",
                         "Off the support the violation is max(|c_j| − λ, 0): being inside the interval is no "
                         "violation at all, not a negative one.")
        if np.allclose(got, np.abs(c - lam * np.sign(w))) and zero.any():
            return wrong(name, "at the zero weights you used sign(0) = 0, i.e. you demand c_j = 0 there" + where + ".",
                         "At w_j = 0 the condition is |c_j| ≤ λ (∂|0| = [−1, 1]): violation max(|c_j| − λ, 0).")
        no_n = np.where(zero, np.maximum(np.abs(c * n) - lam, 0.0), np.abs(c * n - lam * np.sign(w)))
        if np.allclose(got, no_n):
            return wrong(name, "the correlations are n times too large" + where + ".",
                         "c = Xᵀ(y − Xw)/n: divide by n = X.shape[0].")
        if np.allclose(got[~zero], np.abs(c + lam * np.sign(w))[~zero]):
            return wrong(name, "on the support you compared c_j with −λ·sign(w_j)" + where + ".",
                         "At a solution the correlation has the weight's sign: c_j = +λ·sign(w_j).")
        if np.allclose(got[zero], expected[zero]) and not np.allclose(got[~zero], expected[~zero]):
            return wrong(name, "the zero weights are handled right, the non-zero ones are not" + where + ".",
                         "On the support the violation is |c_j − λ·sign(w_j)| with c = Xᵀ(y − Xw)/n.")
        if np.allclose(got[~zero], expected[~zero]) and not np.allclose(got[zero], expected[zero]):
            return wrong(name, "the non-zero weights are handled right, the zero ones are not" + where + ".",
                         "Off the support the violation is max(|c_j| − λ, 0).")
        j = int(np.argmax(np.abs(got - expected)))
        return wrong(name, f"at w = {np.round(w, 3)} coordinate {j} gives {got[j]:.6g}, expected {expected[j]:.6g}.",
                     "c = Xᵀ(y − Xw)/n; violation |c_j − λ·sign(w_j)| if w_j ≠ 0, else max(|c_j| − λ, 0).")
    return correct(name, "Right on every test point, including w = 0 and points with no exact zeros.")


# --- Exercise 4.3: decide which candidate is optimal -------------------------------------------------
def ch4_candidates():
    """``X, y, lam, candidates`` for exercise 4.3: three weight vectors P, Q, R for the data of 4.2.

    Exactly one is the lasso solution (computed to a duality gap of 1e-14 and coordinate changes below 1e-13); one is that solution with every
    weight moved by at most 1e-4 (so it has no exact zero); one is the solution for 1.3·λ.
    """
    from ..solvers.lasso import lasso

    X, y, lam = ch4_kkt_data()
    # coef_tol on top of the gap: a gap at the rounding floor (~1e-16) still allows KKT residuals ~1e-8
    exact = lasso(X, y, lam, tol=1e-14, max_iter=100_000, fit_intercept=False, coef_tol=1e-13).coef
    other = lasso(X, y, 1.3 * lam, tol=1e-14, max_iter=100_000, fit_intercept=False, coef_tol=1e-13).coef
    rng = np.random.default_rng(440)
    nudged = exact + rng.uniform(-1e-4, 1e-4, size=exact.size)
    return X, y, lam, {"P": nudged, "Q": exact, "R": other}


def check_optimal_candidate(answer) -> "Feedback":  # noqa: F821
    """The answer is the label ("P", "Q" or "R") of the candidate that satisfies the KKT conditions."""
    name = "Exercise 4.3 (which candidate is optimal?)"
    if not_attempted(answer):
        return pending(name, 'the label of the optimal candidate, e.g. "P"')
    if not isinstance(answer, str):
        return wrong(name, f"answer with a label in quotes, \"P\", \"Q\" or \"R\" (got {type(answer).__name__}).",
                     'Write optimal = "Q" (for example), with the quotes.')
    label = answer.strip().strip("'\"").upper()
    X, y, lam, cands = ch4_candidates()
    viol = {k: float(_kkt_reference(X, y, w, lam).max()) for k, w in cands.items()}
    if label == "Q":
        q = "below 1e-12 (rounding level)" if viol["Q"] < 1e-12 else f"{viol['Q']:.1e}"
        return correct(name, f"Q's largest KKT violation is {q}; P's is {viol['P']:.2g} although P is "
                             f"within 1e-4 of Q in every weight (its would-be zeros are not zero), and R's is "
                             f"{viol['R']:.2g} (R solves the problem for 1.3·λ).")
    if label == "P":
        return wrong(name, f"P is within 1e-4 of the solution in every weight, yet its largest KKT violation is "
                           f"{viol['P']:.2g}.",
                     "Look at the coordinates that are almost 0: a non-zero w_j requires c_j = λ·sign(w_j) exactly, "
                     "and P's tiny weights have |c_j| < λ.")
    if label == "R":
        return wrong(name, f"R has exact zeros, but on its support the correlations are ±1.3·λ, not ±λ (largest "
                           f"violation {viol['R']:.2g}).",
                     "Exact zeros are necessary for a sparse solution but not sufficient: check the support too.")
    return wrong(name, f"answer with one label, \"P\", \"Q\" or \"R\" (got {answer!r}).",
                 "Compute the largest KKT violation of each candidate and pick the one at rounding level.")
