"""`make site` in headless Chromium: every page of the static course loads without the internet, without
a console error, and shows its figures and its demos.  Run with `make test-site` (only these) or
`make test-browser` (with the JupyterLab tests).

The site is built from the notebooks as they are now into a temporary folder and served on 127.0.0.1.
Every request to any other host is blocked and counted as a failure: the pages must not need a CDN.
Per page: no console error, no uncaught exception, no failed request; every <img> loaded
(naturalWidth > 0) and at least as many images as the notebook has PNG outputs; every demo with saved
widget state rendered by the vendored widget manager, with its picture; maths typeset by the vendored
MathJax; one folded <details> per solution.  The index lists every chapter, with objectives for 01-05.
"""
from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest

from browser_lab import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import site  # noqa: E402
from a11y import axe_scan  # noqa: E402
from workshop.chapters import is_notes, is_solution, notebook_paths  # noqa: E402

pytestmark = pytest.mark.browser

NOTEBOOKS = notebook_paths()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    site.build(out)
    return out


@pytest.fixture(scope="module")
def site_url(site_dir):
    out = site_dir
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def expected(path: Path) -> dict:
    """What the page must show, read from the notebook: PNG outputs, demos with saved state, solutions."""
    nb = nbformat.read(path, as_version=4)
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    pngs = live = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data and data[WIDGET_VIEW]["model_id"] in state:
                live += 1          # rendered by the widget manager (its Image widget holds the picture)
            elif "image/png" in data:
                pngs += 1          # a figure, or a demo's static first frame
    return {"pngs": pngs, "demos": live, "solutions": sum(is_solution(c) for c in nb.cells),
            "maths": any(c.cell_type == "markdown" and "$" in c.source for c in nb.cells)}


def open_page(context, url: str):
    """Open ``url``; returns (page, problems) where problems collects console errors, page errors, failed
    requests and requests that tried to leave 127.0.0.1."""
    page = context.new_page()
    problems = []

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            problems.append(f"request to the internet: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught exception: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})")
            if not r.url.startswith("data:") else None)
    page.goto(url, wait_until="load")
    return page, problems


IMAGES = """() => Array.from(document.images).map(i => ({src: i.src.slice(0, 60), ok: i.complete && i.naturalWidth > 0,
                                                   widget: !!i.closest('.jupyter-widgets, .widget-image')}))"""


def page_report(page, want: dict, timeout_ms: int = 60000) -> list:
    """Problems with the figures, demos, maths and solutions of one loaded chapter page."""
    problems = []
    if want["demos"]:
        try:
            page.wait_for_function(
                """n => Array.from(document.querySelectorAll('img.widget-image, .widget-image img, .jupyter-widgets img'))
                         .filter(i => i.complete && i.naturalWidth > 0).length >= n""",
                arg=want["demos"], timeout=timeout_ms)
        except Exception:  # noqa: BLE001 - reported below with the counts
            pass
    if want["maths"]:
        try:
            page.wait_for_function("() => document.querySelectorAll('.MathJax_CHTML, mjx-container').length > 0",
                                   timeout=timeout_ms)
        except Exception:  # noqa: BLE001
            problems.append("no maths typeset (MathJax did not run)")
    images = page.evaluate(IMAGES)
    broken = [i["src"] for i in images if not i["ok"]]
    if broken:
        problems.append(f"{len(broken)} images not loaded: {broken[:3]}")
    figures = [i for i in images if not i["widget"] and i["ok"]]
    demos = [i for i in images if i["widget"] and i["ok"]]
    if len(figures) < want["pngs"]:
        problems.append(f"{len(figures)} figures shown, the notebook has {want['pngs']} PNG outputs")
    if len(demos) < want["demos"]:
        problems.append(f"{len(demos)} demo pictures rendered, the notebook has {want['demos']} demos with "
                        f"saved widget state")
    errors = page.locator(".jp-OutputArea-output pre:has-text('Traceback')")  # a stored error output
    if errors.count():
        problems.append(f"{errors.count()} error outputs on the page")
    folded = page.locator("details.course-solution")
    if folded.count() != want["solutions"]:
        problems.append(f"{folded.count()} folded solutions, the notebook has {want['solutions']}")
    elif want["solutions"] and page.locator("details.course-solution[open]").count():
        problems.append("a solution is unfolded on load")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_chapter_page(site_url, context, path, artifacts_dir):
    page, problems = open_page(context, f"{site_url}/{path.stem}.html")
    problems += page_report(page, expected(path))
    problems += alt_problems(page)
    problems += frame_problems(page, path)
    problems += [f"axe: {v}" for v in axe_scan(page, artifacts_dir, f"site_{path.stem}")]
    page.screenshot(path=str(artifacts_dir / "screenshots" / f"site_{path.stem}.png"))
    page.close()
    assert not problems, f"{path.stem}.html:\n  " + "\n  ".join(problems)


