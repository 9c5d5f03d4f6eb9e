"""Submodule loading shared by ``course_lib.plots`` and ``course_lib.widgets``."""
import importlib
import pkgutil


def import_all(package: str, path, skip=()) -> None:
    """Import every module of a package (so each registers its figures or demos)."""
    for info in pkgutil.iter_modules(path):
        if info.name not in skip:
            importlib.import_module(f"{package}.{info.name}")


def lazy_getattr(package: str):
    """A module ``__getattr__`` importing ``package.<name>`` on first use: imports stay cheap."""

    def __getattr__(name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return importlib.import_module(f"{package}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{package}.{name}":
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
            raise

    return __getattr__
