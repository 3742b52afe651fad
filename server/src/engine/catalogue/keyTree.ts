/**
 * Lookups over the format's key tree (keys.ts): the spec at a path, the children of a block, the spec of a
 * list's or keyed map's entries, and every path that documents a catalogue entry.
 */
import { formatKeys } from './keys';
import type { KeySpec, PathSegment } from './types';

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

/** Every key spec of the tree with its path (lists' and keyed maps' entries left out), parents first. */
export function everyKey(): readonly { readonly spec: KeySpec; readonly path: readonly string[] }[] {
  const out: { spec: KeySpec; path: string[] }[] = [];
  const walk = (specs: readonly KeySpec[], prefix: string[]) => {
    for (const s of specs) {
      out.push({ spec: s, path: [...prefix, s.key] });
      walk(childSpecs(s), [...prefix, s.key]);
    }
  };
  walk(formatKeys, []);
  return out;
}
