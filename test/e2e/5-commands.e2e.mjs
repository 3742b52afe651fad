// The commands that ask: a new documentation file from the server's template, and "explain" at the cursor.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT } from './fixtures.mjs';
import { clickLine, goToText, pick, quickInputTitled, startCommand } from './steps.mjs';

describe('commands', function () {
  it('creates a documentation file for the kind of model chosen', async function () {
    const { wb } = this.e2e;
    await startCommand(wb, 'GPAI Docs: New Documentation File…');
    await quickInputTitled(wb, 'New GPAI Documentation File (1/7)');
    await wb.screenshot('12-new-file-kind', { settleMs: 300 });
    await pick(wb, 'Systemic risk, presumed from its training compute');
    await quickInputTitled(wb, 'New GPAI Documentation File (3/7)');
    await pick(wb, 'No');
    await quickInputTitled(wb, 'New GPAI Documentation File (4/7)');
    await pick(wb, 'In the European Union');
    await quickInputTitled(wb, 'New GPAI Documentation File (5/7)');
    await pick(wb, 'Yes, every chapter that applies to the model');
    const name = await quickInputTitled(wb, 'New GPAI Documentation File (6/7)');
    await name.fill('E2E Falcon 70B');
    await wb.page.keyboard.press('Enter');
    const file = await quickInputTitled(wb, 'New GPAI Documentation File (7/7)');
    assert.equal(await file.inputValue(), 'e2e-falcon-70b.gpai.yaml');
    await wb.page.keyboard.press('Enter');
    await wb.page
      .locator('.tabs-container .tab.active', { hasText: 'e2e-falcon-70b.gpai.yaml' })
      .waitFor({ timeout: 20000 });
    await wb.languageMode({ expect: 'GPAI YAML' });
    await wb.editor
      .locator('.view-line', { hasText: 'model_name: "E2E Falcon 70B"' })
      .first()
      .waitFor({ timeout: 10000 });
    await wb.page
      .locator('.statusbar-item', { hasText: /^GPAI · systemic risk · \d+ %$/ })
      .first()
      .waitFor({ timeout: 20000 });
    // The coverage view follows: nothing answered yet, and the Safety and Security chapter applies.
    await wb.openView('GPAI Code of Practice');
    await wb.page.locator('.pane-header', { hasText: 'e2e-falcon-70b.gpai.yaml · 0 %' }).waitFor({ timeout: 20000 });
    const header = wb.page.locator('.pane-header', { hasText: 'Coverage' }).first();
    await header.hover();
    await header.locator('.action-label[aria-label="Collapse All"]').click();
    await wb.treeRows({ hasText: /^\s*Safety and Security\s*0\/\d+ · Safety and Security chapter/, timeout: 20000 });
    await wb.screenshot('13-new-file-created');
  });

  it('explains the key under the cursor in a Markdown preview', async function () {
    const { wb, workspace } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    await goToText(wb, workspace, DRAFT, 'training_compute:');
    await clickLine(wb, 'training_compute:');
    await wb.runCommand('GPAI Docs: Explain the Key Under the Cursor');
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'GPAI Docs: training_compute' }).waitFor({ timeout: 20000 });
    assert.match(await frame.locator('body').innerText(), /Drawing up and keeping up-to-date model documentation/);
    await wb.screenshot('14-explain', { settleMs: 300 });
  });
});
