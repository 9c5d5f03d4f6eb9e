"""Projections onto norm balls and the exact constrained ("budget") solver, checked by optimality
conditions, brute force in 2-D, a generic solver, and the λ ↔ t equivalence for least squares."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import course_lib as cl

vectors = st.lists(st.floats(-50, 50), min_size=1, max_size=12).map(np.array)
radii = st.one_of(st.just(0.0), st.floats(1e-8, 30.0))  # (subnormal radii only test rounding)


# ------------------------------------------------------------------------------------------ projections
@settings(max_examples=60, deadline=None)
@given(v=vectors, radius=radii)
def test_project_l2_ball_optimality(v, radius):
    w = cl.project_l2_ball(v, radius)
    assert cl.l2_norm(w) <= radius * (1 + 1e-12)
    if cl.l2_norm(v) <= radius:
        assert np.array_equal(w, v)
    else:
        assert cl.l2_norm(w) == pytest.approx(radius, rel=1e-12, abs=0)
        # variational inequality (v − w)ᵀ(z − w) <= 0 for z in the ball
        rng = np.random.default_rng(0)
        Z = rng.standard_normal((50, v.size))
        Z = radius * Z / np.linalg.norm(Z, axis=1, keepdims=True)
        assert np.all((Z - w) @ (v - w) <= 1e-9 * (1 + np.abs(v).max() ** 2))


@settings(max_examples=80, deadline=None)
@given(v=vectors, radius=radii)
def test_project_l1_ball_optimality(v, radius):
    w = cl.project_l1_ball(v, radius)
    assert np.abs(w).sum() <= radius * (1 + 1e-12) + 1e-12
    if np.abs(v).sum() <= radius:
        assert np.array_equal(w, v)
        return
    assert np.abs(w).sum() == pytest.approx(radius, rel=1e-10, abs=1e-12)
    # The ball is a polytope: the variational inequality only needs checking at its 2p vertices ±r·e_i.
    vertices = np.vstack([radius * np.eye(v.size), -radius * np.eye(v.size)])
    assert np.all((vertices - w) @ (v - w) <= 1e-9 * (1 + np.abs(v).max() ** 2))
    # and it is soft-thresholding: one common threshold θ on the support
    if radius > 0:
        nz = w != 0
        theta = np.abs(v[nz]) - np.abs(w[nz])
        assert np.allclose(theta, theta[0], atol=1e-9 * (1 + np.abs(v).max()))
        assert np.all(np.abs(v[~nz]) <= theta[0] + 1e-9 * (1 + np.abs(v).max()))


def test_projection_examples_and_bad_input():
    assert np.allclose(cl.project_l2_ball([3.0, 4.0], 1.0), [0.6, 0.8])
    assert np.allclose(cl.project_l1_ball([3.0, 1.0], 1.0), [1.0, 0.0])  # exact zero
    assert np.allclose(cl.project_l1_ball([1.0, 1.0], 1.0), [0.5, 0.5])
    with pytest.raises(ValueError, match="radius"):
        cl.project_l1_ball([1.0], -1.0)
    with pytest.raises(ValueError, match="NaN"):
        cl.project_l2_ball([np.nan], 1.0)


# ----------------------------------------------------------------------------- quadratic in a ball
def random_problem(p, rng, outside=True):
    B = rng.standard_normal((p, p))
    H = B @ B.T + 0.2 * np.eye(p)
    c = 3.0 * rng.standard_normal(p)
    return H, c


def f(H, c, w):
    d = w - c
    return 0.5 * d @ H @ d


def boundary_brute_force(H, c, t, norm, m=20001):
    """Minimum of f over a fine parametrisation of the ball's boundary in 2-D, refined locally."""
    s = np.linspace(0.0, 2 * np.pi, m)

    def point(s):
        if norm == "l2":
            return t * np.stack([np.cos(s), np.sin(s)], axis=-1)
        u = np.stack([np.cos(s), np.sin(s)], axis=-1)
        return t * u / np.abs(u).sum(axis=-1, keepdims=True)  # radial map onto the diamond

    pts = point(s)
    vals = 0.5 * np.einsum("ij,jk,ik->i", pts - c, H, pts - c)
    k = int(np.argmin(vals))
    lo, hi = s[max(k - 1, 0)], s[min(k + 1, m - 1)]
    for _ in range(200):  # golden-section refinement on the bracket
        a = lo + 0.382 * (hi - lo)
        b = lo + 0.618 * (hi - lo)
        if f(H, c, point(np.array(a))) < f(H, c, point(np.array(b))):
            hi = b
        else:
            lo = a
    return point(np.array(0.5 * (lo + hi)))


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_2d_against_brute_force(norm):
    rng = np.random.default_rng(1)
    for _ in range(25):
        H, c = random_problem(2, rng)
        t = 0.5 * (np.abs(c).sum() if norm == "l1" else np.linalg.norm(c))  # active constraint
        w = cl.quadratic_min_in_ball(H, c, t, norm)
        w_bf = boundary_brute_force(H, c, t, norm)
        assert f(H, c, w) <= f(H, c, w_bf) * (1 + 1e-10) + 1e-12
        assert np.allclose(w, w_bf, atol=1e-6 * (1 + np.abs(c).max()))


