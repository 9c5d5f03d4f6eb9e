"""Every registered widget demo builds, and every one of its controls really changes what it shows."""
import pytest

import course_lib as cl
from course_lib.widgets.sweep import control_values, demo_updates

DEMOS = cl.widgets.load_all()


def test_every_chapter_has_demos():
    chapters = {name[:2] for name in DEMOS}
    assert "00" in chapters
    for chapter in sorted(chapters - {"00"}):
        assert sum(n.startswith(chapter) for n in DEMOS) >= 2, f"chapter {chapter} needs at least two demos"


@pytest.fixture(params=sorted(DEMOS), scope="module")
def demo(request):
    return DEMOS[request.param]()


def _png_size(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_demo_renders_an_image_and_a_fixed_text_line(demo):
    bundle, metadata = demo._repr_mimebundle_()
    assert bundle["text/plain"].startswith(f"Interactive demo '{demo.demo_name}'")
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert metadata["image/png"]["alt"] == demo.image.tooltip


def test_frames_are_displayed_at_their_pixel_size(demo):
    """No stretching: the <img> is as wide as the PNG (the notebook column would otherwise stretch it)."""
    width, height = _png_size(demo.image.value)
    assert (width, height) == demo.frame_size()
    layout = demo.image.layout
    assert layout.width == f"{width}px" and layout.height == "auto" and layout.align_self == "flex-start"
    assert layout.max_width == "100%"  # may shrink on a narrow screen, never grow


def test_legends_are_readable_at_100_percent_zoom(demo):
    from course_lib.plots.style import MIN_LEGEND_PX, legend_texts

    demo.refresh()
    for text in legend_texts(demo.fig):
        if text.get_text():
            px = text.get_fontsize() * demo.dpi / 72
            assert px >= MIN_LEGEND_PX - 1e-6, f"{demo.demo_name}: legend text {text.get_text()!r} is {px:.1f} px"


def test_text_alternative_tracks_the_state(demo):
    first = demo.image.tooltip
    assert first and (demo.title or demo.demo_name) in first
    seen = {first}
    for values in demo_updates(demo)[:4]:
        demo.update(**values)
        assert demo.image.tooltip == demo.alt_text(**demo.values)
        seen.add(demo.image.tooltip)
    assert len(seen) > 1, f"{demo.demo_name}: the text alternative never changed with the controls"


def test_every_control_changes_the_output(demo):
    updates = demo_updates(demo)
    assert updates, f"{demo.demo_name}: no control to move"
    moved = set()
    for values in updates:
        before = (demo.image.value, demo.readout.value)
        demo.update(**values)
        assert demo.error.value == ""
        if (demo.image.value, demo.readout.value) != before:
            moved.update(values)
    for name, control in demo.control_widgets.items():
        if control_values(control) and any(name in u for u in updates):
            assert name in moved, f"{demo.demo_name}: moving {name!r} never changed the picture or the readout"


def test_unknown_control_is_a_clear_error(demo):
    with pytest.raises(ValueError, match="unknown control"):
        demo.update(no_such_control=1)