def test_index_lists_every_chapter(site_url, context):
    page, problems = open_page(context, f"{site_url}/index.html")
    page.wait_for_timeout(500)
    links = page.eval_on_selector_all("li.chapter h2 a:not(.anchor-link)", "as => as.map(a => a.getAttribute('href'))")
    downloads = [d for d in page.eval_on_selector_all("a[href$='.ipynb']", "as => as.map(a => a.getAttribute('href'))")
                 if not d.startswith("https://")]
    assert downloads and all(d.startswith("notebooks/") for d in downloads), downloads
    assert links == [f"{p.stem}.html" for p in NOTEBOOKS]
    objectives = page.eval_on_selector_all("li.chapter", "cs => cs.map(c => c.querySelectorAll('ol.objectives li').length)")
    assert all(n >= 3 for n in objectives[1:]), f"objectives per chapter: {objectives}"
    assert page.locator("a:has-text('Open in Colab')").count() and page.locator("a:has-text('Launch on Binder')").count()
    for href in links:  # every link leads to a page that exists
        response = page.request.get(f"{site_url}/{href}")
        assert response.ok, href
    page.close()
    assert not problems, problems


def test_the_checker_sees_a_broken_page(site_url, site_dir, context):
    """The page check must be able to fail: a page with a missing figure, a CDN script and a console
    error is reported on all three counts."""
    (site_dir / "zz_broken.html").write_text(
        "<html><body><img src='missing.png'><script src='https://cdn.example.org/x.js'></script>"
        "<script>console.error('deliberate')</script></body></html>")
    page, problems = open_page(context, f"{site_url}/zz_broken.html")
    page.wait_for_timeout(300)
    problems += page_report(page, {"pngs": 1, "demos": 0, "solutions": 0, "maths": False}, timeout_ms=2000)
    page.close()
    (site_dir / "zz_broken.html").unlink()
    text = "\n".join(problems)
    assert "request to the internet: https://cdn.example.org/x.js" in text
    assert "console error: deliberate" in text
    assert "1 images not loaded" in text and "0 figures shown" in text


DEFAULT_ALT = "No description has been provided for this image"
ALTS = """() => Array.from(document.images).map(i => ({src: i.src.slice(0, 50), alt: (i.getAttribute('alt') || '').trim()}))"""


def alt_problems(page) -> list:
    """Every image has alt text of its own: not empty, not nbconvert's default."""
    page.wait_for_timeout(200)  # demo pictures get theirs when the widget manager has drawn them
    bad = [i for i in page.evaluate(ALTS) if len(i["alt"]) < 12 or i["alt"] == DEFAULT_ALT]
    return [f"{len(bad)} images without real alt text, e.g. {bad[:2]}"] if bad else []


