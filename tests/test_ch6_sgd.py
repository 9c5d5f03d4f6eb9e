"""SGD variants: each update rule against a plain-Python step, determinism, zeros, and weight decay."""
import numpy as np
import pytest

import course_lib as cl


def data(seed=0, n=40, p=30):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    y = (X[:, 0] - X[:, 1] + 0.5 * rng.standard_normal(n) > 0).astype(int)
    return X, y


def reference_epoch(X, y, lam, method, step0, order, l2=0.0):
    """One epoch written out in plain Python, following the papers' pseudo-code."""
    n, p = X.shape
    w, b, q, u = np.zeros(p), 0.0, np.zeros(p), 0.0
    yt = 2.0 * y - 1.0
    for t, i in enumerate(order):
        eta = step0 / (1 + t / n)
        m = yt[i] * (X[i] @ w + b)
        c = yt[i] / (1 + np.exp(m))  # −dloss/dη
        b += eta * c
        v = (1 - eta * l2) * w + eta * c * X[i]
        if method == "subgradient":
            w = v - eta * lam * np.sign(w)
        elif method == "truncated":
            w = np.sign(v) * np.maximum(np.abs(v) - eta * lam, 0.0)
        else:  # Tsuruoka et al. (2009), figure 2
            u += eta * lam
            new = np.where(v > 0, np.maximum(0.0, v - (u + q)), np.where(v < 0, np.minimum(0.0, v + (u - q)), 0.0))
            q += new - v
            w = new
    return w, b


@pytest.mark.parametrize("method", cl.SGD_METHODS)
def test_one_epoch_matches_the_written_out_rule(method):
    X, y = data()
    run = cl.sgd_logistic(X, y, 0.05, 1.0, method, n_epochs=1, step0=0.3, seed=4)
    order = np.random.default_rng(4).permutation(X.shape[0])
    w, b = reference_epoch(X, y, 0.05, method, 0.3, order)
    np.testing.assert_allclose(run.coef, w, atol=1e-13)
    assert run.intercept == pytest.approx(b, abs=1e-13)


def test_seeded_and_recorded():
    X, y = data(1)
    a = cl.sgd_logistic(X, y, 0.05, method="cumulative", n_epochs=5, seed=3)
    b = cl.sgd_logistic(X, y, 0.05, method="cumulative", n_epochs=5, seed=3)
    c = cl.sgd_logistic(X, y, 0.05, method="cumulative", n_epochs=5, seed=4)
    assert np.array_equal(a.coefs, b.coefs) and not np.array_equal(a.coefs, c.coefs)
    assert a.coefs.shape == (6, X.shape[1]) and np.all(a.coefs[0] == 0)
    lam = 0.05
    assert a.objective[-1] == pytest.approx(cl.logistic_objective(X, y, a.coef, a.intercept, lam))


def test_subgradient_gives_no_zeros_and_the_other_two_do():
    X, y = data(2, n=60, p=50)
    lam = 0.3 * cl.logistic_lam_max(X, y)
    full = cl.logistic(X, y, lam)
    assert full.n_nonzero < 10
    runs = {m: cl.sgd_logistic(X, y, lam, method=m, n_epochs=30, seed=0) for m in cl.SGD_METHODS}
    assert runs["subgradient"].n_zero[-1] == 0
    # the truncated step zeroes weights but single-sample noise re-opens many of them; the cumulative penalty
    # keeps the full-batch zeros (measured: 45 of 45 here, truncated 5)
    assert runs["truncated"].n_zero[-1] >= 1
    assert runs["cumulative"].n_zero[-1] >= 0.9 * (X.shape[1] - full.n_nonzero)
    for r in runs.values():
        assert r.objective[-1] > full.objective - 1e-12  # nothing beats the certified optimum


def test_weight_decay_is_ridge():
    X, y = data(3)
    lam = 0.05
    runs = [cl.sgd_logistic(X, y, lam, 0.0, m, n_epochs=300, step0=0.5, seed=0) for m in cl.SGD_METHODS]
    assert all(np.array_equal(r.coefs, runs[0].coefs) for r in runs)
    ridge = cl.logistic(X, y, lam, l1_ratio=0.0)
    assert np.linalg.norm(runs[0].coef - ridge.coef) / np.linalg.norm(ridge.coef) < 0.05


def test_bad_input():
    X, y = data()
    with pytest.raises(ValueError, match="method='adam'"):
        cl.sgd_logistic(X, y, 0.1, method="adam")
    with pytest.raises(TypeError, match="seed must be given"):
        cl.sgd_logistic(X, y, 0.1, seed=None)
    with pytest.raises(ValueError, match="weight decay would flip"):
        cl.sgd_logistic(X, y, 10.0, l1_ratio=0.0, step0=1.0)
    with pytest.raises(ValueError, match="exactly 2 distinct labels"):
        cl.sgd_logistic(X, np.arange(40) % 3, 0.1)


def test_comparison_reports_what_the_runs_hold():
    from course_lib.studies import ch6_sgd

    X, y = data(5, n=50, p=40)
    lam = 0.3 * cl.logistic_lam_max(X, y)
    comp = ch6_sgd.compare_sgd(X, y, lam, n_epochs=8, step0=0.5, seed=1)
    full = cl.logistic(X, y, lam, tol=1e-12)
    zero = full.coef == 0
    for row in comp.rows():
        run = cl.sgd_logistic(X, y, lam, 1.0, row["method"], n_epochs=8, step0=0.5, seed=1)
        assert row["exact_zeros"] == int(np.sum(run.coef == 0))
        assert row["median_off"] == pytest.approx(np.median(np.abs(run.coef[zero])))
        assert row["max_off"] == pytest.approx(np.abs(run.coef[zero]).max())
        assert row["objective_excess"] == pytest.approx(
            cl.logistic_objective(X, y, run.coef, run.intercept, lam) - full.objective, abs=1e-9)
        lo, hi = comp.zero_range(last=3)[row["method"]]
        assert (lo, hi) == (int(run.n_zero[-3:].min()), int(run.n_zero[-3:].max()))
    text, out = ch6_sgd.step_sweep(X, y, lam, steps=(0.2, 1.0), n_epochs=4, seed=2)
    assert len(text.splitlines()) == 3 + 2
    run = cl.sgd_logistic(X, y, lam, 1.0, "truncated", n_epochs=4, step0=1.0, seed=2)
    assert out[1.0]["truncated"][0] == int(np.sum(run.coef == 0))
