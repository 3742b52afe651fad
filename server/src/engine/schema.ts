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
export function shapeErrors(value: unknown, work?: ShapeWork): ShapeError[] {
  const check = validator();
  if (check(value)) return [];
  const seen = new Set<string>();
  const errors: PointedError[] = [];
  for (const error of check.errors ?? []) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'required') continue;
    const found = pointed(error);
    if (!found) continue;
    const key = found.badKey === undefined ? `v${found.pointer}` : `k${JSON.stringify([found.pointer, found.badKey])}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(found);
  }
  return outermost(errors, work).map(({ pointer, badKey }) =>
    badKey === undefined ? { path: toPath(pointer) } : { path: toPath(pointer), badKey },
  );
}

/** What the shape check did, for tests that check it grows linearly: set lookups of path prefixes. */
export interface ShapeWork {
  lookups: number;
}

/** An error at a JSON pointer (ajv's `instancePath`, e.g. `/model_properties/input_modalities/3`). */
export interface PointedError {
  readonly pointer: string;
  readonly badKey?: string;
}

/**
 * The errors not inside a value that is itself wrong (such an error says nothing more), in one pass: each
 * error looks up the pointers above it (at each "/") among those of the wrong values, so the work grows with
 * the number of errors times their depth, not with its square (100,000 wrong entries of a list, each
 * compared with every other, took over a minute).
 */
export function outermost<T extends PointedError>(errors: readonly T[], work?: ShapeWork): T[] {
  const wrong = new Set<string>();
  for (const e of errors) if (!e.badKey) wrong.add(e.pointer);
  let lookups = 0;
  const kept = errors.filter((e) => {
    for (let slash = e.pointer.indexOf('/'); slash >= 0; slash = e.pointer.indexOf('/', slash + 1)) {
      lookups++;
      if (wrong.has(e.pointer.slice(0, slash))) return false;
    }
    return true;
  });
  if (work) work.lookups += lookups;
  return kept;
}

function pointed(error: ErrorObject): PointedError | undefined {
  if (error.keyword === 'propertyNames') {
    const badKey = (error.params as { propertyName?: string }).propertyName;
    return badKey === undefined ? undefined : { pointer: error.instancePath, badKey };
  }
  // `enum` errors under propertyNames repeat the propertyNames error with an empty extra path.
  if (error.propertyName !== undefined) return undefined;
  return { pointer: error.instancePath };
}

/** `/a/b~1c/3` as `['a', 'b/c', 3]`. */
function toPath(pointer: string): PathSegment[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (s.includes('~') ? s.replace(/~1/g, '/').replace(/~0/g, '~') : s))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
