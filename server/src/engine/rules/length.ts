/**
 * Recommended length: a hint when a free-text answer runs far beyond the words the form recommends, and
 * when a single word stands where the form or a Code measure asks for a description.
 */
import { isScalar } from 'yaml';
import { getFormItem, getMeasure, thresholds, type FormItem, Named } from '../catalogue';
import { findPlaceholder, parseNotApplicable, wordCount } from '../values';
import { draftNote, dotted, excerpt } from './common';
import type { Answer } from '../model';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  { code: 'length.recommended', title: "An answer runs far beyond the form's recommended length", severity: 'hint' },
  { code: 'length.too-short', title: 'A single word where a description is asked', severity: 'hint' },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const length = defineRule({
  name: 'length',
  codes,
  check({ model }) {
    const findings: Finding<Code>[] = [];
    for (const v of model.all) {
      if (v.spec.type !== 'text' || !isScalar(v.node)) continue;
      const verdict = v.fact(lengthFinding);
      if (verdict) findings.push({ ...verdict, range: v.range });
    }
    return findings;
  },
});

/** An answer far too long or a single word, read from its text alone (the caller adds where). */
function lengthFinding(v: Answer): Omit<Finding<Code>, 'range'> | undefined {
  const item = getFormItem(v.spec.id);
  const describes = item?.words !== undefined || (v.spec.key === 'summary' && getMeasure(v.spec.id) !== undefined);
  if (!describes) return undefined;
  const text = v.text ?? '';
  if (!text.trim() || findPlaceholder(text) || parseNotApplicable(text)) return undefined;
  const limit = item?.words ? item.words.count * thresholds.recommendedLengthFactor.value : 0;
  // A word takes at least two characters with its separator: most answers are too short to count.
  const words = item?.words && text.length / 2 > limit ? wordCount(text) : 0;
  if (item?.words && words > limit) return { code: 'length.recommended', id: item.id, message: tooLong(item, words) };
  if (fewerWordsThan(text, thresholds.descriptionMinWords.value))
    return { code: 'length.too-short', id: v.spec.id, message: tooShort(v, item, text.trim()) };
  return undefined;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

/** Whether the text has fewer than `n` words, reading no further than needed. */
function fewerWordsThan(text: string, n: number): boolean {
  let count = 0;
  for (const _ of text.matchAll(WORD)) if (++count >= n) return false;
  return true;
}

function tooLong(item: FormItem, words: number): string {
  const w = item.words!;
  const recommended = `${w.upTo ? 'up to ' : w.approx ? 'about ' : ''}${w.count} words`;
  const note = draftNote(item.confidence.words, `the recommended length of ${item.number}`);
  return `${Named(item.id)} has ${words} words; the form recommends ${recommended}${note}. Keep to what the reader needs, and refer to fuller documents for the rest.`;
}

function tooShort(v: Answer, item: FormItem | undefined, text: string): string {
  const what = item ? item.whatToWrite : getMeasure(v.spec.id)!.summary;
  const name = item ? Named(item.id) : `\`${dotted(v.path)}\``;
  return `${name} is the single word "${excerpt(text)}", where a description is asked: ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}
