"""Open one notebook in JupyterLab, run it like a learner, move every demo's control; report what went wrong.

``check_notebook(context, lab, relpath)`` returns a ``NotebookReport`` instead of asserting, so the
meta-tests can check that a broken demo or a missing widgets extension *is* reported, by name.
Every problem string starts with the notebook's name (and the demo's, when it is about a demo).
"""
from __future__ import annotations

import json
import os
import platform
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

IDLE_STATUS = re.compile(r"\(ipykernel\) \| Idle")
DEMO_TEXT = re.compile(r"^Interactive demo '([^']+)'")

KERNEL_READY_TIMEOUT_MS = 90_000
# Run All of a chapter takes ~20-90 s on a loaded 2-core machine; a hung notebook fails after this.
RUN_TIMEOUT_S = float(os.environ.get("COURSE_BROWSER_RUN_TIMEOUT", 420))
WIDGET_SETTLE_TIMEOUT_S = 30.0
CHANGE_TIMEOUT_MS = 10_000
PRESSES_PER_DEMO = 5  # the first or second must change the output; every press that does is timed

# Console messages of type "error" that say nothing about the course or the widgets, each with its reason.
# Nothing else is ignored: any other console error or uncaught exception fails the notebook.
LOCAL_URL = re.compile(r"^https?://(127\.0\.0\.1|localhost)(:\d+)?/")
BENIGN_CONSOLE = [
    (lambda text, url: "favicon" in url.lower() or "favicon" in text.lower(),
     "the browser asks for a favicon; no content of the course or its widgets"),
    (lambda text, url: text.startswith("Failed to load resource") and bool(url) and not LOCAL_URL.match(url),
     "a request leaving localhost (news feed, update check, fonts, telemetry) fails on a closed network; "
     "failed requests to the local Jupyter server are NOT ignored"),
]

# --------------------------------------------------------------------------------------- page scripts
JS_PROMPTS = """() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputPrompt'))
                  .map(e => e.textContent.trim())"""

JS_PAGE_PROBLEMS = r"""() => {
  const out = [];
  const cells = Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell'));
  cells.forEach((cell, i) => {
    const outputs = cell.querySelectorAll('.jp-OutputArea-output');
    outputs.forEach(o => {
      const mime = o.getAttribute('data-mime-type') || '';
      const text = (o.innerText || o.textContent || '').trim();
      const isErr = mime === 'application/vnd.jupyter.stderr';
      if (isErr && /Traceback|Error|Exception/.test(text)) out.push({cell: i, kind: 'error output', text});
      else if (isErr) out.push({cell: i, kind: 'stderr', text});
      else if ((o.classList.contains('jp-RenderedText') && /Traceback/.test(text)) ||
               /Traceback \(most recent call last\)/.test(text)) out.push({cell: i, kind: 'traceback', text});
      if (/Error displaying widget/.test(text)) out.push({cell: i, kind: 'widget error', text});
      if (/Loading widget\.\.\./.test(text)) out.push({cell: i, kind: 'widget loading', text});
      if (/Error in demo /.test(text)) out.push({cell: i, kind: 'demo error', text});
    });
  });
  return out;
}"""

JS_DEMOS = r"""() => Array.from(document.querySelectorAll('.jp-NotebookPanel .course-demo')).map(d => {
  const cell = d.closest('.jp-Cell');
  const cells = Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-Notebook .jp-Cell'));
  const name = Array.from(d.classList).filter(c => c.startsWith('course-demo-')).map(c => c.slice(12))[0] || '?';
  return {name, cell: cells.indexOf(cell),
          sliders: d.querySelectorAll('.widget-slider .noUi-handle').length,
          selects: d.querySelectorAll('.widget-dropdown select').length,
          toggles: d.querySelectorAll('.widget-toggle-button, .widget-toggle-buttons button, .widget-checkbox input').length,
          hasImage: !!d.querySelector('img'),
          imageOk: (() => { const i = d.querySelector('img');
                            return !!i && i.complete && i.naturalWidth > 0 && i.naturalHeight > 0; })(),
          error: Array.from(d.querySelectorAll(':scope > .widget-html')).map(e => e.textContent).join(' ')
                   .match(/Error in demo .*/)?.[0] || ''};
})"""

