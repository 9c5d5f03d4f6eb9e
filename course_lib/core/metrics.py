"""Judging a selected set of features against a known truth: support, precision, recall.

A sparse fit "selects" the features whose coefficients are non-zero.  When the data were simulated from
a known sparse truth we can score that selection like a search result:

* precision = |selected ∩ true| / |selected|   (how many of the chosen features are real; 1 if none chosen)
* recall    = |selected ∩ true| / |true|       (how many of the real features were found)

Coefficients are compared with an exact zero by default: the course's lasso solvers return exact zeros,
so no threshold is needed.  Pass ``tol`` to score solvers that only get close to zero.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._internal.validation import as_vector, check_scalar

__all__ = ["support", "SelectionScore", "selection_score", "selection_scores_along_path", "entry_order",
           "support_changes"]


def support(coef, tol=0.0) -> np.ndarray:
    """Indices j with ``|coef_j| > tol`` (sorted); ``tol=0`` means "exactly non-zero"."""
    coef = as_vector(coef, "coef")
    tol = check_scalar(tol, "tol", low=0.0)
    return np.flatnonzero(np.abs(coef) > tol)


@dataclass(frozen=True)
class SelectionScore:
    """How a selected support compares with the true one."""

    n_selected: int
    true_positives: int
    false_positives: int   # noise features kept
    false_negatives: int   # real features dropped
    n_true: int
    n_features: int

    @property
    def precision(self) -> float:
        return 1.0 if self.n_selected == 0 else self.true_positives / self.n_selected

    @property
    def recall(self) -> float:
        return 1.0 if self.n_true == 0 else self.true_positives / self.n_true

    @property
    def noise_dropped(self) -> int:
        """Number of the truly-zero features whose coefficient is zero."""
        return (self.n_features - self.n_true) - self.false_positives

    def __str__(self) -> str:
        return (f"{self.n_selected} selected: {self.true_positives} of {self.n_true} true features found, "
                f"{self.false_positives} noise features kept; precision {self.precision:.2f}, "
                f"recall {self.recall:.2f}")


def selection_score(coef, true_coef, tol=0.0) -> SelectionScore:
    """Score the support of ``coef`` against the support of ``true_coef`` (same length)."""
    coef = as_vector(coef, "coef")
    true_coef = as_vector(true_coef, "true_coef")
    if coef.shape != true_coef.shape:
        raise ValueError(f"coef has {coef.size} entries but true_coef has {true_coef.size}; they must match")
    chosen = np.abs(coef) > check_scalar(tol, "tol", low=0.0)
    real = true_coef != 0.0
    tp = int(np.sum(chosen & real))
    return SelectionScore(n_selected=int(chosen.sum()), true_positives=tp,
                          false_positives=int(np.sum(chosen & ~real)), false_negatives=int(np.sum(~chosen & real)),
                          n_true=int(real.sum()), n_features=int(coef.size))


def selection_scores_along_path(coefs, true_coef, tol=0.0) -> dict:
    """Precision, recall and counts for every row of ``coefs`` (k, p), e.g. ``Path.coefs``.

    Returns a dict of (k,) arrays: ``precision``, ``recall``, ``n_selected``, ``true_positives``,
    ``false_positives``.
    """
    coefs = np.asarray(coefs, dtype=float)
    if coefs.ndim != 2:
        raise ValueError(f"coefs must be 2-D (k, p), got shape {coefs.shape}")
    scores = [selection_score(row, true_coef, tol) for row in coefs]
    return {
        "precision": np.array([s.precision for s in scores]),
        "recall": np.array([s.recall for s in scores]),
        "n_selected": np.array([s.n_selected for s in scores]),
        "true_positives": np.array([s.true_positives for s in scores]),
        "false_positives": np.array([s.false_positives for s in scores]),
    }


def entry_order(lams, coefs):
    """The order in which features first become non-zero along a path of decreasing λ.

    Returns ``(order, entry_lams)``: feature indices sorted by the largest λ at which each is non-zero
    (ties keep index order), and that λ for each of them.  Features that never enter are left out.
    The entry λ is only as fine as the grid: the true entry point lies between it and the previous λ.
    """
    lams = as_vector(lams, "lams")
    coefs = np.asarray(coefs, dtype=float)
    if coefs.ndim != 2 or coefs.shape[0] != lams.shape[0]:
        raise ValueError(f"coefs must have shape (len(lams), p) = ({lams.size}, p), got {coefs.shape}")
    if np.any(np.diff(lams) > 0):
        raise ValueError("lams must be decreasing (as Path.lams is)")
    nonzero = coefs != 0.0
    entered = nonzero.any(axis=0)
    first = np.where(entered, np.argmax(nonzero, axis=0), lams.size)
    order = np.array([j for j in np.argsort(first, kind="stable") if entered[j]], dtype=int)
    return order, lams[first[order]]


def support_changes(lams, coefs):
    """Every change of the support along a path of decreasing λ: a list of ``(lam, j, "enters"|"leaves")``.

    ``lam`` is the first grid value after the change.  On the lasso path features mostly enter, but a
    coefficient can also return to exactly zero (its sign would otherwise have to flip) and re-enter later.
    """
    lams = as_vector(lams, "lams")
    coefs = np.asarray(coefs, dtype=float)
    if coefs.ndim != 2 or coefs.shape[0] != lams.shape[0]:
        raise ValueError(f"coefs must have shape (len(lams), p) = ({lams.size}, p), got {coefs.shape}")
    nonzero = coefs != 0.0
    events = []
    for i in range(1, lams.size):
        for j in np.flatnonzero(nonzero[i] != nonzero[i - 1]):
            events.append((float(lams[i]), int(j), "enters" if nonzero[i, j] else "leaves"))
    return events
