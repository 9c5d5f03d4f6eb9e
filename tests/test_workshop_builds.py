"""`make slides` and `make site` without a browser (the browser checks are tests/browser/test_site.py):
the HTML that nbconvert writes through workshop/ loads nothing from the internet, carries every speaker
note, leaves the solutions out of the decks and folds them on the site, and links chapters to chapters.
Only the exporters run here (no npm, no vendored files needed): a few seconds."""
import html as html_module
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import site, slides, vendor  # noqa: E402
from workshop.chapters import is_notes, is_solution, link_html, notebook_paths, read_chapter  # noqa: E402

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


@pytest.fixture(scope="module")
def slide_exporter():
    return slides.exporter()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_deck_is_offline_with_notes_and_without_solutions(slide_exporter, path):
    nb = nbformat.read(path, as_version=4)
    html, _ = slide_exporter.from_notebook_node(slides.deck_notebook(path), resources={"metadata": {"name": path.stem}})
    assert not external_assets(html), f"{path.stem}: the deck loads {external_assets(html)}"
    for url in (vendor.URLS["require_js_url"], vendor.URLS["reveal_url_prefix"] + "/dist/reveal.js"):
        assert url in html
    assert html.count('<aside class="notes">') == sum(is_notes(c) for c in nb.cells) > 0
    # code is highlighted (split into spans) in the deck: compare on the text without tags, unescaped
    text = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    leaked = [line for line in solution_lines(nb) if line in text]
    assert not leaked, f"{path.stem}: solution text in the deck: {leaked[:3]}"


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
    html = site.index_page(chapters, site.SITE_URLS["mathjax_url"])
    assert not external_assets(html)
    for ch in chapters:
        assert f'href="{ch.stem}.html"' in html
