/**
 * The fuzz's documents: seeded mutations of the examples (lines deleted, duplicated, swapped and moved,
 * random characters, broken indentation, tabs, unicode, very long lines, YAML indicators, line endings,
 * numbers and dates out of range, truncation), and the truncations of a short file at every length.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/text';
import { documentSeed, Random } from './random';

export interface FuzzDocument {
  /** Position in the run; with the run's seed, enough to make the document again. */
  readonly index: number;
  readonly text: string;
  /** How it was made, e.g. `kestrel-13b lines 40-95: delete-lines, tabs`. */
  readonly recipe: string;
}

export interface Corpus {
  readonly examples: readonly { readonly name: string; readonly text: string }[];
  /** The file truncated at every length, first in every run. */
  readonly short: string;
}

export function loadCorpus(): Corpus {
  const dir = join(ROOT, 'examples');
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith('.gpai.yaml'))
    .sort()
    .map((f) => ({ name: f.replace('.gpai.yaml', ''), text: readFileSync(join(dir, f), 'utf8') }));
  return { examples, short: readFileSync(join(ROOT, 'test', 'fuzz', 'short.gpai.yaml'), 'utf8') };
}

/** How many documents of a run are truncations of the short file (every length, empty to whole). */
export function truncationCount(corpus: Corpus): number {
  return corpus.short.length + 1;
}

/** Document `index` of a run seeded `seed`: a truncation of the short file first, then mutations. */
export function fuzzDocument(corpus: Corpus, seed: number, index: number): FuzzDocument {
  if (index < truncationCount(corpus))
    return { index, text: corpus.short.slice(0, index), recipe: `short file truncated at ${index}` };
  const rnd = new Random(documentSeed(seed, index));
  const base = baseText(corpus, rnd);
  let text = base.text;
  const applied: string[] = [];
  const count = rnd.weighted([
    [5, 1],
    [3, 2],
    [2, 3],
    [1, 5],
  ] as const);
  for (let i = 0; i < count; i++) {
    const [name, mutate] = rnd.pick(MUTATIONS);
    text = mutate(text, rnd, corpus);
    applied.push(name);
  }
  return { index, text, recipe: `${base.recipe}: ${applied.join(', ')}` };
}

/** A whole example now and then; mostly a window of one, which keeps the run fast and starts mid-block. */
function baseText(corpus: Corpus, rnd: Random): { text: string; recipe: string } {
  const example = rnd.pick(corpus.examples);
  if (rnd.chance(0.08)) return { text: example.text, recipe: example.name };
  const lines = example.text.split('\n');
  const start = rnd.chance(0.35) ? 0 : rnd.int(0, lines.length - 1);
  const end = Math.min(lines.length, start + rnd.int(8, 70));
  return {
    text: lines.slice(start, end).join('\n') + (rnd.chance(0.9) ? '\n' : ''),
    recipe: `${example.name} lines ${start + 1}-${end}`,
  };
}

type Mutation = (text: string, rnd: Random, corpus: Corpus) => string;

/** Characters that trip parsers, line counters and UTF-16 arithmetic. */
const NASTY = [
  '\0',
  '\x01',
  '\x07',
  '\b',
  '\x1b',
  '\x7f',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\v',
  '\f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u0301',
  '\ud800',
  '\udfff',
  '😀',
  '👩‍👩‍👧',
  '𝔘',
  '：',
  'ı',
  'ß',
  '\u{10ffff}',
  '"',
  "'",
  '\\',
  '#',
  ':',
  ': ',
  '- ',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
  '<script>',
  '$(',
  '${',
];

const INDICATORS = [
  '&a ',
  '*a',
  '*undefined',
  '!!binary ',
  '!custom ',
  '!!map ',
  '---\n',
  '...\n',
  '%YAML 1.2\n---\n',
  '%TAG ! tag:x,2000:\n',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '|\n',
  '>-\n',
  '? ',
  '- ',
  ': ',
  ' # ',
  '<<: *a\n',
  '&x [*x, *x]',
  '&y {k: *y}',
  '!!str ',
  '!!int ',
  '!!float ',
  '|+2\n',
  '>9\n',
  'key: &b [*b]\n',
  '? [a, b]\n: c\n',
  '{a: 1, a: 2}',
  '[a, [b, [c, {d: e}]]]',
  '~',
  'null',
  '!!null ',
  '0o17',
  '0x1F',
  '-.inf',
  '.NaN',
];

const LINES = (text: string) => text.split('\n');

