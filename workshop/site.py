"""`make site`: the course as static HTML in _build/site/, readable without a kernel or the internet.

Pages: an index with every chapter's objectives; one page per notebook (nbconvert's HTMLExporter, lab
template, through workshop/templates/course_lab); the pages of workshop/pages/ (setup, cheat sheet,
glossary) and a schedule page generated from workshop/schedule.toml.  Every page has the same frame: a
banner with search, the course sidebar, a table of contents (sticky on wide screens, current section
highlighted; assets/site.js), previous/next links, launch links (Binder, Colab, nbgitpuller) pointing at the
*student* copies.  Learner pages never show speaker notes (notes cells are left out); solutions stay folded;
the downloadable notebooks in notebooks/ are the student copies (workshop.student).  Every figure carries
the alt text of its output metadata (course_lib.plots.registry); a figure saved without one gets a text
naming its section.  Search: an inline index (search-index.js) read by the vendored lunr, so it works
when served and from file://.  Widgets render from their saved state with the vendored widget manager.

    python -m workshop.site [--out DIR]
"""
from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
from bs4 import BeautifulSoup
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from traitlets.config import Config

from workshop import launch, schedule, student, vendor
from workshop.chapters import BUILD, is_notes, link_html, notebook_paths, read_chapter

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
ASSETS = HERE / "assets"
PAGES = HERE / "pages"
# lunr's UMD wrapper would register itself with require.js (an anonymous define() that breaks the widget
# manager): hide define while it loads.
LUNR = ('<script>window.courseDefine = window.define; window.define = undefined;</script>'
        '<script src="lib/lunr/lunr.min.js"></script><script>window.define = window.courseDefine;</script>')
SITE_URLS = {k: v for k, v in vendor.URLS.items() if k != "reveal_url_prefix"}
EXTRA_PAGES = [("setup", "Setup (Windows, macOS, Linux)"), ("schedule", "Schedule"),
               ("cheatsheet", "Cheat sheet"), ("glossary", "Glossary")]


def exporter() -> HTMLExporter:
    c = Config()
    for trait, url in SITE_URLS.items():
        setattr(c.HTMLExporter, trait, url)
    c.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    c.HTMLExporter.template_name = "course_lab"
    c.HTMLExporter.theme = "light"
    c.HTMLExporter.exclude_input_prompt = True   # "In [3]:" means nothing on a static page
    c.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(config=c)


def _inline_markdown(text: str) -> str:
    out = markdown2html_mistune(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def banner() -> str:
    return ('<header class="course-banner"><a class="course-title" href="index.html">L1 vs L2 regularization</a>'
            '<div class="course-search" role="search">'
            '<input id="course-search" type="search" placeholder="Search the course" aria-label="Search the course" autocomplete="off">'
            '<ol id="course-search-results" hidden aria-live="polite"></ol></div></header>')


def sidebar(chapters, current: str) -> str:
    def link(href, text):
        cur = ' aria-current="page"' if href == current else ""
        return f'<li><a href="{href}"{cur}>{html.escape(text)}</a></li>'

    items = "".join(link(f"{ch.stem}.html", ch.title) for ch in chapters)
    pages = "".join(link(f"{name}.html", title) for name, title in EXTRA_PAGES)
    return (f'<nav class="course-sidebar" aria-label="Course"><p class="label">Chapters</p><ol>'
            f'{link("index.html", "Course home")}{items}</ol><p class="label">Take home</p><ul>{pages}'
            f'<li><a href="notebooks/">Student notebooks (download)</a></li></ul></nav>')


def pager(prev, nxt) -> str:
    left = f'<a href="{prev[0]}" rel="prev">&larr; {html.escape(prev[1])}</a>' if prev else "<span></span>"
    right = f'<a href="{nxt[0]}" rel="next">{html.escape(nxt[1])} &rarr;</a>' if nxt else "<span></span>"
    return f'<nav class="course-pager" aria-label="Previous and next chapter">{left}{right}</nav>'


def site_notebook(path: Path, title: str):
    """The notebook as a learner page shows it: no speaker notes; every figure with alt text."""
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if not is_notes(c)]
    nb.metadata.setdefault("title", title)
    section = title
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heads = re.findall(r"^#{1,3}\s+(.+)$", cell.source, flags=re.M)
            if heads:
                section = heads[-1].replace("$", "").strip()
        for out in cell.get("outputs", []):
            if "image/png" in out.get("data", {}):
                meta = out.setdefault("metadata", {}).setdefault("image/png", {})
                if not meta.get("alt"):  # saved before the alt-text hook: name where it is
                    meta["alt"] = f"Figure of the section “{section}” (no written description saved with it)"
    return nb


def search_documents(html_text: str, page_url: str, page_title: str) -> list:
    """One search document per h2 section of a built page (its id from the built HTML)."""
    soup = BeautifulSoup(html_text, "html.parser")
    main = soup.find("main") or soup
    docs, current = [], {"title": page_title, "url": page_url, "page": page_title, "text": []}
    for el in main.find_all(["h1", "h2", "h3", "p", "li", "td", "pre"]):
        if el.find_parent(["details", "nav", "aside"]):
            continue
        if el.name == "h2" and el.get("id"):
            if current["text"]:
                docs.append(current)
            current = {"title": el.get_text(" ", strip=True).rstrip("¶").strip(), "url": f"{page_url}#{el['id']}",
                       "page": page_title, "text": []}
        elif el.name not in ("h1", "h2"):
            current["text"].append(el.get_text(" ", strip=True))
    docs.append(current)
    for d in docs:
        d["text"] = " ".join(d["text"])[:4000]
    return docs


