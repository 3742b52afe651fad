import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const TERN = example('kestrel-13b-distilled.gpai.yaml');
const KESTREL = example('kestrel-13b.gpai.yaml');
const BASE =
  '    - name: Kestrel-13B\n      provider: Kestrel Language Systems SAS\n      version: Kestrel-13B-Instruct-2509\n';

describe('rule modification', () => {
  it('asks for the name, provider and version of each base model', () => {
    const text = edit(TERN, BASE, '    - name: Kestrel-13B\n');
    const [d] = withCode(text, 'modification.base-model');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.match(d.message, /no provider, no version/);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'insert-keys',
      parent: ['general_information', 'model_dependencies', 0],
      keys: ['provider', 'version'],
    });
  });

  it('asks a modified model to say what it modified, citing Recital 109', () => {
    const text = edit(TERN, / {2}modification: \|\n( {4}.*\n)+/, '');
    const [d] = withCode(text, 'modification.description');
    assert.match(d.message, /limited to the modification/);
    assert.ok(dataOf(d).provisions.includes('Recital 109'));
    assert.deepEqual(dataOf(d).fix, { kind: 'insert-keys', parent: ['classification'], keys: ['modification'] });
  });

  it('reports an empty modification key without inserting it again', () => {
    const text = edit(TERN, / {2}modification: \|\n( {4}.*\n)+/, '  modification:\n');
    const [d] = withCode(text, 'modification.description');
    assert.equal(dataOf(d).fix, undefined);
  });

  it('reports a modification described with no base model listed', () => {
    const text = edit(
      KESTREL,
      'open_source_exemption: false',
      'open_source_exemption: false\n  modification: Fine-tuned on legal text.',
    );
    const [d] = withCode(text, 'modification.no-base-model');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(dataOf(d).id, 'form/1.6');
  });

  it('leaves an empty field to the empty-answer rule', () => {
    const text = edit(TERN, '      provider: Kestrel Language Systems SAS\n', '      provider: ""\n');
    assert.deepEqual(withCode(text, 'modification.base-model'), []);
    assert.equal(withCode(text, 'answer.empty').length, 1);
  });

  it('stays quiet on a model that is not a modification, and on the examples', () => {
    for (const name of [
      'kestrel-13b.gpai.yaml',
      'halcyon-xl.gpai.yaml',
      'meadow-7b.gpai.yaml',
      'kestrel-13b-distilled.gpai.yaml',
      'kestrel-7b-2024.gpai.yaml',
    ]) {
      assert.deepEqual(
        codes(example(name)).filter((c) => c.startsWith('modification.')),
        [],
        name,
      );
    }
  });

  it('works in a CRLF file', () => {
    const text = edit(TERN, BASE, '    - name: Kestrel-13B\n').replace(/\n/g, '\r\n');
    const [d] = withCode(text, 'modification.base-model');
    assert.equal(text.split('\r\n')[d.range.start.line].trim(), '- name: Kestrel-13B');
  });
});
