// A quick-fix through the light bulb (Ctrl+.): the file changes and the problem goes away.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT, REMOVED } from './fixtures.mjs';
import { clickLine, codeActionMenu, goToText, visibleText } from './steps.mjs';

describe('quick-fix', function () {
  it('adds a missing item from the light bulb and clears its problem', async function () {
    const { wb, workspace } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    await wb.waitForProblems((rows) => rows.some((t) => /Release date/.test(t)), 20000);
    // The diagnostic is on the section's key: put the cursor there and wait for the light bulb.
    await goToText(wb, workspace, DRAFT, 'general_information:');
    await clickLine(wb, 'general_information:');
    await wb.page.locator('.lightBulbWidget').waitFor({ timeout: 20000 });
    const row = await codeActionMenu(wb, 'Add missing item: Release date');
    await wb.screenshot('04-quick-fix-menu');
    await row.click();
    const inserted = wb.editor.locator('.view-line', { hasText: `${REMOVED.bulb}:` }).first();
    await inserted.waitFor({ timeout: 15000 });
    await wb.waitForProblems((rows) => !rows.some((t) => /Form item 1\.4 “Release date” is missing/.test(t)), 20000);
    assert.match(await visibleText(wb), new RegExp(`^ {2}${REMOVED.bulb}: {2}# form 1\\.4`, 'm'));
    await wb.screenshot('05-quick-fix-applied');
    // Answer it: the key's "empty" problem goes too.
    await clickLine(wb, `${REMOVED.bulb}:`);
    await wb.page.keyboard.press('Home');
    for (let i = 0; i < `${REMOVED.bulb}:`.length; i++) await wb.page.keyboard.press('ArrowRight');
    await wb.page.keyboard.type(' 2025-07-30');
    await wb.waitForProblems((rows) => !rows.some((t) => /Release date/.test(t)), 20000);
    await wb.screenshot('06-quick-fix-answered');
    await wb.page.keyboard.press('Control+S');
    await wb.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10000 });
  });
});
