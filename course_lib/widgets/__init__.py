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
