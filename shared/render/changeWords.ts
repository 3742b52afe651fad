/**
 * The words of a change notice, shared by its text, Markdown and HTML renderings: the title, the sentence that
 * names both versions and the reader, the kinds of change, who receives an item. Pure string functions.
 */
import type { ChangeKind, DocumentChanges, FieldChange, ItemChange, VersionInfo } from '../changes';
import { CHANGE_KINDS } from '../changes';
import { AUDIENCE_LABELS, recipientsText } from './view';

export const KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
  reworded: 'Reworded',
};

/**
 * How a short label names the earlier version: `v2.1` for a version number, else where it was read
 * (`HEAD`, a tag, a file). "Changes since v2.1", "changed since v2.1".
 */
export function sinceVersion(old: VersionInfo, source: string): string {
  const version = old.version?.trim();
  if (!version) return source;
  return /^\d/.test(version) ? `v${version}` : version;
}

/** The earlier version in full, with where it was read: "version 2.1 of 2025-10-14 (HEAD)", "… (v2.1)" only once. */
export function sincePhrase(old: VersionInfo, source: string): string {
  if (!old.version && !old.lastUpdated) return source;
  const phrase = versionPhrase(old);
  // A tag named after the version (`v2.1` for 2.1) says nothing more.
  return source === sinceVersion(old, source) || source === old.version ? phrase : `${phrase} (${source})`;
}

/** The number of items a list of changes holds, whatever their kind. */
export function changedItems(changes: DocumentChanges): number {
  return CHANGE_KINDS.reduce((n, k) => n + changes.counts[k], 0);
}

/** What a change notice says about itself, after the date it was prepared. */
export const NOTICE_NOTE =
  'Item numbers and labels follow the Model Documentation Form of the Code of Practice for General-Purpose AI Models; formatting and comments are not changes, and a value written otherwise with the same meaning is marked reworded.';

/** "Changes to the documentation of Kestrel-13B". */
export function noticeTitle(changes: DocumentChanges): string {
  const model = changes.new.model ?? changes.old.model;
  return `Changes to the documentation of ${model ?? 'the model'}`;
}

/** "version 2.1 of 2025-10-14", "the version of 2025-10-14", "a version without number or date". */
export function versionPhrase(info: VersionInfo): string {
  if (info.version && info.lastUpdated) return `version ${info.version} of ${info.lastUpdated}`;
  if (info.version) return `version ${info.version}`;
  if (info.lastUpdated) return `the version of ${info.lastUpdated}`;
  return 'a version without number or date';
}

/** Who the notice is for, in a sentence: "downstream providers", "all recipients". */
export function readerPhrase(changes: DocumentChanges): string {
  return AUDIENCE_LABELS[changes.audience].phrase;
}

/**
 * The notice's first sentence: "What changed in the documentation of Kestrel-13B (Kestrel Language Systems SAS)
 * for downstream providers, from version 2.0 of 2025-09-02 to version 2.1 of 2025-10-14."
 */
export function noticeIntro(changes: DocumentChanges): string {
  const model = changes.new.model ?? changes.old.model;
  const provider = changes.new.provider ?? changes.old.provider;
  const what = model ? `the documentation of ${model}${provider ? ` (${provider})` : ''}` : 'the documentation';
  return `What changed in ${what} for ${readerPhrase(changes)}, from ${versionPhrase(changes.old)} to ${versionPhrase(changes.new)}.`;
}

/** "3 items changed, 1 added, 2 reworded", or that nothing changed for the reader. */
export function countsLine(changes: DocumentChanges): string {
  const parts = CHANGE_KINDS.filter((k) => changes.counts[k] > 0).map((k, i) => {
    const n = changes.counts[k];
    return i === 0 ? `${n} ${n === 1 ? 'item' : 'items'} ${k}` : `${n} ${k}`;
  });
  if (!parts.length) return `Nothing that ${readerPhrase(changes)} receive changed between these versions.`;
  return `${parts.join(', ')}.`;
}

/** A warning for the notice when the version number says nothing changed. */
export function sameVersionNote(changes: DocumentChanges): string | undefined {
  const { old, new: now } = changes;
  const any = CHANGE_KINDS.some((k) => k !== 'reworded' && changes.counts[k] > 0);
  if (!any || !now.version || old.version !== now.version) return undefined;
  return `Both versions carry the number ${now.version}: give the updated document a new version number before sending it.`;
}

/** "AIO, NCAs, DPs"; "Public" for the training-content summary; "Not sent" for the file's own fields. */
export function recipientsOf(item: ItemChange): string {
  if (item.published) return 'Public';
  return item.recipients.length ? recipientsText(item.recipients) : 'Not sent';
}

/** "Form 2.9 Total model size"; a field of the file is named once ("Earlier versions"). */
export function itemHeading(item: ItemChange): string {
  return item.ref === item.label ? item.label : `${item.ref} ${item.label}`;
}

/** A value on one line, for text and list items: spacing and line breaks as single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Entry 2 added", "Status changed", "Changed" (the item's own value). */
export function fieldHeading(change: FieldChange): string {
  const kind = KIND_LABELS[change.kind];
  return change.field ? `${change.field}: ${kind.toLowerCase()}` : kind;
}

/** Whether a rewording changed more than the layout of the text (line breaks, spacing). */
export function rewordedVisibly(change: FieldChange): boolean {
  return oneLine(change.old ?? '') !== oneLine(change.new ?? '');
}
