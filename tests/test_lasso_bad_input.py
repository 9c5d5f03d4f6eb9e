"""Bad input to the sparse solvers: a clear ValueError/TypeError naming the argument, before any kernel."""
import numpy as np
import pytest

import course_lib as cl

rng = np.random.default_rng(0)
X = rng.standard_normal((20, 4))
y = X @ np.array([1.0, 0.0, -1.0, 0.5]) + 0.1 * rng.standard_normal(20)

SOLVERS = {
    "lasso": lambda X, y, **kw: cl.lasso(X, y, 0.1, **kw),
    "elastic_net": lambda X, y, **kw: cl.elastic_net(X, y, 0.1, **kw),
    "lasso_path": lambda X, y, **kw: cl.lasso_path(X, y, n_lams=3, **kw),
    "elastic_net_path": lambda X, y, **kw: cl.elastic_net_path(X, y, n_lams=3, **kw),
    "subgradient_method": lambda X, y, **kw: cl.subgradient_method(X, y, 0.1, max_iter=5, tol=1e10, **kw),
    "lam_max": lambda X, y, **kw: cl.lam_max(X, y, **kw),
    "LassoProblem": lambda X, y, **kw: cl.LassoProblem(X, y, **kw).fit(0.1),
}


def with_nan(a):
    a = np.array(a, dtype=float)
    a.flat[1] = np.nan
    return a


def with_inf(a):
    a = np.array(a, dtype=float)
    a.flat[2] = np.inf
    return a


@pytest.mark.parametrize("solver", SOLVERS)
@pytest.mark.parametrize("bad_X,bad_y,exc,match", [
    (with_nan(X), y, ValueError, "X contains 1 NaN"),
    (with_inf(X), y, ValueError, "X contains 1 NaN or infinite"),
    (X, with_nan(y), ValueError, "y contains 1 NaN"),
    (X, with_inf(y), ValueError, "y contains"),
    (X, y[:-1], ValueError, "X has 20 rows but y has 19"),
    (X[:, 0], y, ValueError, "X must be 2-D"),
    (X[None], y, ValueError, "X must be 2-D"),
    (X, y[:, None], ValueError, "y must be 1-D"),
    (X, np.c_[y, y], ValueError, "y must be 1-D"),
    (np.empty((0, 4)), np.empty(0), ValueError, "X is empty"),
    (np.empty((20, 0)), y, ValueError, "X is empty"),
    (np.array([["a", "b"], ["c", "d"]]), [1.0, 2.0], TypeError, "X must be numeric"),
])
def test_bad_data(solver, bad_X, bad_y, exc, match):
    with pytest.raises(exc, match=match):
        SOLVERS[solver](bad_X, bad_y)


