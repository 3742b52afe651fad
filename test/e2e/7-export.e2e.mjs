// The export: a save dialog that starts in exports/ of the workspace folder, and an "Open Preview" that shows
// the export in the editor (Markdown preview, or the page in a webview), never an external browser.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { DRAFT } from './fixtures.mjs';
import { closeAllEditors, exportForm } from './steps.mjs';

describe('export', function () {
  it('writes the downstream Markdown to exports/ and opens it in the Markdown preview', async function () {
    const { wb, workspace } = this.e2e;
    await closeAllEditors(wb); // the previews below are then the only webviews
    await wb.openFile(DRAFT, { timeout: 30000 });
    let asked = false;
    const toast = await exportForm(wb, {
      audience: 'Downstream providers',
      format: 'Markdown',
      onDraft: async (dialog) => {
        asked = true;
        // The draft question names what is open: the missing item the downstream providers receive.
        assert.match(await dialog.innerText(), /Every page will be marked DRAFT/);
        await wb.screenshot('16a-export-draft-question');
      },
      beforeSave: async (input) => {
        const expected = path.join(workspace, 'exports', 'e2e-draft.downstream.md');
        // The dialog fills in the folder first, then the name.
        await wb.page.waitForFunction(
          (value) => document.querySelector('.quick-input-widget input.input')?.value === value,
          expected,
          { timeout: 10000 },
        );
        assert.equal(await input.inputValue(), expected);
        await wb.screenshot('16b-export-save-dialog');
      },
    });
    assert.ok(asked, 'an export with an item missing for downstream providers asks before it writes a draft');
    assert.match(await toast.innerText(), /e2e-draft\.downstream\.md/);
    await wb.screenshot('17-export-done');
    await toast.locator('.monaco-button', { hasText: 'Open Preview' }).click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'Preview e2e-draft.downstream.md' }).waitFor();
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'Model Documentation Form' }).waitFor({ timeout: 20000 });
    assert.equal(await wb.page.locator('iframe.webview').count(), 1, 'the Markdown preview is the only webview');
    const text = fs.readFileSync(path.join(workspace, 'exports', 'e2e-draft.downstream.md'), 'utf8');
    assert.match(text, /^# Model Documentation Form/m);
    await wb.screenshot('18-export-markdown-preview', { settleMs: 300 });
  });

  it('writes an HTML page, shows it in a preview of its own and reveals it in the Explorer', async function () {
    const { wb, workspace } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    const page = path.join(workspace, 'exports', 'e2e-draft.all.html');
    let toast = await exportForm(wb, { audience: 'All recipients', format: 'HTML' });
    await toast.locator('.monaco-button', { hasText: 'Open Preview' }).click();
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'e2e-draft.all.html' }).waitFor();
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'Model Documentation Form' }).waitFor({ timeout: 20000 });
    assert.ok(fs.existsSync(page));
    await wb.screenshot('19-export-html-preview', { settleMs: 300 });
    // Another audience, then "Reveal in Explorer".
    await wb.openFile(DRAFT, { timeout: 30000 });
    toast = await exportForm(wb, { audience: 'AI Office', format: 'HTML' });
    await toast.locator('.monaco-button', { hasText: 'Reveal in Explorer' }).click();
    await wb.page
      .locator('.explorer-folders-view .monaco-list-row.selected', { hasText: 'e2e-draft.ai-office.html' })
      .waitFor({ timeout: 20000 });
    await wb.screenshot('20-export-revealed');
  });
});
