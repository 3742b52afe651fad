/**
 * Writes keyPaths.ts from the key tree (`npm run generate`; `npm test` checks it is up to date): every key of
 * the format as a typed constant, so that a feature names a key through the tree and a renamed key breaks
 * compilation instead of a writer's file.
 */
import { formatKeys } from './keys';
import type { KeySpec } from './types';

/** Names the generated objects use for themselves: no key of the format may have them. */
const RESERVED = new Set(['path', 'rel', 'id', 'each']);

export function buildKeyPaths(): string {
  const lines = [
    '/**',
    ' * Every key path of the `.gpai.yaml` format, typed: GENERATED from keys.ts by `npm run generate` (npm test',
    ' * checks it is up to date); do not edit. A key is named `KEYS.computational_resources.training_compute`:',
    ' * `path` is its path from the top of the file and `id` the catalogue entry it documents. The fields of each',
    ' * entry of a list of blocks are under `each`, with `rel`, their path inside the entry.',
    ' */',
    'export const KEYS = {',
    ...members(formatKeys, [], 1, 'path'),
    '} as const;',
  ];
  return `${lines.join('\n')}\n`;
}

function members(specs: readonly KeySpec[], prefix: readonly string[], depth: number, field: 'path' | 'rel'): string[] {
  const pad = '  '.repeat(depth);
  return specs.flatMap((spec) => {
    if (RESERVED.has(spec.key)) throw new Error(`the key "${spec.key}" is reserved by keyPaths.ts`);
    const path = [...prefix, spec.key];
    const head = `${field}: [${path.map((s) => `'${s}'`).join(', ')}], id: '${spec.id}'`;
    const inner: string[] = [];
    if ((spec.type === 'map' || spec.type === 'flag-or-map') && spec.children) {
      inner.push(...members(spec.children, path, depth + 1, field));
    } else if ((spec.type === 'list' || spec.type === 'na-or-list') && spec.children) {
      inner.push(`${pad}  each: {`, ...members(spec.children, [], depth + 2, 'rel'), `${pad}  },`);
    }
    if (!inner.length) return [`${pad}${spec.key}: { ${head} },`];
    return [`${pad}${spec.key}: {`, `${pad}  ${head},`, ...inner, `${pad}},`];
  });
}
