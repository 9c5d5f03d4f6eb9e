/* The course site: table of contents with the current section highlighted, search (lunr over an inline
   index, so it works from file:// too), alt text for demo pictures, heading anchors. */
(function () {
  const main = document.getElementById('content');
  // Heading anchors: nbconvert gives headings ids; show a visible, labelled link on each.
  main.querySelectorAll('h2[id], h3[id]').forEach(h => {
    let a = h.querySelector('a.anchor-link');
    if (!a) { a = document.createElement('a'); a.className = 'anchor-link'; a.href = '#' + h.id; a.textContent = '¶'; h.appendChild(a); }
    a.setAttribute('aria-label', 'Link to this section: ' + h.textContent.replace('¶', '').trim());
  });
  // Table of contents.
  const toc = document.querySelector('.course-toc ol');
  const heads = Array.from(main.querySelectorAll('h2[id]'));
  if (toc) {
    heads.forEach(h => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + h.id;
      a.textContent = h.textContent.replace('¶', '').trim();
      li.appendChild(a); toc.appendChild(li);
    });
    if (!heads.length) toc.parentElement.hidden = true;
    const links = Array.from(toc.querySelectorAll('a'));
    const mark = () => {
      let current = 0;
      heads.forEach((h, i) => { if (h.getBoundingClientRect().top < 120) current = i; });
      links.forEach((a, i) => { if (i === current) a.setAttribute('aria-current', 'location'); else a.removeAttribute('aria-current'); });
    };
    document.addEventListener('scroll', mark, {passive: true}); mark();
  }
  // Demo pictures rendered by the widget manager: a text alternative from the demo's description,
  // unless the demo set one itself.
  const label = () => document.querySelectorAll('.course-demo').forEach(box => {
    box.querySelectorAll('img').forEach(img => {
      if (!(img.getAttribute('alt') || '').trim()) img.setAttribute('alt', 'Still frame of the ' + box.dataset.courseAlt.replace(/^Interactive demo/, 'demo'));
    });
  });
  // Widget controls: an accessible name from the widget's visible label; code blocks reachable by keyboard.
  const controls = () => {
    main.querySelectorAll('[role="slider"]:not([aria-label]), .widget-dropdown select:not([aria-label]), .widget-toggle-buttons button:not([aria-label])').forEach(el => {
      const box = el.closest('.widget-inline-hbox, .widget-hbox, .jupyter-widgets');
      const text = box && box.querySelector('.widget-label');
      el.setAttribute('aria-label', (text && text.textContent.trim()) || el.textContent.trim() || 'demo control');
    });
  };
  main.querySelectorAll('pre').forEach(pre => { if (!pre.hasAttribute('tabindex')) pre.setAttribute('tabindex', '0'); });
  const both = () => { label(); controls(); };
  both(); new MutationObserver(both).observe(main, {subtree: true, childList: true});
  // Search.
  const input = document.getElementById('course-search');
  const results = document.getElementById('course-search-results');
  if (!input || !window.COURSE_SEARCH || !window.lunr) return;
  let index = null;
  const docs = window.COURSE_SEARCH;
  const build = () => index || (index = lunr(function () {
    this.ref('i'); this.field('title', {boost: 10}); this.field('page', {boost: 3}); this.field('text');
    docs.forEach((d, i) => this.add({i: String(i), title: d.title, page: d.page, text: d.text},
                                    {boost: /^\d\d_/.test(d.url) ? 3 : 1}));  // chapters before take-home pages
  }));
  const run = () => {
    const q = input.value.trim();
    results.innerHTML = '';
    if (q.length < 2) { results.hidden = true; return; }
    let hits = [];
    try { hits = build().search(q); } catch (e) { hits = build().search(q.replace(/[:~^+\-*]/g, ' ')); }
    if (!hits.length) { try { hits = build().search(q.split(/\s+/).map(w => w + '*').join(' ')); } catch (e) {} }
    hits.slice(0, 8).forEach(h => {
      const d = docs[+h.ref];
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = d.url; a.textContent = d.title;
      const span = document.createElement('span'); span.textContent = ' — ' + d.page;
      li.appendChild(a); li.appendChild(span); results.appendChild(li);
    });
    if (!hits.length) { const li = document.createElement('li'); li.textContent = 'No section matches.'; results.appendChild(li); }
    results.hidden = false;
  };
  input.addEventListener('input', run);
  input.addEventListener('keydown', e => { if (e.key === 'Enter') { const a = results.querySelector('a'); if (a) window.location.href = a.href; } });
})();
