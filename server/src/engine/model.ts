/**
 * The file's answers, read once per version: every value the format knows, found by walking the parsed tree
 * along the key tree, kept by its path and by the catalogue entry it documents, with its text as written, its
 * parsed value and where it is. The one module that looks things up by path: rules, coverage, hovers, the
 * preview and the edits ask it (`model.at(KEYS.document.version.path)`), never the tree.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { entrySpec, formatKeys, type KeySpec, type PathSegment } from './catalogue';
import { keyName, memo, type GpaiDocument } from './document';

/** One value of the file that the format knows: a key's value, or an entry of a list or keyed map. */
export class Answer {
  constructor(
    private readonly doc: GpaiDocument,
    readonly spec: KeySpec,
    readonly path: readonly PathSegment[],
    /** The value node: a null scalar for `key:` with nothing after it. */
    readonly node: Node | undefined,
    /** The key node, for entries of a mapping; `undefined` for list entries. */
    readonly key: Node | undefined,
  ) {}

  /** The catalogue entry the value documents. */
  get id(): string {
    return this.spec.id;
  }

  private written: string | undefined | null = null;

  /** A scalar as written (its source for a plain scalar, its value for quoted and block ones); else undefined. */
  get text(): string | undefined {
    if (this.written === null) this.written = scalarText(this.doc, this.node);
    return this.written;
  }

  /** The scalar's parsed value (number, boolean, string, null); `undefined` for a list or block. */
  get value(): unknown {
    return isScalar(this.node) ? this.node.value : undefined;
  }

  /** Written and saying nothing: `key:`, `""`, `[]` or `{}`. */
  get empty(): boolean {
    const node = this.node;
    if (!node) return true;
    if (isScalar(node)) return node.value === null || (this.text ?? '').trim() === '';
    if (isSeq(node) || isMap(node)) return node.items.length === 0;
    return false;
  }

  /** Where to report the value: the value itself, or its key when the value is empty. */
  get range(): Range {
    const node = this.node;
    const empty = !node || (isScalar(node) && (node.value === null || node.range?.[0] === node.range?.[1]));
    const own = !empty ? nodeRange(this.doc, node) : undefined;
    return own ?? nodeRange(this.doc, this.key) ?? nodeRange(this.doc, node) ?? this.doc.lines.range(0, 0);
  }

  /** The range of the key, or of the value for a list entry. */
  get keyRange(): Range {
    return nodeRange(this.doc, this.key) ?? this.range;
  }
}

/** Everything the walk found, and the lookups over it. */
export class FileModel {
  /** Every known value, parents before children, in the file's order. */
  readonly all: readonly Answer[];
  private readonly byPath = new Map<string, Answer>();
  private readonly byId = new Map<string, Answer[]>();

  constructor(readonly doc: GpaiDocument) {
    const all: Answer[] = [];
    if (doc.root) walkPairs(doc, doc.root.items as Pair[], formatKeys, [], all);
    this.all = all;
    for (const answer of all) {
      const key = pathKey(answer.path);
      // A key written twice: the first one counts, as for every reader of YAML (the syntax rule reports it).
      if (!this.byPath.has(key)) this.byPath.set(key, answer);
      const list = this.byId.get(answer.id);
      if (list) list.push(answer);
      else this.byId.set(answer.id, [answer]);
    }
  }

  /** The value at a path the format knows, if it is written (an empty `key:` is written). */
  at(path: readonly PathSegment[]): Answer | undefined {
    return this.byPath.get(pathKey(path));
  }

  /** Whether the key at the path is written, even empty. */
  has(path: readonly PathSegment[]): boolean {
    return this.byPath.has(pathKey(path));
  }

  /** The scalar at the path as written, if any. */
  text(path: readonly PathSegment[]): string | undefined {
    return this.at(path)?.text;
  }

  /** The scalar at the path, parsed, if any. */
  value(path: readonly PathSegment[]): unknown {
    return this.at(path)?.value;
  }

  /** A value is written at the path: not absent, not `key:` with nothing after it, not blank text. */
  written(path: readonly PathSegment[]): boolean {
    const answer = this.at(path);
    return answer !== undefined && !answer.empty;
  }

  /** The values that document a catalogue entry, in the file's order. */
  of(id: string): readonly Answer[] {
    return this.byId.get(id) ?? [];
  }

  /** The entries of the list or keyed map at the path, in order. */
  entries(path: readonly PathSegment[]): Answer[] {
    const node = this.at(path)?.node;
    const keys = isSeq(node) ? node.items.map((_, i) => i) : isMap(node) ? (node.items as Pair[]).map(keyName) : [];
    return keys.flatMap((k) => (k === undefined ? [] : (this.at([...path, k]) ?? [])));
  }

  /** Where to report something about a path: its value, or its key, or the nearest written ancestor's key. */
  range(path: readonly PathSegment[]): Range {
    const answer = this.at(path);
    if (answer) return answer.node && !answer.empty ? answer.range : answer.keyRange;
    return this.anchor(path);
  }

