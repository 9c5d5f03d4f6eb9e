"""`make slides` and `make site` without a browser (the browser checks are tests/browser/test_site.py):
the HTML that nbconvert writes through workshop/ loads nothing from the internet, carries every speaker
note, leaves the solutions out of the decks and folds them on the site, and links chapters to chapters.
Only the exporters run here (no npm, no vendored files needed): a few seconds."""
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import site, slides, vendor  # noqa: E402
from workshop.decks import all_decks, render_deck  # noqa: E402
from workshop.chapters import is_solution, link_html, notebook_paths, read_chapter  # noqa: E402

NOTEBOOKS = notebook_paths()
ASSET = re.compile(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"', flags=re.I)


def external_assets(html: str) -> list:
    """Scripts, stylesheets and images the page would fetch from another host, plus ES-module imports."""
    urls = [u for u in ASSET.findall(html) if re.match(r"^(https?:)?//", u)]
    urls += re.findall(r"""import\s*(?:\(|[^'"]*from\s*)\s*['"](https?://[^'"]+)""", html)
    return urls


def solution_lines(nb) -> set:
    elsewhere = "\n".join(c.source for c in nb.cells if not is_solution(c))
    return {line.strip() for c in nb.cells if is_solution(c) for line in c.source.splitlines()
            if len(line.strip()) >= 8 and line.strip() not in elsewhere}


DECKS = all_decks()
MAX_WORDS = 90          # on the slide, notes excluded
MAX_CODE_CHARS = 64     # 22 px code on a 1280 px canvas


@pytest.mark.parametrize("deck", DECKS, ids=[d.stem for d in DECKS])
def test_deck_is_written_as_slides(deck):
    """Every slide: a heading, few words, short code lines, notes with a time; every question has its answer."""
    problems = []
    for s in deck.slides:
        where = f"slide {s.number} ({s.heading or 'no heading'})"
        if not s.heading:
            problems.append(f"{where}: no heading")
        if s.words > MAX_WORDS:
            problems.append(f"{where}: {s.words} words")
        long = [line for line in s.code_lines if len(line) > MAX_CODE_CHARS]
        if long:
            problems.append(f"{where}: code lines over {MAX_CODE_CHARS} characters: {long}")
        if s.notes.minutes is None:
            problems.append(f"{where}: no 'Time: N min' in its notes")
        if s.notes.ask and not s.notes.expect:
            problems.append(f"{where}: a question for the room without its expected answer")
        if not (s.notes.say or s.notes.ask):
            problems.append(f"{where}: notes say nothing to say or ask")
        for alt, src in s.images:
            if len(alt) < 40 or not (ROOT / src).exists():
                problems.append(f"{where}: image {src} missing or with too short an alt text")
    assert not problems, f"{deck.stem}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("deck", DECKS, ids=[d.stem for d in DECKS])
def test_deck_agrees_with_its_chapter(deck):
    """Demo slides name a registered demo stored in the chapter under the section they cite; every key
    number marked {{...}} is printed by the chapter (so a revised chapter that changes it fails here)."""
    import course_lib as cl

    path = ROOT / "notebooks" / f"{deck.stem}.ipynb"
    if not path.exists():
        pytest.skip(f"{path.name} is not written yet (chapter 6 lands at integration)")
    nb = nbformat.read(path, as_version=4)
    frames = slides.demo_frames(path)
    demos = cl.widgets.load_all() if hasattr(cl.widgets, "load_all") else {}
    outputs = "\n".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", ""))
                        for c in nb.cells for o in c.get("outputs", []))
    headings = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
                if line.startswith("## ")]
    problems = []
    for s in deck.slides:
        for name, section in s.demos:
            if demos and name not in demos:
                problems.append(f"slide {s.number}: demo {name} is not registered")
            if name not in frames:
                problems.append(f"slide {s.number}: demo {name} has no stored output in {path.name}")
            if not any(h[3:].startswith(section if not section[0].isdigit() else f"{section}.") for h in headings):
                problems.append(f"slide {s.number}: no section §{section} in {path.name}")
        for number in s.numbers:
            if number not in outputs:
                problems.append(f"slide {s.number}: the number {number} is not printed by {path.name}")
    assert not problems, f"{deck.stem}:\n  " + "\n  ".join(problems)


