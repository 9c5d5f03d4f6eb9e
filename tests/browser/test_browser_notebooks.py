"""Every notebook in notebooks/, as a learner meets it in JupyterLab: Run All, no error, every demo rendered
and redrawn when its control moves, no JavaScript error.  New notebooks are picked up by the glob."""
import os

import pytest

from browser_check import PRESSES_PER_DEMO, check_notebook
from browser_lab import ROOT

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
PRESSES = int(os.environ.get("COURSE_BROWSER_PRESSES", PRESSES_PER_DEMO))  # more for steadier medians


def test_there_are_notebooks_to_check():
    assert "00_start_here.ipynb" in NOTEBOOKS, f"notebooks/ holds {NOTEBOOKS}"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_in_jupyterlab(notebook, lab, context, artifacts_dir, browser_report):
    report = check_notebook(context, lab, notebook, screenshot_dir=artifacts_dir / "screenshots",
                            presses=PRESSES)
    browser_report.append(report)
    print(f"{notebook}: {report.timings}")
    for demo in report.demos:
        print(f"  demo {demo.name}: {demo.control}; key press -> new image (ms): {demo.latencies_ms}")
    for note in report.notes:
        print(f"  note: {note}")
    assert report.ok, report.failure_message()
