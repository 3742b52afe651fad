/**
 * What the diff compares: a value's meaning (so that `1.0e25` and `1.0×10^25`, prose reflowed, `N/A` and
 * `n/a` or an option's label and its value read as the same), a value as written for display, and the
 * matching of two lists' entries in order (longest common subsequence on their meaning, then the entries
 * left between two matches paired by likeness). Pure functions over text.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { findOption, type KeySpec } from './catalogue';
import { keyName, type GpaiDocument } from './document';
import { scalarText } from './model';
import { parseNotApplicable, parseQuantity } from './values';

/** Text with the differences that carry no meaning taken out: spacing, line breaks, typographic quotes. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/**
 * A key for what a scalar means: two values with the same key say the same thing. A number keeps its
 * significant figures (`1e25` and `1.0e25` claim different precision) and what follows it; an option of a
 * closed set is its value however it is spelt; an N/A is its reason.
 */
export function meaningOf(spec: KeySpec, text: string, value: unknown): string {
  if (typeof value === 'boolean') return `boolean:${value}`;
  const t = normaliseText(text);
  if (spec.values) {
    const option = findOption(spec.values, t);
    if (option) return `option:${option.value}`;
  }
  const na = parseNotApplicable(t);
  if (na) return `n/a:${na.reason}`;
  const q = parseQuantity(t);
  if (q && Number.isFinite(q.value))
    return `number:${Number(q.value.toPrecision(12))}:${q.significantFigures}:${q.unit}`;
  return `text:${t}`;
}

/** A value as written, on one line for a list or a block: `channel: Kestrel API; access: Weights`. */
export function writtenText(doc: GpaiDocument, node: unknown): string {
  if (isScalar(node)) return scalarText(doc, node) ?? '';
  if (isSeq(node)) return node.items.map((item) => writtenText(doc, item)).join('; ');
  if (isMap(node))
    return (node.items as Pair[]).map((pair) => `${keyName(pair) ?? '?'}: ${writtenText(doc, pair.value)}`).join('; ');
  return '';
}

/** The 0-based line a node starts on. */
export function lineAt(doc: GpaiDocument, node: Node | undefined): number | undefined {
  return node?.range ? doc.lines.positionAt(node.range[0]).line : undefined;
}

// ---- Matching list entries ---------------------------------------------------------------------------

/** One step of a match: an entry in both lists (same or paired), only in the old one, or only in the new one. */
export type Match = readonly [old: number | undefined, new: number | undefined];

/** Past this many cells the longest common subsequence is found greedily. */
const MAX_TABLE = 1_000_000;
/** Past this many cells the entries between two matches are paired by position. */
const MAX_GAP_TABLE = 10_000;
/** Entries at least this alike (shared words over all words) are one entry changed, not one removed and one added. */
const ALIKE = 0.5;

/**
 * The entries of two lists matched in order by their keys: equal keys first (a common prefix and suffix,
 * then the longest common subsequence), then, between two matches, entries paired by likeness of their
 * keys' words; the rest are removed or added.
 */
export function matchLists(a: readonly string[], b: readonly string[]): Match[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Match[] = [];
  for (let i = 0; i < start; i++) out.push([i, i]);
  const middle = common(a, b, start, endA, start, endB);
  let i = start;
  let j = start;
  for (const [mi, mj] of [...middle, [endA, endB] as const]) {
    out.push(...pairGap(a, b, i, mi, j, mj));
    if (mi < endA) out.push([mi, mj]);
    i = mi + 1;
    j = mj + 1;
  }
  for (let k = 0; k < a.length - endA; k++) out.push([endA + k, endB + k]);
  return out;
}

/** Index pairs of a longest common subsequence of a[a0..a1) and b[b0..b1), in order. */
function common(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number) {
  const n = a1 - a0;
  const m = b1 - b0;
  if (!n || !m) return [];
  if ((n + 1) * (m + 1) > MAX_TABLE) return greedy(a, b, a0, a1, b0, b1);
  // lengths[i][j]: LCS of a[a0+i..a1) and b[b0+j..b1).
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[a0 + i] === b[b0 + j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      pairs.push([a0 + i, b0 + j]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/** For lists too long for the table: each old entry matched with the next equal new one, if any. */
function greedy(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number) {
  const where = new Map<string, number[]>();
  for (let j = b1 - 1; j >= b0; j--) {
    const list = where.get(b[j]);
    if (list) list.push(j);
    else where.set(b[j], [j]);
  }
  const pairs: [number, number][] = [];
  let next = b0;
  for (let i = a0; i < a1; i++) {
    const list = where.get(a[i]);
    while (list?.length && list[list.length - 1] < next) list.pop();
    const j = list?.pop();
    if (j === undefined) continue;
    pairs.push([i, j]);
    next = j + 1;
  }
  return pairs;
}

/** The entries between two matches: alike ones paired in order (most likeness overall), the others alone. */
function pairGap(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number): Match[] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (!n || !m)
    return [...range(a0, a1).map((i): Match => [i, undefined]), ...range(b0, b1).map((j): Match => [undefined, j])];
  if (n * m > MAX_GAP_TABLE)
    return range(0, Math.max(n, m)).map((k): Match => [k < n ? a0 + k : undefined, k < m ? b0 + k : undefined]);
  const wa = range(a0, a1).map((i) => words(a[i]));
  const wb = range(b0, b1).map((j) => words(b[j]));
  const alike = (i: number, j: number) => likeness(wa[i], wb[j]);
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) {
      const s = alike(i, j);
      best[i * width + j] = Math.max(
        best[(i + 1) * width + j],
        best[i * width + j + 1],
        s >= ALIKE ? s + best[(i + 1) * width + j + 1] : 0,
      );
    }
  const out: Match[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = alike(i, j);
      if (s >= ALIKE && best[i * width + j] === s + best[(i + 1) * width + j + 1]) {
        out.push([a0 + i++, b0 + j++]);
        continue;
      }
    }
    if (i < n && (j >= m || best[i * width + j] === best[(i + 1) * width + j])) out.push([a0 + i++, undefined]);
    else out.push([undefined, b0 + j++]);
  }
  return out;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Shared words over all words of the two: 1 for the same words, 0 for none in common. */
function likeness(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
