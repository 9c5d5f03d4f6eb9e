"""A throwaway JupyterLab server for the browser tests: its own config, a random token, a free port.

Everything it writes lives in one temporary folder: the served copy of the notebooks (autosave would
rewrite the originals), ``JUPYTER_CONFIG_DIR`` (page_config with the news pop-up switched off, user
settings, workspaces) and ``JUPYTER_RUNTIME_DIR``.  Nothing in the user's ``~/.jupyter`` or in the
``.venv`` is touched, so a second server with the widgets extension disabled can run beside the first.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
WIDGETS_EXTENSION = "@jupyter-widgets/jupyterlab-manager"
# The "Jupyter news" announcement would fetch from the internet and can cover the page.
ANNOUNCEMENTS_PLUGIN = "@jupyterlab/apputils-extension:announcements"

USER_SETTINGS = {
    # Attach every cell to the DOM: a learner scrolls to each demo, the test wants them all at once.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # No requests to jupyter.org from a closed network (they only produce console noise).
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}


CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1280, "height": 900}


def launch_chromium(playwright):
    """Debian's chromium through Playwright (Playwright's own browser download does not work here)."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} not found: install Debian's chromium (`sudo apt-get install -y "
                                f"chromium`; `make test-browser` does it when run as root) or set CHROMIUM=...")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jupyter_executable() -> str:
    exe = VENV_BIN / "jupyter"
    if exe.exists():
        return str(exe)
    found = shutil.which("jupyter")
    if not found:
        raise RuntimeError("jupyter not found next to this Python or on PATH: run `make venv`")
    return found


class LabServer:
    """``with LabServer(notebooks, workdir) as lab: lab.url, lab.token, lab.api(...)``."""

    def __init__(self, notebook_dir: Path, workdir: Path, *, disabled_extensions=(), startup_timeout=90.0):
        self.workdir = Path(workdir)
        self.root_dir = self.workdir / "notebooks"
        self.config_dir = self.workdir / "jupyter_config"
        self.runtime_dir = self.workdir / "jupyter_runtime"
        self.log_path = self.workdir / "server.log"
        self.source_dir = Path(notebook_dir)
        self.disabled_extensions = [ANNOUNCEMENTS_PLUGIN, *disabled_extensions]
        self.startup_timeout = startup_timeout
        self.token = secrets.token_urlsafe(24)
        self.port = None
        self.proc = None
        self._log = None

    # --- life cycle ------------------------------------------------------------------------------
    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def prepare(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.root_dir.exists():
            shutil.rmtree(self.root_dir)
        shutil.copytree(self.source_dir, self.root_dir,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        labconfig = self.config_dir / "labconfig"
        labconfig.mkdir(parents=True, exist_ok=True)
        # What `jupyter labextension disable --level=user NAME` writes when JUPYTER_CONFIG_DIR is ours.
        page_config = {"disabledExtensions": {name: True for name in self.disabled_extensions}}
        (labconfig / "page_config.json").write_text(json.dumps(page_config, indent=2))
        for rel, values in USER_SETTINGS.items():
            path = self.config_dir / "lab" / "user-settings" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values, indent=2))
        self.runtime_dir.mkdir(parents=True, exist_ok=True)

    def environment(self) -> dict:
        env = dict(os.environ)
        env.update(JUPYTER_CONFIG_DIR=str(self.config_dir), JUPYTER_RUNTIME_DIR=str(self.runtime_dir),
                   JUPYTERLAB_SETTINGS_DIR=str(self.config_dir / "lab" / "user-settings"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.config_dir / "lab" / "workspaces"),
                   PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}", PYTHONUNBUFFERED="1")
        env.pop("JUPYTER_TOKEN", None)
        return env

    def command(self) -> list:
        cmd = [jupyter_executable(), "lab", "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
               f"--ServerApp.root_dir={self.root_dir}", f"--IdentityProvider.token={self.token}",
               "--ServerApp.terminals_enabled=False",
               # closed network: no news feed, no update check (both would fetch from the internet)
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        return cmd

    def start(self):
        self.prepare()
        last_error = None
        for _attempt in range(3):  # a free port can be taken between bind() and the server's listen()
            self.port = free_port()
            self._log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(self.command(), cwd=self.workdir, env=self.environment(),
                                         stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
            try:
                self.wait_ready()
                return self
            except RuntimeError as exc:
                last_error = exc
                self.stop()
        raise RuntimeError(f"JupyterLab did not start: {last_error}\n--- server log ---\n{self.log_tail()}")

    def wait_ready(self):
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with code {self.proc.returncode}")
            try:
                status, _ = self.api("GET", "/api/status")
                if status == 200:
                    # the lab page itself must be served too (extensions loaded)
                    status, _ = self.request("GET", f"/lab?token={self.token}", raw=True)
                    if status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"server did not answer within {self.startup_timeout:.0f} s")

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.shutdown_kernels()
            except OSError:
                pass
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_tail(self, n=40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return "(no log)"

    # --- HTTP ------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, *, token=None, body=None, raw=False, timeout=30):
        headers = {}
        if token:
            headers["Authorization"] = f"token {token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                payload = resp.read()
                status = resp.status
        except urllib.error.HTTPError as err:
            payload = err.read()
            status = err.code
        if raw:
            return status, payload
        try:
            return status, json.loads(payload) if payload else None
        except ValueError:
            return status, payload

    def api(self, method, path, *, body=None, authenticated=True, timeout=30):
        return self.request(method, path, token=self.token if authenticated else None, body=body, timeout=timeout)

    def kernels(self) -> list:
        status, kernels = self.api("GET", "/api/kernels")
        return kernels if status == 200 else []

    def shutdown_kernels(self):
        for kernel in self.kernels():
            self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def notebook_model(self, relpath: str) -> dict:
        status, model = self.api("GET", f"/api/contents/{urllib.request.quote(relpath)}?content=1")
        if status != 200:
            raise RuntimeError(f"cannot read {relpath} back from the server: HTTP {status}")
        return model

    def lab_url(self, relpath: str, workspace: str) -> str:
        return (f"{self.url}/lab/workspaces/{workspace}/tree/{urllib.request.quote(relpath)}"
                f"?reset&token={self.token}")
