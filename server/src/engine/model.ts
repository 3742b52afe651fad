/**
 * The file's answers, read once per version: every value the format knows, found by walking the parsed tree
 * along the key tree, kept by its path and by the catalogue entry it documents, with its text as written, its
 * parsed value and where it is. The one module that looks things up by path: rules, coverage, hovers, the
 * preview and the edits ask it (`model.at(KEYS.document.version.path)`), never the tree.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { entrySpec, formatKeys, type KeySpec, type PathSegment } from './catalogue';
import { keyName, memo, type GpaiDocument } from './document';

/** One value of the file that the format knows: a key's value, or an entry of a list or keyed map. */
export class Answer {
  constructor(
    readonly doc: GpaiDocument,
    readonly spec: KeySpec,
    readonly path: readonly PathSegment[],
    /** The value node: a null scalar for `key:` with nothing after it. */
    readonly node: Node | undefined,
    /** The key node, for entries of a mapping; `undefined` for list entries. */
    readonly key: Node | undefined,
    /** Where it is in its model's `all`. */
    readonly index: number,
    /**
     * What was read from the same scalar in the previous version, when the edit left it as it was: shared
     * with the answers of the versions that hold the same text, each fact being a function of that text.
     */
    private readonly facts = new Map<Fact<unknown>, unknown>(),
  ) {}

  /** The catalogue entry the value documents. */
  get id(): string {
    return this.spec.id;
  }

  /** A scalar as written (its source for a plain scalar, its value for quoted and block ones); else undefined. */
  get text(): string | undefined {
    return this.fact(textOf);
  }

  /**
   * Something read from this value's own text and its place in the key tree alone (a placeholder, a date, a
   * word count): `compute(this)`, computed once and kept by the next versions of the file for as long as the
   * value is not edited, so that typing in one answer does not read every other answer again. Never what
   * depends on another value or on where the value is (its range). Each fact is known by its function: pass
   * one defined once (a module's function), not a closure made per call.
   */
  fact<T>(compute: Fact<T>): T {
    const known = this.facts.get(compute);
    if (known !== undefined || this.facts.has(compute)) return known as T;
    const value = compute(this);
    this.facts.set(compute, value);
    return value;
  }

  /** This answer in the next version: its nodes as they are there, and its facts if its text is unchanged. */
  next(doc: GpaiDocument, moved: ReadonlyMap<Node, Node>, changed: Node): Answer {
    const node = this.node && (moved.get(this.node) ?? this.node);
    const key = this.key && (moved.get(this.key) ?? this.key);
    const same = isScalar(node) && node !== changed;
    return new Answer(doc, this.spec, this.path, node, key, this.index, same ? this.facts : undefined);
  }

  /** The scalar's parsed value (number, boolean, string, null); `undefined` for a list or block. */
  get value(): unknown {
    return isScalar(this.node) ? this.node.value : undefined;
  }

