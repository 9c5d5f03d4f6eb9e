"""`make student` (workshop/student.py): the learner's copies hold no solution and still run.

The copies are built into a temporary folder from the notebooks as they are now.  Static checks: no line
of any solution cell that is specific to the solution survives (lines the solution shares with other
cells, such as the check call, are not evidence); no outputs, execution counts or widget state; every
other cell kept, in order.  Then every student copy is executed in a fresh kernel: no cell may raise, and
each exercise cell must answer "not attempted yet".

All six copies are executed, not one: 5-11 s each on two cores with numba's cache warm (about 45 s in all,
a fraction of `make test`), and only a full run shows a later cell that uses a name which only a removed
solution cell defined — or the learner's unfinished `...` function — which is exactly what breaks
*Run All* for a learner.
"""
import json
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import student  # noqa: E402
from workshop.chapters import is_notes, is_solution, notebook_paths  # noqa: E402

NOTEBOOKS = notebook_paths()
IDS = [p.stem for p in NOTEBOOKS]


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    student.build(out)
    return out


def source_and_copy(student_dir, path):
    return nbformat.read(path, as_version=4), nbformat.read(student_dir / path.name, as_version=4)


def distinctive_lines(source_nb, cell):
    """Lines of a solution cell that appear in no non-solution cell of the notebook."""
    elsewhere = "\n".join(c.source for c in source_nb.cells if not is_solution(c))
    lines = {line.strip() for line in cell.source.splitlines()}
    return {line for line in lines if len(line) >= 8 and line not in elsewhere}


def leaked_solution_text(source_nb, copy_nb) -> list:
    """Every solution cell (whole) or distinctive solution line found anywhere in the copy."""
    text = "\n".join(c.source for c in copy_nb.cells) + json.dumps(copy_nb.metadata)
    leaks = []
    for cell in source_nb.cells:
        if not is_solution(cell):
            continue
        if cell.source.strip() in text:
            leaks.append(cell.source.strip())
        leaks += sorted(line for line in distinctive_lines(source_nb, cell) if line in text)
    return leaks


def exercise_cell_ids(source_nb) -> list:
    cells = source_nb.cells
    return [cells[i - 1].id for i, c in enumerate(cells) if is_solution(c)]


def test_every_notebook_has_a_student_copy(student_dir):
    assert sorted(p.name for p in student_dir.glob("*.ipynb")) == [p.name for p in NOTEBOOKS]
    assert (student_dir / "README.md").exists()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_no_solution_text_survives(student_dir, path):
    source_nb, copy_nb = source_and_copy(student_dir, path)
    solutions = [c for c in source_nb.cells if is_solution(c)]
    assert solutions, f"{path.name} has no solution cells: nothing to check"
    for cell in solutions:
        assert distinctive_lines(source_nb, cell), (
            f"{path.name}: solution cell {cell.id} has no line of its own, so the test could not see it leak")
    assert not leaked_solution_text(source_nb, copy_nb), f"{path.name}: solution text in the student copy"
    assert not [c for c in copy_nb.cells if is_solution(c) or is_notes(c)]


def test_the_leak_check_sees_a_leak(student_dir):
    """The check above must be able to fail: put one solution line back and it is found."""
    path = NOTEBOOKS[0]
    source_nb, copy_nb = source_and_copy(student_dir, path)
    solution = next(c for c in source_nb.cells if is_solution(c))
    line = sorted(distinctive_lines(source_nb, solution))[0]
    copy_nb.cells[-1].source += "\n" + line
    assert leaked_solution_text(source_nb, copy_nb) == [line]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_outputs_and_widget_state_are_cleared(student_dir, path):
    source_nb, copy_nb = source_and_copy(student_dir, path)
    assert "widgets" not in copy_nb.metadata
    for cell in copy_nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: cell {cell.id} has output"
    kept = ["course-install"] + [c.id for c in source_nb.cells if not is_solution(c) and not is_notes(c)]
    assert [c.id for c in copy_nb.cells] == kept, f"{path.name}: the copy lost or reordered cells"
    assert set(exercise_cell_ids(source_nb)) <= set(kept)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_student_copy_runs_and_every_exercise_says_not_attempted(student_dir, path):
    from nbclient import NotebookClient

    source_nb, copy_nb = source_and_copy(student_dir, path)
    client = NotebookClient(copy_nb, timeout=300, kernel_name="python3", allow_errors=True,
                            record_timing=False, resources={"metadata": {"path": str(student_dir)}})
    client.execute()
    errors = [f"cell {c.id} ({c.source.strip().splitlines()[0][:70]!r}...): {o.get('ename')}: {o.get('evalue')}"
              for c in copy_nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, (f"{path.name}: the student copy (solutions removed) raises; does a later cell use a name "
                        f"that only a solution cell defines, or the learner's unfinished `...` function?\n  "
                        + "\n  ".join(errors))
    by_id = {c.id: c for c in copy_nb.cells}
    for cell_id in exercise_cell_ids(source_nb):
        shown = json.dumps([o for o in by_id[cell_id].outputs]).lower()
        assert "not attempted" in shown, (
            f"{path.name}: exercise cell {cell_id} does not report 'not attempted yet': {shown[:300]}")


def test_install_cell_installs_only_when_the_course_is_missing(monkeypatch):
    """The first cell of every copy (for Colab or a bare kernel): pip-installs the course from the student
    branch when course_lib cannot be imported, and does nothing when it can."""
    import importlib.util
    import subprocess

    from workshop.launch import INSTALL_CELL, REPOSITORY

    calls = []
    monkeypatch.setattr(subprocess, "check_call", lambda args: calls.append(args))
    exec(compile(INSTALL_CELL, "install", "exec"), {})
    assert calls == []                                   # installed here: nothing to do
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    exec(compile(INSTALL_CELL, "install", "exec"), {})
    assert len(calls) == 1 and calls[0][1:4] == ["-m", "pip", "install"]
    assert calls[0][-1] == f"course-lib @ git+https://github.com/{REPOSITORY}@student"
