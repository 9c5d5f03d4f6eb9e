"""standardize and polynomial_features."""
import numpy as np
import pytest

import course_lib as cl


def test_standardize():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 3)) * [1.0, 100.0, 0.01] + [5.0, -3.0, 1e4]
    Z, mean, scale = cl.standardize(X, return_params=True)
    assert np.allclose(Z.mean(axis=0), 0, atol=1e-12) and np.allclose(Z.std(axis=0), 1.0)
    assert np.allclose((X - mean) / scale, Z)
    assert np.allclose(np.sum(Z ** 2, axis=0) / 50, 1.0)  # population std: ||z||²/n = 1


def test_standardize_constant_column():
    X = np.column_stack([np.arange(5.0), np.full(5, 3.7)])
    with pytest.warns(UserWarning, match="constant"):
        Z, mean, scale = cl.standardize(X, return_params=True)
    assert np.all(Z[:, 1] == 0.0) and scale[1] == 1.0
    with pytest.raises(ValueError, match="2-D"):
        cl.standardize(np.arange(3.0))


def test_polynomial_features():
    x = np.array([0.0, 1.0, 2.0])
    P = cl.polynomial_features(x, 3)
    assert np.array_equal(P, [[0, 0, 0], [1, 1, 1], [2, 4, 8]])
    assert cl.polynomial_features(x, 2, include_bias=True).shape == (3, 3)
    S = cl.polynomial_features(np.linspace(0, 10, 30), 12, scale_to_unit=True)
    assert np.abs(S).max() <= 1.0 + 1e-12
    assert np.linalg.cond(S) < np.linalg.cond(cl.polynomial_features(np.linspace(0, 10, 30), 12)) / 1e6
    with pytest.raises(ValueError, match="degree"):
        cl.polynomial_features(x, 0)
    with pytest.raises(ValueError, match="distinct"):
        cl.polynomial_features([1.0, 1.0], 2, scale_to_unit=True)
