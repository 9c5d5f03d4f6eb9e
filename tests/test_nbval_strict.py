"""The notebook check itself can fail: strict nbval on small temporary notebooks, run as `make test` runs it."""
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SANITIZE = ROOT / "notebooks" / "nbval_sanitize.cfg"


def notebook(tmp_path, name, cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    for i, (src, outputs) in enumerate(cells, 1):
        cell = nbformat.v4.new_code_cell(src)
        cell.execution_count = i
        cell.outputs = outputs
        nb.cells.append(cell)
    path = tmp_path / name
    nbformat.write(nb, path)
    return path


def stream(text):
    return nbformat.v4.new_output("stream", name="stdout", text=text)


def run_nbval(path):
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", str(path), "--nbval", "--nbval-current-env",
           "--nbval-sanitize-with", str(SANITIZE), "-q", "--rootdir", str(path.parent)]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=path.parent, timeout=300)


def test_strict_mode_passes_matching_output_and_masks_addresses(tmp_path):
    path = notebook(tmp_path, "good.ipynb", [
        ("print(1 + 1)", [stream("2\n")]),
        ("print(hex(id(object())))", [stream("0x7f00deadbeef\n")]),
    ])
    out = run_nbval(path)
    assert out.returncode == 0, out.stdout + out.stderr


def test_changed_output_and_errors_fail_and_name_notebook_and_cell(tmp_path):
    changed = notebook(tmp_path, "changed.ipynb", [("print(round(0.1 + 0.2, 6))", [stream("0.4\n")])])
    out = run_nbval(changed)
    assert out.returncode != 0
    assert "changed.ipynb::Cell 0" in out.stdout

    broken = notebook(tmp_path, "broken.ipynb", [("x = 1", []), ("1 / 0", [])])
    out = run_nbval(broken)
    assert out.returncode != 0
    assert "broken.ipynb::Cell 1" in out.stdout and "ZeroDivisionError" in out.stdout
