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


def __getattr__(name):
    """Import a submodule on first use (``cl.widgets.<module>`` / ``cl.plots.<module>``), keeping import cheap."""
    if name.startswith("_"):
        raise AttributeError(name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{name}":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        raise
