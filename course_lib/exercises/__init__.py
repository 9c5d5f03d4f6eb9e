"""Exercise checks with specific feedback.  Each chapter's checks live in their own module here
(``start``, ``ch1`` … ``ch5``); they are all re-exported so a notebook calls ``cl.exercises.check_…``."""
import importlib
import pkgutil

from .feedback import (AnswerError, Feedback, as_array, as_number, call_learner, compare_array, compare_scalar,
                       correct, leaked_globals, not_attempted, pending, wrong)

for _info in pkgutil.iter_modules(__path__):
    if _info.name != "feedback":
        _module = importlib.import_module(f"{__name__}.{_info.name}")
        for _name in getattr(_module, "__all__", []):
            globals()[_name] = getattr(_module, _name)
