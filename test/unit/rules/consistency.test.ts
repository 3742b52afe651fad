import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { named } from '../../../server/src/engine/catalogue';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const CODE = 'consistency.derived-value';
const params = (total: string, range: string) =>
  edit(KESTREL, 'total_model_size: 1.3e10', `total_model_size: ${total}\n  parameter_range: ${range}`);
const dataPoints = (training: string) =>
  edit(
    KESTREL,
    '    validation: 2.0e9 tokens\n',
    `    validation: 2.0e9 tokens\n  data_points_nca:\n    training: ${training}\n`,
  );

describe('rule consistency', () => {
  it('reports a parameter range that does not contain the total, and the fix sets the containing range', () => {
    const [d] = withCode(params('7.3e10', '5B-15B'), CODE);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.ok(d.message.toLowerCase().includes(named('form/2.10').toLowerCase()), d.message);
    assert.match(d.message, /7\.3e10/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['model_properties', 'parameter_range'],
      value: '50B-100B',
      title: 'Set the parameter range to 50B-100B',
    });
  });

  it('accepts the range containing the total, whatever its spelling', () => {
    for (const range of ['5B-15B', '"5B–15B"', '5B - 15B'])
      assert.deepEqual(withCode(params('1.3e10', range), CODE), [], range);
    assert.deepEqual(withCode(params('"1.3e10"', '5B-15B'), CODE), [], 'a total written as a string');
    assert.equal(
      withCode(params('7.3e10 (including embeddings)', '5B-15B'), CODE).length,
      1,
      'a remark after the figure',
    );
  });

  it('accepts either neighbour on an exact boundary, and derives the lower one', () => {
    assert.deepEqual(withCode(params('5.0e9', '500M-5B'), CODE), []);
    assert.deepEqual(withCode(params('5.0e9', '5B-15B'), CODE), []);
    const [d] = withCode(params('5.0e9', '15B-50B'), CODE);
    assert.equal((dataOf(d).fix as { value: string }).value, '500M-5B');
  });

  it('compares wall-clock days with the training-time range', () => {
    const text = edit(KESTREL, 'wall_clock_days: 7.4e1', 'wall_clock_days: 7.4e1\n    # range below\n');
    const wrong = edit(
      text,
      '  training_compute: 3.1e23',
      '  training_time_range: <1 month\n  training_compute: 3.1e23',
    );
    const [d] = withCode(wrong, CODE);
    assert.equal(dataOf(d).id, 'form/7.1');
    assert.equal((dataOf(d).fix as { value: string }).value, '1-3 months');
    assert.deepEqual(
      withCode(
        edit(text, '  training_compute: 3.1e23', '  training_time_range: 1-3 months\n  training_compute: 3.1e23'),
        CODE,
      ),
      [],
    );
  });

  it('compares compute with its order of magnitude', () => {
    const text = (magnitude: string) =>
      edit(KESTREL, 'training_compute: 3.1e23', `training_compute: 3.1e23\n  training_compute_magnitude: ${magnitude}`);
    const [d] = withCode(text('1e24'), CODE);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['computational_resources', 'training_compute_magnitude'],
      value: '1e23',
      title: 'Set the order of magnitude to 1e23',
    });
    assert.deepEqual(withCode(text('1e23'), CODE), []);
    assert.deepEqual(withCode(text('"1e23 FLOP"'), CODE), []);
    assert.equal((dataOf(withCode(text('1e22 FLOP'), CODE)[0]).fix as { value: string }).value, '1e23 FLOP');
  });

  it('gets the order of magnitude of exactly 1e25 right', () => {
    const text = edit(
      KESTREL,
      'training_compute: 3.1e23',
      'training_compute: 1.0e25\n  training_compute_magnitude: 1e25',
    );
    assert.deepEqual(withCode(text, CODE), []);
  });

  it('compares data points for national authorities at their own significant figures', () => {
    assert.deepEqual(withCode(dataPoints('2e12 tokens'), CODE), []);
    assert.deepEqual(withCode(dataPoints('2.1e12 tokens'), CODE), []);
    const [d] = withCode(dataPoints('3e12 tokens'), CODE);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'set-value',
      path: ['data', 'data_points_nca', 'training'],
      value: '2e12 tokens',
      title: 'Set the training data points for national authorities to 2e12 tokens',
    });
    assert.doesNotMatch(d.message, /not verified|third draft/, 'the official form confirms one significant figure');
  });

  it('reads "tokens (deduplicated)" and "token" as the unit tokens', () => {
    assert.deepEqual(withCode(dataPoints('2e12 token'), CODE), []);
    assert.deepEqual(
      withCode(
        edit(dataPoints('2e12 tokens'), 'training: 2.1e12 tokens', 'training: 2.1e12 tokens (after deduplication)'),
        CODE,
      ),
      [],
    );
  });

  it('reports data points in different units', () => {
    const [d] = withCode(dataPoints('2e12 documents'), CODE);
    assert.match(d.message, /units differ/);
  });

  it('stays quiet when the coarse value is left out, and on the examples', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
      'kestrel-7b-2024.gpai.yaml',
      'meadow-7b.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c === CODE),
        [],
        name,
      );
    }
  });

  it('works in a CRLF file', () => {
    const text = params('7.3e10', '5B-15B').replace(/\n/g, '\r\n');
    const [d] = withCode(text, CODE);
    assert.equal(text.split('\r\n')[d.range.start.line].trim(), 'parameter_range: 5B-15B');
  });
});
