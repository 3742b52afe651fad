/**
 * Completions from the key tree and the catalogue: the keys valid at the cursor, missing ones first with
 * their recipients; whole blocks as snippets; closed-set values (modalities, ranges with the derived one
 * first, classification, licence kinds, statuses); booleans; dates in ISO form; `N/A` only where allowed.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import {
  ref,
  audienceLabels,
  childSpecs,
  cite,
  entry,
  getFormItem,
  getValueSet,
  KEYS,
  keySpecAt,
  titleOf,
  type KeySpec,
  type PathSegment,
  type ValueSetId,
} from './catalogue';
import { derivedValue } from './answers';
import type { GpaiDocument } from './document';
import { explainEntry } from './explain';
import { indentUnit } from './layout';
import { cursorContext, type CursorContext } from './locate';
import { requirement } from './requirements';
import { escapeSnippet, snippetLines, valueStop } from './snippets';

export interface CompletionOptions {
  /** Today, YYYY-MM-DD: offered for dates. */
  readonly today: string;
}

export function getCompletions(doc: GpaiDocument, requested: Position, options: CompletionOptions): CompletionList {
  // A stale client may ask past a line's end or the last line: answer at the nearest place in the text.
  const position = doc.lines.positionAt(doc.lines.offsetAt(requested));
  const ctx = cursorContext(doc, position);
  const range: Range = { start: ctx.prefixStart, end: position };
  const items =
    ctx.valueFor !== undefined
      ? valueItems(doc, ctx, range, options)
      : ctx.listEntry
        ? entryItems(doc, ctx, range, options)
        : keyItems(doc, ctx, range, options);
  // Right after "key:" (completion triggered by the colon) a value needs its space.
  const glued =
    ctx.valueFor !== undefined && doc.lines.lineText(position.line).charAt(ctx.prefixStart.character - 1) === ':';
  if (glued)
    for (const item of items)
      if (item.textEdit && 'range' in item.textEdit) item.textEdit.newText = ` ${item.textEdit.newText}`;
  return { isIncomplete: false, items };
}

// ---- Keys -------------------------------------------------------------------------------------------

function keyItems(doc: GpaiDocument, ctx: CursorContext, range: Range, options: CompletionOptions): CompletionItem[] {
  const parentSpec = ctx.parent.length ? keySpecAt(ctx.parent) : undefined;
  if (ctx.parent.length && !parentSpec) return [];
  const present = siblingKeys(doc, range.start.line, ctx.column);
  if (parentSpec?.type === 'keyed-map' && parentSpec.values) {
    return getValueSet(parentSpec.values)
      .options.filter((o) => !present.has(o.value))
      .map((o, i) => ({
        label: o.value,
        kind: CompletionItemKind.Property,
        detail: o.label,
        sortText: pad(i),
        textEdit: { range, newText: `${o.value}: ` },
      }));
  }
  const unit = indentUnit(doc);
  // Renaming a key already followed by its colon: replace the name only, keep what follows.
  const rest = doc.lines.lineText(range.end.line).slice(range.end.character);
  const renaming = /^([\w-]*)\s*:/.exec(rest);
  const keyRange = renaming
    ? { start: range.start, end: { line: range.end.line, character: range.end.character + renaming[1].length } }
    : range;
  return childSpecs(parentSpec)
    .filter((s) => !present.has(s.key))
    .flatMap((spec, i): CompletionItem[] => {
      const path = [...ctx.parent, spec.key];
      const need = requirement(doc, spec, path);
      if (need.kind === 'not-applicable') return [];
      const missing = need.kind === 'required';
      const lines = renaming ? [spec.key] : snippetLines(spec, path, ctx.column, { today: options.today, unit, doc });
      return [
        {
          label: spec.key,
          kind: spec.type === 'map' ? CompletionItemKind.Module : CompletionItemKind.Property,
          detail: `${missing ? 'Missing' : 'Optional'} · ${describe(spec)}`,
          documentation: documentation(spec),
          sortText: `${missing ? 0 : 1}${pad(i)}`,
          filterText: spec.key,
          preselect: missing && i === firstMissing(doc, ctx.parent, parentSpec, present) ? true : undefined,
          insertTextFormat: InsertTextFormat.Snippet,
          insertTextMode: InsertTextMode.asIs,
          textEdit: { range: keyRange, newText: lines.join(doc.lines.eol) },
        },
      ];
    });
}

