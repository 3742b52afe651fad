/**
 * The diff's field changes gathered for people: one item per form item, measure answer, part of the
 * training-content summary or field of the file, named and labelled by the catalogue, with who receives it;
 * items grouped by the form's sections, the Code's commitments and the summary's sections, in the form's order.
 */
import type {
  ChangeAudience,
  ChangeGroup,
  ChangeKind,
  DocumentChanges,
  FieldChange,
  ItemChange,
  VersionInfo,
} from '../../../shared/changes';
import {
  chapterOf,
  chapters,
  entry,
  formHeader,
  formItems,
  formSections,
  getChapter,
  getCommitment,
  getValueSet,
  itemLabel,
  KEYS,
  keyPathsFor,
  keySpecAt,
  ref,
  summaryTemplate,
  titleOf,
  type Audience,
  type Entry,
  type PathSegment,
} from './catalogue';
import type { FoundChange } from './diff';

const DOCUMENT = KEYS.document.path[0];
const SUMMARY = KEYS.training_content_summary.path[0];

export function diffGroups(found: readonly FoundChange[], before: VersionInfo, after: VersionInfo): DocumentChanges {
  const items = new Map<
    string,
    { group: string; item: Omit<ItemChange, 'kind' | 'changes'>; changes: FieldChange[] }
  >();
  for (const f of found) {
    let item = items.get(f.id);
    if (!item) {
      item = { group: groupOf(f.id, f.path), item: describe(f.id, f.path), changes: [] };
      items.set(f.id, item);
    }
    item.changes.push({ ...f.change, field: f.field ?? fieldName(f.id, f.path) });
  }
  const groups = new Map<string, ItemChange[]>();
  for (const { group, item, changes } of items.values()) {
    const list = groups.get(group) ?? [];
    list.push({ ...item, kind: kindOf(changes), changes });
    groups.set(group, list);
  }
  const result = [...groups.entries()]
    .map(([id, list]) => makeGroup(id, inFormOrder(list)))
    .sort((a, b) => groupRank(a.id) - groupRank(b.id));
  return { old: before, new: after, audience: 'all', groups: result, counts: countItems(result) };
}

/** Only what one recipient receives: the items sent to it, and the groups left with any. */
export function forAudience(changes: DocumentChanges, audience: ChangeAudience): DocumentChanges {
  if (audience === 'all') return changes;
  const groups = changes.groups
    .map((g) => ({ ...g, items: g.items.filter((i) => i.recipients.includes(audience)) }))
    .filter((g) => g.items.length > 0);
  return { ...changes, audience, groups, counts: countItems(groups) };
}

function countItems(groups: readonly ChangeGroup[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0, reworded: 0 };
  for (const g of groups) for (const i of g.items) counts[i.kind]++;
  return counts;
}

function kindOf(changes: readonly FieldChange[]): ChangeKind {
  const [first] = changes;
  return changes.every((c) => c.kind === first.kind) ? first.kind : 'changed';
}

// ---- Items ------------------------------------------------------------------------------------------------

function describe(id: string, path: readonly PathSegment[]): Omit<ItemChange, 'kind' | 'changes'> {
  const e = entry(id);
  const published = path[0] === SUMMARY;
  return {
    id,
    ref: ref(id),
    label: e ? labelOf(e) : id,
    recipients: recipientsOf(e, path),
    ...(published ? { published } : {}),
  };
}

function labelOf(e: Entry): string {
  return e.kind === 'form-item' ? itemLabel(e) : titleOf(e);
}

/** The form's ticks for a form item; for anything in a chapter that has recipients (its answers), those. */
function recipientsOf(e: Entry | undefined, path: readonly PathSegment[]): readonly Audience[] {
  if (e?.kind === 'form-item') return e.recipients;
  const chapter = getChapter(chapterOf(e?.kind === 'measure' ? e.id : keySpecAt(path.slice(0, 1))?.id) ?? '');
  return chapter?.recipients ?? [];
}

/**
 * The part of the item that changed, in words: the path below the item's own key (with that key when the item
 * has several, as form 1.2 has the model's name and versions), list entries counted from 1, a modality by its
 * label. Empty for the item's own value.
 */
function fieldName(id: string, path: readonly PathSegment[]): string {
  const roots = keyPathsFor(id);
  const root = roots.find((r) => r.length <= path.length && r.every((seg, i) => seg === path[i]));
  const from = root ? root.length - (roots.length > 1 ? 1 : 0) : path.length - 1;
  const parts: string[] = [];
  for (let k = from; k < path.length; k++) {
    const seg = path[k];
    const parent = keySpecAt(path.slice(0, k));
    if (typeof seg === 'number') parts.push(`entry ${seg + 1}`);
    else if (parent?.type === 'keyed-map' && parent.values)
      parts.push(getValueSet(parent.values).options.find((o) => o.value === seg)?.label ?? seg);
    else parts.push(seg.replace(/_/g, ' '));
  }
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const formOrder = new Map(formItems.map((item, i) => [item.id, i]));

/** A section's items in the form's numbering (the walk meets 6.5 before 6.4); other groups in the file's order. */
function inFormOrder(items: ItemChange[]): ItemChange[] {
  if (!items.every((i) => formOrder.has(i.id))) return items;
  return items.sort((a, b) => formOrder.get(a.id)! - formOrder.get(b.id)!);
}

// ---- Groups -----------------------------------------------------------------------------------------------

/**
 * The group of a change: the form's header for the `document` block, a form item's section, a summary item's
 * section (the summary's header for its own fields), a measure's commitment, else the top-level block's entry.
 */
function groupOf(id: string, path: readonly PathSegment[]): string {
  if (path[0] === DOCUMENT) return formHeader.id;
  const e = entry(id);
  switch (e?.kind) {
    case 'form-item':
      return (formSections.find((s) => s.number === e.section) ?? formHeader).id;
    case 'summary-item':
      return summaryTemplate.sections[e.section].id;
    case 'measure':
      return e.commitment;
  }
  if (path[0] === SUMMARY) return summaryTemplate.sections[0].id;
  return keySpecAt(path.slice(0, 1))?.id ?? id;
}

function makeGroup(id: string, items: ItemChange[]): ChangeGroup {
  const e = entry(id);
  const chapter = chapterTitle(e);
  let title: string;
  switch (e?.kind) {
    case 'form-section':
      title = e.number === 0 ? e.title : `${ref(id)}: ${e.title}`;
      break;
    case 'commitment':
    case 'summary-section':
      title = `${ref(id)}: ${e.title}`;
      break;
    default:
      title = e ? titleOf(e) : id;
  }
  return { id, title, ...(chapter ? { chapter } : {}), items };
}

function chapterTitle(e: Entry | undefined): string | undefined {
  switch (e?.kind) {
    case 'form-section':
    case 'commitment':
      return getChapter(chapterOf(e.id) ?? '')?.title;
    case 'summary-section': {
      const summary = entry(KEYS.training_content_summary.id);
      return summary ? titleOf(summary) : undefined;
    }
    default:
      return undefined;
  }
}

/** The form's order: its header and the file's classification, Sections 1-8, the chapters, the summary. */
function groupRank(id: string): number {
  const e = entry(id);
  switch (e?.kind) {
    case 'form-section':
      return e.number === 0 ? 0 : 10 + e.number;
    case 'commitment':
      return 100 + chapters.findIndex((c) => c.id === e.chapter) * 100 + Number(getCommitment(id)?.number ?? 0);
    case 'summary-section':
      return 500 + e.number;
    default:
      return 5;
  }
}
