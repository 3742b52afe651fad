/**
 * The preview as HTML: the file as the Model Documentation Form, for one audience. Pure: a PreviewModel and
 * options in, a string out; the webview panel, the export command and the CLI all call it. Every value from
 * the document is escaped (renderValue.ts); the only script is the webview's own, loaded with a nonce.
 */
import type {
  PreviewChapter,
  PreviewItem,
  PreviewMeasure,
  PreviewModel,
  PreviewSection,
  PreviewSummary,
} from '../types';
import type { ItemChange } from '../changes';
import {
  changeClass,
  changesBannerHtml,
  indexChanges,
  rowMarkHtml,
  SUMMARY_SECTION,
  type ChangeIndex,
  type ChangeView,
} from './changeMarks';
import { itemHeading } from './changeWords';
import { escapeHtml, jsonAttr } from './escape';
import { draftStatus, type DraftStatus, type ExportTarget } from './exportFacts';
import { draftHtml, hyphenateHtml, openItemsHtml, pageCss, provenanceHtml, type Hyphenate } from './renderPrint';
import { badgeHtml, derivedHtml, fieldsHtml, invalidHtml, stateClass, valueHtml } from './renderValue';
import { sha256Base64 } from './sha256';
import {
  AUDIENCE_LABELS,
  missingCount,
  missingSummary,
  PREVIEW_AUDIENCES,
  RECIPIENTS,
  sharedNotApplicable,
  showsChapters,
  showsValue,
  stateReason,
  visibleSections,
  type PreviewAudience,
} from './view';

export interface RenderOptions {
  /** Whose view: every item, or only those ticked for one recipient. Default `all`. */
  readonly audience?: PreviewAudience;
  /**
   * `webview`: the page VS Code shows, with the audience selector, click-to-reveal and quick-fix buttons,
   * linking `styleUri` and `scriptUri`. `standalone` (default): a self-contained page to send or print.
   */
  readonly mode?: 'webview' | 'standalone';
  /** Webview: the nonce the page script is allowed by. */
  readonly nonce?: string;
  /** Webview: `webview.cspSource`, the origin of the extension's media. */
  readonly cspSource?: string;
  readonly styleUri?: string;
  readonly scriptUri?: string;
  /** Standalone: the stylesheet, inlined (and allowed by its hash). */
  readonly css?: string;
  /** Standalone: the date printed in the footer, e.g. `2025-11-01`; left out when absent. */
  readonly generatedOn?: string;
  /** Standalone: soft hyphens for long words (the export bundle's hyphenator); none when absent. */
  readonly hyphenate?: Hyphenate;
  /** Standalone: the footer's HTML, instead of the form's (a change notice has its own). */
  readonly footer?: string;
  /** The changes since an earlier version, marked on the rows they concern ("Changes since <version>"). */
  readonly changes?: ChangeView;
  /** Webview: the toolbar's toggle that shows them, in the writer's language; the page script updates it. */
  readonly changesToggle?: ChangesToggle;
}

/** The state of the toolbar's "Changes since <version>" toggle. */
export interface ChangesToggle {
  /** Whether an earlier version is known; without one the toggle is disabled and `title` says why. */
  readonly available: boolean;
  readonly on: boolean;
  readonly label: string;
  readonly title: string;
}

interface Context {
  readonly audience: PreviewAudience;
  readonly interactive: boolean;
  /** Said once in the header, so not on each row. */
  readonly sharedReason?: string;
  /** Standalone: whether the export is a draft, and what is open. */
  readonly draft?: { readonly status: DraftStatus; readonly target: ExportTarget };
  readonly changes?: ChangeIndex;
}

/**
 * The whole page: the webview's initial HTML, or the standalone export. A standalone export also carries its
 * page rules (running header, page numbers, DRAFT on every page of a draft), the open items and provenance.
 */
export function renderPreviewHtml(model: PreviewModel, options: RenderOptions = {}): string {
  const body = renderPreviewBody(model, options);
  if (options.mode === 'webview') return page(body, model.uri, pageTitle(model), options);
  const target: ExportTarget = { document: 'form', audience: options.audience ?? 'all' };
  const css = `${options.css ?? ''}\n${pageCss(model, target, draftStatus(model, target), options.generatedOn)}`;
  return page(hyphenateHtml(body, options.hyphenate), model.uri, pageTitle(model), { ...options, css });
}

/** The webview's page before the first model arrives: the toolbar and a note; the body follows by message. */
export function renderPreviewShell(uri: string, options: RenderOptions = {}): string {
  return page(renderPreviewNotice('Loading the preview…'), uri, 'Model Documentation Form', {
    ...options,
    mode: 'webview',
  });
}

