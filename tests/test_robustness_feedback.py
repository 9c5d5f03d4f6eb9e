"""Exercise checks never mislead: learner code that loops, forgets `return` or reads notebook variables, answers
of the wrong kind, and a wrong formula that happens to give the right number on one data set."""
import signal
import threading
import time

import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import ch1, ch2, ch3, ch4, ch5, feedback, start

X_RAW, Y_RAW, _ = cl.load_diabetes()


@pytest.fixture
def short_limit(monkeypatch):
    monkeypatch.setattr(feedback, "LEARNER_TIME_LIMIT", 0.5)


# ------------------------------------------------------------------------------ learner functions
def loops_forever(*args):
    while True:
        pass


def loops_and_swallows(*args):
    while True:
        try:
            time.sleep(0.001)
        except Exception:  # noqa: BLE001 — a learner's catch-all must not swallow the time limit
            pass


FUNCTION_CHECKS = [ch1.check_ridge_closed_form, ch2.check_ridge_gradient, ch3.check_soft_threshold,
                   ch4.check_kkt_violations, lambda f: ch3.check_lam_max(f, X_RAW, Y_RAW)]


@pytest.mark.parametrize("fn", [loops_forever, loops_and_swallows])
@pytest.mark.parametrize("check", FUNCTION_CHECKS)
def test_an_endless_loop_is_stopped_with_a_kind_message(short_limit, check, fn):
    started = time.monotonic()
    fb = check(fn)
    assert time.monotonic() - started < 3.0
    assert fb.status == "incorrect" and "still running" in fb.message and fb.hints
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # no timer left behind
    assert np.sum([1, 2]) == 3  # the interpreter is usable


def test_the_time_limit_also_works_off_the_main_thread(short_limit):
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("fb", ch1.check_ridge_closed_form(loops_forever)))
    worker.start()
    worker.join(5.0)
    assert not worker.is_alive() and "still running" in out["fb"].message


def test_an_outer_timer_survives_a_check():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.8)
        assert ch3.check_soft_threshold(lambda z, t: np.sign(z) * np.maximum(np.abs(z) - t, 0.0)).correct
        time.sleep(1.2)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def ridge_without_return(X, y, lam):
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    coef = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ (y - y.mean()))  # noqa: F841


def ridge_placeholder(X, y, lam):
    # your code here: return coef, intercept
    ...


def soft_without_return(z, t):
    np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def test_a_body_without_return_is_not_called_unattempted():
    for check, fn in [(ch1.check_ridge_closed_form, ridge_without_return), (ch3.check_soft_threshold, soft_without_return)]:
        fb = check(fn)
        assert fb.status == "incorrect" and "returned None" in fb.message and "return" in fb.hints[0]
    assert ch1.check_ridge_closed_form(ridge_placeholder).status == "not attempted"


# globals a learner's function might read by mistake (as a notebook cell would define them)
Xc_nb, _y_nb, _ = cl.load_diabetes(standardized=True)
yc = _y_nb - _y_nb.mean()


def ridge_reading_yc(X, y, lam):
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    coef = np.linalg.solve(Xc.T @ Xc + n * lam * np.eye(p), Xc.T @ yc)
    return coef, y.mean() - X.mean(axis=0) @ coef


def test_a_leaked_notebook_variable_is_named_and_the_transpose_hint_is_not_given():
    assert feedback.leaked_globals(ridge_reading_yc) == ["yc"]
    fb = ch1.check_ridge_closed_form(ridge_reading_yc)
    text = repr(fb)
    assert fb.status == "incorrect" and "`yc`" in text
    assert "X @ X.T" not in text


def test_modules_and_functions_are_not_leaks():
    def uses_numpy_only(X, y, lam):
        return np.linalg.norm(X) + float(lam), np.mean(y)

    assert feedback.leaked_globals(uses_numpy_only) == []


