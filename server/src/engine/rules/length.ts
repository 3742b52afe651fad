/**
 * Recommended length: a hint when a free-text answer runs far beyond the words the form recommends, and
 * when a single word stands where the form or a Code measure asks for a description.
 */
import { isScalar } from 'yaml';
import { getFormItem, getMeasure, thresholds, type FormItem } from '../catalogue';
import { findPlaceholder, parseNotApplicable, wordCount } from '../values';
import { draftNote, dotted, excerpt, NameOf } from './common';
import type { CodeInfo, Finding, Rule } from './types';
import { textOf, valueRange, visited, type Visited } from './walk';

const codes: readonly CodeInfo[] = [
  { code: 'length.recommended', title: "An answer runs far beyond the form's recommended length", severity: 'hint' },
  { code: 'length.too-short', title: 'A single word where a description is asked', severity: 'hint' },
];

export const length: Rule = {
  name: 'length',
  codes,
  check({ doc }) {
    const findings: Finding[] = [];
    for (const v of visited(doc)) {
      if (v.spec.type !== 'text' || !isScalar(v.node)) continue;
      const item = getFormItem(v.spec.id);
      const describes = item?.words !== undefined || (v.spec.key === 'summary' && getMeasure(v.spec.id) !== undefined);
      if (!describes) continue;
      const text = textOf(doc, v) ?? '';
      if (!text.trim() || findPlaceholder(text) || parseNotApplicable(text)) continue;
      const limit = item?.words ? item.words.count * thresholds.recommendedLengthFactor.value : 0;
      // A word takes at least two characters with its separator: most answers are too short to count.
      const words = item?.words && text.length / 2 > limit ? wordCount(text) : 0;
      if (item?.words && words > limit) {
        findings.push({
          code: 'length.recommended',
          range: valueRange(doc, v),
          id: item.id,
          message: tooLong(item, words),
        });
      } else if (fewerWordsThan(text, thresholds.descriptionMinWords.value)) {
        findings.push({
          code: 'length.too-short',
          range: valueRange(doc, v),
          id: v.spec.id,
          message: tooShort(v, item, text.trim()),
        });
      }
    }
    return findings;
  },
};

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
  return `${NameOf(item.id)} has ${words} words; the form recommends ${recommended}${note}. Keep to what the reader needs, and refer to fuller documents for the rest.`;
}

function tooShort(v: Visited, item: FormItem | undefined, text: string): string {
  const what = item ? item.whatToWrite : getMeasure(v.spec.id)!.summary;
  const name = item ? NameOf(item.id) : `\`${dotted(v.path)}\``;
  return `${name} is the single word "${excerpt(text)}", where a description is asked: ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
}
