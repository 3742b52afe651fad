/**
 * Lookups over the catalogue. Every feature reads the Code, the form, the template, the AI Act and the
 * format through these functions; none keeps its own copy of a title, id or article.
 */
import { annexPoints, keyDates, legacyDeadline, obligationsApplyDate, provisions, thresholds } from './act';
import { chapters, commitments } from './code';
import { measures } from './measures';
import { formItems, formSections } from './form';
import { FORMAT_VERSION, formatEntries, formatKeys } from './keys';
import { summaryTemplate, summaryTemplateItems } from './summaryTemplate';
import type {
  Audience,
  Chapter,
  ChapterId,
  Commitment,
  Confidence,
  FormatEntry,
  FormItem,
  FormSection,
  KeySpec,
  Measure,
  Provision,
  SummaryTemplateItem,
  ValueOption,
  ValueSet,
  ValueSetId,
} from './types';
import { valueSets } from './values';

export * from './types';
export {
  annexPoints,
  chapters,
  commitments,
  FORMAT_VERSION,
  formatEntries,
  formatKeys,
  formItems,
  formSections,
  keyDates,
  legacyDeadline,
  measures,
  obligationsApplyDate,
  provisions,
  summaryTemplate,
  summaryTemplateItems,
  thresholds,
  valueSets,
};

export const AUDIENCES: readonly Audience[] = ['ai-office', 'nca', 'downstream'];

export const audienceLabels: Readonly<Record<Audience, { long: string; short: string }>> = {
  'ai-office': { long: 'AI Office', short: 'AIO' },
  nca: { long: 'National competent authorities', short: 'NCAs' },
  downstream: { long: 'Downstream providers', short: 'DPs' },
};

export const confidenceLabels: Readonly<Record<Confidence, string>> = {
  final: 'confirmed in the final text',
  'machine-read': 'read by machine from the official form, not yet checked by hand',
  secondary: 'from secondary sources describing the final text',
  'draft-only': 'known only from the third draft (11 March 2025)',
  unverified: 'not verified',
};

const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x] as const));
const chapterIndex = byId(chapters);
const commitmentIndex = byId(commitments);
const measureIndex = byId(measures);
const sectionIndex = byId(formSections);
const itemIndex = byId(formItems);
const templateIndex = byId(summaryTemplateItems);
const formatIndex = byId(formatEntries);
const valueSetIndex = new Map(valueSets.map((v) => [v.id, v] as const));
const provisionIndex = new Map(provisions.map((p) => [p.cite, p] as const));

export const getChapter = (id: string): Chapter | undefined => chapterIndex.get(id as ChapterId);
export const getCommitment = (id: string): Commitment | undefined => commitmentIndex.get(id);
export const getMeasure = (id: string): Measure | undefined => measureIndex.get(id);
export const getFormSection = (id: string): FormSection | undefined => sectionIndex.get(id);
export const getFormItem = (id: string): FormItem | undefined => itemIndex.get(id);
export const getTemplateItem = (id: string): SummaryTemplateItem | undefined => templateIndex.get(id);
export const getFormatEntry = (id: string): FormatEntry | undefined => formatIndex.get(id);
export const getValueSet = (id: ValueSetId): ValueSet => valueSetIndex.get(id)!;
export const getProvision = (cite: string): Provision | undefined => provisionIndex.get(cite);

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

/** Template sections have ids `tcs/section-N`. */
export function getTemplateSection(id: string): { number: number; title: string } | undefined {
  const m = /^tcs\/section-(\d)$/.exec(id);
  return m ? summaryTemplate.sections.find((s) => s.number === Number(m[1])) : undefined;
}

export type EntryKind =
  'chapter' | 'commitment' | 'measure' | 'form-section' | 'form-item' | 'template-section' | 'template-item' | 'format';

export interface CatalogueEntry {
  readonly kind: EntryKind;
  readonly id: string;
  /** Official title or label. */
  readonly title: string;
}

