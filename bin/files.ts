/**
 * Reading a `.gpai.yaml` file for the CLI, safely: only regular files are opened (a symbolic link to one is
 * followed), nothing over MAX_BYTES is read, and binary or non-UTF-8 text is refused with one clear line.
 * A FIFO, a device, a socket or a dangling link is never opened, so no read can block or run forever.
 * The engine itself never touches the file system.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { relative } from 'node:path';

export const EXTENSION = '.gpai.yaml';

/** The largest file the CLI reads: 20 MB, 30 times the largest example and twice the fuzzed 10 MB file. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** A problem with an input, worded for one line of output. */
export class InputError extends Error {}

/**
 * Why a path could not be read. `not-a-file`: it is no regular file (a FIFO, a device, a socket, a folder, a
 * dangling link), so nothing was there to check. `unreadable`: a regular file whose text could not be had
 * (permissions, size, NUL bytes, not UTF-8), so a document went unchecked.
 */
export type ReadProblem = { readonly kind: 'not-a-file' | 'unreadable'; readonly problem: string };

export type ReadResult =
  | { readonly text: string; readonly linkTarget?: string; readonly problem?: undefined }
  | (ReadProblem & { readonly text?: undefined });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or why it cannot be had; never throws, never blocks on a special file. */
export function readDocument(path: string): ReadResult {
  let linkTarget: string | undefined;
  let stats: Stats;
  try {
    if (lstatSync(path).isSymbolicLink()) linkTarget = readlinkSync(path);
    stats = statSync(path);
  } catch (e) {
    const code = errorCode(e);
    if (linkTarget !== undefined && code === 'ENOENT')
      return { kind: 'not-a-file', problem: `a symbolic link to ${linkTarget}, which does not exist` };
    const unreachable = linkTarget !== undefined || code === 'ELOOP' || code === 'ENAMETOOLONG';
    return {
      kind: unreachable ? 'not-a-file' : 'unreadable',
      problem: `cannot read the file (${describeError(code)})`,
    };
  }
  const special = specialKind(stats);
  if (special) return { kind: 'not-a-file', problem: `not a regular file (${special})` };
  if (stats.size > MAX_BYTES) return tooLarge(stats.size);
  const bytes = readRegular(path);
  if ('problem' in bytes) return bytes;
  const text = decodeText(bytes);
  return typeof text === 'string' ? { text, linkTarget } : text;
}

/** A document's bytes as text: refused when they hold NUL bytes or are not UTF-8. */
export function decodeText(bytes: Uint8Array): string | ReadProblem {
  if (bytes.subarray(0, 8192).includes(0))
    return { kind: 'unreadable', problem: `not a text file (it contains NUL bytes); a ${EXTENSION} file is YAML text` };
  try {
    return utf8.decode(bytes);
  } catch {
    return { kind: 'unreadable', problem: 'not valid UTF-8 text; save the file as UTF-8' };
  }
}

/** The text of a file, or an InputError naming the file and what is wrong with it. */
export function readText(path: string): string {
  const read = readDocument(path);
  if (read.problem !== undefined) throw new InputError(`${displayPath(path)}: ${read.problem}`);
  return read.text;
}

/**
 * The bytes of a file already known to be regular. Opened without blocking and checked again once open, in
 * case it was swapped for a FIFO or a device meanwhile; at most MAX_BYTES + 1 bytes are read.
 */
function readRegular(path: string): Buffer | ReadProblem {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (e) {
    return { kind: 'unreadable', problem: `cannot read the file (${describeError(errorCode(e))})` };
  }
  try {
    const stats = fstatSync(fd);
    const special = specialKind(stats);
    if (special) return { kind: 'not-a-file', problem: `not a regular file (${special})` };
    // One byte more than allowed, to notice a file that grew past the limit after it was checked.
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_BYTES) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || length === buffer.length) break;
    }
    if (length > MAX_BYTES) return tooLarge();
    if (length === buffer.length) return { kind: 'unreadable', problem: 'the file grew while it was read; try again' };
    return buffer.subarray(0, length);
  } catch (e) {
    return { kind: 'unreadable', problem: `cannot read the file (${describeError(errorCode(e))})` };
  } finally {
    closeSync(fd);
  }
}

/** `size` in bytes when known; a file that grew while being read has none. */
function tooLarge(size?: number): ReadProblem {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const actual = size === undefined ? 'it grew' : `it has ${mb(size)}`;
  return { kind: 'unreadable', problem: `too large (${actual}; the limit is ${mb(MAX_BYTES)}); not read` };
}

/** What a non-regular file is, in words; undefined for a regular file. */
export function specialKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

export function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** A file system error code in words, for one line of output. */
export function describeError(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENXIO':
      return 'no such device, or a socket';
    default:
      return code ?? 'unknown error';
  }
}

/** A path as shown to the user: relative to the current folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
