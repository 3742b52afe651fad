/**
 * The edits of the "new version" quick-fix: the version number replaced in its own quotes, the date of the
 * last update set, and an entry appended to the history in the history's own style (a block entry, a flow
 * entry `- { … }` or an entry of a flow list), the history created after its preceding key when there is none.
 * Every other byte stays as it was.
 */
import { Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { childSpecs, KEYS, keySpecAt } from './catalogue';
import { keyName, type GpaiDocument } from './document';
import { setValue } from './edits';
import {
  columnOf,
  indentUnit,
  isEmptyValue,
  isMap,
  isScalar,
  isSeq,
  lastLineOf,
  readsAsString,
  yamlScalar,
} from './layout';
import { fileModel } from './model';

const VERSION = KEYS.document.version;
const LAST_UPDATED = KEYS.document.last_updated;
const HISTORY = KEYS.document.history;

export interface NewVersion {
  readonly version: string;
  readonly date: string;
  /** What the new version changed, for its history entry. */
  readonly changes: string;
}

export function newVersionEdits(doc: GpaiDocument, next: NewVersion): TextEdit[] {
  return [
    ...versionEdit(doc, next.version),
    ...setValue(doc, LAST_UPDATED.path, next.date),
    ...appendHistory(doc, [
      [HISTORY.each.version.rel[0], JSON.stringify(next.version)],
      [HISTORY.each.date.rel[0], next.date],
      [HISTORY.each.changes.rel[0], next.changes],
    ]),
  ];
}

/** The next version number: the last number in it counted up (`2.1` → `2.2`, `v3` → `v4`), else `.1` added. */
export function nextVersion(version: string): string {
  const m = /(\d+)(\D*)$/.exec(version);
  if (!m) return version ? `${version}.1` : '1';
  return `${version.slice(0, m.index)}${BigInt(m[1]) + 1n}${m[2]}`;
}

/** The version written in its own quotes; a plain one quoted, so that `2.10` is not read as the number 2.1. */
function versionEdit(doc: GpaiDocument, version: string): TextEdit[] {
  const node = fileModel(doc).nodeAt(VERSION.path);
  if (!isScalar(node) || !node.range || node.range[1] <= node.range[0]) return setValue(doc, VERSION.path, version);
  const [start, end] = node.range;
  const quoted =
    node.type === Scalar.QUOTE_SINGLE
      ? `'${version.replace(/'/g, "''")}'`
      : node.type === Scalar.PLAIN && readsAsString(version)
        ? version
        : JSON.stringify(version);
  return [{ range: doc.lines.range(start, end), newText: quoted }];
}

type Field = readonly [key: string, value: string];

/** A history entry appended after the last one, or a history created holding it. */
function appendHistory(doc: GpaiDocument, fields: readonly Field[]): TextEdit[] {
  const model = fileModel(doc);
  const pair = model.pairAt(HISTORY.path);
  if (!pair) return createHistory(doc, fields);
  const node = pair.value as Node | null;
  if (isSeq(node) && node.flow) return appendFlow(doc, node, fields);
  if (isSeq(node) && node.items.length) {
    const seq = node as YAMLSeq<Node>;
    const dash = doc.lines.positionAt(seq.range![0]).character;
    const first = seq.items[0];
    const last = seq.items[seq.items.length - 1];
    const column =
      isMap(first) && !first.flow && first.items.length
        ? columnOf(doc, (first.items[0] as Pair).key as Node)
        : dash + 2;
    const lines =
      isMap(last) && last.flow ? [`${' '.repeat(dash)}- ${flowEntry(fields)}`] : blockEntry(fields, dash, column);
    return [after(doc, endLine(doc, last), lines)];
  }
  if (!isEmptyValue(node)) return [];
  // `history:` with nothing after it, or `~`: the entry goes on the lines after the key.
  const key = pair.key as Node;
  const dash = columnOf(doc, key) + indentUnit(doc);
  const edits: TextEdit[] = [];
  if (node?.range && node.range[1] > node.range[0])
    edits.push({ range: doc.lines.range(key.range![1] + 1, node.range[1]), newText: '' });
  edits.push(after(doc, lastLineOf(doc, pair), blockEntry(fields, dash, dash + 2)));
  return edits;
}

/** `history:` with the entry, after the last key of `document` that comes before it in the form's order. */
function createHistory(doc: GpaiDocument, fields: readonly Field[]): TextEdit[] {
  const parentPath = HISTORY.path.slice(0, -1);
  const parent = fileModel(doc).nodeAt(parentPath);
  if (!isMap(parent) || parent.flow || !parent.items.length) return [];
  const order = childSpecs(keySpecAt(parentPath)).map((s) => s.key);
  const mine = order.indexOf(HISTORY.path[HISTORY.path.length - 1]);
  const pairs = (parent as YAMLMap).items as Pair[];
  const before = [...pairs].reverse().find((p) => {
    const rank = order.indexOf(keyName(p) ?? '');
    return rank >= 0 && rank < mine;
  });
  if (!before) return [];
  const column = columnOf(doc, before.key as Node);
  const dash = column + indentUnit(doc);
  const head = `${' '.repeat(column)}${HISTORY.path[HISTORY.path.length - 1]}:`;
  return [after(doc, lastLineOf(doc, before), [head, ...blockEntry(fields, dash, dash + 2)])];
}

/** `[…]` gets `, { version: …, date: …, changes: … }` before its closing bracket. */
function appendFlow(doc: GpaiDocument, seq: YAMLSeq, fields: readonly Field[]): TextEdit[] {
  const close = doc.text.lastIndexOf(']', seq.range![1]);
  if (close < seq.range![0]) return [];
  const at = doc.lines.positionAt(close);
  return [{ range: { start: at, end: at }, newText: `${seq.items.length ? ', ' : ''}${flowEntry(fields)}` }];
}

function blockEntry(fields: readonly Field[], dash: number, column: number): string[] {
  return fields.map(
    ([key, value], i) =>
      `${' '.repeat(i === 0 ? dash : column)}${i === 0 ? '- '.padEnd(column - dash, ' ') : ''}${key}: ${scalar(value)}`,
  );
}

function flowEntry(fields: readonly Field[]): string {
  return `{ ${fields.map(([key, value]) => `${key}: ${scalar(value, true)}`).join(', ')} }`;
}

/** A value already quoted stays as given; any other is written as YAML reads it back. */
function scalar(value: string, flow = false): string {
  return /^".*"$/.test(value) ? value : yamlScalar(value, flow);
}

/** The last line of a list entry's own text. */
function endLine(doc: GpaiDocument, node: Node): number {
  let end = node.range![1];
  while (end > node.range![0] && /\s/.test(doc.text.charAt(end - 1))) end--;
  return doc.lines.positionAt(Math.max(0, end - 1)).line;
}

/** Lines inserted after `line`: at the start of the next line, or after a line break at the end of the file. */
function after(doc: GpaiDocument, line: number, lines: readonly string[]): TextEdit {
  const eol = doc.lines.eol;
  if (line + 1 < doc.lines.lineCount) {
    const at = doc.lines.positionAt(doc.lines.starts[line + 1]);
    return { range: { start: at, end: at }, newText: lines.join(eol) + eol };
  }
  const at = doc.lines.positionAt(doc.lines.lineEnd(line));
  return { range: { start: at, end: at }, newText: eol + lines.join(eol) };
}
