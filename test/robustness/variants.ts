/**
 * Test inputs for the fix-safety test: a valid `.gpai.yaml` text rewritten in other layouts (comments
 * everywhere with unique markers, 4-space indentation, flow style for small leaf mappings, CRLF line
 * breaks) that say the same thing, and breakages that make fixable diagnostics. Both are driven by the
 * `yaml` library's ranges, so that nothing is ever written inside a scalar, and both are seeded.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Random } from '../fuzz/random';

export interface Layout {
  /** A `# keep-N` comment line before every key line, a trailing ` # note-N` after one-line plain values. */
  readonly comments?: boolean;
  /** Every indentation doubled, a sequence dash written `-   `. */
  readonly indent4?: boolean;
  /** Some small mappings of one-line scalars written `{a: 1, b: x}`. */
  readonly flow?: boolean;
  readonly crlf?: boolean;
  /**
   * One-line string values written in other scalar styles: `|-`, `>-`, `|` (for prose, whose final line
   * break says nothing), double- and single-quoted.
   */
  readonly blocks?: boolean;
  /** A byte-order mark, some keys written as explicit `? key` entries, anchors and tags on keys. */
  readonly exotic?: boolean;
}

export const LAYOUTS: readonly (readonly [string, Layout])[] = [
  ['as is', {}],
  ['comments', { comments: true }],
  ['4-space', { indent4: true }],
  ['flow', { flow: true }],
  ['CRLF', { crlf: true }],
  ['comments+4-space+CRLF', { comments: true, indent4: true, crlf: true }],
  ['flow+comments', { flow: true, comments: true }],
  ['flow+4-space+CRLF', { flow: true, indent4: true, crlf: true }],
  ['block scalars', { blocks: true }],
  ['block scalars+comments+CRLF', { blocks: true, comments: true, crlf: true }],
  ['BOM, ? keys, anchors, tags', { exotic: true }],
  ['BOM, ? keys, anchors, tags+block scalars+4-space', { exotic: true, blocks: true, indent4: true }],
];

/** The markers the comments layout writes: each occurs once in a text. */
export const MARKER = /# (?:keep|note)-\d+\b/g;

/** `text` (LF line breaks) in `layout`. */
export function relayout(text: string, layout: Layout, rnd: Random): string {
  if (text.includes('\r')) throw new Error('relayout: LF text expected');
  let out = text;
  if (layout.flow) out = flowLeafMaps(out, rnd);
  if (layout.blocks) out = scalarStyles(out, rnd);
  if (layout.exotic) out = exoticKeys(out, rnd);
  if (layout.indent4) out = indentFour(out);
  if (layout.comments) out = commentEverywhere(out);
  if (layout.exotic) out = `\uFEFF${out}`;
  return layout.crlf ? out.replace(/\n/g, '\r\n') : out;
}

// ---- Reading a text ----------------------------------------------------------------------------------

function parse(text: string): Document {
  const doc = parseDocument(text, { uniqueKeys: false, stringKeys: true, strict: true });
  if (doc.errors.length) throw new Error(`test input does not parse: ${doc.errors[0].message}`);
  return doc;
}

class Lines {
  readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The offset of the end of the line holding `offset`, before its line break. */
  lineEnd(offset: number): number {
    const at = this.text.indexOf('\n', offset);
    return at < 0 ? this.text.length : at;
  }

  /** The last line of a node's own text (trailing white space and line breaks aside). */
  lastLine(start: number, end: number): number {
    while (end > start && /\s/.test(this.text.charAt(end - 1))) end--;
    return this.lineOf(Math.max(start, end - 1));
  }
}

interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function replace(text: string, replacements: readonly Replacement[]): string {
  let out = text;
  for (const r of [...replacements].sort((a, b) => b.start - a.start))
    out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

const indentOf = (line: string): string => /^ */.exec(line)![0];

/**
 * Lines that continue a scalar begun on an earlier line (block scalar content, folded quoted or plain
 * text), each with the spaces to add to it when indentation doubles: a block scalar's content moves as a
 * whole, by its own indentation, so that its lines keep their relative indentation (and their text).
 */
function scalarContinuations(doc: Document, lines: Lines): Map<number, number> {
  const inner = new Map<number, number>();
  const texts = lines.text.split('\n');
  visit(doc, {
    Scalar(_, node) {
      if (!node.range) return;
      const first = lines.lineOf(node.range[0]);
      const last = lines.lastLine(node.range[0], node.range[1]);
      const block = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL;
      const own: number[] = [];
      for (let line = first + 1; line <= last; line++)
        if (texts[line].trim() !== '') own.push(indentOf(texts[line]).length);
      const base = Math.min(...own);
      for (let line = first + 1; line <= last; line++) inner.set(line, block ? base : indentOf(texts[line]).length);
    },
  });
  return inner;
}

// ---- Layouts -----------------------------------------------------------------------------------------

/**
 * A comment line `# keep-N` (at the line's indentation) before every line where a block mapping's key
 * starts (above a suppression comment there), and ` # note-N` after every plain scalar or flow collection that ends its line and is on one
 * line. Never inside a scalar: key lines and the ends of one-line values are outside every scalar.
 */
export function commentEverywhere(text: string): string {
  const doc = parse(text);
  const lines = new Lines(text);
  const keyLines = new Set<number>();
  const noteLines = new Set<number>();
  const oneLineEnding = (node: Node): boolean => {
    const [start, end] = node.range!;
    return (
      end > start && lines.lineOf(start) === lines.lineOf(end - 1) && text.slice(end, lines.lineEnd(end)).trim() === ''
    );
  };
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      const key = pair.key as Node | null;
      if (isMap(parent) && !parent.flow && key?.range) keyLines.add(lines.lineOf(key.range[0]));
    },
    Scalar(_, node) {
      if (node.type === Scalar.PLAIN && node.range && oneLineEnding(node)) noteLines.add(lines.lineOf(node.range[0]));
    },
    Map(_, node) {
      if (node.flow && node.range && oneLineEnding(node)) noteLines.add(lines.lineOf(node.range[0]));
    },
    Seq(_, node) {
      if (node.flow && node.range && oneLineEnding(node)) noteLines.add(lines.lineOf(node.range[0]));
    },
  });
  // A suppression applies to the line after it: the marker goes above the suppression, not between.
  const texts = text.split('\n');
  const suppression = (line: number) => line >= 0 && /^\s*#.*gpai-docs-disable-next-line/.test(texts[line]);
  const commentAt = new Map<number, string>();
  for (const line of keyLines) {
    let at = line;
    while (suppression(at - 1)) at--;
    commentAt.set(at, indentOf(texts[line]));
  }
  let n = 0;
  return texts
    .flatMap((line, i) => {
      const out: string[] = [];
      if (commentAt.has(i)) out.push(`${commentAt.get(i)}# keep-${++n}`);
      out.push(noteLines.has(i) ? `${line} # note-${++n}` : line);
      return out;
    })
    .join('\n');
}

/**
 * Every line's indentation doubled; outside scalars, a sequence dash and the spaces after it written so
 * that what follows lines up with the doubled indentation (`- ` becomes `-   `). Block scalar content
 * keeps its relative indentation: it is only shifted.
 */
export function indentFour(text: string): string {
  const lines = new Lines(text);
  const inner = scalarContinuations(parse(text), lines);
  return text
    .split('\n')
    .map((line, i) => {
      if (line.trim() === '') return line;
      const indent = indentOf(line);
      let rest = line.slice(indent.length);
      const shift = inner.get(i);
      if (shift !== undefined) return ' '.repeat(shift) + line;
      let dashes = '';
      for (let m = /^-( +)/.exec(rest); m; m = /^-( +)/.exec(rest)) {
        dashes += `-${' '.repeat(2 * m[1].length + 1)}`;
        rest = rest.slice(m[0].length);
      }
      return indent + indent + dashes + rest;
    })
    .join('\n');
}

/** Characters a plain scalar cannot hold in a flow collection. */
const FLOW_UNSAFE = /[,[\]{}]|: | #|^[-?:] /;

/**
 * Some block mappings of 1 to 4 one-line scalars (values of a key or items of a sequence) written as flow
 * mappings on their key's line: `maximum_input_size: {text: "32,768 tokens"}`. A mapping with a comment
 * inside is left as it is (its comment would be lost).
 */
