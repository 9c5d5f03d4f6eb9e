"""Tests of the browser checker itself: it must fail, naming the notebook and the demo, when a demo's
update raises, and when the widgets extension is disabled (and name the cell when a cell raises).
One tiny notebook each, to stay fast."""
import nbformat
import pytest

from browser_check import check_notebook
from browser_lab import WIDGETS_EXTENSION, LabServer

pytestmark = pytest.mark.browser

SETUP = "import course_lib as cl\ncl.setup_notebook(verbose=False)"
DEMOS = '''\
import ipywidgets as widgets
from course_lib.widgets import Demo, dropdown, slider


class Healthy(Demo):
    demo_name = "zz_healthy"
    title = "a demo that works"
    figsize = (3.0, 2.0)

    def controls(self):
        return {"k": slider("k", 1, 0, 10, 1)}

    def setup(self, fig):
        (self.line,) = self.axes.plot([0, 1], [0, 1])
        self.axes.set_ylim(-1, 11)

    def draw(self, k):
        self.line.set_ydata([0, k])
        return f"k = {k}"


class HealthyDropdown(Healthy):  # no slider: the checker picks the next option of the dropdown
    demo_name = "zz_healthy_dropdown"

    def controls(self):
        return {"k": dropdown("k", {"one": 1, "five": 5, "nine": 9})}


class HealthyCheckbox(Healthy):  # no slider, no dropdown: the checker clicks the checkbox
    demo_name = "zz_healthy_checkbox"

    def controls(self):
        return {"k": widgets.Checkbox(value=False, description="k = 10")}

    def draw(self, k):
        return super().draw(10 if k else 1)


class BrokenOnChange(Healthy):
    demo_name = "zz_broken_on_change"
    title = "a demo whose update raises once the slider moves"

    def draw(self, k):
        if k != 1:
            raise RuntimeError("deliberately broken update callback")
        return super().draw(k)
'''


def write_notebook(path, *display_cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(SETUP), nbformat.v4.new_code_cell(DEMOS)]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in display_cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_a_demo_whose_update_raises_is_reported_by_name(lab, context):
    # served by the session's server: written into its temporary copy of notebooks/
    write_notebook(lab.root_dir / "meta" / "broken_demo.ipynb", "Healthy()", "BrokenOnChange()",
                   "HealthyDropdown()", "HealthyCheckbox()",
                   'raise ValueError("deliberately failing last cell")')
    report = check_notebook(context, lab, "meta/broken_demo.ipynb", presses=1)
    print(report.failure_message())
    assert not report.ok, "a demo that raises on change passed the browser check"
    named = [p for p in report.problems if "broken_demo.ipynb" in p and "zz_broken_on_change" in p]
    assert named, f"no problem names the notebook and the demo: {report.problems}"
    assert any("deliberately broken update callback" in p for p in named), report.problems
    assert any("Log Console" in p for p in named), "the kernel-side traceback was not noticed"
    assert not [p for p in report.problems if "zz_healthy" in p], f"a healthy demo blamed: {report.problems}"
    # and a cell that raises is reported with its index, from the saved file and from the page
    cell_errors = [p for p in report.problems if p.startswith("broken_demo.ipynb: cell 6")]
    assert any("raised ValueError: deliberately failing last cell" in p for p in cell_errors), report.problems
    assert any("error output" in p for p in cell_errors), report.problems
    for name, control in [("zz_healthy", "slider"), ("zz_healthy_dropdown", "dropdown"),
                          ("zz_healthy_checkbox", "checkbox")]:
        healthy = [d for d in report.demos if d.name == name]
        assert healthy and healthy[0].changed and healthy[0].latencies_ms, f"{name} was not moved and measured"
        assert control in healthy[0].control


@pytest.fixture(scope="module")
def lab_without_widgets(tmp_path_factory):
    """A second server whose page_config disables the ipywidgets JupyterLab extension."""
    folder = tmp_path_factory.mktemp("no_widgets_src")
    write_notebook(folder / "widgets_off.ipynb", "Healthy()")
    server = LabServer(folder, tmp_path_factory.mktemp("lab_no_widgets"), disabled_extensions=[WIDGETS_EXTENSION])
    server.start()
    yield server
    server.stop()


def test_widgets_extension_disabled_is_reported_by_name(lab_without_widgets, context):
    report = check_notebook(context, lab_without_widgets, "widgets_off.ipynb", presses=1)
    print(report.failure_message())
    assert not report.ok, "with the widgets extension disabled the browser check still passed"
    named = [p for p in report.problems if "widgets_off.ipynb" in p and "zz_healthy" in p]
    assert named, f"no problem names the notebook and the demo: {report.problems}"
    assert any("did not render as a widget" in p for p in named), report.problems
    # the console is collected: the widget manager's absence shows as JavaScript errors
    assert any("JavaScript console error" in p for p in report.problems), report.problems