def kkt_residual(H, c, w, mu, t, norm):
    g = H @ (c - w)  # −∇f
    if norm == "l2":
        return max(np.abs(g - mu * w).max(), abs(np.linalg.norm(w) - t) if mu > 0 else 0.0)
    nz = w != 0
    on_support = np.abs(g[nz] - mu * np.sign(w[nz])).max(initial=0.0)
    off_support = max(np.abs(g[~nz]).max(initial=0.0) - mu, 0.0)
    return max(on_support, off_support, abs(np.abs(w).sum() - t) if mu > 0 else 0.0)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_kkt_in_higher_dimensions(norm):
    rng = np.random.default_rng(2)
    for _ in range(60):
        p = int(rng.integers(1, 11))
        H, c = random_problem(p, rng)
        scale = np.abs(c).sum() if norm == "l1" else np.linalg.norm(c)
        t = rng.uniform(0.05, 1.2) * scale
        w, mu = cl.quadratic_min_in_ball(H, c, t, norm, return_multiplier=True)
        assert mu >= 0.0
        assert kkt_residual(H, c, w, mu, t, norm) <= 1e-10 * (1 + np.abs(H @ c).max())
        if t >= scale:
            assert np.array_equal(w, c) and mu == 0.0


def test_against_generic_solver():
    optimize = pytest.importorskip("scipy.optimize")
    rng = np.random.default_rng(3)
    for _ in range(10):
        p = 5
        H, c = random_problem(p, rng)
        t = 0.4 * np.linalg.norm(c)
        w = cl.quadratic_min_in_ball(H, c, t, "l2")
        res = optimize.minimize(lambda x: f(H, c, x), np.zeros(p), method="SLSQP",
                                constraints=[{"type": "ineq", "fun": lambda x: t * t - x @ x}],
                                options={"ftol": 1e-14, "maxiter": 500})
        assert f(H, c, w) <= f(H, c, res.x) + 1e-6 * (1 + f(H, c, res.x))
        assert np.allclose(w, res.x, atol=1e-4)


def test_l1_has_exact_zeros_and_l2_does_not():
    rng = np.random.default_rng(4)
    l1_zeros = 0
    for _ in range(200):
        H, c = random_problem(4, rng)
        w2 = cl.quadratic_min_in_ball(H, c, 0.3 * np.linalg.norm(c), "l2")
        assert np.all(w2 != 0.0)  # generic problems: never an exact zero
        w1 = cl.quadratic_min_in_ball(H, c, 0.3 * np.abs(c).sum(), "l1")
        l1_zeros += np.any(w1 == 0.0)
    assert l1_zeros > 50  # corners are hit often
    w, mu = cl.quadratic_min_in_ball(np.eye(2), [2.0, 0.1], 1.0, "l1", return_multiplier=True)
    assert np.array_equal(w, [1.0, 0.0]) and mu == pytest.approx(1.0)  # projection onto the diamond


def test_budget_zero_and_inside():
    H = np.array([[2.0, 0.3], [0.3, 1.0]])
    w, mu = cl.quadratic_min_in_ball(H, [1.0, -1.0], 0.0, "l1", return_multiplier=True)
    assert np.array_equal(w, [0.0, 0.0]) and mu == pytest.approx(np.abs(H @ [1.0, -1.0]).max())
    w, mu = cl.quadratic_min_in_ball(H, [1.0, -1.0], 0.0, "l2", return_multiplier=True)
    assert np.array_equal(w, [0.0, 0.0]) and mu == np.inf
    w, mu = cl.quadratic_min_in_ball(H, [0.1, 0.2], 5.0, "l2", return_multiplier=True)
    assert np.array_equal(w, [0.1, 0.2]) and mu == 0.0


def test_batch_matches_single_calls():
    rng = np.random.default_rng(5)
    Hs, cs = zip(*[random_problem(3, rng) for _ in range(30)])
    Hs, cs = np.array(Hs), np.array(cs)
    budgets = rng.uniform(0.1, 2.0, 30)
    for norm in ("l1", "l2"):
        W, mus = cl.quadratic_min_in_ball_batch(Hs, cs, budgets, norm)
        for i in range(30):
            w, mu = cl.quadratic_min_in_ball(Hs[i], cs[i], budgets[i], norm, return_multiplier=True)
            assert np.array_equal(W[i], w) and mus[i] == mu


def test_quadratic_bad_inputs():
    H = np.eye(2)
    with pytest.raises(ValueError, match="symmetric"):
        cl.quadratic_min_in_ball([[1.0, 0.5], [0.0, 1.0]], [1.0, 1.0], 1.0)
    with pytest.raises(ValueError, match="positive definite"):
        cl.quadratic_min_in_ball([[1.0, 0.0], [0.0, -1.0]], [1.0, 1.0], 1.0)
    with pytest.raises(ValueError, match="square"):
        cl.quadratic_min_in_ball(np.ones((2, 3)), [1.0, 1.0], 1.0)
    with pytest.raises(ValueError, match="center"):
        cl.quadratic_min_in_ball(H, [1.0, 1.0, 1.0], 1.0)
    with pytest.raises(ValueError, match="budget"):
        cl.quadratic_min_in_ball(H, [1.0, 1.0], -1.0)
    with pytest.raises(ValueError, match="norm"):
        cl.quadratic_min_in_ball(H, [1.0, 1.0], 1.0, norm="l3")
    with pytest.raises(ValueError, match="positive definite"):
        cl.quadratic_min_in_ball_batch(np.zeros((2, 2, 2)), np.zeros((2, 2)), 1.0)


