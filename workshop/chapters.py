"""The course's notebooks as the workshop tools see them: order, titles, objectives, cell roles."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "_build"
NOTEBOOK_LINK = re.compile(r'href="(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every chapter notebook, in course order (00_start_here first)."""
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb"))


def tags(cell) -> list:
    return list(cell.get("metadata", {}).get("tags", []))


def is_solution(cell) -> bool:
    return "solution" in tags(cell)


def slide_type(cell):
    return cell.get("metadata", {}).get("slideshow", {}).get("slide_type")


def is_notes(cell) -> bool:
    return slide_type(cell) == "notes"


def link_html(html: str, suffix: str = ".html") -> str:
    """Links between chapters point at notebooks; in built pages they must point at the built pages."""
    return NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}{suffix}{m.group(2) or ""}"', html)


@dataclass
class Chapter:
    path: Path
    title: str
    summary: str
    objectives: list = field(default_factory=list)
    time: str = ""

    @property
    def stem(self) -> str:
        return self.path.stem


def _plain(markdown: str) -> str:
    """Markdown as one line of plain-ish text (links and emphasis markers dropped)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*`]", "", text)  # keep "_": it is LaTeX in $...$
    return " ".join(text.split())


def read_chapter(path: Path) -> Chapter:
    """Title (first heading), summary (first paragraph), objectives (the list after 'You will be able to'
    or 'objectives'), time estimate (the paragraph starting with 'Time'), from the opening cells."""
    nb = nbformat.read(path, as_version=4)
    opening = [c for c in nb.cells[:6] if c.cell_type == "markdown" and not is_notes(c)]
    text = "\n\n".join(c.source for c in opening)
    heading = re.search(r"^#\s+(.+)$", text, flags=re.M)
    title = heading.group(1).strip() if heading else nb.metadata.get("title", path.stem)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    body = [p for p in paragraphs if not p.startswith(("#", "|", "*", "-", "1."))]
    summary = _plain(body[0]) if body else ""
    objectives = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.search(r"(will be able to|learning objectives|objectives)", line, flags=re.I):
            for item in lines[i + 1:]:
                stripped = item.strip()
                if not stripped and not objectives:
                    continue
                match = re.match(r"^(?:\d+\.|[*-])\s+(.*)$", stripped)
                if match:
                    objectives.append(match.group(1))
                elif stripped and objectives and item.startswith((" ", "\t")):
                    objectives[-1] += " " + stripped  # a list item wrapped onto the next line
                else:
                    break
            if objectives:
                break
    time = next((_plain(p) for p in paragraphs if re.match(r"^\**Time", p)), "")
    return Chapter(path=path, title=_plain(title), summary=summary,
                   objectives=[" ".join(o.split()).rstrip(";.") for o in objectives], time=time)
