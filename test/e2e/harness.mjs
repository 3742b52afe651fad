// Playwright helpers over a running VS Code web workbench (code-server), driven with Debian's
// chromium through playwright-core. Every helper waits on the DOM with a deadline and throws
// an Error whose first line says what was not found. Selectors are those of VS Code 1.139.
//
// In a mocha file:
//   before(async function () { this.timeout(120e3); server = await startCodeServer(...);
//     wb = await launchBrowser(); await wb.openWorkbench(server.url); });
//   afterEach(async function () { if (this.currentTest.state === 'failed') await wb.screenshot(this.currentTest.title); });
//   after(async () => { await wb?.close(); await server?.stop(); });
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS_DIR = path.resolve(process.env.E2E_ARTIFACTS || path.join(REPO_ROOT, 'test-artifacts/e2e'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
// Noise of the workbench itself, not of the extension under test: vsda is Microsoft's closed-source
// signing module, absent from OSS builds such as code-server; the account service waits 5 s for the
// built-in GitHub authentication extension, which a loaded machine may not activate in time.
const BENIGN_URL = /\/node_modules\/vsda\//;
const BENIGN_CONSOLE = /authentication provider 'github'/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squash = (s) =>
  s
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const firstLine = (e) => String(e?.message ?? e).split('\n')[0];

/**
 * Resolves with `read()` once `accept` takes it, re-reading on each DOM change under `watched`
 * (at least every second); throws `describe(lastValue)` after `timeout` ms.
 */
async function pollDom(watched, read, accept, timeout, describe) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(describe(value));
    await watched.evaluate(
      (el, capMs) =>
        new Promise((resolve) => {
          const done = () => {
            observer.disconnect();
            clearTimeout(timer);
            resolve();
          };
          const observer = new MutationObserver(done);
          const timer = setTimeout(done, capMs);
          observer.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
        }),
      Math.min(1000, left),
    );
  }
}

/** Runs `fn`; on failure rethrows as `what: <first line of the cause>`. */
async function step(what, fn) {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${what}: ${firstLine(e)}`, { cause: e });
  }
}

/**
 * Starts headless chromium with a throwaway profile. Resolves to a Workbench.
 * Options: viewport ({ width, height }), artifactsDir.
 */
export async function launchBrowser({ viewport = { width: 1600, height: 1000 }, artifactsDir = ARTIFACTS_DIR } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run scripts/vscode/install.sh`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gpai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return new Workbench(context, page, profile, artifactsDir);
}

export class Workbench {
  /** Console errors and uncaught page errors, first line each (the workbench's known noise left out). */
  consoleErrors = [];
  /** http(s)/ws(s) requests to anything but loopback; should stay empty. */
  foreignRequests = [];
  /** Responses with status >= 400 and failed requests, as `<status|FAILED> <url>`. */
  failedRequests = [];

