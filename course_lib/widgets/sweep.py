"""Drive demos headlessly: the control values a learner would try, and the timing of each update.

Used by ``benchmarks/widgets.py`` (speed) and ``tests/test_demos.py`` (every control of every demo works).
"""
from __future__ import annotations

import statistics

import ipywidgets as widgets
import numpy as np


def control_values(control, n=5):
    """Up to ``n`` representative values for one control, ending back at its current value."""
    current = control.value
    if isinstance(control, widgets.FloatLogSlider):
        values = list(control.base ** np.linspace(control.min, control.max, n))
    elif isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        raw = np.linspace(control.min, control.max, n)
        step = control.step or 1
        values = [type(current)(control.min + round((v - control.min) / step) * step) for v in raw]
    elif isinstance(control, (widgets.Checkbox, widgets.ToggleButton)):
        values = [not current]
    elif hasattr(control, "options"):  # Dropdown, ToggleButtons, RadioButtons, SelectionSlider
        opts = control.options
        values = [o[1] if isinstance(o, tuple) else o for o in (opts.items() if isinstance(opts, dict) else opts)]
    else:
        return []
    return [v for v in values if v != current] + [current]


def demo_updates(demo):
    """The list of ``update(**values)`` calls to exercise: the demo's own, or each control swept in turn."""
    if hasattr(demo, "benchmark_updates"):
        return list(demo.benchmark_updates())
    return [{name: value} for name, control in demo.control_widgets.items() for value in control_values(control)]


def time_demo(demo, repeats=1):
    """Run every update ``repeats`` times; return the list of seconds per update."""
    times = []
    for _ in range(repeats):
        for values in demo_updates(demo):
            times.append(demo.update(**values))
    return times


def summarise(times):
    return {"n": len(times), "median_ms": 1000 * statistics.median(times), "worst_ms": 1000 * max(times)}
