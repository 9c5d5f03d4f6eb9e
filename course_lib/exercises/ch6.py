"""Chapter 6 exercise checks: scikit-learn's C as this course's λ, one-vs-rest prediction, and one
proximal (truncated-gradient) SGD step."""
from __future__ import annotations

import numpy as np

from .feedback import compare_array, compare_scalar, not_attempted, pending, wrong, correct

__all__ = ["check_c_to_lambda", "check_ovr_prediction", "check_prox_sgd_step"]


def check_c_to_lambda(answer, n, C=1.0):
    """Exercise 6.1: the λ of this course's objective that ``LogisticRegression(C=C)`` solves on n rows."""
    ex = "Exercise 6.1 (C → λ)"
    if not_attempted(answer):
        return pending(ex, "the λ equivalent to C")
    expected = 1.0 / (n * C)
    fb = compare_scalar(ex, answer, expected, name="λ", rtol=1e-9, scale_hints={
        n: "You wrote 1/C: scikit-learn sums the loss over the n rows, this course averages it — divide by n too.",
        float(n * C) ** 2: "You inverted the relation: λ = 1/(n·C), not n·C.",
        0.5: "No factor 1/2 here: both objectives carry the same penalty P(w)."})
    if fb.correct:
        return correct(ex, f"λ = 1/(n·C) = {expected:.4g}: C·Σ loss + P(w) = nC·[(1/n)Σ loss + λP(w)] with "
                           "λ = 1/(nC); the same minimiser.")
    return fb


def check_ovr_prediction(answer, scores, classes):
    """Exercise 6.2: labels predicted by one-vs-rest from the (n, K) decision values ``scores``."""
    ex = "Exercise 6.2 (one-vs-rest prediction)"
    if not_attempted(answer):
        return pending(ex, "the predicted labels")
    scores, classes = np.asarray(scores), np.asarray(classes)
    got = np.asarray(answer)
    expected = classes[np.argmax(scores, axis=1)]
    if got.shape != expected.shape:
        return wrong(ex, f"your answer has shape {got.shape}, expected {expected.shape} (one label per row).",
                     "Take the argmax along axis=1 (over the K classes), not axis=0.")
    if np.array_equal(got, expected):
        return correct(ex, "Each row goes to the class whose binary model is most confident (largest xᵀw_k + b_k).")
    if np.array_equal(got, np.argmax(scores, axis=1)):
        return wrong(ex, "those are column indices 0..K−1, not the labels.", "Index the labels: classes[np.argmax(...)].")
    if np.array_equal(got, classes[np.argmin(scores, axis=1)]):
        return wrong(ex, "you took the least confident class.", "Use np.argmax: larger xᵀw + b means 'this class'.")
    return wrong(ex, f"{int(np.sum(got != expected))} of {expected.size} labels differ.",
                 "Predicted label = classes[np.argmax(scores, axis=1)].")


def check_prox_sgd_step(answer, w, grad, step, lam):
    """Exercise 6.3: one proximal SGD step, S(w − η·g, ηλ) with S the soft threshold."""
    ex = "Exercise 6.3 (proximal SGD step)"
    if not_attempted(answer):
        return pending(ex, "the weights after one proximal step")
    w, grad = np.asarray(w, float), np.asarray(grad, float)
    v = w - step * grad
    expected = np.sign(v) * np.maximum(np.abs(v) - step * lam, 0.0)
    got = np.asarray(answer, dtype=float) if not isinstance(answer, (str, bytes)) else None
    if got is not None and got.shape == expected.shape:
        sub = w - step * (grad + lam * np.sign(w))
        if np.allclose(got, sub) and not np.allclose(sub, expected):
            return wrong(ex, "that is the subgradient step: it moves by ηλ·sign(w) and jumps over 0.",
                         "Take the gradient step on the loss first, then soft-threshold by ηλ.")
        plain = np.sign(v) * np.maximum(np.abs(v) - lam, 0.0)
        if np.allclose(got, plain) and not np.allclose(plain, expected):
            return wrong(ex, "you thresholded by λ; the prox of η·λ|w| thresholds by η·λ.")
    fb = compare_array(ex, answer, expected, name="w_new", rtol=1e-10, atol=1e-12)
    if fb.correct:
        return correct(ex, f"{int(np.sum(expected == 0))} of {expected.size} weights are now exactly 0: every "
                           "weight whose gradient step lands within ηλ of zero.")
    return fb
