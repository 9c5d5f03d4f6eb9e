"""`make slides`: one reveal.js deck per chapter, in _build/slides/, that works offline.

Built with nbconvert's SlidesExporter (what `jupyter nbconvert --to slides` runs) from each cell's
``slideshow.slide_type``; markdown cells of type ``notes`` become reveal.js speaker notes (press S in the
deck).  Solution cells are left out (the exercise stays on its slide; the solution is in the notebook).
reveal.js, require.js, jQuery, MathJax and the widgets' HTML manager are copied into _build/slides/lib/
from the pinned npm packages of workshop/vendor.py, so the decks open from the disk or a USB stick with no
network; the demos show their saved state (or, for a notebook saved without widget state, their PNG).

    python -m workshop.slides [NOTEBOOK ...] [--out DIR]
"""
from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from traitlets.config import Config

from workshop import vendor
from workshop.chapters import BUILD, is_solution, link_html, notebook_paths, read_chapter

TEMPLATES = Path(__file__).resolve().parent / "templates"


def exporter() -> SlidesExporter:
    c = Config()
    for trait, url in vendor.URLS.items():
        setattr(c.SlidesExporter, trait, url)
    c.SlidesExporter.reveal_theme = "white"          # its fonts ship with reveal.js ("simple" loads Google Fonts)
    c.SlidesExporter.reveal_scroll = True            # long code cells scroll instead of overflowing
    c.SlidesExporter.reveal_number = "c/t"
    c.SlidesExporter.reveal_transition = "none"      # kinder on a projector
    c.SlidesExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.SlidesExporter.template_name = "course_reveal"
    c.SlidesExporter.exclude_input_prompt = True
    c.SlidesExporter.exclude_output_prompt = True
    return SlidesExporter(config=c)


def deck_notebook(path: Path):
    """The notebook as a deck shows it: without the solution cells."""
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if not is_solution(c)]
    nb.metadata.setdefault("title", read_chapter(path).title)  # the browser tab; not every notebook sets it
    return nb


def build(paths=None, out_dir: Path = BUILD / "slides") -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out_dir)
    exp = exporter()
    written, items = [], []
    for path in paths or notebook_paths():
        path = Path(path)
        body, _ = exp.from_notebook_node(deck_notebook(path), resources={"metadata": {"name": path.stem}})
        target = out_dir / f"{path.stem}.slides.html"
        target.write_text(link_html(body, ".slides.html"), encoding="utf-8")
        written.append(target)
        items.append(f'<li><a href="{target.name}">{html.escape(read_chapter(path).title)}</a></li>')
    (out_dir / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>L1 vs L2 regularization: slides</title>'
        "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;line-height:1.6}</style>"
        f"</head><body><h1>L1 vs L2 regularization: slide decks</h1><ol>{''.join(items)}</ol>"
        "<p>In a deck: arrow keys to move, <kbd>S</kbd> for the speaker notes, <kbd>Esc</kbd> for the overview, "
        "<kbd>F</kbd> for full screen.</p></body></html>\n", encoding="utf-8")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=BUILD / "slides")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        written = build(args.notebooks or None, args.out)
    except vendor.VendorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"{len(written)} decks in {time.perf_counter() - start:.1f} s. Open one in a browser; press S for the "
          f"speaker notes (if the browser blocks the notes window for a file:// page, serve the folder: "
          f"python -m http.server -d {args.out}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
