"""course_lib — the companion package of the "L1 vs L2 regularization" course.

Every solver minimises the same objective (glmnet's scaling; scikit-learn's ``Lasso``/``ElasticNet``
with ``alpha=λ``, and ``Ridge`` with ``alpha=n·λ``)::

    (1/(2n))·||y − Xw − b||² + λ·P(w),      intercept b unpenalized,
    lasso P = ||w||₁,   ridge P = ½||w||₂²,   elastic net P = r||w||₁ + (1−r)/2·||w||₂².

    import course_lib as cl
    fit = cl.lasso(X, y, lam=0.1)          # coordinate descent, duality-gap stopping rule
    path = cl.lasso_path(X, y)             # warm-started, 100 λ from lam_max down to lam_max/1000

The map (one room per role; see also ``course_lib/README.md``)::

    core/       norms, penalties (value, prox), duality gap, KKT, projections, Fit/Path, preprocessing,
                model_selection (cross-validation), metrics (support, precision/recall), agreement
    solvers/    ridge, lasso/elastic net (CD + working sets), proximal (ISTA/FISTA), subgradient,
                gradient_descent; private jitted kernels (_coordinate_descent, _working_set, _problem)
    data/       loaders (diabetes) and simulate (generators); CSV files with README provenance
    toys/       exact low-dimensional problems for pictures and widgets (scalar lasso, 2-D quadratics, ...)
    studies/    chN_topic: one module per chapter study (cl.studies.ch5_scenarios, ...)
    plots/ widgets/ exercises/   figures, interactive demos, exercise checks (NN_-prefixed registries)
    _internal/  numba jit and cache, validation, BLAS threads, warnings
"""
from ._internal.jit import CACHE_DIR as NUMBA_CACHE_DIR  # first: configures numba's cache folder
from ._internal.warnings import ConvergenceWarning
from .core.results import Fit, Path
from .core.norms import l1_norm, l2_norm, linf_norm, lp_norm
from .core.penalties import *  # noqa: F401,F403
from .core.projections import *  # noqa: F401,F403
from .core.duality import *  # noqa: F401,F403
from .core.preprocessing import *  # noqa: F401,F403
from .solvers.ridge import *  # noqa: F401,F403
from .solvers.lasso import *  # noqa: F401,F403
from .solvers.gradient_descent import *  # noqa: F401,F403
from .solvers.subgradient import *  # noqa: F401,F403
from .solvers.proximal import *  # noqa: F401,F403
from .solvers.accuracy import coefficient_error_bound  # noqa: F401
from .solvers.logistic import *  # noqa: F401,F403
from .solvers.sgd import *  # noqa: F401,F403
from .data.simulate import *  # noqa: F401,F403
from .data.loaders import *  # noqa: F401,F403
from .notebook import setup_notebook
from . import core, data, exercises, solvers, studies, toys  # noqa: F401
from .core import agreement, kkt, metrics, model_selection  # noqa: F401

__version__ = "0.1.0"

_LAZY = ("plots", "widgets", "doctor", "figures")  # matplotlib and ipywidgets load only when first used


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
