/**
 * What every export says beside the answers, for every format alike: whether it is a draft and why (the open
 * items for its reader), the running header, the catalogue it was checked against and the facts of that
 * catalogue still unconfirmed. Pure functions over the PreviewModel; the renderers only lay them out.
 *
 * An export is a draft when the file has any error, or when an item its reader receives is missing,
 * placeholder, incomplete or invalid. Problems in parts the reader does not receive are counted, not
 * quoted: a message may quote an answer (a parameter count) that this reader must not get.
 */
import type {
  PreviewField,
  PreviewModel,
  PreviewProblem,
  PreviewState,
  PreviewUnconfirmed,
  PreviewValue,
} from '../types';
import {
  AUDIENCE_LABELS,
  OPEN_STATES,
  receives,
  showsChapters,
  STATE_LABELS,
  stateReason,
  visibleSections,
  type PreviewAudience,
} from './view';

/** Which document an export is: the form for one audience, or one of the two documents a provider publishes. */
export type ExportDocumentKind = 'form' | 'summary' | 'copyright-policy';

export const EXPORT_DOCUMENTS: readonly ExportDocumentKind[] = ['form', 'summary', 'copyright-policy'];

export interface ExportTarget {
  readonly document: ExportDocumentKind;
  /** The form's reader; the two public documents are for everyone. */
  readonly audience: PreviewAudience;
}

export const DOCUMENT_TITLES: Readonly<Record<ExportDocumentKind, string>> = {
  form: 'Model Documentation Form',
  summary: 'Public summary of training content',
  'copyright-policy': 'Summary of the copyright policy',
};

/** One line of the "Open items" appendix. */
export interface OpenItem {
  /** The form's or the template's number, or a measure's ("Copyright 1.3"); empty for the file as a whole. */
  readonly number: string;
  readonly label: string;
  /** What is missing or wrong, in plain words. */
  readonly reason: string;
}

export interface DraftStatus {
  readonly draft: boolean;
  readonly open: readonly OpenItem[];
  /** Errors in parts of the file this export leaves out. */
  readonly elsewhere: number;
}

export function draftStatus(model: PreviewModel, target: ExportTarget): DraftStatus {
  const open =
    target.document === 'form'
      ? formOpenItems(model, target.audience)
      : target.document === 'summary'
        ? summaryOpenItems(model)
        : copyrightOpenItems(model);
  const shown = new Set(open.map((o) => o.id));
  const visible = (p: PreviewProblem) => p.id !== undefined && isShown(model, target, p.id);
  const problems = (model.problems ?? []).filter((p) => !(p.id && shown.has(p.id)));
  const quoted = problems.filter(visible).map((p) => ({ id: p.id!, number: '', label: '', reason: p.message }));
  const all = [...open, ...quoted].map(({ number, label, reason }) => ({ number, label, reason }));
  const elsewhere = problems.length - quoted.length;
  return { draft: all.length > 0 || elsewhere > 0, open: all, elsewhere };
}

/** Every problem, for `render --strict` and the VS Code draft question: the provider's own view of the file. */
export function strictProblems(model: PreviewModel, target: ExportTarget): string[] {
  const { open } = draftStatus(model, target);
  const lines = open.map(
    (o) => [o.number, o.label].filter(Boolean).join(' ') + (o.number ? `: ${o.reason}` : o.reason),
  );
  const said = new Set(open.map((o) => o.reason));
  for (const p of model.problems ?? [])
    if (!said.has(p.message) && !open.some((o) => o.reason.includes(p.message)))
      lines.push(`line ${p.line + 1}: ${p.message} (${p.code})`);
  return lines;
}

type Keyed = OpenItem & { readonly id: string };

function formOpenItems(model: PreviewModel, audience: PreviewAudience): Keyed[] {
  const out: Keyed[] = [];
  for (const item of visibleSections(model, audience).flatMap((s) => s.items)) {
    const wrong = item.invalid ? [item.invalid.message] : invalidFields(item.value);
    if (OPEN_STATES.has(item.state)) out.push({ ...entry(item), reason: openReason(item.state, item.reason) });
    else for (const reason of wrong) out.push({ ...entry(item), reason });
  }
  if (showsChapters(audience)) {
    for (const chapter of [model.copyright, ...(model.safetyAndSecurity ? [model.safetyAndSecurity] : [])]) {
      if (chapter.notApplicable) continue;
      for (const m of chapter.commitments.flatMap((c) => c.measures)) {
        const base = { id: m.id, number: `${chapter.title} ${m.number}`, label: m.title };
        if (OPEN_STATES.has(m.state)) out.push({ ...base, reason: openReason(m.state, m.reason) });
        for (const reason of fieldsInvalid(m.fields)) out.push({ ...base, reason });
      }
    }
  }
  const summary = model.trainingContentSummary;
  if (OPEN_STATES.has(summary.state))
    out.push({
      id: 'format/training-content-summary',
      number: '',
      label: summary.title,
      reason: openReason(summary.state, summary.reason),
    });
  return out;
}

function summaryOpenItems(model: PreviewModel): Keyed[] {
  const template = model.summaryTemplate;
  if (!template) return [];
  return template.sections.flatMap((s) =>
    s.items.flatMap((i): Keyed[] => {
      const base = { id: i.id, number: i.number, label: i.label };
      if (OPEN_STATES.has(i.state)) return [{ ...base, reason: openReason(i.state, i.reason) }];
      return fieldsInvalid(i.fields).map((reason) => ({ ...base, reason }));
    }),
  );
}

