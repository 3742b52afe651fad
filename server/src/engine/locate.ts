/**
 * Where a position is in a document: on which key or value, at which path of the key tree. Hovers and
 * document links read the parsed tree; completion reads the text around the cursor (see `cursorContext`),
 * because the line being typed is rarely valid YAML yet.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Position, Range } from 'vscode-languageserver-types';
import type { PathSegment } from './catalogue';
import { keyName, type GpaiDocument } from './document';

export interface Located {
  /** Keys and list indexes down to the key or value under the position. */
  readonly path: readonly PathSegment[];
  readonly on: 'key' | 'value';
  /** The scalar under the position, for a value. */
  readonly node?: Node;
  readonly range: Range;
}

/** The key or scalar value under a position, if any. */
export function locate(doc: GpaiDocument, position: Position): Located | undefined {
  const offset = doc.lines.offsetAt(position);
  const inside = (node: Node | null | undefined) => !!node?.range && node.range[0] <= offset && offset <= node.range[1];
  let node: unknown = doc.root;
  const path: PathSegment[] = [];
  for (;;) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((p) => inside(p.key as Node) || inside(p.value as Node));
      const name = pair ? keyName(pair) : undefined;
      if (!pair || name === undefined) return undefined;
      path.push(name);
      if (inside(pair.key as Node)) return { path, on: 'key', range: rangeOf(doc, pair.key as Node) };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => inside(item as Node));
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else if (isScalar(node)) {
      return { path, on: 'value', node, range: rangeOf(doc, node) };
    } else {
      return undefined;
    }
  }
}

function rangeOf(doc: GpaiDocument, node: Node): Range {
  return doc.lines.range(node.range![0], node.range![1]);
}

// ---- The cursor's context, read from the text ------------------------------------------------------

export interface CursorContext {
  /** Path of the block the cursor's line belongs to (list entries as index 0). */
  readonly parent: readonly PathSegment[];
  /** The cursor is after `key:` on its line: a value is being written for `key`. */
  readonly valueFor?: string;
  /** The cursor is on a list entry (`- `) of the block `parent`. */
  readonly listEntry: boolean;
  /** The text typed so far for the key or value under the cursor, and where it starts. */
  readonly prefix: string;
  readonly prefixStart: Position;
  /** The column where a key on this line starts (or would start). */
  readonly column: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([^\s#'"{[\]}:,-][^#:]*?|"[^"]*"|'[^']*')\s*:(\s|$)/;

/**
 * The block the cursor is in, from indentation: the nearest line above with a key less indented than the
 * cursor's is the parent, and so on up. Works on text that does not parse.
 */
export function cursorContext(doc: GpaiDocument, position: Position): CursorContext {
  const line = doc.lines.lineText(position.line);
  const before = line.slice(0, position.character);
  const keyMatch = KEY_LINE.exec(before);
  const dash = /^(\s*)-\s+/.exec(before) ?? /^(\s*)-$/.exec(before);
  const indent = before.length - before.trimStart().length;
  const column = keyMatch ? keyMatch[1].length + (keyMatch[2]?.length ?? 0) : dash ? dash[0].length : indent;
  // On a "- " line the block is the list entry: its parent is found from the dash's own column.
  const outer = parentPath(doc, position.line, dash ? dash[1].length + 1 : column);
  const parent = dash ? [...outer, 0] : outer;
  const at = (prefix: string) => ({ line: position.line, character: position.character - prefix.length });
  if (keyMatch) {
    const key = unquote(keyMatch[3].trim());
    const rest = before.slice(keyMatch[0].length);
    const flow = /\[([^\]]*)$/.exec(rest);
    if (flow) {
      const prefix = flow[1].split(',').pop()!.trimStart();
      return { parent: [...parent, key, 0], listEntry: true, prefix, prefixStart: at(prefix), column };
    }
    const prefix = rest.trimStart();
    return { parent, valueFor: key, listEntry: false, prefix, prefixStart: at(prefix), column };
  }
  const prefix = before.slice(column);
  return { parent, listEntry: !!dash, prefix, prefixStart: at(prefix), column };
}

/** The keys (and list entries, as index 0) of the blocks enclosing a line at `column`, outermost first. */
function parentPath(doc: GpaiDocument, line: number, column: number): PathSegment[] {
  const path: PathSegment[] = [];
  let limit = column;
  for (let l = line - 1; l >= 0 && limit > 0; l--) {
    const text = doc.lines.lineText(l);
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const indent = text.length - text.trimStart().length;
    const key = KEY_LINE.exec(text);
    const dash = /^(\s*)-(\s+|$)/.exec(text);
    if (dash) {
      const content = dash[0].length;
      if (content > limit) continue;
      // The cursor is in this entry: under its key when deeper than the key, beside it otherwise.
      if (key && content < limit && /:\s*(#.*)?$/.test(text)) path.unshift(unquote(key[3].trim()));
      path.unshift(0);
      // The list's own key may sit at the dash's column ("compact" lists), so allow it.
      limit = indent + 1;
      continue;
    }
    if (key && indent < limit) {
      path.unshift(unquote(key[3].trim()));
      limit = indent;
    }
  }
  return path;
}

function unquote(key: string): string {
  return /^(".*"|'.*')$/.test(key) ? key.slice(1, -1) : key;
}
