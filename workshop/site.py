"""`make site`: the course as static HTML in _build/site/, readable without a kernel or the internet.

One page per notebook (nbconvert's HTMLExporter, lab template, through workshop/templates/course_lab:
navigation, a note that the demos are frozen, solutions folded into <details>) and an index page listing
the chapters with their objectives.  Figures are the notebooks' stored PNG outputs, inlined.  Widgets
render from the widget state saved in the notebook by the widgets' HTML manager, vendored with require.js
and MathJax into _build/site/lib/ (workshop/vendor.py), so nothing is fetched from a CDN.  A demo whose
notebook was saved without widget state falls back to the PNG of its first frame that every demo's output
bundle carries (nbconvert picks the next MIME type when the widget model is missing).

    python -m workshop.site [--out DIR]
"""
from __future__ import annotations

import argparse
import html
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from traitlets.config import Config

from workshop import vendor
from workshop.chapters import BUILD, link_html, notebook_paths, read_chapter

TEMPLATES = Path(__file__).resolve().parent / "templates"
SITE_URLS = {k: v for k, v in vendor.URLS.items() if k != "reveal_url_prefix"}


def exporter() -> HTMLExporter:
    c = Config()
    for trait, url in SITE_URLS.items():
        setattr(c.HTMLExporter, trait, url)
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "course_lab"
    c.HTMLExporter.theme = "light"
    return HTMLExporter(config=c)


def _inline_markdown(text: str) -> str:
    """Markdown (with $math$) to HTML, without the enclosing paragraph."""
    out = markdown2html_mistune(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def index_page(chapters, mathjax_url: str) -> str:
    items = []
    for ch in chapters:
        objectives = "".join(f"<li>{_inline_markdown(o)}</li>" for o in ch.objectives)
        items.append(
            f'<li class="chapter"><h2><a href="{ch.stem}.html">{html.escape(ch.title)}</a></h2>\n'
            f'<p class="summary">{_inline_markdown(ch.summary)}</p>\n'
            + (f'<p class="label">You will be able to</p><ol class="objectives">{objectives}</ol>\n'
               if objectives else "")
            + (f'<p class="time">{_inline_markdown(ch.time)}</p>\n' if ch.time else "")
            + f'<p class="links"><a href="{ch.stem}.html">Read the chapter</a> · '
              f'<a href="{ch.stem}.ipynb">download the notebook</a></p></li>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>L1 vs L2 regularization — the course</title>
<script src="{mathjax_url}"></script>
<script type="text/x-mathjax-config">
MathJax.Hub.Config({{tex2jax: {{inlineMath: [['$','$'], ['\\\\(','\\\\)']], processEscapes: true}},
                    messageStyle: 'none'}});
</script>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52em;
        margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #222; }}
h1 {{ margin-bottom: 0.2em; }}
ol.chapters {{ list-style: none; padding: 0; }}
li.chapter {{ border-top: 1px solid #ddd; padding: 0.6em 0 0.8em; }}
li.chapter h2 {{ font-size: 1.25em; margin: 0.3em 0; }}
p.label {{ font-weight: 600; margin: 0.4em 0 0; }}
ol.objectives {{ margin-top: 0.2em; }}
p.time, p.links {{ color: #555; font-size: 0.95em; margin: 0.3em 0; }}
a {{ color: #0072b2; }}
</style>
</head>
<body>
<h1>L1 vs L2 regularization</h1>
<p>Why does an L1 penalty give sparse models while an L2 penalty only shrinks? Each chapter below is a
JupyterLab notebook, shown here as it was last run: figures, printed numbers and the demos in their saved
state. To move the sliders and do the exercises, run the notebooks (<code>make lab</code> in the course
repository, or Binder).</p>
<ol class="chapters">
{chr(10).join(items)}
</ol>
</body>
</html>
"""


def build(out_dir: Path = BUILD / "site", paths=None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out_dir)
    paths = [Path(p) for p in (paths or notebook_paths())]
    chapters = [read_chapter(p) for p in paths]
    exp = exporter()
    written = []
    for i, path in enumerate(paths):
        nb = nbformat.read(path, as_version=4)
        nb.metadata.setdefault("title", chapters[i].title)  # the browser tab; not every notebook sets it
        nav = {"previous": (f"{paths[i - 1].stem}.html", chapters[i - 1].title) if i > 0 else None,
               "next": (f"{paths[i + 1].stem}.html", chapters[i + 1].title) if i + 1 < len(paths) else None}
        body, _ = exp.from_notebook_node(nb, resources={"metadata": {"name": path.stem}, "course_nav": nav})
        target = out_dir / f"{path.stem}.html"
        target.write_text(link_html(body), encoding="utf-8")
        shutil.copy2(path, out_dir / path.name)  # "download the notebook"
        written.append(target)
    index = out_dir / "index.html"
    index.write_text(index_page(chapters, SITE_URLS["mathjax_url"]), encoding="utf-8")
    return [index, *written]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=BUILD / "site")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        written = build(args.out)
    except vendor.VendorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    print(f"site with {len(written) - 1} chapters in {time.perf_counter() - start:.1f} s: open "
          f"{args.out / 'index.html'} (works offline; or serve it: python -m http.server -d {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
