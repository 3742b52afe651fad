/**
 * Fix data -> minimal LSP text edits. Keys are inserted by insertKeys.ts; a value is replaced where it
 * stands; a key is renamed in place. Every byte outside an edit stays as it was: the document is
 * never re-stringified.
 */
import { Scalar, type Node, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PathSegment } from './catalogue';
import type { GpaiDocument } from './document';
import { fileModel } from './model';
import { isScalar, readsAsString, yamlScalar } from './layout';
import { insertKeys } from './insertKeys';
import { newVersionEdits } from './versionEdits';
import type { FixData } from './rules/types';

/** The edits of one fix, against the document's current text. Empty when the fix no longer applies. */
export function fixEdits(doc: GpaiDocument, fix: FixData): TextEdit[] {
  switch (fix.kind) {
    case 'insert-keys':
      return insertKeys(doc, [{ parent: fix.parent, keys: fix.keys }]);
    case 'set-value':
      return setValue(doc, fix.path, fix.value);
    case 'rename-key':
      return renameKey(doc, fix.path, fix.to);
    case 'delete-range':
      return [{ range: fix.range, newText: '' }];
    case 'new-version':
      return newVersionEdits(doc, fix);
  }
}

/** Rename the key at `path` in place, whatever its quoting. */
export function renameKey(doc: GpaiDocument, path: readonly PathSegment[], to: string): TextEdit[] {
  const key = fileModel(doc).pairAt(path)?.key as Node | undefined;
  if (!key?.range) return [];
  return [{ range: doc.lines.range(key.range[0], key.range[1]), newText: yamlScalar(to) }];
}

/**
 * Replace the scalar at `path` with `value`; write it after an empty key; add the key if absent. Only the
 * value's own text changes: its quotes, a block scalar's header and comment, and the line break that ends
 * it stay as they were (valueEdits).
 */
export function setValue(doc: GpaiDocument, path: readonly PathSegment[], value: string): TextEdit[] {
  const pair = fileModel(doc).pairAt(path);
  if (!pair) {
    const key = path[path.length - 1];
    if (typeof key !== 'string') return [];
    return insertKeys(doc, [{ parent: path.slice(0, -1), keys: [key], values: { [key]: value } }]);
  }
  const node = pair.value as Node | null;
  const flow =
    Boolean((fileModel(doc).nodeAt(path.slice(0, -1)) as YAMLMap | undefined)?.flow) ||
    (path.length === 1 && Boolean(doc.root?.flow));
  if (node?.range && node.range[1] > node.range[0]) {
    if (!isScalar(node)) return [];
    return valueEdits(doc, node, value, flow);
  }
  const colon = doc.text.indexOf(':', (pair.key as Node).range![1]);
  if (colon < 0) return [];
  return [{ range: doc.lines.range(colon + 1, colon + 1), newText: ` ${yamlScalar(value, flow)}` }];
}

/**
 * The edits that make a scalar read `value`, in the scalar's own style where it can hold it: a quoted
 * string stays quoted the same way, a block scalar (`|`, `>-`) keeps its header, its indentation and the
 * line break after its text. A value that is no string (a number, `true`) is written plain; in a block
 * scalar, in place of its header, with its text lines removed and the last line break kept.
 */
function valueEdits(doc: GpaiDocument, node: Scalar, value: string, flow: boolean): TextEdit[] {
  const [start, end] = node.range!;
  const text = !readsAsString(value) || /[\r\n]/.test(value) ? undefined : value;
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
      return [
        {
          range: doc.lines.range(start, end),
          newText: text !== undefined ? JSON.stringify(text) : yamlScalar(value, flow),
        },
      ];
    case Scalar.QUOTE_SINGLE:
      return [
        {
          range: doc.lines.range(start, end),
          newText: text !== undefined ? `'${text.replace(/'/g, "''")}'` : yamlScalar(value, flow),
        },
      ];
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL: {
      const headerEnd = doc.lines.lineEnd(doc.lines.positionAt(start).line);
      let contentStart = headerEnd;
      while (contentStart < end && /\s/.test(doc.text.charAt(contentStart))) contentStart++;
      let contentEnd = end;
      while (contentEnd > contentStart && /\s/.test(doc.text.charAt(contentEnd - 1))) contentEnd--;
      if (text !== undefined && contentEnd > contentStart)
        return [{ range: doc.lines.range(contentStart, contentEnd), newText: text }];
      const indicator = /^[|>][-+0-9]*/.exec(doc.text.slice(start, headerEnd))![0];
      const edits: TextEdit[] = [
        { range: doc.lines.range(start, start + indicator.length), newText: yamlScalar(value, flow) },
      ];
      if (contentEnd > contentStart) edits.push({ range: doc.lines.range(headerEnd, contentEnd), newText: '' });
      return edits;
    }
    default:
      return [{ range: doc.lines.range(start, end), newText: yamlScalar(value, flow) }];
  }
}

/** Apply non-overlapping edits to a text (for tests and the CLI); LSP clients apply them themselves. */
export function applyEdits(doc: GpaiDocument, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i, start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end) }))
    .sort((a, b) => a.start - b.start || a.i - b.i);
  let text = '';
  let at = 0;
  for (const { e, start, end } of sorted) {
    text += doc.text.slice(at, start) + e.newText;
    at = Math.max(at, end);
  }
  return text + doc.text.slice(at);
}

export { insertKeys, type KeyInsertion } from './insertKeys';
