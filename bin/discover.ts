/**
 * Which files `gpai-docs check` reads. Each argument is a file (always checked, ignore files or not), a folder
 * (searched recursively for `*.gpai.yaml`, hidden folders included) or a glob the shell did not expand
 * (`'docs/**\/*.gpai.yaml'`, expanded with `tinyglobby`). Searches skip `node_modules` and `.git` always,
 * and what `.gitignore` and `.gpai-docsignore` files leave out (see ignoreRules.ts) unless `--no-ignore`;
 * they follow no link to a folder. No argument searches the current folder. Nothing here throws: every path
 * that cannot be searched becomes a note, and the search goes on.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
// `require`, not `import`: esbuild then bundles the CommonJS builds of tinyglobby and fdir; their ES module
// builds read import.meta.url, which a CommonJS bundle does not have.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import tinyglobby = require('tinyglobby');
import { describeError, displayPath, errorCode, EXTENSION } from './files';
import { IgnoreRules } from './ignoreRules';

/** Folders no search enters. */
export const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface Candidate {
  readonly path: string;
  /** Named on the command line (not found by a search): a problem reading it fails the run. */
  readonly explicit: boolean;
}

/**
 * Something the search did not take. `warning`: printed; `verbose`: printed with --verbose only. `fails`:
 * an argument gave nothing to check (a missing path, an empty folder, a glob matching nothing): exit 2.
 */
export interface Note {
  readonly path: string;
  readonly why: string;
  readonly level: 'warning' | 'verbose';
  readonly fails?: boolean;
}

export interface Discovery {
  /** Sorted, each file once. */
  readonly files: readonly Candidate[];
  readonly notes: readonly Note[];
}

export function discover(args: readonly string[], options: { readonly ignore: boolean }): Discovery {
  const search = new Search(new IgnoreRules(options.ignore));
  for (const arg of args.length ? args : ['.']) search.argument(arg);
  return search.result();
}

class Search {
  private readonly found = new Map<string, Candidate>();
  private readonly notes: Note[] = [];
  private ignoredCount = 0;

  constructor(private readonly ignoreRules: IgnoreRules) {}

  argument(arg: string): void {
    const before = this.found.size;
    const ignoredBefore = this.ignoredCount;
    let stats;
    try {
      stats = statSync(arg);
    } catch (e) {
      if (tinyglobby.isDynamicPattern(arg)) return this.glob(arg);
      // A link that leads nowhere is a file named: reading it says what is wrong with it.
      if (isLink(arg)) return this.add(arg, true);
      const code = errorCode(e);
      return this.note(arg, code === 'ENOENT' ? 'no such file or folder' : describeError(code), 'warning', true);
    }
    if (!stats.isDirectory()) return this.add(arg, true);
    this.walk(arg, arg);
    if (this.found.size === before)
      this.note(arg, `no ${EXTENSION} files in this folder${this.ignoredSince(ignoredBefore)}`, 'warning', true);
  }

  result(): Discovery {
    const files = [...this.found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { files, notes: this.notes };
  }

  private glob(pattern: string): void {
    const before = this.found.size;
    const ignoredBefore = this.ignoredCount;
    const root = staticBase(pattern);
    const matches = tinyglobby.globSync(pattern, {
      dot: true,
      onlyFiles: true,
      followSymbolicLinks: false,
      expandDirectories: false,
      absolute: isAbsolute(pattern),
      ignore: [...ALWAYS_SKIPPED].map((name) => `**/${name}/**`),
    });
    for (const path of matches.sort()) {
      if (!path.endsWith(EXTENSION)) this.note(path, `not a ${EXTENSION} file`, 'verbose');
      else if (!this.ignored(path, false, root)) this.add(path, false);
    }
    if (this.found.size === before)
      this.note(
        pattern,
        `no ${EXTENSION} file matches this pattern${this.ignoredSince(ignoredBefore)}`,
        'warning',
        true,
      );
  }

  private walk(dir: string, root: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      return this.note(dir, `cannot read this folder (${describeError(errorCode(e))}); skipped`, 'warning');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED.has(entry.name)) this.note(path, 'always skipped', 'verbose');
        else if (!this.ignored(path, true, root)) this.walk(path, root);
      } else if (entry.isSymbolicLink() && isFolder(path)) {
        if (!this.ignored(path, true, root)) this.note(path, 'a symbolic link to a folder, not followed', 'verbose');
      } else if (entry.name.endsWith(EXTENSION) && !this.ignored(path, false, root)) {
        this.add(path, false);
      }
    }
  }

  private ignored(path: string, isDir: boolean, root: string): boolean {
    const rule = this.ignoreRules.match(path, isDir, root);
    if (!rule) return false;
    this.note(path, `ignored by ${displayPath(rule.file)} (${rule.pattern})`, 'verbose');
    this.ignoredCount++;
    return true;
  }

  /** Why a search found nothing: what ignore files left out since `before`. */
  private ignoredSince(before: number): string {
    const n = this.ignoredCount - before;
    return n ? ` (${n} ignored; --verbose names them, --no-ignore checks them)` : '';
  }

  private add(path: string, explicit: boolean): void {
    const key = resolve(path);
    const known = this.found.get(key);
    this.found.set(key, { path: known?.path ?? path, explicit: explicit || (known?.explicit ?? false) });
  }

  private note(path: string, why: string, level: Note['level'], fails = false): void {
    this.notes.push({ path, why, level, fails });
  }
}

/** The folder a glob starts from: its segments up to the first one with a wildcard. */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const index = segments.findIndex((s) => tinyglobby.isDynamicPattern(s));
  const base = segments.slice(0, index < 0 ? segments.length - 1 : index).join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
