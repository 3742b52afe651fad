/**
 * Which keys this model's documentation must contain, given its applicability: the completeness walk that
 * the missing-item rule reports and the coverage model counts. A key is required, optional, or not
 * applicable with a reason.
 */
import { isMap, isScalar } from 'yaml';
import type { KeySpec, PathSegment } from './catalogue';
import { notApplicable } from './applicability';
import { nodeAt, scalarText, type GpaiDocument } from './document';

export type Requirement =
  | { readonly kind: 'required' }
  | { readonly kind: 'optional' }
  | { readonly kind: 'not-applicable'; readonly reason: string };

const REQUIRED: Requirement = { kind: 'required' };
const OPTIONAL: Requirement = { kind: 'optional' };

/** Whether the key `spec` at `path` must be written in this document. */
export function requirement(doc: GpaiDocument, spec: KeySpec, path: readonly PathSegment[]): Requirement {
  const na = notApplicable(doc, spec.id);
  if (na) return { kind: 'not-applicable', reason: na.reason };
  if (spec.optional) return OPTIONAL;
  const answer = answerStatusAbove(doc, path);
  if (answer === 'not_applicable' && spec.key !== 'status' && spec.key !== 'reason') {
    return { kind: 'not-applicable', reason: 'the measure is marked not_applicable' };
  }
  if (answer === 'not_applicable' && spec.key === 'reason') return REQUIRED;
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
  const parent = path.slice(0, -1);
  const map = nodeAt(doc, parent);
  if (!isMap(map)) return undefined;
  return scalarText(doc, nodeAt(doc, [...parent, 'status']))?.trim();
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
  const out: MissingKey[] = [];
  const present = parent.length === 0 ? doc.root : nodeAt(doc, parent);
  for (const spec of specs) {
    const path = [...parent, spec.key];
    if (requirement(doc, spec, path).kind !== 'required') continue;
    const hasKey =
      isMap(present) && present.items.some((p) => (p.key as { value?: unknown } | null)?.value === spec.key);
    if (!hasKey) {
      out.push({ spec, path, parent });
      continue;
    }
    const value = nodeAt(doc, path);
    if (
      spec.type === 'map' &&
      spec.children &&
      (value === undefined || isMap(value) || (isScalar(value) && value.value === null))
    ) {
      out.push(...missingKeys(doc, spec.children, path));
    } else if (spec.type === 'list' && spec.children) {
      const list = value as { items?: unknown[] } | undefined;
      (list?.items ?? []).forEach((entry, i) => {
        if (isMap(entry)) out.push(...missingKeys(doc, spec.children!, [...path, i]));
      });
    }
  }
  return out;
}
