/**
 * A change notice as an export tree (exportDocument.ts), for the PDF and DOCX writers that lay out the form:
 * the notice's title, both versions and the reader in the header rows, then one part per section or commitment
 * with each changed item, its kind, who receives it and each value before and now, as written. A notice whose
 * two versions carry one number is marked DRAFT, that number being its open item. Pure.
 */
import type { DocumentChanges, FieldChange, ItemChange } from '../changes';
import {
  countsLine,
  fieldHeading,
  KIND_LABELS,
  NOTICE_NOTE,
  noticeIntro,
  noticeTitle,
  oneLine,
  recipientsOf,
  rewordedVisibly,
  sameVersionNote,
  versionPhrase,
} from './changeWords';
import type { Block, ExportTree, Part, Row, Run } from './exportDocument';
import { AUDIENCE_LABELS } from './view';

export interface NoticeTreeOptions {
  /** Where each version was read: a file, or `<git-ref>:<path>`. */
  readonly sources?: { readonly old: string; readonly new: string };
  /** The date the notice states, e.g. `2025-11-01`. */
  readonly generatedOn?: string;
}

const para = (...runs: Run[]): Block => ({ kind: 'para', runs });

export function changeNoticeTree(changes: DocumentChanges, options: NoticeTreeOptions = {}): ExportTree {
  const { old, new: now } = changes;
  const model = now.model ?? old.model;
  const provider = now.provider ?? old.provider;
  const reader = AUDIENCE_LABELS[changes.audience].long;
  const { generatedOn, sources } = options;
  const note = sameVersionNote(changes);
  return {
    title: noticeTitle(changes),
    kicker: 'Change notice · Code of Practice for General-Purpose AI Models',
    subtitle: noticeIntro(changes),
    meta: [
      ['Model', model ?? '—'],
      ['Provider', provider ?? '—'],
      ['Before', versionPhrase(old)],
      ['Now', versionPhrase(now)],
      ['Prepared for', reader],
      ['Changes', countsLine(changes)],
      ...(generatedOn ? [['Date', generatedOn] as [string, string]] : []),
    ],
    runningHeader: [
      model ?? 'Unnamed model',
      'Change notice',
      `${old.version ?? 'no version'} to ${now.version ?? 'no version'}`,
      reader,
    ]
      .concat(generatedOn ? [generatedOn] : [])
      .join(' · '),
    ...(note ? { draft: 'Not ready to send: both versions carry the same version number.' } : {}),
    parts: changes.groups.length ? changes.groups.map(groupPart) : [noChanges(changes)],
    openItems: note ? [{ number: 'Form header', label: 'Document version number', reason: note }] : [],
    elsewhere: 0,
    catalogue: NOTICE_NOTE,
    footer: `Prepared with gpai-docs${generatedOn ? ` on ${generatedOn}` : ''}${sources ? ` by comparing ${sources.old} with ${sources.new}` : ''}.`,
  };
}

function noChanges(changes: DocumentChanges): Part {
  return { heading: 'No changes', layout: 'list', intro: [para({ text: countsLine(changes) })], rows: [] };
}

function groupPart(group: DocumentChanges['groups'][number]): Part {
  const chapter = group.chapter && !group.title.includes(group.chapter) ? ` (${group.chapter})` : '';
  return { heading: `${group.title}${chapter}`, layout: 'list', intro: [], rows: group.items.map(itemRow) };
}

function itemRow(item: ItemChange): Row {
  return {
    number: item.ref === item.label ? '' : item.ref,
    label: item.label,
    blocks: [
      para(
        { text: KIND_LABELS[item.kind].toUpperCase(), style: 'flag' },
        { text: `  For: ${recipientsOf(item)}`, style: 'muted' },
      ),
      { kind: 'fields', fields: item.changes.map((c) => ({ label: fieldHeading(c), blocks: fieldBlocks(c) })) },
    ],
  };
}

/** Before and now, each as written (paragraphs kept); a rewording of the layout alone says so. */
function fieldBlocks(change: FieldChange): Block[] {
  if (change.kind === 'reworded' && !rewordedVisibly(change))
    return [...valueBlocks('Now', change.new), para({ text: 'Only the layout of the text changed.', style: 'muted' })];
  return [...valueBlocks('Before', change.old), ...valueBlocks('Now', change.new)];
}

function valueBlocks(label: string, value: string | undefined): Block[] {
  if (value === undefined) return [];
  const [first = '', ...rest] = value.split(/\n\s*\n/).map(oneLine);
  return [para({ text: `${label}: `, style: 'muted' }, { text: first }), ...rest.map((p) => para({ text: p }))];
}
