"""Walk every slide of a reveal.js deck in Chromium and report what does not fit (used by test_decks.py).

Per slide, after MathJax has typeset: any heading, paragraph, list item, image, table, formula or code
block whose box leaves the slide's canvas (the ``.slides`` element, scaled by reveal.js to the window);
any code block that scrolls horizontally or is cut vertically; any image that did not load; body text
under 24 px or code under 18 px (canvas pixels: the deck canvas is 1280×720).
"""
from __future__ import annotations

SLIDE_PROBLEMS = """() => {
  const slide = Reveal.getCurrentSlide();
  const box = document.querySelector('.reveal .slides').getBoundingClientRect();
  const scale = Reveal.getScale();
  const out = [];
  const label = el => (el.getAttribute('alt') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50);
  const sel = 'h1,h2,h3,p,li,img,pre,table,.MathJax_CHTML,.MathJax_Display,.demo,.columns';
  for (const el of slide.querySelectorAll(sel)) {
    if (el.closest('aside.notes')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const over = Math.max(r.bottom - box.bottom, r.right - box.right, box.left - r.left, box.top - r.top);
    if (over > 1) out.push(`${el.tagName.toLowerCase()} "${label(el)}" is ${Math.round(over / scale)} px outside the slide`);
  }
  for (const c of slide.querySelectorAll('pre, pre code')) {
    if (c.scrollWidth > c.clientWidth + 1) out.push(`code "${label(c)}" scrolls horizontally (${c.scrollWidth} > ${c.clientWidth} px)`);
    if (c.scrollHeight > c.clientHeight + 1) out.push(`code "${label(c)}" is cut at the bottom`);
  }
  for (const img of slide.querySelectorAll('img')) {
    if (!(img.complete && img.naturalWidth > 0)) out.push(`image ${img.getAttribute('src')} did not load`);
    if (!(img.getAttribute('alt') || '').trim()) out.push(`image ${img.getAttribute('src')} has no alt text`);
  }
  for (const el of slide.querySelectorAll('p, li, td, th')) {
    if (el.closest('aside.notes') || el.closest('pre')) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 24) out.push(`text "${label(el)}" at ${px} px`);
  }
  for (const el of slide.querySelectorAll('pre code')) {
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 18) out.push(`code "${label(el)}" at ${px} px`);
  }
  return out;
}"""


def walk_deck(page, url: str, screenshot_dir=None, timeout_ms: int = 30000) -> list:
    """Open ``url`` and visit every slide; returns one list of problems per slide (in order)."""
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=timeout_ms)
    page.wait_for_function("() => window.courseMathDone === true", timeout=timeout_ms)
    page.evaluate("() => Reveal.layout()")
    n = page.evaluate("() => Reveal.getSlides().length")
    report = []
    for i in range(n):
        page.evaluate("i => { const s = Reveal.getSlides()[i]; const ix = Reveal.getIndices(s); Reveal.slide(ix.h, ix.v); }", i)
        page.wait_for_timeout(30)
        report.append(page.evaluate(SLIDE_PROBLEMS))
        if screenshot_dir is not None:
            page.screenshot(path=str(screenshot_dir / f"slide{i + 1:02d}.png"))
    return report
