"""pyproject.toml, environment.yml and the doctor's lower bounds must name the same packages and bounds."""
import re
import sys
from pathlib import Path

import pytest
import yaml

from course_lib.doctor import MINIMUM_VERSIONS

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


def pyproject_requirements() -> dict:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"]) + list(project["optional-dependencies"]["test"])
    reqs = [r for r in reqs if "python_version" not in r]  # backports such as tomli
    return parse(reqs)


def environment_requirements() -> dict:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)]
    assert pip and pip[0]["pip"] == ["-e ."], "environment.yml must install the course itself with pip (-e .)"
    conda = [d.replace(" ", "") for d in conda if not d.startswith(("python", "pip"))]
    return parse(conda)


def test_environment_yml_matches_pyproject():
    py, env = pyproject_requirements(), environment_requirements()
    assert set(py) == set(env), f"only in pyproject: {set(py) - set(env)}; only in environment.yml: {set(env) - set(py)}"
    for name in py:
        assert py[name] == env[name], f"{name}: pyproject has >={py[name]}, environment.yml has >={env[name]}"


def test_every_requirement_has_a_lower_bound_and_no_upper_pin():
    text = (ROOT / "pyproject.toml").read_text() + (ROOT / "environment.yml").read_text()
    assert "<" not in re.sub(r"python_version\s*<\s*'[0-9.]+'", "", text), "no upper pins without a known break"
    assert all(v is not None for v in pyproject_requirements().values())


def test_doctor_bounds_match_pyproject():
    py = pyproject_requirements()
    for name, minimum in MINIMUM_VERSIONS.items():
        assert py[normalise(name)] == minimum, f"doctor's bound for {name} differs from pyproject"
    runtime = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert set(parse(runtime)) == {normalise(n) for n in MINIMUM_VERSIONS}


def test_notebooks_do_not_need_scikit_learn():
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        assert "sklearn" not in nb.read_text(), f"{nb.name} uses scikit-learn, which is a test-only dependency"


@pytest.mark.parametrize("path", ["README.md", "environment.yml", "pyproject.toml", "Makefile", ".ci/run",
                                  "notebooks", "course_lib", "tests", "figures", "benchmarks",
                                  "workshop", "INSTRUCTORS.md", "LICENSE"])
def test_layout(path):
    assert (ROOT / path).exists(), f"{path} is part of the course layout"
