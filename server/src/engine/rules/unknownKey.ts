/**
 * Keys the format does not know, with the closest known key suggested: a sibling with a similar name,
 * or the place where a known key belongs when it is written under the wrong parent.
 */
import { isMap, isSeq, type Node, type Pair } from 'yaml';
import { childSpecs, entrySpec, formatKeys, type KeySpec, type PathSegment } from '../catalogue';
import { keyName, type GpaiDocument } from '../document';
import { nodeRange } from '../model';
import { closest } from '../values';
import { excerpt } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  { code: 'key.unknown', title: 'A key the format does not know', severity: 'warning', fixable: true },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const unknownKey = defineRule({
  name: 'unknownKey',
  codes,
  check({ doc }) {
    const findings: Finding<Code>[] = [];
    if (doc.root) walkMap(doc, doc.root.items as Pair[], undefined, [], findings);
    return findings;
  },
});

/** The keys allowed under a parent, by name: built once per place in the key tree. */
const allowedByName = new WeakMap<readonly KeySpec[], ReadonlyMap<string, KeySpec>>();

function byName(allowed: readonly KeySpec[]): ReadonlyMap<string, KeySpec> {
  let index = allowedByName.get(allowed);
  if (!index) {
    index = new Map(allowed.map((s) => [s.key, s] as const));
    allowedByName.set(allowed, index);
  }
  return index;
}

/** Walks the tree with one path, extended and shortened in place: copied only for a finding. */
function walkMap(
  doc: GpaiDocument,
  pairs: readonly Pair[],
  parent: KeySpec | undefined,
  path: PathSegment[],
  out: Finding<Code>[],
): void {
  const allowed = childSpecs(parent);
  const index = byName(allowed);
  for (const pair of pairs) {
    const name = keyName(pair);
    if (name === undefined) continue;
    const spec = index.get(name);
    if (spec) {
      path.push(name);
      walkValue(doc, pair.value, spec, path, out);
      path.pop();
      continue;
    }
    out.push(unknown(doc, pair, name, allowed, path));
  }
}

function walkValue(doc: GpaiDocument, value: unknown, spec: KeySpec, path: PathSegment[], out: Finding<Code>[]): void {
  if ((spec.type === 'map' || spec.type === 'flag-or-map') && isMap(value)) {
    walkMap(doc, value.items as Pair[], spec, path, out);
  } else if (spec.type === 'keyed-map' && isMap(value)) {
    // Keys of a keyed map are checked against their value set by the schema; walk their values.
    for (const pair of value.items as Pair[]) {
      const key = keyName(pair);
      const entry = key === undefined ? undefined : entrySpec(spec, key);
      if (!entry || key === undefined) continue;
      path.push(key);
      walkValue(doc, pair.value, entry, path, out);
      path.pop();
    }
  } else if ((spec.type === 'list' || spec.type === 'na-or-list') && spec.children && isSeq(value)) {
    for (let i = 0; i < value.items.length; i++) {
      const entry = value.items[i];
      if (!isMap(entry)) continue;
      path.push(i);
      walkMap(doc, entry.items as Pair[], entrySpec(spec, i), path, out);
      path.pop();
    }
  }
}

function unknown(
  doc: GpaiDocument,
  pair: Pair,
  name: string,
  allowed: readonly KeySpec[],
  path: PathSegment[],
): Finding<Code> {
  const range = nodeRange(doc, pair.key as Node) ?? doc.lines.range(0, 0);
  const here = path.filter((s) => typeof s === 'string').join('.') || 'the top level';
  const sibling = closest(
    name,
    allowed.map((s) => s.key),
  );
  if (sibling) {
    return {
      code: 'key.unknown',
      range,
      fix: { kind: 'rename-key', path: [...path, name], to: sibling },
      message: `Unknown key "${excerpt(name)}" in ${here}. Did you mean "${sibling}"?`,
    };
  }
  const elsewhere = placesOf(name);
  if (elsewhere.length === 1) {
    return {
      code: 'key.unknown',
      range,
      message: `"${excerpt(name)}" does not belong in ${here}: it goes under \`${elsewhere[0]}\`.`,
    };
  }
  const known = allowed.map((s) => s.key);
  return {
    code: 'key.unknown',
    range,
    message: `Unknown key "${excerpt(name)}" in ${here}. The keys allowed here are: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.`,
  };
}

let places: ReadonlyMap<string, readonly string[]> | undefined;

/** Dotted parent paths where a key of this name is allowed (the key tree read once, not once per key). */
function placesOf(name: string): readonly string[] {
  if (!places) {
    const found = new Map<string, string[]>();
    const walk = (specs: readonly KeySpec[], prefix: string[]) => {
      for (const s of specs) {
        found.set(s.key, [...(found.get(s.key) ?? []), prefix.join('.') || 'the top level']);
        if (s.children) walk(s.children, [...prefix, s.key]);
      }
    };
    walk(formatKeys, []);
    places = found;
  }
  return places.get(name) ?? [];
}
