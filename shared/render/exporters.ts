/**
 * Every export in every format, behind two functions (the form and the public documents; a change notice):
 * the entry of the export bundle (dist/exporters.js),
 * which the VS Code export command and `gpai-docs render` require on first use, so that neither the
 * extension's activation nor `gpai-docs check` loads the PDF, DOCX and hyphenation libraries.
 * Pure apart from the libraries: the caller reads the stylesheet and the fonts and writes the result.
 */
import type { DocumentChanges } from '../changes';
import type { PreviewModel } from '../types';
import { changeNoticeTree } from './exportChanges';
import { exportTree } from './exportDocument';
import type { ExportTarget } from './exportFacts';
import { renderPreviewHtml } from './render';
import { renderDocx } from './renderDocx';
import { renderPreviewMarkdown } from './renderMarkdown';
import { renderPdf, type PdfFonts } from './renderPdf';
import type { Hyphenate } from './renderPrint';
import { changeNoticeHtml, changeNoticeMarkdown } from './renderChanges';
import { renderPublicHtml, renderPublicMarkdown } from './renderSummary';

export type ExportFormat = 'html' | 'md' | 'pdf' | 'docx';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'md', 'pdf', 'docx'];

export interface ExportOptions extends ExportTarget {
  readonly format: ExportFormat;
  /** HTML: the preview's stylesheet, inlined. */
  readonly css?: string;
  /** PDF: the faces to embed (Roboto, shipped in dist/fonts). */
  readonly fonts?: PdfFonts;
  /** The date the export states, e.g. `2025-11-01`. */
  readonly generatedOn?: string;
}

/** The export as text (HTML, Markdown) or bytes (PDF, DOCX). */
export async function renderExport(model: PreviewModel, options: ExportOptions): Promise<string | Uint8Array> {
  const { document, audience, format, generatedOn } = options;
  if (format === 'html' || format === 'md') return renderText(model, { ...options, format });
  const tree = exportTree(model, { document, audience }, generatedOn);
  if (format === 'docx') return renderDocx(tree);
  if (!options.fonts) throw new Error('a PDF export needs its fonts');
  return renderPdf(tree, options.fonts);
}

/** HTML and Markdown, at once: the CLI prints them without waiting. */
export function renderText(model: PreviewModel, options: ExportOptions & { format: 'html' | 'md' }): string {
  const { document, audience, format, css, generatedOn } = options;
  const hyphenate = hyphenator();
  if (document !== 'form')
    return format === 'md'
      ? renderPublicMarkdown(model, { document, generatedOn })
      : renderPublicHtml(model, { document, css, generatedOn, hyphenate });
  return format === 'md'
    ? renderPreviewMarkdown(model, { audience, generatedOn })
    : renderPreviewHtml(model, { audience, css, generatedOn, hyphenate });
}

export interface NoticeExportOptions {
  readonly format: ExportFormat;
  /** Where each version was read: a file, `<git-ref>:<path>`, a tag. */
  readonly sources?: { readonly old: string; readonly new: string };
  /** HTML: the preview's stylesheet, inlined. */
  readonly css?: string;
  /** PDF: the faces to embed. */
  readonly fonts?: PdfFonts;
  readonly generatedOn?: string;
}

/** A change notice (what changed for one reader between two versions) as text or bytes, like the form. */
export async function renderNoticeExport(
  changes: DocumentChanges,
  options: NoticeExportOptions,
): Promise<string | Uint8Array> {
  const { format, sources, css, generatedOn } = options;
  if (format === 'md') return changeNoticeMarkdown(changes, { sources, generatedOn });
  if (format === 'html') return changeNoticeHtml(changes, { sources, generatedOn, css });
  const tree = changeNoticeTree(changes, { sources, generatedOn });
  if (format === 'docx') return renderDocx(tree);
  if (!options.fonts) throw new Error('a PDF export needs its fonts');
  return renderPdf(tree, options.fonts);
}

let cached: Hyphenate | undefined;

/** British English patterns (Liang's, from the `hyphen` package): soft hyphens at syllables. */
export function hyphenator(): Hyphenate {
  if (!cached) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { hyphenateSync } = require('hyphen/en-gb') as {
      hyphenateSync: (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
    };
    cached = (word) => hyphenateSync(word, { hyphenChar: '\u00ad', minWordLength: 8 });
  }
  return cached;
}