@pytest.mark.parametrize("call,exc,match", [
    (lambda: cl.lasso(X, y, -0.1), ValueError, "lam must be >= 0"),
    (lambda: cl.lasso(X, y, np.nan), ValueError, "lam must be finite"),
    (lambda: cl.lasso(X, y, "0.1"), TypeError, "lam must be a real number"),
    (lambda: cl.elastic_net(X, y, 0.1, l1_ratio=1.5), ValueError, "l1_ratio must be <= 1"),
    (lambda: cl.elastic_net(X, y, 0.1, l1_ratio=-0.1), ValueError, "l1_ratio must be >= 0"),
    (lambda: cl.lam_max(X, y, l1_ratio=2.0), ValueError, "l1_ratio"),
    (lambda: cl.lasso(X, y, 0.1, method="newton"), ValueError, "method='newton' is not supported"),
    (lambda: cl.elastic_net(X, y, 0.1, method="lars"), ValueError, "method"),
    (lambda: cl.lasso(X, y, 0.1, tol=0.0), ValueError, "tol must be > 0"),
    (lambda: cl.lasso(X, y, 0.1, tol=-1e-3), ValueError, "tol must be > 0"),
    (lambda: cl.lasso(X, y, 0.1, max_iter=0), ValueError, "max_iter must be >= 1"),
    (lambda: cl.lasso(X, y, 0.1, max_iter=2.5), TypeError, "max_iter must be an integer"),
    (lambda: cl.lasso_path(X, y, max_iter=-3), ValueError, "max_iter"),
    (lambda: cl.lasso_path(X, y, tol=0), ValueError, "tol"),
    (lambda: cl.lasso(X, y, 0.1, coef_init=np.zeros(3)), ValueError, "coef_init has 3 entries but X has 4"),
    (lambda: cl.lasso(X, y, 0.1, coef_init=[np.nan, 0, 0, 0]), ValueError, "coef_init contains"),
    (lambda: cl.subgradient_method(X, y, 0.1, coef_init=np.zeros(5)), ValueError, "coef_init"),
    (lambda: cl.lasso(X, y, 0.1, record="yes"), ValueError, "record='yes'"),
    (lambda: cl.lasso_path(X, y, lams=[0.1, -1.0]), ValueError, "lams must be >= 0"),
    (lambda: cl.lasso_path(X, y, lams=[]), ValueError, "lams is empty"),
    (lambda: cl.lasso_path(X, y, n_lams=0), ValueError, "n_lams must be >= 1"),
    (lambda: cl.lasso_path(X, y, eps=2.0), ValueError, "eps must be <= 1"),
    (lambda: cl.subgradient_method(X, y, 0.1, step_rule="polyak"), ValueError, "step_rule"),
    (lambda: cl.subgradient_method(X, y, 0.1, step=0.0), ValueError, "step must be > 0"),
    (lambda: cl.lasso(X, y, 0.1, method="cd", backtracking=True), TypeError, "backtracking"),
    (lambda: cl.duality_gap(X, y, np.zeros(3), 0.1), ValueError, "coef has 3 entries"),
    (lambda: cl.objective(X, y, np.zeros(4), 0.0, -1.0), ValueError, "lam"),
    (lambda: cl.lasso(X, y, 0.1, method="ista", record=True, max_iter=10**9), ValueError, "lower max_iter"),
])
def test_bad_arguments(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


class Frame:
    """A pandas-like object exposing to_numpy."""

    def __init__(self, values):
        self.values = values

    def to_numpy(self):
        return np.asarray(self.values)


@pytest.mark.parametrize("convert", [
    lambda X, y: (X.tolist(), y.tolist()),
    lambda X, y: (X.astype(np.float32), y.astype(np.float32)),
    lambda X, y: (np.asfortranarray(X), y),
    lambda X, y: (np.repeat(X, 2, axis=1)[:, ::2], np.repeat(y, 2)[::2]),  # non-contiguous views
    lambda X, y: (Frame(X), Frame(y)),
])
def test_accepted_inputs_give_the_same_fit(convert):
    ref = cl.lasso(X, y, 0.05)
    Xa, ya = convert(X, y)
    fit = cl.lasso(Xa, ya, 0.05)
    tol = 1e-5 if getattr(Xa, "dtype", None) == np.float32 else 1e-12  # float32 rounds the data itself
    np.testing.assert_allclose(fit.coef, ref.coef, atol=tol)


def test_integer_data_and_integer_lambda():
    Xi = np.array([[1, 2], [3, 1], [0, 5], [4, 4], [2, 0]])
    yi = [3, 4, 5, 9, 2]
    fit = cl.lasso(Xi, yi, 1)
    ref = cl.lasso(Xi.astype(float), np.asarray(yi, dtype=float), 1.0)
    np.testing.assert_array_equal(fit.coef, ref.coef)
    assert isinstance(fit.intercept, float)


def test_inputs_are_not_modified():
    Xc, yc, w0 = X.copy(), y.copy(), np.ones(4)
    cl.lasso(Xc, yc, 0.05, coef_init=w0)
    cl.lasso(Xc, yc, 0.05, coef_init=w0, method="fista")
    np.testing.assert_array_equal(Xc, X)
    np.testing.assert_array_equal(yc, y)
    np.testing.assert_array_equal(w0, 1.0)