export function flowLeafMaps(text: string, rnd: Random): string {
  const doc = parse(text);
  const lines = new Lines(text);
  const replacements: Replacement[] = [];
  const oneLine = (node: unknown): node is Scalar =>
    isScalar(node) &&
    Boolean(node.range) &&
    node.range![1] > node.range![0] &&
    lines.lineOf(node.range![0]) === lines.lineOf(node.range![1] - 1);
  visit(doc, {
    Map(_, map, path) {
      if (map.flow || map === doc.contents || !map.range || map.items.length < 1 || map.items.length > 4) return;
      const pairs = map.items as Pair[];
      const parent = path[path.length - 1];
      if (!(isPair(parent) || isSeq(parent))) return;
      if (
        !pairs.every(
          (p) =>
            oneLine(p.key) &&
            p.key.type === Scalar.PLAIN &&
            oneLine(p.value) &&
            p.value.type !== Scalar.BLOCK_FOLDED &&
            p.value.type !== Scalar.BLOCK_LITERAL,
        )
      )
        return;
      const entries: string[] = [];
      for (const p of pairs) {
        const key = p.key as Scalar;
        const value = p.value as Scalar;
        let written = text.slice(value.range![0], value.range![1]);
        if (value.type === Scalar.PLAIN && FLOW_UNSAFE.test(written)) {
          if (typeof value.value !== 'string') return;
          written = JSON.stringify(value.value);
        }
        entries.push(`${text.slice(key.range![0], key.range![1])}: ${written}`);
      }
      const end = (pairs[pairs.length - 1].value as Scalar).range![1];
      let start = map.range[0];
      let flow = `{${entries.join(', ')}}`;
      if (isPair(parent)) {
        start = text.indexOf(':', (parent.key as Node).range![1]) + 1;
        flow = ` ${flow}`;
      }
      const replaced = text.slice(start, end);
      // A comment inside the mapping would be lost; a value quoted with a `#` in it is copied as it is.
      if (count(replaced, '#') !== count(flow, '#') || !rnd.chance(0.7)) return;
      replacements.push({ start, end, text: flow });
    },
  });
  return replace(text, replacements);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A value the `|` style may hold with its final line break: prose of several words, no link. */
const PROSE = /^[A-Z][^:]* [^:]* [^:]*\.$/;

/**
 * String values on their key's line (block mappings only) rewritten, seeded, as `|-` or `>-` block scalars
 * (the same string), `|` for prose (the string and a final line break), double- or single-quoted, or left
 * plain. A value with a comment after it stays as it is: the block scalar would swallow the comment.
 */
export function scalarStyles(text: string, rnd: Random): string {
  const doc = parse(text);
  const lines = new Lines(text);
  const replacements: Replacement[] = [];
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path[path.length - 1];
      const key = pair.key as Node | null;
      const value = pair.value;
      if (
        !isMap(parent) ||
        parent.flow ||
        !key?.range ||
        !isScalar(value) ||
        typeof value.value !== 'string' ||
        !value.range
      )
        return;
      if (
        value.type === Scalar.BLOCK_FOLDED ||
        value.type === Scalar.BLOCK_LITERAL ||
        value.value === '' ||
        /[\n\t]|^\s|\s$/.test(value.value)
      )
        return;
      const [start, end] = value.range;
      if (
        lines.lineOf(start) !== lines.lineOf(key.range[0]) ||
        lines.lineOf(Math.max(start, end - 1)) !== lines.lineOf(start)
      )
        return;
      if (text.slice(end, lines.lineEnd(end)).trim() !== '') return;
      const indent = ' '.repeat(key.range[0] - lines.starts[lines.lineOf(key.range[0])] + 2);
      const styles = ['|-', '>-', 'double', 'single', 'plain', ...(PROSE.test(value.value) ? ['|'] : [])];
      const style = styles[Math.floor(rnd.next() * styles.length)];
      const written =
        style === 'double'
          ? JSON.stringify(value.value)
          : style === 'single'
            ? `'${value.value.replace(/'/g, "''")}'`
            : style === 'plain'
              ? undefined
              : `${style}\n${indent}${value.value}`;
      if (written !== undefined) replacements.push({ start, end, text: written });
    },
  });
  return replace(text, replacements);
}

/** Whether the line above the one holding `offset` is a suppression, which applies to this line only. */
function suppressed(lines: Lines, offset: number): boolean {
  const line = lines.lineOf(offset);
  return (
    line > 0 && /^\s*#.*gpai-docs-disable-next-line/.test(lines.text.slice(lines.starts[line - 1], lines.starts[line]))
  );
}

