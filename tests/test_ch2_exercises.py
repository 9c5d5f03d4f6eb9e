"""Chapter 2 exercise checks: right answers pass, typical mistakes get their specific hint."""
import numpy as np
import pytest

import course_lib as cl

E = cl.exercises


def good(X, y, w, lam):
    return -X.T @ (y - X @ w) / X.shape[0] + lam * w


@pytest.mark.parametrize("fn, words", [
    (lambda X, y, w, lam: -X.T @ (y - X @ w) + lam * w, "factor 1/n"),
    (lambda X, y, w, lam: -X.T @ (y - X @ w) / (2 * len(y)) + lam * w, "cancels"),
    (lambda X, y, w, lam: X.T @ (y - X @ w) / len(y) + lam * w, "wrong sign"),
    (lambda X, y, w, lam: X.T @ (y - X @ w) / len(y) - lam * w, "descent direction"),
    (lambda X, y, w, lam: -X.T @ (y - X @ w) / len(y), "penalty term is missing"),
    (lambda X, y, w, lam: -X.T @ (y - X @ w) / len(y) + 2 * lam * w, "λ||w||²"),
    (lambda X, y, w, lam: -X.T @ (y - X @ w) / len(y) + len(y) * lam * w, "nλ"),
    (lambda X, y, w, lam: -X.T @ (y - X @ w) / len(y) + lam * np.sign(w), "L1 subgradient"),
    (lambda X, y, w, lam: (-X.T @ (y - X @ w) + lam * w) / len(y), "only the loss"),
    (lambda X, y, w, lam: float(np.sum((y - X @ w) ** 2)), "objective instead"),
    (lambda X, y, w, lam: X @ w, "shape"),
    (lambda X, y, w, lam: 1 / 0, "ZeroDivisionError"),
])
def test_ridge_gradient_mistakes(fn, words):
    fb = E.check_ridge_gradient(fn)
    assert fb.status == "incorrect"
    assert words in repr(fb)


def test_ridge_gradient_right_and_not_attempted():
    assert E.check_ridge_gradient(good)

    def placeholder(X, y, w, lam):
        ...

    assert E.check_ridge_gradient(placeholder).status == "not attempted"
    assert E.check_ridge_gradient(...).status == "not attempted"
    assert "pass the function itself" in repr(E.check_ridge_gradient(np.zeros(3))).lower()


@pytest.mark.parametrize("answer, words", [
    (34, "rounded down"),
    (34.31, "steps come whole"),
    (34.657, "ln(1 − ηλ) ≈ −ηλ"),
    (25, "L1 penalty"),
    (-35, "negative"),
    (40, "not right"),
    ("35", "text"),
])
def test_halving_steps_mistakes(answer, words):
    fb = E.check_l2_halving_steps(answer)
    assert fb.status == "incorrect" and words in repr(fb)


def test_halving_steps_right_answer_by_simulation():
    path = cl.penalty_only_dynamics([1.0], 0.2, 0.1, 100, penalty="l2")[:, 0]
    k = int(np.argmax(path <= 0.5))
    assert E.check_l2_halving_steps(k) and E.check_l2_halving_steps(np.int64(k)) and E.check_l2_halving_steps(float(k))
    assert E.check_l2_halving_steps(...).status == "not attempted"


@pytest.fixture
def design():
    X, _, _ = cl.make_correlated_pair(50, 0.95, seed=3)
    return X - X.mean(axis=0), 0.01


def test_condition_number_right(design):
    X, lam = design
    assert E.check_regularized_condition_number(np.linalg.cond(X.T @ X + 50 * lam * np.eye(2)), X, lam)
    assert E.check_regularized_condition_number(..., X, lam).status == "not attempted"


@pytest.mark.parametrize("mistake, words", [
    (lambda d, n, lam: d[0] ** 2 / d[-1] ** 2, "without the ridge term"),
    (lambda d, n, lam: (d[0] ** 2 + lam) / (d[-1] ** 2 + lam), "n times λ"),
    (lambda d, n, lam: d[0] / d[-1], "κ(X)"),
    (lambda d, n, lam: (d[0] + n * lam) / (d[-1] + n * lam), "squared singular values"),
    (lambda d, n, lam: (d[-1] ** 2 + n * lam) / (d[0] ** 2 + n * lam), "Upside down"),
])
def test_condition_number_mistakes(design, mistake, words):
    X, lam = design
    d = np.linalg.svd(X, compute_uv=False)
    fb = E.check_regularized_condition_number(mistake(d, 50, lam), X, lam)
    assert fb.status == "incorrect" and words in repr(fb)


@pytest.fixture
def dup():
    rng = np.random.default_rng(8)
    x = rng.standard_normal(30)
    x -= x.mean()
    y = 1.5 * x + rng.standard_normal(30)
    y -= y.mean()
    return x, y, 0.2


def test_duplicate_right_matches_solver(dup):
    x, y, lam = dup
    w = cl.ridge(np.column_stack([x, x]), y, lam, fit_intercept=False).coef
    assert E.check_duplicate_ridge_coef(w, x, y, lam)
    assert E.check_duplicate_ridge_coef(..., x, y, lam).status == "not attempted"


@pytest.mark.parametrize("make, words", [
    (lambda s, a: [s, s], "one-feature ridge"),
    (lambda s, a: [s / 2, s / 2], "halving"),
    (lambda s, a: [2 * a, 0.0], "lasso"),
    (lambda s, a: [a, 1.1 * a], "differ"),
    (lambda s, a: [a, a, a], "2 numbers"),
])
def test_duplicate_mistakes(dup, make, words):
    x, y, lam = dup
    n = len(x)
    single = x @ y / (x @ x + n * lam)
    a = x @ y / (2 * x @ x + n * lam)
    fb = E.check_duplicate_ridge_coef(make(single, a), x, y, lam)
    assert fb.status == "incorrect" and words in repr(fb)
