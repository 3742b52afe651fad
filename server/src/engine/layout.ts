/**
 * How a file is laid out, read from its own text so that inserted lines look as if the writer typed them:
 * the indentation unit, the line break, whether blocks are separated by blank lines, and where a block
 * ends. Also what an inserted key says: the placeholder comment naming what to write.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { cite, entry, getFormItem, getTemplateItem, getValueSet, titleOf, type KeySpec } from './catalogue';
import type { GpaiDocument } from './document';

/** The indentation unit of the file: the step between a key and its first nested key; 2 when none. */
export function indentUnit(doc: GpaiDocument): number {
  let found: number | undefined;
  const visit = (map: YAMLMap, column: number | undefined): void => {
    for (const pair of map.items as Pair[]) {
      if (found !== undefined) return;
      const keyColumn = column ?? columnOf(doc, pair.key as Node);
      const value = pair.value;
      if (isMap(value) && !value.flow && value.items.length) {
        const child = columnOf(doc, (value.items[0] as Pair).key as Node);
        if (child > keyColumn) found = child - keyColumn;
        else visit(value, child);
      }
    }
  };
  if (doc.root && !doc.root.flow) visit(doc.root, undefined);
  return found ?? 2;
}

/**
 * The column where a node's text starts with what is written before it on its line: an anchor (`&a`), a
 * tag (`!!str`) and, for a key, the `? ` of an explicit entry. A byte-order mark is not a column.
 */
export function columnOf(doc: GpaiDocument, node: Node | null | undefined): number {
  if (!node?.range) return 0;
  const at = startOf(doc, node);
  const { line, character } = doc.lines.positionAt(at);
  return line === 0 && doc.text.charCodeAt(0) === 0xfeff ? character - 1 : character;
}

/** The offset where a node starts with its properties and explicit-key indicator (see columnOf). */
export function startOf(doc: GpaiDocument, node: Node): number {
  const start = node.range![0];
  const lineStart = doc.lines.starts[doc.lines.positionAt(start).line];
  const props = /(?:\?[ \t]+)?(?:[&!][^ \t]*[ \t]+)*$/.exec(doc.text.slice(lineStart, start))![0];
  return start - props.length;
}

/**
 * Whether the top level's blocks are separated by blank lines, as the form's sections usually are: every
 * gap between two top-level keys holds a blank line (comments aside), or there is at most one key yet.
 * Nested keys are written without blank lines.
 */
export function blankSeparated(doc: GpaiDocument, map: YAMLMap | undefined, topLevel: boolean): boolean {
  if (!topLevel) return false;
  const pairs = (map?.items ?? []) as Pair[];
  for (let i = 1; i < pairs.length; i++) {
    let line = lineOf(doc, pairs[i].key as Node) - 1;
    while (line >= 0 && isCommentLine(doc.lines.lineText(line))) line--;
    if (line < 0 || doc.lines.lineText(line).trim() !== '') return false;
  }
  return true;
}

export function lineOf(doc: GpaiDocument, node: Node | null | undefined): number {
  return node?.range ? doc.lines.positionAt(node.range[0]).line : 0;
}

export function isCommentLine(text: string): boolean {
  return text.trimStart().startsWith('#');
}

/** The last line holding the pair's own text: its value, or its key when the value is empty. */
export function lastLineOf(doc: GpaiDocument, pair: Pair): number {
  const value = pair.value as Node | null;
  const key = pair.key as Node;
  let end = value?.range && value.range[1] > value.range[0] ? value.range[1] : key.range![1];
  while (end > 0 && /\s/.test(doc.text.charAt(end - 1))) end--;
  return doc.lines.positionAt(Math.max(0, end - 1)).line;
}

/**
 * A value written as is, quoted only when YAML would read it as something else (`>1T` opens a block
 * scalar; `1` stays a number, as the format wants). In a flow mapping (`{a: 1}`), a comma or bracket
 * would end the value: such a value is quoted too.
 */
export function yamlScalar(value: string, flow = false): string {
  if (!(flow && /[,[\]{}]/.test(value)) && plainReading(value) !== undefined) return value;
  return JSON.stringify(value);
}

/** Whether `value`, written plain, is read as that string (not as a number, a boolean or null). */
export function readsAsString(value: string): boolean {
  const read = plainReading(value);
  return read !== undefined && typeof read.value === 'string';
}

