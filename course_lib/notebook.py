"""``setup_notebook()``: the first code cell of every chapter calls it."""
from __future__ import annotations

import hashlib
import itertools
import warnings

import numpy as np

_WIDGET_IDS = {"counter": None}


def deterministic_widget_ids(namespace: str = "course_lib") -> bool:
    """Give every widget created from now on in this kernel a model id from a counter, not ``uuid4``.

    Re-executing a notebook in a fresh kernel then stores the same ids (in the widget views and in the
    saved widget state), so an unchanged notebook re-executes byte for byte and an edit changes only the
    cells it touched.  The counter is never reset within a kernel (re-running the setup cell keeps ids
    unique); ids look like uuid4's 32 hex digits.  Returns False when ipywidgets is missing.
    """
    import os

    if os.environ.get("COURSE_LIB_RANDOM_WIDGET_IDS"):  # escape hatch: ipywidgets' own uuid4 ids
        return False
    try:
        import ipywidgets
    except ImportError:
        return False
    widget = ipywidgets.Widget
    if getattr(widget.open, "_course_lib_ids", False):
        return True
    original = widget.open
    counter = itertools.count()

    def open(self):
        if self.comm is None and self._model_id is None:
            self._model_id = hashlib.sha256(f"{namespace}:{next(counter)}".encode()).hexdigest()[:32]
        return original(self)

    open._course_lib_ids = True
    widget.open = open
    _WIDGET_IDS["counter"] = counter
    return True


def setup_notebook(verbose: bool = True) -> None:
    """Course defaults for a notebook: inline PNG figures, rounded numpy printing, known warnings filtered,
    deterministic widget ids.

    Printed numbers are rounded so strict nbval compares what matters, not the last bits of a float.
    """
    np.set_printoptions(precision=6, suppress=True, linewidth=100)
    # Library deprecation chatter would make stored outputs depend on library versions.
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", category=PendingDeprecationWarning)
    warnings.filterwarnings("ignore", category=FutureWarning)
    deterministic_widget_ids()
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
