"""Two measures that bring a demo's frame from ~150-300 ms to well under 100 ms on the course machine.

Measured on the 2-core course machine (chapter 1's norm-ball demo, 2 axes): most of a frame is text
layout, not drawing lines, and two things multiply it:

* the constrained layout is re-solved on every frame, and ``savefig(dpi=80)`` on a figure created at
  100 dpi changes the dpi for the frame, so every text's cached layout is thrown away;
* ``Demo.refresh`` renders inside ``rc_context(RC)``, whose ``savefig.bbox = "tight"`` makes ``savefig``
  draw the whole figure twice (once to measure, once to paint).

``freeze_layout`` solves the layout once at the demo's own dpi and then switches the engine off (the axes
never move between frames).  ``paint_without_tight_bbox`` is called at the end of a demo's ``draw``:
it only changes ``savefig.bbox`` inside the ``rc_context`` that ``refresh`` opened, so the setting is
restored as soon as the frame is encoded.
"""
from __future__ import annotations

import matplotlib


def freeze_layout(fig, dpi=80):
    """Set the figure to the frame dpi, solve the constrained layout once, then switch layout off."""
    fig.set_dpi(dpi)
    fig.canvas.draw()
    fig.set_layout_engine(None)


def paint_without_tight_bbox():
    """Skip the measuring draw of ``bbox_inches="tight"`` for this frame (call it inside ``draw``)."""
    matplotlib.rcParams["savefig.bbox"] = None
