"""The stored chapter 3 notebook: executed, with its demos, exercises and the numbers the text relies on.

(Generic rules — execution order, slide metadata, collapsed solutions — are in test_notebooks_hygiene.)
"""
import json
from pathlib import Path

import pytest

NB = Path(__file__).resolve().parents[1] / "notebooks" / "03_l1_norm_lasso.ipynb"


@pytest.fixture(scope="module")
def nb():
    assert NB.exists(), "chapter 3 notebook is missing"
    return json.loads(NB.read_text())


def printed(nb):
    out = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            if o["output_type"] == "stream":
                out.append("".join(o["text"]))
            elif "data" in o:
                out.append("".join(o["data"].get("text/plain", "")))
    return "\n".join(out)


def test_demos_and_exercises_are_in_the_notebook(nb):
    text = printed(nb)
    for demo in ("03_constraint_geometry", "03_lasso_sparsity"):
        assert f"Interactive demo '{demo}'" in text
    for check in ("check_soft_threshold", "check_lam_max", "check_n_selected"):
        sources = [c for c in nb["cells"] if check in "".join(c["source"])]
        assert len(sources) == 2, check  # the exercise and its solution
    assert text.count("CORRECT") == 3 and text.count("NOT ATTEMPTED") == 3


@pytest.mark.parametrize("expected", [
    "max |lasso − soft_threshold(z)| : < 1e-12",        # orthonormal design: lasso = soft-thresholding
    "max |ridge − z/(1+λ)|           : < 1e-12",
    "w₂ == 0.0 exactly: True",                           # the diamond is touched at a corner
    "any coordinate exactly 0: False",                   # the disk is not
    "λmax by the formula: 45.16",
    "non-zeros at 0.99·λmax: 1 (bmi)",
    "1. bmi",
    "s3 leaves",
    "5. sex  λ = 6.19",                                  # exact knot, not a grid value
    "lasso: sex is exactly 0 for every λ ≥ 6.19",        # lasso zeros hold on intervals ...
    "sex λ* = 11.9934",                                  # ... ridge zeros at isolated points
    "11 selected, precision 0.45, recall 1.00",
    "[0.349, 0.385]·λmax",                               # the exact recovery window
    "population: max |v_j| = 0.667",                     # irrepresentable condition holds for §6
    "λ-window for the support {x₁, x₂}: empty",          # and fails for the decoy design
])
def test_the_numbers_the_text_quotes_are_printed(nb, expected):
    assert expected in printed(nb)


def test_figures_are_shown(nb):
    images = sum("image/png" in o.get("data", {}) for c in nb["cells"] if c["cell_type"] == "code"
                 for o in c.get("outputs", []))
    assert images >= 4, f"chapter 3 shows {images} figures"


def test_no_floor_chosen_in_advance_is_printed_as_a_precision(nb):
    """Issue 15 item 2: the budget/penalty agreement prints the achieved size, not '< 1e-05'."""
    text = printed(nb)
    assert "< 1e-05" not in text
    table = text[text.index("max |ŵ_penalized − ŵ_budget|"):]
    first_row = [line for line in table.split("\n") if line.strip()][1]
    assert first_row.split()[0] == "20" and "≤ 1e-1" in first_row  # ceiling of the achieved difference


def test_exercise_3_3_answer_is_not_printed_before_it(nb):
    """Issue 20: nothing above exercise 3.3 (table, demo readout) may give away its answer."""
    cells = nb["cells"]
    k = next(i for i, c in enumerate(cells) if "check_n_selected" in "".join(c["source"]))
    before = printed({"cells": cells[:k]})
    assert "0.07" not in "".join("".join(c["source"]) for c in cells[:k] if c["cell_type"] == "code")
    assert "Interactive demo '03_lasso_sparsity'" not in before
    assert "λ/λmax  selected" not in before


def test_speaker_notes_hold_no_formulas_or_numbers(nb):
    import re

    for cell in nb["cells"]:
        if cell.get("metadata", {}).get("slideshow", {}).get("slide_type") == "notes":
            text = "".join(cell["source"])
            assert "$" not in text and not re.search(r"\d", text.replace("x₁", "").replace("x₂", "")), text
