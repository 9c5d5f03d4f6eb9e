"""Feedback for learners' answers: what is wrong and a hint, never a bare pass/fail.

Each exercise has a check function (in this package's chapter modules) that returns a ``Feedback``.
The machinery here is shared by every check, so a learner meets the same behaviour everywhere:

* one answer coercion (``as_number``, ``as_array``): text, True/False, complex numbers, ``10**400``, NaN/inf,
  ragged lists and ``Fit`` objects each get their own message, and a size-1 array counts as a number;
* ``call_learner`` runs the learner's function with a time limit (a ``while True:`` is stopped with a kind
  message and the kernel stays usable), tells a function that ran and returned ``None`` (a forgotten
  ``return``) from one still left as ``...``, and names notebook variables read from outside the function
  (``leaked_globals``), the usual cause of a wrong answer from a right-looking body;
* ``compare_array`` and ``compare_scalar`` diagnose the mistakes learners really make — a transposed
  matrix, a flipped sign, a missing factor n or 2, a rounded value typed from a printed table — and say so.

An answer left as ``...`` (or ``None``) is "not attempted yet", so the student copies (solutions removed)
still run from top to bottom without errors.  Every "incorrect" carries at least one hint.
"""
from __future__ import annotations

import ast
import ctypes
import dis
import html
import inspect
import numbers
import signal
import textwrap
import threading
import time
import types
from dataclasses import dataclass, field

import numpy as np

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"
_ICONS = {CORRECT: "✔", INCORRECT: "✘", NOT_ATTEMPTED: "✎"}  # in common fonts (DejaVu), unlike emoji
_COLOURS = {CORRECT: "#009E73", INCORRECT: "#D55E00", NOT_ATTEMPTED: "#0072B2"}

# Seconds a learner's function may run inside a check (the reference answers take milliseconds).
LEARNER_TIME_LIMIT = 10.0
# The generic hint an "incorrect" gets when the check has nothing more specific to say.
GENERIC_HINT = "Compare your formula with the one in the exercise text, term by term, on a tiny example."
RESTART_HINT = ("After a kernel restart or when cells ran out of order, run the cells above this one first "
                "(Run → Run All Above).")


@dataclass
class Feedback:
    """The verdict on one answer.  ``bool(feedback)`` is True only when correct."""

    exercise: str
    status: str
    message: str
    hints: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.status == CORRECT

    @property
    def correct(self) -> bool:
        return self.status == CORRECT

    def __repr__(self) -> str:
        lines = [f"{_ICONS[self.status]} {self.exercise}: {self.status.upper()}. {self.message}"]
        lines += [f"   hint: {h}" for h in self.hints]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        hints = "".join(f"<li>{html.escape(h)}</li>" for h in self.hints)
        return (f"<div style='border-left:4px solid {_COLOURS[self.status]};padding:4px 10px'>"
                f"<b>{_ICONS[self.status]} {html.escape(self.exercise)}: {self.status}</b> "
                f"{html.escape(self.message)}{f'<ul>{hints}</ul>' if hints else ''}</div>")


def not_attempted(answer) -> bool:
    return answer is None or answer is Ellipsis


def pending(exercise: str, what: str = "your answer") -> Feedback:
    return Feedback(exercise, NOT_ATTEMPTED, f"Replace the `...` with {what} and run the cell again.")


def correct(exercise: str, message: str = "Well done.") -> Feedback:
    return Feedback(exercise, CORRECT, message)


def wrong(exercise: str, message: str, *hints: str) -> Feedback:
    """An "incorrect" verdict; it always carries a hint (the generic one if the caller gave none)."""
    kept = [h for h in hints if h]
    return Feedback(exercise, INCORRECT, message, kept or [GENERIC_HINT])


# ------------------------------------------------------------------------------------ answer coercion
class AnswerError(ValueError):
    """An answer that is not a number / array of numbers; ``message`` and ``hint`` say what it is."""

    def __init__(self, message, hint):
        super().__init__(message)
        self.message, self.hint = message, hint

    def feedback(self, exercise, *extra_hints) -> Feedback:
        message = self.message[0].upper() + self.message[1:] if self.message[:1].isascii() else self.message
        return wrong(exercise, message, self.hint, *extra_hints)


