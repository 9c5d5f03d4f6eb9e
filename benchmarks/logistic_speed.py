"""L1-logistic path speed beside scikit-learn (saga), celer and skglm, at equal certified accuracy.

Run:  .venv/bin/python benchmarks/logistic_speed.py [--quick]     (prints a Markdown section; append it to
RESULTS.md by hand).  Peers: ``pip install celer skglm`` (benchmarks only, not a test dependency).

Problems: (1) Khan, one-vs-rest: four binary paths (63 × 2308); (2) synthetic n = 1000, p = 5000, AR(1)
correlation 0.5 between neighbouring features, 20 non-zero weights, labels drawn from the logistic model.
Each path: 100 λ from λ_max down to λ_max/100, warm starts, **no intercept** (celer cannot fit one), the
objective (1/n)Σ log(1 + exp(−ỹ xᵀw)) + λ||w||₁ — celer/sklearn with C = 1/(nλ), skglm with alpha = λ.

Equal accuracy: a reference path from course_lib at tol = 1e-12 gives F*(λ).  The target is
max_λ (F(w_λ) − F*(λ)) <= EPS·log 2 (log 2 = the objective at w = 0).  course_lib runs at tol = EPS, which
certifies the target through its duality gap; every peer is run on a ladder of its own tol values and timed at
the loosest that meets the target (skglm's tol bounds a KKT violation and saga's a change in w, not a gap).
"""
from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

import course_lib as cl

EPS = 1e-6
LADDER = (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-10)


def synthetic(n=1000, p=5000, rho=0.5, seed=0):
    rng = np.random.default_rng(seed)
    X = np.empty((n, p))
    X[:, 0] = rng.standard_normal(n)
    for j in range(1, p):
        X[:, j] = rho * X[:, j - 1] + np.sqrt(1 - rho ** 2) * rng.standard_normal(n)
    w = np.zeros(p)
    w[rng.choice(p, 20, replace=False)] = rng.choice([-1.0, 1.0], 20)
    y = (rng.random(n) < 1 / (1 + np.exp(-X @ w))).astype(int)
    return X, y


def objective(X, y01, W, lams):
    yt = 2 * y01 - 1
    eta = X @ W.T
    return np.mean(np.logaddexp(0, -yt[:, None] * eta), axis=0) + lams * np.abs(W).sum(axis=1)


def ours(X, y, lams, tol):
    return cl.logistic_path(X, y, lams=lams, tol=tol, fit_intercept=False, max_iter=10_000).coefs


def sk_saga(X, y, lams, tol):
    from sklearn.linear_model import LogisticRegression

    n = X.shape[0]
    est = LogisticRegression(l1_ratio=1.0, solver="saga", fit_intercept=False, warm_start=True, tol=tol,
                             max_iter=10_000)
    out = []
    for lam in lams:
        est.set_params(C=1 / (n * lam))
        est.fit(X, y)
        out.append(est.coef_[0].copy())
    return np.array(out)


def celer_pn(X, y, lams, tol):
    from celer import LogisticRegression

    n = X.shape[0]
    est = LogisticRegression(warm_start=True, tol=tol, fit_intercept=False)
    out = []
    for lam in lams:
        est.set_params(C=1 / (n * lam))
        est.fit(X, 2 * y - 1)
        out.append(est.coef_.ravel().copy())
    return np.array(out)


def skglm_pn(X, y, lams, tol):
    from skglm import SparseLogisticRegression

    est = SparseLogisticRegression(warm_start=True, tol=tol, fit_intercept=False, max_iter=100)
    out = []
    for lam in lams:
        est.set_params(alpha=lam)
        est.fit(X, 2 * y - 1)
        out.append(est.coef_.ravel().copy())
    return np.array(out)


def timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - t0, out


def run_problem(name, problems, solvers, time_limit):
    """problems: list of (X, y) binary problems solved one after the other (one-vs-rest)."""
    prepared = []
    for X, y in problems:
        X = np.asfortranarray(X)
        lams = cl.logistic_lam_max(X, y, fit_intercept=False) * np.geomspace(1, 1e-2, 100)
        ref = objective(X, y, ours(X, y, lams, 1e-12), lams)
        prepared.append((X, y, lams, ref))
    rows = []
    for label, fn in solvers:
        fn(*prepared[0][:3], 1e-2)  # compile / import once
        chosen = None
        for tol in ([EPS] if fn is ours else LADDER):
            total, worst = 0.0, 0.0
            for X, y, lams, ref in prepared:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    t, W = timed(fn, X, y, lams, tol)
                total += t
                worst = max(worst, float(np.max(objective(X, y, W, lams) - ref)) / np.log(2))
                if total > time_limit:
                    break
            if total > time_limit:
                chosen = (tol, total, worst, "time limit")
                break
            if worst <= EPS:
                chosen = (tol, total, worst, "")
                break
            chosen = (tol, total, worst, "target missed")
        rows.append((label, *chosen))
        print(f"  {name:10s} {label:22s} tol={chosen[0]:g}  {chosen[1]:.3f} s  worst (F−F*)/log2 = {chosen[2]:.1e} "
              f"{chosen[3]}", flush=True)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="Khan only")
    args = parser.parse_args()
    solvers = [("course_lib (prox-Newton)", ours), ("celer (prox-Newton)", celer_pn),
               ("skglm (prox-Newton)", skglm_pn), ("scikit-learn (saga)", sk_saga)]
    X, y, _, _ = cl.load_khan()
    tables = {"Khan, one-vs-rest (4 × 63 × 2308)": run_problem("khan", [(X, (y == c).astype(int)) for c in (1, 2, 3, 4)],
                                                                  solvers, time_limit=60)}
    if not args.quick:
        tables["synthetic n=1000, p=5000, ρ=0.5"] = run_problem("synthetic", [synthetic()], solvers, time_limit=120)
    print("\n## Logistic L1 path (benchmarks/logistic_speed.py)\n")
    print(f"100 λ from λ_max to λ_max/100, warm starts, no intercept; target max_λ (F − F*)/log 2 <= {EPS:g} "
          "(F* from course_lib at tol=1e-12); each peer timed at the loosest tol of its ladder meeting it.\n")
    for title, rows in tables.items():
        print(f"**{title}**\n")
        print("| solver | tol used | time | worst (F − F*)/log 2 | note |\n|---|---|---|---|---|")
        for label, tol, total, worst, note in rows:
            print(f"| {label} | {tol:g} | {total:.3f} s | {worst:.1e} | {note} |")
        print()


if __name__ == "__main__":
    main()
