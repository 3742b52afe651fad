/**
 * The parts of a standalone HTML export that make it a document to send or print, shared by the form and the
 * public documents: the page rules (running header, page numbers, the DRAFT mark in a margin box of every
 * page), the draft banner and watermark, the "Open items" appendix, the provenance note, and soft hyphens.
 * Pure string functions; every text from the document is escaped (HTML) or written as CSS escapes.
 */
import type { PreviewModel } from '../types';
import { escapeHtml } from './escape';
import {
  catalogueNote,
  draftLine,
  runningHeader,
  unconfirmedNotes,
  type DraftStatus,
  type ExportTarget,
} from './exportFacts';

/** Splits a word into syllables joined by U+00AD (soft hyphen); the export's hyphenator, injected. */
export type Hyphenate = (word: string) => string;

/**
 * `@page` margin boxes for this document: the running header at the top left, DRAFT at the top right of
 * every page of a draft, page numbers at the bottom right. Chromium (131+) prints them; other browsers print
 * the banner and the watermark instead.
 */
export function pageCss(model: PreviewModel, target: ExportTarget, status: DraftStatus, generatedOn?: string): string {
  const header = cssString(runningHeader(model, target, generatedOn));
  const draft = status.draft
    ? `@top-right { content: "DRAFT"; color: #a3162b; font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; font-weight: 700; letter-spacing: 0.12em; }`
    : '';
  return `@page { @top-left { content: ${header}; color: #444; font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; } ${draft} @bottom-right { content: "Page " counter(page) " of " counter(pages); color: #444; font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; } }`;
}

/** A CSS string whose every character outside a safe set is a CSS escape: no text can end the string or the style. */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((c) => (/[A-Za-z0-9 .,:()-]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `))
    .join('');
  return `"${escaped}"`;
}

/** The banner under the title, and a faint DRAFT across every page (a fixed element repeats on each printed page). */
export function draftHtml(status: DraftStatus, target: ExportTarget): string {
  if (!status.draft) return '';
  return `<p class="draft-banner" role="note"><span class="draft-word">Draft</span> ${escapeHtml(draftLine(status, target))}</p><div class="draft-watermark" aria-hidden="true">DRAFT</div>`;
}

/** The appendix listing what is missing or wrong for this export's reader. */
export function openItemsHtml(status: DraftStatus): string {
  if (!status.draft) return '';
  const rows = status.open
    .map(
      (o) =>
        `<tr><td class="num">${escapeHtml(o.number)}</td><th scope="row" class="label">${escapeHtml(o.label)}</th><td>${escapeHtml(o.reason)}</td></tr>`,
    )
    .join('\n');
  const table = rows
    ? `<table class="open-table"><colgroup><col class="c-num"><col class="c-label"><col></colgroup><thead><tr><th scope="col" class="num">No.</th><th scope="col">Item</th><th scope="col">What is missing or wrong</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : '';
  const elsewhere = status.elsewhere
    ? `<p>${status.elsewhere} ${status.elsewhere === 1 ? 'error is' : 'errors are'} in parts of the documentation file that this export does not include; the provider sees ${status.elsewhere === 1 ? 'it' : 'them'} with <code>gpai-docs check</code>.</p>`
    : '';
  return `<section class="open-items" id="open-items"><h2>Open items</h2><p>This export is a draft until these are resolved.</p>${table}${elsewhere}</section>`;
}

/** The note at the end: the catalogue version and the facts of it still unconfirmed. */
export function provenanceHtml(model: PreviewModel, target: ExportTarget): string {
  const notes = unconfirmedNotes(model, target);
  const unconfirmed = notes.length
    ? `<p>Not yet confirmed in the final text, and to be read with care:</p><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`
    : '<p>Every label and recipient shown is confirmed in the final text.</p>';
  return `<section class="provenance" id="provenance"><h2>About this document</h2><p>${escapeHtml(catalogueNote(model))}</p>${unconfirmed}</section>`;
}

/**
 * Soft hyphens in the long words of table cells and named values, so that narrow columns break words at
 * syllables rather than anywhere. Only plain words of 8 letters or more: links, codes, numbers and ids stay
 * whole, and headings, which never wrap in a column, are left as written.
 */
export function hyphenateHtml(html: string, hyphenate: Hyphenate | undefined): string {
  if (!hyphenate) return html;
  const words = (text: string) => text.replace(WORD, (w) => hyphenate(w));
  return html.replace(
    /(<(td|th|dd)\b[^>]*>)([\s\S]*?)(<\/\2>)/g,
    (_, open: string, _tag: string, inner: string, close: string) =>
      `${open}${inner.replace(/(^|>)([^<]+)/g, (__, edge: string, text: string) => edge + words(text))}${close}`,
  );
}

/** A word of letters standing alone: between spaces or tag edges, with at most punctuation around it. */
const WORD = /(?<=^|[\s(“‘"])[A-Za-zÀ-ɏ]{8,}(?=$|[\s).,;:!?”’"])/g;
