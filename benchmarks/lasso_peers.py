"""course_lib beside scikit-learn, celer and skglm, in one process, at two protocols (issue 21).

Run:  .venv/bin/pip install -e ".[bench]" && .venv/bin/python benchmarks/lasso_peers.py [--quick] [--only NAME]
(writes benchmarks/RESULTS_lasso.md; add ``--out FILE`` to write elsewhere).

Protocols, both on the same problem and λ (grid):
* ``tol 1e-8``: every solver is given tol = 1e-8 (each in its own meaning: scikit-learn, celer and
  course_lib bound a duality gap by tol·||y − ȳ||²/n; skglm bounds a KKT violation);
* ``equal``: each solver's tol is calibrated (steps of √10, the loosest that passes) so that the certified
  suboptimality of what it returns is <= 1e-8·||y − ȳ||²/n at every λ.
Certified suboptimality: P(w) − P_low, divided by ||y − ȳ||²/n, where P_low is a certified lower bound on the
minimum (a course_lib solve at tol 1e-13: its objective minus its duality gap).  The plain residual-based
gap (``cl.duality_gap``) is not used: on badly scaled data (diabetes in raw units) it stays ~1e-4 for
coefficients whose objective is optimal to ~1e-12, so it would measure the certificate, not the solver.

Fairness: one BLAS thread for everyone (threadpoolctl); the peers get pre-centred, Fortran-ordered data
with ``fit_intercept=False`` (they time the solver alone); course_lib gets the raw, uncentred data (the same
Fortran-ordered array) and fits the intercept itself, so its time includes centering (done implicitly, no
copy of X).  Times are medians of interleaved repeats; the load average is printed beside every row.
"""
from __future__ import annotations

import argparse
import math
import os
import platform
import statistics
import time
import warnings
from pathlib import Path

import numpy as np

import course_lib as cl

HERE = Path(__file__).resolve().parent
TARGET = 1e-8
SOLVERS = ("course_lib", "scikit-learn", "celer", "skglm")


def load():
    return os.getloadavg()[0]


# ------------------------------------------------------------------------------------------- problems
def problems():
    Xd, yd, _ = cl.load_diabetes()
    X5, y5, _ = cl.make_regression(500, 5000, n_informative=20, rho=0.5, snr=3.0, seed=0)
    X20, y20, _ = cl.make_regression(1000, 20000, n_informative=20, rho=0.5, snr=3.0, seed=1)
    return [
        dict(name="path_diabetes", what="lasso path, diabetes (n=442, p=10), 100 λ to λmax/1000",
             X=Xd, y=yd, kind="path", r=1.0, eps=1e-3),
        dict(name="path_500x5000", what="lasso path, n=500, p=5000, AR(1) 0.5, 100 λ to λmax/100",
             X=X5, y=y5, kind="path", r=1.0, eps=1e-2),
        dict(name="enet_path_500x5000", what="elastic-net path r=0.5, same data, 100 λ to λmax/100",
             X=X5, y=y5, kind="path", r=0.5, eps=1e-2),
        dict(name="fit_1000x20000", what="one lasso fit, n=1000, p=20000, λmax/20, from zero",
             X=X20, y=y20, kind="fit", r=1.0, frac=1 / 20),
        dict(name="enet_fit_500x5000", what="one elastic-net fit r=0.5, n=500, p=5000, λmax/20",
             X=X5, y=y5, kind="fit", r=0.5, frac=1 / 20),
    ]


def hidden_problem(seed=7):
    """Another member of the single-fit family (different seed, size and correlation)."""
    X, y, _ = cl.make_regression(800, 15000, n_informative=30, rho=0.7, snr=2.0, seed=seed)
    return dict(name="fit_800x15000", what="one lasso fit, n=800, p=15000, AR(1) 0.7, λmax/20 (family check)",
                X=X, y=y, kind="fit", r=1.0, frac=1 / 20)


def prepare(pb):
    X = np.asfortranarray(pb["X"])
    y = np.ascontiguousarray(pb["y"])
    Xc = np.asfortranarray(X - X.mean(axis=0))
    yc = y - y.mean()
    r = pb["r"]
    if pb["kind"] == "path":
        lams = cl.lam_max(X, y, r) * np.geomspace(1.0, pb["eps"], 100)
    else:
        lams = np.array([cl.lam_max(X, y, r) * pb["frac"]])
    return dict(pb, X=X, y=y, Xc=Xc, yc=yc, lams=lams, scale=float(yc @ yc) / len(yc))


