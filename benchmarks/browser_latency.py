"""Key press → redrawn demo, measured in a real browser (JupyterLab in headless Chromium), per demo.

The browser tests (`make test-browser`) press an arrow key on each demo's first slider several times and time,
in the page (``performance.now()``), from the keydown to the moment the demo's new image has loaded (or, for a
demo whose picture did not change, its readout text changed).  They write ``artifacts/browser_report.json``;
this script summarises it: median and worst per demo, goal under 150 ms end to end.

    .venv/bin/python benchmarks/browser_latency.py              # summarise the last `make test-browser`
    .venv/bin/python benchmarks/browser_latency.py --run        # measure now (JupyterLab + chromium), then summarise
    .venv/bin/python benchmarks/browser_latency.py --run --presses 11 --notebook 03_l1_norm_lasso.ipynb
    ... --markdown                                              # the table as Markdown (benchmarks/RESULTS_browser.md)
    ... --strict                                                # exit 1 when a median is over the goal

Without a report and without ``--run`` it says how to get one and exits 0 (so `make bench` works without a
browser).  The machine is shared: the report records the load average, read the numbers with it.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "artifacts" / "browser_report.json"
GOAL_MS = 150.0


def measure(notebooks, presses, report_path: Path) -> Path:
    """Run the browser check on the notebooks (all of notebooks/ by default) and write the report."""
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    from playwright.sync_api import sync_playwright

    from browser_check import check_notebook, write_report
    from browser_lab import VIEWPORT, LabServer, launch_chromium

    names = notebooks or sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    reports = []
    with tempfile.TemporaryDirectory(prefix="browser-latency-") as tmp, \
            LabServer(ROOT / "notebooks", Path(tmp)) as lab, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for name in names:
            context = browser.new_context(viewport=VIEWPORT)
            report = check_notebook(context, lab, name, presses=presses,
                                    screenshot_dir=report_path.parent / "screenshots")
            context.close()
            reports.append(report)
            print(f"measured {name}: {'ok' if report.ok else 'PROBLEMS'} {report.timings}", file=sys.stderr)
            for problem in report.problems:
                print(f"  - {problem}", file=sys.stderr)
        browser.close()
    return write_report(reports, report_path)


def rows(report: dict):
    for nb in report["notebooks"]:
        for demo in nb["demos"]:
            lat = demo["latencies_ms"]
            yield {"notebook": nb["notebook"], "demo": demo["name"], "control": demo["control"], "n": len(lat),
                   "median": statistics.median(lat) if lat else None, "worst": max(lat) if lat else None,
                   "src_median": statistics.median(demo["src_ms"]) if demo.get("src_ms") else None,
                   "kernel_median": statistics.median(demo["kernel_ms"]) if demo.get("kernel_ms") else None,
                   "overhead_median": (statistics.median(a - b for a, b in zip(lat, demo["kernel_ms"]))
                                       if lat and len(demo.get("kernel_ms") or []) == len(lat) else None),
                   "load": nb["timings_s"].get("load_avg_1min_at_start")}


def fmt(x):
    return "—" if x is None else f"{x:.0f}"


def summarise(report: dict, markdown: bool) -> list:
    over = []
    table = list(rows(report))
    if markdown:
        print(f"Measured {report['created']} on {report['machine']['cpus']} cores, {report['machine']['platform']}, "
              f"{report['machine']['chromium']}.\n")
        print("| notebook | demo | control moved | presses timed | median ms | worst ms | median ms to new src | "
              "kernel update ms (median) | browser + wire ms (median) | load (1 min) |")
        print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    else:
        print(f"{'demo':28s} {'control':30s} {'n':>3s} {'median ms':>10s} {'worst ms':>9s} {'src ms':>7s} "
              f"{'kernel':>7s} {'b+wire':>7s} {'load':>5s}  goal < {GOAL_MS:.0f} ms")
    for r in table:
        flag = "" if r["median"] is not None and r["median"] < GOAL_MS else "  <-- over goal"
        if flag:
            over.append(r["demo"])
        if markdown:
            print(f"| {r['notebook']} | `{r['demo']}` | {r['control']} | {r['n']} | {fmt(r['median'])} | "
                  f"{fmt(r['worst'])} | {fmt(r['src_median'])} | {fmt(r['kernel_median'])} | {fmt(r['overhead_median'])} | "
                  f"{r['load'] if r['load'] is not None else '—'} |")
        else:
            load = "—" if r["load"] is None else f"{r['load']:.1f}"
            print(f"{r['demo']:28s} {r['control'][:30]:30s} {r['n']:3d} {fmt(r['median']):>10s} "
                  f"{fmt(r['worst']):>9s} {fmt(r['src_median']):>7s} {fmt(r['kernel_median']):>7s} {fmt(r['overhead_median']):>7s} {load:>5s}{flag}")
    if table:
        all_lat = [x for nb in report["notebooks"] for d in nb["demos"] for x in d["latencies_ms"]]
        print(("\n" if markdown else "") + f"All presses: median {statistics.median(all_lat):.0f} ms over "
              f"{len(all_lat)} presses, {len(table)} demos.")
    print("\n| notebook | open s | Run All s | interact s | total s | ok |\n|---|---:|---:|---:|---:|---|"
          if markdown else f"\n{'notebook':40s} {'open s':>7s} {'run s':>7s} {'act s':>6s} {'total s':>8s}")
    for nb in report["notebooks"]:
        t = nb["timings_s"]
        cells = [t.get("open_s"), t.get("run_all_s"), t.get("interact_s"), t.get("total_s")]
        if markdown:
            print(f"| {nb['notebook']} | " + " | ".join("—" if c is None else f"{c:.1f}" for c in cells) +
                  f" | {'yes' if nb['ok'] else 'NO'} |")
        else:
            print(f"{nb['notebook']:40s} " + " ".join("     —" if c is None else f"{c:7.1f}" for c in cells) +
                  ("" if nb["ok"] else "  PROBLEMS"))
    return over


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--run", action="store_true", help="measure now instead of reading the last report")
    parser.add_argument("--presses", type=int, default=9, help="key presses per demo with --run")
    parser.add_argument("--notebook", action="append", help="with --run: only this notebook (repeatable)")
    parser.add_argument("--report", type=Path, default=REPORT)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a demo's median is over the goal")
    args = parser.parse_args(argv)
    if args.run:
        measure(args.notebook, args.presses, args.report)
    if not args.report.exists():
        print(f"no browser report at {args.report}: run `make test-browser` first, or this script with --run")
        return 0
    over = summarise(json.loads(args.report.read_text()), args.markdown)
    return 1 if (args.strict and over) else 0


if __name__ == "__main__":
    sys.exit(main())
