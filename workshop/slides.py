"""`make slides`: the workshop decks (workshop/decks/NN_name.md) as reveal.js pages in _build/slides/.

Each deck is written as slides (workshop/decks.py describes the format), not exported from the notebook cell
by cell.  Figures come from ``figures/`` (``make figures`` writes them; copied next to the decks); a demo
slide shows the still frame that the chapter's stored notebook carries for that demo (the ``image/png``
of its output bundle) and says where it runs live.  Speaker notes: press S.  reveal.js and MathJax are
copied into _build/slides/lib/ from the pinned npm packages of workshop/vendor.py, so the decks open from
the disk or a USB stick with no network.

    python -m workshop.slides [--out DIR]
"""
from __future__ import annotations

import argparse
import base64
import html
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat

from workshop import vendor
from workshop.chapters import BUILD, NOTEBOOKS
from workshop.decks import FIGURES, HERE, DeckError, all_decks, render_deck

ASSETS = HERE / "assets"
DEMO_TEXT = "Interactive demo '{name}'"


def demo_frames(notebook: Path) -> dict:
    """demo name -> (PNG bytes, description) for every demo output stored in ``notebook``."""
    frames = {}
    if not notebook.exists():
        return frames
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            text = data.get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            if "image/png" in data and text.startswith("Interactive demo '"):
                name = text.split("'")[1]
                alt = out.get("metadata", {}).get("image/png", {}).get("alt") or text.split(": ", 1)[-1]
                frames.setdefault(name, (base64.b64decode(data["image/png"]), alt))
    return frames


def build(out_dir: Path = BUILD / "slides", decks=None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out_dir)
    shutil.copy2(ASSETS / "deck.css", out_dir / "deck.css")
    (out_dir / "figures").mkdir(exist_ok=True)
    (out_dir / "stills").mkdir(exist_ok=True)
    written, items = [], []
    for deck in decks or all_decks():
        frames = demo_frames(NOTEBOOKS / f"{deck.stem}.ipynb")

        def still(name, deck=deck, frames=frames):
            if name not in frames:
                raise DeckError(f"{deck.path.name}: demo {name!r} has no stored output in "
                                f"notebooks/{deck.stem}.ipynb (re-execute the notebook, or fix the name)")
            png, alt = frames[name]
            target = out_dir / "stills" / f"{name}.png"
            target.write_bytes(png)
            return f"stills/{name}.png", f"Still frame of the demo: {alt}"

        page = render_deck(deck, still, vendor.URLS["mathjax_url"])
        for src in re.findall(r'<img src="([^"]+)"', page):  # what the page shows, not what a regex parsed
            if src.startswith("stills/"):
                continue
            source = FIGURES / Path(src).name
            if not src.startswith("figures/") or not source.exists():
                raise DeckError(f"{deck.path.name}: figure {src} is not in figures/ (run `make figures`, or fix "
                                "the name)")
            shutil.copy2(source, out_dir / "figures" / source.name)
        target = out_dir / f"{deck.stem}.slides.html"
        target.write_text(page, encoding="utf-8")
        written.append(target)
        items.append(f'<li><a href="{target.name}">{html.escape(deck.title)}</a> '
                     f'({len(deck.slides)} slides, {deck.minutes:g} min)</li>')
    (out_dir / "index.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>L1 vs L2 regularization: slides</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.6;"
        "color:#1a1a1a}a{color:#005a8c}</style>"
        f"</head><body><main><h1>L1 vs L2 regularization: slide decks</h1><ol>{''.join(items)}</ol>"
        "<p>In a deck: arrow keys to move, <kbd>S</kbd> for the speaker notes, <kbd>Esc</kbd> for the overview, "
        "<kbd>F</kbd> for full screen. Add <code>?print-pdf</code> to a deck's address to print it.</p>"
        "</main></body></html>\n", encoding="utf-8")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "slides")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        written = build(args.out)
    except (vendor.VendorError, DeckError) as exc:
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
