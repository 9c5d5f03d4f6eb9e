"""One source of truth for time (workshop/schedule.toml): the plans, the chapters, the decks and
INSTRUCTORS.md must agree with it.  The rules (prerequisites inside each plan, a break every 75 minutes, a
setup block, no exercise counted twice, the full day covering every core section) are checked on the
plans themselves; the chapter checks run on a copy of notebooks/ with `make schedule` applied, and one test
checks that the notebooks in the repository carry the generated cells (run `make schedule` if it fails)."""
import copy
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import schedule  # noqa: E402
from workshop.chapters import NOTEBOOKS  # noqa: E402

DATA = schedule.load()
PLANS = {p["name"]: p for p in DATA["plan"]}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_plan_keeps_the_rules(name):
    assert schedule.plan_problems(DATA, PLANS[name]) == []


def test_instructors_md_carries_the_generated_plans():
    problems = [p for p in schedule.problems(DATA) if p.startswith("INSTRUCTORS.md")]
    assert not problems, problems


def test_decks_add_up_to_the_chapters_minutes():
    assert schedule.deck_problems(DATA) == []


def test_chapters_agree_once_generated(tmp_path, monkeypatch):
    """Every planned section and in-class exercise exists in its chapter, every numbered section is planned."""
    copy_dir = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy_dir)
    monkeypatch.setattr(schedule, "NOTEBOOKS", copy_dir)
    for ch in DATA["chapter"]:
        path = copy_dir / f"{ch['notebook']}.ipynb"
        if path.exists():
            schedule.apply_to_notebook(DATA, ch, path)
            assert not schedule.apply_to_notebook(DATA, ch, path), "a second run changed the notebook"
    problems = [p for ch in DATA["chapter"] if (copy_dir / f"{ch['notebook']}.ipynb").exists()
                for p in schedule.chapter_problems(DATA, ch, copy_dir / f"{ch['notebook']}.ipynb")]
    assert not problems, problems


def test_every_notebook_has_a_schedule_entry():
    listed = {ch["notebook"] for ch in DATA["chapter"]}
    assert not [p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb") if p.stem not in listed]


def test_notebooks_carry_the_generated_times():
    """Fails until `make schedule` has written the chapters' schedule cells (done at integration)."""
    problems = [p for p in schedule.problems(DATA) if p.endswith("run `make schedule`") and ".ipynb" in p]
    assert not problems, problems


def test_the_checks_see_disagreements():
    data = copy.deepcopy(DATA)
    half = next(p for p in data["plan"] if p["name"] == "half-day")
    half["blocks"] = [b for b in half["blocks"] if b.get("kind") != "break"]        # no breaks
    half["blocks"].insert(1, {"chapter": "04", "sections": ["4.4"]})                   # 4.4 before 4.3
    text = "\n".join(schedule.plan_problems(data, half))
    assert "without a break" in text and "needs 4.3" in text and "taught twice" in text
    data["chapter"][3]["sections"][1]["heading"] = "99."
    ch = data["chapter"][3]
    assert any("no '## 99.'" in p for p in schedule.chapter_problems(data, ch, NOTEBOOKS / f"{ch['notebook']}.ipynb"))
    data["chapter"][1]["sections"][0]["teach"] += 5
    assert any("slide times add up" in p for p in schedule.deck_problems(data))
