/**
 * Inserting keys: each in the form's order after its preceding sibling, with the file's indentation and
 * line break and a placeholder comment naming what to write; absent parents are created around them.
 */
import type { Node, Pair, YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { childSpecs, entrySpec, getValueSet, keySpecAt, type KeySpec, type PathSegment } from './catalogue';
import { keyName, type GpaiDocument } from './document';
import { fileModel } from './model';
import {
  blankSeparated,
  columnOf,
  indentUnit,
  isCommentLine,
  isEmptyValue,
  isMap,
  lastLineOf,
  keyWithComment,
  placeholderComment,
  startOf,
  yamlScalar,
} from './layout';
import { requirement } from './requirements';
import { suppressionLines } from './suppressions';

/** Keys to insert under one parent; `values` writes a value instead of a placeholder. */
export interface KeyInsertion {
  readonly parent: readonly PathSegment[];
  readonly keys: readonly string[];
  readonly values?: Readonly<Record<string, string>>;
}

interface Insertion {
  readonly offset: number;
  /** Deeper blocks end where their parent's next sibling starts: at one offset, deeper text goes first. */
  readonly depth: number;
  readonly text: string;
}

interface Style {
  readonly eol: string;
  readonly unit: number;
  /** Keys to write under a path (by `pathKey`), instead of its required keys: the chain down to a fix's keys. */
  readonly only: Map<string, readonly string[]>;
  /** Values to write for paths, instead of a placeholder. */
  readonly values: Map<string, string>;
  /** Keys to write under a path that another insertion creates, besides its required keys. */
  readonly extra: Map<string, readonly string[]>;
}

const pathKey = (path: readonly PathSegment[]): string => JSON.stringify(path);

/** The edits that insert every requested key, merged so that each offset gets one edit. */
export function insertKeys(doc: GpaiDocument, requests: readonly KeyInsertion[]): TextEdit[] {
  const style: Style = {
    eol: doc.lines.eol,
    unit: indentUnit(doc),
    only: new Map(),
    values: new Map(),
    extra: new Map(),
  };
  const insertions: Insertion[] = [];
  const replacements: TextEdit[] = [];
  const created = (path: readonly PathSegment[]) =>
    requests.some((r) =>
      r.keys.some((k) => {
        const made = [...r.parent, k];
        return made.length <= path.length && made.every((seg, i) => seg === path[i]) && !fileModel(doc).pairAt(made);
      }),
    );
  // Keys whose parent another insertion writes go inside that block: note them before anything is rendered.
  const planned = requests.filter((request) => {
    if (!request.parent.length || fileModel(doc).pairAt(request.parent) || !created(request.parent)) return true;
    const id = pathKey(request.parent);
    style.extra.set(id, [...(style.extra.get(id) ?? []), ...request.keys]);
    return false;
  });
  for (const request of planned) {
    const keys = request.keys.filter((k) => !fileModel(doc).pairAt([...request.parent, k]));
    for (const [key, value] of Object.entries(request.values ?? {}))
      style.values.set(pathKey([...request.parent, key]), value);
    if (keys.length) plan(doc, style, request.parent, keys, insertions, replacements);
  }
  return [...replacements, ...merge(doc, insertions)];
}

function merge(doc: GpaiDocument, insertions: Insertion[]): TextEdit[] {
  const byOffset = new Map<number, Insertion[]>();
  for (const i of insertions) byOffset.set(i.offset, [...(byOffset.get(i.offset) ?? []), i]);
  return [...byOffset.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([offset, list]) => {
      const text = [...list]
        .sort((a, b) => b.depth - a.depth)
        .map((i) => i.text)
        .join('');
      const at = doc.lines.positionAt(offset);
      return { range: { start: at, end: at }, newText: text };
    });
}

/** Plan the insertion of `keys` (absent, in any order) under `parent`, creating absent ancestors. */
function plan(
  doc: GpaiDocument,
  style: Style,
  parent: readonly PathSegment[],
  keys: readonly string[],
  out: Insertion[],
  replacements: TextEdit[],
): void {
  const parentSpec = parent.length ? keySpecAt(parent) : undefined;
  if (parent.length && !parentSpec) return;
  const order = orderOf(parentSpec, keys);
  const specs = order.filter((s) => keys.includes(s.key));
  if (!specs.length) return;
  const last = parent[parent.length - 1];
  const container = parent.length === 0 ? doc.root : fileModel(doc).nodeAt(parent);
  const parentPair = typeof last === 'string' ? fileModel(doc).pairAt(parent) : undefined;

  if (parent.length === 0 && !doc.root) {
    if (!isEmptyValue(doc.yaml.contents)) return; // a list or text at the top: nothing to insert into
    const lines = renderAll(doc, style, specs, parent, 0, true);
    const needsBreak = doc.text.length > 0 && !/[\r\n]$/.test(doc.text);
    out.push({
      offset: doc.text.length,
      depth: 0,
      text: (needsBreak ? style.eol : '') + lines.join(style.eol) + style.eol,
    });
    return;
  }
  if (typeof last === 'string' && !parentPair) {
    // The parent itself is absent: insert it at its own place, holding only these keys.
    style.only.set(
      pathKey(parent),
      specs.map((s) => s.key),
    );
    plan(doc, style, parent.slice(0, -1), [last], out, replacements);
    return;
  }
  if (isMap(container) && (container as YAMLMap).flow) {
    planFlow(doc, style, container as YAMLMap, specs, order, parent, out);
    return;
  }
  if (isMap(container) && container.items.length) {
    planBlock(doc, style, container as YAMLMap, specs, order, parent, out);
    return;
  }
  if (parentPair && isEmptyValue(parentPair.value)) {
    // `data:` with nothing under it (or `data: ~`): the keys go on the lines after it.
    const key = parentPair.key as Node;
    const value = parentPair.value as Node | null;
    if (value?.range && value.range[1] > value.range[0]) {
      let start = value.range[0];
      while (start > key.range![1] && /[ \t]/.test(doc.text.charAt(start - 1))) start--;
      replacements.push({ range: doc.lines.range(start, value.range[1]), newText: '' });
    }
    const lines = renderAll(doc, style, specs, parent, columnOf(doc, key) + style.unit, false);
    out.push(afterLine(doc, style, lastLineOf(doc, parentPair), lines, false, parent.length));
  }
}

/**
 * Where a key goes that comes before the first key of a block: at that key, below the comments over it (a
 * heading such as `# the compute figures` covers the new key too), except suppressions, which apply to
 * the next line and so stay right above the key they were written for.
 */
function aboveOwnComments(doc: GpaiDocument, keyOffset: number, column: number): number {
  const keyLine = doc.lines.positionAt(keyOffset).line;
  const suppressions = suppressionLines(doc);
  let line = keyLine;
  while (line > 0 && suppressions.has(line - 1) && indentOf(doc.lines.lineText(line - 1)) === column) line--;
  return line === keyLine ? keyOffset : doc.lines.starts[line] + column;
}

/**
 * The keys a block may hold, in the form's order. A keyed map (`specified_risks`, `maximum_input_size`)
 * holds its value set's keys in the set's order, then any other key asked for.
 */
function orderOf(spec: KeySpec | undefined, keys: readonly string[]): readonly KeySpec[] {
  if (spec?.type !== 'keyed-map') return childSpecs(spec);
  const names = new Set([...(spec.values ? getValueSet(spec.values).options.map((o) => o.value) : []), ...keys]);
  return [...names].flatMap((key) => entrySpec(spec, key) ?? []);
}

/** Keys into a block map with entries: each after its preceding sibling in the form's order. */
function planBlock(
  doc: GpaiDocument,
  style: Style,
  map: YAMLMap,
  specs: readonly KeySpec[],
  order: readonly KeySpec[],
  parent: readonly PathSegment[],
  out: Insertion[],
): void {
  const pairs = map.items as Pair[];
  const column = columnOf(doc, pairs[0].key as Node);
  const blank = blankSeparated(doc, map, parent.length === 0);
  const rank = (name: string | undefined) => order.findIndex((s) => s.key === name);
  const groups = new Map<Pair | undefined, KeySpec[]>();
  for (const spec of specs) {
    const mine = rank(spec.key);
    let before: Pair | undefined;
    for (const pair of pairs) {
      const r = rank(keyName(pair));
      if (r >= 0 && r < mine) before = pair;
    }
    groups.set(before, [...(groups.get(before) ?? []), spec]);
  }
  for (const [before, group] of groups) {
    const lines = renderAll(doc, style, group, parent, column, blank);
    if (before) {
      let line = lastLineOf(doc, before);
      // Comments indented under the sibling belong to it.
      while (
        line + 1 < doc.lines.lineCount &&
        isCommentLine(doc.lines.lineText(line + 1)) &&
        indentOf(doc.lines.lineText(line + 1)) > column
      )
        line++;
      out.push(afterLine(doc, style, line, lines, blank, parent.length));
    } else {
      const first = pairs[0].key as Node;
      const text = lines.join(style.eol).slice(column) + style.eol + (blank ? style.eol : '') + ' '.repeat(column);
      out.push({ offset: aboveOwnComments(doc, startOf(doc, first), column), depth: parent.length, text });
    }
  }
}

/** Keys into a flow map (`{a: 1}`): `, key: null` after the preceding sibling. No room for a comment. */
function planFlow(
  doc: GpaiDocument,
  style: Style,
  map: YAMLMap,
  specs: readonly KeySpec[],
  order: readonly KeySpec[],
  parent: readonly PathSegment[],
  out: Insertion[],
): void {
  const depth = parent.length;
  const pairs = map.items as Pair[];
  const rank = (name: string | undefined) => order.findIndex((s) => s.key === name);
  for (const spec of specs) {
    const value = style.values.get(pathKey([...parent, spec.key]));
    const entry = `${spec.key}: ${value !== undefined ? yamlScalar(value) : 'null'}`;
    const before = [...pairs].reverse().find((p) => rank(keyName(p)) >= 0 && rank(keyName(p)) < rank(spec.key));
    if (before) {
      const node = (before.value as Node | null)?.range ? (before.value as Node) : (before.key as Node);
      out.push({ offset: node.range![1], depth, text: `, ${entry}` });
    } else if (pairs.length) {
      out.push({ offset: startOf(doc, pairs[0].key as Node), depth, text: `${entry}, ` });
    } else {
      out.push({ offset: map.range![0] + 1, depth, text: entry });
    }
  }
}

/** Lines inserted after `line`: at the start of the next line, or after a line break at the end of the file. */
function afterLine(
  doc: GpaiDocument,
  style: Style,
  line: number,
  lines: readonly string[],
  blank: boolean,
  depth: number,
): Insertion {
  const body = (blank ? style.eol : '') + lines.join(style.eol);
  if (line + 1 < doc.lines.lineCount) return { offset: doc.lines.starts[line + 1], depth, text: body + style.eol };
  const end = doc.lines.lineEnd(Math.max(0, line));
  return { offset: end, depth, text: style.eol + body };
}

// ---- Rendering ----------------------------------------------------------------------------------

function renderAll(
  doc: GpaiDocument,
  style: Style,
  specs: readonly KeySpec[],
  parent: readonly PathSegment[],
  indent: number,
  blank: boolean,
): string[] {
  const out: string[] = [];
  specs.forEach((spec, i) => {
    if (i > 0 && blank) out.push('');
    out.push(...render(doc, style, spec, [...parent, spec.key], indent));
  });
  return out;
}

/** A key with its placeholder comment; a block with the required keys under it (or the chain's), recursively. */
function render(
  doc: GpaiDocument,
  style: Style,
  spec: KeySpec,
  path: readonly PathSegment[],
  indent: number,
  parent?: KeySpec,
): string[] {
  const pad = ' '.repeat(indent);
  const value = style.values.get(pathKey(path));
  if (value !== undefined) return [`${pad}${spec.key}: ${yamlScalar(value)}`];
  const head = keyWithComment(pad, `${spec.key}:`, placeholderComment(spec, parent ?? keySpecAt(path.slice(0, -1))));
  const only = style.only.get(pathKey(path));
  const extra = style.extra.get(pathKey(path)) ?? [];
  const children = only
    ? childSpecs(spec).filter((c) => only.includes(c.key))
    : spec.type === 'map'
      ? childSpecs(spec).filter(
          (c) => extra.includes(c.key) || requirement(doc, c, [...path, c.key]).kind === 'required',
        )
      : spec.type === 'keyed-map'
        ? extra.flatMap((k) => entrySpec(spec, k) ?? [])
        : [];
  return [...head, ...children.flatMap((c) => render(doc, style, c, [...path, c.key], indent + style.unit, spec))];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