# ------------------------------------------------------------------------------------------- solvers
def run(solver, pb, tol):
    """Coefficients (k, p) for the problem's λ values."""
    X, y, Xc, yc, lams, r = pb["X"], pb["y"], pb["Xc"], pb["yc"], pb["lams"], pb["r"]
    path = pb["kind"] == "path"
    if solver == "course_lib":
        if path:
            return cl.elastic_net_path(X, y, l1_ratio=r, lams=lams, tol=tol, max_iter=100_000).coefs
        return cl.elastic_net(X, y, lams[0], l1_ratio=r, tol=tol, max_iter=100_000).coef[None]
    if solver == "scikit-learn":
        from sklearn.linear_model import ElasticNet, enet_path

        if path:
            return enet_path(Xc, yc, l1_ratio=r, alphas=lams, tol=tol, max_iter=100_000)[1].T
        return ElasticNet(alpha=lams[0], l1_ratio=r, tol=tol, max_iter=100_000,
                          fit_intercept=False).fit(Xc, yc).coef_[None]
    if solver == "celer":
        import celer

        if path:
            return celer.celer_path(Xc, yc, "lasso", alphas=lams, l1_ratio=r, tol=tol, max_iter=100,
                                    prune=1)[1].T
        est = celer.Lasso(alpha=lams[0], tol=tol, fit_intercept=False, max_iter=100) if r == 1.0 else \
            celer.ElasticNet(alpha=lams[0], l1_ratio=r, tol=tol, fit_intercept=False, max_iter=100)
        return est.fit(Xc, yc).coef_[None]
    if solver == "skglm":
        import skglm

        est = skglm.Lasso(alpha=lams[0], tol=tol, fit_intercept=False, max_iter=100) if r == 1.0 else \
            skglm.ElasticNet(alpha=lams[0], l1_ratio=r, tol=tol, fit_intercept=False, max_iter=100)
        if path:
            return est.path(Xc, yc, lams)[1].T
        return est.fit(Xc, yc).coef_[None]
    raise ValueError(solver)


