/**
 * `gpai-docs diff` as text for a terminal or a CI log: both versions, the counts, then each group, item and
 * changed value, one value a line (line breaks as spaces). output.ts escapes what it prints.
 */
import type { DocumentChanges, FieldChange, ItemChange } from '../shared/changes';
import {
  countsLine,
  itemHeading,
  KIND_LABELS,
  noticeIntro,
  oneLine,
  recipientsOf,
  rewordedVisibly,
  sameVersionNote,
} from '../shared/render/changeWords';

/** Values up to this long are shown on the line of their field: `Status: changed: implemented → in_progress`. */
const SHORT = 60;

export function formatChanges(
  changes: DocumentChanges,
  sources: { readonly old: string; readonly new: string },
): string[] {
  const out = [noticeIntro(changes), `  before: ${sources.old}`, `  now:    ${sources.new}`];
  const note = sameVersionNote(changes);
  if (note) out.push(`Note: ${note}`);
  out.push(countsLine(changes));
  for (const group of changes.groups) {
    out.push(
      '',
      group.chapter && !group.title.includes(group.chapter) ? `${group.title} (${group.chapter})` : group.title,
    );
    for (const item of group.items) out.push(...itemLines(item));
  }
  return out;
}

function itemLines(item: ItemChange): string[] {
  const out = [`  ${itemHeading(item)}: ${KIND_LABELS[item.kind].toLowerCase()} [${recipientsOf(item)}]`];
  for (const change of item.changes) out.push(...fieldLines(change));
  return out;
}

function fieldLines(change: FieldChange): string[] {
  const kind = KIND_LABELS[change.kind].toLowerCase();
  const before = change.old === undefined ? undefined : oneLine(change.old);
  const now = change.new === undefined ? undefined : oneLine(change.new);
  // The item's own value has no field name: its kind is on the item's line.
  const heading = change.field ? `    ${change.field} (${kind})` : '   ';
  const lead = change.field ? `${heading}:` : heading;
  if (change.kind === 'reworded' && !rewordedVisibly(change)) return [`${lead} ${now} (only the layout changed)`];
  if (before !== undefined && now !== undefined) {
    if (before.length <= SHORT && now.length <= SHORT) return [`${lead} ${before} → ${now}`];
    return [...(change.field ? [heading] : []), `      - ${before}`, `      + ${now}`];
  }
  return [`${lead} ${now ?? before}`];
}
