"""Penalties, their (sub)gradients and proximal operators."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import course_lib as cl

reals = st.floats(-1e3, 1e3)


def test_penalty_values():
    w = np.array([3.0, -4.0, 0.0])
    assert cl.l1_penalty(w) == 7.0
    assert cl.ridge_penalty(w) == 12.5
    assert cl.elastic_net_penalty(w, 1.0) == 7.0
    assert cl.elastic_net_penalty(w, 0.0) == 12.5
    assert cl.elastic_net_penalty(w, 0.5) == pytest.approx(0.5 * 7 + 0.25 * 25)
    assert np.array_equal(cl.ridge_penalty_grad(w), w)
    assert np.array_equal(cl.l1_subgradient(w), [1.0, -1.0, 0.0])
    with pytest.raises(ValueError, match="l1_ratio"):
        cl.elastic_net_penalty(w, 1.5)
    with pytest.raises(ValueError, match="NaN"):
        cl.l1_penalty([np.nan])


@settings(max_examples=200, deadline=None)
@given(z=reals, t=st.floats(0, 100))
def test_soft_threshold_properties(z, t):
    s = cl.soft_threshold(z, t)
    assert isinstance(s, float)
    assert cl.soft_threshold(-z, t) == -s  # odd
    assert abs(s) <= abs(z) and abs(z - s) <= t + 1e-12  # shrinks by at most t
    if abs(z) <= t:
        assert s == 0.0 and not np.signbit(s)  # exact (positive) zero
    else:
        assert np.sign(s) == np.sign(z) and abs(z - s) == pytest.approx(t)
    # prox optimality: z − s ∈ t·∂|s|
    if s != 0:
        assert z - s == pytest.approx(t * np.sign(s), abs=1e-9 * (1 + abs(z)))


@settings(max_examples=100, deadline=None)
@given(z=st.floats(-10, 10), t=st.floats(0, 5), r=st.floats(0, 1))
def test_prox_elastic_net_is_the_argmin(z, t, r):
    x = cl.prox_elastic_net(z, t, r)

    def h(w):
        return 0.5 * (w - z) ** 2 + t * (r * abs(w) + 0.5 * (1 - r) * w * w)

    grid = np.linspace(-12, 12, 48001)  # fine 1-D check, then compare values
    vals = 0.5 * (grid - z) ** 2 + t * (r * np.abs(grid) + 0.5 * (1 - r) * grid ** 2)
    assert h(x) <= vals.min() + 1e-12
    assert abs(x - grid[np.argmin(vals)]) <= 1e-3
    assert cl.prox_elastic_net(z, t, 1.0) == cl.soft_threshold(z, t)
    assert cl.prox_elastic_net(z, t, 0.0) == pytest.approx(z / (1 + t))


def test_prox_arrays_and_bad_input():
    z = np.array([[3.0, -0.2], [1.0, 0.0]])
    out = cl.prox_elastic_net(z, 1.0, 0.5)
    assert out.shape == (2, 2) and out[0, 1] == 0.0 and out[0, 0] == pytest.approx(2.5 / 1.5)
    assert np.array_equal(cl.hard_threshold([0.5, -2.0], 1.0), [0.0, -2.0])
    with pytest.raises(ValueError, match="t"):
        cl.prox_elastic_net(1.0, -1.0, 0.5)
    with pytest.raises(ValueError, match="l1_ratio"):
        cl.prox_elastic_net(1.0, 1.0, -0.1)
    with pytest.raises(TypeError, match="z"):
        cl.soft_threshold("a", 1.0)
