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


# ------------------------------------------------------------------------------------------------ alt text
# Every figure a notebook shows carries alt text in its output metadata (``{"image/png": {"alt": ...}}``),
# which the static site's template puts on the <img>.  Where it comes from, first match wins:
#   1. ``describe(fig, text)`` called by the plot function (text written for that figure);
#   2. the text written in ``alt_text.ALT_TEXT`` for the function that drew it (``new_figure`` records the
#      outermost ``course_lib.plots`` function on the call stack as ``fig._course_origin``);
#   3. a description generated from the figure itself: titles, axis labels and legend entries.
ALT_ATTRIBUTE = "_course_alt"
ORIGIN_ATTRIBUTE = "_course_origin"


def describe(fig, text: str):
    """Attach written alt text to ``fig``; returns ``fig`` (so a plot function can ``return describe(...)``)."""
    setattr(fig, ALT_ATTRIBUTE, " ".join(str(text).split()))
    return fig


def tag_origin(fig, depth: int = 2):
    """Record on ``fig`` the outermost function of ``course_lib.plots`` that is drawing it."""
    import sys

    frame, origin = sys._getframe(depth), None
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("course_lib.plots.") and module not in ("course_lib.plots.style",
                                                                      "course_lib.plots.registry"):
            origin = f"{module[len('course_lib.plots.'):]}.{frame.f_code.co_name}"
        frame = frame.f_back
    if origin is not None:
        setattr(fig, ORIGIN_ATTRIBUTE, origin)
    return fig


def _plain(text: str) -> str:
    return " ".join(text.replace("$", "").replace("\\", "").split())


def generated_alt(fig) -> str:
    """A description built from the figure's own text: suptitle, per panel title, axis labels, legend."""
    parts = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        parts.append(_plain(suptitle.get_text()) + ".")
    axes = [ax for ax in fig.get_axes() if ax.get_visible() and ax.get_label() != "<colorbar>"]
    for i, ax in enumerate(axes, 1):
        bits = []
        if ax.get_title():
            bits.append(f"'{_plain(ax.get_title())}'")
        if ax.get_xlabel():
            bits.append(f"horizontal axis {_plain(ax.get_xlabel())}")
        if ax.get_ylabel():
            bits.append(f"vertical axis {_plain(ax.get_ylabel())}")
        legend = ax.get_legend()
        if legend is not None:
            labels = [_plain(t.get_text()) for t in legend.get_texts() if t.get_text().strip()]
            if labels:
                bits.append("showing " + ", ".join(labels[:8]) + (" and more" if len(labels) > 8 else ""))
        if bits:
            parts.append((f"Panel {i}: " if len(axes) > 1 else "") + "; ".join(bits) + ".")
    return "Figure. " + " ".join(parts) if parts else "Figure without titles or labels."


def alt_text(fig) -> str:
    written = getattr(fig, ALT_ATTRIBUTE, None)
    if written:
        return written
    origin = getattr(fig, ORIGIN_ATTRIBUTE, None)
    if origin:
        from .alt_text import ALT_TEXT

        for function, text in ALT_TEXT.values():
            if function == origin:
                return text
    return generated_alt(fig)


def install_alt_text(shell) -> None:
    """Make the IPython PNG formatter of matplotlib figures return ``(png, {"alt": alt_text(fig)})``:
    IPython stores the pair's dict as the output's ``image/png`` metadata.  Call after the inline
    backend's formats are set (``setup_notebook`` does)."""
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]
    try:
        png = formatter.lookup_by_type(Figure)
    except KeyError:
        return
    png = getattr(png, "_course_png", png)  # installing twice must not wrap twice

    def png_with_alt(fig):
        data = png(fig)
        return (data, {"alt": alt_text(fig)}) if data is not None else None

    png_with_alt._course_png = png
    formatter.for_type(Figure, png_with_alt)
