// The webview page outside VS Code: the renderer's webview HTML with client/media/preview.css and
// preview.js, acquireVsCodeApi stubbed. Checks the page script (messages both ways, body swap keeping the
// scroll position, scroll sync) and takes a screenshot in VS Code's light, dark and high-contrast colours.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, guardedPage } from './browser.mjs';

/** VS Code's theme variables (Light Modern, Dark Modern, Dark High Contrast), as the workbench sets them on <html>. */
const THEMES = {
  light: {
    class: 'vscode-light',
    vars: {
      'editor-background': '#ffffff',
      'editor-foreground': '#3b3b3b',
      descriptionForeground: '#616161',
      'editorWidget-background': '#f8f8f8',
      'editorWidget-border': '#e5e5e5',
      'editorGroup-border': '#e5e5e5',
      'textLink-foreground': '#005fb8',
      errorForeground: '#f85149',
      'inputValidation-errorBackground': '#f2dede',
      'inputValidation-errorBorder': '#be1100',
      'editorWarning-foreground': '#895503',
      'inputValidation-warningBackground': '#f6f5d2',
      'inputValidation-warningBorder': '#b89500',
      'editorInfo-foreground': '#1a85ff',
      'inputValidation-infoBackground': '#d6ecf2',
      'inputValidation-infoBorder': '#007acc',
      'button-background': '#005fb8',
      'button-foreground': '#ffffff',
      'list-hoverBackground': '#f2f2f2',
      focusBorder: '#005fb8',
      'font-family': 'system-ui, "DejaVu Sans", sans-serif',
      'font-size': '13px',
    },
  },
  dark: {
    class: 'vscode-dark',
    vars: {
      'editor-background': '#1f1f1f',
      'editor-foreground': '#cccccc',
      descriptionForeground: '#9d9d9d',
      'editorWidget-background': '#202020',
      'editorWidget-border': '#313131',
      'editorGroup-border': '#2b2b2b',
      'textLink-foreground': '#4daafc',
      errorForeground: '#f85149',
      'inputValidation-errorBackground': '#5a1d1d',
      'inputValidation-errorBorder': '#be1100',
      'editorWarning-foreground': '#cca700',
      'inputValidation-warningBackground': '#352a05',
      'inputValidation-warningBorder': '#b89500',
      'editorInfo-foreground': '#3794ff',
      'inputValidation-infoBackground': '#063b49',
      'inputValidation-infoBorder': '#007acc',
      'button-background': '#0078d4',
      'button-foreground': '#ffffff',
      'list-hoverBackground': '#2a2d2e',
      focusBorder: '#0078d4',
      'font-family': 'system-ui, "DejaVu Sans", sans-serif',
      'font-size': '13px',
    },
  },
  'high-contrast': {
    class: 'vscode-high-contrast',
    vars: {
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      descriptionForeground: '#ffffff',
      'editorWidget-background': '#0c141f',
      'editorWidget-border': '#6fc3df',
      'editorGroup-border': '#6fc3df',
      'textLink-foreground': '#21a6ff',
      errorForeground: '#f48771',
      'inputValidation-errorBackground': '#000000',
      'inputValidation-errorBorder': '#6fc3df',
      'editorWarning-foreground': '#ffd700',
      'inputValidation-warningBackground': '#000000',
      'inputValidation-warningBorder': '#6fc3df',
      'editorInfo-foreground': '#3794ff',
      'inputValidation-infoBackground': '#000000',
      'inputValidation-infoBorder': '#6fc3df',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      'button-background': '#000000',
      'button-border': '#6fc3df',
      'button-foreground': '#ffffff',
      focusBorder: '#f38518',
      'font-family': 'system-ui, "DejaVu Sans", sans-serif',
      'font-size': '13px',
    },
  },
};

/** Stands in for VS Code's webview API: what the page posts is kept in window.__posted. */
const STUB = () => {
  window.__posted = [];
  let state;
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.__posted.push(m),
    getState: () => state,
    setState: (s) => {
      state = s;
    },
  });
};

/**
 * `render` is the compiled renderer (out/shared/render/render.js); `models` the test models
 * (out/test/unit/preview/models.js). Each step is run through `test(name, fn)`.
 */
