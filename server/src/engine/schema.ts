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

/** A place whose value has the wrong shape, as a JSON pointer (`/model_properties/input_modalities/3`). */
export interface ShapeError {
  readonly pointer: string;
  /** For a key that a keyed map does not allow (e.g. a modality that does not exist): the key. */
  readonly badKey?: string;
}

/** What the shape check did, for tests that check it grows linearly. */
export interface ShapeWork {
  /** Look-ups of a pointer among those of the wrong values. */
  lookups: number;
}

/**
 * Places whose value has the wrong shape. Unknown keys and absent keys are left to their own rules.
 * Linear in the number of errors: a list of 100,000 wrong entries gives 100,000 errors, each handled in a
 * few look-ups.
 */
export function shapeErrors(value: unknown, work?: ShapeWork): ShapeError[] {
  const check = validator();
  if (check(value)) return [];
  const wrongValues = new Set<string>();
  const wrongKeys = new Map<string, Set<string>>();
  const errors: ShapeError[] = [];
  for (const error of check.errors ?? []) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'required') continue;
    const found = pointed(error);
    if (!found) continue;
    if (found.badKey === undefined) {
      if (wrongValues.has(found.pointer)) continue;
      wrongValues.add(found.pointer);
    } else {
      const keys = wrongKeys.get(found.pointer) ?? new Set<string>();
      wrongKeys.set(found.pointer, keys);
      if (keys.has(found.badKey)) continue;
      keys.add(found.badKey);
    }
    errors.push(found);
  }
  return outermost(errors, work);
}

/**
 * The errors not inside a value that is itself wrong (such an error says nothing more). Each error looks
 * up its parent's pointer, and each parent its own parent's, once: the work grows with the number of errors
 * (100,000 wrong entries of a list, each compared with every other, took over a minute).
 */
export function outermost<T extends ShapeError>(errors: readonly T[], work?: ShapeWork): T[] {
  const wrong = new Set<string>();
  for (const e of errors) if (!e.badKey) wrong.add(e.pointer);
  // Whether a pointer is a wrong value or inside one, by pointer.
  const inWrong = new Map<string, boolean>();
  let lookups = 0;
  const within = (pointer: string): boolean => {
    const known = inWrong.get(pointer);
    if (known !== undefined) return known;
    lookups++;
    const answer = wrong.has(pointer) || (pointer !== '' && within(parentPointer(pointer)));
    inWrong.set(pointer, answer);
    return answer;
  };
  // Entries of one list come in a run: their parent is looked up once for the run.
  let run: { readonly parent: string; readonly within: boolean } | undefined;
  const kept = errors.filter((e) => {
    lookups++;
    if (e.pointer === '') return true;
    const slash = e.pointer.lastIndexOf('/');
    if (run && slash === run.parent.length && e.pointer.startsWith(run.parent)) return !run.within;
    const parent = e.pointer.slice(0, slash);
    run = { parent, within: within(parent) };
    return !run.within;
  });
  if (work) work.lookups += lookups;
  return kept;
}

function pointed(error: ErrorObject): ShapeError | undefined {
  if (error.keyword === 'propertyNames') {
    const badKey = (error.params as { propertyName?: string }).propertyName;
    return badKey === undefined ? undefined : { pointer: error.instancePath, badKey };
  }
  // `enum` errors under propertyNames repeat the propertyNames error with an empty extra path.
  if (error.propertyName !== undefined) return undefined;
  return { pointer: error.instancePath };
}

/** `/a/b` for `/a/b/3`; `''` (the whole document) for `/a`. */
export function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** A pointer's last segment as written in the document: `b/c` for `/a/b~1c`. */
export function lastSegment(pointer: string): string {
  return unescaped(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** A segment of a pointer as written in the document: `b/c` for `b~1c`. */
export function unescaped(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** A pointer as a path of keys and list indexes: `['a', 'b/c', 3]` for `/a/b~1c/3`. */
export function pathOf(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const last = lastSegment(pointer);
  return [...pathOf(parentPointer(pointer)), /^\d+$/.test(last) ? Number(last) : last];
}
