"""pyproject.toml, environment.yml and the doctor's lower bounds must name the same packages and bounds.

environment.yml (conda, Binder) is the learner's environment: the runtime dependencies and the [lab] extra.
The doctor checks those by default and the [test]/[workshop] tools with --dev."""
import re
import sys
from pathlib import Path

import pytest
import yaml

from course_lib.doctor import DEV_VERSIONS, MINIMUM_VERSIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
REQ = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:>=\s*([0-9][0-9A-Za-z.]*))?\s*$")


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse(requirements) -> dict:
    out = {}
    for req in requirements:
        req = req.split(";")[0]  # environment markers
        match = REQ.match(req)
        assert match, f"cannot parse requirement {req!r}: use 'name>=version'"
        out[normalise(match.group(1))] = match.group(2)
    return out


def pyproject_requirements(*extras) -> dict:
    """Runtime dependencies plus the named extras (self-references such as course-lib[lab] skipped)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project["optional-dependencies"][extra]
    reqs = [r for r in reqs if "python_version" not in r and not r.startswith("course-lib")]
    return parse(reqs)


def test_extras_say_what_they_are_for():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert set(extras) == {"lab", "test", "workshop", "bench"}
    runtime = set(pyproject_requirements())
    assert runtime == {"numpy", "numba", "matplotlib", "ipywidgets", "threadpoolctl", "pillow"}
    assert "course-lib[lab,workshop]" in extras["test"]  # the notebooks run under nbval need both
    for tool in ("pytest", "nbval", "hypothesis", "scikit-learn", "playwright", "ruff", "nbdime"):
        assert tool in pyproject_requirements("test") and tool not in runtime
    assert "nbconvert" in pyproject_requirements("workshop") and "jupyterlab" in pyproject_requirements("lab")
    assert {"celer", "skglm", "scikit-learn"} <= set(pyproject_requirements("bench"))


def test_the_package_imports_only_declared_runtime_dependencies():
    """Every third-party import under course_lib/ is a runtime dependency (or an optional one, guarded)."""
    import ast

    declared = {"numpy", "numba", "matplotlib", "ipywidgets", "threadpoolctl", "PIL", "llvmlite"}
    provided_by_lab = {"IPython", "matplotlib_inline", "traitlets"}  # only inside try/except or notebooks
    stdlib = set(sys.stdlib_module_names)
    found = {}
    # `make notebooks` runs course_lib/_internal/execute.py, a maintainer tool: it may use the [workshop] extra
    maintainer_tools = {"execute.py": {"nbformat", "nbconvert"}}
    for path in (ROOT / "course_lib").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                if top not in stdlib and top != "course_lib" and top not in maintainer_tools.get(path.name, ()):
                    found.setdefault(top, path.name)
    assert set(found) <= declared | provided_by_lab, {k: v for k, v in found.items() if k not in declared | provided_by_lab}


def environment_requirements() -> dict:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert pip and pip[0]["pip"] == ["-e ."], "environment.yml must install the course itself with pip (-e .)"
    conda = [d.replace(" ", "") for d in conda if not d.startswith(("python", "pip"))]
    return parse(conda)


def test_environment_yml_matches_pyproject():
    py, env = pyproject_requirements("lab"), environment_requirements()
    assert set(py) == set(env), f"only in pyproject: {set(py) - set(env)}; only in environment.yml: {set(env) - set(py)}"
    for name in py:
        assert py[name] == env[name], f"{name}: pyproject has >={py[name]}, environment.yml has >={env[name]}"


def test_every_requirement_has_a_lower_bound_and_no_upper_pin():
    text = (ROOT / "pyproject.toml").read_text() + (ROOT / "environment.yml").read_text()
    assert "<" not in re.sub(r"python_version\s*<\s*'[0-9.]+'", "", text), "no upper pins without a known break"
    assert all(v is not None for v in pyproject_requirements("lab", "test", "workshop", "bench").values())


def test_doctor_bounds_match_pyproject():
    learner = pyproject_requirements("lab")
    for name, minimum in MINIMUM_VERSIONS.items():
        assert learner[normalise(name)] == minimum, f"doctor's bound for {name} differs from pyproject"
    assert set(learner) == {normalise(n) for n in MINIMUM_VERSIONS}
    dev = pyproject_requirements("test", "workshop")
    for name, minimum in DEV_VERSIONS.items():
        assert dev[normalise(name)] == minimum, f"doctor's --dev bound for {name} differs from pyproject"


def test_notebooks_do_not_need_scikit_learn():
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        assert "sklearn" not in nb.read_text(), f"{nb.name} uses scikit-learn, which is a test-only dependency"


@pytest.mark.parametrize("path", ["README.md", "environment.yml", "pyproject.toml", "Makefile", ".ci/run",
                                  "notebooks", "course_lib", "tests", "benchmarks",
                                  "workshop", "INSTRUCTORS.md", "LICENSE"])
def test_layout(path):
    assert (ROOT / path).exists(), f"{path} is part of the course layout"
