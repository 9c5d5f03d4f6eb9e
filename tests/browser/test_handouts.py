"""`make handouts`: the take-home PDFs, printed by the tests' Chromium, checked with poppler-utils:
page count (one page for the cheat sheet, one page per slide for a deck), text that can be extracted
(key formulas and headings), and embedded figures where the deck has figures or demo stills."""
import shutil
import sys

import pytest

from browser_lab import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import handouts  # noqa: E402
from workshop.decks import all_decks  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, browser):
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: sudo apt-get install -y poppler-utils (make test-browser does it as root)")
    out = tmp_path_factory.mktemp("handouts")
    handouts.build(out / "pdf", out / "site", out / "slides", browser)
    return out / "pdf"


def test_cheat_sheet_is_one_page_of_text(pdfs):
    c = handouts.check(pdfs / "cheatsheet.pdf")
    assert c["pages"] == 1, c["pages"]
    for phrase in ("Cheat sheet", "Soft-thresholding", "KKT", "duality gap", "When to use which", "Ridge(alpha=n·λ)"):
        assert phrase.lower() in c["text"].lower(), phrase


def test_glossary_has_its_terms(pdfs):
    c = handouts.check(pdfs / "glossary.pdf")
    assert 1 <= c["pages"] <= 3 and "subdifferential" in c["text"] and "duality gap" in c["text"]


@pytest.mark.parametrize("deck", all_decks(), ids=lambda d: d.stem)
def test_deck_pdf_has_every_slide_and_its_figures(pdfs, deck):
    c = handouts.check(pdfs / f"{deck.stem}.slides.pdf")
    assert c["pages"] == len(deck.slides)
    headings = [s.heading.replace("$", "") for s in deck.slides if "$" not in s.heading]
    missing = [h for h in headings if h.split()[0] not in c["text"]]
    assert not missing, missing
    pictures = sum(len(s.images) + len(s.demos) for s in deck.slides)
    assert c["images"] >= pictures, f"{c['images']} images in the PDF, {pictures} on the slides"
