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


def test_demo_renders_an_image_and_a_fixed_text_line(demo):
    assert demo.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    bundle = demo._repr_mimebundle_()
    assert bundle["text/plain"].startswith(f"Interactive demo '{demo.demo_name}'")
    assert "application/vnd.jupyter.widget-view+json" in bundle


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
