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
    "ridge path: 0 exact zeros",
    "11 selected, precision 0.45, recall 1.00",
])
def test_the_numbers_the_text_quotes_are_printed(nb, expected):
    assert expected in printed(nb)


def test_figures_are_shown(nb):
    text = printed(nb)
    assert text.count("<Figure size") >= 4
