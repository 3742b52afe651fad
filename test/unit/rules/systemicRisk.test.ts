import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { thresholds } from '../../../server/src/engine/catalogue';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const HALCYON = example('halcyon-xl.gpai.yaml');
const compute = (value: string) => edit(KESTREL, 'training_compute: 3.1e23', `training_compute: ${value}`);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('rule systemicRisk', () => {
  it('presumes systemic risk above 10^25 FLOP with classification none, naming Art. 51(2) and the Art. 52(1) notification', () => {
    const [d] = withCode(compute('3.8e25'), 'systemic-risk.presumed');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /Art\. 51\(2\)/);
    assert.match(d.message, /notify the Commission within 2 weeks \(Art\. 52\(1\)\)/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['classification', 'systemic_risk'],
      value: 'presumed',
      title: 'Mark systemic risk as presumed',
    });
  });

  it('reads a compute figure written as a quoted string', () => {
    assert.equal(withCode(compute('"1.1e25"'), 'systemic-risk.presumed').length, 1);
    assert.equal(withCode(compute('"1.1e25 FLOP"'), 'systemic-risk.presumed').length, 1);
  });

  for (const written of ['1e25', '1.0e25', '"1.0e25"', '"1e25"', '10000000000000000000000000']) {
    it(`treats exactly 10^25 (${written}) as information, not a presumption`, () => {
      const text = compute(written);
      assert.equal(withCode(text, 'systemic-risk.presumed').length, 0);
      const [d] = withCode(text, 'systemic-risk.at-threshold');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(d.message, /greater than 10\^25/);
    });
  }

  it('stays quiet just below the threshold', () => {
    const found = codes(compute('9.9e24'));
    assert.ok(!found.some((c) => c.startsWith('systemic-risk.')), found.join());
  });

  it('warns when presumed is declared without compute above the threshold or a designation', () => {
    const text = edit(KESTREL, 'systemic_risk: none', 'systemic_risk: presumed\n  notification_date: 2025-08-01');
    assert.equal(withCode(text, 'systemic-risk.unsupported').length, 1);
    const designated = edit(
      text,
      'notification_date: 2025-08-01',
      'notification_date: 2025-08-01\n  designation_date: 2025-08-10',
    );
    assert.equal(withCode(designated, 'systemic-risk.unsupported').length, 0);
  });

  it('asks for the Art. 52(1) notification date of a presumed model', () => {
    const text = edit(HALCYON, '  notification_date: 2025-08-06\n', '');
    const [d] = withCode(text, 'systemic-risk.notification');
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: ['classification'], keys: ['notification_date'] });
  });

  it('asks for a notification date written empty, without inserting the key again', () => {
    const text = edit(HALCYON, 'notification_date: 2025-08-06', 'notification_date:');
    const [d] = withCode(text, 'systemic-risk.notification');
    assert.equal(dataOf(d).fix, undefined);
  });

  it('asks for the date of a designation', () => {
    const text = edit(KESTREL, 'systemic_risk: none', 'systemic_risk: designated');
    const [d] = withCode(text, 'systemic-risk.designation');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: ['classification'], keys: ['designation_date'] });
    assert.equal(
      withCode(
        edit(text, 'systemic_risk: designated', 'systemic_risk: designated\n  designation_date: 2025-09-01'),
        'systemic-risk.designation',
      ).length,
      0,
    );
  });

  it('requires the Safety and Security chapter once the presumption applies', () => {
    assert.equal(withCode(compute('3.8e25'), 'missing.chapter').length, 1);
  });

  it('reports on the classification line in a CRLF file', () => {
    const text = crlf(compute('3.8e25'));
    const [d] = withCode(text, 'systemic-risk.presumed');
    assert.equal(text.split('\r\n')[d.range.start.line].trim(), 'systemic_risk: none');
  });

  describe('the Art. 52(1) clock from the threshold date', () => {
    const notified = (date: string) => edit(HALCYON, 'notification_date: 2025-08-06', `notification_date: ${date}`);
    const weeks = thresholds.notificationWeeks.value;

    it('reports a notification more than two weeks after the threshold date, naming both dates and Art. 52(1)', () => {
      const [d] = withCode(notified('2025-08-20'), 'systemic-risk.notification-late');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /notified on 2025-08-20 \(classification\.notification_date\)/);
      assert.match(d.message, /2025-07-25 \(classification\.threshold_date\)/);
      assert.match(d.message, new RegExp(`within ${weeks} weeks, by 8 August 2025`));
      assert.ok(dataOf(d).provisions.includes('Art. 52(1)'));
      assert.equal(notified('2025-08-20').split('\n')[d.range.start.line].trim(), 'notification_date: 2025-08-20');
    });

    it('accepts a notification on the last day, and one before the threshold date', () => {
      assert.deepEqual(withCode(notified('2025-08-08'), 'systemic-risk.notification-late'), []);
      assert.deepEqual(withCode(notified('2025-07-20'), 'systemic-risk.notification-late'), []);
    });

    it('says when the notification is due while it is not yet, as information', () => {
      const text = edit(
        edit(HALCYON, '  notification_date: 2025-08-06\n', ''),
        'threshold_date: 2025-07-25',
        'threshold_date: 2025-10-20',
      );
      const [d] = withCode(text, 'systemic-risk.notification');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(d.message, /due by 3 November 2025/);
    });

    it('warns once the two weeks have passed, as of the date the documentation is current', () => {
      const [d] = withCode(edit(HALCYON, '  notification_date: 2025-08-06\n', ''), 'systemic-risk.notification');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /due by 8 August 2025 and is overdue as of 2025-10-24/);
    });

    it('asks for the threshold date when it is not given', () => {
      const text = edit(edit(HALCYON, '  threshold_date: 2025-07-25\n', ''), '  notification_date: 2025-08-06\n', '');
      const [d] = withCode(text, 'systemic-risk.notification');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(d.message, /classification\.threshold_date/);
    });

    it('reports a threshold date on a model classified without systemic risk, naming both keys', () => {
      const text = edit(KESTREL, 'systemic_risk: none', 'systemic_risk: none\n  threshold_date: 2025-07-25');
      const [d] = withCode(text, 'systemic-risk.threshold-date');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /classification\.threshold_date/);
      assert.match(d.message, /classification\.systemic_risk is none/);
      assert.equal(text.split('\n')[d.range.start.line].trim(), 'threshold_date: 2025-07-25');
    });
  });

  it('stays quiet on the examples', () => {
    for (const text of [KESTREL, HALCYON])
      assert.deepEqual(
        codes(text).filter((c) => c.startsWith('systemic-risk.')),
        [],
      );
  });
});
