"""``setup_notebook()``: the first code cell of every chapter calls it."""
from __future__ import annotations

import warnings

import numpy as np


def setup_notebook(verbose: bool = True) -> None:
    """Course defaults for a notebook: inline PNG figures, rounded numpy printing, known warnings filtered.

    Printed numbers are rounded so strict nbval compares what matters, not the last bits of a float.
    """
    np.set_printoptions(precision=6, suppress=True, linewidth=100)
    # Library deprecation chatter would make stored outputs depend on library versions.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        shell.run_line_magic("matplotlib", "inline")
        set_matplotlib_formats("png")
        from .plots.registry import install_alt_text

        install_alt_text(shell)  # every figure's output carries alt text (read by the static site)
    if verbose:
        import course_lib

        print(f"course_lib {course_lib.__version__} ready")
