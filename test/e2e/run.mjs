// End-to-end tests of gpai-docs in a real VS Code (code-server, driven by Debian's chromium).
// Usage: node test/e2e/run.mjs [--dev] [--grep TEXT]
//   Builds, installs what it needs (scripts/vscode/install.sh, idempotent), packages the .vsix and installs
//   it into a fresh extensions folder with `code-server --install-extension` (--dev: links the working
//   tree instead, with its development build), opens a temporary copy of examples/ (plus a draft with two
//   answers removed), then runs test/e2e/*.e2e.mjs with mocha in file-name order, then the extension-host
//   suite of test/e2e/desktop in code-server (runTests.mjs --code-server), then the web extension in VS Code
//   for the Web (test/e2e/web/run.mjs). Screenshots of each step go to test-artifacts/e2e/. Prints the time of
//   each phase.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Mocha from 'mocha';
import {
  CODE_SERVER,
  NODE24,
  REPO_ROOT,
  SetupError,
  VSCODE_TEST_DIR,
  installExtension,
  runInstall,
  startCodeServer,
  writeUserSettings,
} from '../../scripts/vscode/codeServer.mjs';
import { ARTIFACTS_DIR, launchBrowser, stepTimer } from './harness.mjs';
import { DRAFT, writeDraft } from './fixtures.mjs';

const WEBVIEW_RESOURCE = /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//;
const argv = process.argv.slice(2);
const dev = argv.includes('--dev');
const grepAt = argv.indexOf('--grep');
const { timings, timed } = stepTimer();

function run(command, args, what) {
  const r = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0)
    throw new SetupError(
      `${what} failed (exit ${r.status ?? r.signal}):\n${(r.stdout + r.stderr).trim().split('\n').slice(-15).join('\n')}`,
    );
  return r.stdout + r.stderr;
}

/** Packages the .vsix (production build) and installs it as VS Code would. Returns the .vsix size in bytes. */
function installVsix(extensionsDir, userDataDir, scratch) {
  const vsix = path.join(scratch, 'gpai-docs.vsix');
  const out = run(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix],
    'vsce package',
  );
  if (/\bWARNING\b/.test(out)) throw new SetupError(`vsce package printed a warning:\n${out}`);
  const home = path.join(VSCODE_TEST_DIR, 'home');
  const r = spawnSync(
    NODE24,
    [
      path.join(CODE_SERVER, 'out/node/entry.js'),
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', HOME: home, TMPDIR: scratch },
    },
  );
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new SetupError(`code-server --install-extension failed: ${(r.stdout + r.stderr).trim()}`);
  }
  return fs.statSync(vsix).size;
}

async function main() {
  await timed('build', () => run(process.execPath, ['esbuild.mjs'], 'build'));
  await timed('install.sh', () => runInstall());
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gpai-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  const extensionsDir = path.join(scratch, 'extensions');
  const userDataDir = path.join(scratch, 'user-data');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  writeDraft(workspace);
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

  let server;
  let wb;
  let failures;
  try {
    if (dev) {
      await timed('install (link)', () => installExtension({ extensionDir: REPO_ROOT, extensionsDir }));
    } else {
      const size = await timed('package + install .vsix', () => installVsix(extensionsDir, userDataDir, scratch));
      console.log(`e2e: .vsix ${(size / 1024).toFixed(0)} KB, installed with code-server --install-extension`);
    }
    writeUserSettings(userDataDir, {
      'workbench.editor.enablePreview': false,
      'files.autoSave': 'off',
      'explorer.confirmDelete': false,
    });
    server = await timed('code-server start', () => startCodeServer({ workspace, extensionsDir, userDataDir }));
    wb = await timed('chromium start', () => launchBrowser());
    // Webviews load their files from https://*.vscode-resource.vscode-cdn.net/…: the workbench's service
    // worker answers them from code-server, so they never leave the machine. Anything else would.
    const webviewResources = [];
    wb.context.on('response', (r) => {
      if (WEBVIEW_RESOURCE.test(r.url())) webviewResources.push({ url: r.url(), local: r.fromServiceWorker() });
    });
    await timed('workbench load', () => wb.openWorkbench(server.url, undefined, { expectFile: DRAFT }));

    const mocha = new Mocha({
      timeout: 120000,
      slow: 5000,
      reporter: 'spec',
      bail: true,
      ...(grepAt >= 0 ? { grep: argv[grepAt + 1] } : {}),
    });
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const f of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      .sort())
      mocha.addFile(path.join(dir, f));
    await mocha.loadFilesAsync();
    // Every test reads the session from `this.e2e` (mocha contexts inherit from the root suite's).
    mocha.suite.ctx.e2e = { wb, server, workspace, extensionsDir, scratch };
    mocha.suite.afterEach(async function () {
      if (this.currentTest?.state === 'failed') await wb.screenshot(`FAILED-${this.currentTest.title}`);
    });
    failures = await timed('tests', () => new Promise((resolve) => mocha.run(resolve)));
    const leaks = [
      ...wb.foreignRequests.filter((u) => !WEBVIEW_RESOURCE.test(u)),
      ...webviewResources.filter((r) => !r.local).map((r) => r.url),
    ];
    console.log(
      `e2e: ${webviewResources.length} webview resources, all served by the service worker: ${webviewResources.every((r) => r.local)}`,
    );
    if (leaks.length) {
      console.error(`e2e: requests left loopback: ${leaks.join(', ')}`);
      failures++;
    }
    if (wb.consoleErrors.length)
      console.log(
        `e2e: console errors in the workbench (not failing the run):\n  ${wb.consoleErrors.slice(0, 10).join('\n  ')}`,
      );
  } finally {
    await wb?.close();
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  // The extension-host suite (test/e2e/desktop) in code-server, through the workbench URL's payload.
  console.log('\ne2e: the extension-host suite in code-server');
  const host = await timed('extension-host suite', () =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'test/e2e/desktop/runTests.mjs'), '--code-server'], {
      stdio: 'inherit',
    }),
  );
  if (host.status !== 0) failures++;
  // The web extension (package.json `browser`) in VS Code for the Web, served offline by @vscode/test-web.
  console.log('\ne2e: the web extension in VS Code for the Web');
  const web = await timed('web extension suite', () =>
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'test/e2e/web/run.mjs'), '--no-build'], { stdio: 'inherit' }),
  );
  if (web.status !== 0) failures++;
  return failures;
}

function report(started) {
  for (const [name, ms] of timings) console.log(`e2e: ${name.padEnd(24)} ${(ms / 1000).toFixed(1)} s`);
  console.log(
    `e2e: total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(REPO_ROOT, ARTIFACTS_DIR)}/`,
  );
}

const started = Date.now();
main().then(
  (failures) => {
    report(started);
    process.exitCode = failures ? 1 : 0;
  },
  (e) => {
    report(started);
    console.error(`e2e: ${e instanceof SetupError ? e.message : (e?.stack ?? e)}`);
    process.exitCode = 1;
  },
);
