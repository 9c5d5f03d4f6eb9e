"""A figure that paints its static part once and then only redraws the artists that change.

Most of a demo frame is axes, ticks, tick labels, grids and contours that never move; drawing them (text
layout above all) costs several times more than the scatter points or lines a slider changes.  This Figure
subclass keeps a pixel copy of everything static — the same idea as matplotlib's blitting for animations —
and on each ``draw`` restores it and draws only the registered dynamic artists on top.

Use (inside a Demo): build the figure with ``cached_background_figure`` in ``new_figure``, create the artists
in ``setup``, then ``fig.set_dynamic([...])``.  Anything not registered as dynamic must not change after
``setup`` (or call ``fig.invalidate_background()`` when it does).  Rendering at another size or dpi (e.g.
saving the figure to a file) simply repaints everything.
"""
from __future__ import annotations

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..plots.style import RC

__all__ = ["CachedBackgroundFigure", "cached_background_figure"]


class CachedBackgroundFigure(Figure):
    """Figure whose ``draw`` reuses a pixel cache of the static artists (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._dynamic: list = []
        self._background = None
        self._background_key = None

    def set_dynamic(self, artists):
        """The artists that change between frames; everything else is painted once and cached."""
        self._dynamic = list(artists)
        self.invalidate_background()

    def invalidate_background(self):
        self._background = None

    def draw(self, renderer):
        key = (renderer.width, renderer.height, self.dpi)
        if self._background is None or self._background_key != key or not self._dynamic:
            hidden = [a for a in self._dynamic if a.get_visible()]
            for artist in hidden:
                artist.set_visible(False)
            try:
                super().draw(renderer)
            finally:
                for artist in hidden:
                    artist.set_visible(True)
            if not hasattr(renderer, "copy_from_bbox"):  # vector backends: no pixels to cache
                for artist in self._dynamic:
                    artist.draw(renderer)
                return
            self._background = renderer.copy_from_bbox(self.bbox)
            self._background_key = key
        else:
            renderer.restore_region(self._background)
        for artist in self._dynamic:
            artist.draw(renderer)
        self.stale = False


def cached_background_figure(nrows=1, ncols=1, *, figsize=(8.0, 3.6), **subplot_kw):
    """Like ``plots.style.new_figure`` (course style, constrained layout, no pyplot) but a
    ``CachedBackgroundFigure``; returns (fig, axes)."""
    with matplotlib.rc_context(RC):
        fig = CachedBackgroundFigure(figsize=figsize, layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes
