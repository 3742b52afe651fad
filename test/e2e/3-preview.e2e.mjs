// The Model Documentation Form preview beside the editor, with the form's section headings.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT, sectionHeading } from './fixtures.mjs';

describe('preview', function () {
  it('opens beside the editor and shows the form sections', async function () {
    const { wb } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    await wb.runCommand('GPAI Docs: Open Preview to the Side');
    const frame = await wb.webviewFrame();
    await frame.locator('h1', { hasText: 'Model Documentation Form' }).waitFor({ timeout: 20000 });
    const headings = (await frame.locator('h2').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
    for (const expected of [1, 2, 7, 8].map(sectionHeading)) {
      assert.ok(headings.includes(expected), `${expected} not among ${JSON.stringify(headings)}`);
    }
    await wb.screenshot('07-preview', { settleMs: 300 });
    // Close the preview: the next steps start from one editor group.
    const tab = wb.page.locator('.tabs-container .tab', { hasText: `Preview ${DRAFT}` }).first();
    await tab.hover();
    await tab.locator('.tab-actions .action-label[aria-label^="Close"]').click(); // Ctrl+W belongs to the browser
    await tab.waitFor({ state: 'detached', timeout: 10000 });
  });
});
