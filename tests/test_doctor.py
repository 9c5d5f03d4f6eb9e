import subprocess
import sys

from course_lib import doctor


def test_doctor_passes_here():
    out = subprocess.run([sys.executable, "-m", "course_lib", "doctor"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "All" in out.stdout and "checks passed" in out.stdout
    assert "ipywidgets JupyterLab extension" in out.stdout


def test_doctor_lists_only_what_a_learner_needs_unless_dev(monkeypatch):
    monkeypatch.setattr(doctor, "check_widgets_extension", lambda: doctor.Check("ext", True, "skipped here"))
    learner = {c.name for c in doctor.run_checks().checks}
    assert not learner & {"pytest", "nbval", "nbconvert", "nbdime", "ruff", "hypothesis", "scikit-learn"}
    assert {"numpy", "numba", "jupyterlab", "pillow"} <= learner
    dev = {c.name for c in doctor.run_checks(dev=True).checks}
    assert {"pytest", "nbval", "nbconvert"} <= dev


def test_doctor_fails_with_the_fix(monkeypatch):
    monkeypatch.setattr(doctor, "check_widgets_extension", lambda: doctor.Check("ext", True, "skipped here"))
    monkeypatch.setitem(doctor.MINIMUM_VERSIONS, "numpy", "999.0")
    report = doctor.run_checks()
    assert not report.ok
    assert "pip install --upgrade 'numpy>=999.0'" in repr(report)
    assert doctor.main() == 1


def test_missing_package_and_disabled_extension(monkeypatch):
    check = doctor.check_package("surely-not-installed-pkg", "1.0")
    assert not check.ok and "pip install" in check.fix

    class Fake:
        stdout = "        @jupyter-widgets/jupyterlab-manager v5.0.15 disabled OK (python, jupyterlab_widgets)"
        stderr = ""

    monkeypatch.setattr(doctor.subprocess, "run", lambda *a, **k: Fake())
    check = doctor.check_widgets_extension()
    assert not check.ok and "labextension enable" in check.fix


def test_unknown_command():
    out = subprocess.run([sys.executable, "-m", "course_lib", "nonsense"], capture_output=True, text=True)
    assert out.returncode == 2 and "doctor" in out.stderr
