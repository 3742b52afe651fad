/**
 * A file as a git revision holds it, for `diff` and `check --since`: the repository's own history is the
 * archive of earlier versions. `git` runs without a shell, with the revision and path as arguments of their
 * own, and reads only objects (`rev-parse`, `cat-file`): nothing in the work tree or the index is touched.
 * Each way it can fail is one InputError naming what is wrong: git missing, not a repository, no such
 * revision, no such path in it, a folder, a file too large or not text.
 */
import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { decodeText, displayPath, InputError, MAX_BYTES } from './files';

/** The path is not in the revision: for `check --since`, a file added since, with no earlier version. */
export class NotInRevision extends InputError {}

interface Run {
  readonly ok: boolean;
  readonly out: Buffer;
  /** ENOENT when git itself is missing. */
  readonly code?: string;
}

function git(args: readonly string[], cwd: string, maxBuffer = 1024 * 1024): Run {
  try {
    const out = execFileSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    return { ok: true, out };
  } catch (e) {
    const error = e as NodeJS.ErrnoException & { stdout?: Buffer };
    return {
      ok: false,
      out: error.stdout ?? Buffer.alloc(0),
      code: typeof error.code === 'string' ? error.code : undefined,
    };
  }
}

/**
 * The text of `path` at revision `ref` in the repository around `cwd`. The path is read as git reads
 * `<ref>:<path>`: from the repository's top folder, or from `cwd` when it starts with `./` or `../`.
 */
export function revisionText(ref: string, path: string, cwd: string, shown = path): string {
  // eslint-disable-next-line no-control-regex
  if (!ref || ref.startsWith('-') || /[\u0000-\u0020\u007f:]/.test(ref))
    throw new InputError(`"${ref}" is not a git revision`);
  const repository = git(['rev-parse', '--git-dir'], cwd);
  if (repository.code === 'ENOENT')
    throw new InputError('git is not installed (or not on the PATH): cannot read revisions');
  if (!repository.ok) throw new InputError(`${cwd}: not a git repository, so there is no revision ${ref} to read`);
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  if (!commit.ok) throw new InputError(`no revision "${ref}" in the git repository at ${cwd}`);
  const id = commit.out.toString('utf8').trim();
  const object = `${id}:${path}`;
  const type = git(['cat-file', '-t', object], cwd);
  if (!type.ok) throw new NotInRevision(`${shown} is not in revision ${ref}`);
  if (type.out.toString('utf8').trim() !== 'blob')
    throw new InputError(`${shown} is a folder in revision ${ref}, not a file`);
  const size = Number(git(['cat-file', '-s', object], cwd).out.toString('utf8').trim());
  if (!(size <= MAX_BYTES)) throw new InputError(`${ref}:${shown}: too large to read (the limit is 20 MB)`);
  const blob = git(['cat-file', 'blob', object], cwd, MAX_BYTES + 1);
  if (!blob.ok) throw new InputError(`${ref}:${shown}: git could not read it`);
  const text = decodeText(blob.out);
  if (typeof text !== 'string') throw new InputError(`${ref}:${shown}: ${text.problem}`);
  return text;
}

/** The text of a file on disk at revision `ref`: the same path, read from the revision. */
export function fileAtRevision(ref: string, file: string): string {
  const absolute = resolve(file);
  return revisionText(ref, `./${basename(absolute)}`, dirname(absolute), displayPath(file));
}