export async function webviewSuite(test, browser, { root, artifacts, render, models }) {
  const media = (name) => pathToFileURL(join(root, 'client', 'media', name)).href;
  const file = join(artifacts, 'webview.html');
  const model = models.plainModel({ systemicRisk: true });
  writeFileSync(
    file,
    render.renderPreviewHtml(model, {
      mode: 'webview',
      nonce: 'n0nce',
      cspSource: 'file:',
      styleUri: media('preview.css'),
      scriptUri: media('preview.js'),
    }),
  );
  const url = pathToFileURL(file).href;
  const { page, problems, close } = await guardedPage(browser, {
    allowed: [url, media('preview.css'), media('preview.js')],
    viewport: { width: 1000, height: 900 },
    initScript: STUB,
  });
  const posted = () => page.evaluate(() => window.__posted.splice(0));
  const topOf = (id) =>
    page.evaluate((i) => document.querySelector(`[data-item-id="${i}"]`).getBoundingClientRect().top, id);
  try {
    await page.goto(url, { waitUntil: 'load' });

    await test('webview: the page script loads under the nonce CSP and says it is ready', async () => {
      check(problems.length === 0, 'the page misbehaved', problems);
      const messages = await posted();
      check(
        messages.some((m) => m.type === 'ready'),
        'no ready message',
        messages,
      );
    });

    await test('webview: a click on an item asks to reveal it; "Add…" asks for its quick-fix; the selector posts the audience', async () => {
      await page.click('[data-item-id="form/2.1"] th.label');
      await page.click('[data-item-id="form/1.3"] [data-action="quick-fix"]');
      await page.selectOption('#audience', 'downstream');
      const messages = await posted();
      check(
        JSON.stringify(
          messages
            .map((m) =>
              m.type === 'reveal' || m.type === 'quickFix'
                ? `${m.type}:${m.id}`
                : m.type === 'audience'
                  ? `audience:${m.audience}`
                  : m.type,
            )
            .filter((t) => t !== 'revealLine'),
        ) === JSON.stringify(['reveal:form/2.1', 'quickFix:form/1.3', 'audience:downstream']),
        'messages',
        messages,
      );
    });

    await test('webview: an update swaps the body without reloading and keeps the item at the top where it was', async () => {
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      await page.evaluate(() => document.querySelector('[data-item-id="form/5.1"]').scrollIntoView());
      await page.waitForTimeout(50);
      const before = await topOf('form/5.1');
      const longer = {
        ...model,
        sections: model.sections.map((s) => ({
          ...s,
          items: s.items.map((i) =>
            i.id === 'form/1.1'
              ? {
                  ...i,
                  value: {
                    kind: 'text',
                    paragraphs: Array(12).fill('A longer answer, added above the item at the top.'),
                  },
                }
              : i,
          ),
        })),
      };
      const html = render.renderPreviewBody(longer, { mode: 'webview' });
      await page.evaluate(
        ([h, uri]) => window.postMessage({ type: 'update', uri, audience: 'all', html: h }, '*'),
        [html, model.uri],
      );
      await page.waitForFunction(() => document.body.innerText.includes('A longer answer'));
      const after = await topOf('form/5.1');
      check(await page.evaluate(() => window.__sameDocument === true), 'the page reloaded');
      check(Math.abs(after - before) <= 2, 'the scroll position moved', { before, after });
      check(problems.length === 0, 'the page misbehaved', problems);
    });

    await test("webview: the editor's scrolling moves the preview, and the preview's scrolling is reported", async () => {
      const line = await page.evaluate(() =>
        Number(document.querySelector('[data-item-id="form/7.1"]').getAttribute('data-line')),
      );
      await page.evaluate((l) => window.postMessage({ type: 'scrollToLine', line: l }, '*'), line);
      await page.waitForTimeout(100);
      const top = await topOf('form/7.1');
      const bar = await page.evaluate(() => document.querySelector('.toolbar').getBoundingClientRect().height);
      check(Math.abs(top - bar) <= 8, 'form 7.1 is not at the top', { top, bar });
      await posted();
      await page.waitForTimeout(250);
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(150);
      const messages = await posted();
      check(
        messages.some((m) => m.type === 'revealLine' && typeof m.line === 'number' && m.line > line),
        'no revealLine after scrolling',
        messages,
      );
    });

    for (const [name, theme] of Object.entries(THEMES)) {
      await test(`webview: ${name} theme (screenshot webview-${name}.png)`, async () => {
        await page.evaluate((t) => {
          document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast');
          document.body.classList.add(t.class);
          for (const [k, v] of Object.entries(t.vars)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
          window.scrollTo(0, 0);
        }, theme);
        await page.waitForTimeout(50);
        await page.screenshot({ path: join(artifacts, `webview-${name}.png`) });
        const colours = await page.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          fg: getComputedStyle(document.body).color,
        }));
        check(colours.bg !== colours.fg, 'no contrast', colours);
      });
    }
    check(problems.length === 0, 'the page misbehaved', problems);
  } finally {
    await close();
  }
}
