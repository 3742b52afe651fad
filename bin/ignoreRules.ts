/**
 * Which paths the CLI's search leaves out: `.gitignore` and `.gpai-docsignore` files (same syntax, read with
 * the `ignore` package), as git applies them. The files read for a path are those of every folder from the
 * top (the repository root, the nearest folder up from the one searched that holds `.git`; without one, the
 * current folder if the search is inside it, else the folder searched) down to the path's own folder. A
 * deeper file's rule wins over a shallower one's, and nothing inside an ignored folder comes back, whatever
 * a deeper file says (git never reads it). Global excludes and `.git/info/exclude` are not read.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readDocument } from './files';

export const IGNORE_FILES = ['.gitignore', '.gpai-docsignore'] as const;

/** The rule that leaves a path out: its file and line, and the pattern. */
export interface IgnoreMatch {
  readonly file: string;
  readonly pattern: string;
}

export class IgnoreRules {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly dirs = new Map<string, IgnoreMatch | null>();
  private readonly roots = new Map<string, string | null>();

  /** `enabled` false (`--no-ignore`): no path is ignored. */
  constructor(private readonly enabled = true) {}

  /** The rule that ignores `path` (a folder when `isDir`) in a search of `searchRoot`, if any. */
  match(path: string, isDir: boolean, searchRoot: string): IgnoreMatch | undefined {
    if (!this.enabled) return undefined;
    const absolute = resolve(path);
    const top = this.searchTop(resolve(searchRoot));
    if (absolute === top || !isInside(absolute, top)) return undefined;
    return this.ancestorMatch(dirname(absolute), top) ?? this.ownMatch(absolute, isDir, top);
  }

  /**
   * Where the ignore files read for a search start: the top above `root`, except when `root` itself is
   * ignored (a search of `bench/out/workspace`, inside an ignored `bench/out/`): a folder named is searched,
   * with the ignore files in it and below it only.
   */
  private searchTop(root: string): string {
    const top = this.top(root);
    if (root === top || !isInside(root, top)) return top;
    return this.ancestorMatch(root, top) ? root : top;
  }

  /** The rule that ignores a folder between `top` (excluded) and `dir` (included), outermost first. */
  private ancestorMatch(dir: string, top: string): IgnoreMatch | undefined {
    if (dir === top || !isInside(dir, top)) return undefined;
    const outer = this.ancestorMatch(dirname(dir), top);
    if (outer) return outer;
    const key = `${top}\0${dir}`;
    if (!this.dirs.has(key)) this.dirs.set(key, this.ownMatch(dir, true, top) ?? null);
    return this.dirs.get(key) ?? undefined;
  }

  /** The path tested against the ignore files of each folder from `top` to its parent; the deepest rule wins. */
  private ownMatch(path: string, isDir: boolean, top: string): IgnoreMatch | undefined {
    let found: IgnoreMatch | undefined;
    const chain: string[] = [];
    for (let dir = dirname(path); isInside(dir, top) || dir === top; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dir === top) break;
    }
    for (const dir of chain) {
      const rules = this.rulesOf(dir);
      if (!rules) continue;
      const rel = relative(dir, path).split(sep).join('/') + (isDir ? '/' : '');
      const result = rules.test(rel);
      if (result.ignored && result.rule) found = { file: result.rule.mark ?? dir, pattern: result.rule.pattern };
      else if (result.unignored) found = undefined;
    }
    return found;
  }

  /** The rules of one folder's ignore files, marked with the file and line they come from. */
  private rulesOf(dir: string): Ignore | null {
    if (!this.rules.has(dir)) {
      const patterns = IGNORE_FILES.flatMap((name) => {
        const read = readDocument(join(dir, name));
        if (read.text === undefined) return [];
        return read.text.split(/\r?\n/).map((pattern, i) => ({ pattern, mark: `${join(dir, name)}:${i + 1}` }));
      });
      this.rules.set(dir, patterns.length ? ignore().add(patterns) : null);
    }
    return this.rules.get(dir)!;
  }

  /** The repository root above `dir`, else the current folder if `dir` is inside it, else `dir`. */
  private top(dir: string): string {
    if (!this.roots.has(dir)) {
      let root: string | null = null;
      for (let d = dir; ; d = dirname(d)) {
        if (existsSync(join(d, '.git'))) {
          root = d;
          break;
        }
        if (dirname(d) === d) break;
      }
      this.roots.set(dir, root);
    }
    const cwd = process.cwd();
    return this.roots.get(dir) ?? (dir === cwd || isInside(dir, cwd) ? cwd : dir);
  }
}

/** `path` is strictly inside `dir` (both absolute). */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}
