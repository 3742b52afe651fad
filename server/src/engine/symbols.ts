/**
 * The outline: every key as a document symbol, nested as in the file, with the catalogue's official title
 * as its detail ("Section 6 Information on the data…", "Copyright Measure 1.3 “Identify and comply…”",
 * "form 7.4 Amount of computation used for training (AI Office)").
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { cite, entry, keySpecAt, type KeySpec, type PathSegment } from './catalogue';
import { keyName, memo, type GpaiDocument } from './document';
import { scalarText } from './model';

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
  const e = entry(spec?.id);
  if (!e) return undefined;
  switch (e.kind) {
    case 'form-section':
      return `Section ${e.number} ${e.title}`;
    case 'chapter':
      return `${e.title} chapter`;
    case 'summary-section':
      return `Summary Section ${e.number} ${e.title}`;
  }
  if (parent?.id === e.id) return undefined;
  switch (e.kind) {
    case 'commitment': {
      const chapter = entry(e.chapter);
      return parent || chapter?.kind !== 'chapter'
        ? `${cite(e.id)} “${e.title}”`
        : `${chapter.title} chapter · Commitment ${e.number} “${e.title}”`;
    }
    case 'measure':
      return `${cite(e.id)} “${e.title}”`;
    case 'form-item':
      return cite(e.id);
    default:
      return cite(e.id) === e.id ? undefined : cite(e.id);
  }
}

function kindOf(spec: KeySpec | undefined, value: Node | null): SymbolKind {
  const e = entry(spec?.id);
  switch (e?.kind) {
    case 'form-section':
    case 'chapter':
      return SymbolKind.Module;
    case 'commitment':
      return SymbolKind.Class;
    case 'measure':
      if (spec?.type === 'map') return SymbolKind.Class;
  }
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
