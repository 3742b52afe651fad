/**
 * Deterministic inputs for the benchmark, from a seed: the large document (any number of lines) and the
 * workspace of example-sized files. Both grow the repository's own examples, which CI keeps free of
 * errors, so that every rule finds real content to read: the large one inflates halcyon-xl (the richest,
 * with the whole Safety and Security chapter) with long multi-line answers, many model versions, a long
 * history and long evidence lists; the workspace varies the examples' names, versions and evidence.
 */

/** A small, fast, seeded generator (mulberry32): the same seed gives the same text on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'model evaluation training data provider downstream documentation compute energy benchmark capability risk ' +
  'mitigation assessment framework incident monitoring security weights access licence crawler rightsholder ' +
  'reservation policy report version release update review committee external evaluator scenario estimate ' +
  'threshold tier margin deployment interface integration language image text token corpus filter quality ' +
  'provenance consent annotation preference reinforcement reward architecture parameter expert attention ' +
  'context window latency throughput accelerator cluster facility utilisation methodology measurement ' +
  'uncertainty assumption result sample baseline elicitation scaffolding tool agentic sandbox red-teaming ' +
  'robustness classifier refusal moderation abuse retention archive audit governance oversight responsibility'
).split(' ');

/** Sentences of domain words wrapped at `width` columns, as lines of a folded scalar indented by `indent`. */
export function proseLines(random: () => number, count: number, indent: number, width = 100): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  let sentence = 0;
  while (lines.length < count) {
    const length = 6 + Math.floor(random() * 14);
    const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]);
    words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
    // Now and then a reference to a real measure, so that the reference check has ids to resolve.
    if (++sentence % 11 === 0) words.push('as in Safety and Security Measure 3.5');
    for (const [i, word] of words.entries()) {
      const next = i === words.length - 1 ? `${word}.` : word;
      if (line && pad.length + line.length + 1 + next.length > width) {
        lines.push(pad + line);
        line = next;
        if (lines.length === count) return lines;
      } else {
        line = line ? `${line} ${next}` : next;
      }
    }
  }
  return lines;
}

export interface LargeDocumentOptions {
  /** Lines of the document, exactly. At least the base example's. */
  readonly lines: number;
  readonly seed?: number;
}

/** Shares of the added lines: long answers, history entries, model versions, evidence items. */
const SHARE = { prose: 0.45, history: 0.25, versions: 0.1, evidence: 0.2 };
const HISTORY_ENTRY_PROSE = 3;

/**
 * The large document: `base` (halcyon-xl's text) with lines added until it has exactly `options.lines`.
 * The history stays oldest first and before the current version, so the date checks stay quiet.
 */
export function largeDocument(base: string, options: LargeDocumentOptions): string {
  const random = seededRandom(options.seed ?? 8);
  const baseLines = base.replace(/\n+$/, '').split('\n');
  const extra = options.lines - baseLines.length;
  if (extra < 0) throw new Error(`the base document already has ${baseLines.length} lines`);
  const historyEntries = Math.floor((extra * SHARE.history) / (3 + HISTORY_ENTRY_PROSE));
  const versions = Math.floor(extra * SHARE.versions);
  const evidence = Math.floor(extra * SHARE.evidence);
  const prose = extra - historyEntries * (3 + HISTORY_ENTRY_PROSE) - versions - evidence;

  const folded = baseLines.flatMap((l, i) => (/:\s*>-?\s*$/.test(l) ? [i] : []));
  const evidenceLists = baseLines.flatMap((l, i) => (/^\s*evidence:\s*$/.test(l) ? [i] : []));
  const proseAt = spread(prose, folded.length);
  const evidenceAt = spread(evidence, evidenceLists.length);

  const out: string[] = [];
  for (let i = 0; i < baseLines.length; i++) {
    const line = baseLines[i];
    out.push(line);
    const f = folded.indexOf(i);
    if (f >= 0) {
      const body = blockEnd(baseLines, i);
      out.push(...baseLines.slice(i + 1, body));
      out.push(...proseLines(random, proseAt[f], indentOf(baseLines[i + 1])));
      i = body - 1;
      continue;
    }
    const e = evidenceLists.indexOf(i);
    if (e >= 0) {
      const itemIndent = indentOf(baseLines[i + 1]);
      const body = blockEnd(baseLines, i);
      out.push(...baseLines.slice(i + 1, body));
      for (let n = 0; n < evidenceAt[e]; n++) out.push(`${' '.repeat(itemIndent)}- ${evidenceItem(random, n)}`);
      i = body - 1;
      continue;
    }
    if (/^ {2}history:\s*$/.test(line)) out.push(...historyLines(random, historyEntries));
    if (/^ {2}model_versions:\s*$/.test(line))
      for (let n = 0; n < versions; n++)
        out.push(`    - Halcyon-XL-${n % 2 ? 'Reasoning' : 'Instruct'}-2510-r${n + 1}`);
  }
  return `${out.join('\n')}\n`;
}

/** `total` split over `buckets` as evenly as possible. */
function spread(total: number, buckets: number): number[] {
  return Array.from({ length: buckets }, (_, i) => Math.floor(total / buckets) + (i < total % buckets ? 1 : 0));
}

function indentOf(line: string | undefined): number {
  return line ? line.length - line.trimStart().length : 0;
}

/** Index of the first line after the block that opens at `start` (lines more indented than it). */
function blockEnd(lines: readonly string[], start: number): number {
  const own = indentOf(lines[start]);
  let i = start + 1;
  while (
    i < lines.length &&
    (lines[i].trim() === '' ||
      indentOf(lines[i]) > own ||
      (indentOf(lines[i]) === own && lines[i].trimStart().startsWith('- ')))
  )
    i++;
  return i;
}

