/**
 * One walk of the document along the format's key tree, shared by the rules and computed once per version:
 * every value the format knows, with its key spec, its path and its node. Linear in the document's size;
 * keys the format does not know are left to the unknown-key rule.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { entrySpec, formatKeys, type KeySpec, type PathSegment } from '../catalogue';
import { keyName, memo, nodeRange, keyRange, scalarText, type GpaiDocument } from '../document';
import type { Range } from 'vscode-languageserver-types';

export interface Visited {
  readonly spec: KeySpec;
  readonly path: readonly PathSegment[];
  /** The value node: a null scalar for `key:` with nothing after it. */
  readonly node: Node | undefined;
  /** The key node, for entries of a mapping; `undefined` for list entries. */
  readonly key: Node | undefined;
}

const childIndex = new WeakMap<readonly KeySpec[], ReadonlyMap<string, KeySpec>>();

function childrenByKey(specs: readonly KeySpec[]): ReadonlyMap<string, KeySpec> {
  let index = childIndex.get(specs);
  if (!index) {
    index = new Map(specs.map((s) => [s.key, s] as const));
    childIndex.set(specs, index);
  }
  return index;
}

/** Every known value of the document, parents before children, in document order. */
export function visited(doc: GpaiDocument): readonly Visited[] {
  return memo(doc, 'rules:visited', () => {
    const out: Visited[] = [];
    if (doc.root) walkPairs(doc.root.items as Pair[], formatKeys, [], out);
    return out;
  });
}

function walkPairs(
  pairs: readonly Pair[],
  specs: readonly KeySpec[],
  path: readonly PathSegment[],
  out: Visited[],
): void {
  const index = childrenByKey(specs);
  for (const pair of pairs) {
    const name = keyName(pair);
    const spec = name === undefined ? undefined : index.get(name);
    if (spec && name !== undefined)
      visitValue(pair.value as Node | null, spec, [...path, name], pair.key as Node | undefined, out);
  }
}

function visitValue(
  value: Node | null,
  spec: KeySpec,
  path: readonly PathSegment[],
  key: Node | undefined,
  out: Visited[],
): void {
  out.push({ spec, path, node: value ?? undefined, key });
  if (isMap(value)) {
    if (spec.type === 'map' || spec.type === 'flag-or-map') {
      walkPairs(value.items as Pair[], spec.children ?? [], path, out);
    } else if (spec.type === 'keyed-map') {
      for (const pair of value.items as Pair[]) {
        const name = keyName(pair);
        const entry = name === undefined ? undefined : entrySpec(spec, name);
        if (entry && name !== undefined)
          visitValue(pair.value as Node | null, entry, [...path, name], pair.key as Node | undefined, out);
      }
    }
  } else if (isSeq(value) && (spec.type === 'list' || spec.type === 'na-or-list' || spec.type === 'enum-list')) {
    value.items.forEach((item, i) => {
      const entry = entrySpec(spec, i);
      if (entry) visitValue(item as Node | null, entry, [...path, i], undefined, out);
    });
  }
}

/** The text of a scalar value as written (`undefined` for collections and absent values). */
export function textOf(doc: GpaiDocument, v: Visited): string | undefined {
  return isScalar(v.node) ? scalarText(doc, v.node) : undefined;
}

/** Where to report a value: the value itself, or its key when the value is empty. */
export function valueRange(doc: GpaiDocument, v: Visited): Range {
  const empty = !v.node || (isScalar(v.node) && (v.node.value === null || v.node.range?.[0] === v.node.range?.[1]));
  if (!empty) {
    const range = nodeRange(doc, v.node);
    if (range) return range;
  }
  return v.key
    ? (nodeRange(doc, v.key) ?? keyRange(doc, undefined))
    : (nodeRange(doc, v.node) ?? keyRange(doc, undefined));
}

/** The value is written and says nothing: `key:`, `""`, `[]` or `{}`. */
export function isEmptyValue(doc: GpaiDocument, v: Visited): boolean {
  if (!v.node) return true;
  if (isScalar(v.node)) return v.node.value === null || (textOf(doc, v) ?? '').trim() === '';
  if (isSeq(v.node) || isMap(v.node)) return v.node.items.length === 0;
  return false;
}