const MUTATIONS: readonly (readonly [string, Mutation])[] = [
  [
    'delete-lines',
    (text, rnd) => {
      const lines = LINES(text);
      lines.splice(rnd.int(0, lines.length - 1), rnd.int(1, 4));
      return lines.join('\n');
    },
  ],
  [
    'duplicate-lines',
    (text, rnd) => {
      const lines = LINES(text);
      const at = rnd.int(0, lines.length - 1);
      lines.splice(at, 0, ...lines.slice(at, at + rnd.int(1, 6)));
      return lines.join('\n');
    },
  ],
  [
    'swap-lines',
    (text, rnd) => {
      const lines = LINES(text);
      const a = rnd.int(0, lines.length - 1);
      const b = rnd.chance(0.5) ? Math.min(lines.length - 1, a + 1) : rnd.int(0, lines.length - 1);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    },
  ],
  [
    'move-block',
    (text, rnd) => {
      const lines = LINES(text);
      const block = lines.splice(rnd.int(0, lines.length - 1), rnd.int(1, 12));
      lines.splice(rnd.int(0, lines.length), 0, ...block);
      return lines.join('\n');
    },
  ],
  [
    'random-characters',
    (text, rnd) => {
      let out = text;
      for (let n = rnd.int(1, 8); n > 0; n--) {
        const at = rnd.int(0, out.length);
        const ch = rnd.chance(0.7) ? rnd.pick(NASTY) : String.fromCharCode(rnd.int(0, 0xffff));
        out = out.slice(0, at) + ch + out.slice(at + (rnd.chance(0.5) ? 1 : 0));
      }
      return out;
    },
  ],
  [
    'random-bytes',
    (text, rnd) => {
      // Bytes read as latin1, as a file of another encoding or a binary would arrive.
      const bytes = Array.from({ length: rnd.int(1, 200) }, () => rnd.int(0, 255));
      const at = rnd.int(0, text.length);
      return text.slice(0, at) + String.fromCharCode(...bytes) + text.slice(at);
    },
  ],
  [
    'indentation',
    (text, rnd) =>
      mapSomeLines(text, rnd, (line) => {
        const indent = line.length - line.trimStart().length;
        return rnd.chance(0.5) ? ' '.repeat(rnd.int(1, 3)) + line : line.slice(Math.min(indent, rnd.int(1, 3)));
      }),
  ],
  [
    'tabs',
    (text, rnd) =>
      mapSomeLines(text, rnd, (line) => {
        if (rnd.chance(0.6)) return line.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2));
        const at = rnd.int(0, line.length);
        return line.slice(0, at) + '\t' + line.slice(at);
      }),
  ],
  [
    'unicode',
    (text, rnd) =>
      mapSomeLines(text, rnd, (line) => {
        const swaps: [RegExp, string][] = [
          [/:/, '：'],
          [/ /g, '\u00a0'],
          [/a/g, 'а'],
          [/e/g, 'é'],
          [/^/, '\u202e'],
          [/$/, ' 😀\u0301'],
          [/_/, '\u200b_'],
        ];
        const [from, to] = rnd.pick(swaps);
        return line.replace(from, to);
      }),
  ],
  [
    'long-line',
    (text, rnd) => {
      const lines = LINES(text);
      const at = rnd.int(0, lines.length - 1);
      const size = rnd.weighted([
        [3, 2000],
        [2, 20_000],
        [1, 150_000],
      ] as const);
      const filler = rnd.pick(['x', 'word ', '9', '😀', '\\', '"', ' #', 'a: ', '[']);
      const long = filler.repeat(Math.ceil(size / filler.length));
      lines[at] = rnd.chance(0.3) ? `${long}: value` : `${lines[at]}${long}`;
      return lines.join('\n');
    },
  ],
  [
    'yaml-indicator',
    (text, rnd) => {
      const at = rnd.chance(0.5) ? lineStart(text, rnd) : rnd.int(0, text.length);
      return text.slice(0, at) + rnd.pick(INDICATORS) + text.slice(at);
    },
  ],
  [
    'line-endings',
    (text, rnd) => {
      const eol = rnd.pick(['\r\n', '\r', '\n\r']);
      if (rnd.chance(0.5)) return text.replace(/\n/g, eol);
      return text.replace(/\n/g, (nl) => (rnd.chance(0.3) ? eol : nl));
    },
  ],
  [
    'splice-example',
    (text, rnd, corpus) => {
      const other = LINES(rnd.pick(corpus.examples).text);
      const from = rnd.int(0, other.length - 1);
      const lines = LINES(text);
      lines.splice(rnd.int(0, lines.length), 0, ...other.slice(from, from + rnd.int(1, 30)));
      return lines.join('\n');
    },
  ],
  [
    'numbers',
    (text, rnd) =>
      text.replace(/\b\d+(\.\d+)?(e\d+)?\b/, () =>
        rnd.pick([
          '9'.repeat(10_000),
          `1e${'9'.repeat(400)}`,
          '1e400',
          '-1e-400',
          '.inf',
          '-.Inf',
          '.nan',
          '0x7fffffffffffffffff',
          '1_000_000',
          '0.0000',
          '-0',
          '1.2.3',
          '7.3×10^10',
          '7.3×10⁹⁹⁹⁹',
          '1e',
          '1,2,3',
          '١٢٣',
          'NaN',
          '-',
          `${'1'.repeat(400)}.${'5'.repeat(400)}`,
        ]),
      ),
  ],
  [
    'dates',
    (text, rnd) =>
      text.replace(/\d{4}-\d{2}-\d{2}/, () =>
        rnd.pick([
          '2025-02-30',
          '9999-12-31',
          '0000-00-00',
          '2025-13-01',
          '20250-01-01',
          '2025-1-1',
          '1970-01-01T00:00:00Z',
          '2025-06-31',
          '-2025-01-01',
        ]),
      ),
  ],
  ['empty-values', (text, rnd) => mapSomeLines(text, rnd, (line) => line.replace(/:\s.*$/, ':'))],
  ['truncate', (text, rnd) => text.slice(0, rnd.int(0, text.length))],
];

function mapSomeLines(text: string, rnd: Random, f: (line: string) => string): string {
  const lines = LINES(text);
  const share = rnd.pick([0.02, 0.1, 0.5, 1]);
  return lines.map((line) => (rnd.chance(share) ? f(line) : line)).join('\n');
}

function lineStart(text: string, rnd: Random): number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return rnd.pick(starts);
}
