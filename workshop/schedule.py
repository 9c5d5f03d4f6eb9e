"""`make schedule`: every time in the course, generated from workshop/schedule.toml.

Writes (only between markers, or into cells tagged ``schedule``):
  * each chapter's time line: a markdown cell tagged ``schedule`` after the title cell (its old
    "**Time…**" paragraph is removed from the cell that held it);
  * chapter 0's table of chapters (the cell with the "## The chapters" heading, tagged ``schedule``);
  * the half-day and full-day plans in INSTRUCTORS.md, between ``<!-- schedule:NAME -->`` and
    ``<!-- /schedule:NAME -->``;
and returns the schedule page of the site (``page_markdown``).  ``problems()`` lists every disagreement
between this file, the notebooks, the decks and INSTRUCTORS.md; tests/test_schedule.py fails on any.

    python -m workshop.schedule [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from workshop.chapters import NOTEBOOKS, ROOT

SOURCE = Path(__file__).resolve().parent / "schedule.toml"
INSTRUCTORS = ROOT / "INSTRUCTORS.md"
TAG = "schedule"


def load(path: Path = SOURCE) -> dict:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    for ch in data["chapter"]:
        for sec in ch["sections"]:
            sec.setdefault("exercises", [])
            sec.setdefault("needs", [])
            sec["chapter"] = ch["id"]
    return data


def sections(data) -> dict:
    return {s["id"]: s for ch in data["chapter"] for s in ch["sections"]}


def chapter(data, cid: str) -> dict:
    return next(ch for ch in data["chapter"] if ch["id"] == cid)


def minutes(secs) -> int:
    return sum(s["teach"] + s["exercise"] for s in secs)


# ----------------------------------------------------------------------------------------------- plans
@dataclass
class Row:
    start: int
    end: int
    label: str
    what: str
    kind: str
    section_ids: tuple = ()


def _clock(start: str, offset: int) -> str:
    h, m = map(int, start.split(":"))
    total = h * 60 + m + offset
    return f"{total // 60:02d}:{total % 60:02d}"


def plan_rows(data, plan) -> list:
    secs, rows, t = sections(data), [], 0
    for block in plan["blocks"]:
        if "chapter" in block:
            chosen = [secs[i] for i in block["sections"]]
            length = minutes(chosen)
            ch = chapter(data, block["chapter"])
            exercises = [e for s in chosen for e in s["exercises"]]
            what = "§" + ", §".join(i.split(".")[1] for i in block["sections"])
            if exercises:
                what += "; exercises " + ", ".join(f"**{e}**" for e in exercises)
            teach = sum(s["teach"] for s in chosen)
            what += f" ({teach} min teaching, {length - teach} min exercises)"
            rows.append(Row(t, t + length, ch["notebook"], what, "chapter", tuple(block["sections"])))
        else:
            kind = block["kind"]
            length = block.get("minutes", data["setup_minutes"] if kind == "setup" else data["break_minutes"])
            what = {"setup": "doctor check on every laptop with helpers; anyone still red after 10 minutes moves "
                             "to Binder or pairs up (learners installed before the day: setup page)",
                    "break": "", "lunch": "", "wrap-up": "summary slides; misconceptions; the homework list",
                    "open lab": "learners pick homework exercises; you circulate"}.get(kind, "")
            rows.append(Row(t, t + length, kind, what, kind))
        t += length
    return rows


def plan_markdown(data, plan) -> str:
    rows = plan_rows(data, plan)
    total = rows[-1].end
    lines = [f"Generated from `workshop/schedule.toml` by `make schedule` — edit that file, not this table. "
             f"{total // 60} h {total % 60:02d} min from {plan['start']}.", "",
             "| time | block | what happens |", "|---|---|---|"]
    for r in rows:
        lines.append(f"| {_clock(plan['start'], r.start)} – {_clock(plan['start'], r.end)} | {r.label} | {r.what} |")
    covered = {i for r in rows for i in r.section_ids}
    skipped = [s["id"] for ch in data["chapter"] for s in ch["sections"]
               if s["id"] not in covered and any(r.label == ch["notebook"] for r in rows)]
    homework = [f"{chapter(data, s['chapter'])['id']}:{e}" for s in sections(data).values() if s["id"] not in covered
                for e in s["exercises"]]
    lines += ["", f"Sections left for self-study: {', '.join('§' + i for i in skipped) or 'none'}. "
              f"In-class exercises of those sections, as homework: {', '.join(homework) or 'none'}."]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------- chapter texts
def chapter_time_line(ch) -> str:
    secs = ch["sections"]
    core = [s for s in secs if s["core"]]
    optional = [s for s in secs if not s["core"]]
    label = lambda ss: ", ".join(_section_label(s) for s in ss) or "none"  # noqa: E731
    return (f"**Time** (from `workshop/schedule.toml`): about {ch['self_paced']} minutes self-paced, exercises "
            f"included. In a workshop the whole chapter takes {minutes(secs)} minutes "
            f"({sum(s['teach'] for s in secs)} teaching, {sum(s['exercise'] for s in secs)} exercises); "
            f"the core path, {minutes(core)} minutes, is {label(core)}; going further: {label(optional)}.")


def _section_label(s) -> str:
    return "§" + s["id"].split(".")[1] if s["heading"][0].isdigit() else f"*{s['heading']}*"


def chapters_table(data) -> str:
    lines = ["## The chapters", "",
             "Times come from `workshop/schedule.toml` (the same source as the workshop plans).", "",
             "| | notebook | what you will be able to do | self-paced | workshop (core path) |",
             "|---|---|---|---|---|"]
    for ch in data["chapter"]:
        if ch["id"] == "00":
            name = "`00_start_here` (this one)"
        else:
            name = f"[`{ch['notebook']}`]({ch['notebook']}.ipynb)"
        core = minutes([s for s in ch["sections"] if s["core"]])
        lines.append(f"| {int(ch['id'])} | {name} | {'; '.join(ch['objectives'])} | {ch['self_paced']} min | "
                     f"{minutes(ch['sections'])} min ({core} min) |")
    return "\n".join(lines)


def page_markdown(data) -> str:
    """The site's schedule page: the episode frame of every chapter, then both plans."""
    out = ["# Schedule", "",
           "Every time below comes from `workshop/schedule.toml`, the one source the chapters and the "
           "instructor's plans are generated from.", ""]
    for ch in data["chapter"]:
        out += [f"## Chapter {int(ch['id'])}: `{ch['notebook']}`", "",
                f"**Questions.** {' '.join(ch['questions'])}", "",
                "**Objectives.** " + "; ".join(ch["objectives"]) + ".", "",
                "**Key points.** " + "; ".join(ch["keypoints"]) + ".", "",
                chapter_time_line(ch), ""]
    for plan in data["plan"]:
        out += [f"## The {plan['name']} plan", "", plan_markdown(data, plan), ""]
    return "\n".join(out)


