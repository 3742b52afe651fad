/**
 * Nodes by JSON pointer for a rule that reports many places of one version (the shape rule: 100,000 wrong
 * entries of a list): each mapping is read once into a map of its keys, and each parent is found once, so
 * that 100,000 look-ups cost one pass rather than a walk from the root and a scan of a mapping's keys each
 * (document.ts's `nodeAt` and `pairAt`, which suit one look-up). Build one per check: the tree of a later
 * version may differ.
 */
import { isMap, isPair, isSeq, type Node, type Pair } from 'yaml';
import { keyName, type GpaiDocument } from './document';
import { lastSegment, parentPointer, unescaped } from './schema';

export class PointerIndex {
  private readonly keys = new Map<unknown, ReadonlyMap<string, Pair>>();
  /** The value at each pointer looked up as a parent. */
  private readonly parents = new Map<string, unknown>();

  constructor(private readonly doc: GpaiDocument) {}

  /** As `pairAt`: the pair whose key is the pointer's last segment; none for a list entry. */
  pair(pointer: string): Pair | undefined {
    const last = lastSegment(pointer);
    return pointer === '' || isIndex(last) ? undefined : this.pairOf(this.parent(parentPointer(pointer)), last);
  }

  /** The pair of the mapping at `pointer` whose key is `key`. */
  keyPair(pointer: string, key: string): Pair | undefined {
    return this.pairOf(this.parent(pointer), key);
  }

  /** As `nodeAt`: the node `segment` (as a pointer writes it) of the value at `parent`; none if absent or empty. */
  child(parent: string, segment: string): Node | undefined {
    const value = this.step(this.parent(parent), segment);
    return value === null || value === undefined ? undefined : (value as Node);
  }

  private valueAt(pointer: string): unknown {
    if (pointer === '') return this.doc.root;
    return this.step(this.parent(parentPointer(pointer)), pointer.slice(pointer.lastIndexOf('/') + 1));
  }

  private step(value: unknown, segment: string): unknown {
    // As document.ts's paths: a segment of digits is a list index, never a key.
    if (isIndex(segment)) return isSeq(value) ? value.items[Number(segment)] : undefined;
    return this.pairOf(value, unescaped(segment))?.value;
  }

  private parent(pointer: string): unknown {
    if (this.parents.has(pointer)) return this.parents.get(pointer);
    const value = this.valueAt(pointer);
    this.parents.set(pointer, value);
    return value;
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

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment);
}
