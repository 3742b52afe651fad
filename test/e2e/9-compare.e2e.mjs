// Compare with Version…: a file in a git repository of its own, built here (version 2.0 committed and tagged
// v2.0, then the current version committed and tagged v2.1), compared with v2.0 through VS Code's git
// extension. The preview shows the comparison: the changed rows marked with what they were, the toolbar's
// toggle named after v2.0, the coverage tree's marks, the change notice exported from the preview's banner;
// turned off and on, the toggle compares with the last commit instead.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { REPO_ROOT } from '../../scripts/vscode/codeServer.mjs';
import { closeAllEditors, pick, quickInputTitled, startCommand } from './steps.mjs';

const FOLDER = 'versioned';
const FILE = 'e2e-versions.gpai.yaml';

/** Version 2.0 of examples/kestrel-13b.gpai.yaml (2.1): a smaller model, another licence, a measure in progress. */
function version20(current) {
  const edits = [
    ['version: "2.1"\n  last_updated: 2025-10-14', 'version: "2.0"\n  last_updated: 2025-09-02'],
    ['total_model_size: 1.3e10', 'total_model_size: 1.1e10'],
    ['license_type: Proprietary commercial licence', 'license_type: Kestrel research licence'],
    ['  output_mitigations:\n    status: implemented', '  output_mitigations:\n    status: in_progress'],
  ];
  return edits.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`examples/kestrel-13b.gpai.yaml no longer has "${from}"`);
    return text.replace(from, to);
  }, current);
}

function git(cwd, ...args) {
  const identity = ['-c', 'user.name=E2E', '-c', 'user.email=e2e@example.com', '-c', 'commit.gpgsign=false'];
  execFileSync('git', [...identity, ...args], { cwd, stdio: 'ignore' });
}

/** `<workspace>/versioned`, a repository whose history holds v2.0 and v2.1 of the file. */
function writeRepository(workspace) {
  const dir = path.join(workspace, FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q');
  const current = fs.readFileSync(path.join(REPO_ROOT, 'examples/kestrel-13b.gpai.yaml'), 'utf8');
  for (const [text, tag] of [
    [version20(current), 'v2.0'],
    [current, 'v2.1'],
  ]) {
    fs.writeFileSync(path.join(dir, FILE), text);
    git(dir, 'add', FILE);
    git(dir, 'commit', '-q', '-m', `Version ${tag}`);
    git(dir, 'tag', tag);
  }
}

/**
 * Runs Compare with Version… and picks `tag`. The git extension opens the file's repository a moment after
 * the file opens: until it has, the command offers only another file, so it is asked again, with a deadline.
 */
async function compareWith(wb, tag, { timeout = 60000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await startCommand(wb, 'GPAI Docs: Compare with Version…');
    const other = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Another file…' }).first();
    await other.waitFor({ timeout: 15000 });
    const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: tag }).first();
    if (await row.isVisible()) {
      await pick(wb, tag);
      return;
    }
    await wb.page.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`Compare with Version… never offered the tag ${tag}`);
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
    await wb.page.waitForTimeout(1000); // the git extension has no event the page can see
  }
}

