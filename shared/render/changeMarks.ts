/**
 * The preview's "Changes since <version>": what changed from an earlier version, marked on the form itself. Each
 * changed row gets a mark (its kind and the value it had), a banner above the form counts the changes for the
 * audience shown and lists those that are no row of the form (the file's history, its classification). Pure:
 * the engine's DocumentChanges in, HTML out; every value from a document is escaped.
 */
import type { DocumentChanges, FieldChange, ItemChange } from '../changes';
import {
  countsLine,
  itemHeading,
  KIND_LABELS,
  readerPhrase,
  sameVersionNote,
  sincePhrase,
  sinceVersion,
} from './changeWords';
import { escapeHtml } from './escape';

/** The changes the preview marks, and where the earlier version was read: `HEAD`, a tag, a file. */
export interface ChangeView {
  readonly changes: DocumentChanges;
  readonly source: string;
}

/** The changes by item id, and how the marks name the earlier version (`v2.1`). */
export interface ChangeIndex {
  readonly view: ChangeView;
  readonly since: string;
  readonly byId: ReadonlyMap<string, ItemChange>;
}

export function indexChanges(view: ChangeView): ChangeIndex {
  const byId = new Map<string, ItemChange>();
  for (const group of view.changes.groups) for (const item of group.items) byId.set(item.id, item);
  return { view, since: sinceVersion(view.changes.old, view.source), byId };
}

/** The classes a changed row adds: ` changed change-<kind>`; nothing for a row that did not change. */
export function changeClass(index: ChangeIndex | undefined, id: string): string {
  const item = index?.byId.get(id);
  return item ? ` changed change-${item.kind}` : '';
}

/** A row's mark, placed under its answer; empty for a row that did not change. */
export function rowMarkHtml(index: ChangeIndex | undefined, id: string): string {
  const item = index?.byId.get(id);
  return item ? changeMarkHtml(item, index!.since) : '';
}

/** "Changed since v2.1", then what each changed value was. */
export function changeMarkHtml(item: ItemChange, since: string): string {
  const lines = item.changes.map(fieldLine).filter(Boolean);
  return `<div class="change-mark change-${item.kind}" role="note"><p class="change-head"><span class="badge badge-change-${item.kind}">${KIND_LABELS[item.kind]}</span><span class="reason">since ${escapeHtml(since)}</span></p>${lines.length ? `<ul class="change-was">${lines.join('')}</ul>` : ''}</div>`;
}

/**
 * One changed value: what it was (a removed or changed value, a rewording), or what was added to a list or
 * block. A value the row now shows, added where there was none, is said to have been empty before.
 */
function fieldLine(change: FieldChange): string {
  const name = change.field ? `${escapeHtml(change.field)}, ` : '';
  const label = (text: string) => `<span class="change-label">${name ? name + text.toLowerCase() : text}</span> `;
  const old = `<del class="value">${escapeHtml(change.old ?? '')}</del>`;
  switch (change.kind) {
    case 'added':
      return change.field
        ? `<li>${label('Added:')}<ins class="value">${escapeHtml(change.new ?? '')}</ins></li>`
        : `<li>${label('Before:')}<span class="empty">not written</span></li>`;
    case 'removed':
      return `<li>${label('Removed, was:')}${old}</li>`;
    case 'changed':
      return `<li>${label('Before:')}${old}</li>`;
    case 'reworded':
      return oneLine(change.old) === oneLine(change.new)
        ? `<li>${label('Reworded:')}<span class="reason">only the layout of the text changed</span></li>`
        : `<li>${label('Before (same meaning):')}${old}</li>`;
  }
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Above the form: whose changes since which version, how many of each kind, the items marked below (in the
 * webview, buttons that scroll to them), a warning when both versions carry one number, and the changes that
 * are no row shown (`shown` says which are marked on a row or section). `interactive`: the webview's buttons.
 */
export function changesBannerHtml(
  index: ChangeIndex,
  shown: (item: ItemChange) => boolean,
  interactive: boolean,
): string {
  const { changes, source } = index.view;
  const counts = countsLine(changes);
  const title = `Changes for ${escapeHtml(readerPhrase(changes))} since ${escapeHtml(sincePhrase(changes.old, source))}`;
  const note = sameVersionNote(changes);
  const items = changes.groups.flatMap((g) => g.items);
  const marked = items.filter(shown);
  const elsewhere = items.filter((i) => !shown(i));
  const chips = marked.length
    ? `<p class="change-chips">${marked.map((i) => chipHtml(i, interactive)).join(' ')}</p>`
    : '';
  const rest = elsewhere.length
    ? `<div class="changes-elsewhere"><p class="reason">Also changed, outside the rows below:</p><ul>${elsewhere
        .map((i) => `<li><strong>${escapeHtml(itemHeading(i))}</strong>${changeMarkHtml(i, index.since)}</li>`)
        .join('')}</ul></div>`
    : '';
  const button = interactive
    ? '<p class="changes-actions"><button type="button" class="quick-fix" data-action="export-changes" title="Write what changed for this audience as a change notice to send (HTML, Markdown, PDF or DOCX)">Export change notice…</button></p>'
    : '';
  return `<section class="changes-banner" aria-label="${escapeHtml(`Changes since ${index.since}`)}">
<p class="changes-title"><strong>${title}</strong>: ${escapeHtml(lowerFirst(counts))}</p>
${chips}${note ? `<p class="same-version" role="note">${escapeHtml(note)}</p>` : ''}${rest}${button}
</section>`;
}

/** An item marked below, by its short reference; in the webview a button that scrolls to its row. */
function chipHtml(item: ItemChange, interactive: boolean): string {
  const cls = `change-chip change-${item.kind}`;
  const title = escapeHtml(`${KIND_LABELS[item.kind]}: ${itemHeading(item)}`);
  // A reference without a number ("Form header") names no one row: the label does.
  const ref = escapeHtml(/\d/.test(item.ref) ? item.ref : item.label);
  if (!interactive) return `<span class="${cls}" title="${title}">${ref}</span>`;
  // The training-content summary is one section of the preview, not a row per item.
  const target = item.published ? SUMMARY_SECTION : item.id;
  return `<button type="button" class="${cls}" data-action="go" data-go="${escapeHtml(target)}" title="${title}">${ref}</button>`;
}

/** The id of the preview's training-content summary section (render.ts). */
export const SUMMARY_SECTION = 'training-content-summary';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