JS_DESCRIBE_OUTPUTS = r"""(cell) => {
  const outs = Array.from(cell.querySelectorAll('.jp-OutputArea-output'));
  if (!outs.length) return '(no output)';
  return outs.map(o => {
    const text = (o.innerText || '').trim().replace(/\s+/g, ' ');
    const imgs = o.querySelectorAll('img').length;
    return `[${o.getAttribute('data-mime-type') || 'no mime type'}] ` + (text ? `"${text.slice(0, 120)}"` : '') +
           (imgs ? ` ${imgs} image(s)` : '');
  }).join(' | ');
}"""

# Arm a probe on demo number `idx`: the time of the learner's input (key, change or click on a control of
# this demo, as the browser stamps the event) and the first moment its image has a new src and has loaded,
# or its text readout changed.  Set up before the input so nothing is missed.
JS_ARM_PROBE = r"""(idx) => {
  const demo = document.querySelectorAll('.jp-NotebookPanel .course-demo')[idx];
  const img = demo.querySelector('img');
  const readouts = () => Array.from(demo.querySelectorAll(':scope > .widget-html'))
                          .map(e => e.textContent).join('\n');
  const probe = {t0: null, tSrc: null, tLoad: null, tText: null, src0: img ? img.src : null,
                 text0: readouts(), done: false};
  if (window.__courseProbe) window.__courseProbe.disarm();
  const onInput = (ev) => { if (probe.t0 === null && demo.contains(ev.target)) probe.t0 = performance.now(); };
  const kinds = ['keydown', 'change', 'input', 'pointerdown'];
  kinds.forEach(k => window.addEventListener(k, onInput, true));
  const observers = [];
  if (img) {
    const mo = new MutationObserver(() => {
      if (probe.tSrc === null && img.src !== probe.src0) {
        probe.tSrc = performance.now();
        const loaded = () => { if (probe.tLoad === null) probe.tLoad = performance.now(); };
        if (img.complete && img.naturalWidth > 0 && img.currentSrc === img.src) loaded();
        img.addEventListener('load', loaded, {once: true});
        img.decode().then(loaded).catch(() => {});
      }
    });
    mo.observe(img, {attributes: true, attributeFilter: ['src']});
    observers.push(mo);
  }
  const mt = new MutationObserver(() => {
    if (probe.tText === null && readouts() !== probe.text0) probe.tText = performance.now();
  });
  demo.querySelectorAll(':scope > .widget-html').forEach(e =>
      mt.observe(e, {subtree: true, childList: true, characterData: true}));
  observers.push(mt);
  probe.disarm = () => { kinds.forEach(k => window.removeEventListener(k, onInput, true));
                         observers.forEach(o => o.disconnect()); };
  window.__courseProbe = probe;
  return {src0: probe.src0 ? probe.src0.slice(0, 60) : null, text0: probe.text0};
}"""

# Settled: the image has loaded its new src, or only the text changed and no image came for 400 ms.
JS_PROBE_SETTLED = r"""() => { const p = window.__courseProbe; if (!p) return false;
  if (p.tLoad !== null) return true;
  return p.tText !== null && p.tSrc === null && performance.now() - p.tText > 400; }"""

JS_PROBE_READ = r"""() => { const p = window.__courseProbe; if (!p) return null;
  const r = {t0: p.t0, tSrc: p.tSrc, tLoad: p.tLoad, tText: p.tText}; p.disarm(); window.__courseProbe = null;
  return r; }"""

# The widgets extension sends what a widget callback prints or raises in the kernel (no cell to show it in)
# to JupyterLab's Log Console; its status-bar item then shows a count.  A learner never sees these.
JS_LOG_COUNT = r"""() => { const e = document.querySelector('.jp-LogConsoleStatusItem');
  if (!e || e.classList.contains('lm-mod-hidden')) return 0;
  const n = parseInt(e.textContent.trim(), 10); return isNaN(n) ? 0 : n; }"""

