"""Checks for 00_start_here: a warm-up on norms that shows how feedback works."""
import numpy as np

from .feedback import AnswerError, as_number, compare_scalar, not_attempted, pending, wrong

__all__ = ["check_start_l2_norm"]

START_VECTOR = np.array([3.0, -4.0, 12.0])


def check_start_l2_norm(answer):
    """The Euclidean length of START_VECTOR = (3, −4, 12): sqrt(9 + 16 + 144) = 13."""
    exercise = "Warm-up: the L2 norm of (3, -4, 12)"
    if not_attempted(answer):
        return pending(exercise, "a number")
    w = START_VECTOR
    try:
        got = as_number(answer, "your norm")
    except AnswerError as err:
        return err.feedback(exercise, "np.sqrt(np.sum(w**2)) gives one number.")
    known = [
        (np.sum(np.abs(w)), f"{got:g} is the sum of absolute values — that is the L1 norm.",
         "The L2 norm squares each entry, sums, then takes the square root."),
        (np.sum(w**2), f"{got:g} is the squared L2 norm.", "Take the square root of the sum of squares."),
        (abs(np.sum(w)), f"{got:g} is |sum of entries|, which lets -4 cancel part of the others.",
         "Square each entry before summing, so signs cannot cancel."),
        (-np.linalg.norm(w), f"{got:g} is negative, and a length never is.",
         "A norm is ≥ 0: the square root of a sum of squares. Look for a stray minus sign."),
        (np.sqrt(np.sum(np.abs(w))), f"{got:g} is the square root of the L1 norm: the entries were not squared.",
         "Square each entry (w**2), then sum, then take the square root."),
        (np.max(np.abs(w)), f"{got:g} is the largest absolute entry — the L∞ norm.",
         "The L2 norm uses every entry: sqrt(3² + 4² + 12²)."),
    ]
    for value, message, hint in known:
        if message and np.isfinite(got) and np.isclose(got, value):
            return wrong(exercise, message, hint)
    return compare_scalar(exercise, got, np.linalg.norm(w), name="your norm",
                          extra_hints=("The L2 norm is sqrt(3² + (−4)² + 12²): square, sum, square root.",))
