"""Chapter 4, "write the algorithm": exercise 4.5 (an ISTA loop) and 4.6 (a coordinate-descent loop).

The learner writes ``ista(X, y, lam, n_iter)`` and ``coordinate_descent(X, y, lam, n_epochs)`` for centred
data without intercept, objective ``(1/(2n))||y − Xw||² + λ||w||₁``, both starting from w = 0.  The checks
call the function on the exercise's data and on a second data set, after a few iterations (compared with
a reference loop step by step) and after many (compared with ``cl.lasso`` run to a duality gap of 1e-14).
When the answer is off they replay the usual slips — the step 1/||X||² (or the Frobenius norm) instead of
1/L = n/σ_max(X)², the threshold λ instead of ηλ, the residual never updated, updating y in place, an
off-by-one loop, the notebook's global X used inside the function — and name the one that matches.
"""
from __future__ import annotations

import numpy as np

from ..core.penalties import soft_threshold
from .feedback import correct, not_attempted, pending, wrong

__all__ = ["ch4_algorithm_data", "check_ista_loop", "check_cd_loop"]

_FEW, _MANY = 5, 3000          # iterations compared step by step / compared with the converged solution


def _data(seed, n, p, scales):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * np.asarray(scales)      # columns on different scales: ||x_j||²/n ≠ 1
    X -= X.mean(axis=0)
    w_true = np.zeros(p)
    w_true[[0, 2, 5]] = (1.0, -0.8, 0.6)
    y = X @ w_true + 0.5 * rng.normal(size=n)
    y -= y.mean()
    return X, y


def ch4_algorithm_data():
    """``X, y, lam`` for exercises 4.5 and 4.6: centred, n = 40, p = 8, columns of different scales."""
    X, y = _data(45, 40, 8, (1.0, 2.0, 0.5, 1.5, 1.0, 0.8, 1.2, 3.0))
    return X, y, 0.1


def _second_data():
    X, y = _data(46, 30, 8, (0.7, 1.0, 1.8, 1.0, 0.6, 1.4, 1.0, 2.2))
    return X, y, 0.08


# --- reference loops and the slips, replayed ------------------------------------------------------
def _ista(X, y, lam, n_iter, slip=None):
    n = X.shape[0]
    L = np.linalg.norm(X, 2) ** 2 / n
    eta = {"step 1/||X||²": 1.0 / np.linalg.norm(X, 2) ** 2,
           "Frobenius": n / np.linalg.norm(X) ** 2}.get(slip, 1.0 / L)
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        grad = -X.T @ (y - X @ w) / (1.0 if slip == "no 1/n" else n)
        if slip == "gradient sign":
            grad = -grad
        if slip == "subgradient step":
            w = w - eta * (grad + lam * np.sign(w))
            continue
        v = w - eta * grad
        if slip == "no threshold":
            w = v
        elif slip == "threshold λ":
            w = soft_threshold(v, lam)
        elif slip == "hard threshold":
            w = np.where(np.abs(v) > eta * lam, v, 0.0)
        else:
            w = soft_threshold(v, eta * lam)
    return w


def _cd(X, y, lam, n_epochs, slip=None):
    n, p = X.shape
    a = (X ** 2).sum(axis=0) / n
    w = np.zeros(p)
    r = y.copy()
    for _ in range(n_epochs):
        r_start = r.copy()
        for j in range(p):
            rj = r_start if slip == "Jacobi" else (y if slip == "no residual update" else r)
            z = X[:, j] @ rj / n + (0.0 if slip == "no a_j w_j" else a[j] * w[j])
            if slip == "no 1/n":
                new = soft_threshold(n * z, lam) / (n * a[j])
            elif slip == "no division":
                new = soft_threshold(z, lam)
            elif slip == "threshold λ·a_j":
                new = soft_threshold(z, lam * a[j]) / a[j]
            else:
                new = soft_threshold(z, lam) / a[j]
            delta = new - w[j]
            w[j] = new
            r = r + X[:, j] * delta if slip == "residual sign" else r - X[:, j] * delta
        if slip == "Jacobi":
            r = y - X @ w
    return w


