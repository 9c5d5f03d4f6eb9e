"""The base of every interactive demo: controls → compute → redraw a PNG in an ``Image`` widget.

Why an Image widget and not ``interactive_output``: output routed through an ``Output`` widget cannot pass
strict nbval (nbconvert stores it where nbval compares it), while an Image's bytes live in the widget
state.  A demo's cell output is therefore the widget view (never compared) plus a fixed ``text/plain``
line, so the cell passes strict nbval and shows the same in JupyterLab, in the browser tests and in a
static site (the ``image/png`` of the first frame is included as a fallback).

A subclass defines ``controls()`` (name → ipywidget), ``setup(fig)`` (build axes and artists once) and
``draw(**values)`` (update the artists, return an HTML readout).  Redrawing by updating artists rather than
re-plotting keeps an update well under 100 ms; ``benchmarks/widgets.py`` times ``update`` headlessly.

Fast frames (every demo, nothing to do in a subclass):

* the figure is set to the frame dpi (``dpi``) before its first draw, so text layout caches survive from
  frame to frame (no savefig at another dpi);
* the layout is solved once, after ``setup``, and the layout engine is then switched off (the axes never
  move).  Opt-outs: ``margins = dict(left=..., right=..., bottom=..., top=..., wspace=...)`` places the axes
  with fixed margins instead (equal-aspect axes, where the constrained layout leaves no room for titles);
  ``freeze_layout = False`` keeps whatever layout engine ``new_figure`` set, re-solved every frame;
* a frame is the canvas buffer encoded by PIL at a fast compression level: never ``savefig``, so the
  "tight" bounding box of the course style (``savefig.bbox``) never costs a second draw.

Legible frames (every demo): the ``<img>`` is shown at exactly the frame's pixel size (``frame_size()``,
never stretched by the notebook column: crisp at 100 % zoom; it only shrinks on a narrower screen), and the
figure's legends are never drawn smaller than ``MIN_LEGEND_PX`` screen pixels (``plots.style``).

Text alternative (every demo): the image carries an accessible description that follows its state — the
title, every control's current value and the readout — as the ``<img>``'s ``title`` (JupyterLab, the
static site's widget rendering) and as the ``alt`` metadata of the ``image/png`` fallback.  A subclass may
override ``alt_text(**values)`` to say more (what the picture shows).

Optional blitting: ``setup`` may call ``self.animate(*artists)`` with every artist that ``draw`` changes
(lines, patches, texts, titles, legends that must stay on top, even a whole ``ax.xaxis``).  The rest —
axes, ticks, labels, grids, contours — is painted once as a background; a frame restores it and draws only
the animated artists (in the order a full draw would: by axes, then zorder).  When a control changes
something static (axis limits, a contour set's visibility), call ``self.invalidate_background()`` in
``draw``: the next frame repaints the background.  ``blit = False`` on a class turns blitting off (every
frame a full draw; ``animate`` is then ignored), which is how the tests check that a blitted frame looks
like a full one.
"""
from __future__ import annotations

import base64
import contextlib
import html
import io
import re
import time

import ipywidgets as widgets
import matplotlib
from PIL import Image
from traitlets import Unicode

from ..plots.style import MIN_LEGEND_PX, RC, enforce_min_legend_size, new_figure

DEMOS: dict = {}


class FrameImage(widgets.Image):
    """The demo's picture.  ``tooltip`` becomes the ``<img>``'s ``title`` (its text alternative); the empty
    ``description`` is there because ipywidgets' front end reads ``description.length`` before setting the
    title, and an Image model has none (without it every tooltip update is a JavaScript error)."""

    description = Unicode("").tag(sync=True)



def register_demo(name: str):
    """Register a Demo subclass (built with default arguments) under ``name`` for benchmarks and tests."""

    def decorate(cls):
        if name in DEMOS and DEMOS[name] is not cls:
            raise ValueError(f"demo {name!r} registered twice")
        DEMOS[name] = cls
        cls.demo_name = name
        return cls

    return decorate


