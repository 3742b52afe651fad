// `npm start`: builds the extension, installs a local VS Code (code-server) if needed, loads the
// extension into it and serves a workbench on 127.0.0.1 with examples/ open, until Ctrl+C.
// Usage: npm start [-- --port N]   (or PORT=N); a free port when none is given.
// State lives in .vscode-test/start/ (extensions, user data); settings changed in the workbench persist.
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
  const port = parsePort(process.argv.slice(2));
  const workspace = path.join(REPO_ROOT, 'examples');
  if (!fs.existsSync(workspace)) throw new SetupError('examples/ missing: nothing to open');
  build();
  runInstall();
  const state = path.join(VSCODE_TEST_DIR, 'start');
  const extensionsDir = path.join(state, 'extensions');
  const userDataDir = path.join(state, 'user-data');
  installExtension({ extensionDir: REPO_ROOT, extensionsDir });
  const previous = readSettings(path.join(userDataDir, 'User', 'settings.json'));
  if (previous) writeUserSettings(userDataDir, previous);

  const server = await startCodeServer({ port, workspace, extensionsDir, userDataDir });
  console.log(
    `\nVS Code (code-server) with gpai-docs is ready in ${server.readyMs} ms. Open in a browser:\n\n  ${server.url}\n`,
  );
  console.log(
    `Log: ${server.logFile}. Rebuild with \`npm run build\`, then run "Developer: Reload Window". Ctrl+C stops.`,
  );

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const code = await server.exited;
  if (!stopping) {
    await server.stop();
    throw new SetupError(`code-server exited unexpectedly (${code}), see ${server.logFile}`);
  }
}

main().catch((e) => {
  console.error(`start: ${e instanceof SetupError ? e.message : (e?.stack ?? e)}`);
  process.exit(1);
});
