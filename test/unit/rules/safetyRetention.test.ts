import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');

describe('rule safetyRetention', () => {
  it('reports incident records kept less than 5 years (Measure 9.4)', () => {
    const [d] = withCode(edit(HALCYON, 'retention_years: 5', 'retention_years: 3'), 'safety.retention');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(dataOf(d).id, 'safety-security/9.4');
    assert.equal((dataOf(d).fix as { value: string }).value, '5');
  });

  it('reports additional documentation kept less than 10 years (Measure 10.1)', () => {
    const [d] = withCode(edit(HALCYON, 'retention_years: 10', 'retention_years: 7'), 'safety.retention');
    assert.equal(dataOf(d).id, 'safety-security/10.1');
    assert.match(d.message, /at least 10 years/);
  });

  it('accepts longer retention', () => {
    assert.deepEqual(withCode(edit(HALCYON, 'retention_years: 10', 'retention_years: 15'), 'safety.retention'), []);
  });

  it('stays quiet on the example with systemic risk', () => {
    assert.deepEqual(
      codes(HALCYON).filter((c) => c.startsWith('safety.')),
      [],
    );
  });
});