class Demo:
    """Base class; see the module docstring."""

    demo_name = "demo"
    title = ""
    figsize = (8.0, 3.6)
    dpi = 80                  # the frame's dpi; the figure is built at it
    margins = None            # dict for Figure.subplots_adjust: fixed margins instead of the solved layout
    freeze_layout = True      # solve the layout once after setup, then switch the layout engine off
    blit = True               # honour animate(): repaint only the animated artists over a cached background
    png_compress_level = 1    # zlib level of the frame PNG: fast beats small for a widget

    def __init__(self):
        self._controls = self.controls()
        self._animated: list = []
        self._background = None
        self._background_key = None
        self.fig, self.axes = self.new_figure()
        with matplotlib.rc_context(RC):
            self.setup(self.fig)
            self._fix_layout()
        width, height = self.frame_size()
        # shown at the frame's own pixel size: a flex column would otherwise stretch it to the column width
        self.image = FrameImage(format="png", layout=widgets.Layout(
            width=f"{width}px", max_width="100%", height="auto", align_self="flex-start"))
        self.readout = widgets.HTML(layout=widgets.Layout(min_height="1.5em"))
        self.error = widgets.HTML()
        self.timings: list[float] = []
        self._holding = False
        for control in self._controls.values():
            control.observe(self._on_change, names="value")
        self.refresh()
        self.widget = widgets.VBox(
            [widgets.HTML(f"<b>{self.title}</b>") if self.title else widgets.HTML(""),
             self.control_box(), self.image, self.readout, self.error],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("course-demo")
        self.widget.add_class(f"course-demo-{self.demo_name}")

    # --- what subclasses define --------------------------------------------------------------
    def controls(self) -> dict:
        raise NotImplementedError

    def new_figure(self):
        return new_figure(figsize=self.figsize)

    def setup(self, fig) -> None:
        raise NotImplementedError

    def draw(self, **values) -> str:
        raise NotImplementedError

    def animate(self, *artists):
        """Mark the artists that ``draw`` changes (call in ``setup``); the rest becomes a cached background."""
        if not self.blit:
            return
        fig = self.fig
        order = {id(ax): i for i, ax in enumerate(fig.axes)}
        moving = [a for a in artists if a is not None]
        for artist in moving:
            artist.set_animated(True)  # a full draw of the canvas now leaves it out (the background)
        # draw them as a full draw would: figure by axes (figure-level texts last), each axes by zorder
        self._animated = sorted(moving, key=lambda a: (order.get(id(getattr(a, "axes", None)), len(order)),
                                                       a.get_zorder()))
        self.invalidate_background()

    def invalidate_background(self):
        """Something static changed (axis limits, a static artist's visibility): repaint it next frame."""
        self._background = None

    def alt_text(self, **values) -> str:
        """The image's text alternative for the current state (override to describe the picture)."""
        parts = [self.title or f"Interactive demo {self.demo_name}"]
        settings = []
        for name, control in self._controls.items():
            label = getattr(control, "description", "") or name
            value = values.get(name, control.value)
            if isinstance(value, float):
                value = f"{value:.3g}"
            settings.append(f"{label} = {value}")
        if settings:
            parts.append("Settings: " + ", ".join(settings))
        readout = _plain_text(self.readout.value)
        if readout:
            parts.append(readout)
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def frame_size(self) -> tuple:
        """The frame's width and height in pixels (the size it is displayed at)."""
        return round(self.figsize[0] * self.dpi), round(self.figsize[1] * self.dpi)

    def control_box(self):
        return widgets.HBox(list(self._controls.values()), layout=widgets.Layout(flex_flow="row wrap"))

    # --- machinery --------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return {name: c.value for name, c in self._controls.items()}

    @property
    def control_widgets(self) -> dict:
        return dict(self._controls)

    def _fix_layout(self):
        """Place the axes once for good (see the module docstring): the frames then never re-solve it."""
        fig = self.fig
        # the frame dpi, set before the first draw (set after setup: changing it while an axes holds only an
        # axhline on a log scale makes matplotlib autoscale a singular range and warn)
        fig.set_dpi(self.dpi)
        fig.display_dpi = self.dpi  # frames are shown 1:1, so legend sizes are judged at this dpi
        enforce_min_legend_size(fig, MIN_LEGEND_PX, self.dpi)  # before the layout is solved
        if self.margins is not None:
            fig.set_layout_engine(None)
            fig.subplots_adjust(**self.margins)
        elif self.freeze_layout and fig.get_layout_engine() is not None:
            fig.canvas.draw()  # solves the layout at the frame dpi
            fig.set_layout_engine(None)
        self.invalidate_background()

    def frame_png(self) -> bytes:
        """The current frame as PNG bytes: a full draw, or background + animated artists when blitting."""
        canvas = self.fig.canvas
        if self._animated:
            renderer = canvas.get_renderer()
            key = (id(renderer), renderer.width, renderer.height, self.fig.dpi)
            if self._background is None or self._background_key != key:
                canvas.draw()  # everything except the animated artists
                renderer = canvas.get_renderer()
                self._background = canvas.copy_from_bbox(self.fig.bbox)
                self._background_key = (id(renderer), renderer.width, renderer.height, self.fig.dpi)
            else:
                canvas.restore_region(self._background)
            for artist in self._animated:
                if artist.get_visible():
                    artist.draw(renderer)
        else:
            canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        img = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buf = io.BytesIO()
        img.save(buf, format="png", compress_level=self.png_compress_level)
        return buf.getvalue()

    def _on_change(self, _change):
        if not self._holding:
            self.refresh()

    def refresh(self) -> float:
        """Recompute and redraw; returns the time it took in seconds."""
        start = time.perf_counter()
        try:
            with matplotlib.rc_context(RC):
                text = self.draw(**self.values)
                self.image.value = self.frame_png()
            self.readout.value = text or ""
            self.image.tooltip = self.alt_text(**self.values)
            self.error.value = ""
        except Exception as exc:  # show the learner what went wrong instead of a silent dead widget
            self.error.value = f"<span style='color:#D55E00'>Error in demo {self.demo_name}: {exc!r}</span>"
            raise
        elapsed = time.perf_counter() - start
        self.timings.append(elapsed)
        return elapsed

    @contextlib.contextmanager
    def hold(self):
        """Change several controls with one redraw at the end."""
        self._holding = True
        try:
            yield self
        finally:
            self._holding = False
        self.refresh()

    def update(self, **values) -> float:
        """Set controls by name (as a learner would) and redraw once; returns the seconds taken."""
        unknown = set(values) - set(self._controls)
        if unknown:
            raise ValueError(f"unknown control(s) {sorted(unknown)} for demo {self.demo_name}; "
                             f"known: {sorted(self._controls)}")
        with self.hold():
            for name, value in values.items():
                self._controls[name].value = value
        return self.timings[-1]

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        bundle = dict(bundle)
        bundle["text/plain"] = f"Interactive demo '{self.demo_name}': {self.title}"
        bundle["image/png"] = base64.b64encode(self.image.value).decode("ascii")
        width, height = self.frame_size()
        metadata = {"image/png": {"alt": self.image.tooltip or "", "width": width, "height": height}}
        return bundle, metadata


def _plain_text(markup: str) -> str:
    """HTML readout -> one line of text for a screen reader."""
    text = re.sub(r"<br\s*/?>", "; ", markup or "")
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\s+", " ", text).strip()


def log_slider(description, value, min_exp, max_exp, *, step=0.05, continuous_update=True, readout_format=".3g"):
    """A base-10 log slider (for λ and step sizes)."""
    return widgets.FloatLogSlider(value=value, base=10, min=min_exp, max=max_exp, step=step,
                                  description=description, continuous_update=continuous_update,
                                  readout_format=readout_format, style={"description_width": "initial"})


def slider(description, value, vmin, vmax, step, *, continuous_update=True, readout_format=".3g"):
    cls = widgets.IntSlider if all(isinstance(v, int) for v in (value, vmin, vmax, step)) else widgets.FloatSlider
    kw = {} if cls is widgets.IntSlider else {"readout_format": readout_format}
    return cls(value=value, min=vmin, max=vmax, step=step, description=description,
               continuous_update=continuous_update, style={"description_width": "initial"}, **kw)


def dropdown(description, options, value=None):
    """A dropdown; ``options`` a list or a {label: value} dict."""
    control = widgets.Dropdown(options=options, description=description, style={"description_width": "initial"})
    if value is not None:
        control.value = value
    return control
