/**
 * `gpai-docs diff <old> <new>` and `gpai-docs diff --since <git-ref> <file>`: what changed between two versions
 * of a documentation file, for everyone or for one recipient of the form, as text, JSON, or a change notice in
 * Markdown, HTML, PDF or DOCX that a provider can send with the update, on stdout or into --out (as `render`
 * writes: never over a file compared, nor over an existing file without --force). Each side is a file or
 * `<git-ref>:<path>`, read with git (git.ts). Both sides are read and parsed before anything is written: bad
 * input is one line on stderr and exit 2, with nothing on stdout and no file written.
 */
import { existsSync } from 'node:fs';
import type { DocumentChanges } from '../shared/changes';
import { countsLine, readerPhrase } from '../shared/render/changeWords';
import { changeNoticeHtml, changeNoticeMarkdown } from '../shared/render/renderChanges';
import { isPreviewAudience, PREVIEW_AUDIENCES } from '../shared/render/view';
import type { Engine, GpaiDocument } from '../server/src/engine';
import { formatChanges } from './diffText';
import { cliEngine } from './engine';
import { displayPath, InputError, readText } from './files';
import { fileAtRevision, revisionText } from './git';
import { printData, printDocument, printLines, warn } from './output';
import { fonts, formatOf, loadExporters, stylesheet, writeOut } from './render';
import { jsonSafe, printableLines } from './safeText';

export interface DiffArgs {
  readonly since?: string;
  readonly audience?: string;
  readonly format?: string;
  readonly today?: string;
  /** Write the result to this file instead of stdout (the format taken from its name unless --format). */
  readonly out?: string;
  /** Write over an existing --out file (never over a file compared). */
  readonly force?: boolean;
}

const FORMATS = ['text', 'md', 'html', 'json', 'pdf', 'docx'] as const;
type Format = (typeof FORMATS)[number];

const USAGE =
  'diff compares two versions: gpai-docs diff <old> <new>, each a file or <git-ref>:<path>, or gpai-docs diff --since <git-ref> <file>';

/** One version: its text and how it is named in messages and in the notice. */
export interface Version {
  readonly text: string;
  readonly label: string;
  /** The file it was read from, when it was not read with git. */
  readonly file?: string;
}

/** Returns the exit code, at once for text formats, once written for PDF and DOCX. */
export function diffCommand(paths: readonly string[], args: DiffArgs): number | Promise<number> {
  const audience = args.audience ?? 'all';
  if (!isPreviewAudience(audience))
    throw new InputError(`--audience must be ${PREVIEW_AUDIENCES.join(', ')}, not "${audience}"`);
  const format = (args.format ?? formatOf(args.out) ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new InputError(`--format must be ${FORMATS.join(', ')}, not "${format}"`);
  const [before, after] = versions(paths, args.since);
  const engine = cliEngine(args.today);
  const oldDoc = parsed(engine, before);
  const newDoc = parsed(engine, after);
  const changes = engine.diff(oldDoc, newDoc, audience);
  warnOtherModel(changes, before, after);
  const sources = { old: before.label, new: after.label };
  const output = render(changes, format, sources, engine.today());
  const files = [before, after].flatMap((v) => (v.file === undefined ? [] : [v.file]));
  const done = (text: string | Uint8Array) => {
    if (args.out) {
      writeOut(files, args.out, text, args.force ?? false, 'compared');
      const what = format === 'text' || format === 'json' ? 'the changes' : 'the change notice';
      printLines([
        `${displayPath(args.out)}: ${what} for ${readerPhrase(changes)}, from ${sources.old} to ${sources.new}; ${countsLine(changes)}`,
      ]);
    } else if (typeof text !== 'string') process.stdout.write(text);
    else if (format === 'text' || format === 'json') printData(text);
    else printDocument(text);
    return 0;
  };
  return typeof output === 'string' ? done(output) : output.then(done);
}

function versions(paths: readonly string[], since: string | undefined): [Version, Version] {
  if (since !== undefined) {
    if (paths.length !== 1) throw new InputError(`--since takes one file: gpai-docs diff --since ${since} <file>`);
    const [file] = paths;
    const after = { text: readText(file), label: displayPath(file), file };
    return [{ text: fileAtRevision(since, file), label: `${since}:${displayPath(file)}` }, after];
  }
  if (paths.length !== 2) throw new InputError(USAGE);
  return [readVersion(paths[0]), readVersion(paths[1])];
}

/** A file when one exists at that path, else `<git-ref>:<path>` (a drive letter is no revision). */
export function readVersion(spec: string): Version {
  const colon = spec.indexOf(':');
  if (existsSync(spec) || colon <= 0 || /^[A-Za-z]:[\\/]/.test(spec))
    return { text: readText(spec), label: displayPath(spec), file: spec };
  return { text: revisionText(spec.slice(0, colon), spec.slice(colon + 1), process.cwd()), label: spec };
}

/** The version parsed, or an InputError naming it when it is not YAML a documentation file can be read from. */
function parsed(engine: Engine, version: Version): GpaiDocument {
  const doc = engine.parse(version.text, version.label);
  const [error] = doc.yaml.errors;
  if (error) {
    const line = doc.lines.positionAt(error.pos[0]).line + 1;
    throw new InputError(`${version.label}: does not parse (line ${line}: ${error.message.split('\n')[0]})`);
  }
  if (!doc.root) throw new InputError(`${version.label}: does not parse as a documentation file (no keys at the top)`);
  return doc;
}

function warnOtherModel(changes: DocumentChanges, before: Version, after: Version): void {
  const [a, b] = [changes.old.model, changes.new.model];
  if (a && b && a !== b)
    warn(`the two versions document different models: "${a}" (${before.label}) and "${b}" (${after.label})`);
}

/** The result in its format: text at once, a PDF or DOCX from the export bundle, loaded here on first use. */
function render(
  changes: DocumentChanges,
  format: Format,
  sources: { readonly old: string; readonly new: string },
  today: string,
): string | Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return jsonSafe(JSON.stringify({ sources, ...changes }, null, 2));
    case 'md':
      return changeNoticeMarkdown(changes, { sources, generatedOn: today });
    case 'html':
      return changeNoticeHtml(changes, { sources, generatedOn: today, css: stylesheet() });
    case 'text':
      return `${printableLines(formatChanges(changes, sources))}\n`;
    case 'pdf':
    case 'docx':
      return loadExporters()
        .renderNoticeExport(changes, {
          format,
          sources,
          generatedOn: today,
          ...(format === 'pdf' ? { fonts: fonts() } : {}),
        })
        .then((bytes) => bytes as Uint8Array);
  }
}
