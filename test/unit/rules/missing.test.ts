import * as assert from 'node:assert/strict';
import { dataOf, diagnose, withCode } from '../../helpers/diagnostics';
import { edit, example, lines } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

describe('rule missing', () => {
  it("reports a missing form item on its section's line, naming the item and Transparency Measure 1.1", () => {
    const text = edit(KESTREL, / {2}training_compute: 3\.1e23\n/, '');
    const [d] = withCode(text, 'missing.item');
    assert.ok(d, 'a finding');
    assert.equal(text.split('\n')[d.range.start.line], 'computational_resources:');
    assert.match(d.message, /Form item 7\.4 “Amount of computation used for training \(AI Office\)”/);
    assert.match(d.message, /Transparency Measure 1\.1/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['computational_resources'],
      keys: ['training_compute'],
    });
  });

  it('reports an absent section once, not item by item', () => {
    const text = edit(KESTREL, /\ntraining_process:\n( {2}.*\n| {4}.*\n)*/, '\n');
    const found = diagnose(text).filter((d) => String(d.code).startsWith('missing.'));
    assert.deepEqual(
      found.map((d) => d.code),
      ['missing.section'],
    );
    assert.match(found[0].message, /Section 5 “Training process”/);
  });

  it('reports each missing item of an empty section', () => {
    const text = edit(KESTREL, /\ntraining_process:\n( {2}.*\n| {4}.*\n)*/, '\ntraining_process:\n');
    assert.deepEqual(
      withCode(text, 'missing.item').map((d) => dataOf(d).id),
      ['form/5.1', 'form/5.2'],
    );
  });

  it('does not ask for the Transparency items when the open-source exemption validly applies', () => {
    const text = lines(
      'gpai: 1',
      'classification:',
      '  systemic_risk: none',
      '  open_source_exemption:',
      '    claimed: true',
      '    licence: Apache-2.0',
      '    licence_kind: free-and-open-source',
      '    weights: https://m.example/w',
      '    architecture: https://m.example/a',
      '    usage: https://m.example/u',
      '    monetised: false',
    );
    const found = diagnose(text).map((d) => String(d.code));
    assert.ok(!found.includes('missing.section') && !found.includes('missing.item'), found.join());
    assert.ok(found.includes('missing.commitment'), 'Copyright still applies');
    assert.ok(found.includes('missing.summary'), 'the training-content summary still applies');
  });

  it('requires the Safety and Security chapter for a model with systemic risk', () => {
    const text = edit(
      edit(KESTREL, 'training_compute: 3.1e23', 'training_compute: 3.8e25'),
      'systemic_risk: none',
      'systemic_risk: presumed',
    );
    const [d] = withCode(text, 'missing.chapter');
    assert.match(d.message, /systemic risk/);
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: [], keys: ['safety_and_security'] });
  });

  it('reports missing fields of a list entry', () => {
    const text = edit(
      KESTREL,
      '      - hardware: Nvidia H100 SXM\n        days: 3.6e4\n',
      '      - hardware: Nvidia H100 SXM\n',
    );
    const [d] = withCode(text, 'missing.item');
    assert.match(d.message, /`days` under `computational_resources.training_time.hardware_days\[0\]`/);
  });

  it('asks for the classification and the training-content summary in an empty file', () => {
    const found = diagnose('gpai: 1\n').map((d) => String(d.code));
    assert.ok(found.includes('missing.classification'));
    assert.ok(found.includes('missing.summary'));
  });

  it('stays quiet on a complete file', () => {
    assert.equal(diagnose(KESTREL).filter((d) => String(d.code).startsWith('missing.')).length, 0);
  });
});
