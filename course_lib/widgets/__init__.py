"""Widget demos: each chapter's builders live in a module here and register with ``@register_demo``.

Demo modules are imported on first use (``cl.widgets.norm_ball``); ``load_all`` imports them all.
"""
from .._internal.submodules import import_all, lazy_getattr
from .demo import DEMOS, Demo, dropdown, log_slider, register_demo, slider


def load_all():
    """Import every demo module so each registers its demos; returns the registry."""
    import_all(__name__, __path__, skip=("demo", "sweep"))
    return DEMOS


__getattr__ = lazy_getattr(__name__)
