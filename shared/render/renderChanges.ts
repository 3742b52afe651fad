/**
 * The change notice a provider sends with an updated document: what changed for one reader, item by item in
 * the form's words, with both versions and their dates. As Markdown and as HTML (a standalone page); the VS
 * Code preview marks the same changes on the form itself (changeMarks.ts), and the PDF and DOCX are laid out
 * from exportChanges.ts. Pure: a DocumentChanges in, text out; every text from a document is escaped.
 */
import type { DocumentChanges, FieldChange, ItemChange } from '../changes';
import {
  countsLine,
  fieldHeading,
  itemHeading,
  KIND_LABELS,
  NOTICE_NOTE,
  noticeIntro,
  noticeTitle,
  oneLine,
  recipientsOf,
  rewordedVisibly,
  sameVersionNote,
} from './changeWords';
import { escapeHtml, escapeMarkdown } from './escape';
import type { NoticeTreeOptions } from './exportChanges';
import { page } from './render';

/** As the PDF and DOCX tree's options (exportChanges.ts), and for HTML its stylesheet. */
export interface NoticeOptions extends NoticeTreeOptions {
  /** Standalone HTML: the stylesheet, inlined (and allowed by its hash). */
  readonly css?: string;
}

// ---- Markdown ---------------------------------------------------------------------------------------------

export function changeNoticeMarkdown(changes: DocumentChanges, options: NoticeOptions = {}): string {
  const md = (text: string) => escapeMarkdown(text);
  const out = [`# ${md(noticeTitle(changes))}`, '', md(noticeIntro(changes)), ''];
  out.push('| | Version | Last updated |', '|---|---|---|');
  out.push(`| Before | ${cell(changes.old.version)} | ${cell(changes.old.lastUpdated)} |`);
  out.push(`| Now | ${cell(changes.new.version)} | ${cell(changes.new.lastUpdated)} |`, '');
  const note = sameVersionNote(changes);
  if (note) out.push(`> ${md(note)}`, '');
  out.push(md(countsLine(changes)), '');
  for (const group of changes.groups) {
    out.push(`## ${md(group.title)}`, '');
    for (const item of group.items) out.push(...itemMarkdown(item), '');
  }
  out.push('---', '', md(footerText(options)), '');
  return out.join('\n');
}

function cell(text: string | undefined): string {
  return text ? escapeMarkdown(text, false) : '—';
}

function itemMarkdown(item: ItemChange): string[] {
  const out = [`### ${escapeMarkdown(itemHeading(item))}`, ''];
  out.push(`_${escapeMarkdown(`${KIND_LABELS[item.kind]} · for: ${recipientsOf(item)}`, false)}_`, '');
  for (const change of item.changes) out.push(...fieldMarkdown(change));
  return out;
}

function fieldMarkdown(change: FieldChange): string[] {
  const value = (text: string) => escapeMarkdown(oneLine(text), false);
  const out = [`- **${escapeMarkdown(fieldHeading(change), false)}**`];
  if (change.kind === 'reworded' && !rewordedVisibly(change))
    out.push(`  - Now: ${value(change.new ?? '')} (only the layout of the text changed)`);
  else {
    if (change.old !== undefined) out.push(`  - Before: ${value(change.old)}`);
    if (change.new !== undefined) out.push(`  - Now: ${value(change.new)}`);
  }
  return out;
}

// ---- HTML -------------------------------------------------------------------------------------------------

/** The notice as a page to send or print: no script, only its own stylesheet. */
export function changeNoticeHtml(changes: DocumentChanges, options: NoticeOptions = {}): string {
  const footer = `<footer class="form-footer"><p>${escapeHtml(footerText(options))}</p></footer>\n`;
  return page(changeNoticeBody(changes), '', noticeTitle(changes), {
    css: options.css ?? '',
    footer,
    audience: changes.audience,
  });
}

/** The notice's content, for a standalone page. */
export function changeNoticeBody(changes: DocumentChanges): string {
  const row = (label: string, v: DocumentChanges['old']) =>
    `<tr><th scope="row">${label}</th><td>${text(v.version)}</td><td>${text(v.lastUpdated)}</td></tr>`;
  const note = sameVersionNote(changes);
  const header = `<header class="form-header change-header">
<p class="kicker">Change notice</p>
<h1>${escapeHtml(noticeTitle(changes))}</h1>
<p class="subtitle">${escapeHtml(noticeIntro(changes))}</p>
<table class="versions"><thead><tr><th scope="col"></th><th scope="col">Version</th><th scope="col">Last updated</th></tr></thead><tbody>${row('Before', changes.old)}${row('Now', changes.new)}</tbody></table>
${note ? `<p class="same-version" role="note">${escapeHtml(note)}</p>` : ''}
<p class="change-counts" role="status">${escapeHtml(countsLine(changes))}</p>
</header>`;
  const groups = changes.groups.map(
    (g) =>
      `<section class="chapter change-group" data-group="${escapeHtml(g.id)}"><h2>${escapeHtml(g.title)}</h2>\n${g.items.map(itemHtml).join('\n')}</section>`,
  );
  return [header, ...groups].join('\n');
}

function text(value: string | undefined): string {
  return value ? escapeHtml(value) : '<span class="reason">—</span>';
}

function itemHtml(item: ItemChange): string {
  const fields = item.changes.map(fieldHtml).join('');
  return `<article class="change-item change-${item.kind}" data-id="${escapeHtml(item.id)}"><h3>${escapeHtml(itemHeading(item))}</h3><p class="change-meta"><span class="badge badge-change-${item.kind}">${KIND_LABELS[item.kind]}</span> <span class="reason">For: ${escapeHtml(recipientsOf(item))}</span></p><dl class="change-fields">${fields}</dl></article>`;
}

function fieldHtml(change: FieldChange): string {
  const before =
    change.old !== undefined
      ? `<div class="change-old"><span class="reason">Before</span> <del class="value">${escapeHtml(change.old)}</del></div>`
      : '';
  const now =
    change.new !== undefined
      ? `<div class="change-new"><span class="reason">Now</span> <ins class="value">${escapeHtml(change.new)}</ins></div>`
      : '';
  const layout =
    change.kind === 'reworded' && !rewordedVisibly(change)
      ? '<div class="reason">Only the layout of the text changed.</div>'
      : '';
  const line = change.line !== undefined ? ` data-line="${change.line}"` : '';
  return `<div class="change-field"${line}><dt>${escapeHtml(fieldHeading(change))}</dt><dd>${before}${now}${layout}</dd></div>`;
}

function footerText(options: NoticeOptions): string {
  const on = options.generatedOn ? ` on ${options.generatedOn}` : '';
  const from = options.sources ? ` by comparing ${options.sources.old} with ${options.sources.new}` : '';
  return `Prepared with gpai-docs${on}${from}. ${NOTICE_NOTE}`;
}
