/**
 * The preview as Markdown, for the export: the same content and audience rules as the HTML (view.ts), as
 * headings, short tables and lists. Every value from the document is escaped so that it renders as the
 * characters written: no raw HTML, no links other than `https:` and `mailto:`, no accidental emphasis.
 */
import type {
  PreviewChapter,
  PreviewField,
  PreviewItem,
  PreviewMeasure,
  PreviewModel,
  PreviewState,
  PreviewSummary,
  PreviewValue,
} from '../types';
import { escapeMarkdown, markdownHref } from './escape';
import {
  catalogueNote,
  draftLine,
  draftStatus,
  unconfirmedNotes,
  type DraftStatus,
  type ExportTarget,
} from './exportFacts';
import {
  AUDIENCE_LABELS,
  missingSummary,
  recipientsText,
  sharedNotApplicable,
  showsChapters,
  showsValue,
  STATE_LABELS,
  stateReason,
  visibleSections,
  type PreviewAudience,
} from './view';

export interface MarkdownOptions {
  readonly audience?: PreviewAudience;
  /** The date printed at the end, e.g. `2025-11-01`; left out when absent. */
  readonly generatedOn?: string;
}

export function renderPreviewMarkdown(model: PreviewModel, options: MarkdownOptions = {}): string {
  const audience = options.audience ?? 'all';
  const sections = visibleSections(model, audience);
  const shared = sharedNotApplicable(model);
  const target: ExportTarget = { document: 'form', audience };
  const status = draftStatus(model, target);
  const blocks = [
    headerMd(model, sections.find((s) => s.number === 0)?.items ?? [], audience, shared),
    draftMd(status, target),
  ];
  for (const s of sections.filter((x) => x.number !== 0)) {
    blocks.push(`## Section ${s.number}. ${inline(s.title)}`, ...s.items.map((i) => itemMd(i, shared, audience)));
  }
  if (showsChapters(audience)) {
    blocks.push(chapterMd(model.copyright));
    if (model.safetyAndSecurity) blocks.push(chapterMd(model.safetyAndSecurity));
  }
  blocks.push(
    summaryMd(model.trainingContentSummary),
    openItemsMd(status),
    provenanceMd(model, target),
    footerMd(options),
  );
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

function headerMd(
  model: PreviewModel,
  documentItems: readonly PreviewItem[],
  audience: PreviewAudience,
  shared: string | undefined,
): string {
  const { header } = model;
  const rows: [string, string][] = [
    ['Provider', header.provider ? inline(header.provider) : '**Missing**'],
    ['Model', header.model ? inline(header.model) : '**Missing**'],
    ...documentItems.map((i): [string, string] => [inline(i.label), inline(itemInlineText(i, i.reason === shared))]),
    ['Classification', inline(header.classification.label)],
    ['Prepared for', AUDIENCE_LABELS[audience].long],
  ];
  return [
    '# Model Documentation Form',
    '_EU AI Act · Code of Practice for General-Purpose AI Models · Transparency chapter_',
    ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n'),
    `> ${inline(missingSummary(model, audience))}`,
    shared
      ? `**Not applicable**: the Model Documentation Form does not apply to this model: ${inline(stateReason('not-applicable', shared))}. The answers are shown as written.`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A document row's answer on one line, for the header table. */
function itemInlineText(item: PreviewItem, stateSaidInHeader: boolean): string {
  const value =
    item.value &&
    (item.value.kind === 'text' ? item.value.paragraphs.join(' ') : item.value.kind === 'date' ? item.value.text : '');
  const state = stateSaidInHeader ? '' : STATE_LABELS[item.state];
  return [value, state && `(${state})`].filter(Boolean).join(' ');
}

/** Text after other text on its line (a heading's, a table cell's): one line, no block marks needed. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' '), false);
}

function itemMd(item: PreviewItem, shared: string | undefined, audience: PreviewAudience): string {
  const companions = item.companions?.length ? fieldsMd(item.companions) : '';
  return [ownMd(item, shared, audience), companions].filter(Boolean).join('\n\n');
}

function ownMd(item: PreviewItem, shared: string | undefined, audience: PreviewAudience): string {
  const head = `### ${inline(item.number)} ${inline(item.label)}`;
  const meta = `_For: ${recipientsText(item.recipients)}_`;
  if (item.invalid) return [head, meta, invalidMd(item.invalid.message), valueMd(item.value)].join('\n\n');
  if (item.derived) {
    const from = audience === 'all' ? ` _(computed from ${inline(item.derived.from)})_` : '';
    return [head, meta, `${inline(item.derived.words)}${from}`].join('\n\n');
  }
  const saidInHeader = item.state === 'not-applicable' && item.reason === shared;
  const state = saidInHeader ? '' : stateMd(item.state, stateReason(item.state, item.reason, item.naReason));
  const value = showsValue(item.state) ? valueMd(item.value, item.state) : '';
  return [head, meta, state, value].filter(Boolean).join('\n\n');
}

function stateMd(state: PreviewState, reason: string | undefined): string {
  const label = STATE_LABELS[state];
  if (!label) return '';
  return `**${label}**${reason ? `: ${inline(reason)}` : ''}`;
}

/** A value as Markdown blocks. */
export function valueMd(value: PreviewValue | undefined, state?: PreviewState): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.paragraphs
        .map((p) =>
          p
            .split(/\r\n|\r|\n/)
            .map((l) => escapeMarkdown(l))
            .join('\\\n'),
        )
        .join('\n\n');
    case 'number':
      return numberMd(value);
    case 'date':
      return escapeMarkdown(value.text);
    case 'link':
      return linkMd(value.href);
    case 'boolean':
      return value.value ? 'Yes' : 'No';
    case 'choice':
      return escapeMarkdown(value.label || value.value);
    case 'list':
      return value.items.length ? value.items.map((i) => `- ${indent(valueMd(i))}`).join('\n') : '_(none)_';
    case 'fields':
      return fieldsMd(value.fields, state);
  }
}

/** A number as written and its unit; the coarse value derived from it is said once, in its own row. */
function numberMd(value: Extract<PreviewValue, { kind: 'number' }>): string {
  const unit = value.unit ? ` ${inline(value.unit)}` : '';
  return `${escapeMarkdown(value.text)}${unit}`;
}

/** An answer the checker reports as wrong; the value after it is the text as written. */
function invalidMd(message: string): string {
  return `**Not valid**: ${inline(message)} As written:`;
}

function linkMd(address: string): string {
  const href = markdownHref(address);
  return href ? `<${href}>` : escapeMarkdown(address);
}

/** Named values as a list; a field's state is shown only where it differs from its answer's (`parent`). */
function fieldsMd(fields: readonly PreviewField[], parent?: PreviewState): string {
  return fields
    .map((f) => {
      const state = f.invalid
        ? ` **Not valid** (${inline(f.invalid.message)}) as written:`
        : STATE_LABELS[f.state] && f.state !== parent
          ? ` **${STATE_LABELS[f.state]}**`
          : '';
      const value = valueMd(f.value, f.state);
      const block = value.startsWith('- ')
        ? `\n  ${indent(value)}`
        : value.includes('\n')
          ? `\n\n  ${indent(value)}`
          : value
            ? ` ${value}`
            : '';
      return `- **${inline(f.label)}:**${state}${block}`;
    })
    .join('\n');
}

/** Continuation lines of a list item, indented under it. */
function indent(block: string): string {
  return block.replace(/\n(?=.)/g, '\n  ');
}

function chapterMd(chapter: PreviewChapter): string {
  const head = `## ${inline(chapter.title)}`;
  if (chapter.notApplicable)
    return `${head}\n\n${stateMd('not-applicable', stateReason('not-applicable', chapter.notApplicable))}`;
  const blocks = [head, fieldsMd(chapter.fields)];
  for (const c of chapter.commitments) {
    blocks.push(`### Commitment ${inline(c.number)}. ${inline(c.title)}`, ...c.measures.map(measureMd));
  }
  return blocks.filter(Boolean).join('\n\n');
}

function measureMd(measure: PreviewMeasure): string {
  const status = measure.status ? `Status: ${inline(measure.status.replace(/_/g, ' '))}` : '';
  return [
    `#### Measure ${inline(measure.number)}. ${inline(measure.title)}`,
    status,
    stateMd(measure.state, stateReason(measure.state, measure.reason)),
    fieldsMd(measure.fields, measure.state),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function summaryMd(summary: PreviewSummary): string {
  return [
    `## ${inline(summary.title)}`,
    stateMd(summary.state, stateReason(summary.state, summary.reason)),
    fieldsMd(summary.fields, summary.state),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Markdown has no pages: the DRAFT mark stands under the title, and the open items at the end. */
export function draftMd(status: DraftStatus, target: ExportTarget): string {
  return status.draft ? `> **DRAFT** — ${inline(draftLine(status, target))}` : '';
}

export function openItemsMd(status: DraftStatus): string {
  if (!status.draft) return '';
  const rows = status.open.map((o) => `| ${inline(o.number)} | ${inline(o.label)} | ${inline(o.reason)} |`);
  const table = rows.length ? ['| No. | Item | What is missing or wrong |', '|---|---|---|', ...rows].join('\n') : '';
  const elsewhere = status.elsewhere
    ? `${status.elsewhere} ${status.elsewhere === 1 ? 'error is' : 'errors are'} in parts of the documentation file that this export does not include; the provider sees ${status.elsewhere === 1 ? 'it' : 'them'} with \`gpai-docs check\`.`
    : '';
  return ['## Open items', 'This export is a draft until these are resolved.', table, elsewhere]
    .filter(Boolean)
    .join('\n\n');
}

export function provenanceMd(model: PreviewModel, target: ExportTarget): string {
  const notes = unconfirmedNotes(model, target);
  return [
    '## About this document',
    inline(catalogueNote(model)),
    notes.length
      ? `Not yet confirmed in the final text, and to be read with care:\n\n${notes.map((n) => `- ${inline(n)}`).join('\n')}`
      : 'Every label and recipient shown is confirmed in the final text.',
  ].join('\n\n');
}

function footerMd(options: MarkdownOptions): string {
  const on = options.generatedOn ? ` on ${inline(options.generatedOn)}` : '';
  return `---\n\n_Prepared with gpai-docs${on}. Item numbers and labels follow the Model Documentation Form of the Code of Practice for General-Purpose AI Models; "For" names the recipients ticked in the form: AI Office (AIO), national competent authorities (NCAs), downstream providers (DPs)._`;
}
