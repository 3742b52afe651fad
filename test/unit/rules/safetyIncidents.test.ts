import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');
const CODE = 'safety.incident-timelines';

describe('rule safetyIncidents', () => {
  it("reports an initial-report timeline longer than the Code's, and the fix sets the Code's", () => {
    const [d] = withCode(edit(HALCYON, 'death: 10', 'death: 14'), CODE);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(dataOf(d).id, 'safety-security/9.3');
    assert.match(d.message, /death of a person/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: [
        'safety_and_security',
        'serious_incident_reporting',
        'reporting_timelines',
        'initial_report_days',
        'death',
      ],
      value: '10',
      title: "Set death to the Code's 10 days",
    });
  });

  it('checks every kind of harm, intermediate and final reports', () => {
    let text = edit(HALCYON, 'critical_infrastructure: 2', 'critical_infrastructure: 3');
    text = edit(text, 'cybersecurity_breach: 5', 'cybersecurity_breach: 7');
    text = edit(text, 'serious_harm: 15', 'serious_harm: 30');
    text = edit(text, 'intermediate_report_weeks: 4', 'intermediate_report_weeks: 6');
    text = edit(text, 'final_report_days: 60', 'final_report_days: 90');
    assert.equal(withCode(text, CODE).length, 5);
  });

  it('accepts shorter timelines', () => {
    assert.deepEqual(withCode(edit(HALCYON, 'serious_harm: 15', 'serious_harm: 7'), CODE), []);
  });

  it('stays quiet on the example with systemic risk', () => {
    assert.deepEqual(
      codes(HALCYON).filter((c) => c.startsWith('safety.')),
      [],
    );
  });
});
