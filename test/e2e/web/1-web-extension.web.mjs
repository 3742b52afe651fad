// The web extension in VS Code for the Web: the language server in a Web Worker checks, hovers and previews a
// file of the mounted folder, and the Workspace view lists the folder's files, all read through
// vscode.workspace.fs; the folder's .gpai-docs.json sets the severities.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT, REMOVED, sectionHeading } from '../fixtures.mjs';
import { closeAllEditors, exportForm, goToText } from '../steps.mjs';

/** Opens a file by clicking it in the Explorer (Quick Open's file search is slow to index a mounted folder). */
async function openFromExplorer(wb, name) {
  await wb.openView('Explorer');
  await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await wb.page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: 20000 });
  await wb.editor.locator('.view-lines .view-line').first().waitFor({ timeout: 20000 });
}

describe('the web extension in VS Code for the Web', function () {
  it('opens a .gpai.yaml as GPAI YAML, with its coverage in the status bar', async function () {
    const { wb } = this.e2e;
    await openFromExplorer(wb, DRAFT);
    assert.equal(await wb.languageMode({ expect: 'GPAI YAML' }), 'GPAI YAML');
    const status = wb.page.locator('.statusbar-item', { hasText: /^GPAI · / }).first();
    await status.waitFor({ timeout: 60000 });
    assert.match(await status.innerText(), /^GPAI · no systemic risk · \d+ %$/);
    await wb.screenshot('web-01-language-and-status-bar');
  });

  it('reports the missing answers as errors, as the folder’s .gpai-docs.json says', async function () {
    const { wb } = this.e2e;
    const rows = await wb.waitForProblems(
      (r) => Object.values(REMOVED).every((key) => r.some((t) => t.includes(key))),
      60000,
    );
    assert.ok(
      rows.some((t) => /Release date/.test(t)),
      rows.join('\n'),
    );
    // The status bar counts 2 errors and no warnings: missing.item is a warning unless the file says otherwise.
    const problems = wb.page.locator('#status\\.problems');
    await problems.filter({ hasText: /^\s*2\s+0\s*$/ }).waitFor({ timeout: 20000 });
    await wb.screenshot('web-02-problems-from-gpai-docs-json');
  });

  it('hovers a key with its form item and the Code measure', async function () {
    const { wb, workspace } = this.e2e;
    await goToText(wb, workspace, DRAFT, 'training_compute:');
    const text = await wb.hoverWord('training_compute:', 'training_compute', { expect: /Form 7\.4/, timeout: 30000 });
    assert.match(text, /Drawing up and keeping up-to-date model documentation/);
    await wb.screenshot('web-03-hover', { settleMs: 300 }); // the hover fades in
    await wb.dismiss();
  });

  it('previews the file as the Model Documentation Form', async function () {
    const { wb } = this.e2e;
    await wb.runCommand('GPAI Docs: Open Preview to the Side');
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'Model Documentation Form' }).waitFor({ timeout: 30000 });
    const headings = (await frame.locator('h2').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
    assert.ok(headings.includes(sectionHeading(7)), JSON.stringify(headings));
    await wb.screenshot('web-04-preview', { settleMs: 300 });
  });

  it('lists the folder’s files with their coverage in the Workspace view', async function () {
    const { wb } = this.e2e;
    await wb.openView('GPAI Code of Practice');
    const rows = await wb.treeRows({ hasText: /halcyon-xl\.gpai\.yaml/, timeout: 30000 });
    const files = rows.map((r) => r.text).filter((t) => /\.gpai\.yaml/.test(t));
    assert.ok(
      files.some((t) => /^halcyon-xl\.gpai\.yaml\s*systemic risk · \d+ %/.test(t)),
      files.join('\n'),
    );
    assert.ok(
      files.some((t) => t.startsWith(DRAFT)),
      files.join('\n'),
    );
    await wb.screenshot('web-05-workspace-view');
  });

  it('exports Markdown to exports/ of the folder and opens it in the Markdown preview', async function () {
    const { wb } = this.e2e;
    await closeAllEditors(wb); // the preview below is then the only webview
    await openFromExplorer(wb, DRAFT);
    const toast = await exportForm(wb, {
      audience: 'Downstream providers',
      format: 'Markdown',
      beforeSave: async () => {
        await wb.page.waitForFunction(
          () => document.querySelector('.quick-input-widget input.input')?.value === '/exports/e2e-draft.downstream.md',
          undefined,
          { timeout: 10000 },
        );
      },
    });
    await toast.locator('.monaco-button', { hasText: 'Open Preview' }).click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Preview e2e-draft.downstream.md' }).waitFor();
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'Model Documentation Form' }).waitFor({ timeout: 20000 });
    // Two animation frames inside the preview: it has painted before the screenshot.
    await frame
      .locator('body')
      .evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await wb.screenshot('web-06-export-markdown-preview', { settleMs: 300 });
    // The export is in the folder's exports/ (in the browser's memory: the mounted folder is not written to).
    await wb.openView('Explorer');
    const rows = wb.page.locator('.explorer-folders-view .monaco-list-row');
    const folder = rows.filter({ hasText: /^\s*exports\s*$/ }).first();
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await rows.filter({ hasText: 'e2e-draft.downstream.md' }).waitFor({ timeout: 20000 });
    await wb.screenshot('web-07-export-in-explorer');
  });
});
