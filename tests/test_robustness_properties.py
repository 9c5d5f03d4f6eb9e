"""Property-based robustness (hypothesis): generated shapes, magnitudes from 1e-300 to 1e300 and argument values.

Every call must, within a per-call time limit, either raise the package's own clear error (TypeError,
ValueError, FloatingPointError or MemoryError whose message names the argument or the fix) or return finite
results that satisfy the problem's optimality conditions — never NaN, never a wrong answer called converged.
"""
import contextlib
import signal
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import course_lib as cl

CALL_SECONDS = 10.0
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CLEAR_ERRORS = (TypeError, ValueError, FloatingPointError, MemoryError)
FIX_WORDS = ("rescale", "must", "got", "pass", "use", "cannot", "too large", "contains", "has ", "is ")


class CallTooSlow(Exception):
    pass


@pytest.fixture(scope="module", autouse=True)
def compiled_kernels():
    """Compile (or load from numba's cache) every kernel once, outside the time limit: the limit is about
    the solvers, and an alarm inside numba's compiler would leave it half-built."""
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((6, 3)), rng.standard_normal(6)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for method in ("cd", "fista", "ista", "subgradient"):
            cl.lasso(X, y, 0.01, method=method, max_iter=20)
            cl.elastic_net(X, y, 0.01, method=method, max_iter=20)
        cl.lasso(X, y, 0.01, method="fista", backtracking=True, max_iter=20)
        cl.lasso(rng.standard_normal((6, 120)), y, 0.01)
        cl.project_l1_ball([1.0, 2.0], 1.0)
        cl.ridge_gradient_descent(X, y, 0.1, 0.1, 3)
        cl.adam(X, y, 0.1, 0.1, 3)