# ----------------------------------------------------------------------------- λ ↔ t, least squares
def ls_problem(n, p, seed):
    X, y, _ = cl.make_regression(n, p, rho=0.6, snr=4.0, seed=seed)
    return X, y


@pytest.mark.parametrize("n,p", [(80, 12), (30, 60)])
def test_lasso_budget_equivalence(n, p):
    sk = pytest.importorskip("sklearn.linear_model")
    X, y = ls_problem(n, p, seed=0)
    Xc, yc = X - X.mean(0), y - y.mean()
    lam_max = np.abs(Xc.T @ yc).max() / n
    for frac in (0.5, 0.1, 0.01):
        lam = frac * lam_max
        t, w = cl.penalized_to_budget(X, y, lam, "l1")
        ref = sk.Lasso(alpha=lam, tol=1e-14, max_iter=200_000).fit(X, y)
        assert np.allclose(w, ref.coef_, atol=1e-8)
        assert t == pytest.approx(np.abs(w).sum())
        w2, lam2 = cl.budget_to_penalized(X, y, t, "l1")
        assert lam2 == pytest.approx(lam, rel=1e-9)
        assert np.allclose(w2, w, atol=1e-10)
        assert np.array_equal(w2 == 0, w == 0) or np.abs(w[(w2 == 0) != (w == 0)]).max() < 1e-12


def test_ridge_budget_equivalence():
    X, y = ls_problem(60, 10, seed=1)
    for lam in (0.01, 0.3, 3.0):
        t, w = cl.penalized_to_budget(X, y, lam, "l2")
        assert t == pytest.approx(np.linalg.norm(cl.ridge(X, y, lam).coef))
        w2, lam2 = cl.budget_to_penalized(X, y, t, "l2")
        assert lam2 == pytest.approx(lam, rel=1e-8)
        assert np.allclose(w2, w, atol=1e-10)
    # a budget the least-squares solution already satisfies does not bind
    w_ls = cl.ridge(X, y, 0.0).coef
    w, lam = cl.budget_to_penalized(X, y, 2 * np.linalg.norm(w_ls), "l2")
    assert lam == 0.0 and np.allclose(w, w_ls, atol=1e-9)
    # p > n: the limit t → ||min-norm solution|| still makes sense for L2
    Xw, yw = ls_problem(15, 40, seed=2)
    w_mn = cl.ridge(Xw, yw, 0.0).coef
    w, lam = cl.budget_to_penalized(Xw, yw, 0.5 * np.linalg.norm(w_mn), "l2")
    assert lam > 0 and np.allclose(w, cl.ridge(Xw, yw, lam).coef, atol=1e-9)


def test_equivalence_bad_inputs():
    X, y = ls_problem(20, 3, seed=0)
    with pytest.raises(ValueError, match="penalty"):
        cl.penalized_to_budget(X, y, 0.1, "l0")
    with pytest.raises(ValueError, match="lam"):
        cl.penalized_to_budget(X, y, -0.1, "l1")
    with pytest.raises(ValueError, match="budget"):
        cl.budget_to_penalized(X, y, -2.0, "l2")
    # a duplicated column: the solution is not unique, but the one returned satisfies the KKT conditions
    Xd = np.column_stack([X, X[:, 0]])
    w, lam = cl.budget_to_penalized(Xd, y, 0.5, "l1")
    Xc, yc = Xd - Xd.mean(0), y - y.mean()
    g = Xc.T @ (yc - Xc @ w) / 20
    assert np.abs(w).sum() == pytest.approx(0.5) and np.abs(g).max() <= lam * (1 + 1e-9)


def test_budget_zero_least_squares_and_read_only_inputs():
    X, y = ls_problem(40, 5, seed=3)
    Xc, yc = X - X.mean(0), y - y.mean()
    w, lam = cl.budget_to_penalized(X, y, 0.0, "l1")
    assert np.array_equal(w, np.zeros(5)) and lam == pytest.approx(np.abs(Xc.T @ yc).max() / 40)
    w, lam = cl.budget_to_penalized(X, y, 0.0, "l2")
    assert np.array_equal(w, np.zeros(5)) and lam == np.inf
    H = np.array([[2.0, 0.3], [0.3, 1.0]])
    c = np.array([1.0, -2.0])
    H.flags.writeable = False
    c.flags.writeable = False
    assert np.allclose(cl.quadratic_min_in_ball(H, c, 1.0, "l1"), cl.quadratic_min_in_ball(H.copy(), c.copy(), 1.0, "l1"))
    assert np.allclose(cl.project_l1_ball(c, 1.0), [0.0, -1.0])
