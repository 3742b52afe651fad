/**
 * The values of the preview model: an answer as written, shaped by its key (text as paragraphs, numbers with
 * the coarse value derived from them, choices with their labels, a block as its fields), and the state
 * a value is shown in.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { PreviewDerived, PreviewField, PreviewState, PreviewValue } from '../../../shared/types';
import {
  childSpecs,
  entrySpec,
  findOption,
  formItems,
  itemLabel,
  keyPathsFor,
  keySpecAt,
  type FormItem,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { answerState, derivedValue, type AnswerState } from './answers';
import { keyName, memo, type GpaiDocument } from './document';
import { fileModel } from './model';
import { previewChecks } from './previewChecks';
import { isWellFormedLink, parseNotApplicable, parseQuantity } from './values';

export function previewState(s: AnswerState): PreviewState {
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
    case 'unfinished':
      return 'incomplete';
  }
}

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
export function fieldsOf(
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

export function field(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[], label?: string): PreviewField {
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
export function paragraphs(text: string): PreviewValue {
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

/** The answers of other items an item also asks for (7.1: the period measured, which 7.2 holds), as written. */
export function companionFields(doc: GpaiDocument, item: FormItem): PreviewField[] {
  const model = fileModel(doc);
  return (item.companions ?? [])
    .filter((c) => model.written(c.path))
    .map((c) => field(doc, keySpecAt(c.path)!, c.path, c.label));
}
