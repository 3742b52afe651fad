// `npm start`: builds the extension, installs a local VS Code (code-server) if needed, loads the
// extension into it and serves a workbench on 127.0.0.1 with examples/ open, until stopped.
// Usage: npm start [-- --port N] [--no-build] [--state-dir DIR]   (or PORT=N); a free port when none is given.
// State lives in .vscode-test/start/ (extensions, user data), or DIR; settings changed in the workbench persist.
// It opens no browser: it prints the address. code-server runs in a process group of its own, and stops with
// this script whichever way it ends: Ctrl+C, SIGTERM or SIGHUP (to npm or to this process), npm or the shell
// between npm and this process dying (their death is polled), or this process killed outright (a guard
// process, scripts/vscode/guard.mjs, watches a pipe from it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT,
  VSCODE_TEST_DIR,
  SetupError,
  installExtension,
  runInstall,
  startCodeServer,
  writeUserSettings,
} from './vscode/codeServer.mjs';

/** The value of `--name V` or `--name=V`, or undefined. */
function option(argv, name) {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
}

/**
 * The processes this one runs under when started by npm: the parent, up to the npm process (npm runs a
 * script through `sh -c`, which stays between them). Linux only (/proc); elsewhere the parent alone.
 * Each with its start time, so that a reused process id is not taken for the same process.
 */
function ancestors() {
  const read = (pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      return { pid, ppid: Number(fields[1]), started: fields[19], cmdline };
    } catch {
      return undefined;
    }
  };
  const chain = [];
  for (let p = read(process.ppid); p && p.pid > 1 && chain.length < 4; p = read(p.ppid)) {
    chain.push({ pid: p.pid, started: p.started });
    if (!process.env.npm_lifecycle_event || /\bnpm\b|npm-cli\.js/.test(p.cmdline)) break;
  }
  return chain.length ? chain : [{ pid: process.ppid, started: undefined }];
}

/** Calls `gone` once one of `chain` has died (polled every `everyMs`). */
function watchAncestors(chain, gone, everyMs = 500) {
  const alive = ({ pid, started }) => {
    if (started === undefined) return process.ppid === pid;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] === started;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!chain.every(alive)) gone();
  }, everyMs);
  timer.unref();
}

function parsePort(argv) {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const raw = i < 0 ? process.env.PORT : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SetupError(`invalid port "${raw}"`);
  return port;
}

/** Settings of an earlier session (they win over the defaults): {} if none, null if not plain JSON. */
function readSettings(file) {
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new SetupError(`npm run build failed (exit ${r.status ?? r.signal})`);
  const main = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).main ?? './dist/extension.js';
  if (!fs.existsSync(path.join(REPO_ROOT, main))) {
    throw new SetupError(
      `${path.normalize(main)} missing after the build: the extension client (client/src/extension.ts) is not built yet`,
    );
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const port = parsePort(argv);
  const parents = ancestors();
  const workspace = path.join(REPO_ROOT, 'examples');
  if (!fs.existsSync(workspace)) throw new SetupError('examples/ missing: nothing to open');
  if (!argv.includes('--no-build')) build();
  runInstall();
  const state = path.resolve(option(argv, '--state-dir') ?? path.join(VSCODE_TEST_DIR, 'start'));
  const extensionsDir = path.join(state, 'extensions');
  const userDataDir = path.join(state, 'user-data');
  installExtension({ extensionDir: REPO_ROOT, extensionsDir });
  const previous = readSettings(path.join(userDataDir, 'User', 'settings.json'));
  if (previous) writeUserSettings(userDataDir, previous);

  const server = await startCodeServer({ port, workspace, extensionsDir, userDataDir, guard: true });
  console.log(
    `\nVS Code (code-server) with gpai-docs is ready in ${server.readyMs} ms. Open in a browser:\n\n  ${server.url}\n`,
  );
  console.log(
    `Log: ${server.logFile}. Rebuild with \`npm run build\`, then run "Developer: Reload Window". Ctrl+C stops.`,
  );
  console.log(`start: listening; pid ${process.pid}, code-server process group ${server.pid}`);

  let stopping = false;
  const shutdown = async (why) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${why}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => shutdown(signal));
  watchAncestors(parents, () => shutdown('the parent process exited'));
  const code = await server.exited;
  if (!stopping) {
    await server.stop();
    throw new SetupError(`code-server exited unexpectedly (${code}), see ${server.logFile}`);
  }
}

// Once npm is gone, its end of our stdout may be closed: a failed write must not end us before code-server.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

main().catch((e) => {
  console.error(`start: ${e instanceof SetupError ? e.message : (e?.stack ?? e)}`);
  process.exit(1);
});
