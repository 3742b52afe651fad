/**
 * `gpai-docs render <file>`: the file as the Model Documentation Form for one audience, as a standalone
 * HTML page (stylesheet inside, no script, prints to PDF) or as Markdown, on stdout or into --out. The
 * same renderer as the VS Code preview and export.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
import { createEngine } from '../server/src/engine';
import { displayPath, InputError, readText } from './files';

export interface RenderArgs {
  readonly audience?: string;
  readonly format?: string;
  readonly out?: string;
  /** The date printed in the footer (default: today). */
  readonly today?: string;
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
  const engine = createEngine();
  const model = engine.preview(engine.parse(readText(path), path))!;
  const generatedOn = args.today ?? engine.today();
  const output =
    format === 'md'
      ? renderPreviewMarkdown(model, { audience, generatedOn })
      : renderPreviewHtml(model, { audience, css: stylesheet(), generatedOn });
  if (!args.out) {
    process.stdout.write(output);
    return 0;
  }
  try {
    writeFileSync(args.out, output);
  } catch (e) {
    throw new InputError(
      `${args.out}: cannot write the file (${(e as NodeJS.ErrnoException).code ?? 'unknown error'})`,
    );
  }
  process.stdout.write(
    `${displayPath(args.out)}: the Model Documentation Form for ${describe(audience)}, from ${displayPath(path)}; ${lowerFirst(missingSummary(model, audience))}\n`,
  );
  return 0;
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