def test_my_soft_threshold_is_named_and_arrays_are_required():
    def my_soft_threshold(z, t):
        if z > t:
            return z - t
        if z < -t:
            return z + t
        return 0.0

    fb = ch3.check_soft_threshold(my_soft_threshold)
    assert fb.status == "incorrect" and "my_soft_threshold" in fb.message and "array" in fb.message

    def returns_text(z, t):
        return "zero"

    fb = ch3.check_soft_threshold(returns_text)
    assert "raised" not in fb.message and "text" in fb.message


# ----------------------------------------------------------- a wrong formula that fits one data set
def lam_max_without_abs(X, y):
    return np.max(X.T @ (y - y.mean())) / X.shape[0]


def test_lam_max_without_abs_is_caught_although_it_is_right_on_the_diabetes_data():
    # the check must be able to tell: on the notebook's data the wrong formula gives the right number ...
    assert np.isclose(lam_max_without_abs(X_RAW, Y_RAW), cl.lam_max(X_RAW, Y_RAW), rtol=1e-12)
    # ... and the check still rejects it, naming the slip
    fb = ch3.check_lam_max(lam_max_without_abs, X_RAW, Y_RAW)
    assert fb.status == "incorrect" and "with its sign" in fb.message
    assert ch3.check_lam_max(lambda X, y: np.max(np.abs(X.T @ (y - y.mean()))) / X.shape[0], X_RAW, Y_RAW).correct


def test_lam_max_in_standardized_units_is_recognised():
    fb = ch3.check_lam_max(45.16003002046288, X_RAW, Y_RAW)
    assert fb.status == "incorrect" and "STANDARDIZED" in fb.message


# ------------------------------------------------------------------------ one answer coercion
ODD_ANSWERS = ["3.0", True, 10**400, complex(1, 5), float("nan"), float("inf"), [[1.0], [2.0, 3.0]], {"a": 1},
               [1.0, None], print]


def _number_checks():
    Xs, ys, *_ = cl.studies.ch3_selection.known_support_problem()
    cv = cl.model_selection.cross_validate(X_RAW[:, :3], Y_RAW, "lasso", n_lams=5, seed=0)
    w, X1, y1 = np.zeros(6), *ch1.ch1_uncentered_data()
    return [
        lambda a: start.check_start_l2_norm(a),
        lambda a: ch1.check_spread_penalty(a, 6.0, 4),
        lambda a: ch1.check_shrinkage_factors(a, X1, 1.0),
        lambda a: ch1.check_weight_decay_step(a, w, X1, y1, 0.1, 0.5),
        lambda a: ch2.check_l2_halving_steps(a),
        lambda a: ch2.check_regularized_condition_number(a, X1, 0.1),
        lambda a: ch2.check_duplicate_ridge_coef(a, X1[:, 0], y1, 0.1),
        lambda a: ch3.check_lam_max(a, X_RAW, Y_RAW),
        lambda a: ch3.check_n_selected(a, Xs, ys, 0.1),
        lambda a: ch4.check_ista_step(a),
        lambda a: ch4.check_lasso_subgradient(a),
        lambda a: ch4.check_optimal_candidate(a),
        lambda a: ch5.check_lambda_1se(a, cv),
        lambda a: ch5.check_support_scores((a, 0.5), np.ones(3), np.ones(3)),
        lambda a: ch5.check_selection_cap(a, 30, 200),
    ]


@pytest.fixture(scope="module")
def number_checks():
    return _number_checks()


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=[repr(a)[:12] for a in ODD_ANSWERS])
def test_odd_answers_get_feedback_with_a_hint_never_an_exception(number_checks, answer):
    for check in number_checks:
        fb = check(answer)
        assert fb.status == "incorrect", (check, answer, fb)
        assert fb.hints and all(h.strip() for h in fb.hints), (answer, fb)


def test_a_complex_answer_with_the_right_real_part_is_refused():
    X, y, w, lam, step = ch4.ch4_ista_data()
    right = cl.soft_threshold(w + step * X.T @ (y - X @ w) / X.shape[0], step * lam)
    assert ch4.check_ista_step(right).correct
    fb = ch4.check_ista_step(right + 5j)
    assert not fb.correct and "complex" in fb.message


