/**
 * `gpai-docs render <file>`: the file as the Model Documentation Form for one audience, as a standalone
 * HTML page (stylesheet inside, no script, prints to PDF) or as Markdown, on stdout or into --out. The
 * same renderer as the VS Code preview and export.
 */
import { existsSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { renderPreviewHtml } from '../client/src/preview/render';
import { renderPreviewMarkdown } from '../client/src/preview/renderMarkdown';
import {
  AUDIENCE_LABELS,
  isPreviewAudience,
  missingSummary,
  PREVIEW_AUDIENCES,
  type PreviewAudience,
} from '../client/src/preview/view';
import { cliEngine } from './engine';
import { displayPath, errorCode, InputError, readText, specialKind } from './files';
import { printDocument, printLines } from './output';

export interface RenderArgs {
  readonly audience?: string;
  readonly format?: string;
  readonly out?: string;
  /** The date printed in the footer (default: today). */
  readonly today?: string;
  /** Write over an existing --out file (never over the file rendered, nor a FIFO or a device). */
  readonly force?: boolean;
}

/** Writes the page to stdout or to --out; returns the exit code. Bad arguments throw an InputError (exit 2). */
export function renderCommand(paths: readonly string[], args: RenderArgs): number {
  if (paths.length !== 1)
    throw new InputError(
      'render takes one file: gpai-docs render <file> [--audience all|ai-office|nca|downstream] [--format html|md] [--out path]',
    );
  const audience = args.audience ?? 'all';
  if (!isPreviewAudience(audience))
    throw new InputError(`--audience must be ${PREVIEW_AUDIENCES.join(', ')}, not "${audience}"`);
  const format = args.format ?? formatOf(args.out) ?? 'html';
  if (format !== 'html' && format !== 'md') throw new InputError(`--format must be html or md, not "${format}"`);
  const [path] = paths;
  const engine = cliEngine(args.today);
  const model = engine.preview(engine.parse(readText(path), path))!;
  const generatedOn = engine.today();
  const output =
    format === 'md'
      ? renderPreviewMarkdown(model, { audience, generatedOn })
      : renderPreviewHtml(model, { audience, css: stylesheet(), generatedOn });
  if (!args.out) {
    printDocument(output);
    return 0;
  }
  writeOut(path, args.out, output, args.force ?? false);
  printLines([
    `${displayPath(args.out)}: the Model Documentation Form for ${describe(audience)}, from ${displayPath(path)}; ${lowerFirst(missingSummary(model, audience))}`,
  ]);
  return 0;
}

/**
 * Writes `text` to `out`, refusing (InputError, nothing written) to write over the file rendered however it is
 * spelt (another path, a symbolic or hard link: the same device and inode), over anything but a regular file,
 * and over any existing file without `force`. Without `force` the file is created exclusively, so a file
 * that appears meanwhile is not overwritten either.
 */
function writeOut(source: string, out: string, text: string, force: boolean): void {
  const target = statOrUndefined(out);
  if (target) {
    const rendered = statSync(source);
    if (target.dev === rendered.dev && target.ino === rendered.ino)
      throw new InputError(`--out ${out} is the file being rendered; choose another file`);
    const special = specialKind(target);
    if (special) throw new InputError(`--out ${out} is not a regular file (${special}); choose another file`);
    if (!force) throw new InputError(`--out ${out} already exists; add --force to write over it`);
  }
  try {
    writeFileSync(out, text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'EEXIST') throw new InputError(`--out ${out} already exists; add --force to write over it`);
    throw new InputError(`${out}: cannot write the file (${code ?? 'unknown error'})`);
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function formatOf(out: string | undefined): string | undefined {
  const ext = out ? extname(out).toLowerCase() : '';
  return ext === '.md' || ext === '.markdown' ? 'md' : ext === '.html' || ext === '.htm' ? 'html' : undefined;
}

function describe(audience: PreviewAudience): string {
  return audience === 'all' ? 'all recipients' : AUDIENCE_LABELS[audience].phrase;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The preview's stylesheet, shipped beside the CLI in client/media (dist/cli.js, or out/bin when run from tsc output). */
function stylesheet(): string {
  for (const candidate of [
    join(__dirname, '..', 'client', 'media', 'preview.css'),
    join(__dirname, '..', '..', 'client', 'media', 'preview.css'),
  ]) {
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  throw new InputError('cannot find client/media/preview.css beside the gpai-docs program; reinstall it');
}
