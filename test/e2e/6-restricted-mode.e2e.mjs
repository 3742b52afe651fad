// Restricted Mode: the extension runs no code from the workspace (package.json capabilities:
// untrustedWorkspaces supported), so it activates and checks files in a folder that is not trusted. A second
// code-server with workspace trust on, whose folder opens untrusted: no startup prompt, nothing trusted yet.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'mocha';
import { startCodeServer, writeUserSettings } from '../../scripts/vscode/codeServer.mjs';
import { DRAFT, REMOVED, writeDraft } from './fixtures.mjs';
import { launchBrowser } from './harness.mjs';

describe('Restricted Mode', function () {
  let server;
  let wb;
  let folder;

  before(async function () {
    const { extensionsDir, scratch } = this.e2e;
    folder = path.join(scratch, 'untrusted');
    fs.mkdirSync(folder);
    writeDraft(folder); // as first written: the suites before may have fixed the shared workspace's copy
    const userDataDir = path.join(scratch, 'user-data-untrusted');
    writeUserSettings(userDataDir, {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'always',
      'security.workspace.trust.untrustedFiles': 'open',
    });
    server = await startCodeServer({ workspace: folder, extensionsDir, userDataDir, workspaceTrust: true });
    wb = await launchBrowser();
    await wb.openWorkbench(server.url, undefined, { expectFile: DRAFT });
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  it('activates and reports diagnostics in a folder that is not trusted', async function () {
    // The workbench says it is in Restricted Mode: its banner and its status bar item.
    await wb.page.locator('.monaco-workbench .part.banner', { hasText: /Restricted Mode/ }).waitFor({ timeout: 30000 });
    await wb.page
      .locator('.statusbar-item', { hasText: /Restricted Mode/ })
      .first()
      .waitFor({ timeout: 30000 });
    await wb.openFile(DRAFT, { timeout: 30000 });
    assert.equal(await wb.languageMode({ expect: 'GPAI YAML' }), 'GPAI YAML');
    const rows = await wb.waitForProblems(
      (r) => Object.values(REMOVED).every((key) => r.some((t) => t.includes(key))),
      60000,
    );
    assert.ok(
      rows.some((t) => /Release date/.test(t)),
      rows.join('\n'),
    );
    await wb.page
      .locator('.statusbar-item', { hasText: /^GPAI · / })
      .first()
      .waitFor({ timeout: 30000 });
    await wb.screenshot('15-restricted-mode');
  });
});