def test_size_one_arrays_are_numbers_everywhere():
    assert start.check_start_l2_norm(np.array([13.0])).correct
    assert ch1.check_spread_penalty(np.array([[4.5]]), 6.0, 4).correct
    assert ch5.check_selection_cap(np.array([29]), 30, 200).correct
    assert ch2.check_l2_halving_steps(np.array(35)).correct


def test_every_incorrect_carries_a_hint():
    for answer in (-13.0, 12.0, 7.0, 13.5):
        fb = start.check_start_l2_norm(answer)
        assert fb.status == "incorrect" and fb.hints, fb
    Xp, _ = ch1.ch1_uncentered_data()
    for answer in (np.ones(6), np.linspace(0.9, 0.1, 6)):
        fb = ch1.check_shrinkage_factors(answer, Xp, 1.0)
        assert fb.status == "incorrect" and fb.hints, fb
    assert feedback.wrong("x", "no hint given").hints  # the generic hint fills in


# ------------------------------------------------------------------- slips chapters 1 and 5 name
def test_penalized_intercept_is_named():
    def with_ones_column(X, y, lam):
        n, p = X.shape
        Xa = np.column_stack([np.ones(n), X])
        beta = np.linalg.solve(Xa.T @ Xa + n * lam * np.eye(p + 1), Xa.T @ y)
        return beta[1:], beta[0]

    fb = ch1.check_ridge_closed_form(with_ones_column)
    assert fb.status == "incorrect" and "column of ones" in fb.message
    X1, _ = ch1.ch1_uncentered_data()
    Xa = np.column_stack([np.ones(X1.shape[0]), X1])
    d = np.linalg.svd(Xa, compute_uv=False)
    fb = ch1.check_shrinkage_factors(d**2 / (d**2 + X1.shape[0]), X1, 1.0)
    assert fb.status == "incorrect" and "column of ones" in fb.message


def test_forgetting_to_center_is_visible_in_1_3_and_1_4():
    X1, y1 = ch1.ch1_uncentered_data()
    n = X1.shape[0]
    d_raw = np.linalg.svd(X1, compute_uv=False)
    fb = ch1.check_shrinkage_factors(d_raw**2 / (d_raw**2 + n), X1, 1.0)
    assert fb.status == "incorrect" and "before centering" in fb.message
    w0 = np.linspace(-1.0, 1.0, X1.shape[1])
    raw = (1 - 0.05) * w0 + 0.1 * X1.T @ (y1 - X1 @ w0) / n
    fb = ch1.check_weight_decay_step(raw, w0, X1, y1, 0.1, 0.5)
    assert fb.status == "incorrect" and "without centering" in fb.message


def test_close_closed_form_answers_do_not_blame_a_solver():
    fb = start.check_start_l2_norm(13.0001)
    assert "solver" not in repr(fb) and "max_iter" not in repr(fb)


def test_values_typed_from_a_printed_table_are_called_rounded():
    coef = np.array([1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0])
    w_true = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    fb = ch5.check_support_scores((0.5, 0.667), coef, w_true)  # exact: 2/4 and 2/3
    assert fb.status == "incorrect" and "rounded" in fb.message
    assert ch5.check_support_scores((0.5, 2 / 3), coef, w_true).correct


def test_selection_cap_states_general_position():
    assert "general position" in ch5.check_selection_cap(29, 30, 200).message


def test_notebook_arguments_that_are_missing_say_which_cells_to_run():
    fb = ch1.check_shrinkage_factors(np.ones(3), "X", 1.0)
    assert fb.status == "incorrect" and "Run All Above" in repr(fb)
    fb = ch5.check_lambda_1se(0.1, cv=None)
    assert fb.status == "incorrect" and "Run All Above" in repr(fb)
    fb = ch5.check_support_scores((0.5, 0.5), np.ones(3), np.ones(4))
    assert fb.status == "incorrect"
