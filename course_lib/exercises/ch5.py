"""Chapter 5 exercise checks: the one-standard-error rule, support precision/recall, the lasso's selection
cap when p > n, and predicting which penalty wins (justified by a measured number)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .feedback import RESTART_HINT, AnswerError, as_number, compare_scalar, correct, looks_rounded, not_attempted, pending, wrong

__all__ = ["check_lambda_1se", "check_support_scores", "check_selection_cap", "check_which_penalty",
           "WHICH_PENALTY_SCENARIO"]


def _number(answer):
    """The one answer coercion (see feedback.as_number); None when it is not a finite number."""
    try:
        value = as_number(answer)
    except AnswerError:
        return None
    return value if np.isfinite(value) else None


def _why_not_number(ex, answer, hint):
    try:
        value = as_number(answer)
    except AnswerError as err:
        return err.feedback(ex, hint)
    return wrong(ex, f"{value} is not a finite number.", hint)


def _cv_arrays(ex, cv):
    """(lams, mean, se) from a CV result, or a Feedback naming the cell to run."""
    try:
        lams, mean, se = (np.asarray(getattr(cv, k), dtype=float) for k in ("lams", "mean", "se"))
        if not (lams.ndim == mean.ndim == se.ndim == 1 and lams.size == mean.size == se.size > 0):
            raise ValueError("lams, mean and se must be 1-D arrays of the same length")
        if not (np.all(np.isfinite(lams)) and np.all(np.isfinite(mean)) and np.all(np.isfinite(se))):
            raise ValueError("cv contains NaN or infinite values")
    except (AttributeError, TypeError, ValueError) as exc:
        return None, wrong(ex, f"The second argument must be the result of cl.model_selection.cross_validate "
                               f"({exc}).", f"Pass the cv object the exercise cell uses. {RESTART_HINT}")
    return (lams, mean, se), None


def check_lambda_1se(answer, cv):
    """Exercise 5.1: λ_1se computed by hand from ``cv.lams``, ``cv.mean`` and ``cv.se``."""
    ex = "Exercise 5.1 (λ_1se)"
    if not_attempted(answer):
        return pending(ex, "the λ chosen by the one-standard-error rule")
    got = _number(answer)
    if got is None:
        return _why_not_number(ex, answer, "Index the grid: cv.lams[i] for the index i you found.")
    arrays, bad = _cv_arrays(ex, cv)
    if bad is not None:
        return bad
    lams, mean, se = arrays
    i_min = int(np.argmin(mean))
    bound = mean[i_min] + se[i_min]
    inside = np.flatnonzero(mean <= bound)
    expected = lams[inside[0]]
    if np.isclose(got, expected, rtol=1e-9):
        return correct(ex, f"λ_1se = {expected:.4g}: the largest λ whose CV error is within one SE "
                           f"({se[i_min]:.4g}) of the minimum ({mean[i_min]:.4g}).")
    if np.isclose(got, lams[i_min], rtol=1e-9):
        return wrong(ex, "that is λ_min, the minimiser of the mean CV curve.",
                     "The rule then moves to LARGER λ (simpler models) as long as the mean error stays below "
                     "mean[i_min] + se[i_min].")
    if np.isclose(got, lams[inside[-1]], rtol=1e-9):
        return wrong(ex, "that is the SMALLEST λ within one SE of the minimum.",
                     "The rule prefers the simplest model: the largest λ (cv.lams is in decreasing order, so "
                     "the first index that meets the bound).")
    pointwise = np.flatnonzero(mean <= mean[i_min] + se)
    if pointwise.size and np.isclose(got, lams[pointwise[0]], rtol=1e-9):
        return wrong(ex, "you compared each point with its own standard error.",
                     "Use ONE bound for every λ: mean[i_min] + se[i_min], the SE at the minimum.")
    digits = looks_rounded(got, expected)
    if digits is not None:
        return wrong(ex, f"{got:.6g} is λ_1se rounded to {digits} digit(s).",
                     "Use cv.lams[i] itself rather than typing the printed value.")
    if not np.any(np.isclose(got, lams, rtol=1e-9)):
        return wrong(ex, f"{got:.4g} is not one of the λ values of the grid.",
                     "λ_1se is one of cv.lams: find its index with the bound mean[i_min] + se[i_min].")
    return wrong(ex, f"λ = {got:.4g} is on the grid but is not λ_1se.",
                 "Bound = mean.min() + se[argmin]; λ_1se is the largest λ whose mean CV error is <= bound.")


def check_support_scores(answer, coef, w_true):
    """Exercise 5.2: ``(precision, recall)`` of the support of ``coef`` against the true support."""
    ex = "Exercise 5.2 (precision and recall)"
    if not_attempted(answer):
        return pending(ex, "a pair (precision, recall)")
    if not isinstance(answer, (tuple, list, np.ndarray)) or len(answer) != 2 or \
            (isinstance(answer, np.ndarray) and answer.ndim != 1):
        return wrong(ex, "give a pair: answer = (precision, recall).",
                     "Two numbers in parentheses: (tp / n_selected, tp / n_true).")
    if any(not_attempted(a) for a in answer):
        return pending(ex, "both numbers of the pair (precision, recall)")
    prec, rec = (_number(a) for a in answer)
    if prec is None or rec is None:
        bad = answer[0] if prec is None else answer[1]
        return _why_not_number(ex, bad, "Both entries are fractions between 0 and 1.")
    try:
        coef = np.asarray(coef, dtype=float).ravel()
        w_true = np.asarray(w_true, dtype=float).ravel()
        if coef.shape != w_true.shape:
            raise ValueError(f"coef has {coef.size} entries but w_true has {w_true.size}")
    except (TypeError, ValueError) as exc:
        return wrong(ex, f"The coefficients passed to the check do not fit together ({exc}).",
                     f"Pass lasso_coef and w_true as in the exercise cell. {RESTART_HINT}")
    chosen, real = coef != 0, w_true != 0
    tp = int(np.sum(chosen & real))
    exp_prec = 1.0 if chosen.sum() == 0 else tp / chosen.sum()
    exp_rec = 1.0 if real.sum() == 0 else tp / real.sum()
    ok_p, ok_r = np.isclose(prec, exp_prec, atol=1e-9), np.isclose(rec, exp_rec, atol=1e-9)
    if ok_p and ok_r:
        return correct(ex, f"precision {exp_prec:.3f} ({tp} of {int(chosen.sum())} selected are real), "
                           f"recall {exp_rec:.3f} ({tp} of {int(real.sum())} real ones found).")
    if np.isclose(prec, exp_rec, atol=1e-9) and np.isclose(rec, exp_prec, atol=1e-9):
        return wrong(ex, "precision and recall are swapped.",
                     "Precision divides by the number SELECTED; recall divides by the number of TRUE features.")
    rounded = [looks_rounded(v, e) for v, e, ok in ((prec, exp_prec, ok_p), (rec, exp_rec, ok_r)) if not ok]
    if rounded and all(d is not None for d in rounded):
        return wrong(ex, "your values are the right ones rounded (as printed); the check wants them exactly.",
                     "Compute them from the counts, e.g. tp / n_selected, instead of typing the printed numbers.")
    if prec > 1 or rec > 1:
        return wrong(ex, "a precision or recall above 1 is a count, not a share.",
                     "Divide the true positives by the number selected (precision) or by the number real (recall).")
    hints = []
    if not ok_p:
        hints.append(f"precision: count features that are non-zero in BOTH coef and w_true ({tp}), divide by "
                     f"the number of non-zero entries of coef.")
    if not ok_r:
        hints.append("recall: the same true-positive count divided by the number of non-zero entries of w_true.")
    if any(np.isclose(v, tp / coef.size) for v in (prec, rec)):
        hints.append("you divided by p, the number of features: neither score does that.")
    return wrong(ex, f"{'precision' if not ok_p else 'recall'}{' and recall' if not (ok_p or ok_r) else ''} "
                 f"is not right.", *hints)  # hints is never empty: one per wrong score


def check_selection_cap(answer, n, p, fit_intercept=True):
    """Exercise 5.3: the most non-zero coefficients a lasso fit can have with n samples and p > n features."""
    ex = "Exercise 5.3 (how many can the lasso select?)"
    if not_attempted(answer):
        return pending(ex, "a whole number")
    got = _number(answer)
    if got is None or not float(got).is_integer():
        return wrong(ex, "the answer is a count of features: a whole number.",
                     "Think of the rank of the centered n × p design.")
    n = int(n)
    p = int(p)
    expected = min(n - 1, p) if fit_intercept else min(n, p)
    if got == expected:
        return correct(ex, f"{expected}: when the columns are in general position (true with probability 1 for "
                           f"continuous random data) the lasso solution is unique and has at most rank(centered X) "
                           f"= {'n − 1' if fit_intercept else 'n'} non-zeros. Without general position (e.g. "
                           f"duplicated columns) some solutions can have more, but one with at most that many "
                           f"always exists (Tibshirani 2013).")
    if fit_intercept and got == n:
        return wrong(ex, f"{int(got)} would be the cap without an intercept.",
                     "Centering the columns (how the unpenalized intercept is fitted) makes them sum to zero: "
                     "the centered design has rank at most n − 1.")
    if got == p:
        return wrong(ex, "p is the cap only when p < n.",
                     "With p > n, the active columns must be linearly independent in general position: count "
                     "the rank of the centered X.")
    return wrong(ex, f"{int(got)} is not the cap.", "Think of the rank of the centered n × p design.")


# The data set described in exercise 5.4 (the check measures it with a fixed seed).
WHICH_PENALTY_SCENARIO = dict(n=50, p=400, n_informative=5, rho=0.2, snr=4.0, coef="sparse")
_WHICH_SEED = 5


@lru_cache(maxsize=1)
def _which_penalty_truth():
    from ..studies.ch5_scenarios import Scenario, head_to_head

    sc = Scenario("exercise 5.4", **WHICH_PENALTY_SCENARIO)
    h = head_to_head(sc, seed=_WHICH_SEED, models=("lasso", "ridge"))
    return h.winner, h.scores["ridge"].test_mse / h.scores["lasso"].test_mse


def check_which_penalty(winner, mse_ratio):
    """Exercise 5.4: the winner ("lasso" or "ridge") and the measured ratio ridge test MSE / lasso test MSE."""
    ex = "Exercise 5.4 (which penalty wins?)"
    if not_attempted(winner):
        return pending(ex, 'your prediction, "lasso" or "ridge"')
    if not isinstance(winner, str) or winner not in ("lasso", "ridge"):
        return wrong(ex, f'winner must be "lasso" or "ridge", got {winner!r}.', 'Write winner = "lasso" (or "ridge"): '
                     'lower case, in quotes.')
    truth, ratio = _which_penalty_truth()
    if winner != truth:
        return wrong(ex, f"the measurement disagrees with {winner!r}: run head_to_head and compare the test MSEs.",
                     "Count: how many samples per feature, and how many features really matter? A sparse truth "
                     "with p ≫ n is where an L1 penalty's selection pays off.")
    if not_attempted(mse_ratio):
        return pending(ex, "the measured ratio: ridge test MSE / lasso test MSE")
    fb = compare_scalar(ex, mse_ratio, ratio, name="mse_ratio", rtol=1e-6,
                        extra_hints=("Run cl.studies.ch5_scenarios.head_to_head on the scenario with seed=5 and divide "
                                     "scores['ridge'].test_mse by scores['lasso'].test_mse.",))
    if fb.correct:
        return correct(ex, f"{truth} wins, by a factor {ratio:.3g} in test MSE.")
    if _number(mse_ratio) is not None and np.isclose(_number(mse_ratio), 1.0 / ratio, rtol=1e-6):
        return wrong(ex, "your ratio is upside down.", "ridge test MSE / lasso test MSE (ridge on top).")
    return fb
