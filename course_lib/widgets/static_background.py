"""Paint a demo's unchanging parts once, as one image, so each frame draws only what moves.

Most of a frame's cost is text: tick labels, axis labels, legends, each laid out and rasterized again
on every PNG.  In a demo whose axes never change, those pixels are the same in every frame.  After
``setup`` a demo can call ``freeze_static_background(fig, dynamic_artists, dpi)``: the figure is drawn
once with the moving artists hidden, that picture becomes a background image (``figimage``, placed
pixel for pixel because the frame is rendered at the same dpi), and every static artist is hidden.  A
frame then costs one image copy, the moving artists and the PNG encoding.  The picture is the same.

Requirements: the figure's layout is fixed (no layout engine), frames are rendered at ``dpi`` without
the "tight" bounding box (``fast_frames.paint_without_tight_bbox``), ``dynamic_artists`` lists every
artist whose data, text or visibility changes after setup — and every artist that must stay drawn on top
of one of those (the background is painted under all of them) — and a title that changes is created with an
explicit position, ``ax.set_title(text, y=1.0)``: matplotlib places automatic titles by measuring the axis
decorations, which are hidden once they live in the background.  Call it inside the course style
(``Demo.setup`` runs in ``rc_context(RC)``), so the background uses the same fonts as the frames.
Gridlines end up under every moving artist (normally they are drawn above filled patches); at the
grid's 30 % opacity the difference is a shade.
"""
from __future__ import annotations

import numpy as np

__all__ = ["freeze_static_background"]


def freeze_static_background(fig, dynamic_artists, dpi):
    """Render the static part of ``fig`` at ``dpi`` into a background image; hide the static artists."""
    dynamic = [a for a in dynamic_artists if a is not None]
    keep = {id(a) for a in dynamic}
    shown = [a.get_visible() for a in dynamic]
    for artist in dynamic:
        artist.set_visible(False)
    fig.set_layout_engine(None)
    fig.set_dpi(dpi)
    fig.canvas.draw()
    background = np.asarray(fig.canvas.buffer_rgba()).copy()
    for artist, visible in zip(dynamic, shown):
        artist.set_visible(visible)
    for ax in fig.axes:
        ax.set_axis_off()  # spines, ticks, tick labels, grid, axis labels and the white axes patch
        for child in ax.get_children():
            if id(child) not in keep:
                child.set_visible(False)
    fig.patch.set_visible(False)
    fig.figimage(background, xo=0, yo=0, origin="upper", zorder=-10)
    return background
