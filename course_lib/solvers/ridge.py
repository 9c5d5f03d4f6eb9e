"""Ridge regression in closed form: one λ (``ridge``) and a whole path from one factorization (``ridge_path``).

Objective (the course's convention, = glmnet, = scikit-learn ``Ridge(alpha=n·λ)``)::

    (1/(2n))·||y − Xw − b||² + λ·½||w||₂²,      intercept b unpenalized (fit by centering X and y).

Setting the gradient to zero gives the normal equations ``(XᵀX + nλI) w = Xᵀy`` on centered data, so
ridge needs no iterations: ``gap`` is 0.0 and ``n_iter`` is 0 in every result.
"""
from __future__ import annotations

import numpy as np

from .._internal.jit import njit
from .._internal.validation import as_design, as_Xy, check_bool, check_fit_data, check_lam, check_lams, check_magnitude
from ..core.results import Fit, Path

__all__ = ["ridge", "ridge_path", "ridge_dof", "ridge_shrinkage_factors"]

# ridge_path uses the eigendecomposition of the (smaller) Gram matrix when the worst condition number of
# XᵀX + nλI over the path is below this bound (relative error ≈ 1e-16 · bound); otherwise a thin SVD of X.
_GRAM_COND_LIMIT = 1e6


def _center(X, y, fit_intercept):
    """Centered copies (X − x̄, y − ȳ) and the means; zero means when fit_intercept is False."""
    if fit_intercept:
        x_mean = X.mean(axis=0)
        y_mean = float(y.mean())
        return X - x_mean, y - y_mean, x_mean, y_mean
    return X, y, np.zeros(X.shape[1]), 0.0


def _ridge_objective(Xc, yc, w, lam):
    r = yc - Xc @ w
    n = Xc.shape[0]
    return float(r @ r / (2.0 * n) + lam * 0.5 * (w @ w))


@njit(cache=True)
def _cholesky_solve(L, b):
    """Solve (L Lᵀ) x = b with L lower triangular: forward then back substitution, O(p²)."""
    p = L.shape[0]
    z = np.empty(p)
    for i in range(p):  # L z = b
        s = b[i]
        for k in range(i):
            s -= L[i, k] * z[k]
        z[i] = s / L[i, i]
    x = np.empty(p)
    for i in range(p - 1, -1, -1):  # Lᵀ x = z
        s = z[i]
        for k in range(i + 1, p):
            s -= L[k, i] * x[k]
        x[i] = s / L[i, i]
    return x


def _spd_solve(A, b):
    """Cholesky solve of a symmetric positive-definite system.

    None if A is not numerically SPD, or if the Cholesky diagonal shows A is so ill-conditioned
    (``(max L_ii / min L_ii)² > 1e6``, a lower bound on cond(A)) that forming XᵀX would cost more
    than ~6 digits: the caller then uses the SVD of X, which does not square the condition number.
    """
    try:
        L = np.linalg.cholesky(A)
    except np.linalg.LinAlgError:
        return None
    diag = np.diag(L)
    if (diag.max() / diag.min()) ** 2 > _GRAM_COND_LIMIT:
        return None
    return _cholesky_solve(np.ascontiguousarray(L), np.ascontiguousarray(b))


# Refuse dense factorizations that cannot fit in memory: the matrices formed are min(n, p)² and n·p.
MAX_DENSE_VALUES = 400_000_000  # 3.2 GB of float64


def _check_dense_size(n, p):
    need = min(n, p) ** 2 + n * p
    if need > MAX_DENSE_VALUES:
        raise MemoryError(f"ridge on a {n} × {p} design would build {need:.3g} float64 values "
                          f"({need * 8 / 2**30:.1f} GiB); use an iterative solver instead, e.g. "
                          f"cl.elastic_net(X, y, lam, l1_ratio=0.0), or fewer features")


def _check_finite_result(coef, intercept, lam):
    """A closed form never returns NaN/inf as an answer: that is a scale float64 could not carry."""
    if not (np.all(np.isfinite(coef)) and np.all(np.isfinite(intercept))):
        raise FloatingPointError(f"ridge at λ = {lam:.3g}: the solution is not representable in float64 (NaN or "
                                 f"infinite coefficients); rescale X and y (e.g. cl.standardize(X), y / y.std())")


def _min_norm_lstsq(Xc, yc):
    """Minimum-norm least-squares solution (λ = 0), via the SVD (LAPACK gelsd)."""
    return np.linalg.lstsq(Xc, yc, rcond=None)[0]