describe('compare with version', function () {
  it('shows the changes since a tagged version marked in the preview and the coverage tree', async function () {
    const { wb, workspace } = this.e2e;
    await closeAllEditors(wb);
    writeRepository(workspace);
    await wb.openFile(FILE, { timeout: 30000 });
    await compareWith(wb, 'v2.0');

    const frame = await wb.webviewFrame();
    const banner = frame.locator('.changes-banner');
    await banner.waitFor({ timeout: 30000 });
    assert.match(
      (await banner.innerText()).replace(/\s+/g, ' '),
      /^Changes for all recipients since version 2\.0 of 2025-09-02: 5 items changed\./,
    );
    const size = frame.locator('tr.item.changed[data-item-id="form/2.9"]');
    assert.match(await size.locator('.change-mark').innerText(), /Changed\s*since v2\.0\s*Before:\s*1\.1e10/i);
    const licence = frame.locator('tr.item.changed[data-item-id="form/3.4"]');
    assert.match(await licence.locator('del').innerText(), /^Kestrel research licence$/);
    assert.equal(await frame.locator('tr.item.changed[data-item-id="form/2.1"]').count(), 0, '2.1 did not change');
    assert.equal(await frame.locator('#changes').isChecked(), true);
    assert.match(await frame.locator('#changes-label').innerText(), /^Changes since v2\.0 \(5\)$/);
    // The side bar hidden, so that the preview has room.
    await wb.runCommand('View: Toggle Primary Side Bar Visibility');
    await wb.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10000 });
    await wb.page.mouse.move(1100, 15); // off the editor's toolbar, whose tooltip would show
    await wb.screenshot('compare-preview', { settleMs: 300 });
    // The banner names each changed item; a click scrolls to its row and selects it.
    await frame.locator('.changes-banner button.change-chip', { hasText: /^Form 2\.9$/ }).click();
    await frame.locator('tr.item.selected[data-item-id="form/2.9"]').waitFor({ timeout: 10000 });
    assert.ok(await size.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight / 2), '2.9 scrolled up');
    await wb.screenshot('compare-preview-rows', { settleMs: 300 });

    // The coverage tree of the file: the commitments and measures count what changed under them.
    await wb.openView('GPAI Code of Practice');
    const rows = await wb.treeRows({ hasText: /^\s*Transparency\s*\d+\/\d+ · \d+ changed · Transparency chapter/ });
    assert.ok(
      rows.some((r) => /^Copyright\s*\d+\/\d+ · 1 changed · /.test(r.text)),
      rows.map((r) => r.text).join('\n'),
    );
    // Transparency > Commitment 1 > Measure 1.1 > Section 2 > 2.9, expanded by clicking each row.
    const sidebar = wb.page.locator('.part.sidebar');
    for (const label of [
      /^\s*Commitment 1\s*\d+\/\d+ · \d+ changed/,
      /^\s*Measure 1\.1\s*\d+\/\d+ · \d+ changed/,
      /^\s*Section 2\s*\d+\/\d+ · 1 changed/,
    ]) {
      const row = sidebar.locator('.monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 15000 });
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    }
    const item = sidebar.locator('.monaco-list-row', { hasText: /^\s*2\.9\s*changed since v2\.0 · Total model size/ });
    await item.first().waitFor({ timeout: 15000 });
    assert.equal(await item.first().locator('.codicon-diff-modified').count(), 1, 'the diff icon instead of the state');
    await wb.screenshot('compare-coverage', { settleMs: 300 });

    // The banner's Export change notice…, for the audience shown: Markdown, into exports/ of the workspace.
    await frame.locator('[data-action="export-changes"]').click();
    await quickInputTitled(wb, 'Export the Change Notice (2/2)');
    await pick(wb, 'Markdown');
    await quickInputTitled(wb, 'Export the change notice for all recipients');
    await wb.page.keyboard.press('Enter');
    const name = 'e2e-versions.changes-since-v2.0.all.md';
    await wb.page.locator('.notification-toast', { hasText: `Exported the change notice to ${name}.` }).waitFor();
    const notice = fs.readFileSync(path.join(workspace, 'exports', name), 'utf8');
    assert.match(notice, /^# Changes to the documentation of Kestrel-13B\n/);
    assert.match(notice, /from version 2\.0 of 2025-09-02 to version 2\.1 of 2025-10-14/);
    assert.match(notice, /- Before: Kestrel research licence\n {2}- Now: Proprietary commercial licence/);

    // Off: the marks go and the version picked is dropped; on again: the last commit, v2.1, which the file is.
    await frame.locator('#changes').uncheck();
    await frame.locator('.change-mark').first().waitFor({ state: 'detached', timeout: 15000 });
    await frame.locator('#changes-label', { hasText: /^Changes since v2\.1 \(0\)$/ }).waitFor({ timeout: 15000 });
    await frame.locator('#changes').check();
    await frame.locator('.changes-banner', { hasText: /since version 2\.1 of 2025-10-14 \(HEAD\): nothing/ }).waitFor();
    await closeAllEditors(wb);
  });
});
