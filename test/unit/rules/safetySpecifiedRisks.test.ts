import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');
const CODE = 'safety.specified-risks';
const withoutManipulation = edit(HALCYON, / {8}harmful_manipulation: >-\n( {10}.*\n)+/, '');

describe('rule safetySpecifiedRisks', () => {
  it('reports a specified systemic risk of Appendix 1.4 that is not addressed, and inserts it', () => {
    const [d] = withCode(withoutManipulation, CODE);
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /Harmful manipulation \(`harmful_manipulation`\) is not addressed/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['safety_and_security', 'risk_identification', 'identification_process', 'specified_risks'],
      keys: ['harmful_manipulation'],
    });
  });

  it('names every risk left out', () => {
    const text = edit(withoutManipulation, / {8}cbrn: >-\n( {10}.*\n)+/, '');
    assert.match(withCode(text, CODE)[0].message, /CBRN\).*, Harmful manipulation.* are not addressed/);
  });

  it('reports Measure 2.1 marked not applicable', () => {
    const text = edit(HALCYON, /(identification_process:\n {6}status: )implemented/, '$1not_applicable');
    assert.equal(withCode(text, CODE).length, 1);
  });

  it('applies only to models with systemic risk', () => {
    const text = edit(
      edit(withoutManipulation, 'systemic_risk: presumed', 'systemic_risk: none'),
      /training_compute: .*/,
      'training_compute: 3.1e23',
    );
    assert.deepEqual(withCode(text, CODE), []);
  });

  it('stays quiet on the example with systemic risk', () => {
    assert.deepEqual(
      codes(HALCYON).filter((c) => c.startsWith('safety.')),
      [],
    );
  });
});
