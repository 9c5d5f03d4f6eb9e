"""Start-up cost a learner pays: import course_lib plus the first call of every solver, in a fresh process,
with a cold numba cache (empty folder: everything compiles) and a warm one (compiled code loaded from disk).

Goal (issue 3): under 1 s in total with a warm cache.  Run: ``.venv/bin/python benchmarks/startup.py``.
"""
import os
import statistics
import subprocess
import sys
import tempfile

PROBE = r"""
import time
t0 = time.perf_counter()
import numpy as np
import course_lib as cl
t1 = time.perf_counter()
rng = np.random.default_rng(0)
X = rng.standard_normal((50, 8)); y = X[:, 0] + 0.1 * rng.standard_normal(50)
lam = 0.1 * cl.lam_max(X, y)
calls = {
    "ridge": lambda: cl.ridge(X, y, lam),
    "ridge_path": lambda: cl.ridge_path(X, y, [1.0, 0.1]),
    "lasso cd": lambda: cl.lasso(X, y, lam),
    "lasso ista": lambda: cl.lasso(X, y, lam, method="ista"),
    "lasso fista": lambda: cl.lasso(X, y, lam, method="fista"),
    "lasso subgradient": lambda: cl.lasso(X, y, lam, method="subgradient", max_iter=100),
    "elastic_net": lambda: cl.elastic_net(X, y, lam),
    "lasso_path": lambda: cl.lasso_path(X, y, n_lams=10),
    "elastic_net_path": lambda: cl.elastic_net_path(X, y, n_lams=10),
}
import warnings
warnings.simplefilter("ignore")
times = {}
for name, call in calls.items():
    s = time.perf_counter(); call(); times[name] = time.perf_counter() - s
print(repr({"import": t1 - t0, "calls": times}))
"""


def run(cache_dir):
    env = dict(os.environ, NUMBA_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    return eval(out.stdout.strip().splitlines()[-1])  # our own probe's dict literal


def main(repeats=3):
    cold, warm = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(run(cache))
            warm.append(run(cache))
    print(f"{'':22s} {'cold cache (s)':>15s} {'warm cache (s)':>15s}   (medians of {repeats} fresh processes)")
    print(f"{'import course_lib':22s} {statistics.median(r['import'] for r in cold):15.3f} "
          f"{statistics.median(r['import'] for r in warm):15.3f}")
    for name in cold[0]["calls"]:
        print(f"{'first ' + name:22s} {statistics.median(r['calls'][name] for r in cold):15.3f} "
              f"{statistics.median(r['calls'][name] for r in warm):15.3f}")
    total_cold = statistics.median(r["import"] + sum(r["calls"].values()) for r in cold)
    total_warm = statistics.median(r["import"] + sum(r["calls"].values()) for r in warm)
    print(f"{'total':22s} {total_cold:15.3f} {total_warm:15.3f}   goal: warm total < 1 s")


if __name__ == "__main__":
    main()
