/**
 * Lookups by path for a rule that reports many places of one version: each mapping it passes through is
 * read once into a map of its keys, so that 100,000 lookups in a mapping of 100,000 keys cost one pass over
 * it rather than 100,000 (document.ts's `pairAt` reads a mapping's keys in turn, which suits one lookup).
 * Build one per check: the tree of a later version may differ.
 */
import { isMap, isPair, isSeq, type Node, type Pair } from 'yaml';
import type { PathSegment } from './catalogue';
import { keyName, type GpaiDocument } from './document';

export class PathIndex {
  private readonly keys = new Map<unknown, ReadonlyMap<string, Pair>>();

  constructor(private readonly doc: GpaiDocument) {}

  /** As `pairAt`: the pair at a path of keys (list indexes for all but the last segment). */
  pair(path: readonly PathSegment[]): Pair | undefined {
    let node: unknown = this.doc.root;
    let pair: Pair | undefined;
    for (const seg of path) {
      if (typeof seg === 'number') {
        if (!isSeq(node)) return undefined;
        node = node.items[seg];
        pair = undefined;
        continue;
      }
      pair = this.pairOf(node, seg);
      if (!pair) return undefined;
      node = pair.value;
    }
    return pair;
  }

  /** As `nodeAt`: the value node at a path; `undefined` if absent or written empty. */
  node(path: readonly PathSegment[]): Node | undefined {
    let node: unknown = this.doc.root;
    for (const seg of path) {
      node = typeof seg === 'number' ? (isSeq(node) ? node.items[seg] : undefined) : this.pairOf(node, seg)?.value;
      if (node === undefined || node === null) return undefined;
    }
    return node as Node;
  }

  /** The first pair of a mapping with this key, as `pairOf`. */
  private pairOf(map: unknown, name: string): Pair | undefined {
    if (!isMap(map)) return undefined;
    let keys = this.keys.get(map);
    if (!keys) {
      const index = new Map<string, Pair>();
      for (const item of map.items) {
        const key = isPair(item) ? keyName(item) : undefined;
        if (key !== undefined && !index.has(key)) index.set(key, item);
      }
      this.keys.set(map, index);
      keys = index;
    }
    return keys.get(name);
  }
}
