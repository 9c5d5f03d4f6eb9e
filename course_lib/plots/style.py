"""One look for every figure: a colour-blind-safe palette (Okabe–Ito), slide-readable sizes,
figures built without pyplot (so a widget callback or a script never leaks global state), and a
``save_figure`` that writes ``figures/NN_<what>.png`` and ``.svg`` reproducibly."""
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

FIGURES_DIR = Path(__file__).resolve().parents[2] / "figures"


def new_figure(nrows=1, ncols=1, *, figsize=(8.0, 4.0), **subplot_kw):
    """A pyplot-free Figure with the course style, and its axes (like ``plt.subplots``)."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=figsize, layout="constrained")
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