@contextlib.contextmanager
def time_limit(seconds=CALL_SECONDS):
    def on_alarm(signum, frame):
        raise CallTooSlow(f"call took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(fn, *args, **kwargs):
    """('ok', value, warnings) or ('error', exception, warnings); anything else fails the test."""
    with time_limit(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = fn(*args, **kwargs)
        except CLEAR_ERRORS as exc:
            message = str(exc)
            assert message and any(w in message for w in FIX_WORDS), f"unclear error: {exc!r}"
            assert "Traceback" not in message
            return "error", exc, caught
    return "ok", value, caught


@st.composite
def scaled_problem(draw, max_n=12, max_p=8):
    """(X, y): a random design whose columns each get their own power of ten, and a scaled y."""
    n = draw(st.integers(2, max_n))
    p = draw(st.integers(1, max_p))
    seed = draw(st.integers(0, 2**16))
    rng = np.random.default_rng(seed)
    col_exp = np.array(draw(st.lists(st.integers(-300, 300), min_size=p, max_size=p)), dtype=float)
    if draw(st.booleans()):  # often one common scale, so that the well-posed cases are exercised too
        col_exp[:] = col_exp[0] if draw(st.booleans()) else 0.0
    y_exp = draw(st.integers(-300, 300)) if draw(st.booleans()) else 0
    X = rng.standard_normal((n, p)) * 10.0 ** col_exp
    y = (rng.standard_normal(n) + X[:, 0] / 10.0 ** col_exp[0]) * 10.0 ** y_exp
    return X, y


def _finite(*arrays):
    return all(np.all(np.isfinite(np.asarray(a, dtype=float))) for a in arrays)


@SETTINGS
@given(problem=scaled_problem(), frac=st.sampled_from([0.0, 1e-3, 0.1, 0.5, 1.5]),
       method=st.sampled_from(["cd", "fista", "ista"]), l1_ratio=st.sampled_from([1.0, 0.5]))
def test_lasso_and_elastic_net_answer_or_refuse(problem, frac, method, l1_ratio):
    X, y = problem
    kind, top, _ = outcome(cl.lam_max, X, y, l1_ratio=l1_ratio)
    if kind == "error":
        return  # refused the data: the same data must be refused by the fit too
    assert np.isfinite(top) and top >= 0
    lam = frac * top if frac > 0 else 1e-3 * (top or 1.0)
    kind, fit, caught = outcome(cl.elastic_net, X, y, lam, l1_ratio=l1_ratio, method=method, tol=1e-10,
                                max_iter=20_000 if method != "cd" else None)
    if kind == "error":
        return
    assert _finite(fit.coef, fit.intercept, fit.objective, fit.gap), fit
    if not fit.converged:
        assert any(issubclass(w.category, cl.ConvergenceWarning) for w in caught)
        return
    y_scale = float(np.mean((y - y.mean()) ** 2))
    gap = cl.duality_gap(X, y, fit.coef, lam, l1_ratio=l1_ratio)
    assert gap <= 1e-6 * y_scale + 1e-300, (gap, y_scale)
    if lam >= top and top > 0:
        assert np.all(fit.coef == 0.0)


@SETTINGS
@given(problem=scaled_problem(), lam=st.sampled_from([0.0, 1e-8, 1e-2, 1.0, 1e3]),
       fit_intercept=st.booleans())
def test_ridge_answers_the_normal_equations_or_refuses(problem, lam, fit_intercept):
    X, y = problem
    kind, fit, _ = outcome(cl.ridge, X, y, lam, fit_intercept=fit_intercept)
    if kind == "error":
        return
    assert fit.converged and _finite(fit.coef, fit.intercept)
    n = X.shape[0]
    Xc = X - X.mean(axis=0) if fit_intercept else X
    yc = y - y.mean() if fit_intercept else y
    # check the normal equations (XcᵀXc + nλI) w = Xcᵀyc in rescaled units, exact with powers of two:
    # A = Xc·sx, b = yc·sy  =>  (AᵀA + nλ·sx²I) v = Aᵀb  with v = w·sy/sx
    sx = 2.0 ** -np.floor(np.log2(np.max(np.abs(Xc)) or 1.0))
    sy = 2.0 ** -np.floor(np.log2(np.max(np.abs(yc)) or 1.0))
    A, b = Xc * sx, yc * sy
    with np.errstate(over="ignore"):
        v = fit.coef * (sy / sx)
    assert _finite(v)
    resid = A.T @ (b - A @ v) - n * lam * sx * sx * v
    ref = np.linalg.norm(A, 2) ** 2 * np.linalg.norm(v) + np.linalg.norm(A.T @ b) + 1e-300
    if lam > 0 or X.shape[1] <= X.shape[0]:
        assert np.linalg.norm(resid) <= 1e-6 * ref, (np.linalg.norm(resid), ref)


@SETTINGS
@given(exp=st.integers(-300, 300), p=st.integers(1, 12), seed=st.integers(0, 2**16),
       radius_frac=st.sampled_from([0.0, 1e-20, 1e-3, 0.5, 0.99, 2.0]))
def test_l1_ball_projection_is_exact_at_every_scale(exp, p, seed, radius_frac):
    v = np.random.default_rng(seed).standard_normal(p) * 10.0 ** exp
    top = float(np.max(np.abs(v)))
    radius = radius_frac * top
    kind, w, _ = outcome(cl.project_l1_ball, v, radius)
    if kind == "error":
        return
    assert _finite(w)
    l1 = float(np.sum(np.abs(w)))
    if np.sum(np.abs(v / top)) * top <= radius:
        np.testing.assert_array_equal(w, v)
        return
    assert abs(l1 - radius) <= 1e-9 * max(radius, 1e-300) + 1e-12 * top
    assert np.all(w * v >= 0)  # signs kept (or zero)
    active = w != 0
    theta = np.abs(v[active]) - np.abs(w[active])  # the common threshold on the support
    if active.any():
        assert np.ptp(theta) <= 1e-9 * top
        assert np.all(np.abs(v[~active]) <= theta.max() + 1e-9 * top)


@SETTINGS
@given(problem=scaled_problem(max_n=10, max_p=6))
def test_standardize_never_zeroes_a_real_column(problem):
    X, _ = problem
    kind, Z, caught = outcome(cl.standardize, X)
    if kind == "error":
        return
    assert _finite(Z)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(np.sqrt((Z ** 2).mean(axis=0)), 1.0, rtol=1e-9)  # random columns are never constant
    assert not any("constant" in str(w.message) for w in caught)


BAD_SCALARS = [float("nan"), float("inf"), -1.0, 10**400, 2**63, "0.1", True, None, [0.1, 0.2], np.array([0.1, 0.2]),
               complex(0.1, 0.0)]


@pytest.mark.parametrize("bad", BAD_SCALARS, ids=[repr(b)[:12] for b in BAD_SCALARS])
def test_bad_scalar_arguments_get_clear_errors(bad):
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 4)), rng.standard_normal(20)
    calls = [
        lambda: cl.lasso(X, y, bad),
        lambda: cl.ridge(X, y, bad),
        lambda: cl.elastic_net(X, y, 0.1, l1_ratio=bad),
        lambda: cl.lasso(X, y, 0.1, max_iter=bad),
        lambda: cl.lasso(X, y, 0.1, tol=bad),
        lambda: cl.lasso(X, y, 0.1, method="fista", max_iter=bad),
        lambda: cl.subgradient_method(X, y, 0.1, step=bad),
        lambda: cl.ridge_gradient_descent(X, y, 0.1, 0.1, n_steps=bad),
        lambda: cl.adam(X, y, 0.1, lr=bad, n_steps=5),
        lambda: cl.project_l1_ball([1.0, 2.0], bad),
        lambda: cl.lp_norm([1.0, 2.0], bad),
        lambda: cl.make_regression(10, 3, seed=0, rho=bad),
        lambda: cl.lasso_path(X, y, n_lams=bad),
    ]
    for call in calls:
        kind, value, _ = outcome(call)
        must_fail = isinstance(bad, (str, list, np.ndarray, complex)) or bad == 10**400 or \
            (isinstance(bad, float) and np.isnan(bad))
        assert not (must_fail and kind == "ok"), (bad, value)
        if kind == "ok":  # None (a default), True/-1/inf/2**63 where an argument legitimately allows it
            assert _finite(getattr(value, "coef", 0.0) if not np.isscalar(value) else value)


