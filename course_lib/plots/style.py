"""One look for every figure: a colour-blind-safe palette (Okabe–Ito) with one name per colour, legible
sizes, figures built without pyplot (so a widget callback or a script never leaks global state), and a
``save_figure`` that writes ``figures/NN_<what>.png`` and ``.svg`` reproducibly.

Colour names: text, captions, alt text and legends call each colour by its name in ``COLOR_NAMES`` and no
other ("the red curve", never "vermillion", "orange-red" or "test red" for ``PALETTE["vermillion"]``);
``color_name(color)`` gives it, and ``tests/test_frameworks.py`` checks the notebooks' markdown.

Legibility: a figure from ``new_figure`` is a ``CourseFigure``; before every draw it raises legend text
smaller than ``MIN_LEGEND_PX`` pixels *as displayed* (at the figure's ``display_dpi``: the inline backend's
``figure.dpi`` for static figures, the frame dpi for demos) to that size, so a 7-pt legend can no longer
reach a reader at 8 px."""
from __future__ import annotations

from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .registry import tag_origin

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#999999",
}
# The one name each colour goes by in text and figures (keys of PALETTE are code names).
COLOR_NAMES = {
    "blue": "blue",
    "orange": "orange",
    "green": "green",
    "vermillion": "red",
    "sky": "sky blue",
    "purple": "purple",
    "yellow": "yellow",
    "black": "black",
    "grey": "grey",
}
# Other words found for the same colours; text must not use them (see color_name).
COLOR_SYNONYMS = {
    "vermillion": ("vermillion", "vermilion", "orange-red", "red-orange", "reddish", "test red"),
    "green": ("bluish green", "teal"),
    "purple": ("reddish purple", "pink", "magenta", "mauve"),
    "sky": ("light blue", "sky-blue", "cyan"),
    "grey": ("gray",),
}
CYCLE = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "black")]
# The course's fixed meaning of colours, used by every chapter.
L1_COLOR = PALETTE["vermillion"]
L2_COLOR = PALETTE["blue"]
ENET_COLOR = PALETTE["green"]
OLS_COLOR = PALETTE["grey"]
TRUTH_COLOR = PALETTE["black"]

RC = {
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.fontsize": 10,
    "figure.dpi": 100,
    "savefig.bbox": "tight",
    "svg.hashsalt": "course_lib",  # stable SVG ids
    "svg.fonttype": "none",
    "image.cmap": "viridis",
}

MIN_LEGEND_PX = 11.0  # smallest legend text, in screen pixels at 100 % zoom

FIGURES_DIR = Path(__file__).resolve().parents[2] / "figures"


def color_name(color) -> str:
    """The course's name for a palette colour (a PALETTE key, or its hex code in any case)."""
    if color in PALETTE:
        return COLOR_NAMES[color]
    by_hex = {v.lower(): k for k, v in PALETTE.items()}
    key = by_hex.get(str(color).lower())
    if key is None:
        raise ValueError(f"{color!r} is not a course colour; use one of PALETTE: {sorted(PALETTE)}")
    return COLOR_NAMES[key]


def legend_texts(fig):
    """Every legend text of the figure (figure legends and axes legends, titles included)."""
    legends = list(fig.legends) + [ax.get_legend() for ax in fig.axes]
    for legend in legends:
        if legend is not None:
            yield from legend.get_texts()
            yield legend.get_title()


def enforce_min_legend_size(fig, min_px: float = MIN_LEGEND_PX, display_dpi: float | None = None) -> int:
    """Raise every legend text below ``min_px`` displayed pixels to that size; returns how many changed."""
    dpi = display_dpi or getattr(fig, "display_dpi", None) or fig.dpi
    min_pt = min_px * 72.0 / dpi
    changed = 0
    for text in legend_texts(fig):
        if text.get_text() and text.get_fontsize() < min_pt - 1e-9:
            text.set_fontsize(min_pt)
            changed += 1
    return changed


class CourseFigure(Figure):
    """A Figure whose legends are never drawn smaller than ``MIN_LEGEND_PX`` at its ``display_dpi``."""

    display_dpi = None  # None: the dpi the figure was built at (``figure.dpi`` of the course style)

    def draw(self, renderer):
        enforce_min_legend_size(self)  # before the layout engine, which runs inside this draw
        return super().draw(renderer)


def new_figure(nrows=1, ncols=1, *, figsize=(8.0, 4.0), **subplot_kw):
    """A pyplot-free Figure with the course style, and its axes (like ``plt.subplots``)."""
    with matplotlib.rc_context(RC):
        fig = CourseFigure(figsize=figsize, layout="constrained")
        fig.display_dpi = fig.dpi
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    tag_origin(fig)  # which plot function drew it: the notebook display hook looks up its alt text
    return fig, axes


def apply_style(ax):
    """Re-apply the style to axes created outside ``new_figure``'s rc context (grid, spines)."""
    ax.grid(True, alpha=0.3)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    return ax


def save_figure(fig, name: str, folder: Path | str | None = None) -> list[Path]:
    """Write ``name``.png and ``name``.svg (name like ``"01_unit_balls"``) with no timestamps."""
    out = Path(folder) if folder is not None else FIGURES_DIR
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with matplotlib.rc_context(RC):
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None})):
            path = out / f"{name}.{ext}"
            fig.savefig(path, metadata=meta, dpi=150 if ext == "png" else None)
            paths.append(path)
    return paths
