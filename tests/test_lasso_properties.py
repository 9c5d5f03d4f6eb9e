"""Property tests on random small problems (hypothesis)."""
import warnings

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.linear_model import ElasticNet

import course_lib as cl
from lasso_problems import kkt_scale, kkt_violation

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def problems(draw):
    n = draw(st.integers(3, 25))
    p = draw(st.integers(1, 30))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    scale = draw(st.sampled_from([0.01, 1.0, 100.0]))
    X = scale * rng.standard_normal((n, p))
    if draw(st.booleans()):  # strongly correlated columns
        X = X + 3 * scale * rng.standard_normal((n, 1))
    if p > 1 and draw(st.booleans()):
        X[:, 0] = 1.5  # a constant column
    y = rng.standard_normal(n) + X[:, -1] * draw(st.floats(-3, 3))
    frac = draw(st.sampled_from([1.5, 1.0, 0.7, 0.2, 0.05, 0.01]))
    l1_ratio = draw(st.sampled_from([1.0, 1.0, 0.5, 0.1]))
    return X, y, frac, l1_ratio


@SETTINGS
@given(problems())
def test_kkt_and_gap_hold(problem):
    X, y, frac, l1_ratio = problem
    top = cl.lam_max(X, y, l1_ratio)
    lam = frac * top if top > 0 else 0.1
    # tol 1e-13, not 1e-14: the gap is a difference of terms of size ~||y−ȳ||²/n computed in float64, so its
    # rounding floor is ~n·eps of that (a generated case stalled at gap 7.3e-15 = 2.4e-14·var(y))
    fit = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-13, max_iter=100_000)
    assert fit.converged
    assert fit.gap <= 1e-13 * np.var(y) + 1e-300
    # KKT residuals in units of their terms: x_jᵀr/n and the ridge part λ(1−r)w_j
    unit = kkt_scale(X, y) + lam * (1 - l1_ratio) * np.abs(fit.coef).max()
    assert kkt_violation(X, y, fit.coef, lam, l1_ratio) <= 1e-6 * unit
    if frac >= 1.0:
        assert np.all(fit.coef == 0.0)


@SETTINGS
@given(problems())
def test_objective_no_worse_than_zero_or_sklearn(problem):
    X, y, frac, l1_ratio = problem
    top = cl.lam_max(X, y, l1_ratio)
    lam = frac * top if top > 0 else 0.1
    fit = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-12, max_iter=100_000)
    zero = cl.objective(X, y, np.zeros(X.shape[1]), y.mean(), lam, l1_ratio)
    assert fit.objective <= zero * (1 + 1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sk = ElasticNet(alpha=lam, l1_ratio=l1_ratio, tol=1e-10, max_iter=100_000).fit(X, y)
    ref = cl.objective(X, y, sk.coef_, sk.intercept_, lam, l1_ratio)
    assert fit.objective <= ref + 1e-10 * max(ref, 1e-300) + 1e-15
    # and the gap certifies: nothing (not even sklearn) is lower than objective − gap
    assert ref >= fit.objective - fit.gap - 1e-12 * ref


@SETTINGS
@given(problems())
def test_fista_agrees_with_cd(problem):
    X, y, frac, l1_ratio = problem
    top = cl.lam_max(X, y, l1_ratio)
    lam = max(frac, 0.05) * top if top > 0 else 0.1
    cd = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-10)
    fista = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, method="fista", tol=1e-10, max_iter=200_000)
    assert cd.converged and fista.converged
    # both objectives lie within their gaps of the same minimum
    assert abs(fista.objective - cd.objective) <= fista.gap + cd.gap + 1e-14 * cd.objective


@SETTINGS
@given(problems(), st.floats(1.0, 10.0))
def test_lambda_at_or_above_lam_max_gives_exact_zeros(problem, factor):
    X, y, _, l1_ratio = problem
    top = cl.lam_max(X, y, l1_ratio)
    fit = cl.elastic_net(X, y, top * factor, l1_ratio=l1_ratio)
    assert np.all(fit.coef == 0.0) and fit.gap == 0.0
    if top > 0:
        below = cl.elastic_net(X, y, top * 0.9, l1_ratio=l1_ratio)
        assert below.n_nonzero >= 1
