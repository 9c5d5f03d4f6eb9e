"""Chapter 6 exercise checks: right answers pass, the usual slips get their specific hint."""
import numpy as np

import course_lib as cl


def test_c_to_lambda():
    ex = cl.exercises
    assert ex.check_c_to_lambda(..., 400, 0.5).status == "not attempted"
    assert ex.check_c_to_lambda(1 / (400 * 0.5), 400, 0.5)
    assert "divide by n" in str(ex.check_c_to_lambda(1 / 0.5, 400, 0.5))
    assert "inverted" in str(ex.check_c_to_lambda(400 * 0.5, 400, 0.5))
    assert not ex.check_c_to_lambda(0.3, 400, 0.5)


def test_ovr_prediction():
    rng = np.random.default_rng(0)
    scores = rng.standard_normal((12, 4))
    classes = np.array([1, 2, 3, 4])
    right = classes[np.argmax(scores, axis=1)]
    ex = cl.exercises
    assert ex.check_ovr_prediction(right, scores, classes)
    assert "column indices" in str(ex.check_ovr_prediction(np.argmax(scores, axis=1), scores, classes))
    assert "least confident" in str(ex.check_ovr_prediction(classes[np.argmin(scores, axis=1)], scores, classes))
    assert "axis=1" in str(ex.check_ovr_prediction(np.argmax(scores, axis=0), scores, classes))


def test_prox_sgd_step():
    w = np.array([0.30, -0.02, 0.05, 0.0, -0.40])
    g = np.array([0.10, 0.05, -0.20, 0.01, 0.30])
    eta, lam = 0.5, 0.1
    v = w - eta * g
    right = np.sign(v) * np.maximum(np.abs(v) - eta * lam, 0)
    ex = cl.exercises
    assert ex.check_prox_sgd_step(right, w, g, eta, lam)
    assert "subgradient step" in str(ex.check_prox_sgd_step(w - eta * (g + lam * np.sign(w)), w, g, eta, lam))
    assert "thresholded by λ" in str(ex.check_prox_sgd_step(np.sign(v) * np.maximum(np.abs(v) - lam, 0), w, g, eta, lam))
    assert not ex.check_prox_sgd_step(v, w, g, eta, lam)