def _describe_kind(answer, name):
    """An AnswerError for values that are not numbers at all, or None when ``answer`` may be numeric."""
    if isinstance(answer, str):
        return AnswerError(f"{name} is text ({answer!r}), not a number.",
                           "Remove the quotes: compute the value with numpy, or type the number itself.")
    if isinstance(answer, (bool, np.bool_)):
        return AnswerError(f"{name} is {answer}, a True/False, not a number.",
                           "Give the value itself, not the result of a comparison.")
    if hasattr(answer, "coef") and hasattr(answer, "intercept"):
        return AnswerError(f"{name} is a whole fit result ({type(answer).__name__}).",
                           "Take the part the exercise asks for, e.g. fit.coef.")
    if isinstance(answer, (dict, set)) or callable(answer):
        kind = "a function" if callable(answer) else f"a {type(answer).__name__}"
        hint = ("Call it and give its result, e.g. f(x) rather than f." if callable(answer) else
                "Give the number or array itself.")
        return AnswerError(f"{name} is {kind}, not a number or an array of numbers.", hint)
    return None


def _numeric_array(answer, name):
    """``answer`` as a real float array (any shape), or an AnswerError explaining why it cannot be one."""
    err = _describe_kind(answer, name)
    if err is not None:
        raise err
    if hasattr(answer, "to_numpy"):  # pandas
        answer = answer.to_numpy()
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool) and abs(int(answer)) > 1e308:
        raise AnswerError(f"{name} is an integer with {len(str(abs(int(answer))))} digits: too large for a "
                          f"floating-point number (at most about 1.8e308).",
                          "Such a value cannot be right here: check for an exponent typed by mistake (** vs *).")
    try:
        arr = np.asarray(answer)
    except (ValueError, TypeError, OverflowError) as exc:  # ragged lists and the like
        raise AnswerError(f"{name} could not be read as an array of numbers ({exc}).",
                          "Give a numpy array (np.array([...])) whose rows all have the same length.") from None
    if arr.dtype == object:
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError, OverflowError):
            raise AnswerError(f"{name} mixes numbers with other things (or holds numbers too large for a float).",
                              "Give a plain numpy array of numbers, e.g. np.array([0.5, 1.0]).") from None
    if np.issubdtype(arr.dtype, np.complexfloating) and not np.all(arr.imag == 0):
        raise AnswerError(f"{name} is complex (imaginary part up to {np.max(np.abs(arr.imag)):.3g}); "
                          f"the answer is a real number.",
                          "A complex value usually comes from the square root or log of a negative number, "
                          "or from a typo such as 5j: fix the computation rather than dropping .imag.")
    if np.issubdtype(arr.dtype, np.complexfloating):  # complex dtype with zero imaginary parts: a real value
        arr = arr.real
    if arr.dtype.kind in "US":
        raise AnswerError(f"{name} holds text, not numbers.", "Remove the quotes around the numbers.")
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == bool):
        raise AnswerError(f"{name} is not numeric (dtype {arr.dtype}).", "Give a numpy array of numbers.")
    if arr.dtype == bool:
        raise AnswerError(f"{name} holds True/False values, not numbers.",
                          "Give the values themselves; to count True entries use np.sum or np.count_nonzero.")
    return arr.astype(float)


def as_number(answer, name="your answer") -> float:
    """One number from ``answer`` (a Python/numpy number, or any size-1 array/list); AnswerError otherwise.

    NaN and inf are returned as they are (the caller says why they are wrong)."""
    arr = _numeric_array(answer, name)
    if arr.size != 1:
        raise AnswerError(f"{name} has {arr.size} values (shape {arr.shape}); the answer is one number.",
                          "If you computed an array, reduce it (np.sum, np.max, ...) or pick the entry asked for.")
    return float(arr.reshape(-1)[0])


def as_array(answer, name="your answer", shape=None) -> np.ndarray:
    """A float array from ``answer``; with ``shape`` given, a size-matching answer is reshaped only when it
    is a plain 1-D/column version of the expected shape (otherwise AnswerError names the shapes)."""
    arr = _numeric_array(answer, name)
    if shape is not None and arr.shape != tuple(shape):
        raise AnswerError(f"{name} has shape {arr.shape}, expected {tuple(shape)}.", _shape_hint(arr, shape))
    return arr


def _shape_hint(arr, shape):
    shape = tuple(shape)
    if arr.ndim == 2 and arr.T.shape == shape:
        return "It looks transposed: check the order of the matrix product (X.T @ X vs X @ X.T)."
    if arr.size == int(np.prod(shape)):
        return f"Same number of entries: reshape with .reshape{shape} or .ravel()."
    if arr.size == 1:
        return "A single number where an array is expected: keep one entry per coefficient/direction."
    return "Check which axis you reduced over and the order of the matrix product."


