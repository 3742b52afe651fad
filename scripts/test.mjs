// `npm test`: every check, in the order CI needs them: type-check and compile the tests, lint, build,
// schema up to date, unit + protocol + CLI tests, then the browser and real-VS-Code suites (which
// install their own tools on a fresh machine). Prints each step's time; stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
  ['type-check and compile', 'npx', ['tsc', '-p', '.']],
  ['lint and format', 'npm', ['run', '--silent', 'lint']],
  ['build', 'node', ['esbuild.mjs']],
  ['npm pack, installed offline: the CLI and language server from the tarball', 'node', ['scripts/test-pack.mjs']],
  ['generated schema and snippets up to date', 'node', ['scripts/generate.mjs', '--check']],
  ['unit, protocol and CLI tests', 'npx', ['mocha']],
];
if (existsSync('test/browser/run.mjs'))
  steps.push(['browser tests (headless Chromium)', 'node', ['test/browser/run.mjs']]);
if (existsSync('test/e2e/run.mjs')) steps.push(['end-to-end tests in a real VS Code', 'node', ['test/e2e/run.mjs']]);

const started = Date.now();
for (const [name, command, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
  });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
