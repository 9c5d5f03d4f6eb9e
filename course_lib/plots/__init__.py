"""Figure functions behind every notebook; each returns a matplotlib Figure (built without pyplot).

Plot modules are imported on first use (``cl.plots.norm_balls``); ``load_all`` imports them all.
"""
from .._internal.submodules import import_all, lazy_getattr
from .registry import FIGURES, figure
from .style import L1_COLOR, L2_COLOR, ENET_COLOR, OLS_COLOR, TRUTH_COLOR, PALETTE, new_figure, save_figure


def load_all():
    """Import every plot module so each registers its figures; returns the registry."""
    import_all(__name__, __path__, skip=("registry", "style"))
    return FIGURES


__getattr__ = lazy_getattr(__name__)