# --------------------------------------------------------------------------------- learner functions
class _LearnerTimeout(BaseException):
    """Raised inside the learner's function when it runs too long (BaseException: a learner's
    ``except Exception`` cannot swallow it)."""


def _body_is_placeholder(fn) -> bool:
    """True when the function body is only a docstring, comments, ``...`` or ``pass`` (not attempted)."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
        node = next(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Lambda)))
    except (OSError, TypeError, SyntaxError, StopIteration, IndentationError):
        code = getattr(fn, "__code__", None)  # no source: a body without names and locals did nothing
        return code is not None and not code.co_names and len(code.co_varnames) == code.co_argcount
    if isinstance(node, ast.Lambda):
        return isinstance(node.body, ast.Constant) and node.body.value in (None, Ellipsis)
    for stmt in node.body:
        if isinstance(stmt, ast.Pass):
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and \
                (stmt.value.value is Ellipsis or isinstance(stmt.value.value, str)):
            continue
        return False
    return True


def _global_loads(code):
    names = set()
    for ins in dis.get_instructions(code):
        if ins.opname in ("LOAD_GLOBAL", "LOAD_NAME"):
            names.add(ins.argval)
    for const in code.co_consts:  # comprehensions, nested functions, lambdas
        if isinstance(const, types.CodeType):
            names |= _global_loads(const)
    return names


def _is_data(value) -> bool:
    """Notebook data a learner's function should receive as an argument, not read from outside."""
    if isinstance(value, (types.ModuleType, type)) or callable(value):
        return False
    if isinstance(value, (np.ndarray, numbers.Number)) and not isinstance(value, bool):
        return True
    if hasattr(value, "to_numpy"):
        return True
    return isinstance(value, (list, tuple)) and len(value) > 0 and all(isinstance(v, numbers.Number) for v in value)


def leaked_globals(fn) -> list:
    """Names of notebook variables (arrays, numbers) that ``fn`` reads from outside instead of its arguments.

    Read from the bytecode (``LOAD_GLOBAL``, nested comprehensions included) and resolved in the function's
    own globals, so modules (``np``), functions and classes are not counted.
    """
    code = getattr(fn, "__code__", None)
    if code is None:
        return []
    glb = getattr(fn, "__globals__", {})
    return sorted(name for name in _global_loads(code) if name in glb and _is_data(glb[name]))


def _leak_hint(fn, names):
    params = ", ".join(inspect.signature(fn).parameters) if callable(fn) else ""
    shown = ", ".join(f"`{n}`" for n in names)
    return (f"Your function reads the notebook variable(s) {shown} from outside; the check calls it with its "
            f"own data, so use only the arguments ({params}) inside the function.")