/** A body that says why there is no form to show (the server has no preview, the file is gone). */
export function renderPreviewNotice(text: string): string {
  return `<p class="notice">${escapeHtml(text)}</p>`;
}

/** A page around a body: the webview's (nonce CSP, toolbar, script) or a standalone one (inlined style, no script). */
export function page(body: string, uri: string, title: string, options: RenderOptions): string {
  const webview = options.mode === 'webview';
  const css = webview ? '' : (options.css ?? '').replace(/<\/style/gi, '<\\/style');
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(webview ? webviewCsp(options) : standaloneCsp(css))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    webview && options.styleUri ? `<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">` : '',
    css ? `<style>${css}</style>` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const audience = options.audience ?? 'all';
  const script =
    webview && options.scriptUri
      ? `<script nonce="${escapeHtml(options.nonce ?? '')}" src="${escapeHtml(options.scriptUri)}"></script>`
      : '';
  const bodyAttrs = `class="gpai-preview ${webview ? 'webview' : 'standalone'}" data-audience="${escapeHtml(audience)}" data-uri="${escapeHtml(uri)}"`;
  const toolbar = webview ? toolbarHtml(audience, options.changesToggle) : '';
  const footer = webview ? '' : (options.footer ?? footerHtml(options));
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n${head}\n</head>\n<body ${bodyAttrs}>\n${toolbar}<main id="preview">${body}</main>\n${footer}${script}\n</body>\n</html>\n`;
}

/** The content of `<main>`: what the webview swaps in on every update. */
export function renderPreviewBody(model: PreviewModel, options: RenderOptions = {}): string {
  const audience = options.audience ?? 'all';
  const target: ExportTarget = { document: 'form', audience };
  const ctx: Context = {
    audience,
    interactive: options.mode === 'webview',
    sharedReason: sharedNotApplicable(model),
    ...(options.mode === 'webview' ? {} : { draft: { status: draftStatus(model, target), target } }),
    ...(options.changes ? { changes: indexChanges(options.changes) } : {}),
  };
  const sections = visibleSections(model, ctx.audience);
  const parts = [
    ctx.changes ? changesBannerHtml(ctx.changes, shownAsRow(model, sections, ctx.audience), ctx.interactive) : '',
    headerHtml(
      model,
      sections.filter((s) => s.number === 0),
      ctx,
    ),
    ...sections.filter((s) => s.number !== 0).map((s) => sectionHtml(s, ctx)),
  ];
  if (showsChapters(ctx.audience)) {
    parts.push(chapterHtml(model.copyright, ctx));
    if (model.safetyAndSecurity) parts.push(chapterHtml(model.safetyAndSecurity, ctx));
  }
  parts.push(summaryHtml(model.trainingContentSummary, ctx));
  if (ctx.draft) parts.push(openItemsHtml(ctx.draft.status), provenanceHtml(model, ctx.draft.target));
  return parts.filter(Boolean).join('\n');
}

/** Whether a change is marked on a row (or on the training-content summary) of the form as shown. */
function shownAsRow(
  model: PreviewModel,
  sections: readonly PreviewSection[],
  audience: PreviewAudience,
): (item: ItemChange) => boolean {
  const ids = new Set(sections.flatMap((s) => s.items.map((i) => i.id)));
  if (showsChapters(audience))
    for (const chapter of [model.copyright, model.safetyAndSecurity])
      if (chapter && !chapter.notApplicable)
        for (const m of chapter.commitments.flatMap((c) => c.measures)) ids.add(m.id);
  return (item) => ids.has(item.id) || item.published === true;
}

function webviewCsp(options: RenderOptions): string {
  const source = options.cspSource ?? "'none'";
  return `default-src 'none'; style-src ${source}; img-src ${source}; font-src ${source}; script-src 'nonce-${options.nonce ?? ''}'; base-uri 'none'; form-action 'none'`;
}

/** No script at all, no network, and only our own stylesheet (by its hash), so document text cannot restyle the page. */
function standaloneCsp(css: string): string {
  const style = css ? `'sha256-${sha256Base64(css)}'` : "'none'";
  return `default-src 'none'; style-src ${style}; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;
}

function pageTitle(model: PreviewModel): string {
  return `Model Documentation Form${model.header.model ? ` — ${model.header.model}` : ''}`;
}

function toolbarHtml(audience: PreviewAudience, changes: ChangesToggle | undefined): string {
  const options = PREVIEW_AUDIENCES.map(
    (a) => `<option value="${a}"${a === audience ? ' selected' : ''}>${escapeHtml(AUDIENCE_LABELS[a].long)}</option>`,
  ).join('');
  const toggle = changes
    ? ` <label class="changes-toggle" title="${escapeHtml(changes.title)}"><input type="checkbox" id="changes"${changes.on ? ' checked' : ''}${changes.available ? '' : ' disabled'}> <span id="changes-label">${escapeHtml(changes.label)}</span></label>`
    : '';
  return `<nav class="toolbar" aria-label="Preview options"><label for="audience">Show the form as sent to</label> <select id="audience">${options}</select>${toggle}</nav>\n`;
}

