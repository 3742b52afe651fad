import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');

describe('rule safetyModelReport', () => {
  it('warns when the Model Report reached the AI Office after market placement', () => {
    const [d] = withCode(edit(HALCYON, 'provided: 2025-10-10', 'provided: 2025-10-20'), 'safety.model-report');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(dataOf(d).id, 'safety-security/7.7');
    assert.match(d.message, /15 business days/);
    assert.deepEqual(
      withCode(edit(HALCYON, 'provided: 2025-10-10', 'provided: 2025-10-14'), 'safety.model-report'),
      [],
      'on the day of placement',
    );
  });

  it('warns when the Model Report was last updated more than 6 months ago, naming the exceptions', () => {
    const datedAs = (date: string) => edit(HALCYON, /^ {2}last_updated: 2025-10-24$/m, `  last_updated: ${date}`);
    const [d] = withCode(datedAs('2026-04-25'), 'safety.model-report-update', { today: '2026-05-01' });
    assert.equal(dataOf(d).id, 'safety-security/7.6');
    assert.match(d.message, /similarly safe or safer/);
    assert.deepEqual(withCode(datedAs('2026-04-24'), 'safety.model-report-update', { today: '2026-05-01' }), []);
    assert.deepEqual(
      withCode(HALCYON, 'safety.model-report-update', { today: '2030-01-01' }),
      [],
      "as of the documentation's date, not today",
    );
  });

  it('applies only to models with systemic risk', () => {
    const text = edit(
      edit(HALCYON, 'systemic_risk: presumed', 'systemic_risk: none'),
      /training_compute: .*/,
      'training_compute: 3.1e23',
    );
    assert.deepEqual(withCode(text, 'safety.model-report-update', { today: '2027-01-01' }), []);
  });

  it('stays quiet on the example with systemic risk', () => {
    assert.deepEqual(
      codes(HALCYON).filter((c) => c.startsWith('safety.')),
      [],
    );
  });
});
