/**
 * The next version of a document from the previous version's tree, when each edit falls inside one scalar
 * value (the writer typing in an answer): that scalar alone is parsed again, and the ranges after the edit
 * move by its length. Anything else (an edit touching a key, a line break, indentation or a block header,
 * a flow collection, quotes that close early, a document with errors or directives) is parsed again in
 * full, so the result is always what `parseGpai` gives for the new text. Costs a walk over the nodes that
 * end after the edit instead of a parse. The previous version is never changed: the new one shares every node
 * that ends before the edit, and has its own copies of the others (their ranges move), so a request that still
 * holds the previous version reads it as it was.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair } from 'yaml';
import { carryData, carryScans, parseGpai, PARSE_OPTIONS, yamlSource, type GpaiDocument } from './document';
import { succeed } from './model';
import { LineIndex } from './ranges';

/** One edit as LSP sends it, in offsets of the text it applies to: the text before this edit. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const PATCHABLE = new Set<string>([
  Scalar.PLAIN,
  Scalar.QUOTE_DOUBLE,
  Scalar.QUOTE_SINGLE,
  Scalar.BLOCK_FOLDED,
  Scalar.BLOCK_LITERAL,
]);
/** A block scalar header without indentation indicator or `+`: its content does not depend on the parent. */
const PLAIN_HEADER = /^[>|]-?[ \t]*(#[^\n]*)?\r?$/;
const PREFIX = 'x: ';

/** The parsed tree of one version: the document and its top-level mapping. */
interface Tree {
  readonly yaml: Document.Parsed;
  readonly root: NonNullable<GpaiDocument['root']>;
  /** Each node of the tree it was made from that this one replaces: copies with moved ranges, and the scalar parsed again. */
  readonly moved: ReadonlyMap<Node, Node>;
  /** The scalar parsed again. */
  readonly changed: Node;
  /**
   * Where the scalar is in the file as plain data (`jsValue`): keys and list indexes from the root; absent
   * when its value may stand in more than one place there (an anchor above it) or not at all (a key written
   * twice on the way).
   */
  readonly dataPath?: readonly (string | number)[];
}

/**
 * The parse of `text` at `version`, the result of applying `changes` in order to `previous.text`. A new
 * document: `previous` stays as it was and may still be read.
 */
export function reparseGpai(
  previous: GpaiDocument,
  text: string,
  version: number,
  changes: readonly TextChange[],
): GpaiDocument {
  const merged = coalesce(previous.text, changes);
  const tree = merged.length && patchable(previous) ? patchAll(previous, text, merged) : undefined;
  if (!tree) return parseGpai(text, previous.uri, version);
  // No edit adds or removes a line break: the line starts after each edit move by its length.
  const starts = previous.lines.starts.slice();
  for (const change of merged) {
    const delta = change.text.length - (change.end - change.start);
    for (let i = lineOf(starts, change.start) + 1; i < starts.length; i++) starts[i] += delta;
  }
  const doc: GpaiDocument = {
    uri: previous.uri,
    version,
    text,
    lines: new LineIndex(text, starts),
    yaml: tree.yaml,
    root: tree.root,
    derived: new Map(),
  };
  // A single edit keeps every key where it was: the model of the file's answers follows from the previous one,
  // and so does the file as plain data.
  if (merged.length === 1) {
    succeed(previous, doc, tree.moved, tree.changed);
    if (tree.dataPath && isScalar(tree.changed)) carryData(previous, doc, tree.dataPath, tree.changed.value);
    carryScans(previous, doc, merged[0]);
  }
  return doc;
}

/**
 * The changes, with each run of changes that touch what the previous ones wrote (typing a word, deleting
 * what was typed) made into one change of the text before the run: replaying them one by one would copy
 * the whole text for every intermediate version.
 */
function coalesce(original: string, changes: readonly TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    // Where `last` wrote, in the text after it; and the text after it, read between two of its offsets.
    const written = last ? { start: last.start, end: last.start + last.text.length } : undefined;
    if (!last || !written || change.end < written.start || change.start > written.end || out.length > 1) {
      out.push(change);
      continue;
    }
    const after = (from: number, to: number) =>
      (from < written.start ? original.slice(from, Math.min(to, written.start)) : '') +
      last.text.slice(
        Math.max(from, written.start) - written.start,
        Math.max(0, Math.min(to, written.end) - written.start),
      ) +
      (to > written.end
        ? original.slice(Math.max(from, written.end) - written.end + last.end, to - written.end + last.end)
        : '');
    const start = Math.min(change.start, written.start);
    const end = Math.max(change.end, written.end);
    out[out.length - 1] = {
      start,
      end: end - written.end + last.end,
      text: after(start, change.start) + change.text + after(change.end, end),
    };
  }
  return out;
}

