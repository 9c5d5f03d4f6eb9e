"""Figure functions behind every notebook; each returns a matplotlib Figure (built without pyplot)."""
import importlib
import pkgutil

from .registry import FIGURES, figure
from .style import L1_COLOR, L2_COLOR, ENET_COLOR, OLS_COLOR, TRUTH_COLOR, PALETTE, new_figure, save_figure


def load_all():
    """Import every plot module so each registers its figures."""
    for info in pkgutil.iter_modules(__path__):
        if info.name not in ("registry", "style"):
            importlib.import_module(f"{__name__}.{info.name}")
    return FIGURES