JS_LOG_ENTRIES = r"""() => Array.from(document.querySelectorAll('.jp-LogConsolePanel .jp-OutputArea-output'))
                      .map(e => (e.innerText || '').trim()).filter(t => t)"""

JS_SLIDER_STATE = r"""(idx) => {
  const h = document.querySelectorAll('.jp-NotebookPanel .course-demo')[idx]
            .querySelector('.widget-slider .noUi-handle');
  const label = h.closest('.widget-slider').querySelector('.widget-label');
  return {now: parseFloat(h.getAttribute('aria-valuenow')), min: parseFloat(h.getAttribute('aria-valuemin')),
          max: parseFloat(h.getAttribute('aria-valuemax')), label: label ? label.textContent.trim() : ''};
}"""


# ------------------------------------------------------------------------------------------- results
@dataclass
class DemoResult:
    name: str
    cell: int
    control: str = ""
    latencies_ms: list = field(default_factory=list)   # key press -> new image loaded (or text changed)
    src_ms: list = field(default_factory=list)         # key press -> new image src set
    kernel_ms: list = field(default_factory=list)      # the kernel's own solve + PNG time for the same presses
    changed: bool = False


@dataclass
class NotebookReport:
    notebook: str
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    demos: list = field(default_factory=list)
    expected_demos: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)
    console_errors: list = field(default_factory=list)
    screenshot: str = ""
    log_console_needed: bool = False

    def fail(self, message, demo=None):
        prefix = f"{self.notebook}: demo '{demo}': " if demo else f"{self.notebook}: "
        self.problems.append(prefix + message)

    @property
    def ok(self) -> bool:
        return not self.problems

    def failure_message(self) -> str:
        lines = [f"{self.notebook}: {len(self.problems)} problem(s) in the browser:"]
        lines += [f"  - {p}" for p in self.problems]
        if self.screenshot:
            lines.append(f"  screenshot: {self.screenshot}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "ok": self.ok, "problems": self.problems, "notes": self.notes,
                "timings_s": self.timings, "screenshot": self.screenshot,
                "demos": [vars(d) for d in self.demos]}


