import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { applyFix, codes, dataOf, diagnose, withCode } from '../../helpers/diagnostics';
import { edit, example, lines } from '../../helpers/text';

const MEADOW = example('meadow-7b.gpai.yaml');
const KESTREL = example('kestrel-13b.gpai.yaml');

const claim = (...fields: string[]) =>
  lines(
    'gpai: 1',
    'classification:',
    '  systemic_risk: none',
    '  open_source_exemption:',
    '    claimed: true',
    ...fields.map((f) => `    ${f}`),
  );
const ALL = [
  'licence: Apache-2.0',
  'licence_kind: free-and-open-source',
  'weights: https://m.example/w',
  'architecture: https://m.example/a',
  'usage: https://m.example/u',
  'monetised: false',
];

describe('rule exemption', () => {
  it('gives a hint on a valid exemption: Transparency voluntary, Copyright and the summary still required', () => {
    const [d] = withCode(MEADOW, 'exemption.transparency');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.match(d.message, /Art\. 53\(1\)\(c\)/);
    assert.match(d.message, /Art\. 53\(1\)\(d\)/);
    assert.match(d.message, /Recital 104/);
  });

  it('keeps findings on voluntarily filled Transparency items below error', () => {
    const text = edit(MEADOW, 'union_market_release_date: 2025-09-09', 'union_market_release_date: 2025-09-01');
    const onForm = diagnose(text).filter(
      (d) => d.severity === DiagnosticSeverity.Error && String(dataOf(d).id).startsWith('form/'),
    );
    assert.deepEqual(
      onForm.map((d) => d.code),
      [],
    );
    const [order] = withCode(text, 'date.order');
    assert.equal(order.severity, DiagnosticSeverity.Warning);
    assert.match(order.message, /Voluntary here/);
    assert.equal(
      withCode(
        edit(KESTREL, 'union_market_release_date: 2025-08-04', 'union_market_release_date: 2025-07-01'),
        'date.order',
      )[0].severity,
      DiagnosticSeverity.Error,
    );
  });

  it('says which conditions fail when the exemption is claimed without them', () => {
    const [d] = withCode(claim('licence: Apache-2.0', 'licence_kind: free-and-open-source'), 'exemption.unsupported');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /weights/);
    assert.match(d.message, /architecture/);
    assert.match(d.message, /usage/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['classification', 'open_source_exemption'],
      keys: ['weights', 'architecture', 'usage', 'monetised'],
    });
  });

  it('reports a bare `true` claim as unsupported', () => {
    const text = lines('gpai: 1', 'classification:', '  systemic_risk: none', '  open_source_exemption: true');
    const [d] = withCode(text, 'exemption.unsupported');
    assert.match(d.message, /not stated/);
  });

  it('is an error with a licence that is not free and open-source', () => {
    const [d] = withCode(
      claim(...ALL.map((f) => f.replace('free-and-open-source', 'open-weights-restricted'))),
      'exemption.invalid',
    );
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /not stated to be free and open-source/);
  });

  it('is an error for a model with systemic risk, and the fix withdraws the claim', () => {
    const text = claim(...ALL).replace('systemic_risk: none', 'systemic_risk: designated');
    const [d] = withCode(text, 'exemption.invalid');
    assert.match(d.message, /systemic risk/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['classification', 'open_source_exemption', 'claimed'],
      value: 'false',
      title: 'Withdraw the open-source exemption claim',
    });
  });

  it('withdraws a bare `true` claim by setting it to false', () => {
    const text = lines('gpai: 1', 'classification:', '  systemic_risk: presumed', '  open_source_exemption: true');
    assert.deepEqual(dataOf(withCode(text, 'exemption.invalid')[0]).fix, {
      kind: 'set-value',
      path: ['classification', 'open_source_exemption'],
      value: 'false',
      title: 'Withdraw the open-source exemption claim',
    });
  });

  it('refuses the exemption as a reason to set aside a Copyright measure', () => {
    const text = edit(
      MEADOW,
      / {2}policy:\n {4}status: implemented\n/,
      '  policy:\n    status: not_applicable\n    reason: Open-source model, exempt under Art. 53(2).\n',
    );
    const [d] = withCode(text, 'exemption.scope');
    assert.equal(dataOf(d).id, 'copyright/1.1');
    assert.match(d.message, /Recital 104/);
  });

  it('is an error for a monetised model, naming the claim, `monetised` and Recital 103, and the fix withdraws the claim', () => {
    const text = edit(MEADOW, 'monetised: false', 'monetised: true');
    const [d] = withCode(text, 'exemption.monetised');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /`classification\.open_source_exemption\.claimed`/);
    assert.match(d.message, /`classification\.open_source_exemption\.monetised`/);
    assert.ok(dataOf(d).provisions.includes('Recital 103'));
    assert.ok(dataOf(d).provisions.includes('Art. 53(2)'));
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['classification', 'open_source_exemption', 'claimed'],
      value: 'false',
      title: 'Withdraw the open-source exemption claim',
    });
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'claimed: true');
    const fixed = applyFix(text, d);
    assert.equal(fixed.title, 'Withdraw the open-source exemption claim');
    assert.match(fixed.text, /\n {4}claimed: false\n/);
    assert.deepEqual(withCode(fixed.text, 'exemption.monetised'), []);
    assert.deepEqual(withCode(text, 'exemption.transparency'), [], 'the exemption no longer applies');
    assert.ok(codes(text).includes('missing.section'), 'the Transparency chapter applies in full');
  });

  it('asks a claim written before `monetised` existed to state it, and inserts the key', () => {
    const text = edit(MEADOW, '    monetised: false\n', '');
    const [d] = withCode(text, 'exemption.unsupported');
    assert.match(d.message, /without monetisation/);
    assert.ok(dataOf(d).provisions.includes('Recital 103'));
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['classification', 'open_source_exemption'],
      keys: ['monetised'],
    });
    assert.match(
      applyFix(text, d).text,
      /\n {4}# Monetisation: false: no price, no paid support tied to the model, no personal data used beyond\n {4}# security needs\n {4}monetised:\n/,
    );
  });

  it('stays quiet when no exemption is claimed, and on the examples', () => {
    assert.deepEqual(
      codes(KESTREL).filter((c) => c.startsWith('exemption.')),
      [],
    );
    assert.deepEqual(
      codes(MEADOW).filter((c) => c.startsWith('exemption.')),
      ['exemption.transparency'],
      'only the hint',
    );
    assert.deepEqual(
      codes(claim(...ALL).replace('claimed: true', 'claimed: false')).filter((c) => c.startsWith('exemption.')),
      [],
    );
  });
});