def ridge(X, y, lam, fit_intercept=True) -> Fit:
    """Ridge regression at one λ, in closed form.

    Minimises ``(1/(2n))·||y − Xw − b||² + λ·½||w||₂²`` (b unpenalized; same as scikit-learn
    ``Ridge(alpha=n·λ)``).  On centered data the solution solves ``(XᵀX + nλI) w = Xᵀy``:

    * ``p <= n``: Cholesky factorization of the p×p matrix ``XᵀX + nλI`` (method ``"cholesky"``);
    * ``p > n``: the equivalent n×n dual form ``w = Xᵀ(XXᵀ + nλI)⁻¹y`` (method ``"dual"``), cheaper
      because the matrix to factor is the smaller one;
    * ``λ = 0``: ordinary least squares; when it is not unique (``p > n`` or collinear columns) the
      minimum-norm solution ``pinv(X) y`` (method ``"lstsq"``).
    When λ is tiny against an ill-conditioned XᵀX (Cholesky fails, or its diagonal shows a condition
    number above 1e6) the SVD of the centered X is used instead (method ``"svd"``): forming XᵀX squares
    the condition number, the SVD does not.

    Returns a ``Fit`` with ``gap=0.0``, ``n_iter=0``, ``converged=True``.  There is no ``tol``: the answer is a
    closed form, accurate to rounding — relative error about 1e-16·cond(XᵀX + nλI) on the Cholesky path
    (which is only taken when that condition number is below 1e6, so ≲ 1e-10) and about 1e-16·cond(X_c) on
    the SVD path.  Data whose squares overflow or underflow float64 (entries beyond 1e±100) are refused
    with "rescale X/y", and a non-finite solution raises instead of being returned.
    No standardization is done: scale the columns first (``cl.standardize``) if their units differ.
    """
    X, y = check_fit_data(*as_Xy(X, y))
    lam = check_lam(lam)
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n, p = X.shape
    _check_dense_size(n, p)
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    w = None
    method = "lstsq"
    if lam > 0.0:
        if p <= n:
            A = Xc.T @ Xc
            A[np.diag_indices_from(A)] += n * lam
            w = _spd_solve(A, Xc.T @ yc)
            method = "cholesky"
        else:
            K = Xc @ Xc.T
            K[np.diag_indices_from(K)] += n * lam
            alpha = _spd_solve(K, yc)
            w = None if alpha is None else Xc.T @ alpha
            method = "dual"
        if w is None:  # not numerically SPD: fall back to the SVD filter formula
            U, d, Vt = np.linalg.svd(Xc, full_matrices=False)
            w = Vt.T @ (d / (d * d + n * lam) * (U.T @ yc))
            method = "svd"
    else:
        w = _min_norm_lstsq(Xc, yc)
    w = np.ascontiguousarray(w, dtype=np.float64)
    intercept = float(y_mean - x_mean @ w) if fit_intercept else 0.0
    _check_finite_result(w, intercept, lam)
    return Fit(coef=w, intercept=intercept, objective=_ridge_objective(Xc, yc, w, lam), gap=0.0, n_iter=0,
               converged=True, history=None, lam=lam, method=method)


