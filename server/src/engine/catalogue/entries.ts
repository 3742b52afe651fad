/**
 * Every entry of the catalogue by id, as a tagged union: the one place that knows what each id names.
 * Features ask `entry(id)` and switch on its kind.
 */
import { provisions } from './act';
import { chapters, commitments } from './code';
import { formHeader, formItems, formSections } from './form';
import { formatEntries } from './formatEntries';
import { measures } from './measures';
import { summaryTemplate, summaryTemplateItems } from './summaryTemplate';
import type {
  Chapter,
  ChapterId,
  Commitment,
  Entry,
  FormatEntry,
  FormItem,
  FormSection,
  Measure,
  Provision,
  SummarySection,
  SummaryTemplateItem,
} from './types';

const entries: ReadonlyMap<string, Entry> = new Map<string, Entry>(
  [
    ...chapters,
    ...commitments,
    ...measures,
    formHeader,
    ...formSections,
    ...formItems,
    ...summaryTemplate.sections,
    ...summaryTemplateItems,
    ...formatEntries,
    ...provisions,
  ].map((e) => [e.id, e] as const),
);

/** What an id names, as a tagged union: switch on its `kind`. */
export function entry(id: string | undefined): Entry | undefined {
  return id === undefined ? undefined : entries.get(id);
}

/** The entry of an id when it is of the kind asked, for callers that expect one kind. */
function entryOf<K extends Entry['kind']>(kind: K, id: string): Extract<Entry, { kind: K }> | undefined {
  const found = entries.get(id);
  return found?.kind === kind ? (found as Extract<Entry, { kind: K }>) : undefined;
}

export const getChapter = (id: string): Chapter | undefined => entryOf('chapter', id);
export const getCommitment = (id: string): Commitment | undefined => entryOf('commitment', id);
export const getMeasure = (id: string): Measure | undefined => entryOf('measure', id);
export const getFormSection = (id: string): FormSection | undefined => entryOf('form-section', id);
export const getFormItem = (id: string): FormItem | undefined => entryOf('form-item', id);
export const getTemplateSection = (id: string): SummarySection | undefined => entryOf('summary-section', id);
export const getTemplateItem = (id: string): SummaryTemplateItem | undefined => entryOf('summary-item', id);
export const getFormatEntry = (id: string): FormatEntry | undefined => entryOf('format', id);
export const getProvision = (cite: string): Provision | undefined => entryOf('provision', cite);
/** The Code chapter an id belongs to: form items and sections belong to Transparency. */
export function chapterOf(id: string | undefined): ChapterId | undefined {
  const found = entry(id);
  switch (found?.kind) {
    case 'chapter':
      return found.id;
    case 'form-item':
    case 'form-section':
      return 'transparency';
    case 'measure':
    case 'commitment':
      return found.chapter;
    default:
      return undefined;
  }
}

/** Whether the catalogue knows the id: for checks that an id a file, rule or snippet names exists. */
export function isKnownId(id: string): boolean {
  return entries.has(id);
}
