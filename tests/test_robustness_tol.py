"""What `tol` guarantees: the duality gap bounds the objective, and through strong convexity the coefficients."""
import math

import numpy as np
import pytest

import course_lib as cl


@pytest.mark.parametrize("l1_ratio", [1.0, 0.5])
@pytest.mark.parametrize("method", ["ista", "fista", "cd"])
def test_the_coefficient_bound_holds_and_tightens_with_tol(method, l1_ratio):
    rng = np.random.default_rng(3)
    X = rng.standard_normal((40, 6)) + np.linspace(-1, 2, 6)
    y = X @ np.array([1.0, 0.0, 0.0, 2.0, 0.0, -1.0]) + rng.standard_normal(40)
    lam = 0.1
    exact = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, tol=1e-16, max_iter=100_000).coef
    bounds = []
    for tol in (1e-2, 1e-5, 1e-8):
        fit = cl.elastic_net(X, y, lam, l1_ratio=l1_ratio, method=method, tol=tol)
        bound = cl.coefficient_error_bound(X, lam, fit.gap, l1_ratio=l1_ratio)
        assert np.linalg.norm(fit.coef - exact) <= bound + 1e-12
        bounds.append(bound)
    assert bounds[0] >= bounds[1] >= bounds[2]  # a solver may overshoot a loose tol, never undershoot


def test_no_bound_for_the_lasso_when_p_exceeds_n():
    X = np.random.default_rng(0).standard_normal((5, 12))
    assert cl.coefficient_error_bound(X, 0.1, 1e-10) == math.inf
    assert cl.coefficient_error_bound(X, 0.1, 1e-10, l1_ratio=0.5) < math.inf
