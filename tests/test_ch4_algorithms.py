"""Exercises 4.5 and 4.6 (write ISTA, write coordinate descent): right loops pass, the usual slips are named."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch4_algorithms as ca


def ista(X, y, lam, n_iter, step_scale=1.0, threshold=None, use=None):
    n = X.shape[0]
    eta = step_scale * n / np.linalg.norm(X, 2) ** 2
    w = np.zeros(X.shape[1])
    for _ in range(n_iter):
        grad = -X.T @ (y - X @ w) / n
        w = cl.soft_threshold(w - eta * grad, eta * lam if threshold is None else threshold(eta, lam))
    return w


def cd(X, y, lam, n_epochs, update_residual=True, copy=True):
    n, p = X.shape
    a = (X ** 2).sum(axis=0) / n
    w = np.zeros(p)
    r = y.copy() if copy else y
    for _ in range(n_epochs):
        for j in range(p):
            z = X[:, j] @ r / n + a[j] * w[j]
            new = cl.soft_threshold(z, lam) / a[j]
            if update_residual:
                r -= X[:, j] * (new - w[j])
            w[j] = new
    return w


def test_correct_loops_pass_and_agree_with_cl_lasso():
    assert ca.check_ista_loop(ista).correct
    assert ca.check_cd_loop(cd).correct
    X, y, lam = ca.ch4_algorithm_data()
    w_star = cl.lasso(X, y, lam, tol=1e-14, max_iter=100_000, fit_intercept=False).coef
    assert np.max(np.abs(cd(X, y, lam, 3000) - w_star)) < 1e-9   # the reference itself is right
    assert np.count_nonzero(w_star == 0) >= 2                       # the exercise has zeros to find


@pytest.mark.parametrize("fn, phrase", [
    (lambda X, y, lam, k: ista(X, y, lam, k, step_scale=1.0 / X.shape[0]), "n times smaller"),
    (lambda X, y, lam, k: ista(X, y, lam, k, threshold=lambda eta, lam: lam), "thresholds at η·λ"),
    (lambda X, y, lam, k: ista(X, y, lam, k + 1), "your function did"),
])
def test_ista_slips_are_named(fn, phrase):
    fb = ca.check_ista_loop(fn)
    assert not fb.correct and phrase in repr(fb)


def test_ista_that_reads_globals_is_caught():
    X0, y0, _ = ca.ch4_algorithm_data()
    fb = ca.check_ista_loop(lambda X, y, lam, k: ista(X0, y0, lam, k))
    assert not fb.correct and "notebook's variables" in fb.message


@pytest.mark.parametrize("kwargs, phrase", [
    ({"update_residual": False}, "residual is never updated"),
    ({"copy": False}, "changed y in place"),
])
def test_cd_slips_are_named(kwargs, phrase):
    fb = ca.check_cd_loop(lambda X, y, lam, k: cd(X, y, lam, k, **kwargs))
    assert not fb.correct and phrase in fb.message


def test_not_attempted_and_not_callable():
    assert ca.check_cd_loop(...).status == "not attempted"
    assert "pass the function itself" in ca.check_ista_loop(np.zeros(8)).message
    assert cl.exercises.check_ista_loop is ca.check_ista_loop


def test_untouched_body_is_not_attempted_but_a_body_without_return_is_told_so():
    def untouched(X, y, lam, n_iter):
        """n_iter ISTA steps."""
        ...

    def no_return(X, y, lam, n_iter):
        w = ista(X, y, lam, n_iter)  # noqa: F841

    assert ca.check_ista_loop(untouched).status == "not attempted"
    fb = ca.check_ista_loop(no_return)
    assert fb.status == "incorrect" and "returned None" in fb.message