# --------------------------------------------------------------------------------------------- writing
def _notebook(ch) -> Path:
    return NOTEBOOKS / f"{ch['notebook']}.ipynb"


def _schedule_cell(nb):
    return next((c for c in nb.cells if TAG in c.get("metadata", {}).get("tags", [])), None)


def _strip_time_paragraph(source: str) -> str:
    paragraphs = re.split(r"(\n\s*\n)", source)
    kept = [p for p in paragraphs if not re.match(r"^\s*\*\*Time", p)]
    return re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip("\n")


def apply_to_notebook(data, ch, path: Path) -> bool:
    """Write the chapter's generated cell; returns whether the notebook changed."""
    nb = nbformat.read(path, as_version=4)
    before = nbformat.writes(nb)
    text = chapters_table(data) if ch["id"] == "00" else chapter_time_line(ch)
    cell = _schedule_cell(nb)
    if cell is None and ch["id"] == "00":
        cell = next((c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## The chapters")),
                    None)
    if cell is None:
        cell = nbformat.v4.new_markdown_cell(text)
        cell.id = "course-schedule"  # fixed: a re-run finds it by its tag and leaves the file as it was
        cell.metadata["slideshow"] = {"slide_type": "-"}
        position = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"
                         and re.search(r"^\*\*Time", c.source, flags=re.M)), 0)
        nb.cells.insert(position + 1, cell)
    cell.source = text
    cell.metadata.setdefault("tags", [])
    if TAG not in cell.metadata["tags"]:
        cell.metadata["tags"].append(TAG)
    for other in nb.cells:
        if other is not cell and other.cell_type == "markdown" and re.search(r"^\s*\*\*Time", other.source, re.M):
            other.source = _strip_time_paragraph(other.source)
    changed = nbformat.writes(nb) != before
    if changed:
        nbformat.write(nb, path)
    return changed


def apply_to_instructors(data, path: Path = INSTRUCTORS) -> bool:
    text = path.read_text(encoding="utf-8")
    new = text
    for plan in data["plan"]:
        block = f"<!-- schedule:{plan['name']} -->\n{plan_markdown(data, plan)}\n<!-- /schedule:{plan['name']} -->"
        pattern = re.compile(rf"<!-- schedule:{plan['name']} -->.*?<!-- /schedule:{plan['name']} -->", re.S)
        if not pattern.search(new):
            raise ValueError(f"{path.name} has no <!-- schedule:{plan['name']} --> markers")
        new = pattern.sub(lambda m: block, new)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


# ---------------------------------------------------------------------------------------------- checks
def notebook_sections(path: Path) -> list:
    """(H2 heading text, exercise labels under it) for every H2 of the notebook."""
    nb = nbformat.read(path, as_version=4)
    out = []
    for c in nb.cells:
        if c.cell_type != "markdown":
            continue
        for line in c.source.splitlines():
            m = re.match(r"^##\s+(.*)$", line)
            if m:
                out.append([m.group(1).strip(), []])
            m = re.match(r"^#{3,4}\s+Exercise\s+([\d.]+)", line)
            if m and out:
                out[-1][1].append(m.group(1).rstrip("."))
    return out