/**
 * Keys in rarer but valid YAML: an anchor (`&kN`) or a tag (`!!str`) on the first key of most blocks, and
 * some one-line pairs as explicit entries (`? key` on one line, `: value` on the next). Keys after a
 * sequence dash, in flow mappings and under a suppression stay as they are.
 */
export function exoticKeys(text: string, rnd: Random): string {
  const doc = parse(text);
  const lines = new Lines(text);
  const replacements: Replacement[] = [];
  let n = 0;
  visit(doc, {
    Map(_, map) {
      if (map.flow) return;
      (map.items as Pair[]).forEach((pair, i) => {
        const key = pair.key as Node | null;
        if (!isScalar(key) || !key.range || key.type !== Scalar.PLAIN) return;
        const lineStart = lines.starts[lines.lineOf(key.range[0])];
        if (text.slice(lineStart, key.range[0]).trim() !== '') return;
        const value = pair.value as Node | null;
        const oneLine =
          isScalar(value) &&
          value.range &&
          value.range[1] > value.range[0] &&
          lines.lineOf(value.range[0]) === lines.lineOf(key.range[0]) &&
          value.type !== Scalar.BLOCK_FOLDED &&
          value.type !== Scalar.BLOCK_LITERAL &&
          text.slice(value.range[1], lines.lineEnd(value.range[1])).trim() === '';
        if (i === 0 && rnd.chance(0.6)) {
          replacements.push({ start: key.range[0], end: key.range[0], text: rnd.chance(0.5) ? `&k${++n} ` : '!!str ' });
        } else if (oneLine && !suppressed(lines, key.range[0]) && rnd.chance(0.25)) {
          const colon = text.indexOf(':', key.range[1]);
          replacements.push({ start: key.range[0], end: key.range[0], text: '? ' });
          replacements.push({ start: colon, end: colon + 1, text: `\n${' '.repeat(key.range[0] - lineStart)}:` });
        }
      });
    },
  });
  return replace(text, replacements);
}

// ---- Breakages ---------------------------------------------------------------------------------------

export interface Breakage {
  readonly name: string;
  /** Break a 2-space LF text; the result still parses. */
  apply(text: string, rnd: Random): string;
}

interface PairInfo {
  readonly pair: Pair;
  readonly path: readonly string[];
  /** The lines of the pair, key to the end of its value. */
  readonly first: number;
  readonly last: number;
  /** Whether the key opens its line (not after a sequence dash, not in a flow mapping). */
  readonly ownsLine: boolean;
  readonly leaf: boolean;
}

/** Every pair of the block mappings, with its path of keys (sequence items as their index). */
function pairsOf(text: string): PairInfo[] {
  const doc = parse(text);
  const lines = new Lines(text);
  const out: PairInfo[] = [];
  const walk = (node: unknown, path: string[], flow: boolean): void => {
    if (isMap(node)) {
      for (const pair of node.items as Pair[]) {
        const key = pair.key as Scalar;
        if (!key?.range) continue;
        const value = pair.value as Node | null;
        const keyPath = [...path, String(key.value)];
        const end = value?.range && value.range[1] > value.range[0] ? value.range[1] : key.range[1];
        const first = lines.lineOf(key.range[0]);
        const ownsLine = !flow && !node.flow && text.slice(lines.starts[first], key.range[0]).trim() === '';
        const leaf = !(isMap(value) || isSeq(value)) || Boolean((value as YAMLMap).flow);
        out.push({ pair, path: keyPath, first, last: lines.lastLine(key.range[0], end), ownsLine, leaf });
        walk(value, keyPath, flow || Boolean(node.flow));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, String(i)], flow || Boolean(node.flow)));
    }
  };
  walk(doc.contents, [], false);
  return out;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

function find(text: string, path: readonly string[]): PairInfo | undefined {
  return pairsOf(text).find((p) => same(p.path, path));
}

/** Delete whole lines `first`..`last`. */
function deleteLines(text: string, spans: readonly { first: number; last: number }[]): string {
  const lines = text.split('\n');
  for (const s of [...spans].sort((a, b) => b.first - a.first)) lines.splice(s.first, s.last - s.first + 1);
  return lines.join('\n');
}

/** Replace the scalar value at `path`; unchanged when it is absent or not a scalar. */
function setScalar(text: string, path: readonly string[], value: string): string {
  const node = find(text, path)?.pair.value;
  if (!isScalar(node) || !node.range || node.range[1] <= node.range[0]) return text;
  return replace(text, [{ start: node.range[0], end: node.range[1], text: value }]);
}

