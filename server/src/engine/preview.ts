/**
 * The preview model: the file as the Model Documentation Form, for the client's preview and exports. The
 * header, the document rows and Sections 1-8 with every form item once, in the form's order (its label,
 * recipients, state and the value as written), then the Copyright chapter, the Safety and Security chapter
 * where it applies, and the training-content summary. Built once per version; the client only renders it.
 */
import type {
  PreviewChapter,
  PreviewCommitment,
  PreviewItem,
  PreviewMeasure,
  PreviewModel,
  PreviewSection,
  PreviewSummary,
  PreviewValue,
} from '../../../shared/types';
import {
  ANSWER_KEYS,
  chapterOf,
  childSpecs,
  commitmentsOf,
  findOption,
  formHeader,
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
  type PathSegment,
} from './catalogue';
import { answerState, derivedValue, type AnswerState } from './answers';
import { notApplicable } from './applicability';
import { getCoverage } from './coverage';
import { memo, type GpaiDocument } from './document';
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
import { companionFields, field, fieldsOf, paragraphs, previewState, valueOf } from './previewValues';
import { parseNotApplicable, parseQuantity } from './values';

export function getPreviewModel(doc: GpaiDocument): PreviewModel {
  return memo(doc, 'preview', () => {
    const model = fileModel(doc);
    const text = (path: readonly PathSegment[]) => model.text(path)?.trim() || undefined;
    const sections = [formHeader, ...formSections].map((s) => section(doc, s));
    const coverage = getCoverage(doc);
    const hasSystemicRisk = coverage.classification.hasSystemicRisk;
    return {
      uri: doc.uri,
      version: doc.version,
      header: {
        provider: text(KEYS.general_information.provider_legal_name.path),
        model: text(KEYS.general_information.model_name.path),
        documentVersion: text(KEYS.document.version.path),
        lastUpdated: text(KEYS.document.last_updated.path),
        classification: coverage.classification,
      },
      sections,
      copyright: chapter(doc, chapterOf(KEYS.copyright.id)!),
      ...(hasSystemicRisk ? { safetyAndSecurity: chapter(doc, chapterOf(KEYS.safety_and_security.id)!) } : {}),
      trainingContentSummary: summary(doc),
      completeness: { all: coverage.counts, ...coverage.audiences },
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
  const companions = companionFields(doc, formItem);
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
    ...(companions.length ? { companions } : {}),
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

function rank(s: AnswerState): number {
  return { missing: 3, partial: 2, covered: 1, 'not-applicable': 0 }[s.state];
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
