"""Browser tests: JupyterLab in headless Chromium, driven like a learner.  Run them with `make test-browser`.

They are marked ``browser`` and deselected unless asked for, so `make test` (`pytest tests`) stays fast and
needs no browser:  `pytest tests/browser -m browser` (what `make test-browser` runs) or
``COURSE_BROWSER_TESTS=1 pytest tests/browser`` selects them.  (test_browser_checker_units.py, the checker's
browser-free unit tests, is not marked and runs everywhere.)

One JupyterLab server (a temporary copy of notebooks/, random token, free port) and one Chromium serve the
whole session; every notebook gets a fresh browser context and page.  Results go to ``artifacts/``
(git-ignored, kept by CI): ``screenshots/<notebook>.png`` and ``browser_report.json`` (timings and the
key-press-to-redraw latency of every demo, summarised by ``benchmarks/browser_latency.py``).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser_check import write_report
from browser_lab import ROOT, VIEWPORT, LabServer, launch_chromium

ARTIFACTS = Path(os.environ.get("COURSE_ARTIFACTS", ROOT / "artifacts"))
HERE = Path(__file__).resolve().parent


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: real-browser test (JupyterLab + Chromium); run with "
                                       "`make test-browser` or `pytest tests/browser -m browser`")


def browser_tests_requested(config) -> bool:
    markexpr = config.getoption("markexpr", "") or ""
    return os.environ.get("COURSE_BROWSER_TESTS") == "1" or ("browser" in markexpr and "not browser" not in markexpr)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if browser_tests_requested(config):
        return
    keep, drop = [], []
    for item in items:
        (drop if item.get_closest_marker("browser") else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_terminal_summary(terminalreporter, config):
    if not browser_tests_requested(config) and any(HERE in Path(str(a)).resolve().parents or
                                                   Path(str(a)).resolve() == HERE for a in config.args):
        terminalreporter.write_line("browser tests are deselected by default: run `make test-browser` "
                                    "(or `pytest tests/browser -m browser`)", yellow=True)


# ------------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab from .venv on a temporary copy of notebooks/, for the whole session."""
    server = LabServer(ROOT / "notebooks", tmp_path_factory.mktemp("lab"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            chromium = launch_chromium(pw)
        except FileNotFoundError as exc:
            pytest.fail(str(exc))
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=VIEWPORT)
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def browser_report(artifacts_dir):
    """Collects each notebook's report; written to artifacts/browser_report.json at the end."""
    reports = []
    yield reports
    if reports:
        write_report(reports, artifacts_dir / "browser_report.json")
