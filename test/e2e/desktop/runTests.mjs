// The extension-host suite (test/e2e/desktop/suite, compiled by tsc into out/) in a real VS Code.
// Usage:
//   node test/e2e/desktop/runTests.mjs                 desktop VS Code via @vscode/test-electron: downloads
//                                                      VS Code from update.code.visualstudio.com (needs
//                                                      internet; not possible on the offline CI machine)
//   node test/e2e/desktop/runTests.mjs --code-server   the same suite in code-server (installed by
//                                                      scripts/vscode/install.sh), through the workbench URL's
//                                                      `payload` (extensionDevelopmentPath, extensionTestsPath)
// Both open a temporary copy of examples/ and exit 1 when a test fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  REPO_ROOT,
  SetupError,
  runInstall,
  startCodeServer,
  writeUserSettings,
} from '../../../scripts/vscode/codeServer.mjs';

const SUITE_SOURCES = path.join(REPO_ROOT, 'test/e2e/desktop/suite');
/** The suite, bundled per file (tsc type-checks it with the project; esbuild makes it runnable fast). */
const SUITE_DIR = path.join(REPO_ROOT, '.vscode-test/desktop-suite');
const SUITE = path.join(SUITE_DIR, 'index.js');

async function prepare() {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new SetupError('build failed');
  const esbuild = await import('esbuild');
  fs.rmSync(SUITE_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: fs
      .readdirSync(SUITE_SOURCES)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(SUITE_SOURCES, f)),
    outdir: SUITE_DIR,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gpai-desktop-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  return { scratch, workspace };
}

async function desktop({ workspace, scratch }) {
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      `--user-data-dir=${path.join(scratch, 'user-data')}`,
    ],
  }).catch((e) => {
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo/.test(String(e?.message ?? e))) {
      throw new SetupError(
        `@vscode/test-electron could not download VS Code (${String(e.message).split('\n')[0]}). It needs internet once (the download is cached in .vscode-test/); offline, run the same suite in code-server: npm run test:desktop -- --code-server`,
      );
    }
    throw e;
  });
}

/**
 * code-server honours the payload only with the smoke-test driver on (`--enable-smoke-test-driver`, passed
 * through `--vscode-option`). The workbench calls `window.codeAutomationExit(code)` when the extension host
 * exits after the suite; the suite writes its results to GPAI_DESKTOP_RESULTS.
 */
async function inCodeServer({ workspace, scratch }) {
  runInstall();
  const { launchBrowser } = await import('../harness.mjs');
  const results = path.join(scratch, 'results.json');
  const userDataDir = path.join(scratch, 'user-data');
  writeUserSettings(userDataDir);
  const server = await startCodeServer({
    extensionsDir: path.join(scratch, 'extensions'),
    userDataDir,
    env: { GPAI_DESKTOP_RESULTS: results },
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const wb = await launchBrowser();
  try {
    const exited = new Promise((resolve) => {
      void wb.page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const url = new URL(server.baseUrl);
    url.searchParams.set('folder', workspace);
    url.searchParams.set(
      'payload',
      JSON.stringify([
        ['extensionDevelopmentPath', remote(REPO_ROOT)],
        ['extensionTestsPath', remote(SUITE.replace(/\.js$/, ''))],
      ]),
    );
    await wb.page.goto(url.href);
    let timer;
    const code = await Promise.race([
      exited,
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), 180000);
      }),
    ]);
    clearTimeout(timer);
    if (!fs.existsSync(results))
      throw new SetupError(`the suite left no results (extension host exit: ${code}); see ${server.logFile}`);
    const { passed, failed } = JSON.parse(fs.readFileSync(results, 'utf8'));
    for (const t of passed) console.log(`  ✔ ${t}`);
    for (const t of failed) console.log(`  ✖ ${t.title}: ${t.error}`);
    console.log(`code-server: ${passed.length} passing, ${failed.length} failing (extension host exit code ${code})`);
    if (failed.length || code !== 0) process.exitCode = 1;
  } finally {
    await wb.close();
    await server.stop();
  }
}

const context = await prepare();
try {
  await (process.argv.includes('--code-server') ? inCodeServer(context) : desktop(context));
} catch (e) {
  console.error(`test:desktop: ${e instanceof SetupError ? e.message : (e?.stack ?? e)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(context.scratch, { recursive: true, force: true });
}
