"""The workshop decks: one markdown source per chapter in workshop/decks/, written as slides.

A deck is not the notebook exported cell by cell: each slide is chosen on purpose (a heading, a few bullets,
one figure from ``figures/`` or the few lines of code that teach, the key printed number), and every slide
carries speaker notes for the instructor.  The source format, one file ``workshop/decks/NN_name.md`` per
chapter notebook ``notebooks/NN_name.ipynb``::

    ## A slide heading                      every slide starts with a heading (# for the title slide)
    - a bullet, $maths$, `code`             markdown (mistune, as nbconvert renders it)
    ![alt text written for it](figures/03_constraint_geometry.png)
    Demo: 03_constraint_geometry §3         a demo slide: "live in JupyterLab → §3" and its still frame
    |||                                     splits the slide into two columns
    Notes:                                  speaker notes, to the end of the slide:
    Say: what to say.                         Say / Ask / Expect / Time are the fields the deck test reads;
    Ask: a question for the room.             every Ask has its Expect (the answer you should hear);
    Expect: the answer.                       every slide has a Time ("2 min") and the deck's times add
    Time: 2 min                               up to the chapter's teaching minutes in schedule.toml.
    ---                                     a line with only --- separates slides

``workshop.slides`` turns the decks into reveal.js pages (``_build/slides/``) that work offline.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from nbconvert.filters.markdown_mistune import markdown2html_mistune

HERE = Path(__file__).resolve().parent
DECKS = HERE / "decks"
ROOT = HERE.parent
FIGURES = ROOT / "figures"

NOTE_FIELDS = ("Say", "Ask", "Expect", "Time")
DEMO_LINE = re.compile(r"^Demo:\s*(?P<name>\d\d_\w+)\s+§(?P<section>\S.*?)\s*$")
NUMBER = re.compile(r"\{\{([^{}]+)\}\}")  # a key printed number: must appear in the chapter's stored outputs
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")
TIME = re.compile(r"^(?P<minutes>\d+(?:\.\d+)?)\s*min$")


class DeckError(ValueError):
    pass


@dataclass
class Notes:
    say: str = ""
    ask: str = ""
    expect: str = ""
    time: str = ""
    extra: str = ""

    @property
    def minutes(self) -> float | None:
        match = TIME.match(self.time.strip())
        return float(match.group("minutes")) if match else None


@dataclass
class Slide:
    markdown: str
    notes: Notes
    number: int

    @property
    def heading(self) -> str:
        match = re.search(r"^#{1,3}\s+(.+)$", self.markdown, flags=re.M)
        return match.group(1).strip() if match else ""

    @property
    def demos(self) -> list:
        return [(m.group("name"), m.group("section")) for line in self.markdown.splitlines()
                if (m := DEMO_LINE.match(line.strip()))]

    @property
    def numbers(self) -> list:
        return NUMBER.findall(self.markdown)

    @property
    def images(self) -> list:
        return [(m.group("alt"), m.group("src")) for m in IMAGE.finditer(self.markdown)]

    @property
    def code_lines(self) -> list:
        lines, inside = [], False
        for line in self.markdown.splitlines():
            if line.strip().startswith("```"):
                inside = not inside
                continue
            if inside:
                lines.append(line)
        return lines

    @property
    def words(self) -> int:
        """Words a reader sees on the slide: prose and code, without image syntax and directives."""
        text = IMAGE.sub("", self.markdown)
        text = "\n".join(line for line in text.splitlines() if not DEMO_LINE.match(line.strip()))
        return len(re.findall(r"[A-Za-z0-9λ]+", re.sub(r"\$[^$]*\$", " x ", text)))


@dataclass
class Deck:
    path: Path
    slides: list = field(default_factory=list)

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def title(self) -> str:
        return self.slides[0].heading if self.slides else self.stem

    @property
    def minutes(self) -> float:
        return sum(s.notes.minutes or 0 for s in self.slides)


def parse_notes(text: str) -> Notes:
    notes, current = Notes(), "extra"
    for line in text.splitlines():
        match = re.match(rf"^({'|'.join(NOTE_FIELDS)}):\s*(.*)$", line.strip())
        if match:
            current = match.group(1).lower()
            setattr(notes, current, match.group(2).strip())
        elif line.strip():
            setattr(notes, current, (getattr(notes, current) + " " + line.strip()).strip())
    return notes


def parse_deck(path: Path) -> Deck:
    text = Path(path).read_text(encoding="utf-8")
    blocks = re.split(r"^---\s*$", text, flags=re.M)
    deck = Deck(path=Path(path))
    for block in blocks:
        if not block.strip():
            continue
        content, _, notes = block.partition("\nNotes:")
        deck.slides.append(Slide(markdown=content.strip("\n"), notes=parse_notes(notes),
                                 number=len(deck.slides) + 1))
    return deck


def deck_paths(folder: Path = DECKS) -> list:
    return sorted(Path(folder).glob("[0-9][0-9]_*.md"))


def all_decks(folder: Path = DECKS) -> list:
    return [parse_deck(p) for p in deck_paths(folder)]


# ----------------------------------------------------------------------------------------------- rendering
def _markdown(text: str) -> str:
    return markdown2html_mistune(text)


def render_notes(notes: Notes) -> str:
    parts = []
    for label, value in (("Say", notes.say), ("Ask", notes.ask), ("Expect", notes.expect),
                         ("Time", notes.time), ("", notes.extra)):
        if value:
            parts.append(f"<p>{'<strong>' + label + ':</strong> ' if label else ''}{html.escape(value)}</p>")
    return f'<aside class="notes">{"".join(parts)}</aside>' if parts else ""


def render_slide(slide: Slide, demo_still, notebook: str) -> str:
    """One <section>; ``demo_still(name)`` returns (relative src, alt text) of a demo's still frame."""
    columns = re.split(r"^\|\|\|\s*$", slide.markdown, flags=re.M)
    rendered = []
    for column in columns:
        lines, demos = [], []
        for line in column.splitlines():
            match = DEMO_LINE.match(line.strip())
            if match:
                demos.append((match.group("name"), match.group("section")))
                lines.append(f"\nDEMO{len(demos) - 1}PLACEHOLDER\n")
            else:
                lines.append(line)
        body = _markdown(NUMBER.sub(r"\1", "\n".join(lines)))
        for i, (name, section) in enumerate(demos):
            src, alt = demo_still(name)
            box = (f'<div class="demo"><p class="demo-live"><span aria-hidden="true">▶</span> Live in JupyterLab → '
                   f'<code>{html.escape(notebook)}</code> §{section}. This still frame does not move.</p>'
                   f'<img src="{html.escape(src)}" alt="{html.escape(alt)}"></div>')
            body = body.replace(f"<p>DEMO{i}PLACEHOLDER</p>", box)
        rendered.append(body)
    if len(rendered) > 1:
        inner = '<div class="columns">' + "".join(f'<div class="column">{c}</div>' for c in rendered) + "</div>"
    else:
        inner = rendered[0]
    kind = ' class="title-slide"' if slide.markdown.lstrip().startswith("# ") else ""
    return f'<section{kind} data-slide="{slide.number}">\n{inner}\n{render_notes(slide.notes)}\n</section>'


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<link rel="stylesheet" href="lib/reveal.js/dist/reset.css">
<link rel="stylesheet" href="lib/reveal.js/dist/reveal.css">
<link rel="stylesheet" href="lib/reveal.js/dist/theme/white.css">
<link rel="stylesheet" href="deck.css">
<script type="text/x-mathjax-config">
MathJax.Hub.Config({{tex2jax: {{inlineMath: [['$','$'], ['\\\\(','\\\\)']], displayMath: [['$$','$$']],
                               processEscapes: true}}, messageStyle: 'none',
                    CommonHTML: {{scale: 100}}}});
MathJax.Hub.Queue(function () {{ window.courseMathDone = true; if (window.Reveal && Reveal.isReady()) Reveal.layout(); }});
</script>
<script src="{mathjax}"></script>
</head>
<body>
<main class="reveal" aria-label="{title_attr}">
<div class="slides">
{sections}
</div>
</main>
<script src="lib/reveal.js/dist/reveal.js"></script>
<script src="lib/reveal.js/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({{width: 1280, height: 720, margin: 0.03, center: false, hash: true, slideNumber: 'c/t',
                   transition: 'none', controls: true, progress: true, pdfMaxPagesPerSlide: 1,
                   plugins: [RevealNotes]}});
</script>
</body>
</html>
"""


def render_deck(deck: Deck, demo_still, mathjax_url: str) -> str:
    sections = "\n".join(render_slide(s, demo_still, deck.stem) for s in deck.slides)
    return PAGE.format(title=html.escape(deck.title), title_attr=html.escape(deck.title, quote=True),
                       sections=sections, mathjax=mathjax_url)
