import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { thresholds } from '../../../server/src/engine/catalogue';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('rule length', () => {
  it('gives a hint when an answer runs far beyond the recommended length', () => {
    const over = Math.floor(20 * thresholds.recommendedLengthFactor.value) + 1;
    const [d] = withCode(
      edit(KESTREL, /model_architecture: .*/, `model_architecture: ${words(over)}`),
      'length.recommended',
    );
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.match(d.message, new RegExp(`has ${over} words; the form recommends 20 words`));
    assert.doesNotMatch(d.message, /third draft/, '2.1 is confirmed for the final form');
  });

  it('stays quiet a little over the recommended length', () => {
    assert.deepEqual(
      withCode(edit(KESTREL, /model_architecture: .*/, `model_architecture: ${words(25)}`), 'length.recommended'),
      [],
    );
  });

  it('gives the recommended length as a fact once the official form confirms it (4.2: 200 words)', () => {
    const [d] = withCode(
      edit(KESTREL, / {2}intended_uses: >-\n( {4}.*\n)+/, `  intended_uses: ${words(400)}\n`),
      'length.recommended',
    );
    assert.equal(dataOf(d).id, 'form/4.2');
    assert.match(d.message, /recommends 200 words/);
    assert.doesNotMatch(d.message, /third draft|not verified/);
  });

  it('gives a hint on a single word where a description is asked', () => {
    const [d] = withCode(
      edit(KESTREL, /model_architecture: .*/, 'model_architecture: Transformer'),
      'length.too-short',
    );
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.match(d.message, /single word "Transformer"/);
    const summary = edit(
      KESTREL,
      'summary: An output filter blocks long verbatim reproductions of known protected text, and our terms forbid infringing uses.',
      'summary: Filters.',
    );
    assert.equal(dataOf(withCode(summary, 'length.too-short')[0]).id, 'copyright/1.4');
  });

  it('leaves items without a description alone (names, N/A)', () => {
    assert.deepEqual(
      codes(edit(KESTREL, 'model_name: Kestrel-13B', 'model_name: Kestrel')).filter((c) => c.startsWith('length.')),
      [],
    );
    assert.deepEqual(
      codes(edit(KESTREL, /required_hardware: .*/, 'required_hardware: N/A')).filter((c) => c.startsWith('length.')),
      [],
    );
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
        codes(example(name)).filter((c) => c.startsWith('length.')),
        [],
        name,
      );
    }
  });
});