function firstMissing(
  doc: GpaiDocument,
  parent: readonly PathSegment[],
  spec: KeySpec | undefined,
  present: Set<string>,
): number {
  return childSpecs(spec).findIndex(
    (s) => !present.has(s.key) && requirement(doc, s, [...parent, s.key]).kind === 'required',
  );
}

/** "form 7.4 · AI Office", "Copyright Measure 1.3", "Section 6 Information on the data…". */
function describe(spec: KeySpec): string {
  const e = entry(spec.id);
  if (!e) return spec.key;
  switch (e.kind) {
    case 'form-section':
      return `Section ${e.number} ${e.title}`;
    case 'form-item':
      return `${ref(e.id)} · ${e.recipients.map((a) => audienceLabels[a].long).join(', ')}`;
    case 'measure':
    case 'commitment':
    case 'summary-item':
      return cite(e.id);
    default:
      return titleOf(e);
  }
}

function documentation(spec: KeySpec): CompletionItem['documentation'] {
  const e = entry(spec.id);
  const explained = e ? explainEntry(e) : undefined;
  const hint = spec.hint ? `${spec.hint}\n\n` : '';
  return explained ? { kind: MarkupKind.Markdown, value: `${hint}${explained.markdown}` } : spec.hint;
}

/** The keys already written in the cursor's block: lines at its column, up and down to the block's edges. */
function siblingKeys(doc: GpaiDocument, line: number, column: number): Set<string> {
  const keys = new Set<string>();
  const scan = (step: 1 | -1) => {
    for (let l = line + step; l >= 0 && l < doc.lines.lineCount; l += step) {
      const text = doc.lines.lineText(l);
      if (!text.trim() || text.trimStart().startsWith('#')) continue;
      const indent = text.length - text.trimStart().length;
      const entry = /^(\s*)-\s+/.exec(text);
      const keyColumn = entry ? entry[0].length : indent;
      if (entry && keyColumn === column) {
        // Another list entry starts: beyond it (going down) or before it (going up) is another block.
        if (step === 1) return;
        addKey(keys, text.slice(keyColumn));
        return;
      }
      if (indent < column) return;
      if (indent === column) addKey(keys, text.slice(indent));
    }
  };
  scan(-1);
  scan(1);
  return keys;
}

