/**
 * An export as a neutral tree of parts, rows and blocks: what the PDF and DOCX writers lay out, and what the
 * HTML and Markdown of the two public documents are written from. Pure: a PreviewModel and a target in, the
 * tree out. The form follows the same audience rules as the HTML preview (view.ts); the public documents
 * are the training-content summary as the Commission's template and the summary of the copyright policy.
 */
import type {
  PreviewChapter,
  PreviewField,
  PreviewItem,
  PreviewModel,
  PreviewState,
  PreviewTemplateItem,
  PreviewValue,
} from '../types';
import { safeHref } from './escape';
import {
  catalogueNote,
  DOCUMENT_TITLES,
  draftLine,
  draftStatus,
  runningHeader,
  unconfirmedNotes,
  type ExportTarget,
  type OpenItem,
} from './exportFacts';
import {
  AUDIENCE_LABELS,
  RECIPIENTS,
  sharedNotApplicable,
  showsChapters,
  showsValue,
  STATE_LABELS,
  stateReason,
  visibleSections,
} from './view';

export interface Run {
  readonly text: string;
  /** `flag`: a state or a problem (Missing, Not valid); `link`: `href` is a safe https: or mailto: address. */
  readonly style?: 'muted' | 'strong' | 'flag' | 'link';
  readonly href?: string;
}

export type Block =
  | { readonly kind: 'para'; readonly runs: readonly Run[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Block[])[] }
  | {
      readonly kind: 'fields';
      readonly fields: readonly { readonly label: string; readonly blocks: readonly Block[] }[];
    };

export interface Row {
  readonly number: string;
  readonly label: string;
  /** The form's ticks in the order AIO, NCAs, DPs; absent outside the form's sections. */
  readonly ticks?: readonly boolean[];
  readonly blocks: readonly Block[];
}

export interface Part {
  readonly heading: string;
  /** `form`: the form's table (No., Item, Information, ticks); `list`: each row a titled block. */
  readonly layout: 'form' | 'list';
  readonly intro: readonly Block[];
  readonly rows: readonly Row[];
}

export interface ExportTree {
  readonly title: string;
  readonly kicker: string;
  readonly subtitle: string;
  readonly meta: readonly (readonly [string, string])[];
  readonly runningHeader: string;
  /** The draft line ("Not ready to send: …"), when the export is a draft. */
  readonly draft?: string;
  readonly parts: readonly Part[];
  readonly openItems: readonly OpenItem[];
  readonly elsewhere: number;
  readonly catalogue: string;
  /** The catalogue's facts the export relies on and the reference does not confirm; absent when it states none. */
  readonly unconfirmed?: readonly string[];
  readonly footer: string;
}

const para = (...runs: Run[]): Block => ({ kind: 'para', runs });

export function exportTree(model: PreviewModel, target: ExportTarget, generatedOn?: string): ExportTree {
  const status = draftStatus(model, target);
  const { header } = model;
  const parts =
    target.document === 'form'
      ? formParts(model, target)
      : target.document === 'summary'
        ? summaryParts(model)
        : copyrightParts(model);
  const reader = target.document === 'form' ? AUDIENCE_LABELS[target.audience].long : 'The public';
  const documentRows = target.document === 'form' ? (model.sections.find((s) => s.number === 0)?.items ?? []) : [];
  return {
    title: DOCUMENT_TITLES[target.document],
    kicker: KICKERS[target.document],
    subtitle: [header.model, header.provider].filter(Boolean).join(' · '),
    meta: [
      ['Provider', header.provider ?? 'Missing'],
      ['Model', header.model ?? 'Missing'],
      ...documentRows.map((i): [string, string] => [i.label, inlineText(i)]),
      ...(target.document === 'form' ? [['Classification', header.classification.label] as [string, string]] : []),
      ['Prepared for', reader],
      ...(generatedOn ? [['Date', generatedOn] as [string, string]] : []),
    ],
    runningHeader: runningHeader(model, target, generatedOn),
    ...(status.draft ? { draft: draftLine(status, target) } : {}),
    parts,
    openItems: status.open,
    elsewhere: status.elsewhere,
    catalogue: catalogueNote(model),
    unconfirmed: unconfirmedNotes(model, target),
    footer: `Prepared with gpai-docs${generatedOn ? ` on ${generatedOn}` : ''} from the provider's documentation file.`,
  };
}