_ISTA_SLIPS = {
    "step 1/||X||²": ("your step is 1/σ_max(X)², n times smaller than 1/L: the iterates creep towards the "
                      "solution.", "L = σ_max(X)²/n because the loss has the factor 1/(2n): "
                      "L = np.linalg.norm(X, 2)**2 / n, step 1/L."),
    "Frobenius": ("your step uses the Frobenius norm ||X||_F (np.linalg.norm(X) without ord=2), which is "
                  "larger than σ_max(X): a smaller, safe but slower step.",
                  "np.linalg.norm(X, 2) is the largest singular value; L = np.linalg.norm(X, 2)**2 / n."),
    "threshold λ": ("you soft-thresholded at λ; the proximal step of η·λ||w||₁ thresholds at η·λ.",
                    "S(v, η·λ): the threshold scales with the step."),
    "no 1/n": ("your gradient lacks the 1/n: ∇f(w) = −Xᵀ(y − Xw)/n for the loss (1/(2n))||y − Xw||².",
               "Divide Xᵀ(y − Xw) by n = X.shape[0]."),
    "gradient sign": ("you step uphill: the gradient is ∇f(w) = −Xᵀ(y − Xw)/n and the step subtracts it.",
                      "v = w − η·∇f(w) = w + η·Xᵀ(y − Xw)/n."),
    "no threshold": ("this is gradient descent on the smooth part: the soft-threshold is missing.",
                     "Finish each iteration with w = cl.soft_threshold(v, eta * lam)."),
    "hard threshold": ("small entries are zeroed but the surviving ones are not shrunk (a hard threshold).",
                       "Use cl.soft_threshold(v, eta * lam): it also moves every survivor ηλ towards 0."),
    "subgradient step": ("this is the subgradient method w − η(∇f(w) + λ·sign(w)), not ISTA.",
                         "Gradient step on the smooth part only, then soft-threshold at ηλ."),
}

_CD_SLIPS = {
    "no residual update": ("the residual is never updated: every coordinate is fitted against y instead of "
                           "the current residual r = y − Xw.",
                           "After changing w_j by Δ, update r -= X[:, j] * Δ (or recompute r = y − X @ w)."),
    "Jacobi": ("the residual is updated only once per epoch, so all coordinates move from the same residual "
               "(Jacobi, not coordinate descent; it can even diverge).",
               "Update r right after each coordinate: r -= X[:, j] * (new − old)."),
    "no a_j w_j": ("the update uses x_jᵀr/n alone; the one-coordinate least-squares value needs the "
                   "coordinate's own contribution back: z_j = x_jᵀr/n + (||x_j||²/n)·w_j.",
                   "z = X[:, j] @ r / n + a[j] * w[j] with a = (X**2).sum(axis=0) / n."),
    "no division": ("you forgot to divide by a_j = ||x_j||²/n (the columns here are not standardised).",
                    "w_j = S(z_j, λ) / a_j."),
    "threshold λ·a_j": ("the threshold is λ, not λ·a_j: w_j = S(z_j, λ)/a_j.",
                        "Threshold first at λ, then divide by a_j = ||x_j||²/n."),
    "no 1/n": ("the correlations lack the 1/n (z_j = x_jᵀr + ||x_j||²w_j): that thresholds at λ/n in effect.",
               "z = X[:, j] @ r / n + a[j] * w[j] with a = (X**2).sum(axis=0) / n."),
    "residual sign": ("the residual update has the wrong sign: r = y − Xw, so increasing w_j by Δ lowers r by "
                      "x_j·Δ.", "r -= X[:, j] * delta."),
}


def _call(fn, X, y, lam, k):
    """Run the learner's function on copies; report an exception or an in-place change of the inputs."""
    Xc, yc = X.copy(), y.copy()
    try:
        out = fn(Xc, yc, lam, k)
    except Exception as exc:  # noqa: BLE001 — the learner's own error, shown to them
        return None, f"calling your function raised {type(exc).__name__}: {exc}"
    if not np.array_equal(yc, y):
        return None, ("your function changed y in place (the caller's data!). `r = y` makes r a second name for "
                      "y, so `r -= ...` modifies y: write `r = y.copy()` or `r = y - X @ w`.")
    if not np.array_equal(Xc, X):
        return None, "your function changed X in place: work on a copy."
    if out is None:
        return None, "your function ran but returned None: end it with `return w`."
    try:
        got = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        return None, f"your function returned a {type(out).__name__}, not a numeric array of length p."
    if got.shape != (X.shape[1],):
        return None, f"your function returned shape {got.shape}; expected ({X.shape[1]},), one weight per feature."
    if not np.all(np.isfinite(got)):
        return None, "your function returned NaN or infinite values (a step too large, or a division by zero)."
    return got, ""


def _body_is_ellipsis(fn) -> bool:
    """True for the learner copy's untouched ``def f(...): "doc"; ...`` (Python drops the bare ``...``): a body
    that names nothing, assigns no local variable and holds no constant but its docstring — any real loop
    uses at least np or range."""
    code = getattr(fn, "__code__", None)
    if code is None:
        return False
    consts_ok = all(c is None or c is Ellipsis or c == fn.__doc__ for c in code.co_consts)
    return not code.co_names and code.co_nlocals == code.co_argcount and consts_ok


