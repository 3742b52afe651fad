// `npm start` stops code-server whichever way it is stopped: npm sent SIGTERM or SIGHUP, npm killed outright
// (the script notices its parents die), or the script itself killed outright (its guard stops the group).
// Each test starts `npm run start -- --no-build` with a state folder of its own, waits for its "listening"
// line, signals one process, and waits (with a deadline) until no process of that code-server is left.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it } from 'mocha';
import { REPO_ROOT } from '../../scripts/vscode/codeServer.mjs';

const LISTENING = /start: listening; pid (\d+), code-server process group (\d+)/;

/** Starts `npm start` and resolves once it listens: { npm, script, group, state, output }. */
function startNpm(state) {
  const npm = spawn('npm', ['run', '--silent', 'start', '--', '--no-build', '--state-dir', state], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { npm, state, output: '' };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening" line within 90 s:\n${run.output}`)), 90000);
    const read = (chunk) => {
      run.output += chunk;
      const m = LISTENING.exec(run.output);
      if (!m) return;
      clearTimeout(timer);
      resolve({ ...run, script: Number(m[1]), group: Number(m[2]) });
    };
    npm.stdout.on('data', read);
    npm.stderr.on('data', read);
    npm.on('exit', (code) => reject(new Error(`npm start exited (${code}) before listening:\n${run.output}`)));
  });
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every process whose command line names `state` (code-server and its children take their folders there). */
function processesOf(state) {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(state);
      } catch {
        return false;
      }
    });
}

/** Polls `test` every 100 ms until it holds; fails after `ms`. */
async function until(test, what, ms = 20000) {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100)); // a poll interval, bounded by the deadline
  }
}

async function assertAllStopped(run) {
  await until(() => !alive(-run.group), `code-server's process group ${run.group} still has processes`);
  await until(() => processesOf(run.state).length === 0, `processes of ${run.state} left`);
  await until(() => !alive(run.script), `scripts/start.mjs (pid ${run.script}) still running`);
}

describe('npm start', function () {
  let run;
  afterEach(function () {
    if (!run) return;
    // Whatever a failed test left behind.
    for (const pid of [-run.group, run.script, run.npm.pid]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    fs.rmSync(run.state, { recursive: true, force: true });
    run = undefined;
  });

  const scratch = (name) => fs.mkdtempSync(path.join(os.tmpdir(), `gpai-start-${name}-`));

  for (const [title, target, signal] of [
    ['stops code-server when npm is sent SIGTERM', 'npm', 'SIGTERM'],
    ['stops code-server when npm is sent SIGHUP', 'npm', 'SIGHUP'],
    ['stops code-server when npm is killed outright (SIGKILL)', 'npm', 'SIGKILL'],
    ['stops code-server when the script itself is killed outright (SIGKILL)', 'script', 'SIGKILL'],
    ['stops code-server when the script is sent SIGINT (Ctrl+C)', 'script', 'SIGINT'],
  ]) {
    it(title, async function () {
      run = await startNpm(scratch(signal.toLowerCase()));
      assert.ok(alive(-run.group), 'code-server runs');
      assert.ok(processesOf(run.state).length > 0);
      process.kill(target === 'npm' ? run.npm.pid : run.script, signal);
      await assertAllStopped(run);
    });
  }
});