const KICKERS: Readonly<Record<ExportTarget['document'], string>> = {
  form: 'EU AI Act · Code of Practice for General-Purpose AI Models · Transparency chapter',
  summary: 'EU AI Act Art. 53(1)(d) · Template of the AI Office (C(2025) 5235)',
  'copyright-policy': 'EU AI Act Art. 53(1)(c) · Code of Practice, Copyright chapter, Measure 1.1',
};

// ---- The form ---------------------------------------------------------------------------------------

function formParts(model: PreviewModel, target: ExportTarget): Part[] {
  const shared = sharedNotApplicable(model);
  const parts: Part[] = visibleSections(model, target.audience)
    .filter((s) => s.number !== 0)
    .map((s) => ({
      heading: `Section ${s.number}  ${s.title}`,
      layout: 'form',
      intro: [],
      rows: s.items.map((i) => ({
        number: i.number,
        label: i.label,
        ticks: RECIPIENTS.map((a) => i.recipients.includes(a)),
        blocks: itemBlocks(i, shared, target.audience === 'all'),
      })),
    }));
  if (showsChapters(target.audience)) {
    parts.push(chapterPart(model.copyright, false));
    if (model.safetyAndSecurity) parts.push(chapterPart(model.safetyAndSecurity, false));
  }
  const summary = model.trainingContentSummary;
  parts.push({
    heading: summary.title,
    layout: 'list',
    intro: [...stateBlocks(summary.state, summary.reason), ...fieldBlocks(summary.fields, summary.state)],
    rows: [],
  });
  return parts;
}

function itemBlocks(item: PreviewItem, shared: string | undefined, sayFrom: boolean): Block[] {
  return [...ownBlocks(item, shared, sayFrom), ...fieldBlocks(item.companions ?? [])];
}

function ownBlocks(item: PreviewItem, shared: string | undefined, sayFrom: boolean): Block[] {
  if (item.invalid) return invalidBlocks(item.invalid.message, item.value);
  if (item.derived)
    return [
      para(
        { text: item.derived.words },
        ...(sayFrom ? [{ text: `  computed from ${item.derived.from}`, style: 'muted' as const }] : []),
      ),
    ];
  const state =
    item.state === 'not-applicable' && item.reason === shared
      ? []
      : stateBlocks(item.state, item.reason, item.naReason);
  return [...state, ...(showsValue(item.state) ? valueBlocks(item.value, item.state) : [])];
}

function invalidBlocks(message: string, value: PreviewValue | undefined): Block[] {
  return [
    para({ text: 'NOT VALID', style: 'flag' }, { text: `  ${message}`, style: 'muted' }),
    para({ text: 'As written: ', style: 'muted' }, { text: plain(value) }),
  ];
}

function stateBlocks(state: PreviewState, reason: string, naReason?: string): Block[] {
  const label = STATE_LABELS[state];
  if (!label) return [];
  const why = stateReason(state, reason, naReason);
  return [
    para({ text: label.toUpperCase(), style: 'flag' }, ...(why ? [{ text: `  ${why}`, style: 'muted' as const }] : [])),
  ];
}

export function valueBlocks(value: PreviewValue | undefined, state?: PreviewState): Block[] {
  if (!value) return [];
  switch (value.kind) {
    case 'text':
      return value.paragraphs.map((p) => para({ text: p }));
    case 'number':
      return [para({ text: value.text }, ...(value.unit ? [{ text: ` ${value.unit}`, style: 'muted' as const }] : []))];
    case 'date':
      return [para({ text: value.text })];
    case 'link': {
      const href = safeHref(value.href);
      return [para(href ? { text: href.replace(/^mailto:/i, ''), style: 'link', href } : { text: value.href })];
    }
    case 'boolean':
      return [para({ text: value.value ? 'Yes' : 'No' })];
    case 'choice':
      return [para({ text: value.label || value.value })];
    case 'list':
      return value.items.length
        ? [{ kind: 'list', items: value.items.map((i) => valueBlocks(i)) }]
        : [para({ text: '(none)', style: 'muted' })];
    case 'fields':
      return fieldBlocks(value.fields, state);
  }
}

function fieldBlocks(fields: readonly PreviewField[], parent?: PreviewState): Block[] {
  if (!fields.length) return [];
  return [
    {
      kind: 'fields',
      fields: fields.map((f) => ({
        label: f.label,
        blocks: f.invalid
          ? invalidBlocks(f.invalid.message, f.value)
          : [...(f.state === parent ? [] : stateBlocks(f.state, '')), ...valueBlocks(f.value, f.state)],
      })),
    },
  ];
}

