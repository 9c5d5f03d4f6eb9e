"""Kernel → Interrupt in a real Jupyter kernel stops a long solver within about a second, and the kernel
stays usable (what a learner does in JupyterLab; jupyter_client sends the same interrupt)."""
import time

import pytest

jupyter_client = pytest.importorskip("jupyter_client")

LONG_RUN = """
import warnings, numpy as np, course_lib as cl
warnings.simplefilter("ignore")
rng = np.random.default_rng(0)
X, y = rng.standard_normal((5, 200_000)), rng.standard_normal(5)
cl.lasso(X[:, :50], y, 1e-3, method="{method}", max_iter=20)   # compile / load the kernel first
print("ready", flush=True)
cl.lasso(X, y, 1e-6, method="{method}", tol=1e-14, max_iter=10**6)
"""


def _run_until(client, msg_id, predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = client.get_iopub_msg(timeout=0.2)
        except Exception:  # noqa: BLE001 — queue.Empty
            continue
        if msg.get("parent_header", {}).get("msg_id") == msg_id and predicate(msg):
            return msg
    raise AssertionError("the kernel did not answer in time")


@pytest.mark.parametrize("method", ["fista", "subgradient"])
def test_interrupting_a_long_solver_in_a_kernel(method):
    km, client = jupyter_client.manager.start_new_kernel(kernel_name="python3")
    try:
        msg_id = client.execute(LONG_RUN.format(method=method))
        _run_until(client, msg_id, lambda m: m["msg_type"] == "stream" and "ready" in m["content"]["text"], 120)
        time.sleep(1.0)  # the long fit is running
        started = time.monotonic()
        km.interrupt_kernel()
        err = _run_until(client, msg_id, lambda m: m["msg_type"] == "error", 10)
        assert err["content"]["ename"] == "KeyboardInterrupt"
        assert time.monotonic() - started < 2.0
        # ipykernel aborts requests queued right after an error for a moment; then the kernel is usable
        for _ in range(10):
            reply = client.execute_interactive("assert 1 + 1 == 2", timeout=30)
            if reply["content"]["status"] != "aborted":
                break
            time.sleep(0.5)
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)
