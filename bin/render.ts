/**
 * `gpai-docs render <file>`: the file as the Model Documentation Form for one audience, or as one of the two
 * documents a provider publishes (the training-content summary, the summary of the copyright policy), as a
 * standalone HTML page, Markdown, PDF or DOCX, on stdout or into --out. The same renderers as the VS Code
 * preview and export; the export bundle (dist/exporters.js) is loaded here, on first use.
 * A draft (errors, or items missing for the audience) is marked as one; --strict refuses to write it.
 */
import { existsSync, readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { PreviewModel } from '../shared/types';
import type * as Exporters from '../shared/render/exporters';
import { draftStatus, EXPORT_DOCUMENTS, strictProblems, type ExportDocumentKind } from '../shared/render/exportFacts';
import type { PdfFonts } from '../shared/render/renderPdf';
import {
  AUDIENCE_LABELS,
  isPreviewAudience,
  missingSummary,
  PREVIEW_AUDIENCES,
  type PreviewAudience,
} from '../shared/render/view';
import { cliEngine } from './engine';
import { displayPath, errorCode, InputError, readText, specialKind } from './files';
import { printDocument, printLines } from './output';

export interface RenderArgs {
  readonly audience?: string;
  readonly format?: string;
  readonly out?: string;
  /** The date printed in the footer (default: today). */
  readonly today?: string;
  /** `form` (default), `summary` (public summary of training content) or `copyright-policy`. */
  readonly document?: string;
  /** Refuse to render a draft: exit 1, write nothing, print one line per problem. */
  readonly strict?: boolean;
  /** Write over an existing --out file (never over the file rendered, nor a FIFO or a device). */
  readonly force?: boolean;
}

const FORMATS = ['html', 'md', 'pdf', 'docx'] as const;
type Format = (typeof FORMATS)[number];

const USAGE =
  'render takes one file: gpai-docs render <file> [--document form|summary|copyright-policy] [--audience all|ai-office|nca|downstream] [--format html|md|pdf|docx] [--out path [--force]] [--strict]';

/**
 * Writes the export to stdout or to --out; returns the exit code, at once for HTML and Markdown, once
 * written for PDF and DOCX. Bad arguments throw an InputError (exit 2).
 */
export function renderCommand(paths: readonly string[], args: RenderArgs): number | Promise<number> {
  if (paths.length !== 1) throw new InputError(USAGE);
  const document = (args.document ?? 'form') as ExportDocumentKind;
  if (!EXPORT_DOCUMENTS.includes(document))
    throw new InputError(`--document must be ${EXPORT_DOCUMENTS.join(', ')}, not "${args.document}"`);
  if (document !== 'form' && args.audience !== undefined)
    throw new InputError(`--audience applies to the form only; the ${document} document is public`);
  const audience = args.audience ?? 'all';
  if (!isPreviewAudience(audience))
    throw new InputError(`--audience must be ${PREVIEW_AUDIENCES.join(', ')}, not "${audience}"`);
  const format = (args.format ?? formatOf(args.out) ?? 'html') as Format;
  if (!FORMATS.includes(format)) throw new InputError(`--format must be html, md, pdf or docx, not "${format}"`);
  const [path] = paths;
  const engine = cliEngine(args.today);
  const model = engine.preview(engine.parse(readText(path), path))!;
  const target = { document, audience };
  if (args.strict) {
    const problems = strictProblems(model, target);
    if (problems.length) {
      for (const p of problems) process.stderr.write(`${displayPath(path)}: ${p}\n`);
      process.stderr.write(
        `gpai-docs: not rendered (--strict): ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} for ${describe(document, audience)}\n`,
      );
      return 1;
    }
  }
  const exporters = loadExporters();
  const options = { document, audience, generatedOn: engine.today() };
  const force = args.force ?? false;
  if (format === 'html' || format === 'md')
    return write(
      { path, out: args.out, force },
      exporters.renderText(model, { ...options, format, css: stylesheet() }),
      model,
      document,
      audience,
    );
  return exporters
    .renderExport(model, { ...options, format, ...(format === 'pdf' ? { fonts: fonts() } : {}) })
    .then((output) => write({ path, out: args.out, force }, output, model, document, audience));
}

/** Where an export goes: the file rendered, --out (stdout without it), and whether --force was given. */
interface Destination {
  readonly path: string;
  readonly out: string | undefined;
  readonly force: boolean;
}

function write(
  to: Destination,
  output: string | Uint8Array,
  model: PreviewModel,
  document: ExportDocumentKind,
  audience: PreviewAudience,
): number {
  if (!to.out) {
    if (typeof output === 'string') printDocument(output);
    else process.stdout.write(output);
    return 0;
  }
  writeOut([to.path], to.out, output, to.force);
  const draft = draftStatus(model, { document, audience }).draft ? ' (marked DRAFT)' : '';
  const what =
    document === 'form'
      ? 'the Model Documentation Form'
      : document === 'summary'
        ? 'the public summary of training content'
        : 'the summary of the copyright policy';
  const state = document === 'form' ? `; ${lowerFirst(missingSummary(model, audience))}` : '';
  printLines([
    `${displayPath(to.out)}: ${what} for ${describe(document, audience)}${draft}, from ${displayPath(to.path)}${state}`,
  ]);
  return 0;
}

/**
 * Writes `output` to `out`, refusing (InputError, nothing written) to write over a file read (`sources`, each
 * however it is spelt: another path, a symbolic or hard link, the same device and inode), over anything but a
 * regular file, and over any existing file without `force`. Without `force` the file is created exclusively,
 * so a file that appears meanwhile is not overwritten either.
 */
export function writeOut(
  sources: readonly string[],
  out: string,
  output: string | Uint8Array,
  force: boolean,
  verb: 'rendered' | 'compared' = 'rendered',
): void {
  const target = statOrUndefined(out);
  if (target) {
    for (const source of sources) {
      const read = statOrUndefined(source);
      if (read && target.dev === read.dev && target.ino === read.ino)
        throw new InputError(`--out ${out} is the file being ${verb}; choose another file`);
    }
    const special = specialKind(target);
    if (special) throw new InputError(`--out ${out} is not a regular file (${special}); choose another file`);
    if (!force) throw new InputError(`--out ${out} already exists; add --force to write over it`);
  }
  try {
    writeFileSync(out, output, { flag: force ? 'w' : 'wx' });
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

/** The format an --out file's name asks for: `.md`, `.html`, `.pdf`, `.docx`. */
export function formatOf(out: string | undefined): string | undefined {
  const ext = out ? extname(out).toLowerCase() : '';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  return ext === '.pdf' || ext === '.docx' ? ext.slice(1) : undefined;
}

function describe(document: ExportDocumentKind, audience: PreviewAudience): string {
  if (document !== 'form') return 'the public';
  return audience === 'all' ? 'all recipients' : AUDIENCE_LABELS[audience].phrase;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The first of `candidates` (relative to this program: dist/, or out/bin when run from tsc output) that exists. */
function beside(what: string, ...candidates: string[][]): string {
  for (const c of candidates) {
    const file = join(__dirname, ...c);
    if (existsSync(file)) return file;
  }
  throw new InputError(`cannot find ${what} beside the gpai-docs program; reinstall it`);
}

/** The preview's stylesheet, shipped beside the CLI in client/media. */
export function stylesheet(): string {
  return readFileSync(
    beside(
      'client/media/preview.css',
      ['..', 'client', 'media', 'preview.css'],
      ['..', '..', 'client', 'media', 'preview.css'],
    ),
    'utf8',
  );
}

/** The export bundle: dist/exporters.js beside dist/cli.js, or the compiled module beside out/bin. */
export function loadExporters(): typeof Exporters {
  const file = beside('the export bundle (exporters.js)', ['exporters.js'], ['..', 'shared', 'render', 'exporters.js']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as typeof Exporters;
}

/** Roboto for the PDF: dist/fonts beside dist/cli.js, or pdfmake's own copy when run from tsc output. */
export function fonts(): PdfFonts {
  const face = (name: string) =>
    readFileSync(
      beside(`the font ${name}`, ['fonts', name], ['..', '..', 'node_modules', 'pdfmake', 'fonts', 'Roboto', name]),
    );
  return {
    regular: face('Roboto-Regular.ttf'),
    bold: face('Roboto-Medium.ttf'),
  };
}
