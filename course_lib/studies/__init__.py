"""Chapter studies: one module per study, named ``chN_topic`` (``tests/test_chN_*`` mirror them).

Each study returns numbers (arrays, dataclasses); notebooks call them as ``cl.studies.ch5_scenarios``."""
import importlib as _importlib
import pkgutil as _pkgutil

__all__ = [_info.name for _info in _pkgutil.iter_modules(__path__) if not _info.name.startswith("_")]
for _name in __all__:
    _importlib.import_module(f"{__name__}.{_name}")
