"""`make student`: the notebooks as a learner receives them, in student/.

Each copy keeps every cell except
  * the solution cells (tag ``solution``), and
  * the speaker notes (markdown cells with slide_type ``notes``: they are written for the instructor and
    often answer the question the instructor is about to ask the room),
and has every output and execution count cleared and the saved widget state dropped, so the learner runs
it from the top.  The one markdown bullet that tells learners where the collapsed solutions are
(00_start_here, "* **Solutions**: ...") says instead that this copy has none.  The exercise cells (``answer = ...`` followed by their check) stay and report
"not attempted yet" until answered.  tests/test_student_copies.py checks that no solution text survives
and executes every student copy.

    python -m workshop.student [--out DIR]
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import nbformat

from workshop.chapters import ROOT, is_notes, is_solution, notebook_paths
from workshop.launch import INSTALL_CELL

README = """\
# L1 vs L2 regularization: your notebooks

Open `00_start_here.ipynb` first and run the cells from the top (Shift+Enter).  Each exercise is a cell
with `...` for you to replace; its check says "not attempted yet" until you do, then tells you what is
right or wrong and gives a hint.  The instructor's copy (in the course repository) has the solutions.

These notebooks need the course's Python package `course_lib`: use the environment your instructor set up
(`make lab` in the course repository, or the Binder link).
"""


STUDENT_SOLUTIONS_NOTE = ("* **Solutions** are not in this copy: your instructor has them, and goes through them "
                          "with you.\n")


def _without_solution_bullet(markdown: str) -> str:
    """00_start_here tells learners where the collapsed solutions are; in a student copy there are none.
    Replace that markdown bullet (the line starting with "* **Solutions**" and its indented continuation)."""
    lines = markdown.splitlines(keepends=True)
    out, skipping = [], False
    for line in lines:
        if line.startswith("* **Solutions**"):
            out.append(STUDENT_SOLUTIONS_NOTE)
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t")) and line.strip():
            continue
        skipping = False
        out.append(line)
    return "".join(out)


def student_notebook(nb):
    """A copy of ``nb`` without solutions, speaker notes, outputs and widget state."""
    nb = nbformat.from_dict(nb)  # deep copy
    nb.cells = [c for c in nb.cells if not is_solution(c) and not is_notes(c)]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _without_solution_bullet(cell.source)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)  # timings, if a notebook was saved with them
        if "jupyter" in cell.metadata:
            cell.metadata["jupyter"].pop("outputs_hidden", None)
    nb.metadata.pop("widgets", None)
    install = nbformat.v4.new_code_cell(INSTALL_CELL)
    install.id = "course-install"
    install.metadata["tags"] = ["course-install"]
    nb.cells.insert(0, install)
    return nb


def build(out_dir: Path = ROOT / "student", paths=None) -> list[Path]:
    out_dir = Path(out_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    written = []
    for path in paths or notebook_paths():
        nb = student_notebook(nbformat.read(path, as_version=4))
        nbformat.validate(nb)
        target = out_dir / Path(path).name
        nbformat.write(nb, target)
        written.append(target)
    (out_dir / "README.md").write_text(README)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "student")
    args = parser.parse_args(argv)
    written = build(args.out)
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} student notebooks in {args.out}: no solutions, no speaker notes, no outputs.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
