"""``python -m course_lib.figures [NAME ...]``: regenerate the static figures into ``figures/``."""
from __future__ import annotations

import sys

from .plots import load_all
from .plots.style import save_figure


def main(argv=None):
    names = list(argv if argv is not None else sys.argv[1:])
    figures = load_all()
    unknown = [n for n in names if n not in figures]
    if unknown:
        raise SystemExit(f"unknown figure(s) {unknown}; known: {sorted(figures)}")
    for name in names or sorted(figures):
        for path in save_figure(figures[name](), name):
            print(path)


if __name__ == "__main__":
    main()
