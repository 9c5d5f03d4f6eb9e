"""Checks for 00_start_here: a warm-up on norms that shows how feedback works."""
import numpy as np

from .feedback import compare_scalar, not_attempted, pending, wrong

__all__ = ["check_start_l2_norm"]

START_VECTOR = np.array([3.0, -4.0, 12.0])


def check_start_l2_norm(answer):
    """The Euclidean length of START_VECTOR = (3, −4, 12): sqrt(9 + 16 + 144) = 13."""
    exercise = "Warm-up: the L2 norm of (3, -4, 12)"
    if not_attempted(answer):
        return pending(exercise, "a number")
    w = START_VECTOR
    if isinstance(answer, (int, float, np.floating)) and np.isclose(float(answer), np.sum(np.abs(w))):
        return wrong(exercise, f"{float(answer):g} is the sum of absolute values — that is the L1 norm.",
                     "The L2 norm squares each entry, sums, then takes the square root.")
    if isinstance(answer, (int, float, np.floating)) and np.isclose(float(answer), np.sum(w**2)):
        return wrong(exercise, f"{float(answer):g} is the squared L2 norm.", "Take the square root of the sum of squares.")
    if isinstance(answer, (int, float, np.floating)) and np.isclose(float(answer), np.sqrt(np.sum(w) ** 2)):
        return wrong(exercise, f"{float(answer):g} is |sum of entries|, which lets -4 cancel part of the others.",
                     "Square each entry before summing, so signs cannot cancel.")
    return compare_scalar(exercise, answer, np.linalg.norm(w), name="your norm")
