"""The axe-core scan of the browser tests: vendored axe.min.js (npm, sha512-checked by workshop/vendor.py),
injected into the page, run with its default WCAG 2 A/AA rules.  Serious and critical violations fail;
every page's counts by impact go to artifacts/axe_counts.json and the full results to artifacts/axe/."""
from __future__ import annotations

import json
import sys
import threading

from browser_lab import ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from workshop import vendor  # noqa: E402

FAILING = ("serious", "critical")
_LOCK = threading.Lock()


def axe_results(page) -> dict:
    page.add_script_tag(path=str(vendor.axe_script()))
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return {violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5), count: v.nodes.length}))};
    }""")


def axe_scan(page, artifacts_dir, name: str) -> list:
    """Run axe on the loaded page; record the counts; return the serious/critical violations as text."""
    results = axe_results(page)
    folder = artifacts_dir / "axe"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(results, indent=1))
    counts = {impact: sum(v["count"] for v in results["violations"] if v["impact"] == impact)
              for impact in ("minor", "moderate", "serious", "critical")}
    with _LOCK:
        path = artifacts_dir / "axe_counts.json"
        table = json.loads(path.read_text()) if path.exists() else {}
        table[name] = counts
        path.write_text(json.dumps(table, indent=1, sort_keys=True))
    return [f"{v['impact']} {v['id']} ({v['help']}) on {v['count']} nodes, e.g. {v['nodes'][:2]}"
            for v in results["violations"] if v["impact"] in FAILING]