/** Any catalogue entry by id; the single place that knows every kind of id. */
export function getEntry(id: string): CatalogueEntry | undefined {
  const found =
    (getChapter(id) && { kind: 'chapter' as const, title: getChapter(id)!.title }) ||
    (getCommitment(id) && { kind: 'commitment' as const, title: getCommitment(id)!.title }) ||
    (getMeasure(id) && { kind: 'measure' as const, title: getMeasure(id)!.title }) ||
    (getFormSection(id) && { kind: 'form-section' as const, title: getFormSection(id)!.title }) ||
    (getFormItem(id) && { kind: 'form-item' as const, title: getFormItem(id)!.label }) ||
    (getTemplateSection(id) && { kind: 'template-section' as const, title: getTemplateSection(id)!.title }) ||
    (getTemplateItem(id) && { kind: 'template-item' as const, title: getTemplateItem(id)!.label }) ||
    (getFormatEntry(id) && { kind: 'format' as const, title: getFormatEntry(id)!.title });
  return found ? { id, ...found } : undefined;
}

/** A human label for an id: "Transparency Measure 1.1", "form 2.9 Total model size". */
export function citeId(id: string): string {
  const measure = getMeasure(id);
  if (measure) return `${getChapter(measure.chapter)!.title} Measure ${measure.number}`;
  const commitment = getCommitment(id);
  if (commitment) return `${getChapter(commitment.chapter)!.title} Commitment ${commitment.number}`;
  const item = getFormItem(id);
  if (item) return `form ${item.number} ${itemLabel(item)}`;
  const t = getTemplateItem(id);
  if (t) return `training-content summary ${t.number} ${t.label}`;
  return getEntry(id)?.title ?? id;
}

/** The item's label with its qualifier, e.g. "Training time (AI Office)". */
export function itemLabel(item: FormItem): string {
  return item.qualifier ? `${item.label} (${item.qualifier})` : item.label;
}

// ---- The key tree ----------------------------------------------------------------------------

export type PathSegment = string | number;

/** The spec of one entry of a list or keyed map. */
export function entrySpec(spec: KeySpec, key: PathSegment): KeySpec | undefined {
  if (spec.type === 'keyed-map') return spec.entry ? { ...spec.entry, key: String(key) } : undefined;
  if (spec.type === 'list' || spec.type === 'na-or-list') {
    return spec.children
      ? { key: String(key), id: spec.id, type: 'map', children: spec.children }
      : { key: String(key), id: spec.id, type: 'text' };
  }
  if (spec.type === 'enum-list') return { key: String(key), id: spec.id, type: 'enum', values: spec.values };
  return undefined;
}

/** The children a map-like spec allows, or the top-level keys for `undefined`. */
export function childSpecs(spec: KeySpec | undefined): readonly KeySpec[] {
  if (!spec) return formatKeys;
  return spec.type === 'map' || spec.type === 'flag-or-map' ? (spec.children ?? []) : [];
}

/** The spec of the key at a path of keys and list indexes, if the format knows it. */
export function keySpecAt(path: readonly PathSegment[]): KeySpec | undefined {
  let current: KeySpec | undefined;
  for (const segment of path) {
    if (current && (current.type === 'keyed-map' || typeof segment === 'number')) {
      current = entrySpec(current, segment);
    } else {
      current = childSpecs(current).find((s) => s.key === segment);
    }
    if (!current) return undefined;
  }
  return current;
}

let pathsById: Map<string, string[][]> | undefined;

/** Every key path that documents an id (a form item may have several keys, e.g. model name and versions). */
export function keyPathsFor(id: string): readonly string[][] {
  if (!pathsById) {
    const index = new Map<string, string[][]>();
    const walk = (specs: readonly KeySpec[], prefix: string[]) => {
      for (const s of specs) {
        const path = [...prefix, s.key];
        if (!index.has(s.id)) index.set(s.id, []);
        const list = index.get(s.id)!;
        // Record only the outermost key of an id: a measure's answer, not each of its fields.
        if (!list.some((p) => p.length < path.length && path.slice(0, p.length).every((seg, i) => seg === p[i])))
          list.push(path);
        if (s.type === 'map' || s.type === 'flag-or-map') walk(s.children ?? [], path);
      }
    };
    walk(formatKeys, []);
    pathsById = index;
  }
  return pathsById.get(id) ?? [];
}

/** The Code chapter an id belongs to: form items and sections belong to Transparency. */
export function chapterOf(id: string): ChapterId | undefined {
  if (getChapter(id)) return id as ChapterId;
  if (getFormItem(id) || getFormSection(id)) return 'transparency';
  return getMeasure(id)?.chapter ?? getCommitment(id)?.chapter;
}

/** Every id named anywhere in the catalogue: for checks that an id a file, rule or snippet names exists. */
export function isKnownId(id: string): boolean {
  return getEntry(id) !== undefined;
}
