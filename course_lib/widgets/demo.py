"""The base of every interactive demo: controls → compute → redraw a PNG in an ``Image`` widget.

Why an Image widget and not ``interactive_output``: output routed through an ``Output`` widget cannot pass
strict nbval (nbconvert stores it where nbval compares it), while an Image's bytes live in the widget
state.  A demo's cell output is therefore the widget view (never compared) plus a fixed ``text/plain``
line, so the cell passes strict nbval and shows the same in JupyterLab, in the browser tests and in a
static site (the ``image/png`` of the first frame is included as a fallback).

A subclass defines ``controls()`` (name → ipywidget), ``setup(fig)`` (build axes and artists once) and
``draw(**values)`` (update the artists, return an HTML readout).  Redrawing by updating artists rather than
re-plotting keeps an update well under 100 ms; ``benchmarks/widgets.py`` times ``update`` headlessly.
"""
from __future__ import annotations

import base64
import contextlib
import time

import ipywidgets as widgets
import matplotlib

from ..plots.style import RC, new_figure, png_bytes

DEMOS: dict = {}


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
    dpi = 80

    def __init__(self):
        self._controls = self.controls()
        self.fig, self.axes = self.new_figure()
        with matplotlib.rc_context(RC):
            self.setup(self.fig)
        self.image = widgets.Image(format="png", layout=widgets.Layout(width="auto"))
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

    def control_box(self):
        return widgets.HBox(list(self._controls.values()), layout=widgets.Layout(flex_flow="row wrap"))

    # --- machinery --------------------------------------------------------------------------
    @property
    def values(self) -> dict:
        return {name: c.value for name, c in self._controls.items()}

    @property
    def control_widgets(self) -> dict:
        return dict(self._controls)

    def _on_change(self, _change):
        if not self._holding:
            self.refresh()

    def refresh(self) -> float:
        """Recompute and redraw; returns the time it took in seconds."""
        start = time.perf_counter()
        try:
            with matplotlib.rc_context(RC):
                text = self.draw(**self.values)
                self.image.value = png_bytes(self.fig, dpi=self.dpi)
            self.readout.value = text or ""
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
        return bundle


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
