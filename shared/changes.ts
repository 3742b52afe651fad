/**
 * What changed between two versions of a documentation file, as the engine's diff (server/src/engine/diff.ts)
 * reports it to the CLI, the preview and the rules: item by item, grouped by the form's sections and the Code's
 * chapters, each with the values as written on both sides and who receives the item. Types only.
 */
import type { Audience } from './types';

/**
 * `reworded`: written differently with the same meaning (`1.0e25` and `1.0×10^25`, prose reflowed, `N/A` and
 * `n/a`, an option's label for its value). Formatting, comments and key order are no change at all.
 */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'reworded';

export const CHANGE_KINDS: readonly ChangeKind[] = ['changed', 'added', 'removed', 'reworded'];

/** One value of an item that changed: a key, an entry of a list, an entry of a keyed map. */
export interface FieldChange {
  readonly kind: ChangeKind;
  /** Which part of the item, in words ("Model versions, entry 3", "Status", "Text"); empty for the item's own value. */
  readonly field: string;
  /** The old value as written; absent when added. A list entry or block is written `key: value; key: value`. */
  readonly old?: string;
  /** The new value as written; absent when removed. */
  readonly new?: string;
  /** Where the value is: in the new version, or in the old one when it was removed. */
  readonly path: readonly (string | number)[];
  /** Its 0-based line in the new version, unless removed. */
  readonly line?: number;
  /** Its 0-based line in the old version, unless added. */
  readonly oldLine?: number;
}

/** A form item, a measure's answer, a part of the training-content summary or a field of the file that changed. */
export interface ItemChange {
  /** Catalogue id: `form/2.9`, `copyright/1.3`, `tcs/2.3`, `format/history`. */
  readonly id: string;
  /** `added` or `removed` when every value is, `reworded` when every value only is; otherwise `changed`. */
  readonly kind: ChangeKind;
  /** The short reference: "Form 2.9", "Copyright Measure 1.3", "Training-content summary 2.3". */
  readonly ref: string;
  /** The form's label or the measure's official title. */
  readonly label: string;
  /** Who receives the item: the form's ticks, or the chapter's recipients for a measure. Empty: none is sent it. */
  readonly recipients: readonly Audience[];
  /** Part of the public summary of training content: published for everyone rather than sent. */
  readonly published?: boolean;
  readonly changes: readonly FieldChange[];
}

/** A section of the form, a commitment of the Code, a section of the training-content summary, or a block of the file. */
export interface ChangeGroup {
  /** `form/section-2`, `form/header`, `copyright/1`, `tcs/section-2`, `format/classification`. */
  readonly id: string;
  /** "Section 2: Model properties", "Copyright Commitment 1: Copyright policy". */
  readonly title: string;
  /** The Code chapter it belongs to, by title, if any. */
  readonly chapter?: string;
  readonly items: readonly ItemChange[];
}

/** What each version says about itself. */
export interface VersionInfo {
  /** `document.version` as written. */
  readonly version?: string;
  /** `document.last_updated` as written. */
  readonly lastUpdated?: string;
  readonly model?: string;
  readonly provider?: string;
}

/** Who a list of changes is for: everyone, or what one recipient of the form receives. */
export type ChangeAudience = 'all' | Audience;

export interface DocumentChanges {
  readonly old: VersionInfo;
  readonly new: VersionInfo;
  readonly audience: ChangeAudience;
  /** In the form's order: the header, Sections 1-8, the chapters, the training-content summary. */
  readonly groups: readonly ChangeGroup[];
  /** Items by kind. */
  readonly counts: Readonly<Record<ChangeKind, number>>;
}
