/**
 * The next version of a document from the previous version's tree, when each edit falls inside one scalar
 * value (the writer typing in an answer): that scalar alone is parsed again, and the ranges after the edit
 * move by its length. Anything else (an edit touching a key, a line break, indentation or a block header,
 * a flow collection, quotes that close early, a document with errors or directives) is parsed again in
 * full, so the result is always what `parseGpai` gives for the new text. Costs a walk over the nodes that
 * end after the edit instead of a parse.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair } from 'yaml';
import { parseGpai, PARSE_OPTIONS, yamlSource, type GpaiDocument } from './document';
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

/**
 * The parse of `text` at `version`, the result of applying `changes` in order to `previous.text`.
 * Takes over `previous`'s tree: `previous` must not be used afterwards.
 */
export function reparseGpai(
  previous: GpaiDocument,
  text: string,
  version: number,
  changes: readonly TextChange[],
): GpaiDocument {
  const merged = coalesce(previous.text, changes);
  if (merged.length && patchable(previous) && patchAll(previous, text, merged)) {
    // No edit adds or removes a line break: the line starts after each edit move by its length.
    const starts = previous.lines.starts;
    for (const change of merged) {
      const delta = change.text.length - (change.end - change.start);
      for (let i = lineOf(starts, change.start) + 1; i < starts.length; i++) starts[i] += delta;
    }
    return {
      uri: previous.uri,
      version,
      text,
      lines: new LineIndex(text, starts),
      yaml: previous.yaml,
      root: previous.root,
      derived: new Map(),
    };
  }
  return parseGpai(text, previous.uri, version);
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

function patchAll(previous: GpaiDocument, text: string, changes: readonly TextChange[]): boolean {
  let source = previous.text;
  for (const [i, change] of changes.entries()) {
    // The last change gives `text` itself: no copy of the whole text for the usual single keystroke.
    const next =
      i === changes.length - 1 ? text : source.slice(0, change.start) + change.text + source.slice(change.end);
    const consistent =
      next.length === source.length + change.text.length - (change.end - change.start) &&
      next.startsWith(change.text, change.start);
    if (!consistent || !patchScalar(previous, source, next, change)) return false;
    source = next;
  }
  return true;
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

/** Apply one change inside a scalar value; false, with the tree untouched, when it cannot be done. */
function patchScalar(doc: GpaiDocument, before: string, after: string, change: TextChange): boolean {
  if (/[\r\n]/.test(change.text) || /[\r\n]/.test(before.slice(change.start, change.end))) return false;
  const found = scalarAt(doc.root!, change.start, change.end);
  if (!found || !found.node.range || found.node.anchor || found.node.tag || !PATCHABLE.has(found.node.type ?? ''))
    return false;
  const { node } = found;
  const [r0, r1, r2] = node.range!;
  if (change.start < r0 || change.end > r1) return false;
  const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
  if (block) {
    const headerEnd = lineEnd(before, r0);
    if (headerEnd < 0 || change.start <= headerEnd || !PLAIN_HEADER.test(before.slice(r0, headerEnd))) return false;
  }
  if (!keepsIndentation(before, change, r0)) return false;

  const delta = change.text.length - (change.end - change.start);
  const fresh = parseSnippet(PREFIX + yamlSource(after.slice(r0, r2 + delta)));
  if (!fresh) return false;
  const pair = isMap(fresh.contents) && fresh.contents.items.length === 1 ? fresh.contents.items[0] : undefined;
  const value = pair?.value;
  if (fresh.errors.length || fresh.warnings.length || !isScalar(value) || value.type !== node.type || !value.range)
    return false;
  const [f0, f1, f2] = value.range;
  if (f0 !== PREFIX.length || f1 - f0 !== r1 + delta - r0 || f2 - f0 !== r2 + delta - r0) return false;

  shiftRanges(doc, change, delta);
  value.range = [r0, r0 + f1 - f0, r0 + f2 - f0];
  if (node.commentBefore) value.commentBefore = node.commentBefore;
  if (node.spaceBefore) value.spaceBefore = true;
  found.replace(value);
  return true;
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
  const lineStart =
    Math.max(before.lastIndexOf('\n', change.start - 1), before.lastIndexOf('\r', change.start - 1)) + 1;
  if (lineStart <= start) return true;
  const line = before.slice(lineStart, lineEnd(before, change.start));
  const indent = line.length - line.trimStart().length;
  return line.trim() !== '' && change.start - lineStart >= indent;
}

interface FoundScalar {
  readonly node: Scalar;
  replace(node: Scalar): void;
}

/** The scalar value in block context whose range holds [start, end]; never a key. */
function scalarAt(root: Node, start: number, end: number): FoundScalar | undefined {
  const holds = (n: unknown): n is Node => {
    const range = (n as Node | null | undefined)?.range;
    return !!range && range[0] <= start && end <= range[2];
  };
  let node: unknown = root;
  for (;;) {
    if (isMap(node) && !node.flow) {
      const pair = (node.items as Pair[]).find((p) => holds(p.key) || holds(p.value));
      if (!pair || holds(pair.key)) return undefined;
      if (isScalar(pair.value)) {
        const target = pair;
        return {
          node: pair.value,
          replace: (n) => {
            target.value = n;
          },
        };
      }
      node = pair.value;
    } else if (isSeq(node) && !node.flow) {
      const index = node.items.findIndex(holds);
      if (index < 0) return undefined;
      const item = node.items[index];
      if (isScalar(item)) {
        const items = node.items;
        return {
          node: item,
          replace: (n) => {
            items[index] = n;
          },
        };
      }
      node = item;
    } else {
      return undefined;
    }
  }
}

/**
 * Move every range at or after the edit's end by `delta`; ranges that hold the edit grow with it. In place,
 * and only in nodes that end after the edit: new arrays for every node on every keystroke would fill the
 * old generation with garbage. (Each node has its own range array, and holds its children's ranges.)
 */
function shiftRanges(doc: GpaiDocument, change: TextChange, delta: number): void {
  if (!delta) return;
  const shift = (node: unknown): void => {
    const range = (node as Node | null | undefined)?.range;
    if (!range || range[2] < change.end) return;
    for (let i = 0; i < 3; i++) if (range[i] >= change.end) range[i] += delta;
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        shift(pair.key);
        shift(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) shift(item);
    }
  };
  shift(doc.yaml.contents);
  const range = doc.yaml.range;
  for (let i = 0; i < 3; i++) if (range[i] >= change.end) range[i] += delta;
}

/** Offset of the line break (\n, \r\n or \r) that ends the line holding `offset`, or the text's end. */
function lineEnd(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return i;
  }
  return text.length;
}