/** What YAML reads from `value` written plain after a key, if it reads back as the same text. */
function plainReading(value: string): { value: unknown } | undefined {
  if (/[\r\n#]/.test(value)) return undefined;
  try {
    const probe = parseDocument(`k: ${value}\n`);
    const read = (probe.toJS() as { k?: unknown } | null)?.k;
    if (!probe.errors.length && read !== null && read !== undefined && String(read) === value) return { value: read };
  } catch {
    // not readable plain: quoted
  }
  return undefined;
}

// ---- Placeholder comments -------------------------------------------------------------------------

/** The longest line an inserted key and its comment make; a longer comment goes above the key, wrapped. */
export const COMMENT_WIDTH = 100;

/**
 * `key:  # comment` when it fits in COMMENT_WIDTH characters; else the comment whole, wrapped at word
 * boundaries over the lines above the key, at its indentation (a single word longer than the width keeps its
 * own line: a comment is never cut).
 */
export function keyWithComment(pad: string, key: string, comment: string): string[] {
  const text = comment.replace(/\s+/g, ' ').trim();
  if (!text) return [`${pad}${key}`];
  const inline = `${pad}${key}  # ${text}`;
  if (inline.length <= COMMENT_WIDTH) return [inline];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${pad}# ${line} ${word}`.length > COMMENT_WIDTH) {
      lines.push(`${pad}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${pad}# ${line}`);
  return [...lines, `${pad}${key}`];
}

/** "a, b or c". */
export function inWords(values: readonly string[], last = 'or'): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

/** What an inserted key's comment says: the catalogue entry it documents and what to write. */
export function placeholderComment(spec: KeySpec, parent?: KeySpec): string {
  const what = whatToWrite(spec);
  // Under a block that already names the entry (a measure's answer, a structured item), say only what to write.
  if (what && parent?.id === spec.id) return what;
  const head = heading(spec);
  if (what?.startsWith(head)) return what;
  return what ? `${head}: ${what}` : head;
}

function heading(spec: KeySpec): string {
  const e = entry(spec.id);
  if (!e) return spec.key;
  switch (e.kind) {
    case 'form-section':
      return `Section ${e.number} ${e.title}`;
    case 'chapter':
      return `${e.title} chapter`;
    case 'commitment':
      return `${cite(e.id)} “${e.title}”`;
    case 'measure':
      return spec.type === 'map' ? `${cite(e.id)} “${e.title}”` : cite(e.id);
    case 'form-item':
      return cite(e.id);
    default:
      return titleOf(e);
  }
}

function whatToWrite(spec: KeySpec): string | undefined {
  if (spec.type === 'map') return undefined;
  const item = getFormItem(spec.id);
  const example = /e\.g\. (.+)$/.exec(spec.hint ?? '')?.[1];
  if (item?.precision?.kind === 'significant-figures' && (spec.type === 'quantity' || spec.type === 'number')) {
    const figures = `≥ ${item.precision.min} significant figure${item.precision.min > 1 ? 's' : ''}`;
    return [item.precision.unit, figures, example ? `e.g. ${example}` : undefined].filter(Boolean).join(', ');
  }
  if (spec.hint) return spec.hint;
  if (spec.type === 'keyed-map' && spec.values) {
    return `a key for each of ${inWords(
      getValueSet(spec.values).options.map((o) => o.value),
      'and',
    )}`;
  }
  if ((spec.type === 'list' || spec.type === 'na-or-list') && spec.children) {
    return `a list of entries, each with ${spec.children
      .filter((c) => !c.optional)
      .map((c) => c.key)
      .join(', ')}${spec.type === 'na-or-list' ? ', or N/A' : ''}`;
  }
  if (spec.values && (spec.type === 'enum' || spec.type === 'enum-list')) {
    const options = getValueSet(spec.values).options.map((o) => o.value);
    return spec.type === 'enum' ? `one of ${inWords(options)}` : `a list of any of ${inWords(options, 'and')}`;
  }
  if (spec.type === 'date') return 'YYYY-MM-DD';
  if (spec.type === 'month') return 'YYYY-MM';
  if (spec.type === 'boolean') return 'true or false';
  if (spec.type === 'number') return 'a number';
  if (spec.type === 'url') return 'https link';
  if (item) return lowerFirst(firstSentence(item.whatToWrite));
  const template = getTemplateItem(spec.id);
  if (template) return lowerFirst(firstSentence(template.whatToGive));
  if (spec.type === 'text') return `${spec.key.replace(/_/g, ' ')}, in a few sentences`;
  return undefined;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return (m ? m[1] : text).replace(/\.$/, '');
}

/** Whether a node is an empty value (`key:`, `key: ~`, `key: null`). */
export function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

export { isMap, isScalar, isSeq };
