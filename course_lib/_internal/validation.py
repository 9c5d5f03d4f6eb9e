"""Input checks that run in Python before any jitted code.

Every public function converts its inputs through these helpers, so a learner's mistake becomes a
``ValueError``/``TypeError`` that names the argument and the fix, never a kernel crash or a silent NaN.
Accepted and converted: lists, ints, float32, Fortran-ordered or non-contiguous arrays, and
pandas-like objects with ``to_numpy``.
"""
from __future__ import annotations

import numbers

import numpy as np


# Magnitudes the solvers accept: squares, sums of squares over n·p terms and the products w·x stay far from
# float64's overflow (1.8e308) and underflow (2.2e-308) with these bounds.  Outside them the answer would be
# NaN, inf or silently zero, so the data must be rescaled (every solution rescales with them exactly).
MAX_ABS_VALUE = 1e100
MIN_ABS_VALUE = 1e-100
# A solver iteration budget beyond this cannot finish in reasonable time (and overflows int64 counters).
MAX_ITER_LIMIT = 10**9


def _to_numpy(value, name):
    if hasattr(value, "toarray") and hasattr(value, "nnz"):  # scipy.sparse: np.asarray would give an object
        raise TypeError(f"{name} is a scipy sparse matrix ({value.shape[0]}×{value.shape[1]}, {value.nnz} stored "
                        f"values); the course's solvers need a dense array: pass {name}.toarray()")
    if hasattr(value, "to_numpy"):  # pandas DataFrame / Series and friends
        value = value.to_numpy()
    try:
        arr = np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise TypeError(f"{name} could not be converted to a numeric array ({exc}); pass a numpy array") from exc
    if arr.dtype == object:  # e.g. a list holding 10**400 or None
        try:
            arr = arr.astype(np.float64)
        except (TypeError, ValueError, OverflowError) as exc:
            raise TypeError(f"{name} holds values that are not numbers (or too large for float64: {exc}); "
                            f"pass a numeric array") from None
    if arr.dtype == object or not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}; convert it with np.asarray({name}, dtype=float)")
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real, got complex dtype {arr.dtype}")
    return arr


def _finite(arr, name):
    if not np.all(np.isfinite(arr)):
        bad = int(np.size(arr) - np.count_nonzero(np.isfinite(arr)))
        raise ValueError(f"{name} contains {bad} NaN or infinite value(s); remove or impute them before fitting")


def as_vector(value, name="w", *, allow_empty=False):
    """A finite 1-D float64 C-contiguous copy-or-view of ``value``."""
    arr = _to_numpy(value, name)
    if arr.ndim == 0:
        arr = arr.reshape(1)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}; use {name}.ravel() if it is a column")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty; pass at least one value")
    arr = np.ascontiguousarray(arr, dtype=np.float64)
    _finite(arr, name)
    return arr


def as_design(X, name="X"):
    """A finite 2-D float64 C-contiguous design matrix with at least one row and one column."""
    arr = _to_numpy(X, name)
    if arr.ndim != 2:
        hint = " (a single feature? use X.reshape(-1, 1))" if arr.ndim == 1 else ""
        raise ValueError(f"{name} must be 2-D (n_samples, n_features), got shape {arr.shape}{hint}")
    if arr.shape[0] == 0 or arr.shape[1] == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); it needs at least one row and one column")
    arr = np.ascontiguousarray(arr, dtype=np.float64)
    _finite(arr, name)
    return arr


def as_target(y, n_samples, name="y"):
    """A finite 1-D float64 target whose length matches ``n_samples``."""
    arr = _to_numpy(y, name)
    if arr.ndim == 2 and 1 in arr.shape:
        raise ValueError(f"{name} must be 1-D, got shape {arr.shape}; pass {name}.ravel()")
    if arr.ndim != 1:
        raise ValueError(f"{name} must be 1-D (n_samples,), got shape {arr.shape}")
    if arr.shape[0] != n_samples:
        raise ValueError(f"X has {n_samples} rows but {name} has {arr.shape[0]} entries; they must match")
    arr = np.ascontiguousarray(arr, dtype=np.float64)
    _finite(arr, name)
    return arr


def as_Xy(X, y):
    Xa = as_design(X)
    return Xa, as_target(y, Xa.shape[0])