/** The line holding `offset`, given the line starts. */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function patchAll(previous: GpaiDocument, text: string, changes: readonly TextChange[]): Tree | undefined {
  let source = previous.text;
  let tree: Tree | undefined = { yaml: previous.yaml, root: previous.root!, moved: new Map(), changed: previous.root! };
  for (const [i, change] of changes.entries()) {
    // The last change gives `text` itself: no copy of the whole text for the usual single keystroke.
    const next =
      i === changes.length - 1 ? text : source.slice(0, change.start) + change.text + source.slice(change.end);
    const consistent =
      next.length === source.length + change.text.length - (change.end - change.start) &&
      next.startsWith(change.text, change.start);
    tree = consistent ? patchScalar(tree, source, next, change) : undefined;
    if (!tree) return undefined;
    source = next;
  }
  return tree;
}

function patchable(doc: GpaiDocument): boolean {
  const { yaml } = doc;
  return (
    !!doc.root &&
    !yaml.errors.length &&
    !yaml.warnings.length &&
    !yaml.directives.yaml.explicit &&
    Object.keys(yaml.directives.tags).length <= 2
  );
}

/** The tree with one change applied inside a scalar value; `undefined` when it cannot be done. */
function patchScalar(tree: Tree, before: string, after: string, change: TextChange): Tree | undefined {
  if (/[\r\n]/.test(change.text) || /[\r\n]/.test(before.slice(change.start, change.end))) return undefined;
  const found = scalarAt(tree.root, change.start, change.end);
  const node = found?.scalar;
  if (!node || !node.range || node.anchor || node.tag || !PATCHABLE.has(node.type ?? '')) return undefined;
  const [r0, r1, r2] = node.range!;
  if (change.start < r0 || change.end > r1) return undefined;
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  if (block) {
    const headerEnd = lineEnd(before, r0);
    if (headerEnd < 0 || change.start <= headerEnd || !PLAIN_HEADER.test(before.slice(r0, headerEnd))) return undefined;
  }
  if (!keepsIndentation(before, change, r0)) return undefined;

  const delta = change.text.length - (change.end - change.start);
  const fresh = parseSnippet(PREFIX + yamlSource(after.slice(r0, r2 + delta)));
  if (!fresh) return undefined;
  const pair = isMap(fresh.contents) && fresh.contents.items.length === 1 ? fresh.contents.items[0] : undefined;
  const value = pair?.value;
  if (fresh.errors.length || fresh.warnings.length || !isScalar(value) || value.type !== node.type || !value.range)
    return undefined;
  const [f0, f1, f2] = value.range;
  if (f0 !== PREFIX.length || f1 - f0 !== r1 + delta - r0 || f2 - f0 !== r2 + delta - r0) return undefined;

  value.range = [r0, r0 + f1 - f0, r0 + f2 - f0];
  if (node.commentBefore) value.commentBefore = node.commentBefore;
  if (node.spaceBefore) value.spaceBefore = true;
  const moved = new Shift(change.end, delta, node, value);
  const yaml = copy(tree.yaml);
  yaml.contents = moved.node(tree.yaml.contents as Node) as Document.Parsed['contents'];
  yaml.range = moved.range(tree.yaml.range);
  return { yaml, root: yaml.contents as Tree['root'], moved: moved.nodes, changed: value, dataPath: found.dataPath };
}

function parseSnippet(source: string): Document.Parsed | undefined {
  try {
    return parseDocument(source, PARSE_OPTIONS);
  } catch {
    return undefined; // yaml gave up (too deeply nested): the full parse reports it
  }
}

