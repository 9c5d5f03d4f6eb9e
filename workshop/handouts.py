"""`make handouts`: PDFs to take home, printed by the Chromium the browser tests use (Playwright page.pdf).

  _build/handouts/cheatsheet.pdf, glossary.pdf      from the site's pages (print stylesheet: no navigation)
  _build/handouts/NN_name.slides.pdf                each deck, one slide per page (reveal.js ?print-pdf)

Builds the site and the decks first (into _build/site and _build/slides).  ``check(pdf)`` returns the page
count, the extracted text (pdftotext, poppler-utils) and the number of embedded images (pdfimages), which
tests/browser/test_handouts.py checks.

    python -m workshop.handouts [--out DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from workshop import site, slides
from workshop.chapters import BUILD
from workshop.decks import all_decks

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def build(out_dir: Path = BUILD / "handouts", site_dir: Path = BUILD / "site", slides_dir: Path = BUILD / "slides",
          browser=None):
    """Print every handout; ``browser``: a Playwright browser to use (the tests pass theirs)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                return build(out_dir, site_dir, slides_dir, chromium)
            finally:
                chromium.close()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    site.build(site_dir)
    slides.build(slides_dir)
    written = []
    if True:
        page = browser.new_page()
        for name in ("cheatsheet", "glossary"):
            page.goto((Path(site_dir) / f"{name}.html").resolve().as_uri(), wait_until="load")
            page.wait_for_function("() => !window.MathJax || !MathJax.Hub || MathJax.Hub.queue.pending === 0",
                                   timeout=30000)
            page.wait_for_timeout(300)
            target = out_dir / f"{name}.pdf"
            page.pdf(path=str(target), format="A4", print_background=True,
                     margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
            written.append(target)
        for deck in all_decks():
            url = (Path(slides_dir) / f"{deck.stem}.slides.html").resolve().as_uri() + "?print-pdf"
            page.goto(url, wait_until="load")
            page.wait_for_function("() => window.Reveal && Reveal.isReady() && window.courseMathDone", timeout=30000)
            page.wait_for_timeout(300)
            target = out_dir / f"{deck.stem}.slides.pdf"
            page.pdf(path=str(target), width="1280px", height="720px", print_background=True,
                     margin={"top": "0", "bottom": "0", "left": "0", "right": "0"})
            written.append(target)
        page.close()
    return written


def check(pdf: Path) -> dict:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    n_images = max(0, len([line for line in images.splitlines() if line.strip()]) - 2)
    return {"pages": pages, "text": text, "images": n_images}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "handouts")
    args = parser.parse_args(argv)
    for pdf in build(args.out):
        c = check(pdf)
        print(f"wrote {pdf}: {c['pages']} pages, {len(c['text'].split())} words, {c['images']} images")
    return 0


if __name__ == "__main__":
    sys.exit(main())
