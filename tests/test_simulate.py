"""Data generators: reproducible with a seed, the SNR and correlations they promise, clean splits."""
import numpy as np
import pytest

import course_lib as cl


def test_seeds_reproducible_and_required():
    a = cl.make_regression(50, 8, rho=0.3, seed=11)
    b = cl.make_regression(50, 8, rho=0.3, seed=11)
    c = cl.make_regression(50, 8, rho=0.3, seed=12)
    for u, v in zip(a, b):
        assert np.array_equal(u, v)
    assert not np.array_equal(a[0], c[0])
    with pytest.raises(TypeError, match="seed"):
        cl.make_regression(50, 8, seed=None)
    with pytest.raises(TypeError):
        cl.make_regression(50, 8)  # seed is a required keyword
    for make in (lambda s: cl.make_correlated_pair(30, 0.5, seed=s),
                 lambda s: cl.make_collinear_features(30, 3, 0.5, seed=s),
                 lambda s: cl.make_polynomial_problem(30, seed=s)):
        assert all(np.array_equal(u, v) for u, v in zip(make(3)[:2], make(3)[:2]))
    g1 = cl.make_regression(20, 3, seed=np.random.default_rng(5))
    g2 = cl.make_regression(20, 3, seed=np.random.default_rng(5))
    assert np.array_equal(g1[1], g2[1])


def test_toeplitz_covariance():
    S = cl.toeplitz_covariance(5, 0.6)
    assert S.shape == (5, 5) and np.allclose(np.diag(S), 1.0)
    assert S[0, 3] == pytest.approx(0.6 ** 3) and np.allclose(S, S.T)
    assert np.linalg.eigvalsh(S).min() > 0
    with pytest.raises(ValueError, match="rho"):
        cl.toeplitz_covariance(5, 1.0)


def test_snr_and_correlation_as_stated():
    n, p, rho, snr = 40_000, 12, 0.7, 2.5
    X, y, w, sigma = cl.make_regression(n, p, rho=rho, snr=snr, coef="dense", seed=1, return_noise_std=True)
    Sigma = cl.toeplitz_covariance(p, rho)
    assert sigma == pytest.approx(np.sqrt(w @ Sigma @ w / snr), rel=1e-12)  # population definition
    # empirical checks within sampling error (n = 40 000: a few 1e-2)
    emp_corr = np.corrcoef(X, rowvar=False)
    assert np.max(np.abs(emp_corr - Sigma)) < 0.03
    noise = y - X @ w
    assert np.var(X @ w) / np.var(noise) == pytest.approx(snr, rel=0.05)
    assert np.mean(noise) == pytest.approx(0.0, abs=4 * sigma / np.sqrt(n))


def test_sparse_truth_and_explicit_coef():
    X, y, w = cl.make_regression(30, 50, n_informative=7, seed=2)
    assert np.count_nonzero(w) == 7 and set(np.abs(w[w != 0])) == {1.0}
    _, _, w_default = cl.make_regression(30, 50, seed=2)
    assert np.count_nonzero(w_default) == 5  # p // 10
    truth = np.arange(4.0)
    X, y, w = cl.make_regression(20, 4, coef=truth, snr=np.inf, intercept=2.0, seed=0)
    assert np.array_equal(w, truth) and np.allclose(y, X @ truth + 2.0)
    with pytest.raises(ValueError, match="coef"):
        cl.make_regression(20, 4, coef="weird", seed=0)
    with pytest.raises(ValueError, match="n_informative"):
        cl.make_regression(20, 4, n_informative=9, seed=0)
    with pytest.raises(ValueError, match="snr"):
        cl.make_regression(20, 4, snr=-1.0, seed=0)


def test_correlated_pair_and_collinear_features():
    X, y, w = cl.make_correlated_pair(50_000, 0.9, w=(1.0, -0.5), noise=0.2, seed=3)
    assert X.shape == (50_000, 2) and np.array_equal(w, [1.0, -0.5])
    assert np.corrcoef(X.T)[0, 1] == pytest.approx(0.9, abs=0.01)
    assert np.std(y - X @ w) == pytest.approx(0.2, rel=0.02)
    Xk, _, wk = cl.make_collinear_features(50_000, 4, 0.95, seed=4)
    C = np.corrcoef(Xk.T)
    assert np.allclose(C[np.triu_indices(4, 1)], 0.95, atol=0.01) and np.array_equal(wk, np.ones(4))
    with pytest.raises(ValueError, match="rho"):
        cl.make_correlated_pair(10, 1.0, seed=0)
    with pytest.raises(ValueError, match="2 entries"):
        cl.make_correlated_pair(10, 0.5, w=(1, 2, 3), seed=0)


def test_polynomial_problem():
    x, y, f = cl.make_polynomial_problem(40, truth="sine", noise=0.0, seed=0)
    assert np.all(np.diff(x) >= 0) and np.all((x >= -1) & (x <= 1))
    assert np.allclose(y, np.sin(np.pi * x))
    x, y, f = cl.make_polynomial_problem(40, truth=lambda t: 2 * t, noise=0.0, seed=0, x_range=(0, 5))
    assert np.allclose(y, 2 * x) and x.min() >= 0 and x.max() <= 5
    with pytest.raises(ValueError, match="truth"):
        cl.make_polynomial_problem(10, truth="tan", seed=0)


def test_train_test_split_and_kfold():
    X = np.arange(40.0).reshape(20, 2)
    y = np.arange(20.0)
    Xtr, Xte, ytr, yte = cl.train_test_split(X, y, 0.25, seed=0)
    assert len(yte) == 5 and len(ytr) == 15
    assert sorted(np.concatenate([ytr, yte]).tolist()) == y.tolist()
    assert np.array_equal(Xtr[:, 0] / 2, ytr)  # rows stay paired
    assert len(cl.train_test_split(X, y, 7, seed=0)[3]) == 7
    with pytest.raises(ValueError, match="test_size"):
        cl.train_test_split(X, y, 1.5, seed=0)
    folds = cl.kfold_indices(23, 5, seed=1)
    assert len(folds) == 5
    tests = np.concatenate([te for _, te in folds])
    assert sorted(tests.tolist()) == list(range(23))
    for tr, te in folds:
        assert len(np.intersect1d(tr, te)) == 0 and len(tr) + len(te) == 23 and len(te) in (4, 5)
    with pytest.raises(ValueError, match="k"):
        cl.kfold_indices(5, 6, seed=0)
