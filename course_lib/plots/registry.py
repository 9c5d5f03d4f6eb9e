"""The registry of static figures that ``make figures`` regenerates into ``figures/``.

A plot module marks a zero-argument function with ``@figure("NN_what")``; ``course_lib.figures``
imports every module of ``course_lib.plots`` and calls each registered function.
"""
from __future__ import annotations

FIGURES: dict = {}


def figure(name: str):
    """Register a zero-argument function returning a Figure as the figure file ``name``."""
    if len(name) < 4 or not name[:2].isdigit() or name[2] != "_":
        raise ValueError(f"figure name {name!r} must look like 'NN_what' (NN the chapter number)")

    def decorate(fn):
        if name in FIGURES and FIGURES[name] is not fn:
            raise ValueError(f"figure {name!r} registered twice")
        FIGURES[name] = fn
        return fn

    return decorate
