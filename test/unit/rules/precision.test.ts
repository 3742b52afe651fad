import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const set = (from: string, to: string) => edit(KESTREL, from, to);
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('rule precision', () => {
  it('warns on one significant figure where the form asks two, judged on the text (1e25)', () => {
    const [d] = withCode(set('training_compute: 3.1e23', 'training_compute: 3e23'), 'precision.significant-figures');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(
      d.message,
      /form 7\.4 “Amount of computation used for training \(AI Office\)” asks for at least two significant figures; 3e23 has one/i,
    );
    assert.match(d.message, /3\.0e23/);
  });

  it('passes 1.0e25 as a number and as a string, and 73,000,000,000', () => {
    for (const written of ['1.0e25', '"1.0e25"', '"1.0e25 FLOP"']) {
      assert.deepEqual(
        withCode(set('training_compute: 3.1e23', `training_compute: ${written}`), 'precision.significant-figures'),
        [],
        written,
      );
    }
    assert.deepEqual(
      withCode(set('total_model_size: 1.3e10', 'total_model_size: 73,000,000,000'), 'precision.significant-figures'),
      [],
    );
  });

  it('warns on 1e25 written as a string too', () => {
    assert.equal(
      withCode(set('training_compute: 3.1e23', 'training_compute: "1e25"'), 'precision.significant-figures').length,
      1,
    );
  });

  it('checks total parameters, data points, training energy and inference compute', () => {
    let text = set('total_model_size: 1.3e10', 'total_model_size: 1e10');
    text = edit(text, 'training: 2.1e12 tokens', 'training: 2e12 tokens');
    text = edit(text, 'training_energy: 3.4e2 MWh', 'training_energy: 3e2 MWh');
    text = edit(text, 'inference_compute: 5.3e15', 'inference_compute: 5e15');
    const ids = withCode(text, 'precision.significant-figures').map((d) => dataOf(d).id);
    assert.deepEqual(ids, ['form/2.9', 'form/6.5', 'form/8.1', 'form/8.3']);
  });

  it('says that the AI Office data-point precision is known only from the third draft', () => {
    const [d] = withCode(set('training: 2.1e12 tokens', 'training: 2e12 tokens'), 'precision.significant-figures');
    assert.match(d.message, /known only from the third draft/);
  });

  it('accepts one significant figure for training time', () => {
    assert.deepEqual(
      withCode(set('wall_clock_days: 7.4e1', 'wall_clock_days: 7e1'), 'precision.significant-figures'),
      [],
    );
  });

  it('converts a wrong energy unit exactly, as the fix', () => {
    const [d] = withCode(set('training_energy: 3.4e2 MWh', 'training_energy: 3.4e5 kWh'), 'precision.unit');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['energy_consumption', 'training_energy'],
      value: '3.4e2 MWh',
      title: 'Convert to 3.4e2 MWh',
    });
  });

  it('converts parameters written as 13B, and hours to days where exact', () => {
    assert.equal(
      (
        dataOf(withCode(set('total_model_size: 1.3e10', 'total_model_size: 13B'), 'precision.unit')[0]).fix as {
          value: string;
        }
      ).value,
      '1.3e10',
    );
    assert.equal(
      (
        dataOf(withCode(set('wall_clock_days: 7.4e1', 'wall_clock_days: 48 hours'), 'precision.unit')[0]).fix as {
          value: string;
        }
      ).value,
      '2.0e0',
    );
    const inexact = withCode(set('wall_clock_days: 7.4e1', 'wall_clock_days: 100 hours'), 'precision.unit');
    assert.equal(inexact.length, 1);
    assert.equal(dataOf(inexact[0]).fix, undefined);
  });

  it('reports a unit it cannot convert without a fix', () => {
    const [d] = withCode(set('training_energy: 3.4e2 MWh', 'training_energy: 1.2e3 GJ'), 'precision.unit');
    assert.equal(dataOf(d).fix, undefined);
    assert.match(d.message, /MWh/);
  });

  it("accepts the form's units and hardware-days", () => {
    let text = set('training_compute: 3.1e23', 'training_compute: 3.1e23 FLOP');
    text = edit(text, 'days: 3.6e4', 'days: 3.6e4 H100-days');
    text = edit(text, 'inference_compute: 5.3e15', 'inference_compute: 5.3e15 FLOPs');
    text = edit(text, 'wall_clock_days: 7.4e1', 'wall_clock_days: 7.4e1 days');
    text = edit(text, 'training_energy: 3.4e2 MWh', 'training_energy: 3.4e2 MWh (metered, including cooling)');
    text = edit(text, 'total_model_size: 1.3e10', 'total_model_size: 1.3e10 (including embeddings)');
    assert.deepEqual(
      codes(text).filter((c) => c.startsWith('precision.')),
      [],
    );
  });

  it('asks for the unit of data points', () => {
    const [d] = withCode(set('testing: 4.0e9 tokens', 'testing: 4.0e9'), 'precision.unit-missing');
    assert.match(d.message, /4\.0e9 tokens/);
  });

  it('asks for a power of ten as the order of magnitude, and the fix writes it', () => {
    const [d] = withCode(
      set('training_compute: 3.1e23', 'training_compute: 3.1e23\n  training_compute_magnitude: 3e23'),
      'precision.order-of-magnitude',
    );
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['computational_resources', 'training_compute_magnitude'],
      value: '1e23',
      title: 'Write the order of magnitude, 1e23',
    });
    assert.deepEqual(
      withCode(
        set('training_compute: 3.1e23', 'training_compute: 3.1e23\n  training_compute_magnitude: 1e23 FLOP'),
        'precision.order-of-magnitude',
      ),
      [],
    );
  });

  it('reports text that is not a number', () => {
    const [d] = withCode(
      set('total_model_size: 1.3e10', 'total_model_size: about thirteen billion'),
      'precision.not-a-number',
    );
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(d.message, /7\.3e10/);
  });

  it('leaves N/A, placeholders and empty values to their own rules', () => {
    for (const value of ['N/A', 'TBD', '""']) {
      assert.deepEqual(
        codes(set('inference_compute: 5.3e15', `inference_compute: ${value}`)).filter((c) =>
          c.startsWith('precision.'),
        ),
        [],
        value,
      );
    }
  });

  it('points at the value in a CRLF file', () => {
    const text = crlf(set('training_compute: 3.1e23', 'training_compute: 3e23'));
    const [d] = withCode(text, 'precision.significant-figures');
    const line = text.split('\r\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), '3e23');
  });

  it('stays quiet on the examples', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'meadow-7b.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
      'kestrel-7b-2024.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('precision.')),
        [],
        name,
      );
    }
  });
});