function chapterPart(chapter: PreviewChapter, publicOnly: boolean): Part {
  if (chapter.notApplicable)
    return {
      heading: chapter.title,
      layout: 'list',
      intro: stateBlocks('not-applicable', chapter.notApplicable),
      rows: [],
    };
  const keep = (f: PreviewField) => !publicOnly || !PRIVATE_KEYS.has(f.key);
  return {
    heading: publicOnly ? 'How the policy is implemented' : chapter.title,
    layout: 'list',
    intro: fieldBlocks(chapter.fields),
    rows: chapter.commitments.flatMap((c) =>
      c.measures.map((m) => ({
        number: `Measure ${m.number}`,
        label: m.title,
        blocks: [
          ...(m.status && !publicOnly
            ? [para({ text: 'Status: ', style: 'muted' }, { text: m.status.replace(/_/g, ' '), style: 'strong' })]
            : []),
          ...stateBlocks(m.state, m.reason),
          ...fieldBlocks(m.fields.filter(keep), m.state),
        ],
      })),
    ),
  };
}

/** Answers kept for the AI Office, not for the public summary: the evidence behind each measure. */
const PRIVATE_KEYS: ReadonlySet<string> = new Set(['evidence']);

// ---- The public documents ----------------------------------------------------------------------------

function summaryParts(model: PreviewModel): Part[] {
  const template = model.summaryTemplate;
  if (!template) return [];
  const extra: Part = {
    heading: 'About this summary',
    layout: 'list',
    intro: [
      para({ text: template.title, style: 'strong' }),
      para({ text: template.instrument, style: 'muted' }),
      ...fieldBlocks(template.extra),
    ],
    rows: [],
  };
  return [
    extra,
    ...template.sections.map((s) => ({
      heading: s.number ? `Section ${s.number}  ${s.title}` : s.title,
      layout: 'list' as const,
      intro: [],
      rows: s.items.map((i) => ({
        number: i.number,
        label: i.label,
        blocks: i.answeredWith
          ? [para({ text: `Given per modality under ${i.answeredWith}.`, style: 'muted' })]
          : templateAnswer(i),
      })),
    })),
  ];
}

/** A template item's answer: one key's value stands alone under the template's label; several are named. */
function templateAnswer(item: PreviewTemplateItem): Block[] {
  if (item.state === 'optional') return [para({ text: 'Not given (optional).', style: 'muted' })];
  const [only] = item.fields;
  if (item.fields.length === 1 && !only.invalid && only.state !== 'missing')
    return [
      ...(item.state === 'n/a' ? [] : stateBlocks(item.state, item.reason)),
      ...valueBlocks(only.value, only.state),
    ];
  return [...stateBlocks(item.state, item.reason), ...fieldBlocks(item.fields, item.state)];
}

function copyrightParts(model: PreviewModel): Part[] {
  const policy = model.copyright.commitments[0]?.measures[0];
  const summary = policy?.fields.find((f) => f.key === 'summary');
  const intro: Part = {
    heading: 'The policy',
    layout: 'list',
    intro: summary ? valueBlocks(summary.value) : stateBlocks('missing', 'no summary of the policy is written'),
    rows: [],
  };
  return [intro, chapterPart(model.copyright, true)];
}

// ---- Text helpers -------------------------------------------------------------------------------------

/** A value on one line, for a header row or "as written". */
export function plain(value: PreviewValue | undefined): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.paragraphs.join(' ');
    case 'number':
      return `${value.text}${value.unit ? ` ${value.unit}` : ''}`;
    case 'date':
      return value.text;
    case 'link':
      return value.href;
    case 'boolean':
      return value.value ? 'Yes' : 'No';
    case 'choice':
      return value.label || value.value;
    case 'list':
      return value.items.map(plain).join('; ');
    case 'fields':
      return value.fields.map((f) => `${f.label}: ${plain(f.value)}`).join('; ');
  }
}

function inlineText(item: PreviewItem): string {
  if (item.invalid) return `${plain(item.value)} (not valid: ${item.invalid.message})`;
  const value = showsValue(item.state) ? plain(item.value) : '';
  const state = STATE_LABELS[item.state];
  return [value, state && `(${state})`].filter(Boolean).join(' ') || 'Missing';
}
