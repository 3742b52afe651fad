/**
 * The CLI over a workspace: `node cli.js check <folder>` as a user runs it, timed from spawn to exit, so
 * that Node's start, loading the bundle and compiling the schema count as well as reading and checking.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceFile } from './generate';

export interface CliRun {
  readonly ms: number;
  readonly status: number | null;
  /** The CLI's last line of output, e.g. "1000 files checked: 13 hints". */
  readonly summary: string;
}

/** Write the files into `dir` (emptied first); total bytes written. */
export function writeWorkspace(dir: string, files: readonly WorkspaceFile[]): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const f of files) {
    writeFileSync(join(dir, f.name), f.text);
    bytes += Buffer.byteLength(f.text);
  }
  return bytes;
}

export function runCheck(cliJs: string, paths: readonly string[]): CliRun {
  const start = performance.now();
  const child = spawnSync(process.execPath, [cliJs, 'check', ...paths], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const summary = (child.stdout || child.stderr || '').trim().split('\n').pop() ?? '';
  return { ms, status: child.status, summary };
}
