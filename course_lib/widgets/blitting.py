"""``BlitDemo``: a ``Demo`` whose frames repaint only what moves (matplotlib "blitting").

Why: profiling chapter 5's demos on the course machine showed ~70 % of a frame spent drawing what never
changes — axes, ticks, grid lines, tick labels, legends — and most of the rest in ``savefig``.  A BlitDemo
draws that static part once, keeps the pixels, and per frame only restores them, draws the artists
marked as moving, and encodes the pixels as PNG (fast zlib level).  Same picture, a fraction of the time.

Rules for a subclass:
* build everything in ``setup`` as usual, then call ``self.animate(*artists)`` with every artist that
  ``draw`` changes (lines, patches, texts, titles);
* axis limits, ticks and labels must not change after ``setup`` (they are part of the frozen background);
* ``draw`` updates the animated artists and returns the readout, exactly as for ``Demo``.
"""
from __future__ import annotations

import io
import time

import matplotlib
from PIL import Image

from ..plots.style import RC
from .demo import Demo
from .fast_frames import freeze_layout


class BlitDemo(Demo):
    """Base class for demos that repaint only their animated artists (see the module docstring)."""

    png_compress_level = 1

    def animate(self, *artists):
        """Mark artists as moving (drawn every frame) and freeze the rest as the background."""
        self._animated = [a for a in artists if a is not None]
        for a in self._animated:
            a.set_animated(True)
        freeze_layout(self.fig, dpi=self.dpi)  # solve the layout once at the frame dpi, then draw it
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)

    def _frame_png(self) -> bytes:
        canvas = self.fig.canvas
        canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for a in self._animated:
            a.draw(renderer)
        width, height = canvas.get_width_height()
        img = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        img.save(buf, format="png", compress_level=self.png_compress_level)
        return buf.getvalue()

    def refresh(self) -> float:
        """As ``Demo.refresh``, but the frame is the frozen background plus the animated artists."""
        if not hasattr(self, "_background"):  # a subclass that never called animate(): plain Demo
            return super().refresh()
        start = time.perf_counter()
        try:
            with matplotlib.rc_context(RC):
                text = self.draw(**self.values)
                self.image.value = self._frame_png()
            self.readout.value = text or ""
            self.error.value = ""
        except Exception as exc:  # show the learner what went wrong instead of a silent dead widget
            self.error.value = f"<span style='color:#D55E00'>Error in demo {self.demo_name}: {exc!r}</span>"
            raise
        elapsed = time.perf_counter() - start
        self.timings.append(elapsed)
        return elapsed
