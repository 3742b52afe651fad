/**
 * `gpai-docs explain <query>`: a catalogue id, a diagnostic code or a provision, as the engine's `explain`
 * reads it; else a key of the format, by its path (`computational_resources.training_compute`,
 * `model_properties.maximum_input_size.text`, `general_information.model_dependencies[].name`) or by its bare
 * name when the name is unique (`training_compute`). A bare name used in several places lists them.
 */
import { catalogue, explain, suggestions } from '../server/src/engine';
import { InputError } from './files';
import { printLines } from './output';

type KeySpec = catalogue.KeySpec;
type PathSegment = catalogue.PathSegment;

/** A key of the format: its path as written (`a.b[].c`), as segments, and its spec. */
interface KeyPath {
  readonly shown: string;
  readonly segments: readonly PathSegment[];
  readonly spec: KeySpec;
}

export function explainCommand(args: readonly string[]): number {
  const query = args.join(' ').trim();
  if (!query) throw new InputError('explain needs an id, a code or a key, e.g. gpai-docs explain safety-security/9.3');
  const found = explain(query);
  if (found) return print(toPlainText(found.markdown));
  const keys = keysNamed(query);
  if (keys.length === 1) return print(explainKey(keys[0]));
  if (keys.length > 1) {
    const width = Math.max(...keys.map((k) => k.shown.length));
    const rows = keys.map((k) => `  ${k.shown.padEnd(width)}  ${catalogue.cite(k.spec.id)}`);
    return print([`"${query}" is a key in ${keys.length} places; explain one by its path:`, ...rows].join('\n'));
  }
  const close = suggestions(query);
  throw new InputError(
    `nothing is called "${query}"${close.length ? `; did you mean ${close.join(', ')}?` : '; ids look like transparency/1.1, copyright/1.3, safety-security/9.3, form/2.9, and keys like computational_resources.training_compute'}`,
  );
}

function print(text: string): number {
  printLines(text.split('\n'));
  return 0;
}

/** The key at a written path, or every key with a bare name. */
function keysNamed(query: string): KeyPath[] {
  const segments = parsePath(query);
  if (!segments) return [];
  const spec = catalogue.keySpecAt(segments);
  if (spec) return [{ shown: query, segments, spec }];
  if (segments.length !== 1) return [];
  return allKeys().filter((k) => k.spec.key === query);
}

/** `a.b[].c` or `a.b.0.c` as segments (list entries as indexes); undefined when it cannot be a key path. */
function parsePath(query: string): PathSegment[] | undefined {
  if (!/^[A-Za-z0-9_[\]]+(\.[A-Za-z0-9_[\]]+)*$/.test(query)) return undefined;
  const segments: PathSegment[] = [];
  for (const part of query.split('.')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)?((?:\[\d*\])*)$/.exec(part);
    if (/^\d+$/.test(part)) segments.push(Number(part));
    else if (!m) return undefined;
    else {
      if (m[1]) segments.push(m[1]);
      for (const index of m[2].match(/\[(\d*)\]/g) ?? []) segments.push(Number(index.slice(1, -1) || 0));
    }
  }
  return segments;
}

/** Every key of the format, entries of keyed maps aside (their keys are values: `text`, `image`…). */
function allKeys(): KeyPath[] {
  const out: KeyPath[] = [];
  const walk = (specs: readonly KeySpec[], shown: string, segments: readonly PathSegment[]) => {
    for (const spec of specs) {
      const path = shown ? `${shown}.${spec.key}` : spec.key;
      const here = [...segments, spec.key];
      out.push({ shown: path, segments: here, spec });
      if (spec.type === 'map' || spec.type === 'flag-or-map') walk(spec.children ?? [], path, here);
      else if (spec.children) walk(spec.children, `${path}[]`, [...here, 0]);
    }
  };
  walk(catalogue.formatKeys, '', []);
  return out;
}

/** What a key documents: the key and its kind of value, then the catalogue entry's explanation. */
function explainKey(key: KeyPath): string {
  const hint = key.spec.hint ? `; ${key.spec.hint}` : '';
  const head = `${key.shown}: ${describeType(key.spec)}${hint}. It documents ${catalogue.cite(key.spec.id)} (${key.spec.id}).`;
  const found = explain(key.spec.id);
  if (found) return `${head}\n\n${toPlainText(found.markdown)}`;
  const children = catalogue
    .childSpecs(key.spec)
    .map((c) => `  ${key.shown}.${c.key}  ${catalogue.cite(c.id)}${c.optional ? ' (optional)' : ''}`);
  return [head, ...(children.length ? ['', 'Keys:', ...children] : [])].join('\n');
}

function describeType(spec: KeySpec): string {
  const values = spec.values ? catalogue.getValueSet(spec.values).options.map((o) => o.value) : [];
  switch (spec.type) {
    case 'map':
    case 'flag-or-map':
      return 'a block of keys';
    case 'list':
    case 'na-or-list':
      return 'a list';
    case 'keyed-map':
      return `a block with one entry per value of ${values.join(', ')}`;
    case 'enum':
      return `one of ${values.join(', ')}`;
    case 'enum-list':
      return `a list of ${values.join(', ')}`;
    default:
      return `a ${spec.type}`;
  }
}

/** Markdown to terminal text: emphasis and code marks dropped, the rest kept. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1$2');
}
