"""Time every widget demo's update (solve + redraw to PNG), headlessly, as a learner would move its controls.

Goal (issue 21): every demo's median kernel update under 50 ms on the course's 2-core reference machine, so
that key press → new frame in the browser (benchmarks/browser_latency.py) stays under 100 ms at load <= 2.
The machine is shared: the load average is printed beside the numbers; read them with it.
Run: ``.venv/bin/python benchmarks/widgets.py`` (or ``make bench``).
"""
import os
import sys
import time

import course_lib as cl
from course_lib.widgets.sweep import summarise, time_demo

GOAL_MS = 50.0


def main(repeats=3):
    demos = cl.widgets.load_all()
    print(f"{'demo':34s} {'build ms':>9s} {'updates':>8s} {'median ms':>10s} {'worst ms':>9s}  goal < {GOAL_MS:.0f} ms")
    slow = []
    for name in sorted(demos):
        start = time.perf_counter()
        demo = demos[name]()
        build = 1000 * (time.perf_counter() - start)
        time_demo(demo)  # warm-up: first calls may compile or fill caches
        stats = summarise(time_demo(demo, repeats=repeats))
        flag = "" if stats["median_ms"] < GOAL_MS else "  <-- over goal"
        if stats["median_ms"] >= GOAL_MS:
            slow.append(name)
        print(f"{name:34s} {build:9.1f} {stats['n']:8d} {stats['median_ms']:10.1f} {stats['worst_ms']:9.1f}"
              f"  load {os.getloadavg()[0]:.1f}{flag}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