def _check_loop(name, fn, reference, slips, what, default_hint, unit):
    if not_attempted(fn) or _body_is_ellipsis(fn):
        return pending(name, f"the body of {what}")
    if not callable(fn):
        return wrong(name, f"pass the function itself (got a {type(fn).__name__}).",
                     "Call the check with the function's name, without parentheses after it.")
    from ..solvers.lasso import lasso

    data_a, data_b = ch4_algorithm_data(), _second_data()
    for label, (X, y, lam) in (("the exercise's data", data_a), ("a second data set", data_b)):
        for k in (1, _FEW):
            got, problem = _call(fn, X, y, lam, k)
            if got is None:
                return wrong(name, problem, default_hint if "raised" in problem else "")
            expected = reference(X, y, lam, k)
            if np.allclose(got, expected, rtol=1e-8, atol=1e-10):
                continue
            leaked = [reference(data_a[0], data_a[1], l, k) for l in (lam, data_a[2])]
            if label != "the exercise's data" and any(np.allclose(got, v, rtol=1e-8, atol=1e-10) for v in leaked):
                return wrong(name, "on a second data set your function returns the answer for the exercise's data: "
                                   "it uses the notebook's variables instead of its arguments.",
                             "Inside the function use only X, y, lam and the count it receives (no X4, y4 or "
                             "globals from other cells).")
            for slip, (message, hint) in slips.items():
                with np.errstate(all="ignore"):
                    try:
                        replay = reference(X, y, lam, k, slip)
                    except ValueError:   # a replayed slip that diverges (soft_threshold refuses inf)
                        continue
                if np.allclose(got, replay, rtol=1e-8, atol=1e-10):
                    return wrong(name, f"after {k} {unit}(s) on {label}: {message}", hint)
            for off in (k - 1, k + 1):
                if off >= 0 and np.allclose(got, reference(X, y, lam, off), rtol=1e-8, atol=1e-10):
                    return wrong(name, f"asked for {k} {unit}(s), your function did {off}.",
                                 "Run the loop exactly the given number of times (for _ in range(n)), from w = 0.")
            j = int(np.argmax(np.abs(got - expected)))
            return wrong(name, f"after {k} {unit}(s) on {label}, weight {j} is {got[j]:.6g}, expected "
                               f"{expected[j]:.6g}.", default_hint)
    X, y, lam = data_a
    got, problem = _call(fn, X, y, lam, _MANY)
    if got is None:
        return wrong(name, problem)
    w_star = lasso(X, y, lam, tol=1e-14, max_iter=100_000, fit_intercept=False).coef
    err = float(np.max(np.abs(got - w_star)))
    zeros = int(np.count_nonzero(got == 0.0))
    if err > 1e-6:
        return wrong(name, f"the first {unit}s are right, but after {_MANY:,} the largest distance to the lasso "
                           f"solution is {err:.2g}.", default_hint)
    return correct(name, f"right step by step, on both data sets, and after {_MANY:,} {unit}s within "
                         f"{max(err, 1e-16):.0e} of cl.lasso's solution, with {zeros} of {got.size} weights exactly 0.")


def check_ista_loop(fn) -> "Feedback":  # noqa: F821
    """Exercise 4.5: ``fn(X, y, lam, n_iter)`` runs ISTA from w = 0 with step 1/L, L = σ_max(X)²/n."""
    return _check_loop("Exercise 4.5 (write ISTA)", fn, _ista, _ISTA_SLIPS, "ista(X, y, lam, n_iter)",
                       "Each iteration: grad = -X.T @ (y - X @ w) / n, then w = cl.soft_threshold(w - eta * grad, "
                       "eta * lam) with eta = 1/L.", "iteration")


def check_cd_loop(fn) -> "Feedback":  # noqa: F821
    """Exercise 4.6: ``fn(X, y, lam, n_epochs)`` runs cyclic coordinate descent from w = 0 (r = y)."""
    return _check_loop("Exercise 4.6 (write coordinate descent)", fn, _cd, _CD_SLIPS,
                       "coordinate_descent(X, y, lam, n_epochs)",
                       "For j = 0..p−1: z = X[:, j] @ r / n + a[j] * w[j]; new = cl.soft_threshold(z, lam) / a[j]; "
                       "r -= X[:, j] * (new - w[j]); w[j] = new.", "epoch")
