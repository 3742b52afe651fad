/**
 * Finding and reading `.gpai.yaml` files for the CLI: folders walked, build and dependency folders skipped,
 * binary and non-UTF-8 files refused with one clear line. The engine itself never touches the file system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const EXTENSION = '.gpai.yaml';
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'test-artifacts']);

/** A problem with an input, worded for one line of output. */
export class InputError extends Error {}

/** The `.gpai.yaml` files named by `paths` (files as given, folders walked), sorted, without duplicates. */
export function findFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const p of paths.length ? paths : ['.']) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      throw new InputError(`${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const before = found.size;
      walk(p, found);
      if (found.size === before) throw new InputError(`${p}: no ${EXTENSION} files in this folder`);
    } else {
      found.add(p);
    }
  }
  return [...found].sort();
}

function walk(dir: string, out: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new InputError(`${dir}: cannot read this folder`);
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), out);
    } else if (e.isFile() && e.name.endsWith(EXTENSION)) {
      out.add(join(dir, e.name));
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or an InputError naming what is wrong with it. */
export function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: cannot read the file (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? 'unknown error')})`,
    );
  }
  if (bytes.subarray(0, 8192).includes(0))
    throw new InputError(`${path}: not a text file (it contains NUL bytes); a ${EXTENSION} file is YAML text`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${path}: not valid UTF-8 text; save the file as UTF-8`);
  }
}

/** A path as shown to the user: relative to the current folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