function copyrightOpenItems(model: PreviewModel): Keyed[] {
  const chapter = model.copyright;
  if (chapter.notApplicable) return [];
  return chapter.commitments
    .flatMap((c) => c.measures)
    .flatMap((m): Keyed[] => {
      const base = { id: m.id, number: `Measure ${m.number}`, label: m.title };
      const wrong = fieldsInvalid(m.fields).map((reason) => ({ ...base, reason }));
      return OPEN_STATES.has(m.state) ? [{ ...base, reason: openReason(m.state, m.reason) }, ...wrong] : wrong;
    });
}

function entry(item: { id: string; number: string; label: string }): Keyed {
  return { id: item.id, number: item.number, label: item.label, reason: '' };
}

function openReason(state: PreviewState, reason: string): string {
  const shown = stateReason(state, reason);
  return shown ? `${STATE_LABELS[state]}: ${shown}` : STATE_LABELS[state];
}

/** Messages of invalid fields anywhere inside a value. */
function invalidFields(value: PreviewValue | undefined): string[] {
  if (!value) return [];
  if (value.kind === 'fields') return fieldsInvalid(value.fields);
  if (value.kind === 'list') return value.items.flatMap(invalidFields);
  return [];
}

function fieldsInvalid(fields: readonly PreviewField[]): string[] {
  return fields.flatMap((f) => (f.invalid ? [`${f.label}: ${f.invalid.message}`] : invalidFields(f.value)));
}

/** Whether the part of the file a catalogue id names is in this export. */
function isShown(model: PreviewModel, target: ExportTarget, id: string): boolean {
  if (target.document === 'summary') return id.startsWith('tcs/') || id.startsWith('format/tcs');
  if (target.document === 'copyright-policy') return id.startsWith('copyright/');
  const item = model.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item) return receives(item, target.audience);
  if (id.startsWith('tcs/') || id.startsWith('format/tcs') || id === 'format/training-content-summary') return true;
  return target.audience === 'all' || (showsChapters(target.audience) && /^(copyright|safety-security)\//.test(id));
}

// ---- Running header and provenance -------------------------------------------------------------------

/** The line at the top of every printed page: model, document version, reader, date. */
export function runningHeader(model: PreviewModel, target: ExportTarget, generatedOn?: string): string {
  const version = target.document === 'summary' ? summaryVersion(model) : model.header.documentVersion;
  const reader = target.document === 'form' ? AUDIENCE_LABELS[target.audience].long : 'Public';
  return [
    model.header.model ?? 'Unnamed model',
    DOCUMENT_TITLES[target.document],
    version ? `version ${version}` : 'no version',
    reader,
    generatedOn,
  ]
    .filter(Boolean)
    .join(' · ');
}

function summaryVersion(model: PreviewModel): string | undefined {
  const field = model.summaryTemplate?.sections[0]?.items[0]?.fields[0];
  return field?.value?.kind === 'text' ? field.value.paragraphs.join(' ') : undefined;
}

/** "Checked against the gpai-docs catalogue of 2026-12, which follows …". */
export function catalogueNote(model: PreviewModel): string {
  const c = model.catalogue;
  return c
    ? `Checked against the gpai-docs catalogue of ${c.version}, which follows ${c.follows}.`
    : 'Checked against the gpai-docs catalogue.';
}

const FACTS: Readonly<Record<PreviewUnconfirmed['fact'], string>> = {
  label: 'Labels',
  recipients: 'Recipients (ticks)',
};

/**
 * The unconfirmed facts this export relies on, one sentence per kind: "Recipients (ticks) known only from
 * the third draft (11 March 2025): 2.2, 2.3." Empty when every fact shown is confirmed.
 */
export function unconfirmedNotes(model: PreviewModel, target: ExportTarget): string[] {
  const facts: [string, readonly PreviewUnconfirmed[] | undefined][] = [];
  if (target.document === 'form') {
    for (const s of visibleSections(model, target.audience)) {
      if (s.number > 0) facts.push([`Section ${s.number}`, s.unconfirmed]);
      for (const i of s.items) facts.push([i.number, i.unconfirmed]);
    }
  } else if (target.document === 'summary') {
    for (const i of model.summaryTemplate?.sections.flatMap((s) => s.items) ?? [])
      facts.push([i.number, i.unconfirmed]);
  }
  const chapters =
    target.document === 'copyright-policy'
      ? [model.copyright]
      : target.document === 'form' && showsChapters(target.audience)
        ? [model.copyright, ...(model.safetyAndSecurity ? [model.safetyAndSecurity] : [])]
        : [];
  for (const c of chapters.filter((x) => !x.notApplicable))
    for (const m of c.commitments.flatMap((k) => k.measures)) facts.push([`${c.title} ${m.number}`, m.unconfirmed]);
  const groups = new Map<string, string[]>();
  for (const [number, list] of facts)
    for (const u of list ?? []) {
      const key = `${FACTS[u.fact]} ${u.confidence}`;
      groups.set(key, [...(groups.get(key) ?? []), number]);
    }
  return [...groups].map(([what, numbers]) => `${what}: ${numbers.join(', ')}.`);
}

/** "Draft: 3 open items for downstream providers, listed at the end." */
export function draftLine(status: DraftStatus, target: ExportTarget): string {
  const n = status.open.length;
  const forWhom =
    target.document === 'form' && target.audience !== 'all' ? ` for ${AUDIENCE_LABELS[target.audience].phrase}` : '';
  const items = n ? `${n} open ${n === 1 ? 'item' : 'items'}${forWhom}, listed under "Open items" at the end` : '';
  const others = status.elsewhere
    ? `${status.elsewhere} ${status.elsewhere === 1 ? 'error' : 'errors'} in parts of the file not in this export`
    : '';
  return `Not ready to send: ${[items, others].filter(Boolean).join('; and ')}.`;
}
