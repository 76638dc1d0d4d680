/* global document, window, NodeFilter */
/*
 * Helpers evaluated inside the code-server page (added with page.addInitScript). They read what the
 * workbench rendered: the text of editor lines, where a phrase is drawn, and which squiggles
 * (diagnostic underlines) lie under it. Plain JavaScript because they run in the browser.
 */
(() => {
  const norm = (s) => (s || '').replace(/\u00a0/g, ' ');
  const rectOf = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });

  /** Rendered lines of text editors in the editor area, in visual order. */
  function lines() {
    const out = [];
    for (const editor of document.querySelectorAll('.part.editor .monaco-editor')) {
      if (editor.closest('.settings-editor')) continue; // the settings search box is an editor too
      const rendered = [...editor.querySelectorAll('.view-lines .view-line')];
      rendered.sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y);
      for (const l of rendered) out.push({ el: l, text: norm(l.textContent) });
    }
    return out;
  }

  /** The screen rectangle of `phrase` in the first rendered line that contains `lineContains` (which contains `phrase`). */
  function textRect(lineContains, phrase) {
    const line = lines().find((l) => l.text.includes(lineContains));
    if (!line) return null;
    const within = lineContains.indexOf(phrase);
    if (within < 0) throw new Error(`"${lineContains}" does not contain "${phrase}"`);
    const start = line.text.indexOf(lineContains) + within;
    const end = start + phrase.length;
    const walker = document.createTreeWalker(line.el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let pos = 0;
    let startSet = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent.length;
      if (!startSet && start < pos + len) {
        range.setStart(n, start - pos);
        startSet = true;
      }
      if (startSet && end <= pos + len) {
        range.setEnd(n, end - pos);
        return rectOf(range.getBoundingClientRect());
      }
      pos += len;
    }
    return null;
  }

  /** Squiggles drawn under a rectangle of text: their severities (error, warning, info, hint). */
  function squigglesOver(rect) {
    const found = [];
    for (const el of document.querySelectorAll('.part.editor .monaco-editor .view-overlays [class*="squiggly-"]')) {
      const m = /squiggly-(error|warning|info|hint)/.exec(el.className);
      if (!m) continue;
      const r = el.getBoundingClientRect();
      const overlapX = Math.min(r.x + r.width, rect.x + rect.width) - Math.max(r.x, rect.x);
      const overlapY = Math.min(r.y + r.height, rect.y + rect.height) - Math.max(r.y, rect.y);
      if (overlapX > 2 && overlapY > 2) found.push(m[1]);
    }
    return found;
  }

  /** Severities of squiggles under `phrase` on the line containing `lineContains`; null when the line is not rendered. */
  function squigglesUnder(lineContains, phrase) {
    const rect = textRect(lineContains, phrase);
    return rect ? squigglesOver(rect) : null;
  }

  /** The texts of rendered editor lines, in visual order. */
  function editorText() {
    return lines().map((l) => l.text);
  }

  window.__itilE2E = { textRect, squigglesOver, squigglesUnder, editorText };
})();