def short(text: str, n=300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def is_benign(text: str, url: str = "") -> str | None:
    """The reason a console error is known noise, or None when it counts."""
    for matches, reason in BENIGN_CONSOLE:
        if matches(text, url or ""):
            return reason
    return None


# ------------------------------------------------------------------------------------------- steps
def run_menu_command(page, menu: str, command: str):
    """Click a top menu, then the item with this command id (Lumino puts data-command on menu items)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    item = page.locator(f'.lm-Menu-item[data-command="{command}"]').first
    item.wait_for(state="visible", timeout=10_000)
    if "lm-mod-disabled" in (item.get_attribute("class") or ""):
        page.keyboard.press("Escape")
        raise RuntimeError(f"menu command {command} is disabled")
    item.click()


def wait_kernel_idle(page, timeout_ms=KERNEL_READY_TIMEOUT_MS):
    page.locator(".jp-StatusBar-TextItem", has_text=IDLE_STATUS).first.wait_for(timeout=timeout_ms)


def kernel_is_idle(page) -> bool:
    return page.locator(".jp-StatusBar-TextItem", has_text=IDLE_STATUS).count() > 0


def run_looks_finished(page) -> bool:
    """No `[*]`, kernel idle, and every visible prompt numbered (or an error output stopped the run).

    Cells whose input is collapsed (solutions) show no prompt, so the saved file has the last word."""
    prompts = [p for p in page.evaluate(JS_PROMPTS) if p]
    if any("*" in p for p in prompts) or not kernel_is_idle(page):
        return False
    numbered = all(re.fullmatch(r"\[\d+\]:", p) for p in prompts)
    errored = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
    return bool(numbered or errored)


def save_and_read(page, lab, relpath: str) -> dict:
    """Save (File > Save) and read the notebook back through the contents API."""
    run_menu_command(page, "File", "docmanager:save")
    page.wait_for_function("() => !document.querySelector('.jp-NotebookPanel.jp-mod-dirty, "
                           ".lm-TabBar-tab.jp-mod-current.jp-mod-dirty')", timeout=20_000)
    return lab.notebook_model(relpath)


def unexecuted_code_cells(model: dict) -> list:
    return [i for i, c in enumerate(model["content"]["cells"])
            if c["cell_type"] == "code" and c.get("execution_count") is None and "".join(c["source"]).strip()]


def wait_run_finished(page, lab, relpath: str, timeout_s=RUN_TIMEOUT_S) -> dict:
    """Poll the page until the run looks finished twice in a row, then confirm from the saved notebook:
    every non-empty code cell has an execution count, or a cell raised (Run All stops there)."""
    deadline = time.monotonic() + timeout_s
    stable = 0
    while time.monotonic() < deadline:
        stable = stable + 1 if run_looks_finished(page) else 0
        if stable >= 2:
            model = save_and_read(page, lab, relpath)
            if not unexecuted_code_cells(model) or saved_errors(model):
                return model
            stable = 0
        time.sleep(0.25)
    prompts = page.evaluate(JS_PROMPTS)
    raise TimeoutError(f"Run All did not finish within {timeout_s:.0f} s; prompts: {prompts}")


def saved_demo_cells(model: dict) -> list:
    """(cell index, demo name) for every output the kernel displayed as a course demo, from the saved file."""
    found = []
    for i, cell in enumerate(model["content"]["cells"]):
        for out in cell.get("outputs", []):
            text = out.get("data", {}).get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            match = DEMO_TEXT.match(text)
            if match:
                found.append((i, match.group(1)))
    return found


def saved_errors(model: dict) -> list:
    errors = []
    for i, cell in enumerate(model["content"]["cells"]):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors.append((i, f"{out.get('ename')}: {out.get('evalue')}"))
    return errors


def cell_source(model: dict, index: int) -> str:
    src = model["content"]["cells"][index]["source"]
    return short("".join(src) if isinstance(src, list) else src, 80)


def wait_widgets_settled(page, expected: int, timeout_s=WIDGET_SETTLE_TIMEOUT_S):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        loading = page.get_by_text("Loading widget...").count()
        rendered = page.locator(".jp-NotebookPanel .course-demo").count()
        if not loading and rendered >= expected:
            return
        time.sleep(0.25)


def move_control(page, demo_locator, idx: int, info: dict, press: int):
    """Move the demo's first control like a learner; returns a description of what was done."""
    if info["sliders"]:
        state = page.evaluate(JS_SLIDER_STATE, idx)
        # the first press picks the side with more room; later presses keep going that way (and turn at the end)
        key = info.get("key") or ("ArrowRight" if state["max"] - state["now"] >= state["now"] - state["min"]
                                  else "ArrowLeft")
        if (key == "ArrowRight" and state["now"] >= state["max"]) or (key == "ArrowLeft" and state["now"] <= state["min"]):
            key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
        info["key"] = key
        handle = demo_locator.locator(".widget-slider .noUi-handle").first
        handle.focus()
        page.keyboard.press(key)
        return f"slider '{state['label']}' ({key})"
    if info["selects"]:
        select = demo_locator.locator(".widget-dropdown select").first
        options = select.locator("option").all_text_contents()
        current = select.evaluate("s => s.selectedIndex")
        target = (current + 1) % max(len(options), 1)
        select.select_option(index=target)
        return f"dropdown → '{options[target] if options else '?'}'"
    if info["toggles"]:
        toggle = demo_locator.locator(
            ".widget-toggle-button, .widget-toggle-buttons button:not(.mod-active), .widget-checkbox input").first
        toggle.click()
        return "toggle/checkbox click"
    return ""


def interact_with_demo(page, report: NotebookReport, idx: int, info: dict, presses=PRESSES_PER_DEMO):
    result = DemoResult(name=info["name"], cell=info["cell"])
    demo_locator = page.locator(".jp-NotebookPanel .course-demo").nth(idx)
    if not (info["sliders"] or info["selects"] or info["toggles"]):
        report.fail("has no slider, dropdown or toggle a learner could move", info["name"])
        return result
    demo_locator.scroll_into_view_if_needed()
    logged_before = page.evaluate(JS_LOG_COUNT)
    for press in range(presses):
        page.evaluate(JS_ARM_PROBE, idx)
        result.control = move_control(page, demo_locator, idx, info, press)
        try:
            page.wait_for_function(JS_PROBE_SETTLED, timeout=CHANGE_TIMEOUT_MS, polling="raf")
            settled = True
        except Exception:  # playwright TimeoutError
            settled = False
        probe = page.evaluate(JS_PROBE_READ) or {}
        if settled and probe.get("t0") is not None:
            end = probe["tLoad"] if probe.get("tLoad") is not None else probe["tText"]
            result.latencies_ms.append(round(end - probe["t0"], 1))
            if probe.get("tSrc") is not None:
                result.src_ms.append(round(probe["tSrc"] - probe["t0"], 1))
            result.changed = True
        elif not result.changed and (press == 1 or presses == 1):
            # one step may legitimately change nothing visible; two steps must
            why = "the input event never reached the demo" if probe.get("t0") is None else \
                "neither its image nor its readout changed"
            report.fail(f"moved {result.control or 'its control'}{' twice' if press else ''} but {why} within "
                        f"{CHANGE_TIMEOUT_MS / 1000:.0f} s", info["name"])
            break
        # let the kernel finish this update (the readout message follows the image) before the next press
        try:
            wait_kernel_idle(page, timeout_ms=CHANGE_TIMEOUT_MS)
        except Exception:
            pass
    logged = page.evaluate(JS_LOG_COUNT) - logged_before
    if logged > 0:
        report.fail(f"moving {result.control} made the kernel print or raise {logged} time(s) into JupyterLab's "
                    f"Log Console (output of the update callback, invisible to a learner)", info["name"])
        report.log_console_needed = True
    error = demo_locator.locator(":scope > .widget-html", has_text="Error in demo").all_text_contents()
    if error:
        report.fail(f"shows an error after moving {result.control}: {short(error[0])}", info["name"])
    return result


JS_NOTEBOOK_HEIGHT = """() => { const s = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer');
                               if (!s) return 0; s.scrollTop = 0; return s.scrollHeight; }"""


def read_log_console(page) -> list:
    """Open the Log Console (click its status-bar item) and return its entries' text."""
    try:
        page.locator(".jp-LogConsoleStatusItem").click(timeout=5_000)
        page.locator(".jp-LogConsolePanel").first.wait_for(timeout=5_000)
        page.wait_for_timeout(300)
        return page.evaluate(JS_LOG_ENTRIES) or ["(empty)"]
    except Exception as exc:
        return [f"(could not read it: {short(exc, 100)})"]


def screenshot_notebook(page, path: Path, max_height=16_000):
    """The whole notebook, not just the viewport: hide the file browser, grow the viewport to the height
    of the notebook, scroll to the top, take the picture, restore the viewport.  Chromium captures at most
    ~16k pixels, so a longer notebook is cut there (each demo also gets its own close-up)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    current_tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if current_tab.count():  # clicking the open side panel's tab collapses it: a wider notebook
        try:
            current_tab.first.click(timeout=2_000)
        except Exception:  # only cosmetic
            pass
    size = page.viewport_size
    height = page.evaluate(JS_NOTEBOOK_HEIGHT)
    page.set_viewport_size({"width": size["width"], "height": int(min(max(height + 150, size["height"]), max_height))})
    page.wait_for_timeout(400)
    page.evaluate(JS_NOTEBOOK_HEIGHT)  # back to the top after the relayout
    page.wait_for_timeout(100)
    page.screenshot(path=str(path), animations="disabled", caret="hide", scale="css")
    page.set_viewport_size(size)


KERNEL_TIMINGS_CODE = """
import gc as _gc, json as _json
from course_lib.widgets.demo import Demo as _Demo
print(_json.dumps([[_o.demo_name, [round(1000 * _t, 1) for _t in _o.timings]]
                   for _o in _gc.get_objects() if isinstance(_o, _Demo)]))
"""


def kernel_demo_timings(lab, timeout=20.0) -> dict:
    """Each demo's own update times (Demo.timings, ms), read from the running kernel through its connection
    file: on a shared machine the browser latency minus this is the part the browser and the wire add."""
    from jupyter_client import BlockingKernelClient

    kernels = lab.kernels()
    if len(kernels) != 1:
        return {}
    client = BlockingKernelClient(connection_file=str(lab.runtime_dir / f"kernel-{kernels[0]['id']}.json"))
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=timeout)
        chunks = []
        client.execute_interactive(KERNEL_TIMINGS_CODE, store_history=False, timeout=timeout,
                                   output_hook=lambda m: chunks.append(m["content"].get("text", ""))
                                   if m["msg_type"] == "stream" else None)
        found = {}
        for name, timings in json.loads("".join(chunks) or "[]"):
            found.setdefault(name, []).append(timings)
        return found
    finally:
        client.stop_channels()


# ------------------------------------------------------------------------------------------- the check
def check_notebook(context, lab, relpath: str, *, screenshot_dir: Path | None = None,
                   presses=PRESSES_PER_DEMO) -> NotebookReport:
    """Open, clear, Run All, check outputs and widgets, move each demo's control, screenshot."""
    name = Path(relpath).stem
    report = NotebookReport(notebook=Path(relpath).name)
    console = []
    page = context.new_page()
    page.on("console", lambda m: console.append((m.type, m.text, m.location.get("url", ""))))
    page.on("pageerror", lambda e: console.append(("pageerror", f"{e.name}: {e.message}\n{e.stack or ''}", "")))
    t_start = time.monotonic()
    if hasattr(os, "getloadavg"):  # the machine is shared: latencies mean little without the load
        report.timings["load_avg_1min_at_start"] = round(os.getloadavg()[0], 2)
    try:
        page.goto(lab.lab_url(relpath, f"t{uuid.uuid4().hex[:8]}"), wait_until="domcontentloaded")
        try:
            wait_kernel_idle(page)
        except Exception:
            report.fail(f"the kernel never reached '(ipykernel) | Idle' within {KERNEL_READY_TIMEOUT_MS // 1000} s")
            return report
        report.timings["open_s"] = round(time.monotonic() - t_start, 2)
        run_menu_command(page, "Edit", "editmenu:clear-all")
        t_run = time.monotonic()
        run_menu_command(page, "Run", "runmenu:run-all")
        try:
            model = wait_run_finished(page, lab, relpath)
        except TimeoutError as exc:
            report.fail(str(exc))
            model = save_and_read(page, lab, relpath)
        report.timings["run_all_s"] = round(time.monotonic() - t_run, 2)
        missing = unexecuted_code_cells(model)
        if missing and not saved_errors(model):
            report.fail(f"code cells {missing} were never executed by Run All")
        for cell, err in saved_errors(model):
            report.fail(f"cell {cell} (`{cell_source(model, cell)}`) raised {short(err)}")
        expected = saved_demo_cells(model)
        report.expected_demos = [n for _, n in expected]

        wait_widgets_settled(page, len(expected))
        report.timings["widgets_s"] = round(time.monotonic() - t_run, 2)
        for prob in page.evaluate(JS_PAGE_PROBLEMS):
            demo_here = [n for c, n in expected if c == prob["cell"]]
            where = f"cell {prob['cell']}"
            msg = {"error output": "shows an error output", "traceback": "shows a traceback",
                   "widget error": "shows 'Error displaying widget'",
                   "widget loading": "still shows 'Loading widget...' after the run settled",
                   "demo error": "shows a demo error", "stderr": "writes to stderr"}[prob["kind"]]
            text = f"{where} {msg}: {short(prob['text'])}"
            if prob["kind"] == "stderr":
                report.notes.append(f"{report.notebook}: {text}")
            else:
                report.fail(text, demo_here[0] if demo_here else None)

        demos = page.evaluate(JS_DEMOS)
        rendered = [d["name"] for d in demos]
        for cell, demo_name in expected:
            if not any(d["name"] == demo_name and d["cell"] == cell for d in demos):
                shown = page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").nth(cell).evaluate(JS_DESCRIBE_OUTPUTS)
                report.fail(f"displayed by cell {cell} (`{cell_source(model, cell)}`) did not render as a widget "
                            f"(`.course-demo-{demo_name}` missing); the output shows: {short(shown, 200)}",
                            demo_name)
        if len(rendered) != len(expected):
            report.fail(f"{len(expected)} demo(s) displayed by the kernel {report.expected_demos}, "
                        f"{len(rendered)} rendered in the page {rendered}")

        t_interact = time.monotonic()
        for idx, info in enumerate(demos):
            if info["error"]:
                report.fail(f"shows an error before any interaction: {short(info['error'])}", info["name"])
            if not info["imageOk"]:
                report.fail("its picture is missing or did not decode (no <img> with a size)", info["name"])
            report.demos.append(interact_with_demo(page, report, idx, info, presses=presses))
        report.timings["interact_s"] = round(time.monotonic() - t_interact, 2)
        if report.log_console_needed or page.evaluate(JS_LOG_COUNT):
            entries = [" ".join(e.split())[-250:] for e in read_log_console(page)[-3:]]  # tracebacks end well
            report.fail("JupyterLab's Log Console (last entries): " + " || ".join(entries))

        if screenshot_dir is not None:
            path = Path(screenshot_dir) / f"{name}.png"
            t_shot = time.monotonic()
            for idx, demo in enumerate(report.demos):  # each demo close up, as left after the key presses
                try:
                    page.locator(".jp-NotebookPanel .course-demo").nth(idx).screenshot(
                        path=str(Path(screenshot_dir) / f"{name}--{demo.name}.png"), animations="disabled",
                        timeout=10_000)
                except Exception as exc:  # only a picture
                    report.notes.append(f"{report.notebook}: no close-up of demo {demo.name}: {short(exc, 100)}")
            screenshot_notebook(page, path)
            report.screenshot = str(path)
            report.timings["screenshot_s"] = round(time.monotonic() - t_shot, 2)
        try:
            per_name = kernel_demo_timings(lab)
        except Exception as exc:  # only a measurement: never fail the check for it
            report.notes.append(f"{report.notebook}: could not read the demos' kernel timings: {short(exc)}")
            per_name = {}
        for demo in report.demos:
            instances = per_name.get(demo.name, [])
            if len(instances) == 1 and demo.latencies_ms:  # [0] is the first draw, then one per press
                demo.kernel_ms = instances[0][1:][-len(demo.latencies_ms):]
    except Exception as exc:  # a harness failure still names the notebook
        report.fail(f"browser check aborted: {type(exc).__name__}: {short(exc, 500)}")
    finally:
        report.timings["total_s"] = round(time.monotonic() - t_start, 2)
        seen = {}
        for kind, text, url in console:
            if kind not in ("error", "pageerror"):
                continue
            reason = is_benign(text, url)
            if reason:
                report.notes.append(f"{report.notebook}: ignored console error ({reason}): {short(text, 150)}")
                continue
            report.console_errors.append(text)
            key = (kind, text, url)
            seen[key] = seen.get(key, 0) + 1
        for (kind, text, url), count in seen.items():
            report.fail(f"JavaScript {'exception' if kind == 'pageerror' else 'console error'}"
                        f"{f' (x{count})' if count > 1 else ''}: {short(text, 400)}" + (f" (at {url})" if url else ""))
        t_close = time.monotonic()
        page.close()
        lab.shutdown_kernels()
        report.timings["close_s"] = round(time.monotonic() - t_close, 2)
    return report


def write_report(reports, path: Path):
    """artifacts/browser_report.json: what benchmarks/browser_latency.py summarises."""
    from browser_lab import CHROMIUM

    payload = {"created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
               "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                           "python": platform.python_version(), "chromium": CHROMIUM,
                           "load_avg_1min_at_end": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None},
               "notebooks": [r.as_dict() for r in reports]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False))
    return path