/** The edit leaves the indentation of its line alone (on lines after the scalar's first). */
function keepsIndentation(before: string, change: TextChange, start: number): boolean {
  // The line break before the edit, \n or \r: one walk back (lastIndexOf('\r') would walk to the file's start).
  let lineStart = change.start;
  while (lineStart > 0 && before.charCodeAt(lineStart - 1) !== 10 && before.charCodeAt(lineStart - 1) !== 13)
    lineStart--;
  if (lineStart <= start) return true;
  const line = before.slice(lineStart, lineEnd(before, change.start));
  const indent = line.length - line.trimStart().length;
  return line.trim() !== '' && change.start - lineStart >= indent;
}

/** The scalar value in block context whose range holds [start, end], and where it is; never a key. */
function scalarAt(
  root: Node,
  start: number,
  end: number,
): { scalar: Scalar; dataPath?: (string | number)[] } | undefined {
  const holds = (n: unknown): n is Node => {
    const range = (n as Node | null | undefined)?.range;
    return !!range && range[0] <= start && end <= range[2];
  };
  let node: unknown = root;
  let dataPath: (string | number)[] | undefined = [];
  for (;;) {
    if ((node as Node).anchor || (node as Node).tag) dataPath = undefined;
    if (isMap(node) && !node.flow) {
      const pairs = node.items as Pair[];
      const pair = pairs.find((p) => holds(p.key) || holds(p.value));
      if (!pair || holds(pair.key)) return undefined;
      const name = isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
      if (name === undefined || pairs.some((p) => p !== pair && (!isScalar(p.key) || String(p.key.value) === name)))
        dataPath = undefined;
      else dataPath?.push(name);
      if (isScalar(pair.value)) return { scalar: pair.value, dataPath };
      node = pair.value;
    } else if (isSeq(node) && !node.flow) {
      const index = node.items.findIndex(holds);
      if (index < 0) return undefined;
      dataPath?.push(index);
      const item = node.items[index];
      if (isScalar(item)) return { scalar: item, dataPath };
      node = item;
    } else {
      return undefined;
    }
  }
}

/**
 * The tree after one edit, built from the tree before it: a node that ends before the edit is shared as it
 * is; one that ends after it is copied with its range moved by `delta` (a range that holds the edit grows
 * with it), and so are its children; the scalar the edit fell in is replaced by its new parse.
 */
class Shift {
  /** Each node replaced, and what replaces it. */
  readonly nodes = new Map<Node, Node>();

  constructor(
    private readonly at: number,
    private readonly delta: number,
    private readonly target: Scalar,
    private readonly replacement: Scalar,
  ) {}

  range<R extends number[]>(range: R): R {
    return range.map((offset) => (offset >= this.at ? offset + this.delta : offset)) as R;
  }

  node(node: Node | null): Node | null {
    if (node === this.target) {
      this.nodes.set(node, this.replacement);
      return this.replacement;
    }
    if (!node?.range || node.range[2] < this.at) return node;
    const moved = copy(node);
    moved.range = this.range(node.range);
    if (isMap(node) || isSeq(node)) {
      (moved as typeof node).items = (node.items as unknown[]).map((item) =>
        isPair(item) ? this.pair(item) : this.node(item as Node | null),
      );
    }
    this.nodes.set(node, moved);
    return moved;
  }

  private pair(pair: Pair): Pair {
    const key = this.node(pair.key as Node | null);
    const value = this.node(pair.value as Node | null);
    if (key === pair.key && value === pair.value) return pair;
    const moved = copy(pair);
    moved.key = key;
    moved.value = value;
    return moved;
  }
}

/**
 * A shallow copy of a yaml object, with its node-type marker, which `isMap` and friends read (a symbol that
 * yaml defines as not enumerable, so that Object.assign leaves it out). The marker is set as a plain property
 * before the others: a copy made with property descriptors, or with the marker defined after them, took 4 to 8
 * times as long, the largest part of a keystroke's work in a 10,000-line file.
 */
function copy<T extends object>(value: T): T {
  const out = Object.create(Object.getPrototypeOf(value) as object) as Record<symbol, unknown>;
  out[NODE_TYPE] = (value as Record<symbol, unknown>)[NODE_TYPE];
  return Object.assign(out, value) as T;
}

/** yaml's node-type marker (`Symbol.for`, so the same symbol as the library's). */
const NODE_TYPE = Symbol.for('yaml.node.type');

/** Offset of the line break (\n, \r\n or \r) that ends the line holding `offset`, or the text's end. */
function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return text.length;
}
