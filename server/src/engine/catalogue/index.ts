/**
 * Lookups over the catalogue. Every feature reads the Code, the form, the template, the AI Act and the
 * format through these functions; none keeps its own copy of a title, id or article.
 */
import {
  annexPoints,
  GPAI_GUIDELINES,
  keyDates,
  legacyDeadline,
  obligationsApplyDate,
  provisions,
  thresholds,
} from './act';
import { chapters, commitments } from './code';
import { measures } from './measures';
import { formHeader, formItems, formSections } from './form';
import { FORMAT_VERSION, formatEntries, formatKeys } from './keys';
import { summaryTemplate, summaryTemplateItems } from './summaryTemplate';
import type {
  Audience,
  ChapterId,
  Commitment,
  Confidence,
  FormItem,
  Measure,
  ValueOption,
  ValueSet,
  ValueSetId,
} from './types';
import { reliefs, roleValueSets, signatoryChapters } from './roles';
import { valueSets as formValueSets } from './values';

/** Every value set: the form's and the format's (values.ts), and those of scope and roles (roles.ts). */
const valueSets: readonly ValueSet[] = [...formValueSets, ...roleValueSets];

export * from './types';
export { ANSWER_KEYS } from './keyBuilders';
export { KEYS } from './keyPaths';
export { childSpecs, entrySpec, everyKey, keyPathsFor, keySpecAt } from './keyTree';
export {
  chapterOf,
  entry,
  getChapter,
  getCommitment,
  getFormatEntry,
  getFormItem,
  getFormSection,
  getMeasure,
  getProvision,
  getTemplateItem,
  getTemplateSection,
  isKnownId,
} from './entries';
export { cite, itemLabel, named, Named, ref, referencesIn, titleOf, type Reference } from './labels';
export {
  annexPoints,
  chapters,
  commitments,
  FORMAT_VERSION,
  formatEntries,
  formatKeys,
  formHeader,
  formItems,
  formSections,
  GPAI_GUIDELINES,
  keyDates,
  legacyDeadline,
  measures,
  obligationsApplyDate,
  provisions,
  reliefs,
  signatoryChapters,
  summaryTemplate,
  summaryTemplateItems,
  thresholds,
  valueSets,
};

export { AUDIENCE_LABELS as audienceLabels, AUDIENCES } from '../../../../shared/audiences';

export const confidenceLabels: Readonly<Record<Confidence, string>> = {
  final: 'confirmed in the final text',
  'machine-read': 'read by machine from the official form, not yet checked by hand',
  secondary: 'from secondary sources describing the final text',
  'draft-only': 'known only from the third draft (11 March 2025)',
  unverified: 'not verified',
};

const valueSetIndex = new Map(valueSets.map((v) => [v.id, v] as const));

export const getValueSet = (id: ValueSetId): ValueSet => valueSetIndex.get(id)!;

export const commitmentsOf = (chapter: ChapterId): Commitment[] => commitments.filter((c) => c.chapter === chapter);
export const measuresOf = (commitment: string): Measure[] => measures.filter((m) => m.commitment === commitment);
export const itemsOfSection = (section: number): FormItem[] => formItems.filter((i) => i.section === section);
/** The form items ticked for an audience: exactly what that audience receives. */
export const itemsFor = (audience: Audience): FormItem[] => formItems.filter((i) => i.recipients.includes(audience));

/** The option of a value set that a written value means (matching its value, label or an alias), if any. */
export function findOption(set: ValueSetId, written: string): ValueOption | undefined {
  const norm = normaliseChoice(written);
  return getValueSet(set).options.find((o) =>
    [o.value, o.label, ...(o.aliases ?? [])].some((v) => normaliseChoice(v) === norm),
  );
}

function normaliseChoice(s: string): string {
  return s
    .toLowerCase()
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}
