/**
 * A `.gpai.yaml` text parsed once per version with eemeli's `yaml`, keeping every node's range and the
 * source text of every scalar. Everything derived from a version (facts, findings, coverage, preview)
 * is memoised on the document, so requests for the same version share the work.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  YAMLParseError,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { LineIndex } from './ranges';

/** Aliases expanded beyond this count make the file refuse conversion (a "billion laughs" guard). */
export const MAX_ALIAS_COUNT = 100;

export interface GpaiDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly yaml: Document.Parsed;
  /** The top-level mapping, if the file is one. */
  readonly root: YAMLMap.Parsed | undefined;
  /** Memo of results derived from this version; see `memo`. */
  readonly derived: Map<string, unknown>;
}

/**
 * How every `.gpai.yaml` text is parsed (reparse.ts parses single scalars the same way). Duplicate keys are
 * found by rules/yamlSyntax.ts: `yaml`'s own check is quadratic in the size of a mapping. Keys are read as
 * written (`1.50`, `~`), and a list or mapping as a key is an error (NON_STRING_KEY).
 */
export const PARSE_OPTIONS = {
  uniqueKeys: false,
  stringKeys: true,
  prettyErrors: false,
  strict: true,
  logLevel: 'error',
  keepSourceTokens: false,
} as const;

export function parseGpai(text: string, uri = 'untitled:document.gpai.yaml', version = 0): GpaiDocument {
  // A byte-order mark is not content: yaml skips it, and positions still count it as a character.
  const lines = new LineIndex(text);
  const yaml = parseYaml(text, lines);
  const root = isMap(yaml.contents) ? (yaml.contents as YAMLMap.Parsed) : undefined;
  return { uri, version, text, lines, yaml, root, derived: new Map() };
}

/**
 * The text as `yaml` should read it. YAML 1.2, LSP and editors take a lone \r for a line break, `yaml` does
 * not (it would read a file saved with old Mac line endings as one line): each becomes \n. Same length, so
 * every offset holds.
 */