def reference(pb):
    """Per λ a certified lower bound on the minimum P*: P_ref − gap_ref of a course_lib solve at tol 1e-13
    (its gap uses its best dual point, so P* >= P_ref − gap_ref)."""
    X, y, lams, r = pb["X"], pb["y"], pb["lams"], pb["r"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if pb["kind"] == "path":
            ref = cl.elastic_net_path(X, y, l1_ratio=r, lams=lams, tol=1e-13, max_iter=1_000_000)
            coefs, gaps = ref.coefs, ref.gaps
        else:
            fit = cl.elastic_net(X, y, lams[0], l1_ratio=r, tol=1e-13, max_iter=1_000_000)
            coefs, gaps = fit.coef[None], np.array([fit.gap])
    objs = np.array([cl.objective(pb["Xc"], pb["yc"], w, 0.0, lam, r) for lam, w in zip(lams, coefs)])
    return objs - gaps


def certified(pb, coefs):
    """max over λ of (P(w) − certified lower bound on P*) / (||y − ȳ||²/n)."""
    worst = 0.0
    for lam, w, low in zip(pb["lams"], coefs, pb["lower"]):
        obj = cl.objective(pb["Xc"], pb["yc"], w, 0.0, lam, pb["r"])
        worst = max(worst, (obj - low) / pb["scale"])
    return worst


def quiet(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args)


def calibrate(solver, pb, start=1e-8):
    """Loosest tol (steps of √10) whose certified suboptimality is <= TARGET; returns (tol, certified)."""
    step = math.sqrt(10.0)
    tol = start
    cert = certified(pb, quiet(run, solver, pb, tol))
    if cert <= TARGET:
        while tol * step <= 1e-2:
            c2 = certified(pb, quiet(run, solver, pb, tol * step))
            if c2 > TARGET:
                break
            tol, cert = tol * step, c2
        return tol, cert
    while tol > 1e-13:  # below this the peers' own tests of convergence are rounding noise
        tol /= step
        cert = certified(pb, quiet(run, solver, pb, tol))
        if cert <= TARGET:
            return tol, cert
    return tol, cert


def timed(configs, pb, repeat):
    """Median seconds per (solver, tol), runs interleaved so every solver sees the same load."""
    times = {key: [] for key in configs}
    for _ in range(repeat):
        for key in configs:
            solver, tol = key
            t0 = time.perf_counter()
            quiet(run, solver, pb, tol)
            times[key].append(time.perf_counter() - t0)
    return {key: statistics.median(t) for key, t in times.items()}


def bench(pb, repeat, solvers=SOLVERS):
    pb = prepare(pb)
    pb["lower"] = reference(pb)
    for s in solvers:  # warm-up: compile / import everything once
        quiet(run, s, pb, 1e-4)
    load0 = load()
    cert_fixed = {s: certified(pb, quiet(run, s, pb, 1e-8)) for s in solvers}
    calib = {}
    for s in solvers:
        calib[s] = calibrate(s, pb)
        print(f"  {pb['name']}: {s} certifies {cert_fixed[s]:.1e} at tol 1e-8; equal accuracy at tol "
              f"{calib[s][0]:.0e} ({calib[s][1]:.1e})", flush=True)
    configs = [(s, 1e-8) for s in solvers] + [(s, calib[s][0]) for s in solvers if calib[s][0] != 1e-8]
    t = timed(list(dict.fromkeys(configs)), pb, repeat)
    load1 = load()
    rows = {}
    for s in solvers:
        rows[s] = dict(t_fixed=t[(s, 1e-8)], cert_fixed=cert_fixed[s], tol_eq=calib[s][0],
                       cert_eq=calib[s][1], t_eq=t[(s, calib[s][0])])
    return dict(name=pb["name"], what=pb["what"], rows=rows, load=(load0, load1), repeat=repeat)


# ------------------------------------------------------------------------------------------- report
def environment():
    import numba
    import sklearn
    from threadpoolctl import threadpool_info

    vers = []
    for mod in ("celer", "skglm"):
        try:
            vers.append(f"{mod} {__import__(mod).__version__}")
        except ImportError:
            vers.append(f"{mod} not installed")
    blas = "; ".join(f"{p['internal_api']} {p.get('version', '?')} ({p['num_threads']} threads)"
                     for p in threadpool_info())
    return (f"Python {platform.python_version()}, numpy {np.__version__}, numba {numba.__version__}, "
            f"scikit-learn {sklearn.__version__}, {', '.join(vers)}; {platform.machine()}, {os.cpu_count()} cores; "
            f"BLAS during the runs: {blas}")


def fmt_t(s):
    return f"{s:.3f} s" if s >= 0.1 else f"{s * 1e3:.1f} ms"


def table(results):
    lines = ["| problem | protocol | " + " | ".join(SOLVERS) + " | load (1 min) |",
             "|---|---|" + "---:|" * len(SOLVERS) + "---|"]
    for res in results:
        rows = res["rows"]
        sk_f, sk_e = rows["scikit-learn"]["t_fixed"], rows["scikit-learn"]["t_eq"]
        for label, tk, ck, tolk, ref in (("tol 1e-8", "t_fixed", "cert_fixed", None, sk_f),
                                          ("equal accuracy", "t_eq", "cert_eq", "tol_eq", sk_e)):
            cells = []
            for s in SOLVERS:
                if s not in rows:
                    cells.append("—")
                    continue
                row = rows[s]
                tol_txt = f", tol {row[tolk]:.0e}" if tolk else ""
                cells.append(f"**{row[tk] / ref:.2f}** ({fmt_t(row[tk])}; cert {row[ck]:.1e}{tol_txt})")
            lines.append(f"| {res['what']} | {label} | " + " | ".join(cells) +
                         f" | {res['load'][0]:.1f} → {res['load'][1]:.1f} |")
    return lines


def main(quick=False, only=None, out=None, hidden=False):
    from threadpoolctl import threadpool_limits

    repeat = 3 if quick else 5
    pbs = problems() + ([hidden_problem()] if hidden else [])
    if only:
        pbs = [pb for pb in pbs if pb["name"] in only]
    results = []
    with threadpool_limits(limits=1):
        env = environment()
        for pb in pbs:
            res = bench(pb, repeat)
            results.append(res)
            print("\n".join(table([res])[2:]), flush=True)
    text = "\n".join([
        "# Lasso / elastic net beside scikit-learn, celer and skglm (`benchmarks/lasso_peers.py`)", "",
        f"{env}.", "",
        f"Ratios to scikit-learn (lower is better), then the median time of {repeat} interleaved runs, the "
        "certified suboptimality of the returned coefficients ((P(w) − certified lower bound on P*) / (‖y − ȳ‖²/n), max over the "
        "λ of a path) and, for the equal-accuracy protocol, the tol each solver needed to certify <= 1e-8. "
        "Peers: pre-centred Fortran data, `fit_intercept=False`; course_lib: raw Fortran data, intercept "
        "fitted (implicit centering, no copy). One BLAS thread. The machine (2 cores) is shared with other "
        "jobs: the 1-minute load average before → after each problem is in the last column.", ""]
        + table(results)) + "\n"
    print(text)
    if out is not False:
        Path(out or HERE / "RESULTS_lasso.md").write_text(text)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="3 repeats instead of 5")
    parser.add_argument("--only", nargs="*", help="problem names (path_diabetes, path_500x5000, ...)")
    parser.add_argument("--hidden", action="store_true", help="also the family-check problem")
    parser.add_argument("--out", help="output file (default benchmarks/RESULTS_lasso.md)")
    args = parser.parse_args()
    main(args.quick, args.only, args.out, args.hidden)
