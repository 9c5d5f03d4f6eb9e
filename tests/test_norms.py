"""Vector norms, including extreme magnitudes."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import course_lib as cl


def test_values():
    w = [3.0, -4.0]
    assert cl.l1_norm(w) == 7.0 and cl.l2_norm(w) == 5.0 and cl.linf_norm(w) == 4.0
    assert cl.lp_norm(w, 1) == 7.0 and cl.lp_norm(w, 2) == pytest.approx(5.0) and cl.lp_norm(w, np.inf) == 4.0
    assert cl.lp_norm(w, 3) == pytest.approx((27 + 64) ** (1 / 3))
    assert cl.lp_norm([0.0, 0.0], 0.5) == 0.0 and cl.l2_norm([0.0]) == 0.0


def test_huge_and_tiny_values_do_not_overflow():
    assert cl.l2_norm([1e200, 1e200]) == pytest.approx(np.sqrt(2) * 1e200)
    assert cl.l2_norm([1e-200, 1e-200]) == pytest.approx(np.sqrt(2) * 1e-200)
    assert cl.lp_norm([1e300, 1e300], 2) == pytest.approx(np.sqrt(2) * 1e300)
    assert cl.lp_norm([1e-300, 3e-300], 4) == pytest.approx((1 + 81) ** 0.25 * 1e-300)
    assert np.isfinite(cl.l1_norm([1e307, 1e307]))


@settings(max_examples=100, deadline=None)
@given(w=st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=10).map(np.array), p=st.floats(1, 8))
def test_norm_inequalities(w, p):
    l1, l2, linf = cl.l1_norm(w), cl.l2_norm(w), cl.linf_norm(w)
    lp = cl.lp_norm(w, p)
    tol = 1e-9 * (1 + l1)
    assert linf <= lp + tol and lp <= l1 + tol
    assert l2 <= l1 + tol and l1 <= np.sqrt(w.size) * l2 + tol
    assert l2 == pytest.approx(float(np.hypot.reduce(w)), rel=1e-12, abs=0)  # hypot: no underflow


def test_bad_input():
    with pytest.raises(ValueError, match="p"):
        cl.lp_norm([1.0], 0.0)
    with pytest.raises(ValueError, match="empty"):
        cl.l2_norm([])
    with pytest.raises(ValueError, match="NaN"):
        cl.l1_norm([1.0, np.inf])
    with pytest.raises(ValueError, match="1-D"):
        cl.l2_norm(np.ones((2, 2)))
    with pytest.raises(TypeError):
        cl.l1_norm(["a"])