def check_bool(value, name):
    """True or False (numpy booleans too).  Strings are refused: ``"False"`` is truthy in Python."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, str):
        raise TypeError(f"{name} must be True or False, got the string {value!r} (any non-empty string counts as "
                        f"True); write {name}={value.strip().capitalize() if value.strip().lower() in ('true', 'false') else 'True'} without quotes")
    if isinstance(value, numbers.Integral) and int(value) in (0, 1):
        return bool(value)
    raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}")


def check_scalar(value, name, *, low=None, high=None, low_inclusive=True, high_inclusive=True, integer=False):
    """A finite real (or integer) scalar within bounds, as float (or int)."""
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise TypeError(f"{name} must be a single number, got an array of shape {value.shape}")
        value = value.reshape(-1)[0].item()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind = "an integer" if integer else "a real number"
        raise TypeError(f"{name} must be {kind}, got {type(value).__name__}")
    if isinstance(value, numbers.Integral) and abs(int(value)) > 1e308:
        raise ValueError(f"{name} = an integer with {len(str(abs(int(value))))} digits is too large for a float "
                         f"(at most about 1.8e308); did you mean a smaller value?")
    if integer and not float(value).is_integer():
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    if low is not None and (value < low or (value == low and not low_inclusive)):
        op = ">=" if low_inclusive else ">"
        raise ValueError(f"{name} must be {op} {low}, got {value!r}")
    if high is not None and (value > high or (value == high and not high_inclusive)):
        op = "<=" if high_inclusive else "<"
        raise ValueError(f"{name} must be {op} {high}, got {value!r}")
    return int(value) if integer else float(value)


def check_lam(lam, name="lam"):
    """λ >= 0."""
    return check_scalar(lam, name, low=0.0)


def check_l1_ratio(l1_ratio):
    return check_scalar(l1_ratio, "l1_ratio", low=0.0, high=1.0)


def check_tol(tol):
    return check_scalar(tol, "tol", low=0.0, low_inclusive=False)


def check_max_iter(max_iter, name="max_iter"):
    value = check_scalar(max_iter, name, low=1, integer=True)
    if value > MAX_ITER_LIMIT:
        raise ValueError(f"{name}={value} cannot finish in reasonable time (limit {MAX_ITER_LIMIT:.0e}); a solver "
                         f"that needs more has a problem to fix (scale the data, raise tol, or pick another method)")
    return value


def check_choice(value, name, choices):
    if value not in choices:
        raise ValueError(f"{name}={value!r} is not supported; choose one of {', '.join(map(repr, choices))}")
    return value


def check_lams(lams, name="lams"):
    """A non-empty 1-D array of λ >= 0 (order kept; paths sort it)."""
    arr = as_vector(lams, name)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0 everywhere, got a minimum of {arr.min()!r}")
    return arr


def check_coef_init(coef_init, n_features):
    if coef_init is None:
        return np.zeros(n_features)
    arr = as_vector(coef_init, "coef_init")
    if arr.shape[0] != n_features:
        raise ValueError(f"coef_init has {arr.shape[0]} entries but X has {n_features} columns; they must match")
    return arr.copy()


def check_seed(seed):
    """Every random draw in the course takes an explicit seed (int or np.random.Generator)."""
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        raise TypeError("seed must be given (an int or np.random.Generator): the course is deterministic")
    return np.random.default_rng(check_scalar(seed, "seed", low=0, integer=True))


def check_magnitude(arr, name, *, allow_zero=True, top=None):
    """Refuse arrays whose scale float64 arithmetic cannot carry through a fit (see MAX_ABS_VALUE).

    The test is on the largest absolute entry, so one unit-scale column beside others is fine; an all-zero
    array passes when ``allow_zero`` (a zero y has the zero solution).  ``top``: that largest |entry| when
    the caller already has it (the solvers' one pass over X computes it)."""
    if top is None:
        # max(|max|, |min|): two reductions, no |arr| temporary (a design may be the size of memory)
        top = max(abs(float(np.max(arr))), abs(float(np.min(arr)))) if arr.size else 0.0
    if top > MAX_ABS_VALUE:
        raise ValueError(f"{name} has entries up to {top:.3g}: their squares and products overflow float64 "
                         f"(max 1.8e308). Rescale {name}, e.g. {name} / {top:.0e} (solutions rescale exactly), "
                         f"or cl.standardize(X) for a design")
    if top == 0.0:
        if not allow_zero:
            raise ValueError(f"{name} is all zeros")
        return top
    if top < MIN_ABS_VALUE:
        raise ValueError(f"{name} has entries no larger than {top:.3g}: their squares underflow float64 to 0, so "
                         f"a fit would look converged while being meaningless. Rescale {name}, e.g. "
                         f"{name} * {1.0 / top:.0e} (solutions rescale exactly)")
    return top


def check_fit_data(X, y):
    """Magnitude checks of a design and target before a solver runs (both already validated arrays)."""
    check_magnitude(X, "X")
    check_magnitude(y, "y")
    return X, y


def constant_columns(col_sq, col_absmax):
    """Mask of columns that are constant up to rounding, each judged against ITS OWN magnitude.

    ``col_sq`` = ||x_j − x̄_j||²/n, ``col_absmax`` = max_i |x_ij| before centering.  Centering a constant
    column leaves rounding of about eps·|x_j| per entry, so its spread is ~1e-16·max|x_j|; a real column
    has spread far above 1e-13·max|x_j|.  (A test relative to the largest column instead would freeze a
    unit-scale column beside a 1e14-scale one, and every column of 1e-13·X.)"""
    return col_sq <= (1e-13 * np.asarray(col_absmax, dtype=float)) ** 2


def check_predict_design(X, n_features, what="the model"):
    """A new design for ``predict``: validated, with the column count the model was fitted on."""
    Xa = as_design(X)
    if Xa.shape[1] != n_features:
        raise ValueError(f"X has {Xa.shape[1]} columns but {what} was fitted on {n_features}; pass the same "
                         f"features, in the same order")
    return Xa


# Arrays larger than this many float64 values (3.2 GB) are refused before they are allocated.
MAX_ARRAY_VALUES = 400_000_000


def check_allocation(n_values, what, alternative):
    """Refuse to allocate ``n_values`` float64 values when that exceeds MAX_ARRAY_VALUES, saying how much it
    would be and what to do instead."""
    if n_values > MAX_ARRAY_VALUES:
        raise MemoryError(f"{what} would hold {n_values:.3g} float64 values ({n_values * 8 / 2**30:.1f} GiB), more "
                          f"than this function allows ({MAX_ARRAY_VALUES * 8 / 2**30:.1f} GiB); {alternative}")


def check_pair(value, name, example="(-1.0, 1.0)"):
    """Two real numbers ``(low, high)`` with low < high."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or len(value) != 2:
        raise TypeError(f"{name} must be a pair (low, high) such as {example}, got {value!r}")
    lo = check_scalar(value[0], f"{name}[0]")
    hi = check_scalar(value[1], f"{name}[1]")
    if not hi > lo:
        raise ValueError(f"{name} must be (low, high) with low < high, got {value!r}")
    return lo, hi
