// The GPAI Code of Practice view container: the coverage tree of the active file (counts, states, a click
// that adds a missing answer) and the workspace's files.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT, REMOVED } from './fixtures.mjs';
import { visibleText } from './steps.mjs';

describe('coverage view', function () {
  it('shows the chapters of the active file with their counts', async function () {
    const { wb } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    await wb.openView('GPAI Code of Practice');
    const rows = await wb.treeRows({ hasText: /Transparency\s*\d+\/\d+/, timeout: 20000 });
    const texts = rows.map((r) => r.text);
    assert.ok(
      texts.some((t) => /^Transparency\s*\d+\/\d+ · Transparency chapter$/.test(t)),
      texts.join('\n'),
    );
    assert.ok(
      texts.some((t) => /^Safety and Security\s*n\/a/.test(t)),
      texts.join('\n'),
    );
    await wb.screenshot('08-coverage-view');
  });

  it('adds a missing form item when its row is clicked', async function () {
    const { wb } = this.e2e;
    const sidebar = wb.page.locator('.part.sidebar');
    // Transparency > Commitment 1 > Measure 1.1 > Section 4 > 4.5, expanded by clicking each row.
    for (const label of [
      /^\s*Commitment 1\s*\d+\/\d+ · Documentation/,
      /^\s*Measure 1\.1\s*\d+\/\d+/,
      /^\s*Section 4\s*\d+\/\d+ · Use/,
    ]) {
      const row = sidebar.locator('.monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 15000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    }
    const item = sidebar.locator('.monaco-list-row', { hasText: /^\s*4\.5\s*Required hardware/ }).first();
    await item.waitFor({ timeout: 15000 });
    await wb.screenshot('09-coverage-missing-item');
    await item.click();
    await wb.editor
      .locator('.view-line', { hasText: `${REMOVED.tree}:` })
      .first()
      .waitFor({ timeout: 20000 });
    assert.match(await visibleText(wb), new RegExp(`^ {2}${REMOVED.tree}:`, 'm'));
    await wb.screenshot('10-coverage-quick-fix-applied');
  });

  it('lists every .gpai.yaml of the workspace with classification and coverage', async function () {
    const { wb } = this.e2e;
    const rows = await wb.treeRows({ hasText: /halcyon-xl\.gpai\.yaml/, timeout: 30000 });
    const files = rows.map((r) => r.text).filter((t) => /\.gpai\.yaml/.test(t));
    assert.ok(files.length >= 7, files.join('\n'));
    assert.ok(
      files.some((t) => /^halcyon-xl\.gpai\.yaml\s*systemic risk · \d+ %/.test(t)),
      files.join('\n'),
    );
    assert.ok(
      files.some((t) => /^meadow-7b\.gpai\.yaml\s*open-source exempt · \d+ %/.test(t)),
      files.join('\n'),
    );
    await wb.screenshot('11-workspace-view');
  });
});
