"""Strict nbval only compares cells that were executed: these checks make sure every stored notebook
really is executed, in order, without errors, and follows the course's cell conventions."""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "notes", "skip"}
CHAPTERS = ["00_start_here", "01_l2_norm_ridge", "02_gradients_multicollinearity", "03_l1_norm_lasso",
            "04_subgradients_optimization", "05_comparison", "06_l1_l2_in_practice"]


def load(path):
    return json.loads(path.read_text())


def code_cells(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell):
    return "".join(cell["source"])


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def test_the_chapters_exist():
    names = [p.stem for p in NOTEBOOKS]
    assert names[0] == "00_start_here"
    missing = [c for c in CHAPTERS if c not in names]
    assert not missing or all(c > names[-1] for c in missing), f"chapters missing in the middle: {missing}"


@pytest.fixture(params=NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def notebook(request):
    return request.param, load(request.param)


def test_every_code_cell_was_executed_in_order(notebook):
    path, nb = notebook
    counts = [c.get("execution_count") for c in code_cells(nb)]
    never = [i for i, n in enumerate(counts) if n is None]
    assert not never, f"{path.name}: code cells {never} were never executed; run `make notebook NB={path.relative_to(ROOT)}`"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{path.name}: execution counts {counts[:12]}... are not 1, 2, 3, ...: re-execute in a fresh kernel")


def test_no_error_outputs(notebook):
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{path.name}: code cell {i} stored an error: {out.get('ename')}"
            text = "".join(out.get("text", "")) if out.get("output_type") == "stream" else ""
            assert "Traceback" not in text, f"{path.name}: code cell {i} printed a traceback"


def test_no_cell_is_skipped_or_raises(notebook):
    path, nb = notebook
    for i, cell in enumerate(code_cells(nb)):
        marks = set(tags(cell)) | set(re.findall(r"^\s*#\s*(NBVAL_\w+)", source(cell), flags=re.M))
        assert not marks & {"nbval-skip", "NBVAL_SKIP", "nbval-raises-exception", "NBVAL_RAISES_EXCEPTION"}, (
            f"{path.name}: code cell {i} is skipped or expected to raise")
        if "nbval-ignore-output" in marks or "NBVAL_IGNORE_OUTPUT" in marks:
            assert "#" in source(cell), f"{path.name}: code cell {i} ignores its output without a comment saying why"


def test_every_cell_has_slide_metadata(notebook):
    path, nb = notebook
    for i, cell in enumerate(nb["cells"]):
        slide = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        assert slide in SLIDE_TYPES, f"{path.name}: cell {i} has slide_type {slide!r}"


def test_solutions_are_collapsed_and_follow_an_exercise(notebook):
    path, nb = notebook
    cells = nb["cells"]
    solutions = [i for i, c in enumerate(cells) if "solution" in tags(c)]
    minimum = 1 if path.stem == "00_start_here" else 3
    assert len(solutions) >= minimum, f"{path.name}: {len(solutions)} solution cells, expected at least {minimum}"
    for i in solutions:
        cell = cells[i]
        assert cell["cell_type"] == "code"
        assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True, f"{path.name}: solution cell {i} not collapsed"
        previous = cells[i - 1]
        assert previous["cell_type"] == "code" and "solution" not in tags(previous), (
            f"{path.name}: solution cell {i} must follow the learner's exercise cell")
        assert "exercises.check" in source(previous) and "exercises.check" in source(cell), (
            f"{path.name}: exercise cell {i - 1} and its solution must both call a check")
        stored = json.dumps(previous.get("outputs", []))
        assert "not attempted" in stored.lower(), f"{path.name}: exercise cell {i - 1} should report 'not attempted yet'"
        solved = json.dumps(cell.get("outputs", []))
        assert re.search(r"(?<![A-Za-z])CORRECT", solved), f"{path.name}: solution cell {i} does not pass its check"


def test_kernel_and_first_cell(notebook):
    path, nb = notebook
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    first = source(code_cells(nb)[0])
    assert "import course_lib as cl" in first and "cl.setup_notebook()" in first
    assert "sklearn" not in json.dumps([source(c) for c in code_cells(nb)])