  /** Written and saying nothing: `key:`, `""`, `[]` or `{}`. */
  get empty(): boolean {
    const node = this.node;
    if (!node) return true;
    if (isScalar(node)) return this.fact(emptyScalar);
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

/** Where each answer is in `FileModel.all`, by path and by catalogue entry: the same for versions with the same keys. */
interface Index {
  readonly byPath: ReadonlyMap<string, number>;
  readonly byId: ReadonlyMap<string, readonly number[]>;
  /** Each answer's children by key or list index (the first of a key written twice), made on first use. */
  children?: ReadonlyMap<number, ReadonlyMap<PathSegment, number>>;
}

/** A fact of an answer (`Answer.fact`): a function of the answer, its own text and spec. */
export type Fact<T> = (answer: Answer) => T;

/**
 * The text is kept by later versions (as a fact), and so is what is read from it: a copy that refers to no
 * other string. A string cut from the whole file's text (a slice, or a regular expression's match) keeps
 * that text alive in V8, and the versions of a typing session would each keep one (726 KB at 10,000 lines).
 */
const textOf: Fact<string | undefined> = (answer) => {
  const text = scalarText(answer.doc, answer.node);
  // Joined to a character and cut again: V8 flattens the joined string into a new one, and the cut refers
  // to that; strings this short are copied when cut.
  return text === undefined || text.length < 13 ? text : (' ' + text).slice(1);
};
const emptyScalar: Fact<boolean> = (answer) =>
  (answer.node as Scalar).value === null || (answer.text ?? '').trim() === '';

/** Everything the walk found, and the lookups over it. */
export class FileModel {
  /** Every known value, parents before children, in the file's order. */
  readonly all: readonly Answer[];
  private readonly index: Index;

  constructor(
    readonly doc: GpaiDocument,
    /** The answers and their index, when they follow from the previous version's (see `succeed`). */
    from?: { readonly all: readonly Answer[]; readonly index: Index },
  ) {
    if (from) {
      this.all = from.all;
      this.index = from.index;
      return;
    }
    const all: Answer[] = [];
    if (doc.root) walkPairs(doc, doc.root.items as Pair[], formatKeys, [], all);
    this.all = all;
    const byPath = new Map<string, number>();
    const byId = new Map<string, number[]>();
    all.forEach((answer, i) => {
      const key = pathKey(answer.path);
      // A key written twice: the first one counts, as for every reader of YAML (the syntax rule reports it).
      if (!byPath.has(key)) byPath.set(key, i);
      const list = byId.get(answer.id);
      if (list) list.push(i);
      else byId.set(answer.id, [i]);
    });
    this.index = { byPath, byId };
  }

  /** The model of the next version, when the edit changed one scalar value and moved the nodes after it. */
  next(doc: GpaiDocument, moved: ReadonlyMap<Node, Node>, changed: Node): FileModel {
    return new FileModel(doc, { all: this.all.map((a) => a.next(doc, moved, changed)), index: this.index });
  }

  /** The value at a path the format knows, if it is written (an empty `key:` is written). */
  at(path: readonly PathSegment[]): Answer | undefined {
    const i = this.index.byPath.get(pathKey(path));
    return i === undefined ? undefined : this.all[i];
  }

  /** The value at a path below a written answer (`child(entry, 'date')`), as `at` would find it. */
  child(answer: Answer, ...rel: readonly PathSegment[]): Answer | undefined {
    const children = this.childIndex();
    let i: number | undefined = answer.index;
    for (const segment of rel) {
      i = children.get(i)?.get(segment);
      if (i === undefined) return undefined;
    }
    return this.all[i];
  }

  /** The children index, made on first use once for the versions that share these keys. */
  private childIndex(): ReadonlyMap<number, ReadonlyMap<PathSegment, number>> {
    if (this.index.children) return this.index.children;
    const children = new Map<number, Map<PathSegment, number>>();
    for (const answer of this.all) {
      if (!answer.path.length) continue;
      const parent = this.index.byPath.get(pathKey(answer.path.slice(0, -1)));
      if (parent === undefined) continue;
      let own = children.get(parent);
      if (!own) children.set(parent, (own = new Map()));
      const segment = answer.path[answer.path.length - 1];
      if (!own.has(segment)) own.set(segment, answer.index);
    }
    this.index.children = children;
    return children;
  }

  /** Whether the key at the path is written, even empty. */
  has(path: readonly PathSegment[]): boolean {
    return this.index.byPath.has(pathKey(path));
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
    return this.index.byId.get(id)?.map((i) => this.all[i]) ?? [];
  }

  /** The entries of the list or keyed map at the path, in order. */
  entries(path: readonly PathSegment[]): Answer[] {
    const parent = this.at(path);
    const node = parent?.node;
    if (!parent || !(isSeq(node) || isMap(node))) return [];
    const own = this.childIndex().get(parent.index);
    const out: Answer[] = [];
    node.items.forEach((item, i) => {
      const k = isSeq(node) ? i : keyName(item as Pair);
      const at = k === undefined ? undefined : own?.get(k);
      if (at !== undefined) out.push(this.all[at]);
    });
    return out;
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
    const known = this.at(path);
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
  return memo(doc, 'model', () => {
    const from = doc.derived.get(SUCCESSION) as Succession | undefined;
    doc.derived.delete(SUCCESSION); // the previous version is not held once its successor's model is made
    return from ? from.model.next(doc, from.moved, from.changed) : new FileModel(doc);
  });
}

const SUCCESSION = 'model:succession';

interface Succession {
  readonly model: FileModel;
  readonly moved: ReadonlyMap<Node, Node>;
  readonly changed: Node;
}

/**
 * `next` was made from `previous` by reparsing one scalar (reparse.ts): `moved` maps each node of `previous`
 * to its copy in `next`. If the previous version's model is made, the next one's will follow from it
 * (the same keys, the same paths, the facts of every answer but the edited one) instead of a walk of the tree.
 */
export function succeed(
  previous: GpaiDocument,
  next: GpaiDocument,
  moved: ReadonlyMap<Node, Node>,
  changed: Node,
): void {
  const model = previous.derived.get('model') as FileModel | undefined;
  if (model) next.derived.set(SUCCESSION, { model, moved, changed } satisfies Succession);
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
  out.push(new Answer(doc, spec, path, value ?? undefined, key, out.length));
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
