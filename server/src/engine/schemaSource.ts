/**
 * Builds schemas/gpai.schema.json from the format's key tree and the catalogue's value sets, so the schema
 * and the catalogue cannot drift: `npm run generate` writes it, and a unit test checks the committed file is
 * what this function builds. Shape only (types, enums, patterns); meaning stays in the catalogue.
 */
import {
  cite,
  entry,
  FORMAT_VERSION,
  formatKeys,
  getValueSet,
  KEYS,
  titleOf,
  type KeySpec,
  type ValueSetId,
} from './catalogue';

type Schema = Record<string, unknown>;

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const MONTH = '^(\\d{4}-\\d{2}|\\d{2}/\\d{4})$';
const NA_TEXT = '^\\s*(N/A|n/a|NA)\\b';

function enumValues(set: ValueSetId): string[] {
  const values = getValueSet(set);
  // Superseded values stay valid: a rule offers their migration.
  return [
    ...values.options.flatMap((o) => [o.value, ...(o.aliases ?? [])]),
    ...(values.superseded ?? []).map((o) => o.value),
  ];
}

function describe(spec: KeySpec): Schema {
  const e = entry(spec.id);
  const title = e?.kind === 'form-item' ? cite(spec.id) : e ? titleOf(e) : spec.key;
  const text = e?.kind === 'form-item' ? e.whatToWrite : spec.hint;
  return { title, ...(text ? { description: text } : {}) };
}

const nullable = (types: string[]) => [...types, 'null'];

function schemaOf(spec: KeySpec): Schema {
  const meta = describe(spec);
  switch (spec.type) {
    case 'map':
      return { ...meta, type: nullable(['object']), ...objectOf(spec.children ?? []) };
    case 'flag-or-map':
      return {
        ...meta,
        anyOf: [{ type: 'boolean' }, { type: 'null' }, { type: 'object', ...objectOf(spec.children ?? []) }],
      };
    case 'list':
      return {
        ...meta,
        type: nullable(['array']),
        items: spec.children ? { type: 'object', ...objectOf(spec.children) } : { type: ['string', 'number'] },
      };
    case 'na-or-list':
      return {
        ...meta,
        anyOf: [
          { type: 'string', pattern: NA_TEXT },
          { type: 'null' },
          { type: 'array', items: { type: 'object', ...objectOf(spec.children ?? []) } },
        ],
      };
    case 'keyed-map':
      return {
        ...meta,
        type: nullable(['object']),
        propertyNames: { enum: enumValues(spec.values!) },
        additionalProperties: spec.entry ? stripMeta(schemaOf(spec.entry)) : {},
      };
    case 'text':
      return { ...meta, type: nullable(['string', 'number']) };
    case 'url':
      return { ...meta, type: nullable(['string']) };
    case 'date':
      return { ...meta, anyOf: [{ type: 'string', pattern: DATE }, { type: 'null' }] };
    case 'month':
      return { ...meta, anyOf: [{ type: 'string', pattern: MONTH }, { type: 'null' }] };
    case 'number':
      return { ...meta, type: nullable(['number']) };
    case 'quantity':
      return { ...meta, type: nullable(['number', 'string']) };
    case 'boolean':
      return { ...meta, type: nullable(['boolean']) };
    case 'enum':
      return { ...meta, enum: [...enumValues(spec.values!), null] };
    case 'enum-list':
      return { ...meta, type: nullable(['array']), items: { enum: enumValues(spec.values!) } };
  }
}

function stripMeta(schema: Schema): Schema {
  const { title: _t, description: _d, ...rest } = schema;
  return rest;
}

function objectOf(children: readonly KeySpec[]): Schema {
  const properties: Schema = {};
  for (const child of children) properties[child.key] = schemaOf(child);
  return { properties, additionalProperties: false };
}

export function buildSchema(): Schema {
  const top = objectOf(formatKeys);
  (top.properties as Schema).gpai = {
    title: 'Format version',
    description: `The .gpai.yaml format version: ${FORMAT_VERSION}.`,
    enum: [FORMAT_VERSION],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/gpai-docs/gpai-docs/blob/main/schemas/gpai.schema.json',
    title: 'GPAI model documentation (.gpai.yaml)',
    description:
      'Documentation of a general-purpose AI model under the EU AI Act (Art. 53, 55) and the Code of Practice for General-Purpose AI Models. Generated from the gpai-docs catalogue; do not edit by hand.',
    type: 'object',
    required: [...KEYS.gpai.path],
    ...top,
  };
}