function footerHtml(options: RenderOptions): string {
  const on = options.generatedOn ? ` on ${escapeHtml(options.generatedOn)}` : '';
  return `<footer class="form-footer"><p>Prepared with gpai-docs${on} from the provider's documentation file. Item numbers and labels follow the Model Documentation Form of the Code of Practice for General-Purpose AI Models (Transparency chapter); the ticks show which recipient each item is for: AI Office (AIO), national competent authorities (NCAs), downstream providers (DPs).</p></footer>\n`;
}

function headerHtml(model: PreviewModel, documentSections: readonly PreviewSection[], ctx: Context): string {
  const { header } = model;
  const meta = [
    metaRow('Provider', header.provider),
    metaRow('Model', header.model),
    metaRow('Classification', header.classification.label),
    ...documentSections.flatMap((s) => s.items.map((i) => metaItem(i, ctx))),
    metaRow('Prepared for', AUDIENCE_LABELS[ctx.audience].long),
  ].join('');
  const open = missingCount(model, ctx.audience);
  const subtitle = [header.model, header.provider]
    .filter(Boolean)
    .map((s) => escapeHtml(s!))
    .join(' · ');
  return `<header class="form-header">
<p class="kicker">EU AI Act · Code of Practice for General-Purpose AI Models · Transparency chapter</p>
<h1>Model Documentation Form</h1>
${subtitle ? `<p class="subtitle">${subtitle}</p>` : ''}
<dl class="meta">${meta}</dl>
<p class="completeness ${open ? 'open' : 'complete'}" role="status" data-missing="${open}">${escapeHtml(missingSummary(model, ctx.audience))}</p>
${ctx.draft ? draftHtml(ctx.draft.status, ctx.draft.target) : ''}
${ctx.sharedReason ? `<p class="applicability">${badgeHtml('not-applicable')} The Model Documentation Form does not apply to this model: ${escapeHtml(stateReason('not-applicable', ctx.sharedReason))}. The answers are shown as written.</p>` : ''}
</header>`;
}

function metaRow(label: string, value: string | undefined): string {
  const shown = value ? escapeHtml(value) : '<span class="badge badge-missing">Missing</span>';
  return `<div class="meta-row"><dt>${escapeHtml(label)}</dt><dd>${shown}</dd></div>`;
}

/** The document rows of the form (version, last update), shown in the header but still items. */
function metaItem(item: PreviewItem, ctx: Context): string {
  return `<div class="meta-row item state-${stateClass(item.state)}${changeClass(ctx.changes, item.id)}" ${itemAttrs(item)}><dt>${escapeHtml(item.label)}</dt><dd>${answerHtml(item, ctx)}${rowMarkHtml(ctx.changes, item.id)}</dd></div>`;
}

function itemAttrs(
  item: { id: string; path: readonly (string | number)[]; range?: { start: { line: number } } },
  fallbackLine?: number,
): string {
  const line = item.range?.start.line ?? fallbackLine;
  return `data-item-id="${escapeHtml(item.id)}" data-path="${jsonAttr(item.path)}"${line === undefined ? '' : ` data-line="${line}"`}`;
}