def ridge_path(X, y, lams, fit_intercept=True) -> Path:
    """Ridge solutions for many λ from ONE factorization of the centered design.

    Objective at each λ: ``(1/(2n))·||y − Xw − b||² + λ·½||w||₂²`` (scikit-learn ``Ridge(alpha=n·λ)``).
    With the thin SVD ``X = U diag(d) Vᵀ`` every solution is a filter on the singular directions::

        w(λ) = V diag(d / (d² + nλ)) Uᵀy

    so after one factorization each extra λ costs only a matrix-vector product.

    Factorization: the eigendecomposition of the smaller Gram matrix (``XᵀX`` when p ≤ n, else ``XXᵀ``)
    gives the same ``V`` and ``d²`` at a fraction of the SVD's cost when n ≫ p.  Forming the Gram matrix
    squares the condition number, so it is used only when ``(d₁² + nλ_min)/(d_r² + nλ_min) ≤ 1e6``
    (relative error ≲ 1e-10); otherwise (e.g. λ = 0 on a collinear design) the thin SVD of X is used.
    λ = 0 gives the minimum-norm least-squares solution (directions with d ≤ max(n, p)·eps·d₁ dropped).

    ``lams`` is required (any order; the result is sorted decreasing).  Returns a ``Path`` whose ``gaps``
    and ``n_iters`` are zeros (closed form) and ``l1_ratio=0.0`` (ridge = elastic net with r = 0).
    """
    if lams is None:
        raise TypeError("ridge_path needs lams, e.g. lams=np.logspace(2, -4, 100) (unlike lasso_path there is "
                        "no natural lam_max for ridge: its solution is never exactly zero)")
    X, y = check_fit_data(*as_Xy(X, y))
    lams = np.sort(check_lams(lams))[::-1].copy()
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    n, p = X.shape
    _check_dense_size(n, p)
    Xc, yc, x_mean, y_mean = _center(X, y, fit_intercept)
    coefs = None
    lam_min = float(lams[-1])
    if lam_min > 0.0:  # λ = 0 needs a rank decision: leave it to the SVD
        G = Xc.T @ Xc if p <= n else Xc @ Xc.T
        evals, evecs = np.linalg.eigh(G)
        evals = np.maximum(evals, 0.0)
        cond = (evals[-1] + n * lam_min) / (evals[0] + n * lam_min)
        if cond <= _GRAM_COND_LIMIT:
            # XᵀX = V D² Vᵀ (p ≤ n):  w = V diag(1/(d² + nλ)) Vᵀ Xᵀy
            # XXᵀ = U D² Uᵀ (p > n):  w = Xᵀ U diag(1/(d² + nλ)) Uᵀ y
            inv = 1.0 / (evals[None, :] + n * lams[:, None])  # (k, r)
            if p <= n:
                coefs = (inv * (evecs.T @ (Xc.T @ yc))[None, :]) @ evecs.T
            else:
                coefs = (inv * (evecs.T @ yc)[None, :]) @ (evecs.T @ Xc)
            method = "closed form (Gram eigh)"
    if coefs is None:
        U, d, Vt = np.linalg.svd(Xc, full_matrices=False)
        uty = U.T @ yc
        d2 = d * d
        denom = d2[None, :] + n * lams[:, None]
        keep = d > max(n, p) * np.finfo(float).eps * (d[0] if d.size else 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            filt = np.where(keep[None, :], d[None, :] / np.where(denom > 0, denom, 1.0), 0.0)
        coefs = (filt * uty[None, :]) @ Vt
        method = "closed form (SVD)"
    coefs = np.ascontiguousarray(coefs)
    intercepts = (y_mean - coefs @ x_mean) if fit_intercept else np.zeros(lams.shape[0])
    _check_finite_result(coefs, intercepts, lams[-1])
    k = lams.shape[0]
    return Path(lams=lams, coefs=coefs, intercepts=np.asarray(intercepts, dtype=np.float64), gaps=np.zeros(k),
                n_iters=np.zeros(k, dtype=np.int64), l1_ratio=0.0, method=method)


def _centered_singular_values(X, fit_intercept):
    X = as_design(X)
    check_magnitude(X, "X")
    fit_intercept = check_bool(fit_intercept, "fit_intercept")
    Xc = X - X.mean(axis=0) if fit_intercept else X
    d = np.linalg.svd(Xc, compute_uv=False)
    # directions at rounding level (e.g. the one centering removes) have d = 0 exactly in theory
    d[d <= max(X.shape) * np.finfo(float).eps * (d[0] if d.size else 0.0)] = 0.0
    return d, X.shape[0]


def ridge_shrinkage_factors(X, lam, fit_intercept=True):
    """Per singular direction of the (centered) design, the factor ``d_j²/(d_j² + nλ)`` in [0, 1].

    Ridge's fitted values are ``Σ_j u_j · [d_j²/(d_j² + nλ)] · u_jᵀy``: each principal direction of X is
    kept in proportion to its factor, so low-variance directions (small d_j) are shrunk the most.
    Returned in the order of decreasing d_j (length min(n, p)).  ``lam`` may be a scalar (→ (r,) array)
    or an array of k values (→ (k, r) array).
    """
    d, n = _centered_singular_values(X, fit_intercept)
    d2 = d * d
    if np.ndim(lam) == 0:
        lam = check_lam(lam)
        with np.errstate(invalid="ignore"):
            return np.where(d2 > 0, d2 / np.where(d2 + n * lam > 0, d2 + n * lam, 1.0), 0.0)
    lams = check_lams(lam, "lam")
    denom = d2[None, :] + n * lams[:, None]
    return np.where(d2[None, :] > 0, d2[None, :] / np.where(denom > 0, denom, 1.0), 0.0)


def ridge_dof(X, lam, fit_intercept=True):
    """Effective degrees of freedom of ridge: ``df(λ) = Σ_j d_j²/(d_j² + nλ)`` = trace of the hat matrix.

    Equals rank(X) at λ = 0 and decreases to 0 as λ → ∞ (the intercept's one extra df is not counted).
    ``lam`` scalar → float; array → array.
    """
    f = ridge_shrinkage_factors(X, lam, fit_intercept)
    return float(f.sum()) if f.ndim == 1 else f.sum(axis=1)