def test_every_chapter_has_a_deck():
    assert {p.stem for p in NOTEBOOKS} <= {d.stem for d in DECKS}


@pytest.mark.parametrize("deck", DECKS, ids=[d.stem for d in DECKS])
def test_deck_html_is_offline_with_notes(deck):
    html = render_deck(deck, lambda name: (f"stills/{name}.png", "Still frame"), vendor.URLS["mathjax_url"])
    assert not external_assets(html), external_assets(html)
    assert html.count('<aside class="notes">') == len(deck.slides)
    assert "lib/reveal.js/dist/reveal.js" in html and "lib/reveal.js/plugin/notes/notes.js" in html


def test_figure_alt_text_table_names_real_functions():
    """Each written alt text is keyed to a plot function that exists and to a file in figures/."""
    import importlib

    from course_lib.plots.alt_text import ALT_TEXT

    for name, (function, text) in ALT_TEXT.items():
        module, attr = function.split(".")
        assert hasattr(importlib.import_module(f"course_lib.plots.{module}"), attr), function
        assert (ROOT / "figures" / f"{name}.png").exists() and len(text) > 60, name


def test_alt_text_reaches_the_output_metadata():
    """The display hook returns the written text for a figure drawn by its function, a generated one
    otherwise (never nothing)."""
    import course_lib as cl
    from course_lib.plots import registry
    from course_lib.plots.alt_text import ALT_TEXT
    from course_lib.plots.style import new_figure

    fig = cl.plots.norm_balls.unit_balls_figure()
    assert registry.alt_text(fig) == ALT_TEXT["01_unit_balls"][1]
    fig, ax = new_figure()
    ax.set_title("a title")
    ax.set_xlabel("λ")
    ax.plot([0, 1], label="lasso")
    ax.legend()
    text = registry.alt_text(fig)
    assert "a title" in text and "λ" in text and "lasso" in text
    assert registry.alt_text(registry.describe(fig, "written  here")) == "written here"


def test_the_offline_check_sees_a_cdn():
    assert external_assets('<script src="https://unpkg.com/x.js"></script><link href="lib/a.css">') == [
        "https://unpkg.com/x.js"]
    assert external_assets("<script type='module'>import m from 'https://cdn.x/m.mjs';</script>") == ["https://cdn.x/m.mjs"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_site_page_is_offline_and_folds_solutions(path):
    nb = nbformat.read(path, as_version=4)
    html, _ = site.exporter().from_notebook_node(nb, resources={"metadata": {"name": path.stem}, "course_nav": {}})
    html = link_html(html)
    assert not external_assets(html), f"{path.stem}: the page loads {external_assets(html)}"
    assert html.count('<details class="course-solution">') == sum(is_solution(c) for c in nb.cells)
    assert not re.search(r'href="\d\d_\w+\.ipynb', html), "a chapter link still points at a notebook"
    if "widgets" in nb.metadata:
        assert vendor.URLS["widget_renderer_url"] in html


def test_index_page_lists_chapters_with_objectives():
    chapters = [read_chapter(p) for p in NOTEBOOKS]
    assert all(len(ch.objectives) >= 3 for ch in chapters[1:]), [(ch.stem, len(ch.objectives)) for ch in chapters]
    html = site.md_page("index", "Course home", site.index_markdown(chapters), chapters)
    assert not external_assets(html)
    for ch in chapters:
        assert f'href="{ch.stem}.html"' in html
        assert f'href="notebooks/{ch.stem}.ipynb"' in html          # the student copy, not the instructor's
    assert 'href="notebooks/' in html and "/student/" in html      # launch links open student copies