function addKey(keys: Set<string>, text: string): void {
  const m = /^("[^"]*"|'[^']*'|[^\s:#][^:#]*?)\s*:(\s|$)/.exec(text);
  if (m) keys.add(m[1].replace(/^["']|["']$/g, ''));
}

// ---- Values -----------------------------------------------------------------------------------------

function valueItems(doc: GpaiDocument, ctx: CursorContext, range: Range, options: CompletionOptions): CompletionItem[] {
  const spec = keySpecAt([...ctx.parent, ctx.valueFor!]);
  if (!spec) return [];
  if (spec.type === 'enum' && spec.values) return choiceItems(doc, spec, spec.values, range, new Set());
  if (spec.type === 'boolean')
    return ['true', 'false'].map((v, i) => ({
      label: v,
      kind: CompletionItemKind.Value,
      sortText: pad(i),
      textEdit: { range, newText: v },
    }));
  if (spec.type === 'date' || spec.type === 'month') return [dateItem(spec, range, options)];
  if (spec.id === KEYS.gpai.id && !ctx.parent.length)
    return [
      { label: '1', kind: CompletionItemKind.Value, detail: 'Format version', textEdit: { range, newText: '1' } },
    ];
  if (spec.type === 'enum-list' && spec.values) {
    const counter = { next: 1 };
    return [
      {
        label: `[${getValueSet(spec.values).options[0].value}, …]`,
        kind: CompletionItemKind.Snippet,
        detail: getValueSet(spec.values).title,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: {
          range,
          newText: `[${valueStop({ ...spec, type: 'enum' }, { today: options.today, unit: 2 }, counter)}]`,
        },
      },
    ];
  }
  return naItems(spec, range);
}

/** List entries: a value of a closed set (not yet in the list), an open set's examples, or a block's keys. */
function entryItems(doc: GpaiDocument, ctx: CursorContext, range: Range, options: CompletionOptions): CompletionItem[] {
  const spec = keySpecAt(ctx.parent);
  if (!spec) return [];
  if (spec.type === 'map') return keyItems(doc, ctx, range, options);
  const listSpec = keySpecAt(ctx.parent.slice(0, -1));
  const set = spec.values ?? (listSpec ? getFormItem(listSpec.id)?.values : undefined);
  if (!set) return [];
  return choiceItems(doc, spec, set, range, siblingValues(doc, range.start.line, ctx));
}

function choiceItems(
  doc: GpaiDocument,
  spec: KeySpec,
  set: ValueSetId,
  range: Range,
  taken: Set<string>,
): CompletionItem[] {
  const derived = derivedValue(doc, spec.id);
  return getValueSet(set)
    .options.filter((o) => !taken.has(o.value))
    .map((o, i): CompletionItem => ({
      label: o.value,
      kind: CompletionItemKind.EnumMember,
      detail: o.value === derived ? `${o.label} · derived from the precise figure` : o.label,
      documentation: o.description,
      sortText: `${o.value === derived ? 0 : 1}${pad(i)}`,
      preselect: o.value === derived || undefined,
      filterText: o.value,
      textEdit: {
        range,
        newText: /^[>&*!|%@`{[]/.test(o.value) || /[:#,]/.test(o.value) ? JSON.stringify(o.value) : o.value,
      },
    }));
}

function siblingValues(doc: GpaiDocument, line: number, ctx: CursorContext): Set<string> {
  const values = new Set<string>();
  const flowOrDash = doc.lines.lineText(line).slice(0, ctx.prefixStart.character);
  const flow = /\[([^\]]*)$/.exec(flowOrDash);
  if (flow) for (const v of flow[1].split(',')) values.add(v.trim());
  for (let l = line - 1; l >= 0; l--) {
    const m = /^(\s*)-\s+(.*?)\s*(#.*)?$/.exec(doc.lines.lineText(l));
    if (!m || m[1].length + 2 > ctx.column) break;
    values.add(m[2]);
  }
  return values;
}

function dateItem(spec: KeySpec, range: Range, options: CompletionOptions): CompletionItem {
  const value = spec.type === 'month' ? options.today.slice(0, 7) : options.today;
  return {
    label: value,
    kind: CompletionItemKind.Value,
    detail: `Today (${spec.type === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'})`,
    textEdit: { range, newText: value },
  };
}

/** `N/A` (or `none exists`) where the form allows it; with a reason tab stop where the form asks for one. */
function naItems(spec: KeySpec, range: Range): CompletionItem[] {
  const item = getFormItem(spec.id);
  if (!item?.na.allowed) return [];
  return (item.na.words ?? ['N/A']).map((words, i): CompletionItem => ({
    label: words,
    kind: CompletionItemKind.Value,
    detail: `Allowed for form ${item.number}`,
    documentation: item.na.when,
    sortText: pad(i),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: {
      range,
      // Where the form wants the reason in another item (8.1's in 8.2), the words alone.
      newText:
        item.na.reasonRequired && !item.na.reasonIn ? `${escapeSnippet(words)} (\${1:reason})` : escapeSnippet(words),
    },
  }));
}

function pad(i: number): string {
  return String(i).padStart(3, '0');
}
