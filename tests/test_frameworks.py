"""The shared machinery: exercise feedback, the Demo base class, figure registry and style."""
import numpy as np
import pytest

import course_lib as cl
from course_lib.exercises import compare_array, compare_scalar
from course_lib.plots import new_figure
from course_lib.widgets import Demo, slider


# --- feedback -------------------------------------------------------------------------------------
EXPECTED = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])


def test_placeholder_is_not_attempted_not_an_error():
    fb = compare_array("ex", ..., EXPECTED)
    assert fb.status == "not attempted" and not fb
    assert "..." in repr(fb)


@pytest.mark.parametrize("answer, expected_words", [
    (EXPECTED.T, "transposed"),
    (-EXPECTED, "opposite sign"),
    (3 * EXPECTED, "times 3"),
    (EXPECTED.ravel(), "reshape"),
    (EXPECTED + 1e-4, "outside the tolerance"),
    (np.full_like(EXPECTED, np.nan), "NaN"),
    ("abc", "numeric array"),
])
def test_array_mistakes_get_specific_messages(answer, expected_words):
    fb = compare_array("ex", answer, EXPECTED)
    assert fb.status == "incorrect"
    assert expected_words in repr(fb)


def test_scale_hint_names_the_convention():
    fb = compare_array("ex", 10 * EXPECTED, EXPECTED, scale_hints={10: "you used λ where nλ belongs"})
    assert "nλ" in repr(fb)


def test_correct_answers_pass_and_render_html():
    fb = compare_array("ex", EXPECTED.tolist(), EXPECTED)
    assert fb and fb.correct
    assert "CORRECT" in repr(fb) and "correct" in fb._repr_html_()
    assert compare_scalar("s", np.float32(2.0), 2.0, rtol=1e-6)


def test_scalar_mistakes():
    assert "wrong sign" in repr(compare_scalar("s", -2.0, 2.0))
    assert "single number" in repr(compare_scalar("s", [1, 2], 2.0))
    assert "is not right" in repr(compare_scalar("s", 7.0, 2.0))


def test_start_exercise_recognises_the_l1_norm():
    fb = cl.exercises.check_start_l2_norm(19)
    assert not fb and "L1 norm" in repr(fb)
    assert cl.exercises.check_start_l2_norm(13.0)


# --- demos ----------------------------------------------------------------------------------------
class Broken(Demo):
    demo_name = "test_broken"

    def controls(self):
        return {"a": slider("a", 1, 0, 3, 1)}

    def setup(self, fig):
        (self.line,) = self.axes.plot([0, 1], [0, 0])

    def draw(self, a):
        if a == 3:
            raise RuntimeError("boom")
        self.line.set_ydata([0, a])
        return f"a = {a}"


def test_demo_update_redraws_once_and_reports_errors():
    demo = Broken()
    first = demo.image.value
    n = len(demo.timings)
    demo.update(a=2)
    assert len(demo.timings) == n + 1 and demo.image.value != first and demo.readout.value == "a = 2"
    with pytest.raises(RuntimeError):
        demo.update(a=3)
    assert "boom" in demo.error.value and "test_broken" in demo.error.value


def test_new_figure_is_pyplot_free():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig, ax = new_figure()
    assert plt.get_fignums() == before
    assert fig.get_figwidth() == 8.0


def test_figure_names_are_checked():
    with pytest.raises(ValueError, match="NN_what"):
        cl.plots.figure("unit_balls")
