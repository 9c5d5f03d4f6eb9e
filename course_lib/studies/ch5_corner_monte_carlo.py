"""Does the constrained optimum land on a corner?  A Monte Carlo over random quadratic losses, solved exactly.

The budget (constrained) form of a penalized least-squares problem is

    minimise  ½(w − c)ᵀH(w − c)   subject to  ||w||_q <= t        (q = 1: the diamond, q = 2: the ball)

with H positive definite (the Gram matrix of the design) and c the unconstrained optimum (least squares).
We draw many random (H, c), solve each problem EXACTLY with ``cl.quadratic_min_in_ball`` and count the
solutions with an exact zero coordinate — no tolerance: the solver returns 0.0 for a coordinate that is
zero at the optimum.  For the L2 ball the solution is ``w = (H + μI)⁻¹Hc`` for some μ >= 0, whose j-th
coordinate vanishes only when (H + μI)⁻¹Hc happens to have an exact 0 there: a probability-zero event
for a continuous random (H, c).  The exact L2 rate is therefore 0, and the experiment measures it so.

``sampling_pitfall`` reproduces a popular version of the experiment (explained.ai's "regularization"
article): there the constrained optimum is approximated by the best of 100 points sampled on the boundary
and a coordinate counts as zero when ``np.isclose(w_j, 0)``.  The circle's sample includes the four points
ON the axes, so every optimum within half a sampling step of an axis snaps onto it and is counted as a
"zero": a few per cent of L2 "zeros" that are an artefact of the sampling, not a property of the ball.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._internal.blas_threads import single_threaded_blas
from .._internal.validation import check_choice, check_scalar, check_seed

__all__ = [
    "random_quadratics", "constrained_optimum", "constrained_optima", "corner_study", "CornerStudy", "popular_boundary_points",
    "popular_quadratic", "sampling_pitfall", "PitfallStudy", "POPULAR_KINDS", "POPULAR_REPORTED",
]

# The three loss families of the popular simulation, and the rates its article reports (L1 %, L2 %).
POPULAR_KINDS = ("symmetric", "general", "one_unimportant")
POPULAR_REPORTED = {"symmetric": (66.0, 3.0), "general": (72.0, 5.0), "one_unimportant": (80.0, 45.0)}


def random_quadratics(m, d, rng, log10_cond=2.0):
    """``m`` random positive-definite H (m, d, d) and centres c (m, d) for the corner experiment.

    H = Q diag(e) Qᵀ with Q a uniformly random rotation (QR of a Gaussian matrix, signs fixed) and
    eigenvalues e_i = 10^{U(−a/2, a/2)}, a = ``log10_cond`` (condition number up to 10^a, default 100);
    c ~ N(0, I_d).  Every direction and every ellipse orientation is equally likely.
    """
    G = rng.standard_normal((m, d, d))
    Q, R = np.linalg.qr(G)
    signs = np.where(np.diagonal(R, axis1=1, axis2=2) < 0, -1.0, 1.0)
    Q = Q * signs[:, None, :]  # makes each Q Haar-distributed
    e = 10.0 ** rng.uniform(-0.5 * log10_cond, 0.5 * log10_cond, size=(m, d))
    H = np.einsum("mij,mj,mkj->mik", Q, e, Q)
    H = np.ascontiguousarray(0.5 * (H + np.transpose(H, (0, 2, 1))))
    c = np.ascontiguousarray(rng.standard_normal((m, d)))
    return H, c


def constrained_optimum(H, center, budget, norm):
    """The exact minimiser of ½(w − c)ᵀH(w − c) over ``||w||_q <= budget`` (``norm`` "l1" or "l2")."""
    from ..core.projections import quadratic_min_in_ball

    return np.asarray(quadratic_min_in_ball(H, center, budget, norm=norm), dtype=np.float64)


def constrained_optima(Hs, centers, budgets, norm):
    """``constrained_optimum`` for a batch (m, d, d), (m, d), (m,): one jitted loop."""
    from ..core.projections import quadratic_min_in_ball_batch

    return quadratic_min_in_ball_batch(Hs, centers, budgets, norm=norm)[0]


@dataclass
class CornerStudy:
    """Exact zero rates over random quadratics, per dimension d (rows) and budget fraction s (columns).

    The budget is ``t = s·||c||_q``: the unconstrained optimum c is always outside the ball (s < 1), so
    the constraint is active.  ``p_zero_l1[i, j]``: fraction of problems whose L1 solution has at least
    one exact zero coordinate; ``frac_zero_l1``: mean fraction of coordinates that are exactly zero;
    ``p_zero_l2``/``frac_zero_l2`` the same for the L2 ball; ``closest_l2``: over all L2 solutions, the
    smallest ``|w_j|/||w||₂`` (how close any coordinate came to zero).
    """

    dims: tuple
    fractions: tuple
    n_problems: int
    p_zero_l1: np.ndarray
    frac_zero_l1: np.ndarray
    p_zero_l2: np.ndarray
    frac_zero_l2: np.ndarray
    closest_l2: float
    seed: int = 0

    def se(self, p):
        """Binomial standard error of a measured proportion (array or scalar)."""
        return np.sqrt(np.asarray(p) * (1.0 - np.asarray(p)) / self.n_problems)

    @property
    def l2_zero_count(self) -> int:
        """Exact zeros found among all L2 solutions (problems with at least one)."""
        return int(round(float(self.p_zero_l2.sum()) * self.n_problems))

    @property
    def n_solutions(self) -> int:
        """Constrained problems solved per ball (dims × fractions × problems)."""
        return self.p_zero_l1.size * self.n_problems

    def table(self, values=None, digits=3) -> str:
        """Rows d, columns s: ``values`` (default ``p_zero_l1``) as a fixed-width text table."""
        values = self.p_zero_l1 if values is None else values
        lines = ["       s = " + "".join(f"{s:>8.2f}" for s in self.fractions)]
        for d, row in zip(self.dims, values):
            lines.append(f"d = {d:<6d}" + "".join(f"{v:>8.{digits}f}" for v in row))
        return "\n".join(lines)


def corner_study(dims=(2, 5, 10, 20), fractions=(0.2, 0.4, 0.6, 0.8, 0.9, 0.95), n_problems=1000, *, seed,
                 log10_cond=2.0) -> CornerStudy:
    """Run the corner experiment: for each d, ``n_problems`` random (H, c) (``random_quadratics``), each
    solved exactly under the L1 and the L2 budget ``t = s·||c||_q`` for every fraction s."""
    with single_threaded_blas():  # many small QR factorizations: threads would only contend
        return _corner_study(dims, fractions, n_problems, seed, log10_cond)


def _corner_study(dims, fractions, n_problems, seed, log10_cond):
    rng = check_seed(seed)
    n_problems = check_scalar(n_problems, "n_problems", low=1, integer=True)
    dims = tuple(check_scalar(d, "dims entry", low=1, integer=True) for d in dims)
    fractions = tuple(check_scalar(s, "fractions entry", low=0.0, high=1.0, low_inclusive=False,
                                   high_inclusive=False) for s in fractions)
    shape = (len(dims), len(fractions))
    p1, f1, p2, f2 = (np.zeros(shape) for _ in range(4))
    closest = np.inf
    for i, d in enumerate(dims):
        H, c = random_quadratics(n_problems, d, rng, log10_cond)
        n1 = np.sum(np.abs(c), axis=1)
        n2 = np.sqrt(np.sum(c * c, axis=1))
        for j, s in enumerate(fractions):
            W1 = constrained_optima(H, c, s * n1, "l1")
            W2 = constrained_optima(H, c, s * n2, "l2")
            z1 = np.sum(W1 == 0.0, axis=1)  # exact zeros, no tolerance
            z2 = np.sum(W2 == 0.0, axis=1)
            p1[i, j], f1[i, j] = np.mean(z1 > 0), np.mean(z1) / d
            p2[i, j], f2[i, j] = np.mean(z2 > 0), np.mean(z2) / d
            rel = np.min(np.abs(W2), axis=1) / np.sqrt(np.sum(W2 * W2, axis=1))
            closest = min(closest, float(rel.min()))
    return CornerStudy(dims=dims, fractions=fractions, n_problems=n_problems, p_zero_l1=p1, frac_zero_l1=f1,
                       p_zero_l2=p2, frac_zero_l2=f2, closest_l2=closest,
                       seed=seed if isinstance(seed, int) else -1)


# --- the popular, sampled version ---------------------------------------------------------------------

def popular_boundary_points(norm, radius=2.0, n_points=100):
    """The boundary sample of the popular simulation: four quarter arcs of ``n_points // 4`` points each,
    every arc including both of its end points — which lie exactly on the axes (so the axis points appear
    twice).  The circle's points are ``radius·(cos θ, sin θ)``; the diamond's lie on its four edges."""
    check_choice(norm, "norm", ("l1", "l2"))
    m = check_scalar(n_points, "n_points", low=4, integer=True) // 4
    radius = check_scalar(radius, "radius", low=0.0, low_inclusive=False)
    pts = []
    if norm == "l2":
        for k in range(4):
            theta = np.linspace(k * np.pi / 2, (k + 1) * np.pi / 2, m)
            pts.append(np.column_stack([np.cos(theta), np.sin(theta)]) * radius)
    else:
        x = np.linspace(0.0, radius, m)
        xn = np.linspace(-radius, 0.0, m)
        pts = [np.column_stack([x, radius - x]), np.column_stack([x, x - radius]),
               np.column_stack([xn, -xn - radius]), np.column_stack([xn, xn + radius])]
    return np.vstack(pts)


def popular_quadratic(kind, rng, norm, radius=2.0, half_width=10.0):
    """One random loss ``a(w₁−x)² + b(w₂−y)² + c(w₁−x)(w₂−y)`` of the popular simulation, as (H, centre).

    kind "symmetric": a = b ~ U(0, 10), c = 0; "general": a, b ~ U(0, 10), c ~ U(−1.5, 2.5);
    "one_unimportant": one of a, b is 0.1, the other ~ U(−5, 10), c = 0.  Non-convex draws (not
    4ab > c², a > 0) are redrawn, and so are centres (x, y) ~ U(−10, 10)² inside the ball (the
    constraint must be active).  In our form ½(w − c)ᵀH(w − c) this is H = [[2a, c], [c, 2b]].
    """
    check_choice(kind, "kind", POPULAR_KINDS)
    while True:
        a, b, cross = rng.uniform(0, 10), rng.uniform(0, 10), rng.uniform(-1.5, 2.5)
        if kind == "symmetric":
            b, cross = a, 0.0
        elif kind == "one_unimportant":
            if rng.uniform() > 0.5:
                a, b = rng.uniform(-5, 10), 0.1
            else:
                a, b = 0.1, rng.uniform(-5, 10)
            cross = 0.0
        while True:
            centre = rng.uniform(-half_width, half_width, size=2)
            size = np.sum(np.abs(centre)) if norm == "l1" else np.sqrt(centre @ centre)
            if size > radius:
                break
        if a > 0 and b > 0 and 4 * a * b > cross * cross:
            return np.array([[2 * a, cross], [cross, 2 * b]]), centre


@dataclass
class PitfallStudy:
    """Zero rates (in %) of the exact and the sampled solutions, per loss family.

    exact_l1 / exact_l2: exact solver, a coordinate is zero when it IS 0.0.
    sampled_l1 / sampled_l2: best of the ``n_points`` boundary points, zero when ``np.isclose(w_j, 0)``.
    l2_axis_angle_deg: for every sampled-L2 "zero", the angle (degrees) between the exact L2 solution and
    the nearest axis — what the sampling rounded away.
    """

    kinds: tuple
    n_problems: int
    n_points: int
    exact_l1: dict
    exact_l2: dict
    sampled_l1: dict
    sampled_l2: dict
    l2_axis_angle_deg: dict = field(repr=False, default_factory=dict)
    example: dict = field(repr=False, default_factory=dict)


def _pitfall_table(self) -> str:
    head = (f"{'loss family':<17}{'L1 exact':>9}{'sampled':>9}{'article':>9}   "
            f"{'L2 exact':>9}{'sampled':>9}{'article':>9}   (% of problems with a zero)")
    lines = [head]
    for k in self.kinds:
        a1, a2 = POPULAR_REPORTED[k]
        lines.append(f"{k.replace('_', ' '):<17}{self.exact_l1[k]:>9.2f}{self.sampled_l1[k]:>9.2f}{a1:>9.0f}   "
                     f"{self.exact_l2[k]:>9.2f}{self.sampled_l2[k]:>9.2f}{a2:>9.0f}")
    return "\n".join(lines)


PitfallStudy.table = _pitfall_table


def _sampled_minimisers(Hs, centres, pts):
    """For each problem, the sampled point with the smallest loss ½(w − c)ᵀH(w − c) (2-D, vectorised)."""
    d1 = pts[None, :, 0] - centres[:, 0, None]  # (problems, points)
    d2 = pts[None, :, 1] - centres[:, 1, None]
    losses = Hs[:, 0, 0, None] * d1 * d1 + 2.0 * Hs[:, 0, 1, None] * d1 * d2 + Hs[:, 1, 1, None] * d2 * d2
    return pts[np.argmin(losses, axis=1)]


@single_threaded_blas()
def sampling_pitfall(n_problems=2000, n_points=100, radius=2.0, *, seed) -> PitfallStudy:
    """Re-run the popular 2-D simulation both ways: exact solver vs best-of-``n_points`` boundary sample."""
    rng = check_seed(seed)
    n_problems = check_scalar(n_problems, "n_problems", low=1, integer=True)
    out = {k: {} for k in ("exact_l1", "exact_l2", "sampled_l1", "sampled_l2")}
    angles = {}
    example = {}
    for kind in POPULAR_KINDS:
        angle_list = []
        for norm in ("l1", "l2"):
            pts = popular_boundary_points(norm, radius, n_points)
            problems = [popular_quadratic(kind, rng, norm, radius) for _ in range(n_problems)]
            Hs = np.ascontiguousarray([H for H, _ in problems])
            centres = np.ascontiguousarray([c for _, c in problems])
            W = constrained_optima(Hs, centres, np.full(n_problems, radius), norm)  # exact
            WS = _sampled_minimisers(Hs, centres, pts)  # best of the boundary sample
            exact_zero = np.any(W == 0.0, axis=1)
            sampled_zero = np.any(np.isclose(WS, 0.0), axis=1)
            out[f"exact_{norm}"][kind] = 100.0 * int(exact_zero.sum()) / n_problems
            out[f"sampled_{norm}"][kind] = 100.0 * int(sampled_zero.sum()) / n_problems
            if norm == "l2":
                for i in np.flatnonzero(sampled_zero & ~exact_zero):
                    w = W[i]
                    angle = np.degrees(np.arctan2(np.min(np.abs(w)), np.max(np.abs(w))))
                    angle_list.append(angle)
                    # keep one clearly visible example for the figure: 1° to 1.875° off the axis
                    if kind == "one_unimportant" and "H" not in example and angle > 1.0:
                        example.update(H=Hs[i], centre=centres[i], exact=w, sampled=WS[i], points=pts, radius=radius)
        angles[kind] = np.array(angle_list)
    return PitfallStudy(kinds=POPULAR_KINDS, n_problems=n_problems, n_points=n_points, **out,
                        l2_axis_angle_deg=angles, example=example)