export function yamlSource(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * `yaml` reports bad input as errors, except that its parser recurses once per level of nesting on a line
 * ("a: a: a: …" pasted over and over) and can run out of stack. Such a file reads as empty, with one error
 * on the line nested too deeply, so that the server keeps answering.
 */
function parseYaml(text: string, lines: LineIndex): Document.Parsed {
  // yaml reports each problem as an Error: a half-typed file has dozens, and the stack trace each one
  // records is unused here and the largest cost of parsing it.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseYamlTree(text, lines);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function parseYamlTree(text: string, lines: LineIndex): Document.Parsed {
  try {
    const parsed = parseDocument(yamlSource(text), PARSE_OPTIONS);
    const tooDeep = firstTooDeep(parsed.contents);
    if (tooDeep === undefined) return parsed;
    // Every feature walks the tree recursively: a tree deeper than any form needs reads as empty too.
    const line = lines.positionAt(tooDeep).line;
    const empty = parseDocument('', PARSE_OPTIONS);
    empty.errors.push(
      new YAMLParseError(
        [lines.starts[line], lines.lineEnd(line)],
        'RESOURCE_EXHAUSTION',
        `Nested more than ${MAX_DEPTH} levels deep; a .gpai.yaml needs fewer than 10`,
      ),
    );
    return empty;
  } catch (e) {
    const empty = parseDocument('', PARSE_OPTIONS);
    const deep = e instanceof RangeError;
    const line = deep ? deepestLine(text, lines) : 0;
    const message = e instanceof Error ? e.message : String(e);
    empty.errors.push(
      new YAMLParseError(
        [lines.starts[line], lines.lineEnd(line)],
        deep ? 'RESOURCE_EXHAUSTION' : 'IMPOSSIBLE',
        message,
      ),
    );
    return empty;
  }
}

/** Lists and mappings nested deeper than this make the file unreadable (the form needs fewer than 10). */
export const MAX_DEPTH = 100;

/** The offset of the first node nested deeper than MAX_DEPTH, walked without recursion. */
function firstTooDeep(contents: unknown): number | undefined {
  const stack: [unknown, number][] = [[contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
      for (const item of node.items) {
        if (isPair(item)) {
          stack.push([item.key, depth + 1], [item.value, depth + 1]);
        } else {
          stack.push([item, depth + 1]);
        }
      }
    }
  }
  return undefined;
}

/**
 * The line nested too deeply: the parser fails on the first line that closes it (binary search over the
 * prefixes of the text), and the culprit is the last line with text before that one.
 */
function deepestLine(text: string, lines: LineIndex): number {
  let readable = -1;
  let unreadable = lines.lineCount - 1;
  while (unreadable - readable > 1) {
    const mid = (readable + unreadable) >> 1;
    try {
      parseDocument(yamlSource(text.slice(0, lines.lineEnd(mid))), PARSE_OPTIONS);
      readable = mid;
    } catch {
      unreadable = mid;
    }
  }
  let line = unreadable;
  while (line > 0 && !lines.lineText(line - 1).trim()) line--;
  return Math.max(0, line - 1);
}

const keys = new WeakMap<GpaiDocument, number>();
let nextKey = 0;

/** A number for a document object, for memo keys of results that depend on a second document (a diff). */
export function documentKey(doc: GpaiDocument): number {
  let key = keys.get(doc);
  if (key === undefined) {
    key = nextKey++;
    keys.set(doc, key);
  }
  return key;
}

/** Compute a value once per document version. */
export function memo<T>(doc: GpaiDocument, key: string, compute: () => T): T {
  if (doc.derived.has(key)) return doc.derived.get(key) as T;
  const value = compute();
  doc.derived.set(key, value);
  return value;
}

/**
 * Where a pattern that never spans a line break matches in the whole text, once per version (its offsets). A
 * version made by an edit within one line (reparse.ts) takes the previous version's matches and searches
 * that line alone again: a keystroke does not read the whole file for a character that is rarely there.
 */
export function lineMatches(doc: GpaiDocument, pattern: RegExp): readonly number[] {
  return memo(doc, `${SCAN}${pattern.flags}/${pattern.source}`, () =>
    matchesIn(doc.text, pattern.source, pattern.flags, 0, doc.text.length),
  );
}

const SCAN = 'scan:';

function matchesIn(text: string, source: string, flags: string, from: number, to: number): number[] {
  const re = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
  const out: number[] = [];
  const within = from === 0 && to === text.length ? text : text.slice(from, to);
  for (const m of within.matchAll(re)) out.push(from + m.index);
  return out;
}

/** `next` is `previous` with `change` made inside one line: the line matches of `previous` carried over. */
export function carryScans(
  previous: GpaiDocument,
  next: GpaiDocument,
  change: { readonly start: number; readonly end: number; readonly text: string },
): void {
  const line = previous.lines.positionAt(change.start).line;
  const from = previous.lines.starts[line];
  const to = previous.lines.lineEnd(line); // the edit holds no line break: the line's end moves by delta
  const delta = change.text.length - (change.end - change.start);
  for (const [key, found] of previous.derived) {
    if (!key.startsWith(SCAN)) continue;
    const slash = key.indexOf('/', SCAN.length);
    const [flags, source] = [key.slice(SCAN.length, slash), key.slice(slash + 1)];
    const offsets = found as readonly number[];
    next.derived.set(key, [
      ...offsets.filter((o) => o < from),
      ...matchesIn(next.text, source, flags, from, to + delta),
      ...offsets.filter((o) => o >= to).map((o) => o + delta),
    ]);
  }
}

/**
 * `next` is `previous` with the scalar at `path` of the plain data (keys and list indexes) now `value`: if
 * `previous` was read as plain data, `next`'s is that with the value replaced. The caller makes sure the value
 * stands at that one place (no anchor above it, no key written twice on the way).
 */
export function carryData(
  previous: GpaiDocument,
  next: GpaiDocument,
  path: readonly (string | number)[],
  value: unknown,
): void {
  const data = previous.derived.get(DATA) as ReturnType<typeof jsValue> | undefined;
  if (data && 'value' in data) next.derived.set(DATA, { value: withValue(data.value, path, value) });
}

/** `data` with the value at `path` replaced: a copy of each list and mapping on the way, the rest shared. */
function withValue(data: unknown, path: readonly (string | number)[], value: unknown, depth = 0): unknown {
  if (depth === path.length) return value;
  const key = path[depth];
  if (Array.isArray(data)) {
    const copy = data.slice();
    copy[key as number] = withValue(data[key as number], path, value, depth + 1);
    return copy;
  }
  const copy = { ...(data as Record<string, unknown>) };
  copy[key] = withValue((data as Record<string, unknown>)[key], path, value, depth + 1);
  return copy;
}

const DATA = 'js';

/**
 * The file as plain data (for the schema), with alias expansion capped; an error when the cap is hit.
 * Computed once per version.
 */
export function jsValue(doc: GpaiDocument): { readonly value: unknown } | { readonly error: string } {
  return memo(doc, DATA, () => {
    // yaml writes out a list or mapping used as a key for each level that holds it: minutes for a key
    // nested a thousand deep. Such a file has a syntax error, reported before anything this value says.
    if (doc.yaml.errors.some((e) => e.code === 'NON_STRING_KEY')) return { error: 'a key is a list or a mapping' };
    try {
      return { value: doc.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
}

// ---- Nodes --------------------------------------------------------------------------------------

export type YamlNode = Node;

/** The text of a key, whatever its scalar style. */
export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

export { isMap, isPair, isScalar, isSeq };
