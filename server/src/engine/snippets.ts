/**
 * Snippet bodies built from the key tree: a key with its value's tab stop (a choice for closed sets and
 * booleans, today's date for dates), or a whole block with its required keys. Completions insert them;
 * snippets/gpai.json holds the same bodies for editors that read VS Code snippet files.
 */
import {
  childSpecs,
  formatKeys,
  getChapter,
  getFormSection,
  getMeasure,
  getValueSet,
  keySpecAt,
  type KeySpec,
  type PathSegment,
  chapterOf,
  KEYS,
  ref,
} from './catalogue';
import type { GpaiDocument } from './document';
import { requirement } from './requirements';

export interface SnippetOptions {
  /** Today, YYYY-MM-DD: the value offered for dates. */
  readonly today: string;
  /** This month, YYYY-MM; defaults to today's. */
  readonly thisMonth?: string;
  /** Spaces per indentation level. */
  readonly unit: number;
  /** The document, to leave out keys that do not apply to it; without one, every non-optional key. */
  readonly doc?: GpaiDocument;
}

/** Escape text for a snippet body (`$`, `}` and `\` are syntax). */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The lines of a snippet for `spec` at `path`; the first line starts at the cursor, the others carry the
 * absolute indentation `indent + unit * depth`. Tab stops are numbered from `counter.next`.
 */
export function snippetLines(
  spec: KeySpec,
  path: readonly PathSegment[],
  indent: number,
  options: SnippetOptions,
  counter = { next: 1 },
): string[] {
  const pad = ' '.repeat(indent);
  if (spec.type === 'map') {
    const children = childSpecs(spec).filter((c) => included(c, [...path, c.key], options));
    if (children.length) {
      return [
        `${spec.key}:`,
        ...children.flatMap((c) => {
          const [first, ...rest] = snippetLines(c, [...path, c.key], indent + options.unit, options, counter);
          return [`${' '.repeat(indent + options.unit)}${first}`, ...rest];
        }),
      ];
    }
  }
  if (spec.type === 'keyed-map' && spec.values) {
    return [`${spec.key}:`, `${pad}${' '.repeat(options.unit)}${choice(spec, counter)}: ${stop(counter)}`];
  }
  if (spec.type === 'list' && spec.children) {
    const fields = spec.children.filter((c) => !c.optional);
    const entryPad = `${pad}${' '.repeat(options.unit)}`;
    return [
      `${spec.key}:`,
      ...fields.map(
        (c, i) => `${i === 0 ? `${entryPad}- ` : `${entryPad}  `}${c.key}: ${valueStop(c, options, counter)}`,
      ),
    ];
  }
  if (spec.type === 'list' || spec.type === 'enum-list') {
    return [
      `${spec.key}:`,
      `${pad}${' '.repeat(options.unit)}- ${spec.type === 'enum-list' ? choice(spec, counter) : stop(counter)}`,
    ];
  }
  return [`${spec.key}: ${valueStop(spec, options, counter)}`];
}

function included(spec: KeySpec, path: readonly PathSegment[], options: SnippetOptions): boolean {
  if (!options.doc) return !spec.optional;
  return requirement(options.doc, spec, path).kind === 'required';
}

/** The tab stop of a value: a choice for closed sets and booleans, today for a date. */
export function valueStop(spec: KeySpec, options: SnippetOptions, counter: { next: number }): string {
  switch (spec.type) {
    case 'enum':
      return choice(spec, counter);
    case 'boolean':
      return `\${${counter.next++}|true,false|}`;
    case 'date':
      return `\${${counter.next++}:${options.today}}`;
    case 'month':
      return `\${${counter.next++}:${options.thisMonth ?? options.today.slice(0, 7)}}`;
    case 'number':
      return spec.key === 'gpai' ? `\${${counter.next++}:1}` : stop(counter);
    case 'na-or-list':
      return `\${${counter.next++}:N/A}`;
    case 'flag-or-map':
      return `\${${counter.next++}:false}`;
    default:
      return stop(counter);
  }
}

function choice(spec: KeySpec, counter: { next: number }): string {
  const values = spec.values
    ? getValueSet(spec.values).options.map((o) => o.value.replace(/[,|\\$}]/g, (c) => `\\${c}`))
    : [];
  return values.length ? `\${${counter.next++}|${values.join(',')}|}` : stop(counter);
}

function stop(counter: { next: number }): string {
  return `$${counter.next++}`;
}

// ---- snippets/gpai.json ---------------------------------------------------------------------------

export interface SnippetDefinition {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** VS Code's date variables: the snippet file cannot know today. */
const FILE_OPTIONS: SnippetOptions = {
  today: '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}',
  thisMonth: '${CURRENT_YEAR}-${CURRENT_MONTH}',
  unit: 2,
};

/**
 * The contents of snippets/gpai.json: a new documentation file, each top-level block, and the answer to a
 * Copyright or a Safety and Security measure. `npm run generate` writes it; a test checks it.
 */
export function buildSnippets(): Record<string, SnippetDefinition> {
  const out: Record<string, SnippetDefinition> = {};
  const blocks = formatKeys.filter((s) => s.type === 'map' && s.key !== 'safety_and_security');
  const counter = { next: 1 };
  const file = blocks.flatMap((spec) => ['', ...snippetLines(spec, [spec.key], 0, FILE_OPTIONS, counter)]);
  out['GPAI documentation file'] = {
    prefix: 'gpai-file',
    description: 'A new .gpai.yaml file: every block a model without systemic risk documents, with its required keys.',
    body: ['gpai: 1', ...file],
  };
  for (const spec of blocks) {
    const section = getFormSection(spec.id);
    const name = section
      ? `Section ${section.number}: ${section.title}`
      : spec.id === KEYS.copyright.id
        ? `${ref(chapterOf(spec.id)!)}`
        : titleOf(spec);
    out[name] = {
      prefix: section ? `gpai-section-${section.number}` : `gpai-${spec.key.replace(/_/g, '-')}`,
      description: `${name}, with its required keys.`,
      body: snippetLines(spec, [spec.key], 0, FILE_OPTIONS),
    };
  }
  out['Copyright measure answer'] = answerSnippet('gpai-copyright-measure', KEYS.copyright.path);
  out['Safety and Security measure answer'] = answerSnippet('gpai-safety-measure', KEYS.safety_and_security.path);
  return out;
}

function titleOf(spec: KeySpec): string {
  return spec.key.charAt(0).toUpperCase() + spec.key.slice(1).replace(/_/g, ' ');
}

/** A measure's answer under a chapter: the measure's key as a choice, then status, summary and evidence. */
function answerSnippet(prefix: string, chapterPath: readonly string[]): SnippetDefinition {
  const answers: string[] = [];
  const walk = (path: readonly string[]) => {
    for (const child of childSpecs(keySpecAt(path))) {
      if (getMeasure(child.id) && child.type === 'map') answers.push(child.key);
      else if (child.type === 'map') walk([...path, child.key]);
    }
  };
  walk(chapterPath);
  const chapter = getChapter(keySpecAt(chapterPath)!.id.split('/')[0])!;
  return {
    prefix,
    description: `The answer to a ${chapter.title} measure: its status, how you meet it, and the evidence.`,
    body: [
      `\${1|${answers.join(',')}|}:`,
      '  status: ${2|implemented,in_progress,planned,not_applicable|}',
      '  summary: $3',
      '  evidence:',
      '    - $0',
    ],
  };
}
