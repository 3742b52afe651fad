/**
 * How ids and entries are written for people, in one place: the short reference ("Form 2.9", "Copyright
 * Measure 1.3", "Section 6", "Art. 53(2)"), the citation with the label ("form 2.9 Total model size") and the
 * name with the official title in quotes ("Copyright Measure 1.3 “Identify and comply…”").
 */
import { entry as lookup } from './entries';
import type { Entry, FormItem } from './types';

/** The item's label with its qualifier, e.g. "Training time (AI Office)". */
export function itemLabel(item: FormItem): string {
  return item.qualifier ? `${item.label} (${item.qualifier})` : item.label;
}

/** The official title or label of an entry (a form item's without its qualifier; a provision's citation). */
export function titleOf(e: Entry): string {
  switch (e.kind) {
    case 'form-item':
    case 'summary-item':
      return e.label;
    case 'provision':
      return e.cite;
    default:
      return e.title;
  }
}

/** The chapter's title, for a measure or commitment. */
function chapterTitle(chapterId: string): string {
  const chapter = lookup(chapterId);
  return chapter?.kind === 'chapter' ? chapter.title : chapterId;
}

/** "Form 2.9", "Copyright Measure 1.3", "Safety and Security Commitment 9", "Section 6", "Art. 53(2)". */
export function ref(id: string): string {
  const e = lookup(id);
  if (!e) return id;
  switch (e.kind) {
    case 'measure':
      return `${chapterTitle(e.chapter)} Measure ${e.number}`;
    case 'commitment':
      return `${chapterTitle(e.chapter)} Commitment ${e.number}`;
    case 'form-item':
      // The header's fields have no number on the form: gpai-docs' D.1 and D.2 are ids, not what a writer knows.
      return e.section === 0 ? 'Form header' : `Form ${e.number}`;
    case 'form-section':
      return e.number === 0 ? 'Form header' : `Section ${e.number}`;
    case 'summary-item':
      return `Training-content summary ${e.number}`;
    case 'summary-section':
      return `Training-content summary, Section ${e.number}`;
    case 'chapter':
      return `${e.title} chapter`;
    case 'provision':
      return e.cite;
    case 'format':
      return e.title;
  }
}

/** A label for an id with its entry's label: "Transparency Measure 1.1", "form 2.9 Total model size". */
export function cite(id: string): string {
  const e = lookup(id);
  if (!e) return id;
  switch (e.kind) {
    case 'measure':
    case 'commitment':
      return ref(id);
    case 'form-item':
      return e.section === 0 ? `form header, ${itemLabel(e)}` : `form ${e.number} ${itemLabel(e)}`;
    case 'summary-item':
      return `training-content summary ${e.number} ${e.label}`;
    default:
      return titleOf(e);
  }
}

/** "form 2.9 “Total model size”", "Copyright Measure 1.3 “Identify and comply…”", or the entry's title. */
export function named(id: string): string {
  const e = lookup(id);
  if (!e) return id;
  switch (e.kind) {
    case 'form-item':
      return e.section === 0 ? `form header “${itemLabel(e)}”` : `form ${e.number} “${itemLabel(e)}”`;
    case 'measure':
      return `${ref(id)} “${e.title}”`;
    default:
      return titleOf(e);
  }
}

/** The same, capitalised, to start a sentence. */
export function Named(id: string): string {
  const name = named(id);
  return name.charAt(0).toUpperCase() + name.slice(1);
}