function sectionHtml(section: PreviewSection, ctx: Context): string {
  const heads = RECIPIENTS.map(
    (a) =>
      `<th scope="col" class="tick" title="${escapeHtml(AUDIENCE_LABELS[a].long)}">${AUDIENCE_LABELS[a].short}</th>`,
  ).join('');
  const rows = section.items.map((i) => itemRow(i, section, ctx)).join('\n');
  const line = section.range ? ` data-line="${section.range.start.line}"` : '';
  return `<section class="form-section" id="${escapeHtml(section.id.replace(/[^\w-]/g, '-'))}"${line}>
<h2><span class="section-number">Section ${section.number}</span> ${escapeHtml(section.title)}</h2>
<table class="form-table">
<colgroup><col class="c-num"><col class="c-label"><col class="c-answer"><col class="c-tick"><col class="c-tick"><col class="c-tick"></colgroup>
<thead><tr><th scope="col" class="num">No.</th><th scope="col">Item</th><th scope="col">Information</th>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function itemRow(item: PreviewItem, section: PreviewSection, ctx: Context): string {
  const ticks = RECIPIENTS.map((a) =>
    item.recipients.includes(a)
      ? `<td class="tick" title="${escapeHtml(AUDIENCE_LABELS[a].long)}"><span class="tick-mark" role="img" aria-label="yes">✓</span></td>`
      : '<td class="tick"><span class="visually-hidden">no</span></td>',
  ).join('');
  const invalid = item.invalid ? ' invalid' : '';
  const changed = changeClass(ctx.changes, item.id);
  return `<tr class="item state-${stateClass(item.state)}${invalid}${changed}" ${itemAttrs(item, section.range?.start.line)}><td class="num">${escapeHtml(item.number)}</td><th scope="row" class="label">${escapeHtml(item.label)}</th><td class="answer">${answerHtml(item, ctx)}${rowMarkHtml(ctx.changes, item.id)}</td>${ticks}</tr>`;
}

function answerHtml(item: PreviewItem, ctx: Context): string {
  const companions = item.companions?.length ? fieldsHtml(item.companions) : '';
  return `${ownAnswerHtml(item, ctx)}${companions}`;
}

function ownAnswerHtml(item: PreviewItem, ctx: Context): string {
  if (item.invalid) return `${invalidHtml(item.invalid)}${valueHtml(item.value, item.state)}`;
  // A derived row says its value once, in words; where it comes from only to those who also receive the source.
  if (item.derived) return derivedHtml(item.derived, ctx.audience === 'all');
  const shared = item.state === 'not-applicable' && item.reason === ctx.sharedReason;
  const badge = shared ? '' : badgeHtml(item.state, item.reason, item.naReason);
  return `${badge}${showsValue(item.state) ? valueHtml(item.value, item.state) : ''}${fixButton(item.state, ctx)}`;
}

/** Webview: a missing answer offers the server's quick-fix that adds it. */
function fixButton(state: PreviewItem['state'], ctx: Context): string {
  if (!ctx.interactive || state !== 'missing') return '';
  return '<button type="button" class="quick-fix" data-action="quick-fix" title="Add this to the file with its quick-fix">Add…</button>';
}

function chapterHtml(chapter: PreviewChapter, ctx: Context): string {
  const head = `<h2>${escapeHtml(chapter.title)}</h2>`;
  if (chapter.notApplicable) {
    return `<section class="chapter" id="${escapeHtml(chapter.id)}">${head}${badgeHtml('not-applicable', chapter.notApplicable)}</section>`;
  }
  const facts = chapter.fields.length ? `<div class="chapter-facts">${fieldsHtml(chapter.fields)}</div>` : '';
  const commitments = chapter.commitments
    .map(
      (c) => `<h3><span class="section-number">Commitment ${escapeHtml(c.number)}</span> ${escapeHtml(c.title)}</h3>
<table class="measure-table">
<colgroup><col class="c-measure"><col class="c-status"><col class="c-answer"></colgroup>
<thead><tr><th scope="col">Measure</th><th scope="col">Status</th><th scope="col">How it is implemented</th></tr></thead>
<tbody>
${c.measures.map((m) => measureRow(m, ctx)).join('\n')}
</tbody>
</table>`,
    )
    .join('\n');
  return `<section class="chapter" id="${escapeHtml(chapter.id)}">${head}${facts}${commitments}</section>`;
}

function measureRow(measure: PreviewMeasure, ctx: Context): string {
  const status = measure.status ? `<span class="status">${escapeHtml(measure.status.replace(/_/g, ' '))}</span>` : '';
  const badge = badgeHtml(measure.state, measure.reason);
  const changed = changeClass(ctx.changes, measure.id);
  return `<tr class="measure item state-${stateClass(measure.state)}${changed}" ${itemAttrs(measure)}><th scope="row" class="label"><span class="measure-number">Measure ${escapeHtml(measure.number)}</span> ${escapeHtml(measure.title)}</th><td class="status-cell">${status}</td><td class="answer">${badge}${fieldsHtml(measure.fields, measure.state)}${fixButton(measure.state, ctx)}${rowMarkHtml(ctx.changes, measure.id)}</td></tr>`;
}

/** The public summary of training content; its changes (published, not sent) marked under its title. */
function summaryHtml(summary: PreviewSummary, ctx: Context): string {
  const badge = badgeHtml(summary.state, summary.reason);
  const line = summary.range ? ` data-line="${summary.range.start.line}"` : '';
  const changed = [...(ctx.changes?.byId.values() ?? [])].filter((i) => i.published);
  const marks = changed.length
    ? `<ul class="summary-changes">${changed.map((i) => `<li class="changed change-${i.kind}"><strong>${escapeHtml(itemHeading(i))}</strong>${rowMarkHtml(ctx.changes, i.id)}</li>`).join('')}</ul>`
    : '';
  return `<section class="chapter training-summary${changed.length ? ' changed' : ''}" id="${SUMMARY_SECTION}"${line}><h2>${escapeHtml(summary.title)}</h2>${marks}${badge}${fieldsHtml(summary.fields, summary.state)}</section>`;
}
