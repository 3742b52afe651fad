/**
 * Values of the wrong shape (a list where text is expected, a value outside a closed set, a date that is
 * not YYYY-MM-DD), found by the schema and worded from the key tree in the writer's terms.
 */
import {
  ref,
  cite,
  entry,
  FORMAT_VERSION,
  getValueSet,
  KEYS,
  keySpecAt,
  type KeySpec,
  type PathSegment,
} from '../catalogue';
import type { Node, Pair } from 'yaml';
import { isScalar, jsValue } from '../document';
import { nodeRange, type FileModel } from '../model';
import { PointerIndex } from '../pointerIndex';
import { excerpt } from './common';
import { pathOf, shapeErrors } from '../schema';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  { code: 'shape.type', title: 'A value has the wrong kind (text, list, block of keys…)', severity: 'error' },
  { code: 'shape.value', title: 'A value is not one the form allows', severity: 'error' },
  { code: 'format.version', title: 'The format version is missing or unknown', severity: 'error', fixable: true },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const shape = defineRule({
  name: 'shape',
  codes,
  check({ doc, model }) {
    if (!doc.root) return [];
    const js = jsValue(doc);
    if ('error' in js) return [];
    const findings: Finding<Code>[] = [...versionFindings(model)];
    const nodes = new PointerIndex(doc);
    const places = new Places();
    for (const error of shapeErrors(js.value)) {
      if (error.pointer === VERSION_POINTER) continue;
      const slash = error.pointer.lastIndexOf('/');
      const last = error.pointer.slice(slash + 1);
      const { parent, wording: w } = places.of(error.pointer, slash, error.badKey === undefined && /^\d+$/.test(last));
      if (!w) continue;
      if (error.badKey !== undefined) {
        findings.push({
          code: 'shape.value',
          id: w.spec.id,
          range: keyRange(model, nodes.keyPair(error.pointer, error.badKey)),
          message: `"${excerpt(error.badKey)}" is not allowed in ${w.badKey}`,
        });
        continue;
      }
      findings.push({
        code: w.code,
        id: w.spec.id,
        range: nodeRange(doc, nodes.child(parent, last)) ?? keyRange(model, nodes.pair(error.pointer)),
        message: w.message,
      });
    }
    return findings;
  },
});

const VERSION = KEYS.gpai;
const VERSION_POINTER = `/${VERSION.path.join('/')}`;

/** The range of a pair's key; the file's start when there is none. */
function keyRange(model: FileModel, pair: Pair | undefined) {
  return nodeRange(model.doc, pair?.key as Node | undefined) ?? model.doc.lines.range(0, 0);
}

interface Place {
  /** The pointer of the value's parent. */
  readonly parent: string;
  readonly wording: Wording | undefined;
}

/**
 * What is said of a wrong value depends on its place in the key tree, not on which entry of a list it is:
 * worded once per place, and found once per run of entries of one list (100,000 wrong entries in a row).
 */
class Places {
  private readonly byPlace = new Map<string, Wording | undefined>();
  private run: Place | undefined;

  /** The place of the value at `pointer`, whose last "/" is at `slash`; `entry` if it is a list entry. */
  of(pointer: string, slash: number, entry: boolean): Place {
    const run = this.run;
    if (entry && run && slash === run.parent.length && pointer.startsWith(run.parent)) return run;
    // The pointer with each list index as "~", which no key gives ("~" is written "~0" in a pointer).
    const key = pointer.replace(/\/\d+(?=\/|$)/g, '/~');
    if (!this.byPlace.has(key)) this.byPlace.set(key, wording(pathOf(pointer)));
    const place = { parent: pointer.slice(0, slash), wording: this.byPlace.get(key) };
    if (entry) this.run = place;
    return place;
  }
}

interface Wording {
  readonly spec: KeySpec;
  readonly code: Extract<Code, 'shape.type' | 'shape.value'>;
  /** The message for a wrong value here. */
  readonly message: string;
  /** The end of the message for a key not allowed here, after `"key" is not allowed in `. */
  readonly badKey: string;
}