def md_page(name: str, title: str, markdown: str, chapters) -> str:
    body = markdown2html_mistune(markdown)
    body = re.sub(r"<h2>(.*?)</h2>",
                  lambda m: f'<h2 id="{re.sub(r"[^A-Za-z0-9]+", "-", m.group(1)).strip("-")}">{m.group(1)}</h2>', body)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)} — L1 vs L2 regularization</title>
<link rel="stylesheet" href="site.css">
<script type="text/x-mathjax-config">
MathJax.Hub.Config({{tex2jax: {{inlineMath: [['$','$'], ['\\\\(','\\\\)']], processEscapes: true}}, messageStyle: 'none'}});
</script>
<script src="{SITE_URLS['mathjax_url']}"></script>
</head>
<body class="course-md">
<a class="skip-link" href="#content">Skip to the content</a>
{banner()}
<div class="course-layout">
{sidebar(chapters, f"{name}.html")}
<main id="content" tabindex="-1">
{body}
</main>
<aside class="course-toc" aria-label="On this page"><p class="toc-title">On this page</p><ol></ol></aside>
</div>
<script src="search-index.js"></script>
{LUNR}
<script src="site.js"></script>
</body>
</html>
"""


def index_markdown(chapters) -> str:
    items = []
    for ch in chapters:
        objectives = "".join(f"<li>{_inline_markdown(o)}</li>" for o in ch.objectives)
        items.append(
            f'<li class="chapter"><h2 id="ch-{ch.stem}"><a href="{ch.stem}.html">{html.escape(ch.title)}</a></h2>\n'
            f'<p class="summary">{_inline_markdown(ch.summary)}</p>\n'
            + (f'<p class="label">You will be able to</p><ol class="objectives">{objectives}</ol>\n' if objectives else "")
            + f'<p class="links"><a href="{ch.stem}.html">Read the chapter</a> · '
              f'<a href="notebooks/{ch.stem}.ipynb" download>download the student notebook</a> · '
              f'{launch.links_html(ch.stem, inline=True)}</p></li>')
    return ("# L1 vs L2 regularization\n\nWhy does an L1 penalty give sparse models while an L2 penalty only "
            "shrinks? Each chapter below is a JupyterLab notebook, shown as it was last run. To move the sliders "
            "and do the exercises, run the student notebooks: on your laptop (see the setup page), on Binder or "
            "on Colab.\n\n" + launch.launch_box("00_start_here") + '\n\n<ol class="chapters">\n'
            + "\n".join(items) + "\n</ol>\n")


def build(out_dir: Path = BUILD / "site", paths=None) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    vendor.copy_into(out_dir)
    for asset in ("site.css", "site.js"):
        shutil.copy2(ASSETS / asset, out_dir / asset)
    paths = [Path(p) for p in (paths or notebook_paths())]
    chapters = [read_chapter(p) for p in paths]
    student.build(out_dir / "notebooks", paths)  # the only notebooks the site offers: learner copies
    (out_dir / "notebooks" / "index.html").write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Student notebooks</title></head><body>"
        "<main><h1>Student notebooks</h1><ul>" + "".join(
            f'<li><a href="{p.name}" download>{p.name}</a></li>' for p in paths)
        + "</ul><p><a href='../index.html'>Back to the course</a></p></main></body></html>\n", encoding="utf-8")
    exp = exporter()
    written, docs = [], []
    for i, path in enumerate(paths):
        nb = site_notebook(path, chapters[i].title)
        prev = (f"{paths[i - 1].stem}.html", chapters[i - 1].title) if i > 0 else None
        nxt = (f"{paths[i + 1].stem}.html", chapters[i + 1].title) if i + 1 < len(paths) else None
        nav = {"banner": banner(), "sidebar": sidebar(chapters, f"{path.stem}.html"), "pager": pager(prev, nxt),
               "launch": launch.launch_box(path.stem)}
        body, _ = exp.from_notebook_node(nb, resources={"metadata": {"name": path.stem}, "course_nav": nav})
        body = link_html(body)
        target = out_dir / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        docs += search_documents(body, target.name, chapters[i].title)
        written.append(target)
    pages = {name: (title, (PAGES / f"{name}.md").read_text(encoding="utf-8") if name != "schedule"
                    else schedule.page_markdown(schedule.load())) for name, title in EXTRA_PAGES}
    pages["index"] = ("Course home", index_markdown(chapters))
    for name, (title, markdown) in pages.items():
        page = md_page(name, title, markdown, chapters)
        target = out_dir / f"{name}.html"
        target.write_text(page, encoding="utf-8")
        docs += search_documents(page, target.name, title)
        written.insert(0, target) if name == "index" else written.append(target)
    (out_dir / "search-index.js").write_text(
        "window.COURSE_SEARCH = " + json.dumps(docs, ensure_ascii=False) + ";\n", encoding="utf-8")
    return written


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
    print(f"site with {len(written)} pages in {time.perf_counter() - start:.1f} s: open "
          f"{args.out / 'index.html'} (works offline; or serve it: python -m http.server -d {args.out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
