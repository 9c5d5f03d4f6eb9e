"""Feedback for learners' answers: what is wrong and a hint, never a bare pass/fail.

Each exercise has a check function (in this package's chapter modules) that returns a ``Feedback``.
``compare_array`` and ``compare_scalar`` diagnose the mistakes learners really make — wrong type or shape,
a transposed matrix, a flipped sign, a missing factor n or 2 (the scaling of the objective), NaNs, or an
answer close but outside tolerance — and say so.  An answer left as ``...`` (or ``None``) is "not attempted
yet", so the student copies (solutions removed) still run from top to bottom without errors.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np

CORRECT, INCORRECT, NOT_ATTEMPTED = "correct", "incorrect", "not attempted"
_ICONS = {CORRECT: "✔", INCORRECT: "✘", NOT_ATTEMPTED: "✎"}  # in common fonts (DejaVu), unlike emoji
_COLOURS = {CORRECT: "#009E73", INCORRECT: "#D55E00", NOT_ATTEMPTED: "#0072B2"}


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
    return Feedback(exercise, INCORRECT, message, [h for h in hints if h])


def _scaling_hint(ratio: float, scale_hints: dict) -> str | None:
    for factor, hint in scale_hints.items():
        if np.isclose(ratio, factor, rtol=1e-3):
            return hint
    return None


def compare_array(exercise, answer, expected, *, name="your answer", rtol=1e-6, atol=1e-9,
                  scale_hints: dict | None = None, extra_hints=()) -> Feedback:
    """Compare an array answer with the expected one and explain the first thing that is off.

    ``scale_hints`` maps a factor to a hint, e.g. ``{n: "you used λ where the objective has nλ"}``: when the
    answer is the expected one times that factor, the learner gets that hint.
    """
    if not_attempted(answer):
        return pending(exercise)
    expected = np.asarray(expected, dtype=float)
    if hasattr(answer, "to_numpy"):
        answer = answer.to_numpy()
    try:
        got = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return wrong(exercise, f"{name} should be a numeric array, got {type(answer).__name__}.",
                     "Return a numpy array, e.g. np.array([...]).")
    if got.shape != expected.shape:
        hint = ""
        if got.T.shape == expected.shape and got.ndim == 2:
            hint = "It looks transposed: check the order of the matrix product (X.T @ X vs X @ X.T)."
        elif got.size == expected.size:
            hint = f"Same number of entries: reshape with .reshape{expected.shape} or .ravel()."
        return wrong(exercise, f"{name} has shape {got.shape}, expected {expected.shape}.", hint, *extra_hints)
    if not np.all(np.isfinite(got)):
        return wrong(exercise, f"{name} contains NaN or infinite values.",
                     "Look for a division by zero or a log of a non-positive number.", *extra_hints)
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
    err = float(np.max(np.abs(got - expected)))
    scale = float(np.max(np.abs(expected))) or 1.0
    if err / scale < 1e-2:
        return wrong(exercise, f"{name} is close (largest error {err:.3g}) but outside the tolerance (rtol={rtol:g}).",
                     "Did the solver stop early? Tighten tol or raise max_iter, or avoid rounding intermediate values.",
                     *extra_hints)
    worst = int(np.argmax(np.abs(got - expected).ravel()))
    return wrong(exercise, f"{name} differs from the expected answer; the largest difference ({err:.3g}) is at index "
                 f"{np.unravel_index(worst, expected.shape) if expected.ndim > 1 else worst}.", *extra_hints)


def compare_scalar(exercise, answer, expected, *, name="your answer", rtol=1e-6, atol=1e-12,
                   scale_hints: dict | None = None, extra_hints=()) -> Feedback:
    """Like ``compare_array`` for a single number."""
    if not_attempted(answer):
        return pending(exercise)
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, (int, float, np.integer, np.floating)):
        return wrong(exercise, f"{name} should be a single number, got {type(answer).__name__}.",
                     "If you computed an array, reduce it (np.sum, np.max, float(...)).", *extra_hints)
    got, exp = float(answer), float(expected)
    if not np.isfinite(got):
        return wrong(exercise, f"{name} is {got}.", "Look for a division by zero.", *extra_hints)
    if np.isclose(got, exp, rtol=rtol, atol=atol):
        return correct(exercise)
    if exp != 0 and np.isclose(got, -exp, rtol=rtol, atol=atol):
        return wrong(exercise, f"{name} has the right magnitude but the wrong sign.", *extra_hints)
    if exp != 0:
        ratio = got / exp
        hint = _scaling_hint(ratio, scale_hints or {})
        if hint:
            return wrong(exercise, f"{name} is the expected value times {ratio:.4g}.", hint, *extra_hints)
        if abs(ratio - 1) < 1e-2:
            return wrong(exercise, f"{name} = {got:.6g} is close but outside the tolerance (rtol={rtol:g}).",
                         "Avoid rounding; let the solver converge (smaller tol).", *extra_hints)
    return wrong(exercise, f"{name} = {got:.6g} is not right.", *extra_hints)
