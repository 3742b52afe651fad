import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { GPAI_GUIDELINES, thresholds } from '../../../server/src/engine/catalogue';
import { applyFix, codes, dataOf, diagnose, withCode } from '../../helpers/diagnostics';
import { getCoverage } from '../../helpers/engine';
import { edit, example, parse } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const KESTREL_7B = example('kestrel-7b-2024.gpai.yaml');
const HELPDESK = example('kestrel-13b-helpdesk.gpai.yaml');
const compute = (value: string) => edit(KESTREL, 'training_compute: 3.1e23', `training_compute: ${value}`);

describe('rule scope', () => {
  it('says, as information citing the guidelines, that a model at most 10^23 FLOP is indicatively not a GPAI model', () => {
    const text = compute('5.0e22');
    const [d] = withCode(text, 'scope.not-gpai');
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.match(d.message, /training compute of 5\.0e22 FLOP \(form 7\.4 .*\) is not greater than 10\^23 FLOP/);
    assert.match(d.message, /gpai_scope_reason/);
    assert.ok(dataOf(d).provisions.includes(GPAI_GUIDELINES));
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'training_compute: 5.0e22');
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: ['classification'], keys: ['gpai_scope_reason'] });
    assert.equal(thresholds.gpaiIndicativeCompute.flop, 1e23);
  });

  it('inserts `gpai_scope_reason` in the classification, and keeps saying so until it is written, without offering it again', () => {
    const text = compute('5.0e22');
    const fixed = applyFix(text, withCode(text, 'scope.not-gpai')[0]);
    assert.equal(fixed.title, 'Add general-purpose AI model (scope) (`gpai_scope_reason`)');
    assert.match(fixed.text, /\nclassification:\n( {2}.*\n)* {2}gpai_scope_reason: {2}# /);
    const [again] = withCode(fixed.text, 'scope.not-gpai');
    assert.equal(dataOf(again).fix, undefined);
  });

  it('treats exactly 10^23 FLOP as not greater than it', () => {
    assert.equal(withCode(compute('1.0e23'), 'scope.not-gpai').length, 1);
    assert.equal(withCode(compute('1.1e23'), 'scope.not-gpai').length, 0);
  });

  it('says so of a model that generates none of language, images or video, naming form 2.6', () => {
    const text = edit(
      edit(KESTREL, 'output_modalities: [text]', 'output_modalities: [other]'),
      /maximum_output_size:\n {4}text: 8,192 tokens/,
      'other_output_modality: Protein structures\n  maximum_output_size:\n    other: N/A',
    );
    const [d] = withCode(text, 'scope.not-gpai');
    assert.match(d.message, /its outputs \(form 2\.6 .*\) include none of language \(text or audio\), images or video/);
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'output_modalities: [other]');
  });

  it('makes the chapters and the summary not applicable with the reason, and keeps findings on what is written below error', () => {
    const text = compute('5.0e22');
    const report = getCoverage(parse(text));
    for (const root of report.roots) {
      assert.equal(root.state, 'not-applicable', root.id);
      assert.match(root.reason, /indicatively not a general-purpose AI model/);
    }
    assert.equal(report.classification.label, 'indicatively not a general-purpose AI model');
    const wrong = edit(text, 'union_market_release_date: 2025-08-04', 'union_market_release_date: 2025-07-01');
    const [order] = withCode(wrong, 'date.order');
    assert.equal(order.severity, DiagnosticSeverity.Warning);
    assert.match(order.message, /Voluntary here: indicatively not a general-purpose AI model/);
  });

  it('stops, and every duty applies again, once the file says why it treats the model as a GPAI model', () => {
    const text = edit(
      compute('5.0e22'),
      'open_source_exemption: false',
      'open_source_exemption: false\n  gpai_scope_reason: It performs a wide range of distinct tasks.',
    );
    assert.deepEqual(withCode(text, 'scope.not-gpai'), []);
    assert.equal(getCoverage(parse(text)).percent, 100);
    assert.equal(getCoverage(parse(text)).roots[0].state, 'covered');
  });

  it("reads a downstream modification as the base model's compute plus the modification's", () => {
    const text = edit(
      edit(HELPDESK, 'base_model_training_compute: 3.1e23', 'base_model_training_compute: 6.0e22'),
      'modification_compute: 2.1e21',
      'modification_compute: 3.0e22',
    );
    const [d] = withCode(text, 'scope.not-gpai');
    assert.match(d.message, /9\.0e22 FLOP, the base model's .* plus your modification's/);
    assert.equal(text.split('\n')[d.range.start.line].trim(), 'base_model_training_compute: 6.0e22');
  });

  it('stays quiet above 10^23 FLOP, with systemic risk, with a reason given, and on the examples', () => {
    assert.deepEqual(withCode(KESTREL, 'scope.not-gpai'), []);
    assert.deepEqual(withCode(KESTREL_7B, 'scope.not-gpai'), []);
    const designated = edit(
      compute('5.0e22'),
      'systemic_risk: none',
      'systemic_risk: designated\n  designation_date: 2025-09-01',
    );
    assert.deepEqual(withCode(designated, 'scope.not-gpai'), []);
    assert.deepEqual(
      codes(HELPDESK).filter((c) => c.startsWith('scope.')),
      [],
    );
    assert.ok(!diagnose(KESTREL).some((d) => d.code === 'scope.not-gpai'));
  });
});
