/**
 * The preview model: the file as the Model Documentation Form, for the client's preview and exports. The
 * header, the document rows and Sections 1-8 with every form item once, in the form's order (its label,
 * recipients, state and the value as written), then the Copyright chapter, the Safety and Security chapter
 * where it applies, and the training-content summary. Built once per version; the client only renders it.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type {
  Audience,
  PreviewChapter,
  PreviewCommitment,
  PreviewDerived,
  PreviewField,
  PreviewItem,
  PreviewMeasure,
  PreviewModel,
  PreviewSection,
  PreviewState,
  PreviewSummary,
  PreviewValue,
} from '../../../shared/types';
import {
  ANSWER_KEYS,
  AUDIENCES,
  chapterOf,
  childSpecs,
  commitmentsOf,
  entrySpec,
  findOption,
  formHeader,
  formItems,
  formSections,
  getChapter,
  getFormItem,
  itemLabel,
  itemsOfSection,
  KEYS,
  keyPathsFor,
  keySpecAt,
  measuresOf,
  type ChapterId,
  type FormItem,
  type FormSection,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { answerState, derivedValue, type AnswerState } from './answers';
import { notApplicable } from './applicability';
import { getCoverage } from './coverage';
import { keyName, memo, type GpaiDocument } from './document';
import { fileModel } from './model';
import {
  derivedWords,
  itemUnconfirmed,
  measureUnconfirmed,
  previewCatalogue,
  previewChecks,
  sectionUnconfirmed,
} from './previewChecks';
import { templateModel } from './previewTemplate';
import { isWellFormedLink, parseNotApplicable, parseQuantity } from './values';

export function getPreviewModel(doc: GpaiDocument): PreviewModel {
  return memo(doc, 'preview', () => {
    const model = fileModel(doc);
    const text = (path: readonly PathSegment[]) => model.text(path)?.trim() || undefined;
    const sections = [formHeader, ...formSections].map((s) => section(doc, s));
    const hasSystemicRisk = getCoverage(doc).classification.hasSystemicRisk;
    return {
      uri: doc.uri,
      version: doc.version,
      header: {
        provider: text(KEYS.general_information.provider_legal_name.path),
        model: text(KEYS.general_information.model_name.path),
        documentVersion: text(KEYS.document.version.path),
        lastUpdated: text(KEYS.document.last_updated.path),
        classification: getCoverage(doc).classification,
      },
      sections,
      copyright: chapter(doc, chapterOf(KEYS.copyright.id)!),
      ...(hasSystemicRisk ? { safetyAndSecurity: chapter(doc, chapterOf(KEYS.safety_and_security.id)!) } : {}),
      trainingContentSummary: summary(doc),
      missingFor: missingFor(sections),
      catalogue: previewCatalogue(),
      problems: previewChecks(doc).problems,
      summaryTemplate: templateModel(doc, (spec, path) => field(doc, spec, path)),
    };
  });
}

// ---- The form ---------------------------------------------------------------------------------------

/** A section of the form, and the header (number 0): the block of its first item's key holds it. */
function section(doc: GpaiDocument, formSection: FormSection): PreviewSection {
  const items = itemsOfSection(formSection.number);
  const path = keyPathsFor(formSection.id)[0] ?? keyPathsFor(items[0]?.id ?? '')[0]?.slice(0, 1);
  const answer = path ? fileModel(doc).at(path) : undefined;
  const unconfirmed = sectionUnconfirmed(formSection);
  return {
    id: formSection.id,
    number: formSection.number,
    title: formSection.title,
    items: items.map((i) => item(doc, i)),
    ...(answer ? { range: answer.keyRange } : {}),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

function item(doc: GpaiDocument, formItem: FormItem): PreviewItem {
  const paths = keyPathsFor(formItem.id);
  const states = paths.map((path) => ({
    path,
    spec: keySpecAt(path)!,
    state: answerState(doc, keySpecAt(path)!, path),
  }));
  // An optional companion key (e.g. "other" modality) left out says nothing about the item.
  const considered = states.filter((s) => !(s.state.detail === 'optional' && states.length > 1));
  const worst = [...(considered.length ? considered : states)].sort((a, b) => rank(b.state) - rank(a.state))[0];
  const model = fileModel(doc);
  const written = states.filter((s) => model.at(s.path)?.node !== undefined);
  let state = previewState(worst.state);
  let reason = reasonOf(worst.state);
  // A coarse row neither written nor derivable is missing for its recipients, who never see the precise row.
  if (state === 'optional' && formItem.derivedFrom) {
    const source = getFormItem(formItem.derivedFrom)!;
    const wrong = keyPathsFor(source.id).some((p) => previewChecks(doc).invalidAt(p));
    state = 'missing';
    reason = `not written, and not derived: form ${source.number} is ${wrong ? 'not a valid number' : 'not written'}`;
  }
  const first = written[0]?.path ?? paths[0];
  const answer = model.at(first);
  let value: PreviewValue | undefined;
  if (state === 'derived') value = derivedAnswer(doc, formItem);
  else if (written.length === 1) value = valueOf(doc, written[0].spec, written[0].path);
  else if (written.length > 1) value = { kind: 'fields', fields: written.map((s) => field(doc, s.spec, s.path)) };
  // An answer the checker reports as wrong is shown as the text written, marked, never as a date or number.
  const invalid = written.length === 1 ? previewChecks(doc).invalidAt(written[0].path) : undefined;
  if (invalid) value = paragraphs(model.text(written[0].path) ?? '');
  const derived = state === 'derived' ? derivedValue(doc, formItem.id) : undefined;
  const unconfirmed = itemUnconfirmed(formItem);
  const na = state === 'n/a' && written[0] ? parseNotApplicable(model.text(written[0].path) ?? '') : undefined;
  return {
    id: formItem.id,
    number: formItem.number,
    label: itemLabel(formItem),
    recipients: [...formItem.recipients],
    state,
    reason,
    ...(na?.reason ? { naReason: na.reason } : {}),
    value,
    path: first,
    ...(answer ? { range: answer.keyRange } : {}),
    ...(invalid ? { invalid } : {}),
    ...(derived && formItem.derivedFrom
      ? { derived: { words: derivedWords(formItem, derived), from: getFormItem(formItem.derivedFrom)!.number } }
      : {}),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

function rank(s: AnswerState): number {
  return { missing: 3, partial: 2, covered: 1, 'not-applicable': 0 }[s.state];
}

function previewState(s: AnswerState): PreviewState {
  switch (s.detail) {
    case 'written':
      return 'written';
    case 'derived':
      return 'derived';
    case 'empty':
    case 'absent':
      return 'missing';
    case 'placeholder':
      return 'placeholder';
    case 'n/a':
      return 'n/a';
    case 'optional':
      return 'optional';
    case 'not-applicable':
      return 'not-applicable';
    case 'n/a-not-allowed':
    case 'incomplete':
      return 'incomplete';
  }
}

function reasonOf(s: AnswerState): string {
  return s.detail === 'written' ? '' : s.reason;
}

/** A coarse row left out: the value gpai-docs derives for it. */
function derivedAnswer(doc: GpaiDocument, formItem: FormItem): PreviewValue | undefined {
  const value = derivedValue(doc, formItem.id);
  if (!value) return undefined;
  const option = formItem.values ? findOption(formItem.values, value) : undefined;
  if (option) return { kind: 'choice', value: option.value, label: option.label };
  const q = formItem.format === 'number' ? parseQuantity(value) : undefined;
  return q
    ? { kind: 'number', text: q.numberText, ...(q.unit ? { unit: q.unit } : {}) }
    : { kind: 'text', paragraphs: [value] };
}

function missingFor(sections: readonly PreviewSection[]): Record<Audience, number> {
  const open = sections
    .flatMap((s) => s.items)
    .filter((i) => i.state === 'missing' || i.state === 'placeholder' || i.state === 'incomplete');
  return Object.fromEntries(AUDIENCES.map((a) => [a, open.filter((i) => i.recipients.includes(a)).length])) as Record<
    Audience,
    number
  >;
}

// ---- Chapters and the summary -----------------------------------------------------------------------

function chapter(doc: GpaiDocument, id: ChapterId): PreviewChapter {
  const na = notApplicable(doc, id);
  const commitments: PreviewCommitment[] = commitmentsOf(id).map((c) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    measures: measuresOf(c.id).map((m) => {
      const unconfirmed = measureUnconfirmed(m);
      return { ...measure(doc, m.id, m.number, m.title), ...(unconfirmed ? { unconfirmed } : {}) };
    }),
  }));
  // The facts the chapter's block holds besides its measures' answers (whether the web was crawled).
  const path = keyPathsFor(id)[0] ?? keyPathsFor(commitmentsOf(id)[0]?.id ?? '')[0];
  const fields = path
    ? childSpecs(keySpecAt(path))
        .filter((c) => c.type !== 'map')
        .map((c) => field(doc, c, [...path, c.key]))
    : [];
  return { id, title: getChapter(id)!.title, fields, commitments, ...(na ? { notApplicable: na.reason } : {}) };
}

function measure(doc: GpaiDocument, id: string, number: string, title: string): PreviewMeasure {
  const path = keyPathsFor(id)[0] ?? [];
  const spec = keySpecAt(path);
  const written = fileModel(doc).at(path);
  const located = written ? { range: written.keyRange } : {};
  if (!spec) return { id, number, title, state: 'missing', reason: 'not in the format', fields: [], path, ...located };
  const status =
    fileModel(doc)
      .text([...path, ANSWER_KEYS.status])
      ?.trim() || undefined;
  const whole = answerState(doc, spec, path);
  let state = previewState(whole);
  let reason = reasonOf(whole);
  if (state === 'written' && (status === 'planned' || status === 'in_progress')) {
    state = 'incomplete';
    reason = `status: ${status.replace('_', ' ')}`;
  }
  const fields = written
    ? fieldsOf(
        doc,
        spec,
        path,
        (c) => c.key !== ANSWER_KEYS.status && (c.key !== ANSWER_KEYS.reason || status === 'not_applicable'),
      )
    : [];
  return { id, number, title, ...(status ? { status } : {}), state, reason, fields, path, ...located };
}

function summary(doc: GpaiDocument): PreviewSummary {
  const path = KEYS.training_content_summary.path;
  const spec = keySpecAt(path)!;
  const state = answerState(doc, spec, path);
  const written = fileModel(doc).at(path);
  return {
    title: 'Public summary of training content',
    state: previewState(state),
    reason: reasonOf(state),
    fields: written ? fieldsOf(doc, spec, path) : [],
    ...(written ? { range: written.keyRange } : {}),
  };
}

// ---- Values -----------------------------------------------------------------------------------------

/** The coarse items derived from a precise key (a range or order of magnitude), by the precise key's path. */
const DERIVED_ON: ReadonlyMap<string, FormItem> = new Map(
  formItems.flatMap((coarse) =>
    keyPathsFor(coarse.id).flatMap((path) => {
      const spec = keySpecAt(path);
      return spec?.derivation && spec.derivation.how !== 'rounded'
        ? [[JSON.stringify(spec.derivation.from), coarse] as const]
        : [];
    }),
  ),
);

/** A map's fields in the format's order: the keys written, and the required ones left out (as missing). */
function fieldsOf(
  doc: GpaiDocument,
  spec: KeySpec,
  path: readonly PathSegment[],
  keep: (c: KeySpec) => boolean = () => true,
): PreviewField[] {
  const node = fileModel(doc).at(path)?.node;
  if (spec.type === 'keyed-map') {
    return (isMap(node) ? (node.items as Pair[]) : []).flatMap((p) => {
      const key = keyName(p);
      const entry = key === undefined ? undefined : entrySpec(spec, key);
      return entry && key !== undefined
        ? [field(doc, entry, [...path, key], spec.values ? findOption(spec.values, key)?.label : undefined)]
        : [];
    });
  }
  return childSpecs(spec)
    .filter(keep)
    .flatMap((c) => {
      const childPath = [...path, c.key];
      if (fileModel(doc).has(childPath)) return [field(doc, c, childPath)];
      const state = answerState(doc, c, childPath);
      return state.state === 'missing' ? [field(doc, c, childPath)] : [];
    });
}

function field(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[], label?: string): PreviewField {
  // Once per path: the summary's keys are shown twice, in the summary and in its template layout.
  return memo(doc, `preview-field:${JSON.stringify(path)}:${label ?? ''}`, () => fieldOnce(doc, spec, path, label));
}

function fieldOnce(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[], label?: string): PreviewField {
  const key = String(path[path.length - 1]);
  const invalid = previewChecks(doc).invalidAt(path);
  return {
    key,
    label: label ?? words(key),
    value: invalid ? paragraphs(fileModel(doc).text(path) ?? '') : valueOf(doc, spec, path),
    state: previewState(answerState(doc, spec, path)),
    ...(invalid ? { invalid } : {}),
  };
}

/** The value at `path` as written, shaped by its spec; `undefined` when absent or empty. */
export function valueOf(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): PreviewValue | undefined {
  const answer = fileModel(doc).at(path);
  const node = answer?.node as Node | undefined;
  if (node === undefined || (isScalar(node) && (node.value === null || String(node.value).trim() === '')))
    return undefined;
  if (isSeq(node)) {
    const items = node.items
      .map((_, i) => valueOf(doc, entrySpec(spec, i) ?? spec, [...path, i]))
      .filter((v): v is PreviewValue => v !== undefined);
    return { kind: 'list', items };
  }
  if (isMap(node))
    return {
      kind: 'fields',
      fields: fieldsOf(doc, spec.type === 'flag-or-map' ? { ...spec, type: 'map' } : spec, path),
    };
  if (!isScalar(node)) return undefined;
  const text = answer?.text ?? '';
  if (parseNotApplicable(text) && spec.type !== 'enum') return paragraphs(String(node.value));
  switch (spec.type) {
    case 'date':
    case 'month':
      return { kind: 'date', text: text.trim() };
    case 'boolean':
      return typeof node.value === 'boolean' ? { kind: 'boolean', value: node.value } : paragraphs(text);
    case 'enum': {
      const option = spec.values ? findOption(spec.values, text) : undefined;
      return { kind: 'choice', value: option?.value ?? text.trim(), label: option?.label ?? text.trim() };
    }
    case 'quantity':
    case 'number':
      return numberOf(doc, path, text);
  }
  if (isWellFormedLink(text) && /^\s*(https:|mailto:)/i.test(text)) return { kind: 'link', href: text.trim() };
  return paragraphs(String(node.value));
}

function numberOf(doc: GpaiDocument, path: readonly PathSegment[], text: string): PreviewValue {
  const q = parseQuantity(text);
  if (!q) return paragraphs(text);
  const coarse = DERIVED_ON.get(JSON.stringify(path));
  const value = coarse ? derivedValue(doc, coarse.id) : undefined;
  const derived: PreviewDerived | undefined =
    coarse && value ? { itemId: coarse.id, label: itemLabel(coarse), value } : undefined;
  return { kind: 'number', text: q.numberText, ...(q.unit ? { unit: q.unit } : {}), ...(derived ? { derived } : {}) };
}

/** Free text as paragraphs: split at blank lines (literal blocks keep single line breaks inside). */
function paragraphs(text: string): PreviewValue {
  return {
    kind: 'text',
    paragraphs: text
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** `wall_clock_days` -> "Wall clock days". */
function words(key: string): string {
  const spaced = key.replace(/_/g, ' ').replace(/\burl\b/, 'URL');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