  constructor(context, page, profile, artifactsDir) {
    Object.assign(this, { context, page, profile, artifactsDir });
    context.on('request', (r) => {
      const u = new URL(r.url());
      // `*.localhost` is loopback too (RFC 6761): VS Code for the Web loads webviews from `<uuid>.localhost`.
      if (/^(https?|wss?):$/.test(u.protocol) && !LOOPBACK.has(u.hostname) && !u.hostname.endsWith('.localhost'))
        this.foreignRequests.push(r.url().slice(0, 200));
    });
    context.on('response', (r) => {
      if (r.status() >= 400 && !BENIGN_URL.test(r.url()))
        this.failedRequests.push(`${r.status()} ${r.url().slice(0, 200)}`);
    });
    context.on('requestfailed', (r) => {
      if (!BENIGN_URL.test(r.url())) this.failedRequests.push(`FAILED ${r.url().slice(0, 200)}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !BENIGN_URL.test(m.location()?.url ?? '') && !BENIGN_CONSOLE.test(m.text()))
        this.consoleErrors.push(m.text().split('\n')[0].slice(0, 300));
    });
    page.on('pageerror', (e) => this.consoleErrors.push(firstLine(e).slice(0, 300)));
  }

  /** The editor of the active editor group. */
  get editor() {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /**
   * Opens `url`, adding `?folder=<folder>` when a folder is given, and resolves once the
   * explorer shows the folder's files (or `expectFile` among them). Returns the load time in ms.
   */
  async openWorkbench(url, folder, { expectFile, timeout = 60000 } = {}) {
    const started = Date.now();
    const target = new URL(url);
    if (folder) target.searchParams.set('folder', path.resolve(folder));
    await step(`workbench at ${target.href} did not load`, async () => {
      await this.page.goto(target.href, { waitUntil: 'domcontentloaded', timeout });
      await this.page.locator('.monaco-workbench').waitFor({ timeout });
      await this.page
        .locator('.explorer-folders-view .monaco-list-row', expectFile ? { hasText: expectFile } : {})
        .first()
        .waitFor({ timeout });
    });
    return Date.now() - started;
  }

  /** Opens the Quick Open (`key` Control+P) or the command palette (Control+Shift+P); returns its input. */
  async quickInput(key, timeout = 10000) {
    const input = this.page.locator('.quick-input-widget input.input');
    for (let attempt = 0; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: 'visible', timeout: attempt ? timeout : 2000 });
        return input;
      } catch (e) {
        if (attempt) throw new Error(`${key} opened no quick input: ${firstLine(e)}`, { cause: e });
        // Focus was somewhere that swallows keys (a webview, the body): give it to the workbench.
        await this.page.keyboard.press('Escape');
        await this.page.locator('.part.editor').click();
      }
    }
  }

  /**
   * Opens a workspace file by name through Quick Open; resolves when its editor shows text. A file written a
   * moment ago may not be in the list Quick Open made when it opened ("No matching results"): it is closed and
   * asked again, which searches the folder again, until the timeout.
   */
  async openFile(name, { timeout = 15000 } = {}) {
    await step(`could not open ${name}`, async () => {
      const deadline = Date.now() + timeout;
      const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
      for (;;) {
        const input = await this.quickInput('Control+P', timeout);
        await input.fill(name);
        try {
          await row.waitFor({ timeout: Math.max(1000, Math.min(5000, deadline - Date.now())) });
          break;
        } catch (e) {
          if (Date.now() >= deadline) throw e;
          await this.page.keyboard.press('Escape');
          await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
          await this.page.waitForTimeout(500);
        }
      }
      await row.click(); // not Enter: the highlighted row may be another file whose name contains `name`
      await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout });
      await this.editor.locator('.view-lines .view-line').first().waitFor({ timeout });
    });
  }

  /** The status bar's language mode (the language's first alias); waits until it equals `expect` if given. */
  async languageMode({ expect, timeout = 20000 } = {}) {
    const mode = this.page.locator('#status\\.editor\\.mode');
    return step(`language mode${expect ? ` "${expect}"` : ''} not shown`, async () => {
      await (expect ? mode.filter({ hasText: new RegExp(`^\\s*${esc(expect)}\\s*$`) }) : mode).waitFor({ timeout });
      return squash(await mode.innerText());
    });
  }

  /**
   * Opens the Problems panel and resolves with its row texts once `predicate(rows)` is true.
   * Rows are file rows and marker rows as displayed (message, source, code, position).
   */
  async waitForProblems(predicate = (rows) => rows.length > 0, timeout = 20000) {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await step('Problems panel did not open', () => panel.waitFor({ state: 'visible', timeout: 10000 }));
    }
    const rows = panel.locator('.monaco-list-row');
    return pollDom(
      panel,
      async () => (await rows.allInnerTexts()).map(squash),
      predicate,
      timeout,
      (texts) => `Problems panel never matched within ${timeout} ms; rows: ${JSON.stringify(texts).slice(0, 500)}`,
    );
  }

  /**
   * Tokens of the first rendered editor line containing `lineText`, as { text, cls } (monaco's
   * `mtkN` theme classes), once the line shows at least `minClasses` distinct classes: syntax
   * highlighting arrives asynchronously after the text is shown.
   */
  async lineTokens(lineText, { minClasses = 2, timeout = 15000 } = {}) {
    const line = this.editor.locator('.view-line', { hasText: lineText }).first();
    return step(`line "${lineText}" not highlighted`, async () => {
      await line.waitFor({ timeout });
      const classes = (tokens) => new Set(tokens.filter((t) => t.text.trim()).map((t) => t.cls)).size;
      return pollDom(
        line,
        () =>
          line.evaluate((el) =>
            [...el.querySelectorAll('span > span')].map((t) => ({
              text: t.textContent.replace(/\u00a0/g, ' '),
              cls: t.className,
            })),
          ),
        (tokens) => classes(tokens) >= minClasses,
        timeout,
        (tokens) => `${classes(tokens)} token class(es) after ${timeout} ms: ${JSON.stringify(tokens).slice(0, 300)}`,
      );
    });
  }

  /** Viewport centre of `word` in the first rendered editor line containing `lineText`, or null. */
  async wordPoint(lineText, word) {
    // Lines may render as one span (no grammar) or many: measure the text with a DOM Range.
    return this.editor.evaluate(
      (ed, [lineText, word]) => {
        for (const line of ed.querySelectorAll('.view-line')) {
          if (!line.textContent.replace(/\u00a0/g, ' ').includes(lineText)) continue;
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let n; (n = walker.nextNode());) {
            const i = n.textContent.replace(/\u00a0/g, ' ').indexOf(word);
            if (i < 0) continue;
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + word.length);
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
        }
        return null;
      },
      [lineText, word],
    );
  }

  /**
   * Hovers `word` on the editor line containing `lineText` and returns the hover's text.
   * With `expect` (string or RegExp) waits until the hover contains it: hovers from several
   * providers merge into one box and the language server's may arrive later.
   */
  async hoverWord(lineText, word, { expect, timeout = 15000, attempts = 5 } = {}) {
    return step(`hover over "${word}" in "${lineText}"`, async () => {
      await this.editor.locator('.view-line', { hasText: lineText }).first().waitFor({ timeout });
      const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ visible: true }).first();
      const wanted =
        expect === undefined ? hover : this.page.locator('.monaco-hover:not(.hidden)', { hasText: expect }).first();
      const perTry = Math.max(1000, Math.floor(timeout / attempts));
      for (let i = 0; ; i++) {
        // Measured on each attempt: the editor may have scrolled since (a panel opened, a reveal finished).
        const pt = await this.wordPoint(lineText, word);
        if (!pt) throw new Error('word not visible in the editor');
        // Monaco shows hovers on real mousemove events over the text: leave, then approach.
        await this.page.mouse.move(pt.x - 40, pt.y + 40);
        await this.page.mouse.move(pt.x, pt.y, { steps: 4 });
        try {
          await wanted.waitFor({ state: 'visible', timeout: perTry });
          return squash(await wanted.innerText());
        } catch (e) {
          if (i + 1 >= attempts) {
            const seen = (await hover.isVisible()) ? squash(await hover.innerText()).slice(0, 200) : 'no hover';
            throw new Error(`${firstLine(e)}; last hover: ${seen}`, { cause: e });
          }
        }
      }
    });
  }

  /** Closes hovers and widgets: moves the mouse away and presses Escape. */
  async dismiss() {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
  }

  /** Runs a command from the palette by its full displayed title (`Category: Title`). */
  async runCommand(title, { timeout = 10000 } = {}) {
    await step(`command "${title}" not run`, async () => {
      const input = await this.quickInput('Control+Shift+P', timeout);
      await input.fill(`>${title}`); // fill replaces the palette's own '>'
      const row = this.page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${esc(title)}\\s*$`) }) })
        .first();
      await row.waitFor({ timeout });
      await row.click();
      await input.waitFor({ state: 'hidden', timeout });
    });
  }

  /** Shows the activity bar view container whose title starts with `containerTitle`. */
  async openView(containerTitle, { timeout = 15000 } = {}) {
    await step(`view container "${containerTitle}" not shown`, async () => {
      const item = this.page
        .locator('.part.activitybar .action-item')
        .filter({ has: this.page.locator(`.action-label[aria-label^="${containerTitle.replace(/"/g, '\\"')}"]`) })
        .first();
      await item.waitFor({ timeout });
      // Clicking the active container would hide the side bar.
      const active =
        /\bchecked\b/.test((await item.getAttribute('class')) ?? '') &&
        (await this.page.locator('.part.sidebar').isVisible());
      if (!active) await item.click();
      await this.page.locator('.part.sidebar .pane-body').first().waitFor({ state: 'visible', timeout });
    });
  }

  /**
   * Rows of the trees in the side bar as { text, level } (level 1 = root), once at least
   * `minRows` rows (or one containing `hasText`) are rendered. Only rendered rows are listed.
   */
  async treeRows({ hasText, minRows = 1, timeout = 15000 } = {}) {
    const rows = this.page.locator('.part.sidebar .pane-body .monaco-list-row');
    return step('side bar tree rows not shown', async () => {
      if (hasText !== undefined) await rows.filter({ hasText }).first().waitFor({ timeout });
      else if (minRows > 0) await rows.nth(minRows - 1).waitFor({ timeout });
      return rows.evaluateAll((els) =>
        els.map((el) => ({
          text: el.innerText.replace(/\s+/g, ' ').trim(),
          level: Number(el.getAttribute('aria-level') ?? 1),
        })),
      );
    });
  }

  /** The content frame of the last-opened webview (the extension's HTML). */
  async webviewFrame({ timeout = 20000 } = {}) {
    const outer = this.page.locator('iframe.webview.ready').last();
    await step('no webview became ready', () => outer.waitFor({ state: 'attached', timeout }));
    return outer.contentFrame().locator('#active-frame').contentFrame();
  }

  /**
   * Saves a PNG of the page as `<artifactsDir>/<name>.png` and returns its path.
   * `settleMs` gives the compositor time to paint a just-changed webview; only for screenshots.
   */
  async screenshot(name, { settleMs = 0 } = {}) {
    fs.mkdirSync(this.artifactsDir, { recursive: true });
    const file = path.join(this.artifactsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 100)}.png`);
    if (settleMs) await this.page.waitForTimeout(settleMs);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Closes the browser and deletes its profile. Safe to call twice. */
  async close() {
    await this.context.close().catch(() => {});
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Named steps timed for the runners' closing table: `timed(name, fn)` runs fn and records how long it took. */
export function stepTimer() {
  const timings = [];
  const timed = async (name, fn) => {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      timings.push([name, Date.now() - started]);
    }
  };
  return { timings, timed };
}