function wording(path: readonly PathSegment[]): Wording | undefined {
  const spec = keySpecAt(path);
  if (!spec) return undefined;
  const closed = spec.type === 'enum' || spec.type === 'enum-list';
  // A wrong entry of a list is named after its list: "Input modalities (form 2.3): each entry must be…".
  const inList = typeof path[path.length - 1] === 'number';
  const owner = inList ? (keySpecAt(path.slice(0, -1)) ?? spec) : spec;
  const ownerPath = inList ? path.slice(0, -1) : path;
  return {
    spec,
    code: closed ? 'shape.value' : 'shape.type',
    message: inList
      ? `${capitalise(name(owner, ownerPath))}: this entry ${expectation(spec)}.`
      : `${capitalise(name(spec, path))} ${expectation(spec)}.`,
    badKey: `${name(spec)}: use ${choices(spec)}.`,
  };
}

function versionFindings(model: FileModel): Finding<Code>[] {
  const doc = model.doc;
  const pair = model.pairAt(VERSION.path);
  const fix = {
    kind: 'set-value',
    path: VERSION.path,
    value: String(FORMAT_VERSION),
    title: `Set the format version to ${FORMAT_VERSION}`,
  } as const;
  if (!pair) {
    return [
      {
        code: 'format.version',
        id: VERSION.id,
        range: doc.lines.range(0, 0),
        fix,
        message: `The file does not say which format version it uses. Add "gpai: ${FORMAT_VERSION}" as its first line.`,
      },
    ];
  }
  const value = model.nodeAt(VERSION.path);
  const written = value && 'value' in value ? (value as { value: unknown }).value : undefined;
  if (written === FORMAT_VERSION) return [];
  // As written: `"1"` is text, and the parsed value of `.inf` or of 10,000 digits would read "Infinity".
  const says =
    !value || written === null
      ? 'nothing'
      : isScalar(value) && value.range
        ? excerpt(doc.text.slice(value.range[0], value.range[1]))
        : 'a list or a block of keys';
  return [
    {
      code: 'format.version',
      id: VERSION.id,
      range: nodeRange(doc, value) ?? keyRange(model, pair),
      fix,
      message: `This version of gpai-docs reads format version ${FORMAT_VERSION}; the file says ${says}.`,
    },
  ];
}

/** "Training compute (form 7.4)", "maximum_input_size", "status of Copyright Measure 1.3". */
function name(spec: KeySpec, path: readonly PathSegment[] = []): string {
  const e = entry(spec.id);
  switch (e?.kind) {
    case 'form-item':
      return `${e.label}${e.qualifier ? ` (${e.qualifier})` : ''} (${ref(e.id)}, \`${spec.key}\`)`;
    case 'measure':
    case 'commitment':
      return `\`${spec.key}\` of ${cite(spec.id)}`;
  }
  const where =
    path.length > 1
      ? ` under \`${path
          .slice(0, -1)
          .filter((s) => typeof s === 'string')
          .join('.')}\``
      : '';
  return `\`${spec.key}\`${where}`;
}

function choices(spec: KeySpec): string {
  const set = spec.values;
  return set
    ? getValueSet(set)
        .options.map((o) => o.value)
        .join(', ')
    : 'one of the known keys';
}

function expectation(spec: KeySpec): string {
  switch (spec.type) {
    case 'map':
      return 'must be a block of keys indented under it';
    case 'flag-or-map':
      return 'must be false, or a block with claimed, licence, licence_kind, weights, architecture and usage';
    case 'list':
      return spec.children
        ? 'must be a list of entries, each starting with "- "'
        : 'must be a list, each entry starting with "- "';
    case 'na-or-list':
      return 'must be N/A or a list of base models, each with name, provider and version';
    case 'keyed-map':
      return `must be a block with one key per ${getValueSet(spec.values!).title.toLowerCase()}`;
    case 'text':
      return 'must be text';
    case 'url':
      return 'must be a link (https:// or mailto:)';
    case 'date':
      return 'must be a date written YYYY-MM-DD, such as 2025-08-02';
    case 'month':
      return 'must be a month written YYYY-MM, such as 2025-03';
    case 'number':
      return 'must be a number';
    case 'quantity':
      return 'must be a number, optionally followed by its unit (such as 2.4e25 or 1.0e2 MWh)';
    case 'boolean':
      return 'must be true or false';
    case 'enum':
      return `must be one of: ${choices(spec)}`;
    case 'enum-list':
      return `must be a list of: ${choices(spec)}`;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
