"""Widget demos: each chapter's builders live in a module here and register with ``@register_demo``."""
import importlib
import pkgutil

from .demo import DEMOS, Demo, dropdown, log_slider, register_demo, slider


def load_all():
    """Import every demo module so each registers its demos; returns the registry."""
    for info in pkgutil.iter_modules(__path__):
        if info.name != "demo":
            importlib.import_module(f"{__name__}.{info.name}")
    return DEMOS
