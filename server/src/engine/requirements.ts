/**
 * Which keys this model's documentation must contain, given its applicability: the completeness walk that
 * the missing-item rule reports and the coverage model counts. A key is required, optional, or not
 * applicable with a reason.
 */
import { isMap, isScalar } from 'yaml';
import { findOption, type KeySpec, type PathSegment } from './catalogue';
import { notApplicable } from './applicability';
import { memo, type GpaiDocument } from './document';
import { fileModel } from './model';

export type Requirement =
  | { readonly kind: 'required' }
  | { readonly kind: 'optional' }
  | { readonly kind: 'not-applicable'; readonly reason: string };

const REQUIRED: Requirement = { kind: 'required' };
const OPTIONAL: Requirement = { kind: 'optional' };

/** Whether the key `spec` at `path` must be written in this document; once per key and version. */
export function requirement(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): Requirement {
  const cache = memo(doc, 'requirements', () => new Map<string, Requirement>());
  // Joined, not JSON.stringify-ed: this runs for every key of every check and coverage walk.
  const key = `${path.join('\u0001')}\u0000${spec.id}`;
  let found = cache.get(key);
  if (!found) {
    found = decide(doc, spec, path);
    cache.set(key, found);
  }
  return found;
}

function decide(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): Requirement {
  const na = notApplicable(doc, spec.id, { spec, path });
  if (na) return { kind: 'not-applicable', reason: na.reason };
  if (spec.optional) return spec.requiredWhen ? REQUIRED : OPTIONAL;
  const answer = answerStatusAbove(doc, path);
  if (answer === 'not_applicable' && spec.key !== 'status' && spec.key !== 'reason') {
    return { kind: 'not-applicable', reason: 'the measure is marked not_applicable' };
  }
  if (answer === 'not_applicable' && spec.key === 'reason') return REQUIRED;
  if (spec.onceDone && answer && findOption('measure-status', answer)?.unfinished) return OPTIONAL;
  if (
    spec.type === 'map' &&
    spec.children &&
    !spec.children.some((c) => requirement(doc, c, [...path, c.key]).kind === 'required')
  ) {
    return OPTIONAL;
  }
  return REQUIRED;
}

/** The status written in the measure answer that contains `path`, if any. */
function answerStatusAbove(doc: GpaiDocument, path: readonly PathSegment[]): string | undefined {
  if (path.length < 2) return undefined;
  const model = fileModel(doc);
  const parent = model.at(path.slice(0, -1));
  if (!parent || !isMap(parent.node)) return undefined;
  return model.child(parent, 'status')?.text?.trim();
}

export interface MissingKey {
  readonly spec: KeySpec;
  /** Path of the absent key. */
  readonly path: readonly PathSegment[];
  /** Path of the map it belongs in (present, possibly empty), or the outermost absent ancestor's parent. */
  readonly parent: readonly PathSegment[];
}

/**
 * Required keys that are absent. An absent map is reported once, not key by key; an empty map (`data:`)
 * reports each of its required keys. List entries that are maps report their own missing fields.
 */
export function missingKeys(
  doc: GpaiDocument,
  specs: readonly KeySpec[],
  parent: readonly PathSegment[] = [],
): MissingKey[] {
  const model = fileModel(doc);
  const out: MissingKey[] = [];
  const container = parent.length === 0 ? doc.root : model.at(parent)?.node;
  for (const spec of specs) {
    const path = [...parent, spec.key];
    if (requirement(doc, spec, path).kind !== 'required') continue;
    const written = isMap(container) && model.has(path);
    if (!written) {
      out.push({ spec, path, parent });
      continue;
    }
    const value = model.at(path)?.node;
    if (
      spec.type === 'map' &&
      spec.children &&
      (value === undefined || isMap(value) || (isScalar(value) && value.value === null))
    ) {
      out.push(...missingKeys(doc, spec.children, path));
    } else if (spec.type === 'list' && spec.children) {
      for (const entry of model.entries(path)) {
        if (isMap(entry.node)) out.push(...missingKeys(doc, spec.children, entry.path));
      }
    }
  }
  return out;
}
