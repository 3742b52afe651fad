import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const LEGACY = example('kestrel-7b-2024.gpai.yaml').replace(
  /^ *# gpai-docs-disable-next-line date\.legacy-deadline.*\r?\n/m,
  '',
);

describe('rule dates', () => {
  it('reports a date that does not exist, saying why', () => {
    const [d] = withCode(edit(KESTREL, 'release_date: 2025-07-30', 'release_date: 2025-02-30'), 'date.invalid');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /2025-02-30 is not a real date \(February 2025 has 28 days\)/);
    assert.match(
      withCode(edit(KESTREL, 'release_date: 2025-07-30', 'release_date: "2025-13-01"'), 'date.invalid')[0].message,
      /no month 13/,
    );
  });

  it('accepts 29 February in a leap year, and leaves other shapes to the shape rule', () => {
    assert.deepEqual(withCode(edit(KESTREL, 'date: 2025-07-28', 'date: 2024-02-29'), 'date.invalid'), []);
    const text = edit(KESTREL, 'release_date: 2025-07-30', 'release_date: 30/07/2025');
    assert.deepEqual(withCode(text, 'date.invalid'), []);
    assert.equal(withCode(text, 'shape.type').length, 1);
  });

  it('reports a month that does not exist in the summary', () => {
    const text = edit(
      KESTREL,
      '  version: "1.1"\n  last_updated: 2025-09-02\n',
      '  version: "1.1"\n  last_updated: 2025-09-02\n  general_information:\n    latest_acquisition_date: 2025-13\n',
    );
    assert.equal(withCode(text, 'date.invalid').length, 1);
  });

  it('reports a Union release before the first release', () => {
    const [d] = withCode(
      edit(KESTREL, 'union_market_release_date: 2025-08-04', 'union_market_release_date: 2025-07-29'),
      'date.order',
    );
    assert.equal(dataOf(d).id, 'form/1.5');
    assert.match(d.message, /before the form 1\.4 “Release date” of 2025-07-30/);
  });

  it('reports a last update before a history entry, and history out of order', () => {
    const early = withCode(edit(KESTREL, 'last_updated: 2025-10-14', 'last_updated: 2025-08-30'), 'date.order');
    assert.deepEqual(
      early.map((d) => dataOf(d).id),
      ['form/D.1'],
    );
    const swapped = withCode(edit(KESTREL, 'date: 2025-09-02', 'date: 2025-07-01'), 'date.order');
    assert.deepEqual(
      swapped.map((d) => dataOf(d).id),
      ['format/history'],
    );
  });

  it('warns about documentation dated after today', () => {
    const [d] = withCode(edit(KESTREL, 'last_updated: 2025-10-14', 'last_updated: 2025-12-01'), 'date.future');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /after today \(2025-11-01\)/);
    assert.deepEqual(withCode(KESTREL, 'date.future', { today: '2025-10-14' }), []);
  });

  it('gives a model placed before 2 August 2025 its Art. 111(3) deadline, as information', () => {
    const [d] = withCode(LEGACY, 'date.legacy-deadline');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.match(d.message, /2 August 2027/);
    assert.match(d.message, /every obligation of Chapter V/, 'Art. 111(3) covers every Chapter V duty');
    assert.match(d.message, /Art\. 55/, 'the Safety and Security obligations included');
    assert.ok(dataOf(d).provisions.includes('Art. 111(3)'));
    const datedAs = (date: string) => edit(LEGACY, /^ {2}last_updated: 2025-10-14$/m, `  last_updated: ${date}`);
    assert.deepEqual(
      withCode(datedAs('2027-08-02'), 'date.legacy-deadline', { today: '2027-08-02' }),
      [],
      'no longer once the deadline has come',
    );
    assert.equal(
      withCode(LEGACY, 'date.legacy-deadline', { today: '2030-01-01' }).length,
      1,
      'an archived version keeps it',
    );
    assert.deepEqual(
      withCode(
        edit(KESTREL, 'union_market_release_date: 2025-08-04', 'union_market_release_date: 2025-08-02'),
        'date.legacy-deadline',
      ),
      [],
      '2 August 2025 itself is not before',
    );
  });

  it('reads dates in a CRLF file', () => {
    const text = edit(KESTREL, 'release_date: 2025-07-30', 'release_date: 2025-02-30').replace(/\n/g, '\r\n');
    const [d] = withCode(text, 'date.invalid');
    const line = text.split('\r\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '2025-02-30');
  });

  it('stays quiet on the examples (the legacy one gets only its deadline)', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'meadow-7b.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('date.')),
        [],
        name,
      );
    }
    assert.deepEqual(
      codes(LEGACY).filter((c) => c.startsWith('date.')),
      ['date.legacy-deadline'],
    );
  });
});