def frame_problems(page, path) -> list:
    """The course frame: sidebar with every chapter, a table of contents with one entry per h2, the pager,
    launch links to the student copies, downloads only of student copies, and no speaker notes."""
    problems = []
    toc = page.locator(".course-toc li").count()
    h2 = page.locator("main h2[id]").count()
    if toc != h2 or toc == 0:
        problems.append(f"table of contents has {toc} entries for {h2} sections")
    if page.locator(".course-sidebar li a").count() < len(NOTEBOOKS):
        problems.append("the sidebar does not list every chapter")
    current = page.locator(".course-sidebar a[aria-current='page']").get_attribute("href")
    if current != f"{path.stem}.html":
        problems.append(f"the sidebar marks {current} as the current page")
    i = NOTEBOOKS.index(path)
    if i + 1 < len(NOTEBOOKS) and page.locator(f".course-pager a[rel=next][href='{NOTEBOOKS[i + 1].stem}.html']").count() != 1:
        problems.append("no link to the next chapter")
    downloads = [d for d in page.eval_on_selector_all("a[href$='.ipynb']", "as => as.map(a => a.getAttribute('href'))")
                 if not d.startswith("https://")]
    if not downloads or any(not d.startswith("notebooks/") for d in downloads):
        problems.append(f"downloads other than the student copies: {downloads}")
    for link in page.eval_on_selector_all(".course-launch a", "as => as.map(a => a.href)"):
        if ("binder" in link or "colab" in link) and "/student/" not in link:
            problems.append(f"launch link not to a student copy: {link}")
    nb = nbformat.read(path, as_version=4)
    text = page.inner_text("main")
    leaked = [c.source.splitlines()[0][:60] for c in nb.cells if is_notes(c) and c.source.strip()
              and c.source.splitlines()[0].strip()[:60] in text]
    if leaked:
        problems.append(f"speaker notes on a learner page: {leaked}")
    # the current section is highlighted as the reader scrolls
    heads = page.eval_on_selector_all("main h2[id]", "hs => hs.map(h => h.id)")
    if len(heads) > 2:
        page.evaluate("id => document.getElementById(id).scrollIntoView()", heads[2])
        page.wait_for_timeout(200)
        marked = page.locator(".course-toc a[aria-current='location']").get_attribute("href")
        if marked != f"#{heads[2]}":
            problems.append(f"after scrolling to #{heads[2]} the table of contents marks {marked}")
    return problems


@pytest.mark.parametrize("name", [n for n, _ in site.EXTRA_PAGES] + ["index"])
def test_extra_page(site_url, context, name, artifacts_dir):
    page, problems = open_page(context, f"{site_url}/{name}.html")
    page.wait_for_function("() => document.querySelectorAll('.MathJax_CHTML').length > 0 || !document.body.innerText.includes('$')",
                           timeout=30000)
    problems += alt_problems(page) + [f"axe: {v}" for v in axe_scan(page, artifacts_dir, f"site_{name}")]
    page.screenshot(path=str(artifacts_dir / "screenshots" / f"site_{name}.png"), full_page=True)
    page.close()
    assert not problems, f"{name}.html:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("how", ["served", "file"])
def test_search_finds_the_right_section(site_url, site_dir, context, how):
    """A query returns the chapter section that teaches it, served and opened from the disk."""
    base = site_url if how == "served" else site_dir.as_uri()
    page = context.new_page()
    page.goto(f"{base}/index.html", wait_until="load")
    page.fill("#course-search", "soft-thresholding")
    page.wait_for_selector("#course-search-results a", timeout=10000)
    first = page.locator("#course-search-results a").first.get_attribute("href")
    assert first.startswith("03_l1_norm_lasso.html#2."), first
    page.fill("#course-search", "duality gap stopping rule")
    page.wait_for_selector("#course-search-results a", timeout=10000)
    hrefs = page.eval_on_selector_all("#course-search-results a", "as => as.map(a => a.getAttribute('href'))")
    assert any(h.startswith("04_subgradients_optimization.html#7.") for h in hrefs[:3]), hrefs
    page.keyboard.press("Enter")                       # Enter opens the first result
    page.wait_for_url(f"**/{hrefs[0].split('#')[0]}*", timeout=10000)
    page.close()


def test_downloads_are_student_copies(site_dir):
    """The site's notebooks/ folder holds the student copies only: no solution cell, no speaker notes."""
    offered = sorted(p.name for p in (site_dir / "notebooks").glob("*.ipynb"))
    assert offered == [p.name for p in NOTEBOOKS]
    for p in (site_dir / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(p, as_version=4)
        assert not any(is_solution(c) or is_notes(c) for c in nb.cells), p.name
    assert not list(site_dir.glob("*.ipynb")), "instructor notebooks at the site's top level"


def test_dark_mode_keeps_figures_on_white(site_url, browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = ctx.new_page()
    page.goto(f"{site_url}/01_l2_norm_ridge.html", wait_until="load")
    body = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    img = page.evaluate("() => getComputedStyle(document.querySelector('.jp-RenderedImage img')).backgroundColor")
    ctx.close()
    assert body != "rgb(255, 255, 255)" and img == "rgb(255, 255, 255)", (body, img)