def chapter_problems(data, ch, path: Path) -> list:
    problems = []
    found = notebook_sections(path)
    numbered = [h for h, _ in found if re.match(r"^\d+\.", h)]
    for sec in ch["sections"]:
        match = [(h, ex) for h, ex in found if h.startswith(sec["heading"])]
        if not match:
            problems.append(f"{path.name}: no '## {sec['heading']}' heading for section {sec['id']}")
            continue
        for e in sec["exercises"]:
            if e not in match[0][1]:
                problems.append(f"{path.name}: exercise {e} is not under '## {match[0][0]}' (it has {match[0][1]})")
    planned = {s["heading"] for s in ch["sections"]}
    for h in numbered:
        if not any(h.startswith(p) for p in planned):
            problems.append(f"{path.name}: section '## {h}' has no time in schedule.toml")
    nb = nbformat.read(path, as_version=4)
    cell = _schedule_cell(nb)
    want = chapters_table(data) if ch["id"] == "00" else chapter_time_line(ch)
    if cell is None or cell.source != want:
        problems.append(f"{path.name}: its schedule cell differs from schedule.toml: run `make schedule`")
    for c in nb.cells:
        if c is not cell and c.cell_type == "markdown" and re.search(r"^\s*\*\*Time", c.source, re.M):
            problems.append(f"{path.name}: a '**Time' paragraph outside the schedule cell: run `make schedule`")
    return problems


def plan_problems(data, plan) -> list:
    problems, secs = [], sections(data)
    rows = plan_rows(data, plan)
    order = [i for r in rows for i in r.section_ids]
    seen = set()
    for i in order:
        if i in seen:
            problems.append(f"{plan['name']}: section {i} is taught twice")
        for need in secs[i]["needs"]:
            if need not in seen:
                problems.append(f"{plan['name']}: section {i} needs {need}, which the plan does not teach before it")
        seen.add(i)
    exercises = [(secs[i]["chapter"], e) for i in order for e in secs[i]["exercises"]]
    if len(exercises) != len(set(exercises)):
        problems.append(f"{plan['name']}: an exercise is counted twice")
    run = 0
    for r in rows:
        if r.kind in ("break", "lunch"):
            run = 0
            continue
        run += r.end - r.start
        if run > data["max_block_minutes"]:
            problems.append(f"{plan['name']}: {run} minutes without a break at {_clock(plan['start'], r.end)}")
    if rows[0].kind != "setup" or rows[0].end - rows[0].start < 15:
        problems.append(f"{plan['name']}: starts without a setup block of at least 15 minutes")
    if plan["name"] == "full-day":
        core = [s["id"] for ch in data["chapter"] if ch["id"] != "06" for s in ch["sections"] if s["core"]]
        missing = [i for i in core if i not in seen]
        if missing:
            problems.append(f"full-day: core sections not taught: {missing}")
    return problems


def deck_problems(data) -> list:
    from workshop.decks import DECKS, parse_deck

    problems = []
    for ch in data["chapter"]:
        deck = DECKS / f"{ch['notebook']}.md"
        if not deck.exists():
            problems.append(f"no deck workshop/decks/{deck.name} for chapter {ch['id']}")
            continue
        d = parse_deck(deck)
        if d.minutes != minutes(ch["sections"]):
            problems.append(f"{deck.name}: slide times add up to {d.minutes:g} min, schedule.toml gives the chapter "
                            f"{minutes(ch['sections'])} min")
    return problems


def problems(data=None, instructors: Path = INSTRUCTORS) -> list:
    data = data or load()
    out = []
    for ch in data["chapter"]:
        path = _notebook(ch)
        if path.exists():
            out += chapter_problems(data, ch, path)
    listed = {ch["notebook"] for ch in data["chapter"]}
    out += [f"{p.name} has no entry in schedule.toml" for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")
            if p.stem not in listed]
    for plan in data["plan"]:
        out += plan_problems(data, plan)
        block = f"<!-- schedule:{plan['name']} -->\n{plan_markdown(data, plan)}\n<!-- /schedule:{plan['name']} -->"
        if block not in instructors.read_text(encoding="utf-8"):
            out.append(f"INSTRUCTORS.md: the {plan['name']} plan differs from schedule.toml: run `make schedule`")
    return out + deck_problems(data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list disagreements (exit 1 if any)")
    parser.add_argument("--notebooks", action="store_true", help="also rewrite the chapters' schedule cells")
    args = parser.parse_args(argv)
    data = load()
    if not args.check:
        if apply_to_instructors(data):
            print(f"wrote {INSTRUCTORS.relative_to(ROOT)}")
        if args.notebooks:
            for ch in data["chapter"]:
                path = _notebook(ch)
                if path.exists() and apply_to_notebook(data, ch, path):
                    print(f"wrote {path.relative_to(ROOT)}")
    found = problems(data)
    for p in found:
        print(f"disagreement: {p}")
    return 1 if (found and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
