"""The shipped diabetes data (Efron, Hastie, Johnstone & Tibshirani 2004)."""
import numpy as np
import pytest

import course_lib as cl


def test_diabetes_raw():
    X, y, names = cl.load_diabetes()
    assert X.shape == (442, 10) and y.shape == (442,)
    assert X.dtype == np.float64 and X.flags.c_contiguous
    assert names == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    assert np.all(np.isfinite(X)) and np.all(np.isfinite(y))
    assert y.min() == 25 and y.max() == 346 and y.sum() == 67243
    assert y.mean() == pytest.approx(152.1335, abs=1e-4)
    assert np.array_equal(X[0], [59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]) and y[0] == 151
    assert set(np.unique(X[:, 1])) == {1.0, 2.0}
    assert X[:, 0].sum() == 21445 and X[:, 2].sum() == pytest.approx(11658.1)


def test_diabetes_matches_scikit_learn_copy():
    datasets = pytest.importorskip("sklearn.datasets")
    X, y, _ = cl.load_diabetes()
    Xs, ys = datasets.load_diabetes(return_X_y=True, scaled=False)
    assert np.array_equal(X, Xs) and np.array_equal(y, ys)
    Xn, _ = datasets.load_diabetes(return_X_y=True, scaled=True)
    Z, _, _ = cl.load_diabetes(standardized=True)
    assert np.allclose(Z / np.sqrt(442), Xn, atol=1e-12)  # sklearn scales to unit norm, we to unit variance


def test_diabetes_standardized():
    Z, y, _ = cl.load_diabetes(standardized=True)
    assert np.allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    assert np.allclose(Z.std(axis=0), 1.0)
    assert y.sum() == 67243  # y untouched