/** Insert a line `key: value` after the pair at `after`, at its indentation. */
function insertAfter(text: string, after: readonly string[], key: string, value: string): string {
  const info = find(text, after);
  if (!info?.ownsLine) return text;
  const lines = text.split('\n');
  lines.splice(info.last + 1, 0, `${indentOf(lines[info.first])}${key}: ${value}`);
  return lines.join('\n');
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}

function scalarAt(text: string, path: readonly string[]): string | undefined {
  const node = find(text, path)?.pair.value;
  return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
}

/** `count` distinct items of `items`, in a seeded order. */
function sample<T>(rnd: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length) out.push(pool.splice(Math.floor(rnd.next() * pool.length), 1)[0]);
  return out;
}

const deletableLeaves = (text: string) => pairsOf(text).filter((p) => p.leaf && p.ownsLine && p.path.length >= 2);
const inside = (p: PairInfo, block: PairInfo) => p.first >= block.first && p.last <= block.last;

export const BREAKAGES: readonly Breakage[] = [
  {
    name: 'three leaf keys deleted',
    apply: (text, rnd) => deleteLines(text, sample(rnd, deletableLeaves(text), 3)),
  },
  {
    name: 'a block and a leaf key deleted',
    apply(text, rnd) {
      const blocks = pairsOf(text).filter((p) => !p.leaf && p.ownsLine && p.path.length === 2);
      const [block] = sample(rnd, blocks, 1);
      const leaves = deletableLeaves(text).filter((p) => !block || !inside(p, block));
      return deleteLines(text, [...(block ? [block] : []), ...sample(rnd, leaves, 1)]);
    },
  },
  {
    name: 'a section deleted',
    apply(text, rnd) {
      const sections = pairsOf(text).filter((p) => p.path.length === 1 && p.path[0] !== 'gpai');
      const [section] = sample(rnd, sections, 1);
      return deleteLines(text, [
        section,
        ...sample(
          rnd,
          deletableLeaves(text).filter((p) => !inside(p, section)),
          1,
        ),
      ]);
    },
  },
  {
    name: 'wrong values',
    apply(text, rnd) {
      let out = text;
      // The parameter range and the training-time range disagree with the precise figures.
      const size = Number(scalarAt(out, ['model_properties', 'total_model_size']));
      const wrongRange = size >= 5e10 && size <= 1e11 ? '5B-15B' : '50B-100B';
      out = find(out, ['model_properties', 'parameter_range'])
        ? setScalar(out, ['model_properties', 'parameter_range'], wrongRange)
        : insertAfter(out, ['model_properties', 'total_model_size'], 'parameter_range', wrongRange);
      out = insertAfter(out, ['computational_resources', 'training_time'], 'training_time_range', '"<1 month"');
      // Compute above 10^25 FLOP, and systemic risk declared none.
      out = setScalar(out, ['computational_resources', 'training_compute'], '3.2e25');
      out = setScalar(out, ['classification', 'systemic_risk'], 'none');
      // An http link.
      const links = pairsOf(out).filter(
        (p) => isScalar(p.pair.value) && /^https:\/\/\S+$/.test(String((p.pair.value as Scalar).value)),
      );
      const [link] = sample(rnd, links, 1);
      if (link) out = setScalar(out, link.path, String((link.pair.value as Scalar).value).replace(/^https/, 'http'));
      // A format version this gpai-docs does not read.
      return setScalar(out, ['gpai'], '2');
    },
  },
  {
    name: 'units, magnitudes and a stale suppression',
    apply(text, rnd) {
      let out = text;
      const energy = /^(\d(?:\.\d+)?)e(\d+) MWh$/.exec(scalarAt(out, ['energy_consumption', 'training_energy']) ?? '');
      if (energy)
        out = setScalar(out, ['energy_consumption', 'training_energy'], `${energy[1]}e${Number(energy[2]) + 3} kWh`);
      const days = Number(scalarAt(out, ['computational_resources', 'training_time', 'wall_clock_days']));
      if (days > 0)
        out = setScalar(
          out,
          ['computational_resources', 'training_time', 'wall_clock_days'],
          `${Math.round(days * 24)} hours`,
        );
      out = insertAfter(out, ['computational_resources', 'training_compute'], 'training_compute_magnitude', '3e23');
      if (scalarAt(out, ['copyright', 'web_crawling']) === 'true')
        out = setScalar(out, ['copyright', 'web_crawling'], 'false');
      // A suppression before a key line that has nothing to suppress.
      const [target] = sample(
        rnd,
        pairsOf(out).filter((p) => p.ownsLine && p.path.length <= 2),
        1,
      );
      const lines = out.split('\n');
      lines.splice(
        target.first,
        0,
        `${indentOf(lines[target.first])}# gpai-docs-disable-next-line missing.item -- reviewed by legal`,
      );
      return lines.join('\n');
    },
  },
  {
    // Small mappings are the ones the flow layout writes `{a: 1, b: x}`: fixes must work inside them too.
    name: 'keys of small mappings deleted and misspelt',
    apply(text, rnd) {
      const pairs = pairsOf(text);
      const small = (p: PairInfo) => {
        const siblings = pairs.filter((o) => same(o.path.slice(0, -1), p.path.slice(0, -1)));
        return p.path.length >= 2 && siblings.length >= 2 && siblings.length <= 4 && siblings.every((o) => o.leaf);
      };
      const [gone, wrong] = sample(
        rnd,
        pairs.filter((p) => small(p) && p.ownsLine && p.path[p.path.length - 1].length >= 4),
        2,
      );
      const misspelt = wrong ? misspell(text, [wrong], rnd) : text;
      return gone ? deleteLines(misspelt, [gone]) : misspelt;
    },
  },
  {
    // The words of a suppression where they are no comment (a block scalar's line, a quoted string) are
    // the writer's text; after a value they are a comment, and removing it must keep the value.
    name: 'suppression words after values and inside them',
    apply(text, rnd) {
      const pairs = pairsOf(text).filter((p) => p.ownsLine && p.leaf && p.path[0] !== 'gpai');
      const words = (code: string) => `gpai-docs-disable-next-line ${code} -- decoy`;
      const scalar = (p: PairInfo) => (isScalar(p.pair.value) ? p.pair.value : undefined);
      const replacements: Replacement[] = [];
      const plain = pairs.filter((p) => scalar(p)?.type === Scalar.PLAIN && p.first === p.last);
      const trailing = sample(rnd, plain, 2);
      for (const p of trailing) {
        const end = scalar(p)!.range![1];
        replacements.push({ start: end, end, text: ` # ${words('key.unknown')}` });
      }
      const blocks = pairs.filter((p) => scalar(p)?.type === Scalar.BLOCK_FOLDED && p.last > p.first);
      for (const p of sample(rnd, blocks, 1)) {
        const at = offsetOfLine(text, p.first + 1);
        replacements.push({ start: at, end: at, text: `${indentOf(text.slice(at))}# ${words('missing.item')}\n\n` });
      }
      const strings = plain.filter(
        (p) =>
          !trailing.includes(p) &&
          typeof scalar(p)!.value === 'string' &&
          !/^(https?:|mailto:|\d)/.test(String(scalar(p)!.value)),
      );
      for (const p of sample(rnd, strings, 1)) {
        const value = scalar(p)!;
        replacements.push({
          start: value.range![0],
          end: value.range![1],
          text: JSON.stringify(`${String(value.value)} # ${words('missing.item')}`),
        });
      }
      return replace(text, replacements);
    },
  },
  {
    name: 'misspelt keys',
    apply(text, rnd) {
      const candidates = pairsOf(text).filter((p) => p.path[p.path.length - 1].length >= 6 && p.path[0] !== 'gpai');
      return misspell(text, sample(rnd, candidates, 3), rnd);
    },
  },
];

/** The keys of `pairs` with one inner letter dropped (unless that makes a sibling's name). */
function misspell(text: string, pairs: readonly PairInfo[], rnd: Random): string {
  const all = pairsOf(text);
  const replacements: Replacement[] = [];
  for (const p of pairs) {
    const name = p.path[p.path.length - 1];
    const at = rnd.int(1, name.length - 2);
    const wrong = name.slice(0, at) + name.slice(at + 1);
    const siblings = all
      .filter((o) => same(o.path.slice(0, -1), p.path.slice(0, -1)))
      .map((o) => o.path[o.path.length - 1]);
    if (siblings.includes(wrong)) continue;
    const key = p.pair.key as Scalar;
    replacements.push({ start: key.range![0], end: key.range![1], text: wrong });
  }
  return replace(text, replacements);
}
