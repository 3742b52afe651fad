/**
 * Shape validation with ajv against schemas/gpai.schema.json, compiled once per process (in the bundles,
 * at build time: see validator.ts). Errors come back as the paths where the shape is wrong; the shape rule
 * words them from the key tree, never from ajv's text.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { PathSegment } from './catalogue';
import { compileValidator } from './validator';

let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  validate ??= compileValidator();
  return validate;
}

export interface ShapeError {
  /** Where the wrong value is. */
  readonly path: readonly PathSegment[];
  /** For a key that a keyed map does not allow (e.g. a modality that does not exist): the key. */
  readonly badKey?: string;
}

/** Places whose value has the wrong shape. Unknown keys and absent keys are left to their own rules. */
export function shapeErrors(value: unknown): ShapeError[] {
  const check = validator();
  if (check(value)) return [];
  const byPath = new Map<string, ShapeError>();
  for (const error of check.errors ?? []) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'required') continue;
    const shape = toShapeError(error);
    if (!shape) continue;
    const key = JSON.stringify([shape.path, shape.badKey ?? null]);
    if (!byPath.has(key)) byPath.set(key, shape);
  }
  // An error inside a value that is itself wrong says nothing more: keep the outermost.
  const all = [...byPath.values()];
  return all.filter(
    (e) =>
      !all.some(
        (o) => o !== e && !o.badKey && o.path.length < e.path.length && o.path.every((s, i) => s === e.path[i]),
      ),
  );
}

function toShapeError(error: ErrorObject): ShapeError | undefined {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (error.keyword === 'propertyNames') {
    const badKey = (error.params as { propertyName?: string }).propertyName;
    return badKey === undefined ? undefined : { path, badKey };
  }
  // `enum` errors under propertyNames repeat the propertyNames error with an empty extra path.
  if (error.propertyName !== undefined) return undefined;
  return { path };
}
