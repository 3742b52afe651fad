/**
 * How ids and entries are written for people, in one place: the short reference ("Form 2.9", "Copyright
 * Measure 1.3", "Section 6", "Art. 53(2)"), the citation with the label ("form 2.9 Total model size") and the
 * name with the official title in quotes ("Copyright Measure 1.3 “Identify and comply…”"); and, the other
 * way, the ids a writer's text names (`referencesIn`).
 */
import { chapters } from './code';
import { entry as lookup } from './entries';
import type { ChapterId, Entry, FormItem } from './types';

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

// ---- Ids named in a text ------------------------------------------------------------------------------

/** An id named in a text: as an id ("safety-security/9.3") or in words ("Safety and Security Measure 9.3"). */
export type Reference =
  | { readonly kind: 'id'; readonly index: number; readonly written: string; readonly id: string }
  | {
      readonly kind: 'named';
      readonly index: number;
      readonly written: string;
      /** The id the words stand for, whether or not it exists. */
      readonly id: string;
      readonly chapter: string;
      readonly entry: 'measure' | 'commitment';
      readonly number: string;
    };

/** An id written as an id, at a given offset (sticky); `idsIn` checks that no word or URL goes on before it. */
const ID_AT = new RegExp(
  `((?:${chapters.map((c) => c.id).join('|')})/\\d+(?:\\.\\d+)?|form/(?:D\\.\\d+|\\d+\\.\\d+)|tcs/(?:H\\.\\d+|\\d+(?:\\.\\d+)*(?:\\.[a-z])?))(?![\\w/-]|\\.\\d)`,
  'y',
);
const ID_PREFIXES = [...chapters.map((c) => c.id), 'form', 'tcs'];
const IN_WORD = /[\w/.-]/;

/** The chapter each title stands for in words, lower-cased: "safety and security" → safety-security. */
const CHAPTER_BY_TITLE: ReadonlyMap<string, ChapterId> = new Map(chapters.map((c) => [c.title.toLowerCase(), c.id]));
/** Ids written in words: "Copyright Measure 1.3", "Safety and Security Commitment 9". */
const NAMED_PATTERN = new RegExp(
  `\\b(${chapters.map((c) => c.title).join('|')})\\s+(Measure|Commitment)\\s+(\\d+(?:\\.\\d+)?)(?!\\.\\d)`,
  'g',
);

/** Every id the text names, as an id first (in order), then in words (in order). */
export function* referencesIn(text: string): Generator<Reference> {
  for (const { index, id } of idsIn(text)) yield { kind: 'id', index, written: id, id };
  for (const m of text.matchAll(NAMED_PATTERN)) {
    const entry = m[2] === 'Measure' ? 'measure' : 'commitment';
    const id = `${CHAPTER_BY_TITLE.get(m[1].toLowerCase())}/${m[3]}`;
    yield { kind: 'named', index: m.index!, written: m[0], id, chapter: m[1], entry, number: m[3] };
  }
}

/** The id prefix written right before the "/" at `slash`, if any. */
function prefixBefore(text: string, slash: number): string | undefined {
  for (const p of ID_PREFIXES) if (slash >= p.length && text.startsWith(p, slash - p.length)) return p;
  return undefined;
}

/**
 * Ids written as ids, in order: each "/" after an id's prefix that no word or URL goes on before. The same
 * as a global search with a lookbehind, which scans every character of the file and took most of the links
 * rule's time; an id holds one "/", so no two overlap.
 */
function* idsIn(text: string): Generator<{ index: number; id: string }> {
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    const prefix = prefixBefore(text, slash);
    if (!prefix) continue;
    const index = slash - prefix.length;
    if (index > 0 && IN_WORD.test(text[index - 1])) continue;
    ID_AT.lastIndex = index;
    const m = ID_AT.exec(text);
    if (m) yield { index, id: m[1] };
  }
}
