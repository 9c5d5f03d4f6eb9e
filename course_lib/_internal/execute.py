"""``python -m course_lib._internal.execute NB.ipynb ...``: re-execute notebooks in place, reproducibly.

What ``make notebook(s)`` runs.  Like ``jupyter nbconvert --execute --inplace`` with no timing metadata, plus
stream outputs coalesced (nbclient's ``coalesce_streams`` is not settable from the command line): without it
two ``print`` bursts of one cell arrive as one or two stream outputs at random, and an unchanged notebook
re-executes with a diff.  Widget ids are made deterministic by ``setup_notebook()`` in the notebook itself.
"""
from __future__ import annotations

import sys
from pathlib import Path


def execute(path: Path, timeout: int = 600) -> None:
    import nbformat
    from nbconvert.preprocessors import ExecutePreprocessor

    nb = nbformat.read(path, as_version=4)
    ep = ExecutePreprocessor(timeout=timeout, kernel_name="python3", record_timing=False)
    ep.coalesce_streams = True
    ep.preprocess(nb, {"metadata": {"path": str(path.parent)}})
    nbformat.write(nb, path)


def main(argv=None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print("usage: python -m course_lib._internal.execute NOTEBOOK.ipynb ...", file=sys.stderr)
        return 2
    for path in paths:
        print(f"executing {path}", flush=True)
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
