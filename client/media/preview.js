// The preview webview's page script. It swaps in the body the extension renders (already escaped by
// renderPreviewBody), keeps the scroll position, follows the editor's scrolling and reports clicks,
// quick-fix requests, the audience choice, the "Changes since" toggle and its own scrolling. No eval, no
// inline handlers, and no markup of its own built from strings: the toggle's words are set as text.
/* global acquireVsCodeApi */
(function () {
  'use strict';

  const vscode = acquireVsCodeApi();
  const main = document.getElementById('preview');
  const select = document.getElementById('audience');
  const changes = document.getElementById('changes');
  const changesLabel = document.getElementById('changes-label');
  /** Programmatic scrolls (editor -> preview) must not echo back as preview -> editor scrolls. */
  let quietUntil = 0;
  let scrollFrame = 0;

  const saved = vscode.getState() || {};
  const state = {
    uri: document.body.dataset.uri,
    audience: document.body.dataset.audience,
    changes: !!(changes && changes.checked),
    scrollY: 0,
  };
  if (saved.uri === state.uri)
    Object.assign(state, {
      audience: saved.audience || state.audience,
      changes: typeof saved.changes === 'boolean' ? saved.changes : state.changes,
      scrollY: saved.scrollY || 0,
    });
  vscode.setState(state);

  function save(changes) {
    Object.assign(state, changes);
    vscode.setState(state);
  }

  function toolbarHeight() {
    const bar = document.querySelector('.toolbar');
    return bar ? bar.getBoundingClientRect().height : 0;
  }

  /** The first item at the top of the view and how far below the toolbar it starts: to keep it in place. */
  function anchor() {
    const top = toolbarHeight();
    for (const el of main.querySelectorAll('[data-item-id]')) {
      const rect = el.getBoundingClientRect();
      if (rect.bottom > top) return { id: el.getAttribute('data-item-id'), offset: rect.top };
    }
    return undefined;
  }

  function restoreAnchor(kept) {
    if (!kept) return;
    const el = main.querySelector(`[data-item-id="${CSS.escape(kept.id)}"]`);
    if (!el) return;
    quietUntil = Date.now() + 150;
    window.scrollBy(0, el.getBoundingClientRect().top - kept.offset);
  }

  /** The toolbar's toggle as the extension says: on or off, available or not, its label and tooltip. */
  function updateToggle(toggle) {
    if (!changes || !toggle || typeof toggle !== 'object') return;
    changes.checked = !!toggle.on;
    changes.disabled = !toggle.available;
    if (changesLabel && typeof toggle.label === 'string') changesLabel.textContent = toggle.label;
    const wrapper = changes.closest('label');
    if (wrapper && typeof toggle.title === 'string') wrapper.title = toggle.title;
    document.body.classList.toggle('shows-changes', !!toggle.on && !!toggle.available);
    save({ changes: !!toggle.on });
  }

  function update(message) {
    const sameDocument = message.uri === state.uri;
    const kept = sameDocument ? anchor() : undefined;
    // The renderer's output: every value in it is escaped (client/src/preview/render.ts).
    main.innerHTML = message.html;
    document.body.dataset.uri = message.uri;
    document.body.dataset.audience = message.audience;
    if (select) select.value = message.audience;
    updateToggle(message.toggle);
    if (!sameDocument) {
      quietUntil = Date.now() + 150;
      window.scrollTo(0, message.scrollY || 0);
    } else {
      restoreAnchor(kept);
    }
    save({ uri: message.uri, audience: message.audience, scrollY: window.scrollY });
  }

  /** Scroll so that the item nearest above `line` in the editor is at the top of the preview. */
  function scrollToLine(line) {
    let best;
    let bestLine = -1;
    for (const el of main.querySelectorAll('[data-line]')) {
      const l = Number(el.getAttribute('data-line'));
      if (l <= line && l > bestLine) {
        best = el;
        bestLine = l;
      }
    }
    quietUntil = Date.now() + 150;
    if (!best) {
      window.scrollTo(0, 0);
      return;
    }
    window.scrollBy(0, best.getBoundingClientRect().top - toolbarHeight() - 4);
  }

  /** A changed row (or section) named in the banner: scrolled to under the toolbar, and selected. */
  function goTo(id) {
    if (!id) return;
    const el = main.querySelector(`[data-item-id="${CSS.escape(id)}"]`) || document.getElementById(id);
    if (!el) return;
    for (const selected of main.querySelectorAll('.item.selected')) selected.classList.remove('selected');
    if (el.classList.contains('item')) el.classList.add('selected');
    window.scrollBy(0, el.getBoundingClientRect().top - toolbarHeight() - 8);
  }

  /** The editor line of the first item visible under the toolbar. */
  function topLine() {
    const top = toolbarHeight();
    for (const el of main.querySelectorAll('[data-line]')) {
      if (el.getBoundingClientRect().bottom > top) return Number(el.getAttribute('data-line'));
    }
    return undefined;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'update' && typeof message.html === 'string') update(message);
    else if (message.type === 'scrollToLine' && typeof message.line === 'number') scrollToLine(message.line);
  });

  window.addEventListener(
    'scroll',
    () => {
      if (scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        save({ scrollY: window.scrollY });
        if (Date.now() < quietUntil) return;
        const line = topLine();
        if (line !== undefined) vscode.postMessage({ type: 'revealLine', line });
      });
    },
    { passive: true },
  );

  main.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || target.closest('a')) return;
    if (target.closest('[data-action="export-changes"]')) {
      vscode.postMessage({ type: 'exportChanges' });
      return;
    }
    const go = target.closest('[data-action="go"]');
    if (go) {
      goTo(go.getAttribute('data-go'));
      return;
    }
    const item = target.closest('[data-item-id]');
    if (!item) return;
    const id = item.getAttribute('data-item-id');
    if (target.closest('[data-action="quick-fix"]')) {
      vscode.postMessage({ type: 'quickFix', id });
      return;
    }
    // Selecting text to copy it is not a click on the item.
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    for (const el of main.querySelectorAll('.item.selected')) el.classList.remove('selected');
    item.classList.add('selected');
    vscode.postMessage({ type: 'reveal', id });
  });

  if (select) {
    select.addEventListener('change', () => {
      save({ audience: select.value });
      vscode.postMessage({ type: 'audience', audience: select.value });
    });
  }

  if (changes) {
    changes.addEventListener('change', () => {
      save({ changes: changes.checked });
      vscode.postMessage({ type: 'changes', on: changes.checked });
    });
  }

  if (state.scrollY) {
    quietUntil = Date.now() + 150;
    window.scrollTo(0, state.scrollY);
  }
  vscode.postMessage({ type: 'ready', audience: state.audience });
})();
