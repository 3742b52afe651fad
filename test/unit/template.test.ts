import * as assert from 'node:assert/strict';
import { getCoverage, getDiagnostics, newFileTemplate, testEngine } from '../helpers/engine';
import { summarise } from '../../server/src/workspaceSummary';
import { example, parse } from '../helpers/text';

const TODAY = '2025-10-01';

describe('new-file template', () => {
  it('parses as YAML and classifies the model as asked', () => {
    const doc = parse(
      newFileTemplate({
        systemicRisk: 'none',
        openSourceExemption: false,
        modification: false,
        modelName: 'Foo 7B',
        today: TODAY,
      }),
    );
    assert.equal(doc.yaml.errors.length, 0);
    const report = getCoverage(doc);
    assert.equal(report.classification.label, 'no systemic risk');
    assert.match(doc.text, /^ {2}model_name: "Foo 7B"$/m);
    assert.match(doc.text, /^ {2}last_updated: 2025-10-01$/m);
  });

  it('lists the form sections in the form order, each key empty with a comment saying what to write', () => {
    const text = newFileTemplate({
      systemicRisk: 'none',
      openSourceExemption: false,
      modification: false,
      today: TODAY,
    });
    const sections = [...text.matchAll(/^# Model Documentation Form, Section (\d)/gm)].map((m) => Number(m[1]));
    assert.deepEqual(sections, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.match(text, /^ {2}provider_legal_name: {2}# 1\.1 /m);
    assert.doesNotMatch(text, /safety_and_security/);
  });

  it('reports empty answers, never unknown keys or shape errors', () => {
    for (const systemicRisk of ['none', 'presumed', 'designated'] as const) {
      const doc = parse(
        newFileTemplate({ systemicRisk, openSourceExemption: false, modification: false, today: TODAY }),
      );
      const codes = new Set(getDiagnostics(doc, { today: TODAY }).diagnostics.map((d) => String(d.code)));
      assert.ok(!codes.has('key.unknown'), `${systemicRisk}: ${[...codes].join(', ')}`);
      assert.ok(
        ![...codes].some((c) => c.startsWith('yaml.') || c.startsWith('shape.')),
        `${systemicRisk}: ${[...codes].join(', ')}`,
      );
    }
  });

  it('holds the Safety and Security chapter and the notification date only with systemic risk', () => {
    const text = newFileTemplate({
      systemicRisk: 'presumed',
      openSourceExemption: false,
      modification: false,
      today: TODAY,
    });
    assert.match(text, /^safety_and_security:$/m);
    assert.match(text, /^ {2}notification_date:/m);
  });

  it('leaves out the Transparency chapter for the open-source exemption and asks for its conditions', () => {
    const text = newFileTemplate({
      systemicRisk: 'none',
      openSourceExemption: true,
      modification: false,
      today: TODAY,
    });
    assert.doesNotMatch(text, /^model_properties:/m);
    assert.match(text, /^ {4}licence_kind: free-and-open-source$/m);
    assert.match(text, /^copyright:$/m);
    assert.match(text, /^training_content_summary:$/m);
  });

  it('asks a modified model for the base models and the modification', () => {
    const text = newFileTemplate({ systemicRisk: 'none', openSourceExemption: true, modification: true, today: TODAY });
    assert.match(text, /^ {2}modification: {2}# /m);
    assert.match(text, /^ {2}model_dependencies:.*\n {4}- name:/m);
  });
});

describe('workspace summary', () => {
  it('summarises a complete example as fully covered without errors', () => {
    const summary = summarise(testEngine(), {
      uri: 'file:///kestrel-13b.gpai.yaml',
      text: example('kestrel-13b.gpai.yaml'),
    });
    assert.equal(summary.uri, 'file:///kestrel-13b.gpai.yaml');
    assert.equal(summary.percent, 100);
    assert.equal(summary.errors, 0);
    assert.equal(summary.classification.label, 'no systemic risk');
  });

  it('counts errors and warnings after the severity settings', () => {
    const file = {
      uri: 'file:///new.gpai.yaml',
      text: newFileTemplate({ systemicRisk: 'none', openSourceExemption: false, modification: false, today: TODAY }),
    };
    const plain = summarise(testEngine(), file);
    assert.ok(plain.errors + plain.warnings > 0);
    const quiet = summarise(testEngine(), file, { 'answer.empty': 'off' });
    assert.ok(quiet.errors + quiet.warnings < plain.errors + plain.warnings);
    assert.ok(plain.percent < 10);
  });
});
