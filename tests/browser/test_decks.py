"""`make slides` in headless Chromium: every slide of every deck fits a 1280×720 screen and a projector's
1024×768, with nothing outside the slide and no code block that scrolls.  Also: the speaker notes are in the
deck, nothing leaves 127.0.0.1, every deck passes the axe-core scan, and a deck made to overflow is caught.

Screenshots of every slide at 1280×720: artifacts/screenshots/decks/<deck>/slideNN.png; the per-deck
counts: artifacts/deck_report.json.
"""
from __future__ import annotations

import functools
import http.server
import json
import sys
import threading

import pytest

from browser_lab import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from a11y import axe_scan  # noqa: E402
from deck_walk import walk_deck  # noqa: E402
from workshop import slides  # noqa: E402
from workshop.decks import all_decks, parse_deck  # noqa: E402

pytestmark = pytest.mark.browser

DECKS = all_decks()
SIZES = {"1280x720": (1280, 720), "1024x768": (1024, 768)}
REPORT: dict = {}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def deck_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("decks")
    slides.build(out)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield out, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def local_only(page, problems):
    from urllib.parse import urlparse

    def route(r):
        if r.request.url.startswith(("data:", "blob:")) or urlparse(r.request.url).hostname in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            problems.append(f"request to the internet: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: problems.append(f"uncaught exception: {e}"))
    page.on("console", lambda m: problems.append(f"console error: {m.text}") if m.type == "error" else None)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("deck", DECKS, ids=[d.stem for d in DECKS])
def test_every_slide_fits(browser, deck_site, deck, size, artifacts_dir):
    out, url = deck_site
    width, height = SIZES[size]
    ctx = browser.new_context(viewport={"width": width, "height": height})
    page = ctx.new_page()
    problems = []
    local_only(page, problems)
    shots = None
    if size == "1280x720":
        shots = artifacts_dir / "screenshots" / "decks" / deck.stem
        shots.mkdir(parents=True, exist_ok=True)
    report = walk_deck(page, f"{url}/{deck.stem}.slides.html", shots)
    notes = page.locator("aside.notes").count()
    ctx.close()
    bad = {i + 1: p for i, p in enumerate(report) if p}
    REPORT.setdefault(deck.stem, {})[size] = {"slides": len(report), "overflowing": len(bad)}
    (artifacts_dir / "deck_report.json").write_text(json.dumps(REPORT, indent=1))
    assert len(report) == len(deck.slides), f"{len(report)} slides in the page, {len(deck.slides)} in the source"
    assert notes == sum(1 for s in deck.slides if s.notes.say or s.notes.ask or s.notes.time)
    lines = [f"slide {k} ({deck.slides[k - 1].heading}): {'; '.join(v)}" for k, v in bad.items()]
    assert not bad and not problems, f"{deck.stem} at {size}:\n  " + "\n  ".join(lines + problems)


@pytest.mark.parametrize("deck", DECKS, ids=[d.stem for d in DECKS])
def test_deck_passes_axe(browser, deck_site, deck, artifacts_dir):
    _, url = deck_site
    ctx = browser.new_context(viewport={"width": 1280, "height": 720})
    page = ctx.new_page()
    page.goto(f"{url}/{deck.stem}.slides.html", wait_until="load")
    page.wait_for_function("() => window.Reveal && Reveal.isReady() && window.courseMathDone", timeout=30000)
    violations = axe_scan(page, artifacts_dir, f"deck_{deck.stem}")
    ctx.close()
    assert not violations, f"{deck.stem}: " + "; ".join(violations)


def test_the_walker_sees_an_overflowing_deck(browser, deck_site, tmp_path):
    """The walk must be able to fail: a slide with 40 bullets and a 150-character code line."""
    out, url = deck_site
    source = tmp_path / "99_broken.md"
    long_code = "x = " + " + ".join(["1"] * 50)
    source.write_text("## Too much\n\n" + "\n".join(f"- bullet {i}" for i in range(40))
                      + f"\n---\n## Wide code\n\n```python\n{long_code}\n```\n")
    deck = parse_deck(source)
    slides.build(out, decks=[deck])
    ctx = browser.new_context(viewport={"width": 1024, "height": 768})
    page = ctx.new_page()
    report = walk_deck(page, f"{url}/99_broken.slides.html")
    ctx.close()
    assert any("outside the slide" in p for p in report[0]), report[0]
    assert any("scrolls horizontally" in p for p in report[1]), report[1]