@pytest.mark.parametrize("flag", ["False", "True", "no", 2, None])
def test_booleans_refuse_strings_and_other_values(flag):
    X, y = np.random.default_rng(0).standard_normal((10, 3)), np.random.default_rng(1).standard_normal(10)
    for call in (lambda: cl.lasso(X, y, 0.1, fit_intercept=flag), lambda: cl.ridge(X, y, 0.1, fit_intercept=flag),
                 lambda: cl.adam(X, y, 0.1, 0.1, 5, decoupled=flag), lambda: cl.standardize(X, return_params=flag)):
        with pytest.raises(TypeError, match="True or False"):
            call()


def test_named_examples_of_issue_17():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((30, 4)), rng.standard_normal(30)
    big = X * 1e155
    for call in (lambda: cl.lasso(big, y, 0.1), lambda: cl.ridge(big, y, 0.1), lambda: cl.lam_max(big, y),
                 lambda: cl.lasso(X, y * 1e-170, 0.1), lambda: cl.lasso(big, y, 0.1, method="fista", backtracking=True)):
        with pytest.raises(ValueError, match="[Rr]escale"):
            call()
    np.testing.assert_allclose(cl.project_l1_ball([1e17, 1e17], 1.0), [0.5, 0.5])
    # a unit-scale informative column beside a 1e14-scale one is not frozen
    Xm = X.copy()
    Xm[:, 0] *= 1e14
    ym = X[:, 1] + 0.01 * rng.standard_normal(30)
    assert abs(cl.lasso(Xm, ym, 1e-3, tol=1e-12).coef[1] - 1.0) < 0.05
    # 1e-13·X is a scaled design, not a constant one
    Z = cl.standardize(X * 1e-13)
    np.testing.assert_allclose(Z, cl.standardize(X), atol=1e-9)
    with pytest.raises(TypeError, match="toarray"):
        import scipy.sparse as sp
        cl.lasso(sp.csr_matrix(X), y, 0.1)
    with pytest.raises(ValueError, match="record=False"):
        cl.ridge_gradient_descent(X, y, 0.1, 0.1, n_steps=10**9)
    with pytest.raises(MemoryError, match="GiB"):
        cl.toeplitz_covariance(200_000, 0.5)
    with pytest.raises(ValueError, match="elastic_net"):
        cl.model_selection.cross_validate(X, y, "lasso", l1_ratio=0.3, seed=0)
    with pytest.raises(TypeError, match="n_folds=5"):
        cl.model_selection.cross_validate(X, y, "lasso", folds=5)
    with pytest.raises(TypeError, match="pair"):
        cl.adam(X, y, 0.1, 0.1, 5, betas=None)
    with pytest.raises(TypeError, match="pair"):
        cl.make_polynomial_problem(10, seed=0, x_range=1.0)
    path = cl.lasso_path(X, y, n_lams=5)
    with pytest.raises(ValueError, match="columns"):
        path.predict(X[:, :3])


def test_a_long_fista_run_is_interruptible_within_a_second():
    """Kernel → Interrupt delivers SIGINT → KeyboardInterrupt at the next Python bytecode: the solver must
    get back to Python often.  Simulated here with a timer that raises KeyboardInterrupt."""
    import time

    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((5, 200_000)), rng.standard_normal(5)

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    for method in ("fista", "subgradient"):
        previous = signal.signal(signal.SIGALRM, interrupt)
        started = time.monotonic()
        try:
            signal.setitimer(signal.ITIMER_REAL, 0.5)
            with pytest.raises(KeyboardInterrupt), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cl.lasso(X, y, 1e-6, method=method, tol=1e-14, max_iter=10**6)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        assert time.monotonic() - started < 1.5, method


@SETTINGS
@given(exp=st.integers(-280, 280), norm=st.sampled_from(["l1", "l2"]), seed=st.integers(0, 2**16))
def test_quadratic_min_in_ball_does_not_depend_on_the_scale_of_H(exp, norm, seed):
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((3, 3))
    H = A @ A.T + 0.5 * np.eye(3)
    c = 2.0 * rng.standard_normal(3)
    base, mu = cl.quadratic_min_in_ball(H, c, 0.7, norm=norm, return_multiplier=True)
    kind, out, _ = outcome(cl.quadratic_min_in_ball, H * 10.0 ** exp, c, 0.7, norm=norm, return_multiplier=True)
    if kind == "error":
        return
    np.testing.assert_allclose(out[0], base, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(out[1], mu * 10.0 ** exp, rtol=1e-9)
