"""Speaker notes (cells with slide_type "notes") hold instructor directions only.

The student build deletes notes cells, so anything a learner needs must live in a learner cell.  A notes
cell that states a formula, a number or points at a figure is learner content in the wrong place (issue
14: the only explanation of a curve's bumps, a worked conversion, a sign-change pointer all lived there).
Chapter, section and exercise references ("chapter 4", "§2", "exercise 1.2") are directions and allowed.
"""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

REFERENCE = re.compile(r"(chapters?|sections?|exercises?|§)\s*\d+(\.\d+)?(\s*(–|-|and|to)\s*\d+(\.\d+)?)?"
                       r"|\b[Ll][12]\b", re.I)  # the names "L1" and "L2" are not numbers
FORMULA = re.compile(r"[$=≤≥<>∂√∇^∑∈±×]|\|\|")
NUMBER = re.compile(r"\d")
FIGURE = re.compile(r"\b(figures?|fig\.|panels?|insets?|plots?|graphs?|charts?|legends?|axis|axes|ellipses?)\b", re.I)


def problems(text: str) -> list:
    """What in a notes cell's text is learner content: formulas, numbers, figure references."""
    found = []
    if FORMULA.search(text):
        found.append(f"a formula ({FORMULA.search(text).group()!r})")
    stripped = REFERENCE.sub("", text)
    if NUMBER.search(stripped):
        at = NUMBER.search(stripped).start()
        found.append(f"a number (…{stripped[max(at - 20, 0):at + 20]!r}…)")
    if FIGURE.search(text):
        found.append(f"a figure reference ({FIGURE.search(text).group()!r})")
    return found


def notes_cells(path):
    nb = json.loads(path.read_text())
    return [(c.get("id"), "".join(c["source"])) for c in nb["cells"]
            if c.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notes_hold_directions_only(path):
    bad = {cid: problems(text) for cid, text in notes_cells(path) if problems(text)}
    assert not bad, f"{path.name}: notes cells with learner content (move it to a learner cell): {bad}"


@pytest.mark.parametrize("text, kind", [
    ("The nλ is where learners trip: alpha = 44.2.", "formula"),
    ("Point at s1: it crosses zero near lambda 0.8.", "number"),
    ("Point at the long axis in the left panel.", "figure"),
    ("The test-error curve has bumps; see the figure.", "figure"),
])
def test_the_rule_sees_learner_content(text, kind):
    assert any(kind in p for p in problems(text))


def test_directions_pass():
    assert problems("Compare L1 and L2 with the room. Ask the room, before moving the slider, which bars reach zero first. "
                    "Keep the why for chapters 3 and 4, and exercise 1.2 for later (§2).") == []
