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
    ("abc", "text"),
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
    assert "one number" in repr(compare_scalar("s", [1, 2], 2.0))
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


class Moving(Demo):
    """A line that moves (animated) on axes whose limits a control changes (static: needs invalidation)."""

    demo_name = "test_moving"

    def controls(self):
        return {"a": slider("a", 1, 0, 3, 1), "wide": slider("wide", 0, 0, 1, 1)}

    def setup(self, fig):
        (self.line,) = self.axes.plot([0, 1], [0, 1], lw=3)
        self.axes.set_xlim(0, 1)
        self.axes.set_ylim(-4, 4)
        self.axes.set_title("a moving line")
        self.animate(self.line)
        self._wide = 0

    def draw(self, a, wide):
        if wide != self._wide:  # the axis limits are part of the background
            self.axes.set_ylim(-4 - 4 * wide, 4 + 4 * wide)
            self._wide = wide
            self.invalidate_background()
        self.line.set_ydata([0, a])
        return f"a = {a}"


class MovingFullRedraw(Moving):
    blit = False


def _frame_pixels(demo):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(demo.image.value)).convert("RGB")).astype(int)


def test_demo_frames_are_fast_by_default():
    demo = Broken()
    assert demo.fig.dpi == demo.dpi and demo.fig.get_layout_engine() is None  # laid out once, at frame dpi
    assert _frame_pixels(demo).shape[:2] == (round(demo.figsize[1] * demo.dpi), round(demo.figsize[0] * demo.dpi))
    import matplotlib

    with matplotlib.rc_context({"savefig.bbox": "tight"}):  # frames never crop, whatever the rcParams
        demo.update(a=2)
    assert _frame_pixels(demo).shape[:2] == (round(demo.figsize[1] * demo.dpi), round(demo.figsize[0] * demo.dpi))


def test_fixed_margins_place_the_axes():
    class Margins(Broken):
        margins = dict(left=0.2, right=0.9, bottom=0.2, top=0.8)

    demo = Margins()
    assert demo.fig.get_layout_engine() is None
    assert np.allclose(demo.axes.get_position().extents, [0.2, 0.2, 0.9, 0.8])


def test_blitted_frames_match_full_redraws_and_invalidation_repaints_the_background():
    blitted, full = Moving(), MovingFullRedraw()
    assert blitted._animated == [blitted.line] and blitted.line.get_animated()
    assert full._animated == [] and not full.line.get_animated()
    for values in (dict(a=3), dict(wide=1), dict(a=0), dict(wide=0, a=2)):
        blitted.update(**values)
        full.update(**values)
        a, b = _frame_pixels(blitted), _frame_pixels(full)
        assert a.shape == b.shape
        assert np.mean(np.any(np.abs(a - b) > 40, axis=2)) < 0.002, values


def test_a_stale_background_is_what_invalidation_prevents():
    good = Moving()
    good.update(wide=1)
    stale = Moving()
    stale.invalidate_background = lambda: None  # forget to invalidate: the old limits' tick labels stay
    stale.update(wide=1)
    differing = np.any(np.abs(_frame_pixels(stale) - _frame_pixels(good)) > 40, axis=2)
    assert differing.sum() > 100


def test_new_figure_is_pyplot_free():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig, ax = new_figure()
    assert plt.get_fignums() == before
    assert fig.get_figwidth() == 8.0


def test_figure_names_are_checked():
    with pytest.raises(ValueError, match="NN_what"):
        cl.plots.figure("unit_balls")


def test_figures_folder_matches_the_registry_and_rebuilds_identically(tmp_path):
    """figures/ is committed because the decks (workshop/decks/*.md) and handouts show its files: one .png and
    one .svg per registered figure, nothing stale, and saving a figure twice gives the same bytes."""
    from pathlib import Path

    from course_lib.plots.style import save_figure

    folder = Path(__file__).resolve().parents[1] / "figures"
    registered = cl.plots.load_all()
    for ext in ("png", "svg"):
        present = {p.stem for p in folder.glob(f"*.{ext}")}
        assert set(registered) - present == set(), f"run `make figures`: missing {sorted(set(registered) - present)} .{ext}"
        assert present - set(registered) == set(), f"figures/ has .{ext} files no function makes: {sorted(present - set(registered))}"
    for chapter in ("01", "02", "03", "04", "05"):
        assert any(name.startswith(chapter + "_") for name in registered), f"chapter {chapter} registers no figure"
    build = registered["01_unit_balls"]
    first = [p.read_bytes() for p in save_figure(build(), "01_unit_balls", tmp_path / "a")]
    again = [p.read_bytes() for p in save_figure(build(), "01_unit_balls", tmp_path / "b")]
    assert first == again and first[0][:8] == b"\x89PNG\r\n\x1a\n"


# --- legibility and colour names ------------------------------------------------------------------
def test_course_figures_never_draw_a_legend_below_the_minimum():
    from course_lib.plots.style import MIN_LEGEND_PX, legend_texts

    fig, ax = new_figure()
    ax.plot([0, 1], label="tiny")
    ax.legend(fontsize=6)
    fig.canvas.draw()
    sizes = [t.get_fontsize() * fig.display_dpi / 72 for t in legend_texts(fig) if t.get_text()]
    assert sizes and min(sizes) >= MIN_LEGEND_PX - 1e-6
    big = new_figure()[1]
    big.plot([0, 1], label="large")
    big.legend(fontsize=14)
    big.figure.canvas.draw()
    assert big.get_legend().get_texts()[0].get_fontsize() == 14  # larger sizes are left alone


def test_one_name_per_colour():
    from course_lib.plots.style import COLOR_NAMES, COLOR_SYNONYMS, PALETTE, color_name

    assert set(COLOR_NAMES) == set(PALETTE) and len(set(COLOR_NAMES.values())) == len(PALETTE)
    assert color_name("vermillion") == color_name(PALETTE["vermillion"].lower()) == "red"
    with pytest.raises(ValueError, match="not a course colour"):
        color_name("#123456")
    for key, words in COLOR_SYNONYMS.items():
        assert not set(words) & set(COLOR_NAMES.values()), f"a synonym of {key} is another colour's name"


def test_notebooks_call_each_colour_by_its_course_name():
    import json
    import re
    from pathlib import Path

    from course_lib.plots.style import COLOR_NAMES, COLOR_SYNONYMS

    words = {w: COLOR_NAMES[key] for key, ws in COLOR_SYNONYMS.items() for w in ws}
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    found = []
    for nb in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(json.loads(nb.read_text())["cells"]):
            if cell["cell_type"] == "markdown":
                for m in pattern.finditer("".join(cell["source"])):
                    found.append(f"{nb.name} cell {i}: {m.group(0)!r} -> say {words[m.group(0).lower()]!r}")
    assert not found, "colour words outside the course's names (plots/style.py COLOR_NAMES):\n" + "\n".join(found)
