/** The small constructors the key tree is written with (keys.ts, keysSummary.ts, keysSafety.ts). */
import type { KeySpec, KeyType, ValueSetId } from './types';

export const k = (key: string, id: string, type: KeyType, extra: Partial<KeySpec> = {}): KeySpec => ({
  key,
  id,
  type,
  ...extra,
});
export const text = (key: string, id: string, extra: Partial<KeySpec> = {}) => k(key, id, 'text', extra);
export const map = (key: string, id: string, children: KeySpec[], extra: Partial<KeySpec> = {}) =>
  k(key, id, 'map', { children, ...extra });
export const enumOf = (key: string, id: string, values: ValueSetId, extra: Partial<KeySpec> = {}) =>
  k(key, id, 'enum', { values, ...extra });

/** The keys every answer to a Copyright or Safety and Security measure has. */
export const ANSWER_KEYS = { status: 'status', summary: 'summary', evidence: 'evidence', reason: 'reason' } as const;

/** The answer to a Copyright or Safety and Security measure: status, how it is met, evidence, and facts of its own. */
export const answer = (key: string, measure: string, own: KeySpec[] = []): KeySpec =>
  map(key, measure, [
    enumOf(ANSWER_KEYS.status, measure, 'measure-status', {
      hint: 'Write implemented, in_progress, planned or not_applicable.',
    }),
    text(ANSWER_KEYS.summary, measure, { hint: 'How you meet this measure, in a few sentences.' }),
    k(ANSWER_KEYS.evidence, measure, 'list', { hint: 'Links or references to the documents that show it.' }),
    ...own,
    text(ANSWER_KEYS.reason, measure, {
      optional: true,
      hint: 'Why the measure does not apply (with status not_applicable).',
    }),
  ]);

/** The data points of each split; the coarse ones (form 6.4) are derived from the precise ones (6.5). */
export const dataPointSplits = (id: string, roundedFrom?: readonly string[]): KeySpec[] =>
  (
    [
      ['training', 'e.g. 1.5e13 tokens'],
      ['testing', 'e.g. 2.0e9 tokens'],
      ['validation', 'e.g. 1.0e9 tokens'],
    ] as const
  ).map(([split, hint]) =>
    k(split, id, 'quantity', {
      hint,
      ...(roundedFrom ? { derivation: { from: [...roundedFrom, split], how: 'rounded' } } : {}),
    }),
  );

export const used = (id: string, more: KeySpec[] = []): KeySpec[] => [
  k('used', id, 'boolean', { hint: 'true or false' }),
  k('modalities', id, 'enum-list', { values: 'modalities', optional: true }),
  ...more,
];
