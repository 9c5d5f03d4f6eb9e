"""Solver resources (issue 21 item 2, issue 17 items 3 and 7): no copy of X, Kernel → Interrupt, coef_tol."""
import _thread
import threading
import time
import tracemalloc
import warnings

import numpy as np
import pytest

import course_lib as cl


def _peak_bytes(fn):
    fn()  # compile / warm caches first
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def wide():
    rng = np.random.default_rng(0)
    n, p = 400, 3000
    X = np.asfortranarray(rng.standard_normal((n, p)) + 5.0)  # far from centered: the intercept matters
    y = X[:, :5] @ np.array([2.0, -1.0, 1.5, 1.0, -2.0]) + rng.standard_normal(n)
    return X, y


@pytest.mark.parametrize("call", ["lasso", "elastic_net", "lasso_path"])
def test_fortran_float64_X_is_not_copied(wide, call):
    X, y = wide
    lam = cl.lam_max(X, y) / 10
    fn = {"lasso": lambda: cl.lasso(X, y, lam),
          "elastic_net": lambda: cl.elastic_net(X, y, lam, l1_ratio=0.5),
          "lasso_path": lambda: cl.lasso_path(X, y, n_lams=5, eps=0.1)}[call]
    peak = _peak_bytes(fn)
    # O(n + p) work arrays (a path also stores its k × p coefficients); X itself is 9.6 MB
    allowed = 40 * 8 * (X.shape[0] + X.shape[1]) + (5 * 8 * X.shape[1] if call == "lasso_path" else 0)
    assert peak < allowed, f"{call} allocated {peak / 1e6:.2f} MB (X is {X.nbytes / 1e6:.1f} MB)"


def test_c_ordered_X_is_converted_once(wide):
    X, y = wide
    Xc_order = np.ascontiguousarray(X)
    lam = cl.lam_max(X, y) / 10
    peak = _peak_bytes(lambda: cl.lasso(Xc_order, y, lam))
    assert X.nbytes <= peak < 1.3 * X.nbytes
    # same answer either way
    a, b = cl.lasso(X, y, lam), cl.lasso(Xc_order, y, lam)
    assert abs(a.objective - b.objective) <= 1e-12 * a.objective


def test_implicit_centering_matches_explicitly_centered_data(wide):
    X, y = wide
    lam = cl.lam_max(X, y) / 10
    fit = cl.lasso(X, y, lam, tol=1e-12)
    Xc = X - X.mean(axis=0)
    ref = cl.lasso(Xc, y - y.mean(), lam, tol=1e-12, fit_intercept=False)
    assert np.max(np.abs(fit.coef - ref.coef)) <= 1e-8 * np.max(np.abs(ref.coef))
    assert abs(fit.intercept - (y.mean() - X.mean(axis=0) @ fit.coef)) <= 1e-10 * abs(fit.intercept)


def _slow_problem(p):
    """Nearly collinear columns and a tiny λ: coordinate descent needs far more epochs than max_iter allows."""
    rng = np.random.default_rng(1)
    n = 20_000 if p < 100 else 300
    f = rng.standard_normal((n, 1))
    X = np.asfortranarray(f + 1e-4 * rng.standard_normal((n, p)))
    y = X @ rng.standard_normal(p) + 0.1 * rng.standard_normal(n)
    return X, y, 1e-9 * cl.lam_max(X, y)


@pytest.mark.parametrize("p", [50, 400], ids=["plain_cd", "working_sets"])
def test_interrupt_stops_a_long_fit_within_a_second(p):
    X, y, lam = _slow_problem(p)
    cl.lasso(X, y, lam, max_iter=20)  # compiled
    fired = []

    def interrupt():
        fired.append(time.perf_counter())
        _thread.interrupt_main()

    timer = threading.Timer(0.5, interrupt)
    t0 = time.perf_counter()
    timer.start()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cl.ConvergenceWarning)
            cl.lasso(X, y, lam, tol=1e-30, max_iter=10**8)
        pytest.fail(f"the fit ended on its own after {time.perf_counter() - t0:.1f} s, before the interrupt")
    except KeyboardInterrupt:
        delay = time.perf_counter() - fired[0]
    finally:
        timer.cancel()
    assert delay < 1.0, f"KeyboardInterrupt took {delay:.2f} s after the interrupt"


def test_coef_tol_asks_for_coefficient_accuracy():
    from sklearn.linear_model import Lasso

    rng = np.random.default_rng(2)
    n, p = 80, 200
    X = rng.standard_normal((n, p))
    X[:, 1] = X[:, 0] + 0.05 * rng.standard_normal(n)  # correlated pair: a flat objective, slow coefficients
    y = X[:, 0] + X[:, 1] - X[:, 5] + 0.5 * rng.standard_normal(n)
    lam = cl.lam_max(X, y) / 50
    ref = Lasso(alpha=lam, tol=1e-12, max_iter=10**6).fit(X, y).coef_
    loose = cl.lasso(X, y, lam, tol=1e-4)
    tight = cl.lasso(X, y, lam, tol=1e-4, coef_tol=1e-10)
    err_loose = np.max(np.abs(loose.coef - ref)) / np.max(np.abs(ref))
    err_tight = np.max(np.abs(tight.coef - ref)) / np.max(np.abs(ref))
    assert err_tight < 1e-6 < err_loose, (err_loose, err_tight)
    path = cl.lasso_path(X, y, lams=[lam], tol=1e-4, coef_tol=1e-10)
    assert np.max(np.abs(path.coefs[0] - ref)) / np.max(np.abs(ref)) < 1e-6
    with pytest.raises(ValueError, match="coef_tol"):
        cl.lasso(X, y, lam, coef_tol=2.0)