/** History entries dated one every few days from 2019, oldest first, all before the entry already there. */
function historyLines(random: () => number, count: number): string[] {
  const out: string[] = [];
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 8, 30) - start;
  for (let n = 0; n < count; n++) {
    const date = new Date(start + Math.floor((span * n) / Math.max(1, count))).toISOString().slice(0, 10);
    out.push(
      `    - version: "0.${n + 1}"`,
      `      date: ${date}`,
      '      changes: >-',
      ...proseLines(random, HISTORY_ENTRY_PROSE, 8),
    );
  }
  return out;
}

function evidenceItem(random: () => number, n: number): string {
  const id = Math.floor(random() * 1e6).toString(36);
  return n % 3 === 0
    ? `https://halcyon-labs.example/evidence/${id}`
    : `Internal record ${id.toUpperCase()}-${n + 1}, version ${1 + (n % 4)}, reviewed by the Risk Committee`;
}

export interface WorkspaceFile {
  readonly name: string;
  readonly text: string;
}

/**
 * `count` example-sized files: the examples in turn, each copy with its own model name and document
 * version and a few more evidence items, so that no two files are the same text.
 */
export function workspace(examples: readonly WorkspaceFile[], count: number, seed = 8): WorkspaceFile[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, n) => {
    const example = examples[n % examples.length];
    const stem = example.name.replace(/\.gpai\.yaml$/, '');
    let text = example.text.replace(
      /^(\s*model_name:\s*)(.+)$/m,
      (_, key: string, name: string) => `${key}${name} ${n + 1}`,
    );
    text = text.replace(
      /^(\s*evidence:\s*\n)(\s*)- /m,
      (_, head: string, indent: string) => `${head}${indent}- ${evidenceItem(random, n)}\n${indent}- `,
    );
    return { name: `${String(n + 1).padStart(4, '0')}-${stem}.gpai.yaml`, text };
  });
}

/**
 * Hostile files: halcyon-xl with one place repeated `count` times, each occurrence a finding of one code.
 * They stand for a list pasted a hundred thousand times or a file made by a script gone wrong: what the
 * checker must answer in seconds, with at most a hundred findings of each code and one summing up the rest.
 */
export const HOSTILE_KINDS = {
  /** `model_properties.input_modalities` as a list of entries outside its value set. */
  'list-entries': 'shape.value',
  /** Keys `model_properties` does not know. */
  'unknown-keys': 'key.unknown',
  /** Keys outside the modalities in the keyed map `model_properties.maximum_input_size`. */
  'bad-keys': 'shape.value',
  /** Evidence entries left as "TODO". */
  placeholders: 'answer.placeholder',
  /** Evidence entries indented with a tab after the spaces. */
  tabs: 'yaml.tab-indentation',
  /** Evidence entries linking with http. */
  links: 'link.insecure',
  /** An answer naming measures that do not exist, four to a line. */
  ids: 'reference.unknown-id',
  /** Invalid list entries, each silenced by a suppression comment with a reason: no finding at all. */
  suppressed: 'shape.value',
} as const;

export type HostileKind = keyof typeof HOSTILE_KINDS;

/** The hostile file of `kind` with `count` findings (for `ids`, the count is rounded up to a multiple of 4). */
export function hostileDocument(base: string, kind: HostileKind, count: number): string {
  const lines = (make: (n: number) => string) => Array.from({ length: count }, (_, n) => make(n)).join('\n');
  const evidence = (make: (n: number) => string) =>
    replaceOnce(base, /^( {4}evidence:\n)( {6}- https:\/\/halcyon-labs\.example\/legal\/copyright-policy\n)/m, [
      '$1',
      `${lines(make)}\n`,
      '$2',
    ]);
  switch (kind) {
    case 'list-entries':
      return replaceOnce(base, /^ {2}input_modalities: \[text, images\]$/m, [
        '  input_modalities:\n',
        lines((n) => `    - odour ${n}`),
      ]);
    case 'suppressed':
      return replaceOnce(base, /^ {2}input_modalities: \[text, images\]$/m, [
        '  input_modalities:\n',
        lines((n) => `    # gpai-docs-disable-next-line shape.value -- a sense we document\n    - odour ${n}`),
      ]);
    case 'unknown-keys':
      return replaceOnce(base, /^(model_properties:\n)/m, ['$1', `${lines((n) => `  odour_${n}: strong`)}\n`]);
    case 'bad-keys':
      return replaceOnce(base, /^( {2}maximum_input_size:\n)/m, ['$1', `${lines((n) => `    odour_${n}: 1 whiff`)}\n`]);
    case 'placeholders':
      return evidence((n) => `      - TODO ${n}`);
    case 'tabs':
      return evidence((n) => `      \t- Record ${n}`);
    case 'links':
      return evidence((n) => `      - http://h.example/e/${n}`);
    case 'ids': {
      const refs = Array.from({ length: Math.ceil(count / 4) }, (_, n) =>
        [0, 1, 2, 3].map((k) => `copyright/9.${4 * n + k}`).join(', '),
      );
      return replaceOnce(base, /^( {4}summary: >-\n)/m, ['$1', `${refs.map((r) => `      See ${r}.`).join('\n')}\n`]);
    }
  }
}

/** `text` with the one match of `pattern` replaced by `parts` joined (`$1`, `$2` for its groups). */
function replaceOnce(text: string, pattern: RegExp, parts: readonly string[]): string {
  const m = pattern.exec(text);
  if (!m) throw new Error(`the base document has no match for ${String(pattern)}`);
  const replacement = parts.map((p) => p.replace(/^\$(\d)$/, (_, g: string) => m[Number(g)])).join('');
  return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
}