def _run_with_alarm(fn, args, limit):
    def on_alarm(signum, frame):
        raise _LearnerTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.monotonic()
    try:
        return fn(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay > 0:  # someone else's timer was running: give back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(old_delay - (time.monotonic() - started), 1e-3), old_interval)


def _run_in_thread(fn, args, limit):
    box = {}

    def target():
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 — handed back to the caller
            box["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(limit)
    if worker.is_alive():  # stop it: raise _LearnerTimeout inside the worker at its next bytecode
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(_LearnerTimeout))
        worker.join(1.0)
        raise _LearnerTimeout()
    if "error" in box:
        raise box["error"]
    return box["value"]


def _time_limited(fn, args, limit):
    in_main = threading.current_thread() is threading.main_thread()
    if in_main and hasattr(signal, "setitimer"):
        return _run_with_alarm(fn, args, limit)
    return _run_in_thread(fn, args, limit)


@dataclass
class LearnerCall:
    """The outcome of ``call_learner``: ``value`` when the function returned something usable, otherwise
    ``feedback`` (not attempted, timed out, raised, returned None).  ``leaks`` lists outside variables read."""

    value: object = None
    feedback: Feedback | None = None
    leaks: list = field(default_factory=list)

    def hints(self, fn):
        return [_leak_hint(fn, self.leaks)] if self.leaks else []


def check_callable(exercise, fn, call_example, what="your function"):
    """None when ``fn`` is a function ready to call; otherwise the Feedback (not attempted / not callable)."""
    if not_attempted(fn):
        return pending(exercise, what)
    if not callable(fn):
        return wrong(exercise, f"Pass the function itself (got a {type(fn).__name__}).",
                     f"Write {call_example}: the function's name, without calling it.")
    return None


def call_learner(exercise, fn, *args, returns="the result", error_hint=None, time_limit=None) -> LearnerCall:
    """Run the learner's ``fn(*args)`` safely: a time limit, a placeholder body, a missing ``return``,
    an exception, and notebook variables read from outside each become feedback instead of a traceback.

    ``returns`` names what the function should return (for the "returned None" message); ``error_hint`` is
    the check's hint for an exception (e.g. a shape error's likely cause).
    """
    name = getattr(fn, "__name__", "your function")
    leaks = leaked_globals(fn)
    limit = LEARNER_TIME_LIMIT if time_limit is None else float(time_limit)
    try:
        value = _time_limited(fn, args, limit)
    except _LearnerTimeout:
        return LearnerCall(feedback=wrong(
            exercise, f"`{name}` was still running after {limit:g} s, so the check stopped it (the kernel is fine).",
            "Look for a loop that never ends (a `while` whose condition never becomes false, or no `break`).", *([_leak_hint(fn, leaks)] if leaks else [])), leaks=leaks)
    except Exception as exc:  # noqa: BLE001 — the learner's own error, shown as feedback
        hints = []
        if leaks:
            hints.append(_leak_hint(fn, leaks))
        if isinstance(exc, NameError):
            hints.append(f"A name `{name}` uses is not defined. {RESTART_HINT}")
        if error_hint and not leaks:  # with a leak, the check's usual diagnosis would point the wrong way
            hints.append(error_hint)
        hints.append(f"Run `{name}` by hand on a small example to see where it fails.")
        return LearnerCall(feedback=wrong(exercise, f"Calling `{name}` raised {type(exc).__name__}: {exc}",
                                          *hints), leaks=leaks)
    if value is None:
        if _body_is_placeholder(fn):
            return LearnerCall(feedback=pending(exercise, f"a body for `{name}`"), leaks=leaks)
        return LearnerCall(feedback=wrong(
            exercise, f"`{name}` ran but returned None: it has no `return` statement (or a bare `return`).",
            f"End the function with `return` followed by {returns}.", *([_leak_hint(fn, leaks)] if leaks else [])),
            leaks=leaks)
    return LearnerCall(value=value, leaks=leaks)


# ----------------------------------------------------------------------------------------- comparisons
def _scaling_hint(ratio: float, scale_hints: dict) -> str | None:
    for factor, hint in scale_hints.items():
        if np.isclose(ratio, factor, rtol=1e-3):
            return hint
    return None


def looks_rounded(got, expected) -> int | None:
    """The number of decimals d (0–6) such that ``got`` is ``expected`` rounded to d decimals or to d
    significant digits, or None: a value typed from a printed table."""
    got = np.atleast_1d(np.asarray(got, dtype=float))
    expected = np.atleast_1d(np.asarray(expected, dtype=float))
    if got.shape != expected.shape or np.allclose(got, expected, rtol=1e-12, atol=0):
        return None
    for d in range(0, 7):
        if np.allclose(got, np.round(expected, d), rtol=1e-12, atol=1e-15):
            return d
        sig = np.array([float(f"{v:.{d + 1}g}") for v in expected.ravel()]).reshape(expected.shape)
        if np.allclose(got, sig, rtol=1e-12, atol=1e-15):
            return d + 1
    return None


_ROUNDED_HINT = ("Use the variable itself (or the full-precision expression), not numbers typed from a printed "
                 "table: printed values are rounded.")
_CLOSE_HINT_CLOSED_FORM = ("This answer has an exact formula: compute it in full precision (no rounded "
                           "intermediate values, no typed-in printed numbers).")
_CLOSE_HINT_SOLVER = ("If it comes from an iterative solver, let it converge (a smaller tol or a larger "
                      "max_iter); otherwise avoid rounding intermediate values.")


def compare_array(exercise, answer, expected, *, name="your answer", rtol=1e-6, atol=1e-9,
                  scale_hints: dict | None = None, extra_hints=(), solver=False) -> Feedback:
    """Compare an array answer with the expected one and explain the first thing that is off.

    ``scale_hints`` maps a factor to a hint, e.g. ``{n: "you used λ where the objective has nλ"}``: when the
    answer is the expected one times that factor, the learner gets that hint.  ``solver=True`` when the
    expected answer comes from an iterative solver (then "close but outside the tolerance" suggests letting
    it converge; otherwise it points at rounding).
    """
    if not_attempted(answer):
        return pending(exercise)
    expected = np.asarray(expected, dtype=float)
    try:
        got = as_array(answer, name)
    except AnswerError as err:
        return err.feedback(exercise, *extra_hints)
    if got.shape != expected.shape:
        return wrong(exercise, f"{name} has shape {got.shape}, expected {expected.shape}.",
                     _shape_hint(got, expected.shape), *extra_hints)
    if not np.all(np.isfinite(got)):
        return wrong(exercise, f"{name} contains NaN or infinite values.",
                     "Look for a division by zero, a log of a non-positive number, or an overflow.", *extra_hints)
    if np.allclose(got, expected, rtol=rtol, atol=atol):
        return correct(exercise)
    if np.allclose(got, -expected, rtol=rtol, atol=atol) and np.any(np.abs(expected) > atol):
        return wrong(exercise, f"{name} has the right magnitude but the opposite sign.",
                     "Check the sign convention: the gradient of the loss is -Xᵀ(y - Xw)/n.", *extra_hints)
    denom = float(np.dot(expected.ravel(), expected.ravel()))
    if denom > 0:
        ratio = float(np.dot(got.ravel(), expected.ravel()) / denom)
        if abs(ratio - 1.0) > 1e-2 and np.allclose(got, ratio * expected, rtol=1e-4, atol=atol):
            hint = _scaling_hint(ratio, scale_hints or {}) or \
                "Every entry is off by the same factor: check the 1/(2n) scaling of the objective and the λ convention."
            return wrong(exercise, f"{name} is the expected answer times {ratio:.4g}.", hint, *extra_hints)
    digits = looks_rounded(got, expected)
    if digits is not None:
        return wrong(exercise, f"{name} matches the answer rounded to {digits} digit(s), not the answer itself.",
                     _ROUNDED_HINT, *extra_hints)
    err = float(np.max(np.abs(got - expected)))
    scale = float(np.max(np.abs(expected))) or 1.0
    if err / scale < 1e-2:
        return wrong(exercise, f"{name} is close (largest error {err:.3g}) but outside the tolerance (rtol={rtol:g}).",
                     _CLOSE_HINT_SOLVER if solver else _CLOSE_HINT_CLOSED_FORM, *extra_hints)
    worst = int(np.argmax(np.abs(got - expected).ravel()))
    return wrong(exercise, f"{name} differs from the expected answer; the largest difference ({err:.3g}) is at index "
                 f"{np.unravel_index(worst, expected.shape) if expected.ndim > 1 else worst}.", *extra_hints)


def compare_scalar(exercise, answer, expected, *, name="your answer", rtol=1e-6, atol=1e-12,
                   scale_hints: dict | None = None, extra_hints=(), solver=False) -> Feedback:
    """Like ``compare_array`` for a single number."""
    if not_attempted(answer):
        return pending(exercise)
    try:
        got = as_number(answer, name)
    except AnswerError as err:
        return err.feedback(exercise, *extra_hints)
    exp = float(expected)
    if not np.isfinite(got):
        return wrong(exercise, f"{name} is {got}.", "Look for a division by zero or an overflow.", *extra_hints)
    if np.isclose(got, exp, rtol=rtol, atol=atol):
        return correct(exercise)
    if exp != 0 and np.isclose(got, -exp, rtol=rtol, atol=atol):
        return wrong(exercise, f"{name} has the right magnitude but the wrong sign.",
                     "Look for a minus sign: a subtraction in the wrong order or a sign dropped on the way.",
                     *extra_hints)
    if exp != 0:
        ratio = got / exp
        hint = _scaling_hint(ratio, scale_hints or {})
        if hint:
            return wrong(exercise, f"{name} is the expected value times {ratio:.4g}.", hint, *extra_hints)
        digits = looks_rounded(got, exp)
        if digits is not None:
            return wrong(exercise, f"{name} = {got:.6g} is the answer rounded to {digits} digit(s).",
                         _ROUNDED_HINT, *extra_hints)
        if abs(ratio - 1) < 1e-2:
            return wrong(exercise, f"{name} = {got:.6g} is close but outside the tolerance (rtol={rtol:g}).",
                         _CLOSE_HINT_SOLVER if solver else _CLOSE_HINT_CLOSED_FORM, *extra_hints)
    return wrong(exercise, f"{name} = {got:.6g} is not right.", *extra_hints)
