/**
 * Running the built CLI (dist/cli.js) in tests: a bounded run with its exit code, output and duration, and a
 * temporary folder that is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers/text';

export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `gpai-docs args…` in `cwd`, killed after 20 s (a run that blocks fails its test instead of hanging). */
export function runCli(args: readonly string[], cwd = ROOT): CliRun {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gpai-${prefix}-`));
}

/** Writes `text` at `dir/name`, creating folders; returns the path. */
export function put(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** The lines of stderr, each `gpai-docs: …`. */
export function stderrLines(r: CliRun): string[] {
  return r.stderr.split('\n').filter(Boolean);
}
