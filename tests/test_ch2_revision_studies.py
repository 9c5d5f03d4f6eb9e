"""Chapter 2's revision studies: the unsquared L2 norm penalty and early stopping as implicit ridge."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.studies import ch2_early_stopping, ch2_unsquared_norm


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((40, 3)) @ np.array([[1.0, 0.5, 0.0], [0.0, 1.0, 0.3], [0.0, 0.0, 1.0]])
    y = X @ [1.0, -0.5, 0.25] + 0.5 * rng.standard_normal(40) + 3.0
    return X, y


def test_unsquared_norm_is_zero_exactly_from_lam0(data):
    X, y = data
    Xc, yc = X - X.mean(0), y - y.mean()
    lam0 = ch2_unsquared_norm.unsquared_lam_zero(X, y)
    assert lam0 == pytest.approx(np.linalg.norm(Xc.T @ yc) / 40)
    assert np.all(ch2_unsquared_norm.unsquared_norm_fit(X, y, lam0 * 1.0001) == 0.0)
    assert np.linalg.norm(ch2_unsquared_norm.unsquared_norm_fit(X, y, lam0 * 0.99)) > 0.0


@pytest.mark.parametrize("share", [0.05, 0.5, 0.95])
def test_unsquared_norm_fit_beats_perturbations_and_meets_optimality(data, share):
    X, y = data
    lam = share * ch2_unsquared_norm.unsquared_lam_zero(X, y)
    w = ch2_unsquared_norm.unsquared_norm_fit(X, y, lam)
    Xc, yc = X - X.mean(0), y - y.mean()

    def objective(v):
        return np.sum((yc - Xc @ v) ** 2) / 80 + lam * np.linalg.norm(v)

    rng = np.random.default_rng(0)
    assert all(objective(w) <= objective(w + 1e-3 * rng.standard_normal(3)) for _ in range(50))
    assert ch2_unsquared_norm.unsquared_norm_kkt(X, y, w, lam) < 1e-8
    assert ch2_unsquared_norm.unsquared_norm_kkt(X, y, 1.1 * w, lam) > 1e-3  # the check can fail


def test_gd_filter_factors_reproduce_the_iterate(data):
    X, y = data
    Xc, yc = X - X.mean(0), y - y.mean()
    step, k = 0.2, 25
    U, d, Vt = np.linalg.svd(Xc, full_matrices=False)
    g = ch2_early_stopping.gd_filter_factors(X, step, k)
    w = np.zeros(3)
    for _ in range(k):
        w = w + step * Xc.T @ (yc - Xc @ w) / 40
    np.testing.assert_allclose(Vt.T @ (g / d * (U.T @ yc)), w, atol=1e-10)


def test_early_stopping_tracks_the_ridge_path_and_norms_decrease():
    X, y, _ = cl.load_diabetes(standardized=True)
    step = len(y) / np.linalg.norm(X - X.mean(0), 2) ** 2
    track = ch2_early_stopping.path_distances(X, y, step, [10, 100, 1000], np.logspace(-6, 3, 181))
    assert np.all(track["distance_nearest"] < 0.1) and np.all(track["distance_nearest"] < track["distance_ols"])
    assert np.all(np.diff(track["lam_nearest"]) < 0)  # more steps, less regularization
    lams, norms = ch2_early_stopping.ridge_norms(X, y, np.logspace(-4, 3, 50))
    assert np.all(np.diff(lams) > 0) and np.all(np.diff(norms) < 0)
