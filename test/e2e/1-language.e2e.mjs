// Opening a .gpai.yaml: the language mode, the status bar, the diagnostics in the Problems panel.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { DRAFT, REMOVED } from './fixtures.mjs';
import { goToText } from './steps.mjs';

describe('a .gpai.yaml in VS Code', function () {
  it('opens as GPAI YAML with its classification and coverage in the status bar', async function () {
    const { wb } = this.e2e;
    await wb.openFile(DRAFT, { timeout: 30000 });
    assert.equal(await wb.languageMode({ expect: 'GPAI YAML' }), 'GPAI YAML');
    const status = wb.page.locator('.statusbar-item', { hasText: /^GPAI · / }).first();
    await status.waitFor({ timeout: 60000 });
    assert.match(await status.innerText(), /^GPAI · no systemic risk · \d+ %$/);
    await wb.screenshot('01-language-mode-and-status-bar');
  });

  it('lists the missing answers in the Problems panel', async function () {
    const { wb } = this.e2e;
    const rows = await wb.waitForProblems(
      (r) => Object.values(REMOVED).every((key) => r.some((t) => t.includes(`Add \`${key}\``) || t.includes(key))),
      30000,
    );
    assert.ok(
      rows.some((t) => /Release date/.test(t)),
      rows.join('\n'),
    );
    await wb.screenshot('02-problems-panel');
  });

  it('shows the form item and the Code measure with its official title on hover', async function () {
    const { wb, workspace } = this.e2e;
    await goToText(wb, workspace, DRAFT, 'training_compute:');
    const text = await wb.hoverWord('training_compute:', 'training_compute', { expect: /Form 7\.4/, timeout: 30000 });
    assert.match(text, /Drawing up and keeping up-to-date model documentation/);
    assert.match(text, /7\.4/);
    await wb.screenshot('03-hover');
    await wb.dismiss();
  });
});
