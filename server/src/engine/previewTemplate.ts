/**
 * The training-content summary laid out as the Commission's template (AI Act Art. 53(1)(d)): the header and
 * Sections 1-3, every template item once in the template's order, each with the keys of
 * `training_content_summary` that answer it. Keys outside the template (where the summary is published, what
 * a legacy model cannot retrieve) come apart as `extra`. For the public summary export.
 */
import type { PreviewField, PreviewState, PreviewTemplate, PreviewTemplateItem } from '../../../shared/types';
import {
  childSpecs,
  entry,
  getTemplateItem,
  KEYS,
  keySpecAt,
  summaryTemplate,
  summaryTemplateItems,
  type KeySpec,
  type PathSegment,
} from './catalogue';
import type { GpaiDocument } from './document';
import { fileModel } from './model';
import { sectionUnconfirmed } from './previewChecks';

/** Builds one field of the preview model (preview.ts), so that values are shaped as everywhere else. */
export type FieldOf = (spec: KeySpec, path: readonly PathSegment[]) => PreviewField;

const OPEN: ReadonlySet<PreviewState> = new Set<PreviewState>(['missing', 'placeholder', 'incomplete']);

export function templateModel(doc: GpaiDocument, fieldOf: FieldOf): PreviewTemplate {
  const root = KEYS.training_content_summary.path;
  const answers = new Map<string, PreviewField[]>();
  const within = new Map<string, string>();
  const extra: PreviewField[] = [];
  const visit = (spec: KeySpec, path: readonly PathSegment[]) => {
    if (entry(spec.id)?.kind === 'summary-section') {
      for (const child of childSpecs(spec)) visit(child, [...path, child.key]);
      return;
    }
    const item = getTemplateItem(spec.id);
    if (item) for (const nested of nestedItems(spec)) if (!within.has(nested)) within.set(nested, item.number);
    if (!fileModel(doc).has(path)) return;
    if (item) answers.set(item.id, [...(answers.get(item.id) ?? []), fieldOf(spec, path)]);
    else extra.push(fieldOf(spec, path));
  };
  for (const child of childSpecs(keySpecAt(root))) visit(child, [...root, child.key]);
  const items = summaryTemplateItems.map((t): PreviewTemplateItem => {
    const fields = answers.get(t.id) ?? [];
    const answeredWith = fields.length ? undefined : within.get(t.id);
    const unconfirmed = sectionUnconfirmed(t);
    const { state, reason } = answeredWith
      ? { state: 'written' as const, reason: `given with ${answeredWith}` }
      : stateOf(fields, Boolean(t.optional));
    return {
      id: t.id,
      number: t.number,
      label: t.label,
      optional: Boolean(t.optional),
      state,
      reason,
      fields,
      ...(answeredWith ? { answeredWith } : {}),
      ...(unconfirmed ? { unconfirmed } : {}),
    };
  });
  return {
    title: summaryTemplate.title,
    instrument: summaryTemplate.instrument,
    sections: summaryTemplate.sections.map((s) => ({
      number: s.number,
      title: s.title,
      items: items.filter((i) => summaryTemplateItems.find((t) => t.id === i.id)!.section === s.number),
    })),
    extra,
  };
}

/** Template items answered by keys inside `spec` (per-modality size and content types inside 1.3.a). */
function nestedItems(spec: KeySpec): string[] {
  const inner = [...(spec.children ?? []), ...(spec.entry ? [spec.entry, ...(spec.entry.children ?? [])] : [])];
  return inner.filter((c) => c.id !== spec.id && getTemplateItem(c.id)).map((c) => c.id);
}

function stateOf(fields: readonly PreviewField[], optional: boolean): { state: PreviewState; reason: string } {
  if (!fields.length)
    return optional ? { state: 'optional', reason: 'optional' } : { state: 'missing', reason: 'not in the file' };
  const open = fields.find((f) => OPEN.has(f.state));
  if (open) return { state: open.state, reason: `${open.label}: ${open.state}` };
  return fields.every((f) => f.state === 'n/a') ? { state: 'n/a', reason: '' } : { state: 'written', reason: '' };
}
