import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getCoverage } from '../../helpers/engine';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example, parse } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const set = (from: string | RegExp, to: string) => edit(KESTREL, from, to);

describe('rule placeholders', () => {
  for (const marker of ['TODO', 'TBD', 'FIXME', 'Lorem ipsum dolor sit amet', '<fill in>', '???', 'xxx']) {
    it(`reports the placeholder ${marker}`, () => {
      const text = set(/model_architecture: .*/, `model_architecture: "${marker}"`);
      const [d] = withCode(text, 'answer.placeholder');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(dataOf(d).id, 'form/2.1');
      assert.match(d.message, /form 2\.1 “Model architecture”/i);
    });
  }

  it("reports the template's own hint text left unchanged", () => {
    const text = set(
      'summary: Rightsholders reach us by e-mail or through a complaint form; complaints get an answer within 30 days.',
      'summary: How you meet this measure, in a few sentences.',
    );
    const [d] = withCode(text, 'answer.placeholder');
    assert.match(d.message, /template's example text/);
  });

  it('reports placeholders in list entries and quantities', () => {
    assert.equal(withCode(set('- Kestrel-13B-Instruct-2509', '- TBD'), 'answer.placeholder').length, 1);
    assert.equal(withCode(set('total_model_size: 1.3e10', 'total_model_size: TBD'), 'answer.placeholder').length, 1);
  });

  it('never counts a placeholder as covered', () => {
    const text = set(/model_architecture: .*/, 'model_architecture: TODO');
    const node = JSON.stringify(getCoverage(parse(text)));
    assert.match(node, /placeholder text \(TODO\)/);
  });

  it('reports required answers written empty: nothing, "", [] ', () => {
    assert.equal(withCode(set(/model_architecture: .*/, 'model_architecture:'), 'answer.empty').length, 1);
    assert.equal(withCode(set(/model_architecture: .*/, 'model_architecture: ""'), 'answer.empty').length, 1);
    assert.equal(
      withCode(set(/ {2}distribution_channels:\n( {4}- .*\n)+/, '  distribution_channels: []\n'), 'answer.empty')
        .length,
      1,
    );
    assert.equal(withCode(set('systemic_risk: none', 'systemic_risk:'), 'answer.empty').length, 1);
  });

  it('leaves optional keys alone when empty, and empty blocks to the missing-item rule', () => {
    assert.deepEqual(withCode(set(/model_authenticity: .*/, 'model_authenticity:'), 'answer.empty'), []);
    const text = set(/\ntraining_process:\n( {2}.*\n| {4}.*\n)*/, '\ntraining_process:\n');
    assert.deepEqual(withCode(text, 'answer.empty'), []);
  });

  it('does not mistake "<1 month" or ordinary words for placeholders', () => {
    assert.deepEqual(
      withCode(
        set('  training_compute: 3.1e23', '  training_time_range: <1 month\n  training_compute: 3.1e23'),
        'answer.placeholder',
      ),
      [],
    );
  });

  it('works in a CRLF file', () => {
    const text = set(/model_architecture: .*/, 'model_architecture: TODO').replace(/\n/g, '\r\n');
    const [d] = withCode(text, 'answer.placeholder');
    assert.equal(text.split('\r\n')[d.range.start.line].trim(), 'model_architecture: TODO');
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
        codes(example(name)).filter((c) => c.startsWith('answer.')),
        [],
        name,
      );
    }
  });
});
