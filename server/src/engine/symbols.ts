/**
 * The outline: every key as a document symbol, nested as in the file, with the catalogue's official title
 * as its detail ("Section 6 Information on the data…", "Copyright Measure 1.3 “Identify and comply…”",
 * "form 7.4 Amount of computation used for training (AI Office)").
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import {
  citeId,
  getChapter,
  getCommitment,
  getFormItem,
  getFormSection,
  getMeasure,
  getTemplateSection,
  keySpecAt,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import { keyName, memo, scalarText, type GpaiDocument } from './document';

export function getDocumentSymbols(doc: GpaiDocument): DocumentSymbol[] {
  return memo(doc, 'symbols', () => (doc.root ? mapSymbols(doc, doc.root.items as Pair[], []) : []));
}

function mapSymbols(doc: GpaiDocument, pairs: readonly Pair[], path: readonly PathSegment[]): DocumentSymbol[] {
  return pairs.flatMap((pair) => {
    const name = keyName(pair);
    const key = pair.key as Node | null;
    if (name === undefined || !key?.range) return [];
    const here = [...path, name];
    const spec = keySpecAt(here);
    const value = pair.value as Node | null;
    const end = value?.range && value.range[1] > value.range[0] ? value.range[1] : key.range[1];
    const symbol: DocumentSymbol = {
      name: name || '""',
      detail: detailOf(spec, keySpecAt(path)),
      kind: kindOf(spec, value),
      range: trimmedRange(doc, key.range[0], end),
      // A key's range can run on over line breaks (a block scalar as key): trimmed like the symbol's range, it stays inside it.
      selectionRange: trimmedRange(doc, key.range[0], key.range[1]),
      children: childrenOf(doc, value, here),
    };
    return [symbol];
  });
}

function childrenOf(doc: GpaiDocument, value: Node | null, path: readonly PathSegment[]): DocumentSymbol[] {
  if (isMap(value)) return mapSymbols(doc, value.items as Pair[], path);
  if (!isSeq(value)) return [];
  return value.items.flatMap((entry, i) => {
    if (!isMap(entry) || !entry.range) return [];
    const first = (entry.items as Pair[]).find((p) => isScalar(p.value));
    const label = first ? scalarText(doc, first.value)?.trim() : undefined;
    const start = entry.range[0];
    return [
      {
        name: label ? `${i + 1}. ${label.length > 60 ? `${label.slice(0, 59)}…` : label}` : `${i + 1}.`,
        kind: SymbolKind.Object,
        range: trimmedRange(doc, start, entry.range[1]),
        selectionRange: doc.lines.range(start, start),
        children: mapSymbols(doc, entry.items as Pair[], [...path, i]),
      },
    ];
  });
}

/** The official title of what a key documents; nothing for a field that only repeats its parent's entry. */
function detailOf(spec: KeySpec | undefined, parent: KeySpec | undefined): string | undefined {
  if (!spec) return undefined;
  const id = spec.id;
  const section = getFormSection(id);
  if (section) return `Section ${section.number} ${section.title}`;
  const chapter = getChapter(id);
  if (chapter) return `${chapter.title} chapter`;
  const template = getTemplateSection(id);
  if (template) return `Summary Section ${template.number} ${template.title}`;
  if (parent?.id === id) return undefined;
  const commitment = getCommitment(id);
  if (commitment && !parent)
    return `${getChapter(commitment.chapter)!.title} chapter · Commitment ${commitment.number} “${commitment.title}”`;
  if (commitment) return `${citeId(id)} “${commitment.title}”`;
  const measure = getMeasure(id);
  if (measure) return `${citeId(id)} “${measure.title}”`;
  if (getFormItem(id)) return citeId(id);
  return citeId(id) === id ? undefined : citeId(id);
}

function kindOf(spec: KeySpec | undefined, value: Node | null): SymbolKind {
  if (spec && (getFormSection(spec.id) || getChapter(spec.id))) return SymbolKind.Module;
  if (spec && (getCommitment(spec.id) || (getMeasure(spec.id) && spec.type === 'map'))) return SymbolKind.Class;
  if (isSeq(value)) return SymbolKind.Array;
  if (isMap(value)) return SymbolKind.Object;
  if (spec?.type === 'enum') return SymbolKind.EnumMember;
  if (spec?.type === 'number' || spec?.type === 'quantity') return SymbolKind.Number;
  if (spec?.type === 'boolean') return SymbolKind.Boolean;
  return SymbolKind.Property;
}

/** A range that ends at the last non-blank character before `end` (block scalars end after a line break). */
export function trimmedRange(doc: GpaiDocument, start: number, end: number): Range {
  let e = end;
  while (e > start && /\s/.test(doc.text.charAt(e - 1))) e--;
  return doc.lines.range(start, e);
}
