"""course_lib — the companion package of the "L1 vs L2 regularization" course.

Every solver minimises the same objective (glmnet's scaling; scikit-learn's ``Lasso``/``ElasticNet``
with ``alpha=λ``, and ``Ridge`` with ``alpha=n·λ``)::

    (1/(2n))·||y − Xw − b||² + λ·P(w),      intercept b unpenalized,
    lasso P = ||w||₁,   ridge P = ½||w||₂²,   elastic net P = r||w||₁ + (1−r)/2·||w||₂².

    import course_lib as cl
    fit = cl.lasso(X, y, lam=0.1)          # coordinate descent, duality-gap stopping rule
    path = cl.lasso_path(X, y)             # warm-started, 100 λ from lam_max down to lam_max/1000
"""
from ._jit import CACHE_DIR as NUMBA_CACHE_DIR  # first: configures numba's cache folder
from ._warnings import ConvergenceWarning
from .results import Fit, Path
from .norms import l1_norm, l2_norm, linf_norm, lp_norm
from .penalties import soft_threshold, hard_threshold
from .penalties import *  # noqa: F401,F403
from .projections import *  # noqa: F401,F403
from .ridge import *  # noqa: F401,F403
from .lasso import *  # noqa: F401,F403
from .duality import *  # noqa: F401,F403
from .gradient_descent import *  # noqa: F401,F403
from .subgradient import *  # noqa: F401,F403
from .proximal import *  # noqa: F401,F403
from .preprocessing import *  # noqa: F401,F403
from .simulate import *  # noqa: F401,F403
from .datasets import *  # noqa: F401,F403
from .notebook import setup_notebook
from . import datasets, exercises, simulate  # noqa: F401
# --- chapter modules (one line each) ---
from . import conditioning, grouping_preview, quadratic_2d, resampling  # noqa: E402,F401  (chapter 2)
from . import polynomial_overfitting, ridge_zeros, weight_decay  # noqa: E402,F401  (chapter 1)
from . import kkt  # noqa: E402,F401  (chapter 4: lasso optimality checks)
from . import agreement, selection  # noqa: E402,F401  (chapter 3: support scores, printed agreement)
from . import cross_validation  # noqa: E402,F401  (chapter 5: K-fold CV, λ_min and λ_1se)
from . import scenarios  # noqa: E402,F401  (chapter 5: lasso vs ridge head-to-head)
from . import corner_monte_carlo  # noqa: E402,F401  (chapter 5: exact zero rates of constrained optima)
from . import elastic_net_ball  # noqa: E402,F401  (chapter 5: the elastic-net region in 2-D)
from . import correlated_groups  # noqa: E402,F401  (chapter 5: grouped features, lasso vs elastic net)
from . import lasso_limits  # noqa: E402,F401  (chapter 5: selection cap, instability, units)
from . import summary_table  # noqa: E402,F401  (chapter 5: the article's table from measurements)

__version__ = "0.1.0"

_LAZY = ("plots", "widgets", "doctor", "figures")  # matplotlib and ipywidgets load only when first used


def __getattr__(name):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
