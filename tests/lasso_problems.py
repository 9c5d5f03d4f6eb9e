"""Small test problems shared by the lasso / elastic-net tests (not a test module)."""
import numpy as np


def ar1_design(n, p, rho, rng):
    """Rows with AR(1)/Toeplitz correlation corr(x_j, x_k) = rho^|j-k|."""
    X = np.empty((n, p))
    X[:, 0] = rng.standard_normal(n)
    for j in range(1, p):
        X[:, j] = rho * X[:, j - 1] + np.sqrt(1 - rho ** 2) * rng.standard_normal(n)
    return X


def family(name, seed=0):
    """(X, y) for one of the problem families 'p<n', 'p>n', 'correlated'."""
    rng = np.random.default_rng(seed)
    if name == "p<n":
        n, p = 60, 15
        X = rng.standard_normal((n, p)) * rng.uniform(0.5, 2.0, p) + rng.normal(0, 3, p)
    elif name == "p>n":
        n, p = 30, 80
        X = rng.standard_normal((n, p))
    elif name == "correlated":
        n, p = 50, 30
        X = ar1_design(n, p, 0.95, rng)
    else:
        raise ValueError(name)
    truth = np.zeros(p)
    truth[rng.choice(p, 5, replace=False)] = rng.choice([-2.0, -1.0, 1.0, 2.0], 5)
    y = X @ truth + 1.5 + rng.standard_normal(n)
    return X, y


FAMILIES = ("p<n", "p>n", "correlated")


def centered(X, y):
    return X - X.mean(axis=0), y - y.mean()


def kkt_violation(X, y, coef, lam, l1_ratio=1.0):
    """max violation of the elastic-net KKT conditions (centered data):
    x_jᵀr/n − λ(1−r)w_j = λr·sign(w_j) on the support, |.| <= λr off it."""
    Xc, yc = centered(X, y)
    n = X.shape[0]
    grad = Xc.T @ (yc - Xc @ coef) / n - lam * (1 - l1_ratio) * coef
    on = coef != 0
    viol_on = np.abs(grad[on] - lam * l1_ratio * np.sign(coef[on]))
    viol_off = np.maximum(np.abs(grad[~on]) - lam * l1_ratio, 0.0)
    return max(viol_on.max(initial=0.0), viol_off.max(initial=0.0))


def kkt_scale(X, y):
    """Unit of the KKT residuals x_jᵀr/n: (spread of the columns) × (spread of y)."""
    return float(np.std(y) * max(np.std(X, axis=0).max(), 1e-300))
