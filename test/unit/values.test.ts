import * as assert from 'node:assert/strict';
import {
  addMonths,
  closest,
  findPlaceholder,
  isWellFormedLink,
  orderOfMagnitude,
  parseIsoDate,
  parseMonth,
  parseNotApplicable,
  parseQuantity,
  significantFigures,
  wordCount,
} from '../../server/src/engine/values';
import { example } from '../helpers/text';

describe('values as written', () => {
  it('counts significant figures on the text, not the parsed number', () => {
    assert.equal(parseQuantity('1e25')!.significantFigures, 1);
    assert.equal(parseQuantity('1.0e25')!.significantFigures, 2);
    assert.equal(parseQuantity('7.3e10')!.significantFigures, 2);
    assert.equal(parseQuantity('73000000000')!.significantFigures, 2);
    assert.equal(parseQuantity('73,000,000,000')!.value, 7.3e10);
    assert.equal(significantFigures('0.0050'), 2);
    assert.equal(significantFigures('100'), 1);
    assert.equal(significantFigures('100.'), 3);
  });

  it("reads the form's own notations and the unit that follows", () => {
    assert.deepEqual(pick(parseQuantity('7.3×10^10')), { value: 7.3e10, sf: 2, unit: '' });
    assert.deepEqual(pick(parseQuantity('2.4 x 10^25 FLOP')), { value: 2.4e25, sf: 2, unit: 'FLOP' });
    assert.deepEqual(pick(parseQuantity('1.0e2 MWh')), { value: 100, sf: 2, unit: 'MWh' });
    assert.deepEqual(pick(parseQuantity('1.5×10¹³ tokens')), { value: 1.5e13, sf: 2, unit: 'tokens' });
    assert.equal(parseQuantity('about a lot'), undefined);
    assert.equal(parseQuantity(''), undefined);
  });

  it('gives a number of 10,000 digits a value without hanging', () => {
    const q = parseQuantity('9'.repeat(10000));
    assert.ok(q);
    assert.equal(q.value, Infinity);
    assert.equal(q.significantFigures, 10000);
  });

  it('reads N/A answers and their reasons', () => {
    assert.deepEqual(parseNotApplicable('N/A'), { words: 'N/A', reason: '' });
    assert.deepEqual(parseNotApplicable('N/A (our compute provider withholds power data)'), {
      words: 'N/A',
      reason: 'our compute provider withholds power data',
    });
    assert.deepEqual(parseNotApplicable('N/A: reason here'), { words: 'N/A', reason: 'reason here' });
    assert.equal(parseNotApplicable('none exists')?.words, 'none exists');
    assert.equal(parseNotApplicable('Nanotechnology'), undefined);
    assert.equal(parseNotApplicable('Not applicable to us')?.words, 'Not applicable');
  });

  it('finds placeholders left in an answer, but not ranges such as <1 month', () => {
    for (const t of ['TODO', 'tbd', 'FIXME: later', 'Lorem ipsum dolor', '<fill in>', '???', '…'])
      assert.ok(findPlaceholder(t), t);
    for (const t of [
      '<1 month',
      'A decoder-only transformer.',
      'Uses XML tags',
      'Latency is < 20 ms for prompts > 1,000 tokens',
      'See <https://example.ai/model-card>',
      'Write to <ai-act@example.ai>',
    ])
      assert.equal(findPlaceholder(t), undefined, t);
    for (const t of ['Trained on [...] tokens', 'Trained on […]', 'Described in <link to the report>'])
      assert.ok(findPlaceholder(t), t);
  });

  it('accepts only real calendar dates', () => {
    assert.equal(parseIsoDate('2025-08-02')?.iso, '2025-08-02');
    assert.equal(parseIsoDate('2025-02-30'), undefined);
    assert.equal(parseIsoDate('2025-8-2'), undefined);
    assert.deepEqual(parseMonth('03/2025'), { year: 2025, month: 3 });
    assert.equal(addMonths(parseIsoDate('2025-08-31')!, 6).iso, '2026-02-28');
  });

  it('accepts https and mailto links only', () => {
    assert.ok(isWellFormedLink('https://example.ai/x'));
    assert.ok(isWellFormedLink('mailto:copyright@example.ai'));
    assert.ok(!isWellFormedLink('http://example.ai'));
    assert.ok(!isWellFormedLink('javascript:alert(1)'));
    assert.ok(!isWellFormedLink('https://exa mple.ai'));
  });

  it('reads links as the URL parser does, whatever text comes first', () => {
    // What the URL parser alone says, the way the function said it before it stopped parsing prose.
    const parser = (text: string) => {
      try {
        const url = new URL(text.trim());
        return url.protocol === 'https:' && url.hostname.includes('.') && !/\s/.test(text.trim());
      } catch {
        return false;
      }
    };
    const cases = [
      'HTTPS://Example.AI/x',
      'https:example.ai',
      '  https://example.ai/a b',
      '\u0001https://example.ai/x',
      'https://localhost/x',
      'https:',
      'ftp://example.ai',
      'See https://example.ai for the policy.',
      'A decoder-only transformer with 40 layers: https://example.ai/card',
      example('halcyon-xl.gpai.yaml'),
    ];
    for (const text of cases) assert.equal(isWellFormedLink(text), parser(text), JSON.stringify(text.slice(0, 60)));
    assert.ok(isWellFormedLink('HTTPS://Example.AI/x') && isWellFormedLink('\u0001https://example.ai/x'));
  });

  it('suggests the closest key and counts words', () => {
    assert.equal(closest('trainig_compute', ['training_compute', 'training_time']), 'training_compute');
    assert.equal(closest('zzz', ['training_compute']), undefined);
    assert.equal(wordCount('A decoder-only transformer, 40 layers.'), 5);
    assert.equal(orderOfMagnitude(3.8e25), 1e25);
  });
});

function pick(q: ReturnType<typeof parseQuantity>) {
  return q && { value: q.value, sf: q.significantFigures, unit: q.unit };
}