  /** The key of the path, or of its nearest written ancestor; the file's first key when none is written. */
  anchor(path: readonly PathSegment[]): Range {
    for (let n = path.length; n > 0; n--) {
      const answer = this.at(path.slice(0, n));
      if (answer?.key) return answer.keyRange;
    }
    return firstKeyRange(this.doc);
  }

  // ---- The raw tree, for edits and for keys the format does not know ------------------------------

  /** The pair at any path of keys and list indexes, known to the format or not. */
  pairAt(path: readonly PathSegment[]): Pair | undefined {
    let node: unknown = this.doc.root;
    let pair: Pair | undefined;
    for (const seg of path) {
      if (typeof seg === 'number') {
        if (!isSeq(node)) return undefined;
        node = node.items[seg];
        pair = undefined;
        continue;
      }
      pair = pairOf(node, seg);
      if (!pair) return undefined;
      node = pair.value;
    }
    return pair;
  }

  /** The value node at any path; `undefined` when absent, a null scalar when written empty. */
  nodeAt(path: readonly PathSegment[]): Node | undefined {
    const known = this.byPath.get(pathKey(path));
    if (known) return known.node;
    let node: unknown = this.doc.root;
    for (const seg of path) {
      node = typeof seg === 'number' ? (isSeq(node) ? node.items[seg] : undefined) : pairOf(node, seg)?.value;
      if (node === undefined || node === null) return undefined;
    }
    return node as Node;
  }
}

/** The model of a version, built on first use. */
export function fileModel(doc: GpaiDocument): FileModel {
  return memo(doc, 'model', () => new FileModel(doc));
}

// ---- The walk -------------------------------------------------------------------------------------------

const childIndex = new WeakMap<readonly KeySpec[], ReadonlyMap<string, KeySpec>>();

function childrenByKey(specs: readonly KeySpec[]): ReadonlyMap<string, KeySpec> {
  let index = childIndex.get(specs);
  if (!index) {
    index = new Map(specs.map((s) => [s.key, s] as const));
    childIndex.set(specs, index);
  }
  return index;
}

function walkPairs(
  doc: GpaiDocument,
  pairs: readonly Pair[],
  specs: readonly KeySpec[],
  path: readonly PathSegment[],
  out: Answer[],
): void {
  const index = childrenByKey(specs);
  for (const pair of pairs) {
    const name = keyName(pair);
    const spec = name === undefined ? undefined : index.get(name);
    if (spec && name !== undefined) visit(doc, pair.value as Node | null, spec, [...path, name], pair.key as Node, out);
  }
}

function visit(
  doc: GpaiDocument,
  value: Node | null,
  spec: KeySpec,
  path: readonly PathSegment[],
  key: Node | undefined,
  out: Answer[],
): void {
  out.push(new Answer(doc, spec, path, value ?? undefined, key));
  if (isMap(value)) {
    if (spec.type === 'map' || spec.type === 'flag-or-map') {
      walkPairs(doc, value.items as Pair[], spec.children ?? [], path, out);
    } else if (spec.type === 'keyed-map') {
      for (const pair of value.items as Pair[]) {
        const name = keyName(pair);
        const entry = name === undefined ? undefined : entrySpec(spec, name);
        if (entry && name !== undefined)
          visit(doc, pair.value as Node | null, entry, [...path, name], pair.key as Node, out);
      }
    }
  } else if (isSeq(value) && (spec.type === 'list' || spec.type === 'na-or-list' || spec.type === 'enum-list')) {
    value.items.forEach((item, i) => {
      const entry = entrySpec(spec, i);
      if (entry) visit(doc, item as Node | null, entry, [...path, i], undefined, out);
    });
  }
}

/** A path as a map key: list indexes kept apart from keys that look like numbers. */
function pathKey(path: readonly PathSegment[]): string {
  let key = '';
  for (const seg of path) key += typeof seg === 'number' ? `\u0001${seg}` : `\u0000${seg}`;
  return key;
}

// ---- Nodes ----------------------------------------------------------------------------------------------

/** The pair of a mapping whose key is `name`. */
export function pairOf(map: unknown, name: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of (map as YAMLMap).items) if (keyName(item as Pair) === name) return item as Pair;
  return undefined;
}

/** The source text of a scalar as written (without quotes for quoted styles); '' for a null scalar. */
export function scalarText(doc: GpaiDocument, node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null) return '';
  if (node.type === 'PLAIN' && node.range) return doc.text.slice(node.range[0], node.range[1]);
  return String(node.value);
}

export function nodeRange(doc: GpaiDocument, node: Node | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  return doc.lines.range(node.range[0], node.range[1]);
}

/** The first key of the file, or its first character: where document-wide findings go. */
export function firstKeyRange(doc: GpaiDocument): Range {
  const first = doc.root?.items[0] as Pair | undefined;
  return nodeRange(doc, first?.key as Node | undefined) ?? doc.lines.range(0, 0);
}
